//! A paragraph's lines.

use std::ops::Range;

/// One line of a paragraph: byte range of its content, without terminator.
pub type LineSpan = Range<usize>;

/// Splits a paragraph into line content ranges (`\n`, `\r\n`, `\r`).
pub fn line_spans(text: &str) -> Vec<LineSpan> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                spans.push(start..i);
                start = i + 1;
            }
            b'\r' => {
                spans.push(start..i);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    spans.push(start..bytes.len());
    spans
}

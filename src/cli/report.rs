//! Findings placed in a file: byte ranges turned into line/character
//! positions once, here at the edge, for every output format.

use std::ops::Range;

use ropey::Rope;

use crate::checks::Finding;
use crate::config::Severity;
use crate::text::{offset_to_position, LineCol, PositionEncoding};

/// A fix's edit, with its range in UTF-16 positions.
#[derive(Clone, Debug)]
pub struct PlacedEdit {
    pub start: LineCol,
    pub end: LineCol,
    pub new_text: String,
}

#[derive(Clone, Debug)]
pub struct PlacedFix {
    pub title: String,
    pub edits: Vec<PlacedEdit>,
}

/// The first line of a finding, as shown under the message.
#[derive(Clone, Debug)]
pub struct Snippet {
    /// The line's content, without its terminator.
    pub line: String,
    /// The part underlined, as a byte range of `line`.
    pub underline: Range<usize>,
    /// Lines the finding runs over after the first.
    pub more_lines: u32,
}

/// A finding with its positions.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Zero-based, characters in UTF-16 code units (as LSP sends them).
    pub start: LineCol,
    pub end: LineCol,
    /// Zero-based column of the start in characters (Unicode scalar values).
    pub start_char: u32,
    /// Zero-based column of the end in characters, on the end's line.
    pub end_char: u32,
    pub snippet: Snippet,
    pub fixes: Vec<PlacedFix>,
}

/// One checked file.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The path as given on the command line (or `<stdin>`).
    pub path: String,
    /// Relative URI with forward slashes, for SARIF.
    pub uri: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Bytes of context shown either side of a finding on a long line.
const CONTEXT: usize = 160;

/// The byte offset where a line's content ends (before its terminator).
fn content_end(rope: &Rope, line: usize) -> usize {
    let slice = rope.line(line);
    let mut len = slice.len_bytes();
    if len > 0 && slice.byte(len - 1) == b'\n' {
        len -= 1;
    }
    if len > 0 && slice.byte(len - 1) == b'\r' {
        len -= 1;
    }
    rope.line_to_byte(line) + len
}

/// The byte offset of the char boundary at or before `offset`.
fn floor_boundary(rope: &Rope, offset: usize) -> usize {
    rope.char_to_byte(rope.byte_to_char(offset.min(rope.len_bytes())))
}

fn utf16(rope: &Rope, offset: usize) -> LineCol {
    offset_to_position(rope, offset, PositionEncoding::Utf16)
}

/// Places one finding in the text held by `rope`.
pub fn place(rope: &Rope, finding: &Finding) -> Diagnostic {
    let start = utf16(rope, finding.range.start);
    let end = utf16(rope, finding.range.end);
    let start8 = offset_to_position(rope, finding.range.start, PositionEncoding::Utf8);
    let end8 = offset_to_position(rope, finding.range.end, PositionEncoding::Utf8);
    // The first line, cut to a window round the finding when it is long, so
    // a huge one-line file does not copy the whole line per finding.
    let line_no = start8.line as usize;
    let line_start = rope.line_to_byte(line_no);
    let line_end = content_end(rope, line_no);
    let from = (line_start + start8.character as usize).min(line_end);
    let to = if end8.line == start8.line {
        (line_start + end8.character as usize).clamp(from, line_end)
    } else {
        line_end
    };
    let to = floor_boundary(rope, to.min(from + 2 * CONTEXT));
    let window_start = floor_boundary(rope, from.saturating_sub(CONTEXT).max(line_start));
    let window_end = floor_boundary(rope, (to + CONTEXT).min(line_end));
    let mut line = String::new();
    if window_start > line_start {
        line.push('…');
    }
    let offset = line.len();
    line.push_str(&rope.byte_slice(window_start..window_end).to_string());
    if window_end < line_end {
        line.push('…');
    }
    let underline = offset + (from - window_start)..offset + (to - window_start);
    let start_char =
        u32::try_from(rope.byte_to_char(from) - rope.byte_to_char(line_start)).unwrap_or(u32::MAX);
    let end_line = end8.line as usize;
    let end_at = floor_boundary(rope, finding.range.end);
    let end_char = u32::try_from(
        rope.byte_to_char(end_at)
            .saturating_sub(rope.line_to_char(end_line.min(rope.len_lines().saturating_sub(1)))),
    )
    .unwrap_or(u32::MAX);
    let fixes = finding
        .fixes
        .iter()
        .map(|f| PlacedFix {
            title: f.title.clone(),
            edits: f
                .edits
                .iter()
                .map(|e| PlacedEdit {
                    start: utf16(rope, e.range.start),
                    end: utf16(rope, e.range.end),
                    new_text: e.new_text.clone(),
                })
                .collect(),
        })
        .collect();
    Diagnostic {
        code: finding.code,
        severity: finding.severity,
        message: finding.message.clone(),
        start,
        end,
        start_char,
        end_char,
        snippet: Snippet {
            line,
            underline,
            more_lines: end8.line.saturating_sub(start8.line),
        },
        fixes,
    }
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Tally {
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        self.add_findings(report);
    }

    /// Counts a report's findings, not as another file.
    pub fn add_findings(&mut self, report: &FileReport) {
        for d in &report.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Information | Severity::Hint => self.notes += 1,
            }
        }
    }

    /// Whether `check` fails: any warning or error.
    pub fn fails(&self) -> bool {
        self.errors + self.warnings > 0
    }

    /// `2 files checked: 3 warnings, 1 error`.
    pub fn summary(&self) -> String {
        fn n(count: usize, one: &str, many: &str) -> String {
            format!("{count} {}", if count == 1 { one } else { many })
        }
        let mut parts = Vec::new();
        if self.warnings > 0 {
            parts.push(n(self.warnings, "warning", "warnings"));
        }
        if self.errors > 0 {
            parts.push(n(self.errors, "error", "errors"));
        }
        if self.notes > 0 {
            parts.push(n(self.notes, "note", "notes"));
        }
        if parts.is_empty() {
            parts.push("no findings".to_string());
        }
        format!(
            "{} checked: {}",
            n(self.files, "file", "files"),
            parts.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Fix;

    fn finding(range: Range<usize>) -> Finding {
        Finding {
            code: "placeholder",
            severity: Severity::Error,
            range,
            message: "fill it in".into(),
            fixes: vec![Fix {
                title: "t".into(),
                edits: vec![],
                safe: false,
            }],
        }
    }

    #[test]
    fn positions_count_utf16_and_columns_count_characters() {
        // “😀” is two UTF-16 units and one character; “é” one of each.
        let text = "Intro.\r\n“Café 😀” said Ms Okafor, TK\r\n";
        let rope = Rope::from_str(text);
        let at = text.find("TK").unwrap();
        let d = place(&rope, &finding(at..at + 2));
        assert_eq!(d.start, LineCol::new(1, 26));
        assert_eq!(d.end, LineCol::new(1, 28));
        assert_eq!(d.start_char, 25);
        assert_eq!(&d.snippet.line[d.snippet.underline.clone()], "TK");
        assert_eq!(d.snippet.more_lines, 0);
    }

    #[test]
    fn a_range_over_lines_is_underlined_to_the_end_of_its_first_line() {
        let text = "READ MORE: one\r\nTwo\r\nCopy.";
        let rope = Rope::from_str(text);
        let d = place(&rope, &finding(0..19));
        assert_eq!(
            &d.snippet.line[d.snippet.underline.clone()],
            "READ MORE: one"
        );
        assert_eq!(d.snippet.more_lines, 1);
        assert_eq!(d.end, LineCol::new(1, 3));
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_round_the_finding() {
        let par = "Mr Hale said the budget would pass. ".repeat(500);
        let text = format!("{par}TK and more. {par}\n");
        let rope = Rope::from_str(&text);
        let at = text.find("TK").unwrap();
        let d = place(&rope, &finding(at..at + 2));
        assert!(
            d.snippet.line.len() < 2 * CONTEXT + 16,
            "{}",
            d.snippet.line.len()
        );
        assert!(d.snippet.line.starts_with('…') && d.snippet.line.ends_with('…'));
        assert_eq!(&d.snippet.line[d.snippet.underline.clone()], "TK");
        assert_eq!(d.start_char as usize, par.chars().count());
    }

    #[test]
    fn summary_counts_by_severity() {
        let mut t = Tally::default();
        assert_eq!(t.summary(), "0 files checked: no findings");
        t.files = 2;
        t.warnings = 3;
        t.errors = 1;
        assert_eq!(t.summary(), "2 files checked: 3 warnings, 1 error");
        assert!(t.fails());
    }
}

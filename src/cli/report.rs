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

/// A line's content (without terminator).
fn line_content(rope: &Rope, line: usize) -> String {
    let mut s = rope.line(line).to_string();
    if s.ends_with('\n') {
        s.pop();
    }
    if s.ends_with('\r') {
        s.pop();
    }
    s
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
    let line = line_content(rope, start8.line as usize);
    let from = floor_char_boundary(&line, start8.character as usize);
    let to = if end8.line == start8.line {
        floor_char_boundary(&line, end8.character as usize).max(from)
    } else {
        line.len()
    };
    let start_char = u32::try_from(line[..from].chars().count()).unwrap_or(u32::MAX);
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
        snippet: Snippet {
            line,
            underline: from..to,
            more_lines: end8.line.saturating_sub(start8.line),
        },
        fixes,
    }
}

/// The largest char boundary of `s` at or before `i`.
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
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

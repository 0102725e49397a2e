//! The compiler-style terminal report: `path:line:col: warning[code]: message`,
//! the line, a caret underline and the fixes.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

use super::report::{Diagnostic, FileReport};
use crate::config::Severity;

/// ANSI colour, on only when stdout is a terminal.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

fn severity_label(s: Severity) -> (&'static str, &'static str) {
    match s {
        Severity::Error => ("error", "1;31"),
        Severity::Warning => ("warning", "1;33"),
        Severity::Information => ("info", "1;36"),
        Severity::Hint => ("hint", "1;36"),
    }
}

/// How a character of the source line is shown, and its display width.
fn shown(c: char) -> (String, usize) {
    match c {
        '\t' => ("    ".to_string(), 4),
        c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => (" ".to_string(), 1),
        c => (c.to_string(), c.width().unwrap_or(0)),
    }
}

/// Renders one diagnostic, followed by a blank line.
pub fn render(out: &mut String, path: &str, d: &Diagnostic, style: Style) {
    let line_no = (d.start.line as usize) + 1;
    let (label, color) = severity_label(d.severity);
    let _ = writeln!(
        out,
        "{}: {}: {}",
        style.paint("1", &format!("{path}:{line_no}:{}", d.start_char + 1)),
        style.paint(color, &format!("{label}[{}]", d.code)),
        style.paint("1", &d.message)
    );
    let gutter = " ".repeat(line_no.to_string().len());
    let bar = style.paint("1;34", "|");
    let mut line = String::new();
    let mut pad = String::new();
    let mut carets = 0;
    for (i, c) in d.snippet.line.char_indices() {
        let (s, w) = shown(c);
        line.push_str(&s);
        if i < d.snippet.underline.start {
            pad.push_str(&" ".repeat(w));
        } else if i < d.snippet.underline.end {
            carets += w;
        }
    }
    let mut underline = "^".repeat(carets.max(1));
    if d.snippet.more_lines > 0 {
        let n = d.snippet.more_lines;
        let _ = write!(
            underline,
            " (and {n} more line{})",
            if n == 1 { "" } else { "s" }
        );
    }
    let _ = writeln!(out, "{gutter} {bar}");
    let _ = writeln!(
        out,
        "{} {bar} {}",
        style.paint("1;34", &line_no.to_string()),
        line.trim_end()
    );
    let _ = writeln!(
        out,
        "{gutter} {bar} {pad}{}",
        style.paint(color, &underline)
    );
    for f in &d.fixes {
        let _ = writeln!(
            out,
            "{gutter} {} fix: {}",
            style.paint("1;34", "="),
            f.title
        );
    }
    out.push('\n');
}

/// Renders a file's diagnostics.
pub fn render_file(report: &FileReport, style: Style) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        render(&mut out, &report.path, d, style);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{Finding, Fix};
    use crate::cli::report::place;
    use ropey::Rope;

    #[test]
    fn a_block_is_underlined_on_its_first_line_with_a_count_of_the_rest() {
        let text = "Copy.\n\nREAD MORE:\n\tTories in turmoil\nLabour’s plan\n";
        let rope = Rope::from_str(text);
        let start = text.find("READ").unwrap();
        let finding = Finding {
            code: "boilerplate",
            severity: Severity::Warning,
            range: start..text.len() - 1,
            message: "Web link block left in copy: remove it".into(),
            fixes: vec![Fix {
                title: "Remove this boilerplate block (3 lines)".into(),
                edits: vec![],
                safe: true,
            }],
        };
        let mut out = String::new();
        render(&mut out, "a.txt", &place(&rope, &finding), Style::default());
        assert_eq!(
            out,
            "a.txt:3:1: warning[boilerplate]: Web link block left in copy: remove it\n  |\n3 | READ MORE:\n  | ^^^^^^^^^^ (and 2 more lines)\n  = fix: Remove this boilerplate block (3 lines)\n\n"
        );
        let mut coloured = String::new();
        render(
            &mut coloured,
            "a.txt",
            &place(&rope, &finding),
            Style { color: true },
        );
        assert!(coloured.contains("\x1b[1;33mwarning[boilerplate]\x1b[0m"));
    }
}

//! The compiler-style terminal report: `path:line:col: warning[code]: message`,
//! then the line with a caret under the finding and each fix as a help line,
//! drawn by `annotate-snippets` (the renderer rustc and cargo use), which
//! places the caret by display width: tabs, wide CJK characters and emoji
//! keep it under the exact span.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::report::{Diagnostic, FileReport};
use crate::config::Severity;

/// ANSI colour: on only when stdout is a terminal and `NO_COLOR` is not set.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    pub color: bool,
}

impl Style {
    /// Colour as the terminal report uses it: when stdout is a terminal,
    /// unless `NO_COLOR` is set (to anything, <https://no-color.org>).
    pub fn for_stdout() -> Self {
        use std::io::IsTerminal;
        Self {
            color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    fn paint(self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn renderer(self) -> Renderer {
        if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
    }
}

fn severity_label(s: Severity) -> (&'static str, &'static str, Level<'static>) {
    match s {
        Severity::Error => ("error", "1;31", Level::ERROR),
        Severity::Warning => ("warning", "1;33", Level::WARNING),
        Severity::Information => ("info", "1;36", Level::INFO),
        Severity::Hint => ("hint", "1;36", Level::NOTE),
    }
}

/// Renders one diagnostic, followed by a blank line.
pub fn render(out: &mut String, path: &str, d: &Diagnostic, style: Style) {
    let line_no = (d.start.line as usize) + 1;
    let (label, color, level) = severity_label(d.severity);
    let _ = writeln!(
        out,
        "{}: {}: {}",
        style.paint("1", &format!("{path}:{line_no}:{}", d.start_char + 1)),
        style.paint(color, &format!("{label}[{}]", d.code)),
        style.paint("1", &d.message)
    );
    // Control characters (a CMS's U+2028 line separator) would break the
    // drawing: shown as spaces, byte for byte in place.
    let line: String = d
        .snippet
        .line
        .chars()
        .map(|c| {
            if c != '\t' && (c.is_control() || c == '\u{2028}' || c == '\u{2029}') {
                let mut buf = [0u8; 4];
                " ".repeat(c.encode_utf8(&mut buf).len())
            } else {
                c.to_string()
            }
        })
        .collect();
    let n = d.snippet.more_lines;
    let more = (n > 0).then(|| format!("and {n} more line{}", if n == 1 { "" } else { "s" }));
    let underline = if d.snippet.underline.is_empty() {
        // An empty span still gets a caret, on the character after it.
        let at = d.snippet.underline.start;
        at..line[at..].chars().next().map_or(at, |c| at + c.len_utf8())
    } else {
        d.snippet.underline.clone()
    };
    let mut group = Group::with_level(level.clone()).element(
        Snippet::source(line.as_str())
            .line_start(line_no)
            .annotation(AnnotationKind::Primary.span(underline).label(more)),
    );
    for f in &d.fixes {
        group = group.element(Level::HELP.message(f.title.as_str()));
    }
    out.push_str(&style.renderer().render(&[group]));
    out.push_str("\n\n");
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
            "a.txt:3:1: warning[boilerplate]: Web link block left in copy: remove it\n  |\n3 | READ MORE:\n  | ^^^^^^^^^^ and 2 more lines\n  |\n  = help: Remove this boilerplate block (3 lines)\n\n"
        );
        let mut coloured = String::new();
        render(
            &mut coloured,
            "a.txt",
            &place(&rope, &finding),
            Style { color: true },
        );
        assert!(coloured.contains("\x1b[1;33mwarning[boilerplate]\x1b[0m"));
        assert!(
            coloured.contains("\x1b["),
            "the snippet is drawn in colour too"
        );
    }
}

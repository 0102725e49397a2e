//! `check --format github`: GitHub Actions workflow commands, one a finding
//! (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`),
//! which the runner shows as annotations on the files of a pull request.
//! Lines and columns are 1-based, columns in characters; errors are
//! `::error`, warnings `::warning`, information and hints `::notice`.

use std::fmt::Write as _;

use super::report::{Diagnostic, FileReport, Tally};
use crate::config::Severity;

/// A workflow command's message: `%`, CR and LF escaped.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property's value: as a message, and `:` and `,` too.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "notice",
    }
}

/// One finding as a workflow command (with its line end).
pub fn render(out: &mut String, path: &str, d: &Diagnostic) {
    let _ = write!(out, "::{} ", command(d.severity));
    if path != "<stdin>" {
        let _ = write!(out, "file={},", property(path));
    }
    let _ = write!(
        out,
        "line={},col={},endLine={},endColumn={},title={}::",
        d.start.line + 1,
        d.start_char + 1,
        d.end.line + 1,
        d.end_char + 1,
        property(d.code)
    );
    let mut message = d.message.clone();
    for f in &d.fixes {
        message.push_str("\nhelp: ");
        message.push_str(&f.title);
    }
    out.push_str(&data(&message));
    out.push('\n');
}

/// A file's findings.
pub fn render_file(report: &FileReport) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        render(&mut out, &report.path, d);
    }
    out
}

/// The run's tally as a notice.
pub fn summary(tally: &Tally) -> String {
    format!("::notice title=copydesk::{}\n", data(&tally.summary()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_and_messages_are_escaped() {
        assert_eq!(property("desk/a,b: c.md"), "desk/a%2Cb%3A c.md");
        assert_eq!(data("100% sure\r\nnext"), "100%25 sure%0D%0Anext");
    }
}

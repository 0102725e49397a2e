//! The JSON report: one document for pipelines, positions exactly as LSP
//! sends them (zero-based lines, characters in UTF-16 code units).
//!
//! ```json
//! {"files":[{"path":"a.txt","diagnostics":[{"code":"boilerplate","severity":"warning",
//!   "message":"…","range":{"start":{"line":22,"character":0},"end":{"line":22,"character":10}},
//!   "fixes":[{"title":"…","edits":[{"range":{…},"newText":""}]}]}]}]}
//! ```

use serde::Serialize;

use super::report::FileReport;
use crate::text::LineCol;

#[derive(Serialize)]
struct Report<'a> {
    files: Vec<File<'a>>,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    diagnostics: Vec<Diagnostic<'a>>,
}

#[derive(Serialize)]
struct Range {
    start: LineCol,
    end: LineCol,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    range: Range,
    fixes: Vec<Fix<'a>>,
}

#[derive(Serialize)]
struct Fix<'a> {
    title: &'a str,
    edits: Vec<Edit<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Edit<'a> {
    range: Range,
    new_text: &'a str,
}

/// The JSON document for the checked files (pretty-printed, newline-terminated).
pub fn render(files: &[FileReport]) -> String {
    let report = Report {
        files: files
            .iter()
            .map(|f| File {
                path: &f.path,
                diagnostics: f
                    .diagnostics
                    .iter()
                    .map(|d| Diagnostic {
                        code: d.code,
                        severity: d.severity.as_str(),
                        message: &d.message,
                        range: Range {
                            start: d.start,
                            end: d.end,
                        },
                        fixes: d
                            .fixes
                            .iter()
                            .map(|x| Fix {
                                title: &x.title,
                                edits: x
                                    .edits
                                    .iter()
                                    .map(|e| Edit {
                                        range: Range {
                                            start: e.start,
                                            end: e.end,
                                        },
                                        new_text: &e.new_text,
                                    })
                                    .collect(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

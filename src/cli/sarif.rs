//! SARIF 2.1.0 for code scanning (GitHub accepts it): one run, a rule for
//! every code copydesk knows, results with 1-based regions whose columns are
//! UTF-16 code units (SARIF's default `columnKind`), and fixes as
//! replacements.

use serde_json::{json, Value};

use super::report::{FileReport, PlacedEdit};
use crate::config::Severity;
use crate::rules::REGISTRY;
use crate::text::LineCol;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// A SARIF region: 1-based lines and columns, end column exclusive.
fn region(start: LineCol, end: LineCol) -> Value {
    json!({
        "startLine": start.line + 1,
        "startColumn": start.character + 1,
        "endLine": end.line + 1,
        "endColumn": end.character + 1,
    })
}

fn replacement(e: &PlacedEdit) -> Value {
    json!({
        "deletedRegion": region(e.start, e.end),
        "insertedContent": { "text": e.new_text },
    })
}

/// The SARIF log for the checked files (pretty-printed, newline-terminated).
pub fn render(files: &[FileReport]) -> String {
    let rules: Vec<Value> = REGISTRY
        .iter()
        .map(|rule| rule.info())
        .map(|info| {
            json!({
                "id": info.code,
                "shortDescription": { "text": info.summary },
                "fullDescription": { "text": info.explanation.split_whitespace().collect::<Vec<_>>().join(" ") },
                "help": { "text": info.summary, "markdown": crate::rules::docs::page(info) },
                "defaultConfiguration": { "level": level(info.severity), "enabled": info.enabled },
            })
        })
        .collect();
    let mut results = Vec::new();
    for f in files {
        for d in &f.diagnostics {
            let location = json!({
                "physicalLocation": {
                    "artifactLocation": { "uri": f.uri },
                    "region": region(d.start, d.end),
                }
            });
            let fixes: Vec<Value> = d
                .fixes
                .iter()
                .map(|x| {
                    json!({
                        "description": { "text": x.title },
                        "artifactChanges": [{
                            "artifactLocation": { "uri": f.uri },
                            "replacements": x.edits.iter().map(replacement).collect::<Vec<_>>(),
                        }],
                    })
                })
                .collect();
            let rule_index = REGISTRY.iter().position(|r| r.info().code == d.code);
            let mut result = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": { "text": d.message },
                "locations": [location],
            });
            if let Some(i) = rule_index {
                result["ruleIndex"] = json!(i);
            }
            if !fixes.is_empty() {
                result["fixes"] = Value::Array(fixes);
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "copydesk",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

/// A SARIF `uri` for a path: relative ones as they are with forward slashes,
/// absolute ones relative to the current folder when inside it, else
/// `file://`; characters outside the URI's unreserved set percent-encoded.
pub fn uri_for(path: &std::path::Path) -> String {
    let mut rel = path.to_path_buf();
    let mut absolute = false;
    if path.is_absolute() {
        match std::env::current_dir()
            .ok()
            .and_then(|cwd| path.strip_prefix(cwd).ok().map(|p| p.to_path_buf()))
        {
            Some(p) => rel = p,
            None => absolute = true,
        }
    }
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            std::path::Component::CurDir | std::path::Component::RootDir => None,
            std::path::Component::Prefix(p) => Some(p.as_os_str().to_string_lossy().into_owned()),
            other => Some(other.as_os_str().to_string_lossy().into_owned()),
        })
        .map(|p| percent_encode(&p))
        .collect();
    let joined = parts.join("/");
    if absolute {
        format!("file:///{joined}")
    } else {
        joined
    }
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b':') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn uris_are_relative_with_forward_slashes_and_encoded() {
        assert_eq!(
            uri_for(Path::new("./desk/uk budget.txt")),
            "desk/uk%20budget.txt"
        );
        assert_eq!(uri_for(Path::new("desk/café.md")), "desk/caf%C3%A9.md");
    }
}

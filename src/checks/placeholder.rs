//! `placeholder`: desk placeholders that must be filled in before publication.

use super::Finding;
use crate::analysis::{Article, PlaceholderKind};
use crate::config::Severity;

pub const CODE: &str = "placeholder";

fn message(kind: PlaceholderKind, text: &str) -> String {
    match kind {
        PlaceholderKind::ToCome => {
            format!("Placeholder ‘{text}’ left in copy: fill in the missing fact")
        }
        PlaceholderKind::Figure => format!("‘{text}’ stands in for a figure: put in the number"),
        PlaceholderKind::DeskNote => {
            format!("Desk note ‘{text}’ left in copy: check the fact, then delete the note")
        }
        PlaceholderKind::EditorNote => {
            format!("Editor’s note ‘{text}’ left in copy: deal with it, then delete the note")
        }
        PlaceholderKind::Custom => {
            format!("‘{text}’ matches a placeholder pattern in the configuration: fill it in")
        }
    }
}

pub fn check(article: &Article<'_>, severity: Severity, out: &mut Vec<Finding>) {
    check_in(article, severity, 0..article.paragraphs.len(), out);
}

/// The placeholders of paragraphs `paras`.
pub(crate) fn check_in(
    article: &Article<'_>,
    severity: Severity,
    paras: std::ops::Range<usize>,
    out: &mut Vec<Finding>,
) {
    for p in article.paragraphs.get_slice(paras).unwrap_or_default() {
        for hit in &p.facts.placeholders {
            let range = p.start + hit.range.start..p.start + hit.range.end;
            if !article.is_copy(range.start) {
                continue;
            }
            out.push(Finding {
                code: CODE,
                severity,
                range,
                message: message(hit.kind, &hit.text),
                fixes: Vec::new(),
            });
        }
    }
}

//! `placeholder`: desk placeholders that must be filled in before publication.

use super::rule::{Cx, Finding, Part, Rule, RuleInfo, Scope, Setting, SettingKind};
use crate::analysis::{Article, PlaceholderKind};
use crate::config::Severity;

pub const CODE: &str = "placeholder";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Error,
    enabled: true,
    scope: Scope::Paragraph,
    summary: "A desk placeholder (TK, XX, [CHECK]) left in copy",
    explanation: "Placeholders are how a desk marks what is still to come: `TK` for a fact \
to come, `XX` for a missing figure (`£XXm`, `XX per cent`), bracketed desk notes \
(`[CHECK]`, `[TBC]`, `[INSERT QUOTE]`) and editors' notes in double brackets. Any of them \
in published copy is an error. The message says what to fill in; there is no automatic \
fix, because only the reporter knows the fact. In copy that is not in English (see \
`not-english`) a bare `TK` or `XX` may be a word or an abbreviation (the German insurer \
TK), so there only bracketed notes are flagged.",
    bad: "The council will borrow £XXm to rebuild the bridge [CHECK].",
    good: "The council will borrow £14m to rebuild the bridge.",
    settings: &[Setting {
        key: "placeholder.patterns",
        kind: SettingKind::Patterns,
        description: "Extra regular expressions: each match is a placeholder (`\\bFIXME\\b`).",
    }],
};

pub struct Placeholder;

impl Rule for Placeholder {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_, '_>, part: Part<'_>, out: &mut Vec<Finding>) {
        let all = 0..cx.article.paragraphs.len();
        let paras = match part {
            Part::Paragraphs(p) => p.clone(),
            _ => all,
        };
        check_in(cx.article, cx.severity, paras, out);
    }
}

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

/// The placeholders of paragraphs `paras`.
fn check_in(
    article: &Article<'_>,
    severity: Severity,
    paras: std::ops::Range<usize>,
    out: &mut Vec<Finding>,
) {
    // (In German copy `TK` is an insurer, not a fact to come.)
    let foreign = article.is_foreign();
    for p in article.paragraphs.get_slice(paras).unwrap_or_default() {
        for hit in &p.facts.placeholders {
            if foreign && matches!(hit.kind, PlaceholderKind::ToCome | PlaceholderKind::Figure) {
                continue;
            }
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

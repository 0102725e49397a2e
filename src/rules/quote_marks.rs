//! `quote-marks`: a mark standing where another belongs (`’’` for `”`, a
//! closing mark used to open). Straight marks in curly copy are
//! `quote-style`'s.

use std::ops::Range;

use super::quotes::straight_of;
use super::rule::{Cx, Edit, Finding, Fix, Part, Rule, RuleInfo, Scope};
use crate::analysis::quotes::MarkIssueKind;
use crate::analysis::Article;
use crate::config::Severity;

pub const CODE: &str = "quote-marks";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Information,
    enabled: true,
    scope: Scope::Paragraph,
    summary:
        "A mismatched quote mark: two apostrophes for a closing quote, a closing mark used to open",
    explanation: "Copy typed on old keyboards or pasted from several sources mixes its \
marks: two apostrophes standing for a closing double quote, a closing mark used to open a \
quote. The replacement is in the article's own style (curly or straight, the kind it uses \
most). The fix is safe: it changes the mark and nothing else.",
    bad: "“We are ready,’’ the coach said.",
    good: "“We are ready,” the coach said.",
    settings: &[],
};

pub struct QuoteMarks;

impl Rule for QuoteMarks {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_, '_>, part: Part<'_>, out: &mut Vec<Finding>) {
        // Copy not in English quotes by its own conventions (`„…“`,
        // `Siti ‘Aisyah`): `not-english` says once that quotes go unchecked.
        if cx.article.is_foreign() {
            return;
        }
        let all = 0..cx.article.paragraphs.len();
        let paras = match part {
            Part::Paragraphs(p) => p,
            _ => &all,
        };
        marks(cx.article, cx.severity, paras, cx.shared.curly_copy, out);
    }
}

fn marks(
    article: &Article<'_>,
    severity: Severity,
    paras: &Range<usize>,
    curly_copy: bool,
    out: &mut Vec<Finding>,
) {
    for p in article
        .paragraphs
        .get_slice(paras.clone())
        .unwrap_or_default()
    {
        for issue in &p.facts.quotes.issues {
            let MarkIssueKind::Mismatched { replacement } = &issue.kind else {
                continue;
            };
            let range = p.start + issue.range.start..p.start + issue.range.end;
            if !article.is_copy(range.start) {
                continue;
            }
            let replacement = if curly_copy {
                replacement.clone()
            } else {
                straight_of(replacement)
            };
            out.push(Finding {
                code: CODE,
                severity,
                range: range.clone(),
                message: format!("Wrong quote mark here: use {replacement}"),
                fixes: vec![Fix {
                    title: format!("Replace with {replacement}"),
                    edits: vec![Edit {
                        range,
                        new_text: replacement,
                    }],
                    safe: true,
                }],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::apply_edits;

    use crate::rules::findings_of as findings;

    #[test]
    fn mismatched_marks_take_the_copys_style() {
        let text = "“We are ready,’’ the coach said. “So are the fans,” he added, and “nobody” disagreed.\r\n";
        let f = findings(text, "quote-marks");
        assert_eq!(f.len(), 1, "{f:?}");
        let mut fixed = text.to_string();
        for finding in f.iter().rev() {
            fixed = apply_edits(&fixed, &finding.fixes[0].edits);
        }
        assert_eq!(
            fixed,
            "“We are ready,” the coach said. “So are the fans,” he added, and “nobody” disagreed.\r\n"
        );
    }
}

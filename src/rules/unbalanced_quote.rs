//! `unbalanced-quote`: an opening mark that never closes, or a closing mark
//! with no opening one.

use std::ops::Range;

use super::quotes::{closing_for, quotes_in};
use super::rule::{Cx, Edit, Finding, Fix, Part, Rule, RuleInfo, Scope};
use crate::analysis::quotes::MarkIssueKind;
use crate::analysis::Article;
use crate::config::Severity;

pub const CODE: &str = "unbalanced-quote";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Error,
    enabled: true,
    scope: Scope::Paragraph,
    summary: "A quote opened and never closed, or a closing mark with no opening",
    explanation: "An unclosed quote leaves the reader unsure where the speaker stops and \
the reporter starts; a stray closing mark is as bad. A quote that runs over several \
paragraphs opens each one with a quote mark and closes only in the last: that is \
balanced. An open quote whose next paragraph does not reopen it is not. The fixes close \
the quote at the end of its paragraph or remove the stray mark; neither is applied \
without asking, because only the writer knows where the words end.",
    bad: "“We will fight on, he said.\n\nThe vote is next week.",
    good: "“We will fight on,” he said.\n\nThe vote is next week.",
    settings: &[],
};

pub struct UnbalancedQuote;

impl Rule for UnbalancedQuote {
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
        unbalanced(cx.article, cx.severity, paras, out);
    }
}

fn unbalanced(
    article: &Article<'_>,
    severity: Severity,
    paras: &Range<usize>,
    out: &mut Vec<Finding>,
) {
    for q in quotes_in(article, paras) {
        if q.closed || !article.is_copy(q.range.start) {
            continue;
        }
        let Some(para) = article.paragraphs.get(q.paragraphs.end.saturating_sub(1)) else {
            continue;
        };
        // (`''` opened it: copy that writes every double mark so.)
        let mark = if q.open_mark == '\'' && q.open.len() == 2 {
            "''"
        } else {
            closing_for(q.open_mark)
        };
        out.push(Finding {
            code: CODE,
            severity,
            range: q.open.clone(),
            message: format!("Quote opened here is never closed: add {mark} where it ends"),
            fixes: vec![Fix {
                title: format!("Close the quote at the end of the paragraph with {mark}"),
                edits: vec![Edit {
                    range: para.end()..para.end(),
                    new_text: mark.to_string(),
                }],
                safe: false,
            }],
        });
    }
    for p in article
        .paragraphs
        .get_slice(paras.clone())
        .unwrap_or_default()
    {
        for issue in &p.facts.quotes.issues {
            let range = p.start + issue.range.start..p.start + issue.range.end;
            if !article.is_copy(range.start) {
                continue;
            }
            let message = match issue.kind {
                MarkIssueKind::Unopened => {
                    "Closing quote mark with no opening mark: remove it, or open the quote"
                }
                MarkIssueKind::Unclosed => {
                    "Inner quote opened here is never closed: close it, or remove the mark"
                }
                MarkIssueKind::Mismatched { .. } => continue,
            };
            out.push(Finding {
                code: CODE,
                severity,
                range: range.clone(),
                message: message.to_string(),
                fixes: vec![Fix {
                    title: "Remove the stray quote mark".to_string(),
                    edits: vec![Edit {
                        range,
                        new_text: String::new(),
                    }],
                    safe: false,
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
    fn unclosed_quote_and_stray_mark() {
        let text = "“We will fight on, he said.\n\nThe vote is next week.\n";
        let f = findings(text, "unbalanced-quote");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            apply_edits(text, &f[0].fixes[0].edits),
            "“We will fight on, he said.”\n\nThe vote is next week.\n"
        );
        // A quote that runs on into the next paragraph is balanced.
        let text = "She said: “We came to win.\n\n“And we did,” she said.\n";
        assert!(findings(text, "unbalanced-quote").is_empty());
        let text = "The plan was dead, he said.” Talks resume on Monday.\n";
        let f = findings(text, "unbalanced-quote");
        assert_eq!(f.len(), 1);
        assert_eq!(
            apply_edits(text, &f[0].fixes[0].edits),
            "The plan was dead, he said. Talks resume on Monday.\n"
        );
    }
}

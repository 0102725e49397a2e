//! `pull-quote`: a paragraph that repeats a sentence or a quote of the body
//! near it — a pull quote a web page set in large type, pasted with the
//! copy. Information: the sentence stays where it belongs, and the fix
//! that removes the repeat is offered, never made without asking.

use super::quotes::NEAR;
use super::rule::{Cx, Finding, Fix, Part, Rule, RuleInfo, Scope};
use crate::analysis::Article;
use crate::config::Severity;

pub const CODE: &str = "pull-quote";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Information,
    enabled: true,
    scope: Scope::Words,
    summary: "A paragraph that repeats a sentence of the body (a pull quote)",
    explanation: "Web pages set a striking line of the story apart in large type, \
between paragraphs: a pull quote. Pasted with the copy it reads as the sentence twice. \
A paragraph of one sentence or one quote (perhaps signed, `— Jane Doe`) whose words \
are those of a sentence or a quote in a paragraph within ten paragraphs of it is \
reported (never the article's first paragraph or a Markdown heading); quote marks, case, punctuation and spacing do not matter. It is copy, not web \
furniture, so it is information, and its removal is offered but never made by \
`copydesk fix` or the fix-all action.",
    bad: "“We were never told anything about the closure,” said Maureen Hale, 71, who has lived on the estate for 40 years.\n\n“We were never told anything about the closure”\n\nThe council said letters had been sent in March.",
    good: "“We were never told anything about the closure,” said Maureen Hale, 71, who has lived on the estate for 40 years.\n\nThe council said letters had been sent in March.",
    settings: &[],
};

pub struct PullQuote;

impl Rule for PullQuote {
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

/// The pull quotes among paragraphs `paras`: each is compared with the
/// paragraphs within [`NEAR`] of it, which must hold its words and more.
fn check_in(
    article: &Article<'_>,
    severity: Severity,
    paras: std::ops::Range<usize>,
    out: &mut Vec<Finding>,
) {
    let all = article.paragraphs;
    for p in paras {
        let Some(at) = all.get(p) else {
            continue;
        };
        let Some(key) = at.facts.pull.candidate else {
            continue;
        };
        // Not the article's headline nor a Markdown heading, which may
        // quote the body; and only copy.
        if p == 0 || at.facts.quotes.heading || !article.is_copy(at.start) {
            continue;
        }
        let near = p.saturating_sub(NEAR)..(p + NEAR + 1).min(all.len());
        let source = near.filter(|&q| q != p).find(|&q| {
            let f = &all.at(q).facts.pull;
            // A paragraph that is the same sentence alone is a double, not
            // the sentence the quote was pulled from.
            f.holds(key) && f.candidate != Some(key) && article.is_copy(all.at(q).start)
        });
        let Some(q) = source else {
            continue;
        };
        let place = match (q > p, q.abs_diff(p)) {
            (true, 1) => "the next paragraph".to_string(),
            (false, 1) => "the paragraph before".to_string(),
            (true, n) => format!("a paragraph {n} below"),
            (false, n) => format!("a paragraph {n} above"),
        };
        out.push(Finding {
            code: CODE,
            severity,
            range: at.range(),
            message: format!(
                "Pull quote: repeats a sentence of {place}; remove it unless the repeat is meant"
            ),
            fixes: vec![Fix {
                title: "Remove this pull quote".to_string(),
                edits: super::boilerplate::remove_paragraph(article, p),
                safe: false,
            }],
        });
    }
}

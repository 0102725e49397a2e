//! `quote-style`: straight quote marks in copy that is otherwise curly.

use std::ops::Range;

use super::rule::{Cx, Edit, Finding, Fix, Part, Rule, RuleInfo, Scope};
use crate::analysis::quotes::Family;
use crate::analysis::Article;
use crate::config::Severity;

pub const CODE: &str = "quote-style";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Information,
    enabled: false,
    scope: Scope::Paragraph,
    summary: "Straight quote marks in an article set in curly ones",
    explanation: "A passage pasted from another source brings its own marks: straight \
quotes in an article whose other quotes are curly. Which marks are the article's own is \
read from the whole article (the kind it uses most). Off by default: most publishing \
systems set the marks on the way out, and published copy mixes them freely; turn it on \
(`[rules.quote-style] enabled = true`) where the copy is published as written. The fix is \
safe: it changes the marks and nothing else.",
    bad: "“So are the fans,” he added, and \"nobody\" disagreed.",
    good: "“So are the fans,” he added, and “nobody” disagreed.",
    settings: &[],
};

pub struct QuoteStyle;

impl Rule for QuoteStyle {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_, '_>, part: Part<'_>, out: &mut Vec<Finding>) {
        // Copy not in English quotes by its own conventions (`„…“`,
        // `Siti ‘Aisyah`): `not-english` says once that quotes go unchecked.
        if cx.article.is_foreign() {
            return;
        }
        if !cx.shared.curly_copy {
            return;
        }
        let all = 0..cx.article.paragraphs.len();
        let paras = match part {
            Part::Paragraphs(p) => p,
            _ => &all,
        };
        straight_marks(cx.article, cx.severity, paras, out);
    }
}

fn straight_marks(
    article: &Article<'_>,
    severity: Severity,
    paras: &Range<usize>,
    out: &mut Vec<Finding>,
) {
    for p in article
        .paragraphs
        .get_slice(paras.clone())
        .unwrap_or_default()
    {
        for s in &p.facts.quotes.spans {
            if !s.straight || !article.is_copy(p.start + s.open.start) {
                continue;
            }
            let (open, close) = match s.family {
                Family::Double => ("“", "”"),
                Family::Single => ("‘", "’"),
            };
            let mut edits = vec![Edit {
                range: p.start + s.open.start..p.start + s.open.end,
                new_text: open.to_string(),
            }];
            // (An empty close is where a quote of joined paragraphs ended
            // with no mark: nothing to turn.)
            if let Some(c) = s.close.as_ref().filter(|c| !c.is_empty()) {
                edits.push(Edit {
                    range: p.start + c.start..p.start + c.end,
                    new_text: close.to_string(),
                });
            }
            out.push(Finding {
                code: CODE,
                severity,
                range: p.start + s.open.start..p.start + s.open.end,
                message: format!("Straight quote marks in curly copy: use {open} {close}"),
                fixes: vec![Fix {
                    title: format!("Use {open} {close}"),
                    edits,
                    safe: true,
                }],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Language;
    use crate::checks::check_text;
    use crate::config::Config;
    use crate::rules::{apply_edits, Finding};

    fn findings(text: &str, config: &Config) -> Vec<Finding> {
        check_text(text, Language::PlainText, config)
            .findings
            .into_iter()
            .filter(|f| f.code == "quote-style")
            .collect()
    }

    #[test]
    fn straight_marks_in_curly_copy_when_turned_on() {
        let text = "“We are ready,” the coach said. “So are the fans,” he added, and \"nobody\" disagreed.\r\n";
        assert!(findings(text, &Config::default()).is_empty());
        let config = crate::checks::config_from_json(serde_json::json!({
            "rules": {"quote-style": {"enabled": true}}
        }))
        .expect("config");
        let f = findings(text, &config);
        assert_eq!(f.len(), 1, "{f:?}");
        let fixed = apply_edits(text, &f[0].fixes[0].edits);
        assert_eq!(
            fixed,
            "“We are ready,” the coach said. “So are the fans,” he added, and “nobody” disagreed.\r\n"
        );
    }
}

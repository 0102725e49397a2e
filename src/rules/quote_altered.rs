//! `quote-altered`: a quote whose closest passage in the sources has other
//! words.

use super::rule::{Cx, Edit, Finding, Fix, Part, Rule, RuleInfo, Scope};
use super::sources::{file_of, pieces, place, words};
use crate::analysis::sources::MatchState;
use crate::config::Severity;

pub const CODE: &str = "quote-altered";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::OwnWords,
    summary: "A quote whose words differ from its source's",
    explanation: "A direct quote gives the speaker's words. Editing may change the \
marks, the case of the first letter and the punctuation, cut words with an ellipsis \
(`…`) and add the editor's own words in square brackets (`[the council]`); it may not \
change a word, add one or tidy the grammar. The quote is aligned word by word with the \
closest passage of the article's sources (British and American spellings count as the \
same word); a word changed or added is reported with the source's wording, and the fix \
puts the source's words back. The examples are checked against this transcript: \
`[00:41:30] MAYOR DEREK OYELARAN: We will find the money. That is a promise to this town.`",
    bad: "The cabinet met on Tuesday to discuss the library.\n\nMayor Derek Oyelaran said: “We will find the funding. That is a promise to this town.”",
    good: "The cabinet met on Tuesday to discuss the library.\n\nMayor Derek Oyelaran said: “We will find the money. That is a promise to this town.”",
    settings: &[],
};

pub struct QuoteAltered;

impl Rule for QuoteAltered {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_, '_>, part: Part<'_>, out: &mut Vec<Finding>) {
        for piece in pieces(cx, part) {
            let located = &piece.located;
            if located.state != MatchState::Altered {
                continue;
            }
            let Some(file) = file_of(cx.sources, located) else {
                continue;
            };
            let quote_text = |r: &std::ops::Range<usize>| piece.text.get(r.clone()).unwrap_or("");
            let mut shown = Vec::new();
            let mut edits = Vec::new();
            for c in &located.changes {
                let theirs = file.text.get(c.source.clone()).unwrap_or("");
                let ours = quote_text(&c.quote);
                shown.push(match (ours.is_empty(), theirs.is_empty()) {
                    (false, true) => format!("“{}” is not in the source", words(ours, 40)),
                    (true, false) => format!("the source also has “{}”", words(theirs, 40)),
                    _ => format!(
                        "“{}” where the source has “{}”",
                        words(ours, 40),
                        words(theirs, 40)
                    ),
                });
                if !c.quote.is_empty() || !theirs.is_empty() {
                    let mut quote = c.quote.clone();
                    if theirs.is_empty() {
                        // Words only added: take the space after them too.
                        let rest = piece.text.get(quote.end..).unwrap_or("");
                        quote.end += rest.len() - rest.trim_start().len();
                    }
                    let at = piece.range.start + quote.start..piece.range.start + quote.end;
                    edits.push(Edit {
                        range: at,
                        new_text: theirs.split_whitespace().collect::<Vec<_>>().join(" "),
                    });
                }
            }
            let more = shown.len().saturating_sub(2);
            shown.truncate(2);
            let mut message = format!(
                "Quote differs from the source ({}): {}",
                place(file, located),
                shown.join("; ")
            );
            if more > 0 {
                message.push_str(&format!(" (and {more} more)"));
            }
            message.push_str("; use the source's words");
            let first = located.changes.first().map_or(0..0, |c| c.quote.clone());
            let last = located.changes.last().map_or(0..0, |c| c.quote.clone());
            let range = if first.is_empty() && last.is_empty() {
                piece.range.clone()
            } else {
                piece.range.start + first.start..piece.range.start + last.end.max(first.start)
            };
            edits.retain(|e| !(e.range.is_empty() && e.new_text.is_empty()));
            out.push(Finding {
                code: CODE,
                severity: cx.severity,
                range,
                message,
                fixes: vec![Fix {
                    title: "Use the source's words".to_string(),
                    edits,
                    safe: false,
                }],
            });
        }
    }
}

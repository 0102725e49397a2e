//! `quote-omission`: words of the source left out of a quote with no
//! ellipsis to say so.

use super::rule::{Cx, Edit, Finding, Fix, Part, Rule, RuleInfo, Scope};
use super::sources::{file_of, pieces, place, words};
use crate::analysis::sources::MatchState;
use crate::config::Severity;

pub const CODE: &str = "quote-omission";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Information,
    enabled: true,
    scope: Scope::OwnWords,
    summary: "Words cut from a quote without an ellipsis",
    explanation: "Cutting words out of the middle of a quote is allowed when the cut \
is marked — with an ellipsis (`…`), or by ending the quote and opening another — and \
does not change what was meant. A quote that runs two stretches of the source together \
as if they were said in one breath is reported with the words left out, so the desk can \
judge whether the cut changes the meaning; the fix marks the cut with an ellipsis. \
Trimming the start or the end of what was said is not a cut. The examples are checked \
against this transcript: `[00:41:07] CLLR AMIRA HADDAD: We have looked at every option, \
and if the grant does not come through we will have to close the library in March.`",
    bad: "The cabinet met on Tuesday to discuss the library.\n\nCllr Amira Haddad said: “We have looked at every option, and we will have to close the library in March.”",
    good: "The cabinet met on Tuesday to discuss the library.\n\nCllr Amira Haddad said: “We have looked at every option, and … we will have to close the library in March.”",
    settings: &[],
};

pub struct QuoteOmission;

impl Rule for QuoteOmission {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_, '_>, part: Part<'_>, out: &mut Vec<Finding>) {
        for piece in pieces(cx, part) {
            let located = &piece.located;
            if located.state != MatchState::Omission {
                continue;
            }
            let Some(file) = file_of(cx.sources, located) else {
                continue;
            };
            let Some(first) = located.omissions.first() else {
                continue;
            };
            let left: Vec<String> = located
                .omissions
                .iter()
                .map(|o| {
                    format!(
                        "“{}”",
                        words(file.text.get(o.source.clone()).unwrap_or(""), 60)
                    )
                })
                .collect();
            // The ellipsis goes between the words either side of each cut.
            let edits = located
                .omissions
                .iter()
                .filter_map(|o| {
                    let between = piece.text.get(o.quote.clone())?;
                    let gap = between.find(char::is_whitespace)?;
                    let at = piece.range.start + o.quote.start + gap;
                    Some(Edit {
                        range: at..at,
                        new_text: " …".to_string(),
                    })
                })
                .collect();
            out.push(Finding {
                code: CODE,
                severity: cx.severity,
                range: piece.range.start + first.quote.start..piece.range.start + first.quote.end,
                message: format!(
                    "Words of the source left out without an ellipsis ({}): {}; mark the cut with …",
                    place(file, located),
                    left.join(", ")
                ),
                fixes: vec![Fix {
                    title: "Mark the cut with an ellipsis".to_string(),
                    edits,
                    safe: false,
                }],
            });
        }
    }
}

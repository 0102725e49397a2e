//! `quote-speaker-mismatch`: the transcript gives a quote's words to
//! someone other than the speaker the article names.

use super::rule::{Cx, Finding, Part, Rule, RuleInfo, Scope};
use super::sources::{file_of, pieces, place};
use crate::analysis::sources::words::key;
use crate::analysis::sources::MatchState;
use crate::analysis::SpeakerKind;
use crate::config::Severity;
use crate::lexicon::{people, quotes, spelling};

pub const CODE: &str = "quote-speaker-mismatch";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::OwnWords,
    summary: "A quote the transcript gives to someone else",
    explanation: "A line credited to the wrong person is as bad as a misquote. When \
a quote is found in a transcript whose turns carry speaker labels (`MAYOR JONES:`, \
`Cllr Priya Nair:`, `[00:12:31] JONES:`), the label is compared with the speaker the \
article names for the quote (through a pronoun or a role noun too): by the names in the \
label, leaving out honorifics and titles, against the person's names, so `MAYOR JONES` \
is `Sarah Jones` and `Ms Jones`. Labels that name no one (`Q:`, `A:`, `INTERVIEWER:`, \
`THE CHAIR:`) and quotes from anonymous sources or organisations are not compared. The \
examples are checked against this transcript: `[00:41:30] MAYOR DEREK OYELARAN: We will \
find the money. That is a promise to this town.`",
    bad: "The cabinet met on Tuesday to discuss the library.\n\nCllr Amira Haddad said: “We will find the money. That is a promise to this town.”",
    good: "The cabinet met on Tuesday to discuss the library.\n\nMayor Derek Oyelaran said: “We will find the money. That is a promise to this town.”",
    settings: &[],
};

pub struct QuoteSpeakerMismatch;

/// The name words of a transcript label (honorifics, titles and role words
/// left out); empty for a label that names no one.
pub fn label_names(label: &str) -> Vec<u64> {
    if spelling::anonymous_labels().contains(label.trim()) {
        return Vec::new();
    }
    label
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !(people::honorifics().contains(w)
                || people::role_words().contains(w)
                || quotes::determiners().contains(w)
                || quotes::name_honorifics().contains(w)
                || quotes::role_nouns().contains(w)
                || spelling::anonymous_labels().contains(w))
        })
        .map(key)
        .collect()
}

/// Whether a transcript label names the person called `name`.
pub fn label_is(label: &str, name: &str) -> Option<bool> {
    let label = label_names(label);
    if label.is_empty() {
        return None;
    }
    let person: Vec<u64> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.trim_end_matches("’s").trim_end_matches("'s"))
        .filter(|w| !w.is_empty())
        .map(key)
        .collect();
    Some(label.iter().any(|w| person.contains(w)))
}

impl Rule for QuoteSpeakerMismatch {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_, '_>, part: Part<'_>, out: &mut Vec<Finding>) {
        for piece in pieces(cx, part) {
            let located = &piece.located;
            if located.state == MatchState::NotFound {
                continue;
            }
            let Some(speaker) = piece.quote.and_then(|q| q.speaker.as_ref()) else {
                continue;
            };
            if speaker.kind != SpeakerKind::Person {
                continue;
            }
            let Some(label) = located.turn.as_ref().and_then(|t| t.speaker.as_deref()) else {
                continue;
            };
            if label_is(label, &speaker.name) != Some(false) {
                continue;
            }
            let Some(file) = file_of(cx.sources, located) else {
                continue;
            };
            out.push(Finding {
                code: CODE,
                severity: cx.severity,
                range: piece.range.clone(),
                message: format!(
                    "The source gives these words to {label} ({}), not {}; check who said them",
                    place(file, located),
                    speaker.name
                ),
                fixes: Vec::new(),
            });
        }
    }
}

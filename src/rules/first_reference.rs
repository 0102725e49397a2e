//! `first-reference`: a person called by surname or honorific before the
//! article gives the full name (headings are exempt).

use super::people::{mentions, persons};
use super::rule::{Cx, Edit, Finding, Fix, Part, Rule, RuleInfo, Scope};
use crate::analysis::{Article, Mention, Person};
use crate::config::Severity;

pub const CODE: &str = "first-reference";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Information,
    // Off unless turned on (`[rules.first-reference] enabled = true`): on
    // published copy, which calls the well known and the already introduced
    // by surname all the time, most of its findings are not wanted.
    enabled: false,
    scope: Scope::Person,
    summary: "A person named by surname or honorific before their full name",
    explanation: "Style books ask for a person's full name at first reference (`Antony \
Blinken`, then `Mr Blinken` or `Blinken`). copydesk flags a surname or courtesy honorific \
that comes before the full name, or a person never named in full. Titles that are full \
references in their own right (`President Biden`, `Lord Brereton`) and headings are \
exempt. The fix puts the full name in. Off by default: published copy calls well-known \
people by surname alone, so turn it on (`[rules.first-reference] enabled = true`) where \
the desk wants every first reference checked.",
    bad: "Mr Blinken arrived in Kyiv on Tuesday. US Secretary of State Antony Blinken met the president.",
    good: "US Secretary of State Antony Blinken arrived in Kyiv on Tuesday. Mr Blinken met the president.",
    settings: &[],
};

pub struct FirstReference;

impl Rule for FirstReference {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_, '_>, part: Part<'_>, out: &mut Vec<Finding>) {
        // Copy not in English gets one `not-english` finding and no other.
        if cx.article.is_foreign() {
            return;
        }
        check_first_reference(
            cx.article,
            cx.severity,
            persons(cx.article, part).into_iter(),
            out,
        );
    }
}

pub fn check_first_reference<'p>(
    article: &Article<'_>,
    severity: Severity,
    persons: impl Iterator<Item = &'p Person>,
    out: &mut Vec<Finding>,
) {
    for person in persons {
        let full_at = person.first_full_reference;
        let first = mentions(article, person)
            .filter(|(_, m, _)| !m.heading)
            .find(|_| true);
        let Some((r, m, start)) = first else {
            continue;
        };
        if m.is_full() {
            continue;
        }
        // A full name in a headline or byline only, or before this mention
        // (in a heading): the reader has seen it.
        if (full_at.is_none() && person.given.is_some()) || full_at.is_some_and(|f| f < r) {
            continue;
        }
        let message = match (full_at, &person.given) {
            (Some(_), Some(_)) => format!(
                "‘{}’ appears before the full name ‘{}’: give the full name at first reference",
                article_text(m),
                person.canonical
            ),
            _ => {
                // Never named in full: flag only a courtesy honorific or a bare
                // surname (`President Biden`, `King Charles` are full
                // references, and so is a peer's title: `Lord Brereton`).
                if m.honorific.is_some() && !m.has_courtesy_honorific() || is_peerage(m) {
                    continue;
                }
                format!(
                    "‘{}’ is never named in full: give the full name at first reference",
                    article_text(m)
                )
            }
        };
        let mut fixes = Vec::new();
        if let (Some(_), Some(_)) = (full_at, &person.given) {
            // Replace honorific and name with the full name (UK and US first
            // references drop the courtesy honorific).
            let from = if m.has_courtesy_honorific() {
                m.honorific_range.as_ref().map_or(m.name.start, |h| h.start)
            } else {
                m.name.start
            };
            fixes.push(Fix {
                title: format!("Change to ‘{}’", person.canonical),
                edits: vec![Edit {
                    range: start + from..start + m.name.end,
                    new_text: person.canonical.clone(),
                }],
                safe: false,
            });
        }
        out.push(Finding {
            code: CODE,
            severity,
            range: start + m.range.start..start + m.range.end,
            message,
            fixes,
        });
    }
}

/// A peer called by title and surname (`Lord Brereton`, `Baroness Hale`):
/// the style for the first reference too.
fn is_peerage(m: &Mention) -> bool {
    !m.is_full()
        && m.honorific
            .as_deref()
            .is_some_and(|h| crate::lexicon::names::peerages().contains(h))
}

/// The mention as the reader sees it: honorific and name.
fn article_text(m: &Mention) -> String {
    match &m.honorific {
        Some(h) => format!("{h} {}", m.name_text),
        None => m.name_text.clone(),
    }
}

//! Attribution (article pass, over facts): joins quotes that run over
//! paragraphs and finds each quote's speaker.
//!
//! One walk over the paragraphs in order, keeping a running "last person by
//! gender", the last organisation and a role index keyed by head noun, so
//! the pass is linear in the number of facts: pronouns (`he`, `she`, `they`)
//! go to the most recent compatible person, role nouns (`the minister`) to the
//! person introduced with that role, `the official` to the source introduced
//! as `a senior official`.
//!
//! `lookup` is what the walk knows of the people (who a surname or a given
//! name alone refers to), `walk` one step of it (a paragraph's row),
//! `walk_log` what it leaves to be resumed from, `assembly` joins the rows
//! into quotes with their speakers.

mod assembly;
mod lookup;
mod reads;
mod resolve;
pub(crate) mod resume;
mod state;
mod types;
mod walk;
mod walk_log;

use self::resolve::resolve;
pub(crate) use assembly::attribute_logged;
use assembly::*;
pub use lookup::display_name;
pub(crate) use lookup::Ctx;
pub use reads::looks_like_person;
pub(crate) use reads::Reads;
use reads::{person_for_name, reads_of};
use state::*;
pub use types::*;
use walk::*;
pub(crate) use walk_log::WalkLog;
use walk_log::*;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::text::{Paragraph, Paragraphs};

use super::cues::{
    is_org_word, is_role_noun, is_source_noun, normalise, not_a_name, PhraseKind, Pronoun,
    SpeakerPhrase,
};
use super::names::{Gender, MentionRef, People, PersonId};
use super::quotes::QuoteKind;
use super::ParagraphFacts;

/// The result of the pass.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    pub quotes: Vec<Quote>,
    pub resolved: Vec<ResolvedCue>,
    /// Per person id: how many quotes are attributed to them.
    pub quotes_by_person: Vec<usize>,
    /// Per person id: the first role the copy gives them.
    pub roles: Vec<Option<String>>,
}

impl Attribution {
    /// The quote whose range holds `offset`.
    pub fn quote_at(&self, offset: usize) -> Option<&Quote> {
        quote_at(&self.quotes, offset)
    }

    /// For each of the people `ids`, the paragraphs from their first
    /// mention or quote to their last.
    pub fn spans_of<'s>(
        &'s self,
        people: &'s People,
        ids: &'s [PersonId],
    ) -> impl Iterator<Item = Range<usize>> + 's {
        ids.iter().filter_map(move |&id| {
            let person = people.person(id)?;
            let mentions = person.mentions.iter().map(|r| r.para..r.para + 1);
            let quotes = self
                .quotes
                .iter()
                .filter(|q| q.speaker.as_ref().and_then(|s| s.person) == Some(id))
                .map(|q| q.paragraphs.clone());
            mentions
                .chain(quotes)
                .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
        })
    }

    /// The attribution with its people's ids changed by `map` (old id →
    /// new id, from [`People::renumbered`]); the tables by person keep
    /// only the people `map` keeps.
    pub fn renumbered(&self, map: &[Option<PersonId>]) -> Attribution {
        let to = |id: PersonId| map.get(id).copied().flatten();
        let mut out = self.clone();
        for q in &mut out.quotes {
            if let Some(sp) = &mut q.speaker {
                sp.person = sp.person.and_then(to);
            }
        }
        for c in &mut out.resolved {
            c.person = to(c.person).unwrap_or(usize::MAX);
        }
        let kept = map.iter().flatten().count();
        out.quotes_by_person = vec![0; kept];
        out.roles = vec![None; kept];
        for (old, new) in map.iter().enumerate() {
            if let Some(new) = *new {
                out.quotes_by_person[new] = self.quotes_by_person.get(old).copied().unwrap_or(0);
                out.roles[new] = self.roles.get(old).cloned().flatten();
            }
        }
        out
    }
}

/// The quote of `quotes` (in order) whose range holds `offset`.
pub fn quote_at(quotes: &[Quote], offset: usize) -> Option<&Quote> {
    let i = quotes.partition_point(|q| q.range.end <= offset);
    quotes.get(i).filter(|q| q.range.start <= offset)
}

#[cfg(test)]
mod tests;

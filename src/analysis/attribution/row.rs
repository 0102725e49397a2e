//! What the walk made of one paragraph ([`Row`]), which holds no offsets.

use super::keys::ParaKey;
use super::state::FactRef;
use super::types::{ResolvedCue, Speaker};
use crate::analysis::names::PersonId;
use crate::analysis::ParagraphFacts;
use crate::text::Paragraph;

/// A cue's speaker as the walk found it, with no offsets: the mention and
/// cue word are those of cue `cue` of the paragraph, the antecedent a fact
/// (placed by [`Assembly::cue_speaker`](super::assembly::Assembly::cue_speaker)).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Found {
    pub(super) speaker: Speaker,
    pub(super) cue: usize,
    /// The paragraph (by key) and fact the speaker was resolved to.
    pub(super) antecedent: Option<(ParaKey, FactRef)>,
}

/// What the walk made of one paragraph. It holds no offsets (only indices
/// of the paragraph's facts), so it stays true while the paragraph keeps its
/// facts, wherever they move.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Row {
    /// Per cue: its speaker (before roles learned later are filled in).
    pub(super) speakers: Vec<Option<Found>>,
    /// Pronoun and role cues resolved to people: the cue's index, and the
    /// person (the range is the cue's phrase, placed later).
    pub(super) resolved: Vec<(usize, ResolvedCue)>,
    /// Roles the copy gave people here, in order.
    pub(super) roles: Vec<(PersonId, String)>,
    /// The person whose words the paragraph reports, when it reads so: its
    /// first person named outside quotes is a sentence's subject, no one
    /// else is, and a cue of the paragraph names them. The index of that
    /// mention, and the speaker it would make (its ranges relative to the
    /// paragraph, the cue range the mention's).
    pub(super) topic: Option<(usize, Speaker)>,
}

impl Row {
    /// The resolved cues, placed in the document.
    pub(super) fn placed<'r>(
        &'r self,
        pi: usize,
        para: Paragraph<'r, ParagraphFacts>,
    ) -> impl Iterator<Item = ResolvedCue> + 'r {
        self.resolved.iter().filter_map(move |(c, r)| {
            let phrase = para.facts.quotes.cues.get(*c)?.speaker.as_ref()?;
            Some(ResolvedCue {
                range: para.start + phrase.range.start..para.start + phrase.range.end,
                para: pi,
                ..r.clone()
            })
        })
    }

    /// A paragraph that is not copy: no cue has a speaker.
    pub(super) fn blank(para: Paragraph<'_, ParagraphFacts>) -> Self {
        Self {
            speakers: vec![None; para.facts.quotes.cues.len()],
            ..Self::default()
        }
    }
}

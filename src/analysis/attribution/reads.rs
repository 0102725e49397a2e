//! Which names can be people's, and what the walk read of the people (so an
//! edit elsewhere can tell whether the walk may resume).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::lookup::With;
use crate::analysis::cues::PhraseKind;
use crate::analysis::names::{MentionRef, PersonId};
use crate::analysis::ParagraphFacts;
use crate::text::Paragraphs;

/// The person a name in paragraph `pi` refers to: the mention there, else
/// the person with that surname.
pub(super) fn person_for_name(
    w: &With<'_>,
    f: &ParagraphFacts,
    pi: usize,
    range: &Range<usize>,
    text: &str,
) -> Option<PersonId> {
    // Mentions' names come in text order and do not overlap (see
    // `walk_paragraph`): those overlapping `range` are found by binary search.
    let from = f.mentions.partition_point(|m| m.name.end <= range.start);
    let by_mention = f.mentions[from..]
        .iter()
        .take_while(|m| m.name.start < range.end)
        .enumerate()
        .filter(|(_, m)| range.start < m.name.end)
        .find_map(|(k, _)| {
            w.people.person_of(MentionRef {
                para: pi,
                index: from + k,
            })
        })
        .map(|p| p.id);
    by_mention.or_else(|| {
        let surname = lookup_key(text)?;
        w.ctx.surnames.get(surname.as_str()).copied().or_else(|| {
            // A given name alone, when the phrase is that one word.
            (!text.contains(' '))
                .then(|| w.ctx.given.get(surname.as_str()).copied().flatten())
                .flatten()
        })
    })
}

/// The word a name in a cue or role link is looked up by among the
/// people when no mention covers it: its last, lower case, without `’s`.
pub(super) fn lookup_key(text: &str) -> Option<String> {
    let last = text.rsplit(' ').next()?;
    Some(
        last.trim_end_matches("’s")
            .trim_end_matches("'s")
            .to_lowercase(),
    )
}

/// The words by which a paragraph's walk looks people up by name, beside
/// its mentions: a named cue's name and a role link's name ([`lookup_key`]),
/// and a surname used alone (a name word outside every mention).
pub(super) fn reads_of(f: &ParagraphFacts) -> impl Iterator<Item = String> + '_ {
    let q = &f.quotes;
    let cues = q.cues.iter().filter_map(|c| {
        let sp = c
            .speaker
            .as_ref()
            .filter(|sp| sp.kind == PhraseKind::Named)?;
        lookup_key(sp.name_text.as_deref().unwrap_or(&sp.text))
    });
    let links = q.roles.iter().filter_map(|l| lookup_key(&l.name_text));
    let words = q
        .name_words
        .iter()
        .filter(|(at, _)| {
            // Mentions are in order and do not overlap: the last one
            // starting at or before `at` is the only one that can hold it.
            let i = f.mentions.partition_point(|m| m.range.start <= *at);
            i == 0 || !f.mentions[i - 1].range.contains(at)
        })
        .map(|(_, w)| w.clone());
    cues.chain(links).chain(words)
}

/// How many times the article's paragraphs look each word up by name
/// ([`reads_of`]): a change to who a name means reaches only the
/// paragraphs that read it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Reads(imbl::HashMap<Arc<str>, u32>);

impl Reads {
    pub(crate) fn build(paragraphs: Paragraphs<'_, ParagraphFacts>) -> Self {
        let mut counts: HashMap<String, u32> = HashMap::new();
        for p in paragraphs {
            for k in reads_of(p.facts) {
                *counts.entry(k).or_default() += 1;
            }
        }
        Self(counts.into_iter().map(|(k, n)| (k.into(), n)).collect())
    }

    /// After paragraphs `old` of `earlier` became `new` of `paragraphs`.
    pub(crate) fn update(
        &mut self,
        earlier: Paragraphs<'_, ParagraphFacts>,
        old: Range<usize>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        new: Range<usize>,
    ) {
        let mut delta: HashMap<String, i64> = HashMap::new();
        for (paras, range, by) in [(earlier, old, -1), (paragraphs, new, 1)] {
            for p in paras.get_slice(range).unwrap_or_default() {
                for k in reads_of(p.facts) {
                    *delta.entry(k).or_default() += by;
                }
            }
        }
        for (k, d) in delta.into_iter().filter(|(_, d)| *d != 0) {
            let n = i64::from(self.count(&k)) + d;
            if n <= 0 {
                self.0.remove(k.as_str());
            } else {
                self.0
                    .insert(k.into(), u32::try_from(n).unwrap_or(u32::MAX));
            }
        }
    }

    /// How many times `key` is read.
    pub(crate) fn count(&self, key: &str) -> u32 {
        self.0.get(key).copied().unwrap_or(0)
    }

    /// Whether every read of `key` is in paragraphs `within`.
    pub(crate) fn only_in(
        &self,
        key: &str,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        within: Range<usize>,
    ) -> bool {
        let here = paragraphs
            .get_slice(within)
            .unwrap_or_default()
            .iter()
            .flat_map(|p| reads_of(p.facts))
            .filter(|k| k == key)
            .count();
        usize::try_from(self.count(key)).is_ok_and(|n| n <= here)
    }
}

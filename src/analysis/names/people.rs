//! The people of an article ([`People`]): built from every paragraph's
//! mentions, looked up by mention, id or name. Regrouping around an edit is
//! in `super::regroup`.

use std::sync::Arc;

use crate::analysis::ParagraphFacts;
use crate::text::Paragraphs;

use super::canonical::person;
use super::group::group;
use super::index::NameIndex;
use super::person::{Person, PersonId};
use super::style::style_entries;
use super::types::MentionRef;
use super::variants::fold;
use crate::lexicon::english::Tongues;

/// The people of an article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct People {
    /// By id; `None` for a person an edit took away (see [`PersonId`]).
    pub(super) slots: Vec<Option<Arc<Person>>>,
    /// The ids of the people, in order of first mention.
    pub(super) order: Vec<PersonId>,
    /// Per paragraph, per mention: the person (bare words may have none).
    pub(super) by_mention: imbl::Vector<Vec<Option<PersonId>>>,
    /// The mentions by the names through which they can meet, to regroup
    /// only around an edit ([`People::update`]).
    pub(super) index: NameIndex,
    /// The style book the people were grouped with.
    pub(super) style_book: Vec<String>,
    /// How many paragraphs read in English and in another language (kept
    /// here, edit by edit, so that [`People::is_foreign`] costs nothing).
    pub(super) tongues: Tongues,
}

/// The tongues of some paragraphs, counted.
pub(super) fn tongues(paragraphs: Paragraphs<'_, ParagraphFacts>) -> Tongues {
    let mut t = Tongues::default();
    for p in paragraphs {
        t.count(p.facts.tongue, true);
    }
    t
}

/// Per paragraph, per mention: the person it refers to.
pub(super) fn by_mention(
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    persons: &[Option<Arc<Person>>],
) -> imbl::Vector<Vec<Option<PersonId>>> {
    let mut out: imbl::Vector<Vec<Option<PersonId>>> = paragraphs
        .iter()
        .map(|p| vec![None; p.facts.mentions.len()])
        .collect();
    for p in persons.iter().flatten() {
        for r in &p.mentions {
            if let Some(slot) = out.get_mut(r.para).and_then(|v| v.get_mut(r.index)) {
                *slot = Some(p.id);
            }
        }
    }
    out
}

impl People {
    /// Groups the article's mentions into people. `style_book` holds the
    /// newsroom's canonical spellings (`Volodymyr Zelensky`).
    pub fn build(paragraphs: Paragraphs<'_, ParagraphFacts>, style_book: &[String]) -> Self {
        let style = style_entries(style_book);
        let all = paragraphs.iter().enumerate().flat_map(|(p, para)| {
            para.facts
                .mentions
                .iter()
                .enumerate()
                .map(move |(index, m)| (MentionRef { para: p, index }, m))
        });
        let mention = |r: MentionRef| &paragraphs.at(r.para).facts.mentions[r.index];
        let slots: Vec<Option<Arc<Person>>> = group(all, &style)
            .iter()
            .enumerate()
            .map(|(id, d)| Some(Arc::new(person(id, d, mention, &style))))
            .collect();
        People {
            by_mention: by_mention(paragraphs, &slots),
            order: (0..slots.len()).collect(),
            slots,
            index: NameIndex::build(paragraphs),
            style_book: style_book.to_vec(),
            tongues: tongues(paragraphs),
        }
    }

    /// Whether two versions of an article give the same people: the same
    /// paragraphs' mentions, offsets aside. Cheap when paragraphs kept their
    /// facts (pointer comparison), so a keystroke that does not touch a name
    /// can keep the people it had (see [`People::update`]).
    pub fn same_mentions(
        old: Paragraphs<'_, ParagraphFacts>,
        new: Paragraphs<'_, ParagraphFacts>,
    ) -> bool {
        old.len() == new.len()
            && old.iter().zip(new).all(|(a, b)| {
                std::sync::Arc::ptr_eq(a.facts, b.facts)
                    || (a.facts.mentions.len() == b.facts.mentions.len()
                        && a.facts
                            .mentions
                            .iter()
                            .zip(&b.facts.mentions)
                            .all(|(x, y)| x.same_reference(y)))
            })
    }

    /// The people of `paragraphs`: `previous` again when the mentions are the
    /// same as in `previous_paragraphs` (and the style book has not changed),
    /// else built afresh. Equal to [`People::build`] either way.
    pub fn reuse(
        previous_paragraphs: Paragraphs<'_, ParagraphFacts>,
        previous: &std::sync::Arc<People>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        style_book: &[String],
    ) -> std::sync::Arc<People> {
        if previous.style_book == style_book
            && Self::same_mentions(previous_paragraphs, paragraphs)
            && previous.tongues == tongues(paragraphs)
        {
            std::sync::Arc::clone(previous)
        } else {
            std::sync::Arc::new(Self::build(paragraphs, style_book))
        }
    }

    /// The person a mention refers to (`None` for a bare word that is not a
    /// known surname).
    pub fn person_of(&self, m: MentionRef) -> Option<&Person> {
        self.person(self.id_of(m)?)
    }

    /// The id of the person a mention refers to.
    pub fn id_of(&self, m: MentionRef) -> Option<PersonId> {
        *self.by_mention.get(m.para)?.get(m.index)?
    }

    /// A person by id.
    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.slots.get(id)?.as_deref()
    }

    /// The people, in order of first mention.
    pub fn iter(&self) -> impl Iterator<Item = &Person> + '_ {
        self.order.iter().filter_map(|&id| self.person(id))
    }

    /// How many people the article names.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// One more than the largest id: the length of a table by id.
    pub fn id_bound(&self) -> usize {
        self.slots.len()
    }

    /// The people numbered as a fresh grouping numbers them (in order of
    /// first mention, no gaps), and the old id → new id table: equal to
    /// [`People::build`] when `self` is equal to it but for the ids.
    pub fn renumbered(&self) -> (People, Vec<Option<PersonId>>) {
        let mut map = vec![None; self.slots.len()];
        for (rank, &id) in self.order.iter().enumerate() {
            map[id] = Some(rank);
        }
        let slots = self
            .iter()
            .enumerate()
            .map(|(rank, p)| {
                let mut p = p.clone();
                p.id = rank;
                Some(Arc::new(p))
            })
            .collect();
        let by_mention = self
            .by_mention
            .iter()
            .map(|v| v.iter().map(|id| id.and_then(|id| map[id])).collect())
            .collect();
        let people = People {
            slots,
            order: (0..self.order.len()).collect(),
            by_mention,
            index: self.index.clone(),
            style_book: self.style_book.clone(),
            tongues: self.tongues,
        };
        (people, map)
    }

    /// The mention (and its person) at a byte offset of the document, for
    /// hover, go-to-definition and rename.
    pub fn mention_at(
        &self,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        offset: usize,
    ) -> Option<(MentionRef, &Person)> {
        let p = paragraphs.partition_point(|p| p.end() < offset);
        let para = paragraphs.get(p)?;
        let rel = offset.checked_sub(para.start)?;
        para.facts
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.range.start <= rel && rel <= m.range.end)
            .find_map(|(index, _)| {
                let r = MentionRef { para: p, index };
                self.person_of(r).map(|person| (r, person))
            })
    }

    /// Whether the article is not in English ([`Tongues::foreign`]).
    pub fn is_foreign(&self) -> bool {
        self.tongues.foreign()
    }

    /// The people whose canonical name or surname folds to `name`'s fold.
    pub fn find(&self, name: &str) -> impl Iterator<Item = &Person> {
        let key = fold(name);
        self.iter()
            .filter(move |p| fold(&p.canonical) == key || fold(&p.surname) == key)
    }
}

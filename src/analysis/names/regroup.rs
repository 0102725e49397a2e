//! Regrouping people around an edit ([`People::update`]), with the result of
//! grouping the whole article afresh.
//!
//! Grouping ([`super::people`]) is order-dependent, but a mention only ever
//! meets another through a name both are listed under: the folded surname
//! (`by_key`, read and written by every mention, and by a full name's whole
//! name for compound surnames), the core of the surname (`al-Sisi` → `sisi`),
//! and the given name (written by full names, read by a surname alone,
//! `Mr Xi`), plus the typo test between two surnames with the same first
//! letter. So the mentions fall into families that never meet, and the
//! grouping of a family run alone is its grouping within the article.
//!
//! After an edit, the family of every mention in the edited paragraphs
//! (before and after) is found through the [`NameIndex`] and grouped again;
//! every other person is kept as it was. A given name links families only
//! where someone is called by it alone (`Mr Dmytro`), so that `Dmytro Kuleba`
//! and `Dmytro Nowak` stay in different families.
//!
//! A regrouped person keeps the id of the earlier person their first
//! mention outside the edit belonged to; anyone else regrouped is new and
//! gets a new id, and the ids of people gone are left empty (until there
//! are as many empty as full, when the people are grouped afresh). So a
//! new name in the middle of a long article moves no one else's id, and
//! the attribution walk can resume around it.

use std::ops::Range;
use std::sync::Arc;

use super::canonical::person;
use super::group::group;
use super::index::{entries, mention_at, mentions_of, node, NameIndex, Node};
use super::people::People;
use super::person::{Person, PersonId};
use super::style::style_entries;
use super::types::{Mention, MentionRef};
use crate::analysis::ParagraphFacts;
use crate::lexicon::english::Tongues;
use crate::lexicon::names::{FastMap, FastSet};
use crate::text::{Diff, ParaSplice, Paragraphs};

/// How [`People::update`] came by its people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Regrouped {
    /// The mentions are the earlier ones (offsets aside): the same people.
    Same,
    /// The families of the edited mentions were grouped again: `persons`
    /// (their ids, and those of people gone); every other person is the
    /// earlier one, with the same id. `same_view`: the regrouped people
    /// also read as they did to attribution and the quote checks (names,
    /// roles, gender, first references, honorific, and their mentions
    /// outside `changed`) but for the names of those `renamed` (typing
    /// into a first full reference), and anyone who came or went
    /// (`reshaped`) is mentioned only in `changed`.
    Around {
        persons: Vec<PersonId>,
        changed: Range<usize>,
        same_view: bool,
        reshaped: bool,
        renamed: Vec<PersonId>,
    },
    /// Grouped afresh: the ids are new.
    Afresh,
}

/// The paragraphs' tongues after the edit `diff` describes: `before`, the
/// count of `earlier`, less the paragraphs it replaced, plus the new ones.
fn tongues_after(
    earlier: Paragraphs<'_, ParagraphFacts>,
    before: Tongues,
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    diff: &Diff,
) -> Tongues {
    let range = |n: usize| {
        let end = n.saturating_sub(diff.shared_after());
        diff.shared_before().min(end)..end
    };
    let mut t = before;
    for p in earlier.slice(range(earlier.len())) {
        t.count(p.facts.tongue, false);
    }
    for p in paragraphs.slice(range(paragraphs.len())) {
        t.count(p.facts.tongue, true);
    }
    t
}

/// The honorific a person is given by courtesy where the article first does.
fn own_honorific<'a>(
    person: &Person,
    paragraphs: Paragraphs<'a, ParagraphFacts>,
) -> Option<&'a str> {
    person.mentions.iter().find_map(|&r| {
        mention_at(paragraphs, r)
            .filter(|m| m.has_courtesy_honorific())?
            .honorific
            .as_deref()
    })
}

/// Whether `new` is called as `old` was: canonical name, surname, given name.
fn same_names(old: &Person, new: &Person) -> bool {
    old.canonical == new.canonical
        && old.surname == new.surname
        && old.given == new.given
        && old.from_style_book == new.from_style_book
}

/// Whether `new` reads as `old` did to attribution and the quote checks,
/// but for their names ([`same_names`]). `old` is numbered as `earlier`,
/// `new` as `paragraphs`: `paras` says how.
fn same_view(
    old: &Person,
    new: &Person,
    earlier: Paragraphs<'_, ParagraphFacts>,
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    paras: &ParaSplice,
) -> bool {
    let moved = |r: &MentionRef| moved_ref(paras, *r);
    old.gender == new.gender
        && old.roles == new.roles
        && moved(&old.first_reference) == Some(new.first_reference)
        && old.first_full_reference.as_ref().map(moved) == new.first_full_reference.map(Some)
        && old
            .mentions
            .iter()
            .filter(|r| !paras.old.contains(&r.para))
            .map(moved)
            .eq(new
                .mentions
                .iter()
                .filter(|r| !paras.new.contains(&r.para))
                .copied()
                .map(Some))
        && own_honorific(old, earlier) == own_honorific(new, paragraphs)
}

/// Where a mention of the earlier paragraphs is in the later ones: moved by
/// the difference in count past the edit; inside it, the same place when
/// the count did not change, else nowhere.
pub(super) fn moved_ref(paras: &ParaSplice, r: MentionRef) -> Option<MentionRef> {
    if paras.same_count() {
        return Some(r);
    }
    Some(MentionRef {
        para: paras.map(r.para)?,
        index: r.index,
    })
}

impl People {
    /// The people of `paragraphs`, from `previous`, the people of
    /// `earlier`, whose text `diff` describes turned into theirs: the
    /// previous people when no mention changed (renumbered when paragraphs
    /// came or went), else the families of the edited mentions grouped
    /// again (see the module docs), else grouped afresh. Equal to
    /// [`People::build`] every way.
    pub fn update(
        earlier: Paragraphs<'_, ParagraphFacts>,
        previous: &Arc<People>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        diff: &Diff,
        style_book: &[String],
    ) -> (Arc<People>, Regrouped) {
        // Only the paragraphs between those both versions share can differ.
        let paras = diff.paras(earlier.len(), paragraphs.len());
        let changed = paras.new.clone();
        let tongues = tongues_after(earlier, previous.tongues, paragraphs, diff);
        let same = paras.same_count()
            && (changed.start >= changed.end
                || Self::same_mentions(
                    earlier.slice(changed.clone()),
                    paragraphs.slice(changed.clone()),
                )
                || Self::same_but_slots(
                    earlier.slice(changed.clone()),
                    paragraphs.slice(changed),
                    &previous.index,
                ));
        if previous.style_book == style_book && same {
            if tongues == previous.tongues {
                return (Arc::clone(previous), Regrouped::Same);
            }
            let people = People {
                tongues,
                ..People::clone(previous)
            };
            return (Arc::new(people), Regrouped::Same);
        }
        if previous.style_book == style_book && !paras.same_count() {
            if let Some(mut people) = Self::laid_out_again(earlier, previous, paragraphs, &paras) {
                people.tongues = tongues;
                return (Arc::new(people), Regrouped::Same);
            }
        }
        match Self::regroup(earlier, previous, paragraphs, paras, style_book) {
            Some((mut people, how)) => {
                people.tongues = tongues;
                (Arc::new(people), how)
            }
            None => (
                Arc::new(Self::build(paragraphs, style_book)),
                Regrouped::Afresh,
            ),
        }
    }

    /// Whether the paragraphs' mentions are the earlier ones but for what
    /// stands around them ([`Mention::same_but_slot`]), where that is read
    /// by no grouping: the mention is no bare word, or a bare word spelled
    /// as the surname of someone named (`Kuleba` in `Kuleba told`, typed
    /// into `told`), which is grouped by that surname.
    fn same_but_slots(
        old: Paragraphs<'_, ParagraphFacts>,
        new: Paragraphs<'_, ParagraphFacts>,
        index: &NameIndex,
    ) -> bool {
        old.len() == new.len()
            && old.iter().zip(new).all(|(a, b)| {
                a.facts.mentions.len() == b.facts.mentions.len()
                    && a.facts
                        .mentions
                        .iter()
                        .zip(&b.facts.mentions)
                        .all(|(x, y)| {
                            x.same_reference(y)
                                || (x.same_but_slot(y)
                                    && (!x.bare || index.strong_surname(&x.surname_key)))
                        })
            })
    }

    /// The paragraphs that changed, `paras` narrowed to those whose mentions
    /// are not the same (offsets aside) as the paragraph's at the same
    /// distance from either end; `None` when none differ.
    fn narrowed(
        earlier: Paragraphs<'_, ParagraphFacts>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        mut paras: ParaSplice,
    ) -> Option<ParaSplice> {
        let same = |o: usize, p: usize| {
            let (a, b) = (
                &earlier.at(o).facts.mentions,
                &paragraphs.at(p).facts.mentions,
            );
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_reference(y))
        };
        let (old, new) = (&mut paras.old, &mut paras.new);
        while old.start < old.end && new.start < new.end && same(old.start, new.start) {
            old.start += 1;
            new.start += 1;
        }
        while old.start < old.end && new.start < new.end && same(old.end - 1, new.end - 1) {
            old.end -= 1;
            new.end -= 1;
        }
        (old.start < old.end || new.start < new.end).then_some(paras)
    }

    fn regroup(
        earlier: Paragraphs<'_, ParagraphFacts>,
        previous: &People,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        paras: ParaSplice,
        style_book: &[String],
    ) -> Option<(People, Regrouped)> {
        if previous.by_mention.len() != earlier.len() || previous.style_book != style_book {
            return None;
        }
        // The paragraphs rescanned around the edit whose mentions are the
        // same (offsets aside) are not part of it.
        let paras = Self::narrowed(earlier, paragraphs, paras)?;
        let (old_changed, changed) = (paras.old.clone(), paras.new.clone());
        let mut index = previous.index.clone();
        index.update(earlier, paragraphs, &paras);
        let seeds: Vec<(Node, &str, bool)> = mentions_of(earlier, old_changed.clone())
            .chain(mentions_of(paragraphs, changed.clone()))
            .flat_map(|(_, m)| entries(m).map(|(l, k, strong)| (node(l), k, strong)))
            .collect();
        // A family of half the article is regrouped as fast afresh.
        let members = index.family(paragraphs, seeds, index.mentions / 2 + 64)?;

        let style = style_entries(style_book);
        let mention = |r: MentionRef| &paragraphs.at(r.para).facts.mentions[r.index];
        let drafts = group(members.iter().map(|&r| (r, mention(r))), &style);
        // Who a mention outside the edit (numbered as now) was.
        let was_id = |r: MentionRef| {
            let para = paras.unmap(r.para)?;
            previous.id_of(MentionRef { para, ..r })
        };
        let old_ch =
            mentions_of(earlier, old_changed.clone()).filter_map(|(r, _)| previous.id_of(r));
        let mut removed: Vec<PersonId> = members
            .iter()
            .copied()
            .filter(|r| !changed.contains(&r.para))
            .filter_map(was_id)
            .chain(old_ch)
            .collect();
        removed.sort_unstable();
        removed.dedup();

        // Each regrouped person keeps the id of the earlier person their
        // first mention outside the edit belonged to; one with no such
        // mention (or whose earlier person is taken) gets a new id, and an
        // earlier person no one took is gone (see [`PersonId`]).
        let mut slots = previous.slots.clone();
        let mut claimed: FastSet<PersonId> = FastSet::default();
        let mut touched: Vec<PersonId> = Vec::with_capacity(drafts.len());
        let mut added: Vec<PersonId> = Vec::new();
        for d in &drafts {
            let old = d
                .mentions
                .iter()
                .filter(|r| !changed.contains(&r.para))
                .filter_map(|&r| was_id(r))
                .find(|id| !claimed.contains(id));
            let id = match old {
                Some(id) => id,
                None => {
                    slots.push(None);
                    added.push(slots.len() - 1);
                    slots.len() - 1
                }
            };
            claimed.insert(id);
            slots[id] = Some(Arc::new(person(id, d, mention, &style)));
            touched.push(id);
        }
        let gone: Vec<PersonId> = removed
            .iter()
            .copied()
            .filter(|id| !claimed.contains(id))
            .collect();
        for &id in &gone {
            slots[id] = None;
        }
        // Too many ids of people gone: number them afresh.
        if slots.len() > 2 * (previous.order.len() + added.len()) + 64 {
            return None;
        }
        // Everyone else keeps their mentions, numbered as now.
        if !paras.same_count() {
            renumber_untouched(&mut slots, &claimed, &paras);
        }
        let order = Self::reordered(previous, &slots, &touched, &gone);
        let by_mention = Self::assigned(previous, &slots, &touched, &members, paragraphs, &paras);
        // Attribution meets a person who came or went only in the edited
        // paragraphs when all their mentions are there.
        let within = |p: Option<&Arc<Person>>, range: &std::ops::Range<usize>| {
            p.is_none_or(|p| p.mentions.iter().all(|r| range.contains(&r.para)))
        };
        let mut renamed: Vec<PersonId> = Vec::new();
        let mut same = gone
            .iter()
            .all(|&id| within(previous.slots[id].as_ref(), &old_changed));
        for &id in &touched {
            same &= match (previous.person(id), slots[id].as_ref()) {
                (Some(old), Some(new)) => {
                    if !same_names(old, new) {
                        renamed.push(id);
                    }
                    same_view(old, new, earlier, paragraphs, &paras)
                }
                (None, new) => within(new, &changed),
                (Some(_), None) => false,
            };
        }
        let reshaped = !added.is_empty() || !gone.is_empty();
        let mut persons: Vec<PersonId> = touched.iter().chain(&gone).copied().collect();
        persons.sort_unstable();
        persons.dedup();
        let people = People {
            slots,
            order,
            by_mention,
            index,
            style_book: style_book.to_vec(),
            tongues: previous.tongues,
        };
        let how = Regrouped::Around {
            persons,
            changed,
            same_view: same,
            reshaped,
            renamed,
        };
        Some((people, how))
    }

    /// The order of first mention: the people regrouped (`touched`, and
    /// those `gone`) taken out where they were and put back where they
    /// are now (found by halving).
    fn reordered(
        previous: &People,
        slots: &[Option<Arc<Person>>],
        touched: &[PersonId],
        gone: &[PersonId],
    ) -> Vec<PersonId> {
        let mut redone: Vec<PersonId> = touched.iter().chain(gone).copied().collect();
        redone.sort_unstable();
        redone.dedup();
        let mut order = previous.order.clone();
        let was = |id: PersonId| previous.person(id).map(|p| p.first_reference);
        let mut out: Vec<usize> = redone
            .iter()
            .filter_map(|&id| {
                let at = was(id)?;
                let i = order.partition_point(|&o| was(o) < Some(at));
                (order.get(i) == Some(&id)).then_some(i)
            })
            .collect();
        out.sort_unstable();
        for i in out.into_iter().rev() {
            order.remove(i);
        }
        let now = |id: PersonId| slots[id].as_ref().map(|p| p.first_reference);
        for &id in touched {
            let at = now(id);
            let i = order.partition_point(|&o| now(o) < at);
            order.insert(i, id);
        }
        order
    }

    /// Who each mention is: the earlier table with the rows of the edited
    /// paragraphs laid out anew, and the regrouped mentions' ids written
    /// only where they changed (a write copies the shared paragraphs
    /// around it).
    fn assigned(
        previous: &People,
        slots: &[Option<Arc<Person>>],
        touched: &[PersonId],
        members: &[MentionRef],
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        paras: &ParaSplice,
    ) -> imbl::Vector<Vec<Option<PersonId>>> {
        let changed = paras.new.clone();
        let assigned: FastMap<MentionRef, PersonId> = touched
            .iter()
            .flat_map(|&id| {
                slots[id]
                    .iter()
                    .flat_map(move |p| p.mentions.iter().map(move |&r| (r, id)))
            })
            .collect();
        let row = |p: usize| -> Vec<Option<PersonId>> {
            (0..paragraphs.at(p).facts.mentions.len())
                .map(|index| assigned.get(&MentionRef { para: p, index }).copied())
                .collect()
        };
        let mut by_mention = previous.by_mention.clone();
        if paras.same_count() {
            for p in changed.clone() {
                by_mention.set(p, row(p));
            }
        } else {
            let mut rest = by_mention.split_off(paras.old.start);
            let after = rest.split_off(paras.old.len());
            by_mention.extend(changed.clone().map(row));
            by_mention.append(after);
        }
        for r in members.iter().filter(|r| !changed.contains(&r.para)) {
            let id = assigned.get(r).copied();
            if by_mention.get(r.para).and_then(|v| v.get(r.index)) != Some(&id) {
                if let Some(slot) = by_mention.get_mut(r.para).and_then(|v| v.get_mut(r.index)) {
                    *slot = id;
                }
            }
        }
        by_mention
    }
}

/// Renumbers the mentions of the people not regrouped (not in `claimed`)
/// past the edited paragraphs by the difference in count (none of theirs
/// is in the edited ones: those were all regrouped).
fn renumber_untouched(
    slots: &mut [Option<Arc<Person>>],
    claimed: &FastSet<PersonId>,
    paras: &ParaSplice,
) {
    for (id, slot) in slots.iter_mut().enumerate() {
        let Some(p) = slot else { continue };
        if claimed.contains(&id) || p.mentions.last().is_none_or(|r| r.para < paras.old.end) {
            continue;
        }
        let p = Arc::make_mut(p);
        let move_ref = |r: &mut MentionRef| {
            if let Some(para) = paras.map(r.para) {
                r.para = para;
            }
        };
        for r in &mut p.mentions {
            move_ref(r);
        }
        move_ref(&mut p.first_reference);
        if let Some(r) = &mut p.first_full_reference {
            move_ref(r);
        }
    }
}

impl People {
    /// The people after an edit that added or removed paragraphs but left
    /// the mentions, read in order, as they were (offsets aside): a line
    /// break in a paragraph, two paragraphs joined. The same people, their
    /// mentions numbered as now; `None` when the mentions changed.
    fn laid_out_again(
        earlier: Paragraphs<'_, ParagraphFacts>,
        previous: &People,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        paras: &ParaSplice,
    ) -> Option<People> {
        if previous.by_mention.len() != earlier.len() {
            return None;
        }
        let old: Vec<(MentionRef, &Mention)> = mentions_of(earlier, paras.old.clone()).collect();
        let new: Vec<(MentionRef, &Mention)> = mentions_of(paragraphs, paras.new.clone()).collect();
        if old.len() != new.len() || !old.iter().zip(&new).all(|(a, b)| a.1.same_reference(b.1)) {
            return None;
        }
        let moved = |r: MentionRef| match paras.map(r.para) {
            Some(para) => MentionRef { para, ..r },
            None => old
                .binary_search_by(|(o, _)| o.cmp(&r))
                .map_or(r, |k| new[k].0),
        };
        let mut people = previous.clone();
        for slot in people.slots.iter_mut().flatten() {
            if slot
                .mentions
                .last()
                .is_none_or(|r| r.para < paras.old.start)
            {
                continue;
            }
            let p = Arc::make_mut(slot);
            for r in &mut p.mentions {
                *r = moved(*r);
            }
            p.first_reference = moved(p.first_reference);
            if let Some(r) = &mut p.first_full_reference {
                *r = moved(*r);
            }
        }
        let ids: Vec<Option<PersonId>> = paras
            .old
            .clone()
            .filter_map(|p| previous.by_mention.get(p))
            .flatten()
            .copied()
            .collect();
        let mut rest = people.by_mention.split_off(paras.old.start);
        let after = rest.split_off(paras.old.len());
        let mut ids = ids.into_iter();
        for p in paras.new.clone() {
            let k = paragraphs.at(p).facts.mentions.len();
            people.by_mention.push_back(ids.by_ref().take(k).collect());
        }
        people.by_mention.append(after);
        people.index.update(earlier, paragraphs, paras);
        Some(people)
    }
}

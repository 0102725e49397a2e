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

use std::collections::HashMap;
use std::ops::{Bound, Range};
use std::sync::Arc;

use super::gazetteer::{FastMap, FastSet};
use super::people::{group, person, style_entries, People, Person, PersonId};
use super::variants::likely_typo;
use super::{Mention, MentionRef};
use crate::analysis::ParagraphFacts;
use crate::text::{Diff, Paragraphs};

/// The mentions listed under one name, in article order, and how many of
/// them make the name count: for a surname, the mentions that are not bare
/// words (their surname is a key people are grouped by); for a given name,
/// the mentions that read it (a surname alone).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Refs {
    refs: Vec<MentionRef>,
    strong: u32,
}

/// Every mention of the article under each name it can meet others through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct NameIndex {
    /// By folded surname (ordered: the typo test looks at one first letter).
    surname: imbl::OrdMap<String, Arc<Refs>>,
    /// Full names by folded whole name: they look it up as a surname.
    whole: imbl::HashMap<String, Arc<Refs>>,
    /// By core of the surname; bare words by their surname.
    core: imbl::HashMap<String, Arc<Refs>>,
    /// Full names by given name; a surname alone by its surname.
    given: imbl::HashMap<String, Arc<Refs>>,
    /// How many mentions the article has.
    mentions: usize,
}

/// One of the name lists of [`NameIndex`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum List {
    Surname,
    Whole,
    Core,
    Given,
}

/// The lists a mention is in: (list, name, whether it counts as strong).
fn entries(m: &Mention) -> impl Iterator<Item = (List, &str, bool)> {
    let mut out: [Option<(List, &str, bool)>; 4] = [None; 4];
    out[0] = Some((List::Surname, m.surname_key.as_str(), !m.bare));
    if m.bare {
        out[1] = Some((List::Core, m.surname_key.as_str(), false));
    } else {
        out[1] = Some((List::Core, m.core_key.as_str(), false));
        if m.is_full() {
            out[2] = Some((List::Whole, m.name_key.as_str(), false));
        }
        out[3] = Some(match &m.given_key {
            Some(g) => (List::Given, g.as_str(), false),
            None => (List::Given, m.surname_key.as_str(), true),
        });
    }
    out.into_iter().flatten()
}

/// A name the grouping looks people up by: a surname (with the full names
/// that look their whole name up as one), a core, a given name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Node {
    Surname,
    Core,
    Given,
}

fn node(list: List) -> Node {
    match list {
        List::Surname | List::Whole => Node::Surname,
        List::Core => Node::Core,
        List::Given => Node::Given,
    }
}

fn mention_at(paragraphs: Paragraphs<'_, ParagraphFacts>, r: MentionRef) -> Option<&Mention> {
    paragraphs.get(r.para)?.facts.mentions.get(r.index)
}

fn mentions_of(
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    paras: Range<usize>,
) -> impl Iterator<Item = (MentionRef, &Mention)> {
    let from = paras.start;
    paragraphs
        .get_slice(paras)
        .unwrap_or_default()
        .iter()
        .zip(from..)
        .flat_map(|(p, para)| {
            p.facts
                .mentions
                .iter()
                .enumerate()
                .map(move |(index, m)| (MentionRef { para, index }, m))
        })
}

impl NameIndex {
    fn get(&self, list: List, key: &str) -> Option<&Arc<Refs>> {
        match list {
            List::Surname => self.surname.get(key),
            List::Whole => self.whole.get(key),
            List::Core => self.core.get(key),
            List::Given => self.given.get(key),
        }
    }

    /// The index of a whole article.
    pub(crate) fn build(paragraphs: Paragraphs<'_, ParagraphFacts>) -> Self {
        let mut lists: [HashMap<&str, Refs>; 4] = Default::default();
        let mut mentions = 0;
        for (p, para) in paragraphs.iter().enumerate() {
            mentions += para.facts.mentions.len();
            for (index, m) in para.facts.mentions.iter().enumerate() {
                for (list, key, strong) in entries(m) {
                    let e = lists[list as usize].entry(key).or_default();
                    e.refs.push(MentionRef { para: p, index });
                    e.strong += u32::from(strong);
                }
            }
        }
        let [surname, whole, core, given] = lists.map(|l| {
            l.into_iter()
                .map(|(k, v)| (k.to_string(), Arc::new(v)))
                .collect::<Vec<_>>()
        });
        Self {
            surname: surname.into_iter().collect(),
            whole: whole.into_iter().collect(),
            core: core.into_iter().collect(),
            given: given.into_iter().collect(),
            mentions,
        }
    }

    /// The index after paragraphs `changed` of `earlier` (the same number
    /// of paragraphs as `paragraphs`) were edited into those of `paragraphs`.
    fn update(
        &mut self,
        earlier: Paragraphs<'_, ParagraphFacts>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        changed: Range<usize>,
    ) {
        let mut edits: HashMap<(List, &str), (Vec<MentionRef>, i64)> = HashMap::new();
        let count = |paras: Paragraphs<'_, ParagraphFacts>| -> usize {
            paras
                .slice(changed.clone())
                .iter()
                .map(|p| p.facts.mentions.len())
                .sum()
        };
        self.mentions = (self.mentions + count(paragraphs)).saturating_sub(count(earlier));
        for (_, m) in mentions_of(earlier, changed.clone()) {
            for (list, key, strong) in entries(m) {
                edits.entry((list, key)).or_default().1 -= i64::from(strong);
            }
        }
        for (r, m) in mentions_of(paragraphs, changed.clone()) {
            for (list, key, strong) in entries(m) {
                let e = edits.entry((list, key)).or_default();
                e.0.push(r);
                e.1 += i64::from(strong);
            }
        }
        for ((list, key), (added, delta)) in edits {
            let map_edit = |refs: &mut Refs| {
                let lo = refs.refs.partition_point(|r| r.para < changed.start);
                let hi = refs.refs.partition_point(|r| r.para < changed.end);
                refs.refs.splice(lo..hi, added);
                refs.strong = u32::try_from(i64::from(refs.strong) + delta).unwrap_or(0);
                refs.refs.is_empty()
            };
            macro_rules! apply {
                ($map:expr) => {{
                    let empty = match $map.get_mut(key) {
                        Some(refs) => map_edit(Arc::make_mut(refs)),
                        None => {
                            let mut refs = Refs::default();
                            let empty = map_edit(&mut refs);
                            if !empty {
                                $map.insert(key.to_string(), Arc::new(refs));
                            }
                            false
                        }
                    };
                    if empty {
                        $map.remove(key);
                    }
                }};
            }
            match list {
                List::Surname => apply!(self.surname),
                List::Whole => apply!(self.whole),
                List::Core => apply!(self.core),
                List::Given => apply!(self.given),
            }
        }
    }

    /// The surnames that may be a typo of `key` (or it of them) for the
    /// grouping: same first letter, and one of the two is a surname people
    /// are grouped by (`key` may have been before the edit: `was_strong`).
    fn typos<'s>(&'s self, key: &'s str, was_strong: bool) -> Vec<&'s str> {
        let Some(first) = key.chars().next() else {
            return Vec::new();
        };
        let strong = u32::from(was_strong) + self.surname.get(key).map_or(0, |r| r.strong);
        let lo = String::from(first);
        let hi = char::from_u32(first as u32 + 1).map(String::from);
        let upper = hi.as_deref().map_or(Bound::Unbounded, Bound::Excluded);
        self.surname
            .range::<_, str>((Bound::Included(lo.as_str()), upper))
            .filter(|(k, refs)| {
                k.as_str() != key && (strong > 0 || refs.strong > 0) && likely_typo(key, k)
            })
            .map(|(k, _)| k.as_str())
            .collect()
    }

    /// Every mention (of `paragraphs`, which this indexes) in the families
    /// of the names `seeds`, in article order; `None` past `limit` mentions.
    /// A seed that was strong (see [`Refs`]) before the edit links as it
    /// did then.
    fn family<'k>(
        &'k self,
        paragraphs: Paragraphs<'k, ParagraphFacts>,
        seeds: Vec<(Node, &'k str, bool)>,
        limit: usize,
    ) -> Option<Vec<MentionRef>> {
        let mut seen: FastSet<(Node, &'k str)> = FastSet::default();
        let mut members: FastSet<MentionRef> = FastSet::default();
        let seeded: FastSet<(Node, &'k str)> = seeds
            .iter()
            .filter(|s| s.2)
            .map(|&(n, k, _)| (n, k))
            .collect();
        let mut todo: Vec<(Node, &'k str)> = seeds.into_iter().map(|(n, k, _)| (n, k)).collect();
        while let Some((n, key)) = todo.pop() {
            if !seen.insert((n, key)) {
                continue;
            }
            let lists: &[List] = match n {
                Node::Surname => &[List::Surname, List::Whole],
                Node::Core => &[List::Core],
                Node::Given => {
                    // A given name links the families of those who have
                    // it only where someone is called by it alone.
                    let read = self.given.get(key).is_some_and(|r| r.strong > 0);
                    if !read && !seeded.contains(&(n, key)) {
                        continue;
                    }
                    &[List::Given]
                }
            };
            if n == Node::Surname {
                // A seed may have been a surname people were grouped by
                // before the edit: its typo links then counted too.
                let seed = seeded.contains(&(n, key));
                for k in self.typos(key, seed) {
                    todo.push((Node::Surname, k));
                }
            }
            for &list in lists {
                let Some(refs) = self.get(list, key) else {
                    continue;
                };
                for &r in &refs.refs {
                    if !members.insert(r) {
                        continue;
                    }
                    if members.len() > limit {
                        return None;
                    }
                    let m = mention_at(paragraphs, r)?;
                    for (l, k, _) in entries(m) {
                        if !seen.contains(&(node(l), k)) {
                            todo.push((node(l), k));
                        }
                    }
                }
            }
        }
        let mut out: Vec<MentionRef> = members.into_iter().collect();
        out.sort_unstable();
        Some(out)
    }
}

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
/// but for their names ([`same_names`]).
fn same_view(
    old: &Person,
    new: &Person,
    earlier: Paragraphs<'_, ParagraphFacts>,
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    changed: &Range<usize>,
) -> bool {
    let outside = |p: &&MentionRef| !changed.contains(&p.para);
    old.gender == new.gender
        && old.roles == new.roles
        && old.first_reference == new.first_reference
        && old.first_full_reference == new.first_full_reference
        && old
            .mentions
            .iter()
            .filter(outside)
            .eq(new.mentions.iter().filter(outside))
        && own_honorific(old, earlier) == own_honorific(new, paragraphs)
}

impl People {
    /// The people of `paragraphs`, from `previous`, the people of
    /// `earlier`, whose text `diff` describes turned into theirs: the
    /// previous people when no mention changed, else the families of the
    /// edited mentions grouped again (see the module docs), else grouped
    /// afresh. Equal to [`People::build`] every way.
    pub fn update(
        earlier: Paragraphs<'_, ParagraphFacts>,
        previous: &Arc<People>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        diff: &Diff,
        style_book: &[String],
    ) -> (Arc<People>, Regrouped) {
        // Only the paragraphs between those both versions share can differ.
        let n = paragraphs.len();
        let changed = diff.shared_before()..n.saturating_sub(diff.shared_after());
        let same = earlier.len() == n
            && (changed.start >= changed.end
                || Self::same_mentions(earlier.slice(changed.clone()), paragraphs.slice(changed)));
        if previous.style_book == style_book && same {
            return (Arc::clone(previous), Regrouped::Same);
        }
        match Self::regroup(earlier, previous, paragraphs, diff, style_book) {
            Some((people, how)) => (Arc::new(people), how),
            None => (
                Arc::new(Self::build(paragraphs, style_book)),
                Regrouped::Afresh,
            ),
        }
    }

    fn regroup(
        earlier: Paragraphs<'_, ParagraphFacts>,
        previous: &People,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        diff: &Diff,
        style_book: &[String],
    ) -> Option<(People, Regrouped)> {
        let n = paragraphs.len();
        if earlier.len() != n || previous.by_mention.len() != n || previous.style_book != style_book
        {
            return None;
        }
        let mut changed = diff.shared_before()..n.checked_sub(diff.shared_after())?;
        // The paragraphs rescanned around the edit whose mentions are the
        // same (offsets aside) are not part of it.
        let same = |p: usize| {
            let (a, b) = (
                &earlier.at(p).facts.mentions,
                &paragraphs.at(p).facts.mentions,
            );
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_reference(y))
        };
        while changed.start < changed.end && same(changed.start) {
            changed.start += 1;
        }
        while changed.start < changed.end && same(changed.end - 1) {
            changed.end -= 1;
        }
        if changed.start >= changed.end {
            return None;
        }
        let mut index = previous.index.clone();
        index.update(earlier, paragraphs, changed.clone());
        let seeds: Vec<(Node, &str, bool)> = mentions_of(earlier, changed.clone())
            .chain(mentions_of(paragraphs, changed.clone()))
            .flat_map(|(_, m)| entries(m).map(|(l, k, strong)| (node(l), k, strong)))
            .collect();
        // A family of half the article is regrouped as fast afresh.
        let members = index.family(paragraphs, seeds, index.mentions / 2 + 64)?;

        let style = style_entries(style_book);
        let mention = |r: MentionRef| &paragraphs.at(r.para).facts.mentions[r.index];
        let drafts = group(members.iter().map(|&r| (r, mention(r))), &style);
        let old_ch = mentions_of(earlier, changed.clone()).map(|(r, _)| r);
        let mut removed: Vec<PersonId> = members
            .iter()
            .copied()
            .filter(|r| !changed.contains(&r.para))
            .chain(old_ch)
            .filter_map(|r| previous.id_of(r))
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
                .filter_map(|&r| previous.id_of(r))
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
        // The order of first mention: the regrouped taken out where they
        // were and put back where they are now (found by halving).
        let mut redone: Vec<PersonId> = touched.iter().chain(&gone).copied().collect();
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
        for &id in &touched {
            let at = now(id);
            let i = order.partition_point(|&o| now(o) < at);
            order.insert(i, id);
        }

        // Who each regrouped mention is, written only where it changed (a
        // write copies the shared paragraphs around it).
        let assigned: FastMap<MentionRef, PersonId> = touched
            .iter()
            .flat_map(|&id| {
                slots[id]
                    .iter()
                    .flat_map(move |p| p.mentions.iter().map(move |&r| (r, id)))
            })
            .collect();
        let mut by_mention = previous.by_mention.clone();
        for p in changed.clone() {
            let ids = (0..paragraphs.at(p).facts.mentions.len())
                .map(|index| assigned.get(&MentionRef { para: p, index }).copied())
                .collect();
            by_mention.set(p, ids);
        }
        for r in members.iter().filter(|r| !changed.contains(&r.para)) {
            let id = assigned.get(r).copied();
            if by_mention.get(r.para).and_then(|v| v.get(r.index)) != Some(&id) {
                if let Some(slot) = by_mention.get_mut(r.para).and_then(|v| v.get_mut(r.index)) {
                    *slot = id;
                }
            }
        }
        // Attribution meets a person who came or went only in the edited
        // paragraphs when all their mentions are there.
        let within = |p: Option<&Arc<Person>>| {
            p.is_none_or(|p| p.mentions.iter().all(|r| changed.contains(&r.para)))
        };
        let mut renamed: Vec<PersonId> = Vec::new();
        let mut same = gone.iter().all(|&id| within(previous.slots[id].as_ref()));
        for &id in &touched {
            same &= match (previous.person(id), slots[id].as_ref()) {
                (Some(old), Some(new)) => {
                    if !same_names(old, new) {
                        renamed.push(id);
                    }
                    same_view(old, new, earlier, paragraphs, &changed)
                }
                (None, new) => within(new),
                (Some(_), None) => false,
            };
        }
        let reshaped = !added.is_empty() || !gone.is_empty();
        let persons = redone;
        let people = People {
            slots,
            order,
            by_mention,
            index,
            style_book: style_book.to_vec(),
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
}

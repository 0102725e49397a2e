//! The names mentions can meet each other through ([`NameIndex`]): every
//! mention of the article listed under its folded surname, the core of the
//! surname, its whole name and its given name, kept up edit by edit, and the
//! family of a set of names (every mention they can reach).

use std::collections::HashMap;
use std::ops::{Bound, Range};
use std::sync::Arc;

use super::types::{Mention, MentionRef};
use super::variants::near_spelling;
use crate::analysis::ParagraphFacts;
use crate::lexicon::names::FastSet;
use crate::text::{ParaSplice, Paragraphs};

/// The mentions listed under one name, in article order, and how many of
/// them make the name count: for a surname, the mentions that are not bare
/// words (their surname is a key people are grouped by); for a given name,
/// the mentions that read it (a surname alone).
/// A list no edit touched since paragraphs came or went before its
/// mentions holds their earlier numbers: `moved` says how many of the
/// index's [`Move`]s it has had.
#[derive(Clone, Debug, Default)]
pub(crate) struct Refs {
    refs: Vec<MentionRef>,
    strong: u32,
    moved: usize,
}

/// Paragraphs came or went: those from `from` on (as numbered before) moved
/// by `by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Move {
    from: usize,
    by: isize,
}

/// How many moves may wait before every list is renumbered.
const MAX_MOVES: usize = 64;

/// Every mention of the article under each name it can meet others through.
#[derive(Clone, Debug, Default)]
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
    pub(super) mentions: usize,
    /// The renumberings since the index was built, in order; a list has
    /// had the first `moved` of them.
    moves: Vec<Move>,
}

/// A mention's number after `moves`.
fn moved(mut r: MentionRef, moves: &[Move]) -> MentionRef {
    for m in moves {
        if r.para >= m.from {
            r.para = r.para.saturating_add_signed(m.by);
        }
    }
    r
}

/// Equal when every list holds the same mentions, numbered as now.
impl PartialEq for NameIndex {
    fn eq(&self, other: &Self) -> bool {
        fn same<'a>(
            a: impl Iterator<Item = (&'a String, &'a Arc<Refs>)>,
            b: &dyn Fn(&str) -> Option<&'a Arc<Refs>>,
            x: &NameIndex,
            y: &NameIndex,
            len: (usize, usize),
        ) -> bool {
            len.0 == len.1
                && a.into_iter().all(|(k, r)| {
                    b(k).is_some_and(|o| r.strong == o.strong && x.read(r).eq(y.read(o)))
                })
        }
        let (a, b) = (self, other);
        a.mentions == b.mentions
            && same(
                a.surname.iter(),
                &|k| b.surname.get(k),
                a,
                b,
                (a.surname.len(), b.surname.len()),
            )
            && same(
                a.whole.iter(),
                &|k| b.whole.get(k),
                a,
                b,
                (a.whole.len(), b.whole.len()),
            )
            && same(
                a.core.iter(),
                &|k| b.core.get(k),
                a,
                b,
                (a.core.len(), b.core.len()),
            )
            && same(
                a.given.iter(),
                &|k| b.given.get(k),
                a,
                b,
                (a.given.len(), b.given.len()),
            )
    }
}

impl Eq for NameIndex {}

/// One of the name lists of [`NameIndex`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum List {
    Surname,
    Whole,
    Core,
    Given,
}

/// The lists a mention is in: (list, name, whether it counts as strong).
pub(super) fn entries(m: &Mention) -> impl Iterator<Item = (List, &str, bool)> {
    let mut out: [Option<(List, &str, bool)>; 5] = [None; 5];
    out[0] = Some((List::Surname, m.surname_key.as_str(), !m.bare));
    if m.bare {
        out[1] = Some((List::Core, m.surname_key.as_str(), false));
    } else {
        out[1] = Some((List::Core, m.core_key.as_str(), false));
        if m.is_full() {
            out[2] = Some((List::Whole, m.name_key.as_str(), false));
        }
        // (`J Lloyd Evans` looks up `lloydevans` as a surname.)
        if let Some(tail) = m.tail_key() {
            out[4] = Some((List::Whole, tail, false));
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
pub(super) enum Node {
    Surname,
    Core,
    Given,
}

pub(super) fn node(list: List) -> Node {
    match list {
        List::Surname | List::Whole => Node::Surname,
        List::Core => Node::Core,
        List::Given => Node::Given,
    }
}

pub(super) fn mention_at(
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    r: MentionRef,
) -> Option<&Mention> {
    paragraphs.get(r.para)?.facts.mentions.get(r.index)
}

pub(super) fn mentions_of(
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
    /// A list's mentions, numbered as now.
    fn read<'r>(&'r self, refs: &'r Refs) -> impl Iterator<Item = MentionRef> + 'r {
        let moves = self.moves.get(refs.moved..).unwrap_or_default();
        refs.refs.iter().map(move |&r| moved(r, moves))
    }

    /// Whether a mention that is no bare word has the folded surname `key`:
    /// a bare word spelled so is grouped by it, not by a typo test.
    pub(super) fn strong_surname(&self, key: &str) -> bool {
        self.surname.get(key).is_some_and(|r| r.strong > 0)
    }

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
            moves: Vec::new(),
        }
    }

    /// The index after the paragraphs `paras.old` of `earlier` were edited
    /// into the paragraphs `paras.new` of `paragraphs` (those after them
    /// move by the difference in count).
    pub(super) fn update(
        &mut self,
        earlier: Paragraphs<'_, ParagraphFacts>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        paras: &ParaSplice,
    ) {
        let mut edits: HashMap<(List, &str), (Vec<MentionRef>, i64)> = HashMap::new();
        let count = |paras: Paragraphs<'_, ParagraphFacts>, range: Range<usize>| -> usize {
            paras
                .slice(range)
                .iter()
                .map(|p| p.facts.mentions.len())
                .sum()
        };
        self.mentions = (self.mentions + count(paragraphs, paras.new.clone()))
            .saturating_sub(count(earlier, paras.old.clone()));
        for (_, m) in mentions_of(earlier, paras.old.clone()) {
            for (list, key, strong) in entries(m) {
                edits.entry((list, key)).or_default().1 -= i64::from(strong);
            }
        }
        for (r, m) in mentions_of(paragraphs, paras.new.clone()) {
            for (list, key, strong) in entries(m) {
                let e = edits.entry((list, key)).or_default();
                e.0.push(r);
                e.1 += i64::from(strong);
            }
        }
        // The refs after the edit: moved by the difference in count.
        let (old_end, new_end) = (paras.old.end, paras.new.end);
        let moves = self.moves.clone();
        let done = moves.len() + usize::from(old_end != new_end);
        let map_edit = |refs: &mut Refs, added: Vec<MentionRef>, delta: i64| {
            // Numbered as before the edit, then edited, then moved.
            let pending = moves.get(refs.moved..).unwrap_or_default();
            if !pending.is_empty() {
                for r in &mut refs.refs {
                    *r = moved(*r, pending);
                }
            }
            refs.moved = done;
            let lo = refs.refs.partition_point(|r| r.para < paras.old.start);
            let hi = refs.refs.partition_point(|r| r.para < old_end);
            let after = lo + added.len();
            refs.refs.splice(lo..hi, added);
            if old_end != new_end {
                for r in &mut refs.refs[after..] {
                    r.para = r.para + new_end - old_end;
                }
            }
            refs.strong = u32::try_from(i64::from(refs.strong) + delta).unwrap_or(0);
            refs.refs.is_empty()
        };
        for ((list, key), (added, delta)) in edits {
            macro_rules! apply {
                ($map:expr) => {{
                    let empty = match $map.get_mut(key) {
                        Some(refs) => map_edit(Arc::make_mut(refs), added, delta),
                        None => {
                            let mut refs = Refs {
                                moved: done,
                                ..Refs::default()
                            };
                            let empty = map_edit(&mut refs, added, delta);
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
        if old_end != new_end {
            self.move_after(paras);
        }
    }

    /// Records that the paragraphs past the edited ones moved by the
    /// difference in count, for the lists no edit touched (those it did
    /// were moved as they were edited): read through [`NameIndex::read`],
    /// and renumbered in place once too many moves wait.
    fn move_after(&mut self, paras: &ParaSplice) {
        let by = paras.new.end as isize - paras.old.end as isize;
        self.moves.push(Move {
            from: paras.old.end,
            by,
        });
        if self.moves.len() <= MAX_MOVES {
            return;
        }
        let moves = std::mem::take(&mut self.moves);
        let settle = |refs: &mut Arc<Refs>| {
            let pending = moves.get(refs.moved..).unwrap_or_default();
            if !pending.is_empty() {
                let refs = Arc::make_mut(refs);
                for r in &mut refs.refs {
                    *r = moved(*r, pending);
                }
            }
            Arc::make_mut(refs).moved = 0;
        };
        self.surname = self
            .surname
            .iter()
            .map(|(k, v)| {
                let mut v = Arc::clone(v);
                settle(&mut v);
                (k.clone(), v)
            })
            .collect();
        for (_, v) in self.whole.iter_mut() {
            settle(v);
        }
        for (_, v) in self.core.iter_mut() {
            settle(v);
        }
        for (_, v) in self.given.iter_mut() {
            settle(v);
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
                k.as_str() != key && (strong > 0 || refs.strong > 0) && near_spelling(key, k)
            })
            .map(|(k, _)| k.as_str())
            .collect()
    }

    /// Every mention (of `paragraphs`, which this indexes) in the families
    /// of the names `seeds`, in article order; `None` past `limit` mentions.
    /// A seed that was strong (see [`Refs`]) before the edit links as it
    /// did then.
    pub(super) fn family<'k>(
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
                for r in self.read(refs) {
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

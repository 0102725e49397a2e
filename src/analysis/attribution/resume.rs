//! Resuming the attribution walk after an edit that changed facts in some
//! paragraphs, where the people read as they did (or the only people who
//! came or went are named only in the edited paragraphs).
//!
//! The walk is a fold over paragraphs: a state goes in, a row and a state
//! come out, and the row is paragraph-relative. So the walk restarts from the
//! state it kept before the first changed paragraph and stops at the first
//! paragraph after the change whose incoming state equals the one it had
//! before: from there on every state and row would come out the same. Walk
//! states point at facts (paragraph, kind, index), never at offsets; a state
//! that points into a changed paragraph only counts as equal when that fact
//! kept its place (the old offset moved by the splice is the new one), so
//! the quotes kept after the stop, whose antecedents are offsets, stay right
//! once moved.
//!
//! The quotes are then joined again from the first changed paragraph (or the
//! start of a quote running into it) until the walk has stopped, no quote is
//! open and the quotes of the last paragraph joined are the ones it had.
//! Whatever reaches further (a role given to someone for the first time, a
//! different number of paragraphs) is left to the whole pass, which the
//! property tests in `tests/it/incremental.rs` hold this to.
//!
//! Someone new (`Mr Ruizx`, a keystroke into `Mr Ruiz`) keeps everyone
//! else's id ([`PersonId`]), so the rows and quotes kept still name the
//! right people. What the walk then carries on is who was named last with
//! the new surname, which no state before the edit knows: a state that
//! differs only there counts as equal when only the edited paragraphs read
//! that surname ([`Reads`]). The states kept after the stop are then unsure
//! of it (`glossed`), so a later walk that starts from one of them must not
//! read it, or the whole pass runs.

use std::ops::Range;
use std::sync::Arc;

use super::assembly::{count_quotes, Assembly};
use super::keys::{ParaKey, ParaKeys};
use super::lookup::With;
use super::reads::{reads_of, Reads};
use super::row::Row;
use super::state::NEAR;
use super::state::{FactRef, Seen, Walk};
use super::types::{Attribution, Quote, Resolution};
use super::walk::{is_copy, walk_paragraph};
use super::walk_log::{first_roles_from, role_of, WalkLog, STRIDE};
use crate::analysis::names::PersonId;
use crate::analysis::shift::{self, Pending};
use crate::analysis::{ParagraphFacts, People};
use crate::text::{Diff, ParaSplice, Paragraphs, Splice};

/// How many paragraphs past the change the walk may run before its state
/// is back to what it was; beyond that the whole pass runs instead.
const REACH: usize = 64;

/// How many surnames the states may be unsure of before a whole pass runs.
const MAX_GLOSSED: usize = 32;

/// Brings `attribution` and `log` from `earlier` to `paragraphs`; the
/// attribution's positions are those of `earlier` except for the moves still
/// in `pending` (whose start indices are kept right across the splice of
/// quotes and cues). `None` when the change reaches further than resuming
/// follows; everything is then half-updated and must be thrown away. Else
/// what changed, and what is still to be moved by `diff`'s splice
/// ([`Resumed`]).
#[allow(clippy::too_many_arguments)]
pub(crate) fn update(
    log: &mut WalkLog,
    attribution: &mut Attribution,
    earlier: Paragraphs<'_, ParagraphFacts>,
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    diff: &Diff,
    people: &People,
    not_prose: &[Range<usize>],
    reads: Option<&Reads>,
    came_or_went: &[PersonId],
    pending: &mut [Pending],
) -> Option<Resumed> {
    let paras = diff.paras(earlier.len(), paragraphs.len());
    if log.rows.len() != earlier.len() || log.keys.len() != earlier.len() {
        return None;
    }
    if paras.new.start >= paras.new.end && paras.same_count() {
        return None;
    }
    let reuse = kept_paragraphs(earlier, paragraphs, &paras, &diff.splice);
    // The log's keys are put back only once the walk has resumed: a log
    // left without them is one to throw away.
    let keys = log.keys.spliced(&paras, &reuse)?;
    let old_keys = std::mem::take(&mut log.keys);
    let edit = Edit {
        earlier,
        paragraphs,
        paras: &paras,
        splice: &diff.splice,
        old_keys: &old_keys,
        keys: &keys,
    };
    let walked = walk_again(log, &edit, people, not_prose, reads)?;
    let (from, stop, old_stop) = (walked.from, walked.stop, walked.old_stop);
    let roles_ok = first_roles_again(log, attribution, people, came_or_went, &walked);
    if !roles_ok {
        return None;
    }
    let cues_after = place_cues(log, attribution, &edit, from..stop, old_stop, pending);
    // The quotes that started in the edited paragraphs are all joined
    // again, wherever renumbering put those of paragraphs taken out.
    let edited_quotes = attribution
        .quotes
        .partition_point(|q| q.paragraphs.start < paras.old.end);
    if !paras.same_count() {
        renumber_quotes(attribution, &edit);
    }
    let (start, last, quotes_after) = join_quotes(
        log,
        attribution,
        &edit,
        (people, not_prose),
        (stop, edited_quotes),
        pending,
    );
    // No quote may be left to someone no longer in the article.
    if came_or_went.iter().any(|&id| {
        people.person(id).is_none() && attribution.quotes_by_person.get(id).is_some_and(|&n| n > 0)
    }) {
        return None;
    }
    log.keys = keys;
    Some(Resumed {
        paragraphs: start..last + 1,
        quotes_after,
        cues_after,
    })
}

/// An edit as resuming sees it: the paragraphs before and after, how they
/// number, and their keys before and after.
struct Edit<'e, 'p> {
    earlier: Paragraphs<'p, ParagraphFacts>,
    paragraphs: Paragraphs<'p, ParagraphFacts>,
    paras: &'e ParaSplice,
    splice: &'e Splice,
    old_keys: &'e ParaKeys,
    keys: &'e ParaKeys,
}

impl Edit<'_, '_> {
    /// Whether fact `f` of the paragraph with key `k` kept its place
    /// (untouched paragraphs do).
    fn kept(&self, k: ParaKey, f: FactRef) -> bool {
        let (Some(o), Some(p)) = (self.old_keys.index_of(k), self.keys.index_of(k)) else {
            return false;
        };
        if !self.paras.old.contains(&o) {
            return true;
        }
        let (old, new) = (self.earlier.at(o), self.paragraphs.at(p));
        match (f.offset(old.facts), f.offset(new.facts)) {
            (Some(x), Some(y)) => self.splice.map(old.start + x) == Some(new.start + y),
            _ => false,
        }
    }

    /// Whether the paragraph with key `k` is as near paragraph `pi` (old
    /// index `opi`) as the walk can tell ([`NEAR`]) as it was.
    fn as_near(&self, k: ParaKey, pi: usize, opi: usize) -> bool {
        let (Some(o), Some(p)) = (self.old_keys.index_of(k), self.keys.index_of(k)) else {
            return false;
        };
        let (was, is) = (opi.saturating_sub(o), pi.saturating_sub(p));
        was == is || (was >= NEAR && is >= NEAR)
    }

    /// What a stop at paragraph `pi` (`opi` before the edit) asks of the
    /// references the state holds ([`Reach::same`]).
    fn reach(&self, pi: usize, opi: usize) -> Reach {
        let first = self.old_keys.key(self.paras.old.start);
        let after = self.old_keys.key(self.paras.old.end);
        // Before the edit, a paragraph this far back or further is at least
        // NEAR back both before and after it.
        let far = pi.min(opi).checked_sub(NEAR).map(|i| self.keys.key(i));
        Reach {
            first,
            after,
            far,
            same_count: self.paras.same_count(),
            pi,
            opi,
        }
    }

    /// The index now of the earlier paragraph `p` (of one gone, of the
    /// next paragraph kept).
    fn renumbered(&self, p: usize) -> usize {
        match self.paras.map(p) {
            Some(p) => p,
            None => {
                let k = self.old_keys.key(p);
                self.keys.rank(k)
            }
        }
    }
}

/// What a stop asks of the references its state holds: that each fact
/// kept its place, and is as near the stop as it was (as far as the walk
/// can tell). Cheap for references outside the edited paragraphs.
struct Reach {
    /// The key of the first edited paragraph, and of the first after them.
    first: ParaKey,
    after: ParaKey,
    /// The key of the last paragraph before the edit at least [`NEAR`]
    /// back from the stop both before and after the edit.
    far: Option<ParaKey>,
    same_count: bool,
    pi: usize,
    opi: usize,
}

impl Reach {
    fn same(&self, edit: &Edit<'_, '_>, s: &Seen) -> bool {
        if s.key >= self.after {
            // After the edit: moved with the stop.
            return true;
        }
        if s.key < self.first {
            // Before the edit: where it was.
            return self.same_count || self.far.is_some_and(|far| s.key <= far);
        }
        edit.kept(s.key, s.fact) && edit.as_near(s.key, self.pi, self.opi)
    }
}

/// The paragraphs of the edited range that keep their key (earlier index,
/// index now): all of them when the count did not change; else those at
/// the front that start where they did and those at the back that end
/// where they did.
fn kept_paragraphs(
    earlier: Paragraphs<'_, ParagraphFacts>,
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    paras: &ParaSplice,
    splice: &Splice,
) -> Vec<(usize, usize)> {
    if paras.same_count() {
        return paras.old.clone().zip(paras.new.clone()).collect();
    }
    let (old, new) = (&paras.old, &paras.new);
    let mut front = 0;
    while old.start + front < old.end
        && new.start + front < new.end
        && splice.map(earlier.at(old.start + front).start)
            == Some(paragraphs.at(new.start + front).start)
    {
        front += 1;
    }
    let mut back = 0;
    while old.end - back > old.start + front
        && new.end - back > new.start + front
        && splice.map(earlier.at(old.end - back - 1).end())
            == Some(paragraphs.at(new.end - back - 1).end())
    {
        back += 1;
    }
    let front = (0..front).map(|i| (old.start + i, new.start + i));
    let back = (0..back).rev().map(|i| (old.end - i - 1, new.end - i - 1));
    front.chain(back).collect()
}

/// Where the walk ran again: from `from` to `stop` (`old_stop` before the
/// edit), and the rows it replaced.
struct Walked {
    from: usize,
    stop: usize,
    old_stop: usize,
    old_rows: Vec<Row>,
}

/// Walks again from the last state kept before the edit until the state
/// is back to what it was (see the module docs), replacing the states and
/// rows walked.
fn walk_again(
    log: &mut WalkLog,
    edit: &Edit<'_, '_>,
    people: &People,
    not_prose: &[Range<usize>],
    reads: Option<&Reads>,
) -> Option<Walked> {
    let (paragraphs, paras) = (edit.paragraphs, edit.paras);
    let (a, b, old_b) = (paras.new.start, paras.new.end, paras.old.end);
    let n = paragraphs.len();
    let si = log
        .states
        .partition_point(|(i, _)| *i <= a)
        .checked_sub(1)?;
    let from = log.states[si].0;
    // A state kept across an edit that nothing read a surname after may
    // not say who was named last with it: a walk from it must not read it.
    let reads_glossed = |(k, stale): &(Arc<str>, usize)| {
        from >= *stale
            && paragraphs
                .get_slice(from..b)
                .unwrap_or_default()
                .iter()
                .any(|p| reads_of(p.facts).any(|x| *x == **k))
    };
    if log.glossed.iter().any(reads_glossed) {
        return None;
    }
    let w = With {
        people,
        ctx: &log.ctx,
        keys: edit.keys,
    };
    let mut walk = log.states[si].1.clone();
    let mut glossed: Vec<Arc<str>> = Vec::new();
    let mut person_like = std::collections::HashMap::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut states: Vec<(usize, Walk)> = Vec::new();
    let (mut stop, mut kept_from) = (n, log.states.len());
    let mut next = si + 1;
    // Who was named last with a surname that only the edited paragraphs
    // read does not matter past them.
    let unread = |k: &str| reads.is_some_and(|r| r.only_in(k, paragraphs, a..b));
    for (pi, para) in paragraphs.iter().enumerate().skip(from) {
        if pi >= b {
            // The state the earlier walk had here, if it kept one.
            let opi = pi + old_b - b;
            while log.states.get(next).is_some_and(|(i, _)| *i < opi) {
                next += 1;
            }
            if let Some((_, old)) = log.states.get(next).filter(|(i, _)| *i == opi) {
                if let Some(keys) = walk.same_but(old, unread) {
                    let reach = edit.reach(pi, opi);
                    if walk.seen().all(|s| reach.same(edit, s)) {
                        glossed = keys;
                        (stop, kept_from) = (pi, next);
                        break;
                    }
                }
            }
        }
        if pi >= b + REACH {
            // The change lives on in the state (a new role holder, say):
            // the whole pass is as cheap as walking on and comparing.
            return None;
        }
        if pi > from && (pi - from) % STRIDE == 0 {
            states.push((pi, walk.clone()));
        }
        rows.push(if is_copy(not_prose, para.start) {
            walk_paragraph(&w, &mut walk, pi, para, &mut person_like)
        } else {
            Row::blank(para)
        });
    }
    let walked = Walked {
        from,
        stop,
        old_stop: stop + old_b - b,
        old_rows: rows,
    };
    keep_walked(log, paras, walked, (si, kept_from, states), glossed)
}

/// Puts what the walk made again into the log: the states walked (those
/// of the earlier walk from `kept_from` on kept, renumbered), the rows
/// (`walked.old_rows` holds the new ones on the way in, the replaced
/// ones on the way out), the surnames the states are unsure of and the
/// rows of first roles, renumbered. `None` when the states are unsure of
/// too many surnames.
fn keep_walked(
    log: &mut WalkLog,
    paras: &ParaSplice,
    mut walked: Walked,
    (si, kept_from, states): (usize, usize, Vec<(usize, Walk)>),
    glossed: Vec<Arc<str>>,
) -> Option<Walked> {
    let (a, b, old_b) = (paras.new.start, paras.new.end, paras.old.end);
    let (stop, old_stop) = (walked.stop, walked.old_stop);
    let added = states.len();
    log.states.splice(si + 1..kept_from, states);
    for (i, _) in &mut log.states[si + 1 + added..] {
        *i = *i + b - old_b;
    }
    for (_, at) in &mut log.glossed {
        if *at >= old_b {
            *at = *at + b - old_b;
        } else if *at > a {
            *at = a;
        }
    }
    for k in glossed {
        match log.glossed.iter_mut().find(|(g, _)| *g == k) {
            Some((_, at)) => *at = (*at).min(stop),
            None => log.glossed.push((k, stop)),
        }
    }
    if log.glossed.len() > MAX_GLOSSED {
        return None;
    }
    for (at, _) in log.person_roles.values_mut() {
        if *at >= old_stop {
            *at = *at + stop - old_stop;
        }
    }
    let rows = std::mem::take(&mut walked.old_rows);
    walked.old_rows = log.rows.splice(walked.from..old_stop, rows).collect();
    Some(walked)
}

/// A role the copy gives someone for the first time shows on all their
/// quotes: those of someone who came or went are all around the edit.
/// `false` when someone else's first role changed.
fn first_roles_again(
    log: &mut WalkLog,
    attribution: &mut Attribution,
    people: &People,
    came_or_went: &[PersonId],
    walked: &Walked,
) -> bool {
    let (from, stop) = (walked.from, walked.stop);
    let (old_rows, new_rows) = (&walked.old_rows, &log.rows[from..stop]);
    if old_rows
        .iter()
        .map(|r| &r.roles)
        .eq(new_rows.iter().map(|r| &r.roles))
        && walked.old_stop == stop
    {
        return true;
    }
    // Only those given a role in the rows walked again can have a new first one.
    let mut ids: Vec<PersonId> = old_rows
        .iter()
        .chain(new_rows)
        .flat_map(|r| r.roles.iter().map(|(id, _)| *id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    // Their first roles: one before the rows walked again stays; the
    // others are looked for from there on.
    ids.retain(|id| log.person_roles.get(id).is_none_or(|(at, _)| *at >= from));
    let found = first_roles_from(&log.rows, from, &ids);
    let mut firsts = Vec::new();
    for (id, first) in ids.into_iter().zip(found) {
        let moved = first.as_ref().map(|(_, r)| r) != log.person_roles.get(&id).map(|(_, r)| r);
        if moved && !came_or_went.contains(&id) {
            return false;
        }
        firsts.push((id, first));
    }
    for (id, first) in firsts {
        match first {
            Some(role) => log.person_roles.insert(id, role),
            None => log.person_roles.remove(&id),
        };
        if let Some(slot) = attribution.roles.get_mut(id) {
            *slot = role_of(people, &log.person_roles, id);
        }
    }
    true
}

/// The cues resolved in the paragraphs walked again (`walked`; `old_stop`
/// ended them before the edit), replaced. Those before are moved by the
/// edits still pending; those after are left to be moved, by those and
/// this one (their paragraphs renumbered now). The index of the first
/// cue left to be moved.
fn place_cues(
    log: &WalkLog,
    attribution: &mut Attribution,
    edit: &Edit<'_, '_>,
    walked: Range<usize>,
    old_stop: usize,
    pending: &mut [Pending],
) -> usize {
    let cues_from = attribution
        .resolved
        .partition_point(|c| c.para < walked.start);
    let cues_to = attribution.resolved.partition_point(|c| c.para < old_stop);
    for p in pending.iter_mut().filter(|p| p.cues < cues_from) {
        for c in &mut attribution.resolved[p.cues..cues_from] {
            let moved = p.splice.move_range(&mut c.range);
            debug_assert!(moved, "a cue fell inside a deferred edit");
        }
        p.cues = cues_from;
    }
    let placed: Vec<_> = log.rows[walked.clone()]
        .iter()
        .zip(walked.clone())
        .flat_map(|(row, pi)| row.placed(pi, edit.paragraphs.at(pi)))
        .collect();
    let cues_after = cues_from + placed.len();
    attribution.resolved.splice(cues_from..cues_to, placed);
    if walked.end != old_stop {
        for c in &mut attribution.resolved[cues_after..] {
            c.para = c.para + walked.end - old_stop;
        }
    }
    for p in pending.iter_mut() {
        p.cues = (p.cues.max(cues_to) - cues_to) + cues_after;
    }
    cues_after
}

/// Numbers the paragraphs the quotes name as they are now (those of
/// paragraphs the edit took out as the next one kept).
fn renumber_quotes(attribution: &mut Attribution, edit: &Edit<'_, '_>) {
    let a = edit.paras.old.start;
    let first = attribution
        .quotes
        .partition_point(|q| q.paragraphs.end <= a);
    for q in &mut attribution.quotes[first..] {
        let (start, last) = (q.paragraphs.start, q.paragraphs.end.saturating_sub(1));
        q.paragraphs =
            edit.renumbered(start)..edit.renumbered(last).max(edit.renumbered(start)) + 1;
        if let Some(Resolution::Pronoun { para, .. } | Resolution::RoleNoun { para, .. }) =
            q.speaker.as_mut().map(|s| &mut s.resolution)
        {
            *para = edit.renumbered(*para);
        }
    }
}

/// Joins the quotes again, from a paragraph no quote runs into until the
/// walk has stopped (at `stop`), no quote is open and the quotes of the
/// last paragraph joined are the ones it had (and past every quote that
/// started in the edited paragraphs, the first `edited_quotes`). The first and last
/// paragraphs joined, and the index of the first quote left to be moved.
fn join_quotes(
    log: &WalkLog,
    attribution: &mut Attribution,
    edit: &Edit<'_, '_>,
    (people, not_prose): (&People, &[Range<usize>]),
    (stop, edited_quotes): (usize, usize),
    pending: &mut [Pending],
) -> (usize, usize, usize) {
    let paragraphs = edit.paragraphs;
    let n = paragraphs.len();
    let start = unreached(
        &attribution.quotes,
        paragraphs,
        not_prose,
        edit.paras.new.start,
    );
    let first = attribution
        .quotes
        .partition_point(|q| q.paragraphs.start < start);
    // The quotes before are read (and kept): moved by the pending edits now.
    for p in pending.iter_mut().filter(|p| p.quotes < first) {
        let moved = shift::move_quotes(&mut attribution.quotes[p.quotes..first], &p.splice);
        debug_assert!(moved, "a quote fell inside a deferred edit");
        p.quotes = first;
    }
    let quotes = &attribution.quotes;
    // Quote `j` after the edit as it reads now: moved by the pending edits
    // that apply to it, then by this one.
    let current = |j: usize| {
        let mut q = [quotes[j].clone()];
        let moved = pending
            .iter()
            .filter(|p| p.quotes <= j)
            .all(|p| shift::move_quotes(&mut q, &p.splice))
            && shift::move_quotes(&mut q, edit.splice);
        let [q] = q;
        moved.then_some(q)
    };
    let prev_para = (0..start)
        .rev()
        .find(|&p| is_copy(not_prose, paragraphs.at(p).start));
    let mut asm = Assembly {
        paragraphs,
        rows: &log.rows,
        keys: edit.keys,
        not_prose,
        people,
        person_roles: &log.person_roles,
        before: &quotes[..first],
        quotes: Vec::new(),
        pending: None,
        prev_para,
    };
    let mut last = n.saturating_sub(1);
    for (pi, para) in paragraphs.iter().enumerate().skip(start) {
        asm.paragraph(pi);
        if pi >= stop && asm.pending.is_none() && is_copy(not_prose, para.start) {
            // The quotes that end here, new and old.
            let new_here = asm.quotes.len()
                - asm
                    .quotes
                    .iter()
                    .rev()
                    .take_while(|q| q.paragraphs.end > pi)
                    .count();
            let old_from = quotes.partition_point(|q| q.paragraphs.end <= pi);
            let old_to = quotes.partition_point(|q| q.paragraphs.start <= pi);
            // The old quotes here lie after the edit: moved, they must match.
            let old: Option<Vec<Quote>> = (old_from.max(first)..old_to).map(current).collect();
            if old.is_some_and(|old| asm.quotes[new_here..] == old[..]) {
                last = pi;
                break;
            }
        }
    }
    let to = quotes
        .partition_point(|q| q.paragraphs.start <= last)
        .max(edited_quotes);
    let new_quotes = asm.quotes;
    count_quotes(
        &attribution.quotes[first..to],
        &mut attribution.quotes_by_person,
        false,
    );
    count_quotes(&new_quotes, &mut attribution.quotes_by_person, true);
    let quotes_after = first + new_quotes.len();
    attribution.quotes.splice(first..to, new_quotes);
    for p in pending.iter_mut() {
        p.quotes = (p.quotes.max(to) - to) + quotes_after;
    }
    (start, last, quotes_after)
}

/// The first paragraph at or before `p` that no quote of `all` starting
/// before it runs into.
fn unreached(
    all: &[Quote],
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    not_prose: &[Range<usize>],
    p: usize,
) -> usize {
    // A quote that starts before `p` reaches it when it runs into it, or is
    // left open with nothing but what is not copy after it (it runs on if
    // `p` now opens with a mark). Start where no quote reaches.
    // (A quote closed by the next speaker's label (`"PENCE: …`) has no
    // closing mark: the edit may have taken the label away.)
    let reaches = |q: &Quote, p: usize| {
        q.paragraphs.end > p
            || (q.close.is_none()
                && (q.paragraphs.end..p).all(|x| !is_copy(not_prose, paragraphs.at(x).start)))
    };
    // Quotes do not overlap, so one that starts before a closed quote
    // lying wholly before `p` cannot reach `p`: the search stops there.
    let mut start = p;
    loop {
        let i = all.partition_point(|q| q.paragraphs.start < start);
        let from = all[..i]
            .iter()
            .rev()
            .take_while(|q| !(q.close.is_some() && q.paragraphs.end <= start))
            .filter(|q| reaches(q, start))
            .map(|q| q.paragraphs.start)
            .min();
        match from {
            Some(p) if p < start => start = p,
            _ => return start,
        }
    }
}

/// What a resumed walk changed.
pub(crate) struct Resumed {
    /// The paragraphs whose quotes were joined again (no other quote differs).
    pub paragraphs: Range<usize>,
    /// The quotes and resolved cues from these indices on are the old ones,
    /// still to be moved by the splice.
    pub quotes_after: usize,
    pub cues_after: usize,
}

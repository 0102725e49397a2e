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
use super::lookup::With;
use super::reads::{reads_of, Reads};
use super::row::Row;
use super::state::FactRef;
use super::types::{Attribution, Quote};
use super::walk::{is_copy, walk_paragraph};
use super::walk_log::{first_roles_from, role_of, WalkLog, STRIDE};
use crate::analysis::names::PersonId;
use crate::analysis::shift::{self, Pending};
use crate::analysis::{ParagraphFacts, People};
use crate::text::{Diff, Paragraphs};

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
    let n = paragraphs.len();
    if earlier.len() != n || log.rows.len() != n || log.states.len() != n.div_ceil(STRIDE) {
        return None;
    }
    let (a, b) = (diff.shared_before(), n.saturating_sub(diff.shared_after()));
    if a >= b {
        return None;
    }
    let splice = &diff.splice;
    // Whether fact `f` of paragraph `p` kept its place (untouched paragraphs do).
    let kept = |p: usize, f: FactRef| {
        if p < a || p >= b {
            return true;
        }
        let (Some(old), Some(new)) = (earlier.get(p), paragraphs.get(p)) else {
            return false;
        };
        match (f.offset(old.facts), f.offset(new.facts)) {
            (Some(x), Some(y)) => splice.map(old.start + x) == Some(new.start + y),
            _ => false,
        }
    };

    // The walk, from the last state kept before the first changed paragraph.
    let w = With {
        people,
        ctx: &log.ctx,
    };
    let from = a - a % STRIDE;
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
    let mut walk = log.states[from / STRIDE].clone();
    let mut glossed: Vec<Arc<str>> = Vec::new();
    let mut person_like = std::collections::HashMap::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut stop = n;
    // Who was named last with a surname that only the edited paragraphs
    // read does not matter past them.
    let unread = |k: &str| reads.is_some_and(|r| r.only_in(k, paragraphs, a..b));
    for (pi, para) in paragraphs.iter().enumerate().skip(from) {
        let kept_state = (pi % STRIDE == 0).then(|| &log.states[pi / STRIDE]);
        if let Some(old) = kept_state.filter(|_| pi >= b) {
            if let Some(keys) = walk.same_but(old, unread) {
                if walk.seen().all(|s| kept(s.para, s.fact)) {
                    glossed = keys;
                    stop = pi;
                    break;
                }
            }
        }
        if pi >= b + REACH {
            // The change lives on in the state (a new role holder, say):
            // the whole pass is as cheap as walking on and comparing.
            return None;
        }
        if pi > from && pi % STRIDE == 0 {
            log.states[pi / STRIDE] = walk.clone();
        }
        rows.push(if is_copy(not_prose, para.start) {
            walk_paragraph(&w, &mut walk, pi, para, &mut person_like)
        } else {
            Row::blank(para)
        });
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
    let walked = from..stop;
    let old_rows: Vec<Row> = log.rows.splice(walked.clone(), rows).collect();
    let new_rows = &log.rows[walked.clone()];
    // A role the copy gives someone for the first time shows on all their
    // quotes: those of someone who came or went are all around the edit.
    if old_rows
        .iter()
        .map(|r| &r.roles)
        .ne(new_rows.iter().map(|r| &r.roles))
    {
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
                return None;
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
    }

    // The cues resolved in the paragraphs walked again, replaced. Those
    // before are moved by the edits still pending; those after are left to
    // be moved, by those and this one.
    let cues_from = attribution.resolved.partition_point(|c| c.para < from);
    let cues_to = attribution.resolved.partition_point(|c| c.para < stop);
    for p in pending.iter_mut().filter(|p| p.cues < cues_from) {
        for c in &mut attribution.resolved[p.cues..cues_from] {
            let moved = p.splice.move_range(&mut c.range);
            debug_assert!(moved, "a cue fell inside a deferred edit");
        }
        p.cues = cues_from;
    }
    let placed: Vec<_> = new_rows
        .iter()
        .zip(walked.clone())
        .flat_map(|(row, pi)| row.placed(pi, paragraphs.at(pi)))
        .collect();
    let cues_after = cues_from + placed.len();
    attribution.resolved.splice(cues_from..cues_to, placed);
    for p in pending.iter_mut() {
        p.cues = (p.cues.max(cues_to) - cues_to) + cues_after;
    }

    // Join the quotes again, from a paragraph no quote runs into.
    let all = &attribution.quotes;
    // A quote that starts before `p` reaches it when it runs into it, or is
    // left open with nothing but what is not copy after it (it runs on if
    // `p` now opens with a mark). Start where no quote reaches.
    let reaches = |q: &Quote, p: usize| {
        q.paragraphs.end > p
            || (!q.closed
                && (q.paragraphs.end..p).all(|x| !is_copy(not_prose, paragraphs.at(x).start)))
    };
    // Quotes do not overlap, so one that starts before a closed quote
    // lying wholly before `p` cannot reach `p`: the search stops there.
    let mut start = a;
    loop {
        let i = all.partition_point(|q| q.paragraphs.start < start);
        let from = all[..i]
            .iter()
            .rev()
            .take_while(|q| !(q.closed && q.paragraphs.end <= start))
            .filter(|q| reaches(q, start))
            .map(|q| q.paragraphs.start)
            .min();
        match from {
            Some(p) if p < start => start = p,
            _ => break,
        }
    }
    let first = all.partition_point(|q| q.paragraphs.start < start);
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
            && shift::move_quotes(&mut q, splice);
        let [q] = q;
        moved.then_some(q)
    };
    let prev_para = (0..start)
        .rev()
        .find(|&p| is_copy(not_prose, paragraphs.at(p).start));
    let mut asm = Assembly {
        paragraphs,
        rows: &log.rows,
        not_prose,
        people,
        person_roles: &log.person_roles,
        before: &quotes[..first],
        quotes: Vec::new(),
        pending: None,
        prev_para,
    };
    let mut last = n - 1;
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
    let to = quotes.partition_point(|q| q.paragraphs.start <= last);
    let new_quotes = asm.quotes;
    count_quotes(
        &attribution.quotes[first..to],
        &mut attribution.quotes_by_person,
        false,
    );
    count_quotes(&new_quotes, &mut attribution.quotes_by_person, true);
    // No quote may be left to someone no longer in the article.
    if came_or_went.iter().any(|&id| {
        people.person(id).is_none() && attribution.quotes_by_person.get(id).is_some_and(|&n| n > 0)
    }) {
        return None;
    }
    let quotes_after = first + new_quotes.len();
    attribution.quotes.splice(first..to, new_quotes);
    for p in pending.iter_mut() {
        p.quotes = (p.quotes.max(to) - to) + quotes_after;
    }
    Some(Resumed {
        paragraphs: start..last + 1,
        quotes_after,
        cues_after,
    })
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

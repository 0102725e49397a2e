//! Reusing an article pass across an edit that changes no fact.
//!
//! Most keystrokes change words that are no fact: the inside of a quote, a
//! word of narrative. Then every paragraph's facts are the old facts moved
//! by the splice, and since the article pass only compares positions and
//! adds a character's width to them, its result is the old result moved the
//! same way. [`moved_facts`] proves the first half for a paragraph (the
//! splice must keep clear of every fact position, so a position derived as
//! "fact + one character" moves with its fact), and [`move_attribution_from`]
//! does the moving. Anything else resumes the attribution walk around the
//! edit (`attribution::resume`) or falls back to a fresh pass; the property
//! tests in `tests/it/incremental.rs` hold every path to the from-scratch result.

use std::ops::Range;

use crate::text::{Diff, Paragraphs, Splice};

use super::attribution::{Attribution, Quote, Resolution};
use super::facts::ParagraphFacts;

/// How close (in bytes) a splice may come to a fact position: the widest
/// character, so "position + width of its character" stays on its side.
const CLEARANCE: usize = 4;

/// Visits every byte position in a paragraph's facts; `true` marks the line
/// bounds, which may move with an edit at them (typing at a line's end).
fn facts_positions(f: &mut ParagraphFacts, v: &mut impl FnMut(&mut usize, bool)) {
    fn r(range: &mut Range<usize>, v: &mut impl FnMut(&mut usize, bool)) {
        v(&mut range.start, false);
        v(&mut range.end, false);
    }
    for l in &mut f.lines {
        v(&mut l.start, true);
        v(&mut l.end, true);
    }
    for p in &mut f.placeholders {
        r(&mut p.range, v);
    }
    for m in &mut f.mentions {
        r(&mut m.range, v);
        r(&mut m.name, v);
        r(&mut m.surname_range, v);
        for x in [&mut m.honorific_range, &mut m.given].into_iter().flatten() {
            r(x, v);
        }
    }
    let q = &mut f.quotes;
    for s in &mut q.spans {
        r(&mut s.open, v);
        r(&mut s.content, v);
        if let Some(c) = &mut s.close {
            r(c, v);
        }
        if let Some(at) = &mut s.last_char_at {
            v(at, false);
        }
    }
    for i in &mut q.issues {
        r(&mut i.range, v);
    }
    for c in &mut q.cues {
        r(&mut c.verb, v);
        if let Some(s) = &mut c.speaker {
            r(&mut s.range, v);
            for x in [&mut s.name, &mut s.role].into_iter().flatten() {
                r(x, v);
            }
        }
    }
    for l in &mut q.roles {
        r(&mut l.name, v);
        r(&mut l.role, v);
    }
    for (at, _) in &mut q.name_words {
        v(at, false);
    }
    for (at, _) in &mut q.subject_pronouns {
        v(at, false);
    }
    for (at, _) in &mut q.subject_roles {
        v(at, false);
    }
    for (at, _) in &mut q.subject_names {
        v(at, false);
    }
    v(&mut q.first_char, false);
}

/// The facts of a paragraph that started at `old_base` as they must read at
/// `new_base` after `splice`, when the splice keeps clear of all of them;
/// `None` when it comes near one.
pub fn moved_facts(
    old: &ParagraphFacts,
    old_base: usize,
    new_base: usize,
    splice: &Splice,
) -> Option<ParagraphFacts> {
    let near = splice.start.saturating_sub(CLEARANCE)..splice.old_end + CLEARANCE + 1;
    let mut out = old.clone();
    let mut ok = true;
    facts_positions(&mut out, &mut |p, line_bound| {
        let abs = old_base + *p;
        if !line_bound && near.contains(&abs) {
            ok = false;
            return;
        }
        match splice.map(abs).and_then(|a| a.checked_sub(new_base)) {
            Some(moved) => *p = moved,
            None => ok = false,
        }
    });
    ok.then_some(out)
}

/// Whether `new` is `old` after the edits `diff` describes with no fact
/// changed: the same paragraphs, each where the splice moved it, with the
/// moved facts. Only the paragraphs between those the diff found shared
/// are compared.
pub fn facts_unchanged(
    old: Paragraphs<'_, ParagraphFacts>,
    new: Paragraphs<'_, ParagraphFacts>,
    diff: &Diff,
) -> bool {
    let splice = &diff.splice;
    let (before, after) = (diff.shared_before(), diff.shared_after());
    if old.len() != new.len() || before + after > old.len() {
        return false;
    }
    let middle = before..old.len() - after;
    old.slice(middle.clone())
        .iter()
        .zip(new.slice(middle))
        .all(|(a, b)| {
            if splice.map(a.start) != Some(b.start) || splice.map(a.end()) != Some(b.end()) {
                return false;
            }
            // Fingerprints and quoted words are no fact a position rule
            // reads: the rules that read them redo their findings around
            // the edit (`rules::Scope::Words`).
            std::sync::Arc::ptr_eq(a.facts, b.facts)
                || moved_facts(a.facts, a.start, b.start, splice).is_some_and(|mut m| {
                    m.pull.clone_from(&b.facts.pull);
                    m.said.clone_from(&b.facts.said);
                    m == **b.facts
                })
        })
}

/// Moves every position of an attribution by `splice`, for the quotes from
/// index `quotes` on and the resolved cues from `resolved` on (those before
/// lie before it or were moved already); `false` (and a half-moved
/// attribution, to be thrown away) if one falls inside it.
pub fn move_attribution_from(
    a: &mut Attribution,
    splice: &Splice,
    quotes: usize,
    resolved: usize,
) -> bool {
    let mut ok = move_quotes(a.quotes.get_mut(quotes..).unwrap_or_default(), splice);
    for c in a.resolved.iter_mut().skip(resolved) {
        ok &= splice.move_range(&mut c.range);
    }
    ok
}

/// Moves every position of some quotes by `splice`; `false` if one falls inside it.
pub fn move_quotes(quotes: &mut [Quote], splice: &Splice) -> bool {
    let mut ok = true;
    for q in quotes {
        ok &= splice.move_range(&mut q.range) && splice.move_range(&mut q.open);
        for r in q.content.iter_mut().chain(&mut q.close) {
            ok &= splice.move_range(r);
        }
        if let Some(p) = &mut q.last_char_at {
            ok &= splice.move_offset(p);
        }
        if let Some(s) = &mut q.speaker {
            ok &= splice.move_range(&mut s.mention.range) && splice.move_range(&mut s.cue_range);
            if let Resolution::Pronoun { antecedent, .. }
            | Resolution::RoleNoun { antecedent, .. } = &mut s.resolution
            {
                ok &= splice.move_offset(antecedent);
            }
        }
    }
    ok
}

/// An edit the attribution still has to be moved by: the quotes from index
/// `quotes` on, the resolved cues from `cues` on (those before are placed).
#[derive(Clone, Debug)]
pub(crate) struct Pending {
    pub(super) splice: Splice,
    pub(super) quotes: usize,
    pub(super) cues: usize,
}

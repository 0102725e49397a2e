//! Incremental re-splitting: an edit re-splits and rescans the paragraphs
//! it touches plus one neighbour on each side and splices them into the
//! chunks; and how many paragraphs two versions share at either end.

use std::ops::Range;
use std::sync::Arc;

use ropey::Rope;

use super::chunks::{chunked, Chunk, Scanned, CHUNK};
use super::paragraph::Scan;
use super::scan::scan_region;
use super::ParagraphIndex;

impl<F> ParagraphIndex<F> {
    /// Paragraph `i` as an edit keeps it: moved by `delta` when at or
    /// after `moved`.
    fn kept(&self, i: usize, moved: usize, delta: isize) -> Scanned<F> {
        let p = self.paragraphs().at(i);
        let start = if i >= moved {
            p.start.wrapping_add_signed(delta)
        } else {
            p.start
        };
        Scanned {
            start,
            len: p.len,
            facts: Arc::clone(p.facts),
        }
    }

    /// Replaces paragraphs `range` by `fresh` and moves those after by `delta`.
    fn splice(&mut self, range: Range<usize>, fresh: Vec<Scanned<F>>, delta: isize) {
        let c0 = range.start / CHUNK;
        if fresh.len() != range.len() {
            // Paragraphs came or went: every later chunk is cut again.
            let mut tail = Vec::with_capacity(self.len - c0 * CHUNK);
            for i in c0 * CHUNK..range.start {
                tail.push(self.kept(i, range.end, delta));
            }
            tail.extend(fresh);
            for i in range.end..self.len {
                tail.push(self.kept(i, range.end, delta));
            }
            self.len = c0 * CHUNK + tail.len();
            self.chunks.truncate(c0);
            self.chunks.extend(chunked(tail));
            return;
        }
        // The chunks holding the replaced paragraphs are made again, the
        // later ones moved.
        let c1 = range.end.saturating_sub(1).max(range.start) / CHUNK;
        let mut fresh = fresh.into_iter();
        for c in c0..(c1 + 1).min(self.chunks.len()) {
            let end = ((c + 1) * CHUNK).min(self.len);
            let items = (c * CHUNK..end)
                .map(|i| match range.contains(&i) {
                    true => fresh.next().expect("one fresh paragraph per replaced one"),
                    false => self.kept(i, range.end, delta),
                })
                .collect();
            self.chunks[c] = Chunk::of(items);
        }
        for chunk in self.chunks.iter_mut().skip(c1 + 1) {
            chunk.base = chunk.base.wrapping_add_signed(delta);
        }
    }
}

impl<F> ParagraphIndex<F> {
    /// How many leading paragraphs this version shares with `other` (the
    /// same facts, by pointer, at the same place): whole chunks at a time
    /// while they are the same chunk.
    pub fn shared_before(&self, other: &Self) -> usize {
        let mut lead = 0;
        for (x, y) in self.chunks.iter().zip(&other.chunks) {
            if x.base != y.base || !Arc::ptr_eq(&x.paras, &y.paras) {
                break;
            }
            lead += x.paras.len();
        }
        let (a, b) = (self.paragraphs(), other.paragraphs());
        while let (Some(x), Some(y)) = (a.get(lead), b.get(lead)) {
            if !(Arc::ptr_eq(x.facts, y.facts) && x.start == y.start && x.len == y.len) {
                break;
            }
            lead += 1;
        }
        lead
    }

    /// How many trailing paragraphs this version, whose text is `end` bytes
    /// long, shares with `other`, `other_end` bytes long (the same facts, by
    /// pointer, at the same distance from the end), leaving the first
    /// `floor` of either out.
    pub fn shared_after(&self, end: usize, other: &Self, other_end: usize, floor: usize) -> usize {
        let (a, b) = (self.paragraphs(), other.paragraphs());
        debug_assert!(
            a.last().is_none_or(|p| p.end() <= end)
                && b.last().is_none_or(|p| p.end() <= other_end),
            "the ends are the texts' lengths"
        );
        let room = a.len().min(b.len()).saturating_sub(floor);
        let mut trail = 0;
        if a.len() == b.len() {
            // The chunks line up: whole chunks at a time from the end.
            for (x, y) in self.chunks.iter().zip(&other.chunks).rev() {
                let same = Arc::ptr_eq(&x.paras, &y.paras) && end - x.base == other_end - y.base;
                if !same || trail + x.paras.len() > room {
                    break;
                }
                trail += x.paras.len();
            }
        }
        while trail < room {
            let (x, y) = (a.at(a.len() - 1 - trail), b.at(b.len() - 1 - trail));
            if !(Arc::ptr_eq(x.facts, y.facts) && end - x.start == other_end - y.start) {
                break;
            }
            trail += 1;
        }
        trail
    }
}

impl<F: Send + Sync> ParagraphIndex<F> {
    /// Updates the index after `old` (a byte range of `before`, the text
    /// before the edit) was replaced by `new_len` bytes; `rope` is the text
    /// after the edit. An edit that changes the document's layout (the first
    /// blank line typed into copy laid out a line a paragraph) splits and
    /// scans it all again. Returns how many paragraphs were scanned.
    pub fn edit(
        &mut self,
        before: &Rope,
        rope: &Rope,
        old: Range<usize>,
        new_len: usize,
        scan: &impl Scan<F>,
    ) -> usize {
        let stats = self.stats.edited(before, rope, old.clone(), new_len);
        if self.paragraphing.decide(&stats) != self.layout {
            *self = Self::build_from(rope, self.paragraphing, stats, scan);
            return self.len;
        }
        self.stats = stats;
        let paras = self.paragraphs();
        let n = paras.len();
        let old_doc_len = rope.len_bytes() + old.len() - new_len;
        // First paragraph reaching the edit; the one before it is the left neighbour.
        let a = paras.partition_point(|p| p.end() < old.start);
        let first = a.saturating_sub(1);
        let region_start = if a == 0 { 0 } else { paras.at(a - 1).start };
        // Paragraphs starting at or before the edit's end; the next one is the right neighbour.
        let b = paras.partition_point(|p| p.start <= old.end);
        let (last_excl, region_end_old) = if b < n {
            (b + 1, paras.at(b).end())
        } else {
            (n, old_doc_len)
        };
        let region_end_new = region_end_old + new_len - old.len();
        let fresh = scan_region(
            rope,
            region_start..region_end_new,
            self.layout,
            self.paragraphing.markdown,
            scan,
        );
        let scanned = fresh.len();
        let delta = new_len as isize - old.len() as isize;
        let first = first.min(last_excl);
        self.splice(first..last_excl, fresh, delta);
        scanned
    }
}

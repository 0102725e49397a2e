//! The paragraph index: the document split into paragraphs (maximal runs of
//! non-blank lines), each with the facts a scanner computed from its text.
//!
//! An edit re-splits only the paragraphs it touches plus one neighbour on each
//! side, and rescans only those; the other paragraphs keep their facts (their
//! facts hold paragraph-relative offsets, so a shift costs one addition).
//! Paragraphs are kept in shared chunks whose starts count from a chunk base,
//! so a version costs a copy of the chunk list, and an edit that keeps the
//! number of paragraphs copies the chunk it touches and moves the later
//! bases: at 1 MB (6,700 paragraphs) a keystroke no longer copies and
//! releases every paragraph. An edit that adds or removes a paragraph cuts
//! the chunks again from the one it touches on (every chunk but the last is
//! full), as costly as the flat list was.
//! Invariant (property-tested): after any edit the index equals the index
//! built from scratch from the new text.

use std::ops::Range;
use std::sync::Arc;

use ropey::Rope;

use super::layout::{
    is_blank, is_long, is_markdown_heading, line_ranges, starts_markdown_block, Layout, LineStats,
    Paragraphing, LONG_LINE,
};

/// Computes a paragraph's facts from its text. Must be a pure function
/// (paragraphs of a large region are scanned on several threads).
pub trait Scan<F>: Sync {
    fn scan(&self, text: &str) -> F;
}

impl<F, T: Fn(&str) -> F + Sync> Scan<F> for T {
    fn scan(&self, text: &str) -> F {
        self(text)
    }
}

/// One paragraph: where it is and what its text holds. A view into the
/// [`ParagraphIndex`], cheap to copy.
pub struct Paragraph<'a, F> {
    /// Byte offset of the paragraph's first character.
    pub start: usize,
    /// Byte length, from the first character to the end of the last line's
    /// content (its line terminator is not part of the paragraph).
    pub len: usize,
    pub facts: &'a Arc<F>,
}

impl<F> Clone for Paragraph<'_, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F> Copy for Paragraph<'_, F> {}

impl<F: std::fmt::Debug> std::fmt::Debug for Paragraph<'_, F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paragraph")
            .field("start", &self.start)
            .field("len", &self.len)
            .field("facts", &self.facts)
            .finish()
    }
}

impl<F: PartialEq> PartialEq for Paragraph<'_, F> {
    fn eq(&self, other: &Self) -> bool {
        self.start == other.start && self.len == other.len && self.facts == other.facts
    }
}

impl<F> Paragraph<'_, F> {
    pub fn end(&self) -> usize {
        self.start + self.len
    }
    pub fn range(&self) -> Range<usize> {
        self.start..self.end()
    }
}

/// A paragraph as a chunk stores it: its start relative to the chunk's base.
struct Stored<F> {
    rel: usize,
    len: usize,
    facts: Arc<F>,
}

impl<F> Clone for Stored<F> {
    fn clone(&self) -> Self {
        Self {
            rel: self.rel,
            len: self.len,
            facts: Arc::clone(&self.facts),
        }
    }
}

/// A paragraph scanned by an edit, at its place in the document.
struct Scanned<F> {
    start: usize,
    len: usize,
    facts: Arc<F>,
}

/// Paragraphs per chunk. Every chunk but the last is full, so paragraph `i`
/// is in chunk `i / CHUNK`. An edit that keeps the number of paragraphs
/// copies the chunk it touches and moves the later chunks' bases, so a
/// version of a long document shares nearly all of its paragraphs with the
/// one before; copying a version copies only the chunk list.
const CHUNK: usize = 64;

struct Chunk<F> {
    /// Byte offset every paragraph's `rel` counts from.
    base: usize,
    paras: Arc<Vec<Stored<F>>>,
}

impl<F> Clone for Chunk<F> {
    fn clone(&self) -> Self {
        Self {
            base: self.base,
            paras: Arc::clone(&self.paras),
        }
    }
}

impl<F> Chunk<F> {
    /// A chunk of paragraphs given in document order (at least one).
    fn of(items: Vec<Scanned<F>>) -> Self {
        let base = items.first().map_or(0, |p| p.start);
        let paras = items
            .into_iter()
            .map(|p| Stored {
                rel: p.start - base,
                len: p.len,
                facts: p.facts,
            })
            .collect();
        Self {
            base,
            paras: Arc::new(paras),
        }
    }
}

/// Chunks paragraphs given in document order.
fn chunked<F>(items: impl IntoIterator<Item = Scanned<F>>) -> Vec<Chunk<F>> {
    let mut out = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        out.push(Chunk::of(items.by_ref().take(CHUNK).collect()));
    }
    out
}

/// A run of consecutive paragraphs of a [`ParagraphIndex`] (all of them,
/// or a slice): indexed from 0 like a slice, cheap to copy.
pub struct Paragraphs<'a, F> {
    chunks: &'a [Chunk<F>],
    /// Indices in the whole index: `from..to`.
    from: usize,
    to: usize,
}

impl<F> Clone for Paragraphs<'_, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F> Copy for Paragraphs<'_, F> {}

/// No paragraphs.
impl<F> Default for Paragraphs<'_, F> {
    fn default() -> Self {
        Self {
            chunks: &[],
            from: 0,
            to: 0,
        }
    }
}

impl<F: std::fmt::Debug> std::fmt::Debug for Paragraphs<'_, F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<F: PartialEq> PartialEq for Paragraphs<'_, F> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<'a, F> Paragraphs<'a, F> {
    pub fn len(&self) -> usize {
        self.to - self.from
    }

    pub fn is_empty(&self) -> bool {
        self.to == self.from
    }

    /// Paragraph `i` (from the start of this run), if there is one.
    pub fn get(&self, i: usize) -> Option<Paragraph<'a, F>> {
        (i < self.len()).then(|| self.whole(self.from + i))
    }

    /// Paragraph `i`, which must exist (as indexing a slice).
    #[track_caller]
    pub fn at(&self, i: usize) -> Paragraph<'a, F> {
        match self.get(i) {
            Some(p) => p,
            None => panic!("paragraph {i} of {}", self.len()),
        }
    }

    pub fn first(&self) -> Option<Paragraph<'a, F>> {
        self.get(0)
    }

    pub fn last(&self) -> Option<Paragraph<'a, F>> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// Paragraph `i` of the whole index.
    fn whole(&self, i: usize) -> Paragraph<'a, F> {
        let chunk = &self.chunks[i / CHUNK];
        let s = &chunk.paras[i % CHUNK];
        Paragraph {
            start: chunk.base + s.rel,
            len: s.len,
            facts: &s.facts,
        }
    }

    /// The paragraphs `range` of this run (which must lie in it, as slicing).
    #[track_caller]
    pub fn slice(&self, range: impl std::ops::RangeBounds<usize>) -> Self {
        use std::ops::Bound;
        let start = match range.start_bound() {
            Bound::Included(&s) => s,
            Bound::Excluded(&s) => s + 1,
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(&e) => e + 1,
            Bound::Excluded(&e) => e,
            Bound::Unbounded => self.len(),
        };
        assert!(
            start <= end && end <= self.len(),
            "paragraphs {start}..{end} of {}",
            self.len()
        );
        Self {
            chunks: self.chunks,
            from: self.from + start,
            to: self.from + end,
        }
    }

    /// The paragraphs `range` of this run, if it lies in it.
    pub fn get_slice(&self, range: Range<usize>) -> Option<Self> {
        (range.start <= range.end && range.end <= self.len()).then(|| self.slice(range))
    }

    /// The index of the first paragraph for which `pred` is false, when
    /// it is true of a prefix (as [`slice::partition_point`]).
    pub fn partition_point(&self, mut pred: impl FnMut(&Paragraph<'a, F>) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(&self.at(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    pub fn iter(&self) -> Iter<'a, F> {
        Iter {
            run: *self,
            front: self.from,
            back: self.to,
        }
    }
}

impl<'a, F> IntoIterator for Paragraphs<'a, F> {
    type Item = Paragraph<'a, F>;
    type IntoIter = Iter<'a, F>;
    fn into_iter(self) -> Iter<'a, F> {
        self.iter()
    }
}

impl<'a, F> IntoIterator for &Paragraphs<'a, F> {
    type Item = Paragraph<'a, F>;
    type IntoIter = Iter<'a, F>;
    fn into_iter(self) -> Iter<'a, F> {
        self.iter()
    }
}

/// The paragraphs of a [`Paragraphs`] run, in order.
pub struct Iter<'a, F> {
    run: Paragraphs<'a, F>,
    /// Indices in the whole index still to come: `front..back`.
    front: usize,
    back: usize,
}

impl<'a, F> Iterator for Iter<'a, F> {
    type Item = Paragraph<'a, F>;
    fn next(&mut self) -> Option<Self::Item> {
        (self.front < self.back).then(|| {
            self.front += 1;
            self.run.whole(self.front - 1)
        })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
    fn nth(&mut self, n: usize) -> Option<Self::Item> {
        self.front = self.front.saturating_add(n).min(self.back);
        self.next()
    }
}

impl<F> DoubleEndedIterator for Iter<'_, F> {
    fn next_back(&mut self) -> Option<Self::Item> {
        (self.front < self.back).then(|| {
            self.back -= 1;
            self.run.whole(self.back)
        })
    }
}

impl<F> ExactSizeIterator for Iter<'_, F> {}

/// How many cores the scan may use: asked once (the answer reads cgroup
/// files, far dearer than a keystroke's rescan).
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// Whether a line is one HTML comment and nothing else (`<!-- … -->`, as
/// an ignore comment is written): it is a paragraph of its own, as
/// CommonMark makes it a block of its own, so that the copy under it is
/// read as it would be without it.
fn is_comment_line(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 7
        && t.starts_with("<!--")
        && t.ends_with("-->")
        && t[4..].find("-->") == Some(t.len() - 7)
}

/// Splits text into paragraph ranges (relative to `text`), paragraphs made
/// by blank lines (and, in plain text, lines too long to be hard-wrapped;
/// in any text, a line that is one HTML comment;
/// in Markdown, the blocks CommonMark starts on a line of their own). A
/// line is blank when it holds only whitespace; lines end at `\n`, `\r\n`
/// or `\r`.
pub fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    split(text, Layout::BlankLine, false)
}

/// Splits text into paragraph ranges (relative to `text`) in a layout.
pub fn split(text: &str, layout: Layout, markdown: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut prev: Option<&str> = None;
    for r in line_ranges(text) {
        let line = &text[r.clone()];
        if is_blank(line) {
            if let Some(p) = current.take() {
                out.push(p);
            }
            prev = None;
            continue;
        }
        let breaks = match (layout, prev) {
            (_, None) => false,
            (Layout::Line, Some(_)) => true,
            (Layout::BlankLine, Some(p)) if markdown => {
                is_markdown_heading(p)
                    || starts_markdown_block(line)
                    || is_comment_line(p)
                    || is_comment_line(line)
            }
            (Layout::BlankLine, Some(p)) => {
                is_long(p)
                    || is_long(line)
                    || is_comment_line(p)
                    || is_comment_line(line)
                    || ends_short(p, line)
            }
        };
        if breaks {
            if let Some(p) = current.take() {
                out.push(p);
            }
        }
        match &mut current {
            Some(p) => p.end = r.end,
            None => current = Some(r),
        }
        prev = Some(line);
    }
    if let Some(p) = current {
        out.push(p);
    }
    out
}

/// Whether the writer, not a wrapping tool, broke the line `p` before
/// `line`: `p` ends a sentence, `line` starts a new one, and `line`'s first
/// word would have fitted on `p` at the width the text is wrapped to, as
/// `line` shows it (a line of [`FITS`] characters or more). Copy with one
/// paragraph a line inside blank-line blocks, hard-wrapped, keeps its
/// paragraphs; a stack of short lines stays one.
fn ends_short(p: &str, line: &str) -> bool {
    let p = p.trim_end();
    let closed = p.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    if !closed.ends_with(['.', '!', '?', '…']) {
        return false;
    }
    let next = line.trim_start();
    if line.len() != next.len()
        || !next.starts_with(|c: char| c.is_uppercase() || "“\"‘'".contains(c))
    {
        return false;
    }
    let word = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    let width = line.trim_end().chars().count();
    (FITS..=LONG_LINE).contains(&width) && p.chars().count() + 1 + word <= width
}

/// A line this long or longer can show the width a text is wrapped to.
const FITS: usize = 60;

/// The paragraphs of a document, in order, with their facts, kept in
/// shared chunks (see [`CHUNK`]).
pub struct ParagraphIndex<F> {
    chunks: Vec<Chunk<F>>,
    len: usize,
    /// What decides the layout, the line statistics it is decided from, and
    /// the layout the paragraphs were split in.
    paragraphing: Paragraphing,
    stats: LineStats,
    layout: Layout,
}

impl<F> Clone for ParagraphIndex<F> {
    fn clone(&self) -> Self {
        Self {
            chunks: self.chunks.clone(),
            len: self.len,
            paragraphing: self.paragraphing,
            stats: self.stats,
            layout: self.layout,
        }
    }
}

impl<F: std::fmt::Debug> std::fmt::Debug for ParagraphIndex<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.paragraphs().fmt(f)
    }
}

impl<F: PartialEq> PartialEq for ParagraphIndex<F> {
    fn eq(&self, other: &Self) -> bool {
        self.layout == other.layout
            && self.stats == other.stats
            && self.paragraphs() == other.paragraphs()
    }
}

/// Regions at least this large are scanned on every available core.
const PARALLEL_BYTES: usize = 256 * 1024;

fn scan_region<F: Send + Sync>(
    rope: &Rope,
    region: Range<usize>,
    layout: Layout,
    markdown: bool,
    scan: &impl Scan<F>,
) -> Vec<Scanned<F>> {
    let text: std::borrow::Cow<'_, str> = rope.byte_slice(region.clone()).into();
    let ranges = split(&text, layout, markdown);
    let one = |r: &Range<usize>| Scanned {
        start: region.start + r.start,
        len: r.len(),
        facts: Arc::new(scan.scan(&text[r.clone()])),
    };
    if text.len() < PARALLEL_BYTES {
        return ranges.iter().map(one).collect();
    }
    let threads = cores();
    if threads < 2 || ranges.len() < 2 * threads {
        return ranges.iter().map(one).collect();
    }
    // The same paragraphs in the same order, scanned in contiguous slices.
    let per = ranges.len().div_ceil(threads);
    std::thread::scope(|s| {
        let workers: Vec<_> = ranges
            .chunks(per)
            .map(|slice| s.spawn(move || slice.iter().map(one).collect::<Vec<_>>()))
            .collect();
        let mut out = Vec::with_capacity(ranges.len());
        for w in workers {
            match w.join() {
                Ok(part) => out.extend(part),
                // A scanner panicked: let it surface as it would have unthreaded.
                Err(e) => std::panic::resume_unwind(e),
            }
        }
        out
    })
}

impl<F> ParagraphIndex<F> {
    pub fn paragraphs(&self) -> Paragraphs<'_, F> {
        Paragraphs {
            chunks: &self.chunks,
            from: 0,
            to: self.len,
        }
    }

    fn of(items: Vec<Scanned<F>>, paragraphing: Paragraphing, stats: LineStats) -> Self {
        let len = items.len();
        Self {
            chunks: chunked(items),
            len,
            paragraphing,
            layout: paragraphing.decide(&stats),
            stats,
        }
    }

    /// The layout the paragraphs are split in.
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// The line statistics the layout was decided from.
    pub fn line_stats(&self) -> LineStats {
        self.stats
    }

    /// What decides the layout.
    pub fn paragraphing(&self) -> Paragraphing {
        self.paragraphing
    }

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
    /// Splits and scans the whole document, its layout decided from its
    /// text (plain text, no layout forced).
    pub fn build(rope: &Rope, scan: &impl Scan<F>) -> Self {
        Self::build_with(rope, Paragraphing::default(), scan)
    }

    /// Splits and scans the whole document in the layout `paragraphing`
    /// decides for it.
    pub fn build_with(rope: &Rope, paragraphing: Paragraphing, scan: &impl Scan<F>) -> Self {
        Self::build_from(rope, paragraphing, LineStats::of_rope(rope), scan)
    }

    fn build_from(
        rope: &Rope,
        paragraphing: Paragraphing,
        stats: LineStats,
        scan: &impl Scan<F>,
    ) -> Self {
        let layout = paragraphing.decide(&stats);
        let items = scan_region(
            rope,
            0..rope.len_bytes(),
            layout,
            paragraphing.markdown,
            scan,
        );
        Self::of(items, paragraphing, stats)
    }

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

    /// Rescans every paragraph (after the scanner itself changed).
    pub fn rescan(&mut self, rope: &Rope, scan: &impl Scan<F>) {
        *self = Self::build_from(rope, self.paragraphing, self.stats, scan);
    }

    /// Splits and scans again in the layout `paragraphing` decides (after
    /// the setting changed).
    pub fn reparagraph(&mut self, rope: &Rope, paragraphing: Paragraphing, scan: &impl Scan<F>) {
        *self = Self::build_from(rope, paragraphing, self.stats, scan);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        split_paragraphs(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn a_large_region_scanned_on_several_threads_gives_the_same_index() {
        let mut text = String::new();
        let mut n = 0;
        while text.len() < 2 * PARALLEL_BYTES {
            text.push_str(&format!(
                "Paragraph {n} — “quoted”, said Ms Ødegård.\r\n\r\n"
            ));
            n += 1;
        }
        let rope = Rope::from_str(&text);
        let upper = |t: &str| t.to_uppercase();
        let index = ParagraphIndex::build(&rope, &upper);
        let expected: Vec<(usize, String)> = split_paragraphs(&text)
            .into_iter()
            .map(|r| (r.start, text[r].to_uppercase()))
            .collect();
        let got: Vec<(usize, String)> = index
            .paragraphs()
            .iter()
            .map(|p| (p.start, (**p.facts).clone()))
            .collect();
        assert_eq!(got.len(), n);
        assert_eq!(got, expected);
    }

    #[test]
    fn a_sentence_ending_a_line_with_room_to_spare_ends_its_paragraph() {
        // One paragraph a line inside blank-line blocks, hard-wrapped at 72:
        // `calling the deaths “intolerable.”` had room for `On`, so the writer
        // broke the line there, not the wrapping tool.
        let text = "The minister spoke out on Tuesday about the death of a man in\nPeckham, calling the deaths “intolerable.”\nOn Thursday’s edition of “The Morning Programme,” the former home\nsecretary said she wanted to speak “directly to parents.”\n";
        assert_eq!(
            texts(text),
            vec![
                "The minister spoke out on Tuesday about the death of a man in\nPeckham, calling the deaths “intolerable.”",
                "On Thursday’s edition of “The Morning Programme,” the former home\nsecretary said she wanted to speak “directly to parents.”",
            ]
        );
        // A wrapped line that ends a sentence but had no room goes on.
        let full = "The council approved the budget on Tuesday after a long debate.\nCouncillors said it was the hardest settlement in a decade for them.\n";
        assert_eq!(texts(full).len(), 1);
    }

    #[test]
    fn splits_on_blank_lines_of_any_terminator() {
        let s = "LONDON (Reuters) - Shares fell.\r\nTraders said so.\r\n\r\n  \t\n“It was grim,” one said.\rSecond line.\r\r\n\u{a0}\nLast";
        assert_eq!(
            texts(s),
            vec![
                "LONDON (Reuters) - Shares fell.\r\nTraders said so.",
                "“It was grim,” one said.\rSecond line.",
                "Last"
            ]
        );
    }

    #[test]
    fn line_separator_does_not_end_a_line() {
        assert_eq!(
            texts("a\u{2028}\u{2028}b\n\nc"),
            vec!["a\u{2028}\u{2028}b", "c"]
        );
    }

    #[test]
    fn edit_joining_paragraphs_matches_rebuild() {
        let scan = |t: &str| t.to_string();
        let mut rope = Rope::from_str("One.\n\nTwo.\n\nThree.\n\nFour.\n");
        let mut index = ParagraphIndex::build(&rope, &scan);
        // Delete the blank line between "Two." and "Three.".
        let before = rope.clone();
        rope.remove(rope.byte_to_char(10)..rope.byte_to_char(11));
        index.edit(&before, &rope, 10..11, 0, &scan);
        assert_eq!(index, ParagraphIndex::build(&rope, &scan));
        assert_eq!(index.paragraphs().at(1).facts.as_str(), "Two.\nThree.");
    }

    #[test]
    fn untouched_paragraphs_keep_their_facts() {
        let scan = |t: &str| t.to_string();
        let text = (0..50)
            .map(|i| format!("Paragraph {i}."))
            .collect::<Vec<_>>()
            .join("\n\n");
        let mut rope = Rope::from_str(&text);
        let mut index = ParagraphIndex::build(&rope, &scan);
        let before: Vec<_> = index
            .paragraphs()
            .iter()
            .map(|p| Arc::clone(p.facts))
            .collect();
        let at = index.paragraphs().at(25).start + 3;
        let old = rope.clone();
        rope.insert(rope.byte_to_char(at), "X");
        let scanned = index.edit(&old, &rope, at..at, 1, &scan);
        assert_eq!(
            scanned, 3,
            "the touched paragraph and one neighbour each side"
        );
        let kept = index
            .paragraphs()
            .iter()
            .zip(&before)
            .filter(|(p, old)| Arc::ptr_eq(p.facts, old))
            .count();
        assert_eq!(kept, 47);
        assert_eq!(index, ParagraphIndex::build(&rope, &scan));
    }

    /// Edits across chunk boundaries (one that keeps the number of
    /// paragraphs, one that splits one, one that joins two, at the first and
    /// last paragraph of a chunk and at the ends) give the index built
    /// afresh, and a kept version still reads as it did.
    #[test]
    fn edits_at_chunk_boundaries_match_rebuild() {
        let scan = |t: &str| t.to_string();
        let text = (0..3 * CHUNK + 5)
            .map(|i| format!("Paragraph {i} said: “Ms Ødegård’s”."))
            .collect::<Vec<_>>()
            .join("\r\n\r\n");
        let mut rope = Rope::from_str(&text);
        let mut index = ParagraphIndex::build(&rope, &scan);
        let mut edits = 0;
        for p in [0, CHUNK - 1, CHUNK, 2 * CHUNK - 1, 2 * CHUNK, 3 * CHUNK + 4] {
            for (at_end, insert, remove) in [
                (false, "X", 0),
                (true, "\n\nNew paragraph.", 0),
                (true, "", 4),
                (false, "", 1),
            ] {
                let kept = index.clone();
                let kept_text = rope.to_string();
                let Some(para) = index.paragraphs().get(p) else {
                    continue;
                };
                let at = if at_end { para.end() } else { para.start };
                let end = (at + remove).min(rope.len_bytes());
                let before = rope.clone();
                rope.remove(rope.byte_to_char(at)..rope.byte_to_char(end));
                rope.insert(rope.byte_to_char(at), insert);
                index.edit(&before, &rope, at..end, insert.len(), &scan);
                assert_eq!(
                    index,
                    ParagraphIndex::build(&rope, &scan),
                    "edit at paragraph {p}"
                );
                assert_eq!(
                    kept,
                    ParagraphIndex::build(&Rope::from_str(&kept_text), &scan)
                );
                edits += 1;
            }
        }
        assert_eq!(edits, 24);
        let all = index.paragraphs();
        let tail = all.slice(CHUNK - 2..CHUNK + 2);
        assert_eq!(tail.len(), 4);
        assert_eq!(tail.at(2), all.at(CHUNK));
        assert_eq!(tail.iter().next_back(), all.get(CHUNK + 1));
        assert_eq!(all.iter().nth(CHUNK + 3), all.get(CHUNK + 3));
        assert_eq!(
            all.partition_point(|p| p.start < all.at(CHUNK).start),
            CHUNK
        );
        // Everything deleted, then typed into the empty document.
        let whole = rope.len_bytes();
        let before = rope.clone();
        rope.remove(..);
        index.edit(&before, &rope, 0..whole, 0, &scan);
        assert!(index.paragraphs().is_empty());
        let before = rope.clone();
        rope.insert(0, "Fresh.");
        index.edit(&before, &rope, 0..0, 6, &scan);
        assert_eq!(index, ParagraphIndex::build(&rope, &scan));
    }
}

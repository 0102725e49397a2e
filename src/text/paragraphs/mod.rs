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
//!
//! `paragraph` is one paragraph, `splitter` finds where paragraphs break in
//! a text, `chunks` keeps them (and reads a run of them like a slice),
//! `scan` gives a region's paragraphs their facts, `edit` re-splits around
//! an edit.

mod chunks;
mod edit;
mod paragraph;
mod scan;
mod splitter;

#[cfg(test)]
mod tests;

use ropey::Rope;

use super::layout::{Layout, LineStats, Paragraphing};
use chunks::{chunked, Chunk, Scanned};
pub use chunks::{Iter, Paragraphs};
pub use paragraph::{Paragraph, Scan};
use scan::scan_region;
pub use splitter::{split, split_paragraphs};

/// The paragraphs of a document, in order, with their facts, kept in
/// shared chunks (see [`CHUNK`](chunks::CHUNK)).
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

//! How the index keeps its paragraphs: in shared chunks of [`CHUNK`], each
//! paragraph's start counted from its chunk's base, so that a version
//! shares nearly all of them with the one before; and [`Paragraphs`], a
//! run of them read like a slice.

use std::ops::Range;
use std::sync::Arc;

use super::paragraph::Paragraph;

/// A paragraph as a chunk stores it: its start relative to the chunk's base.
pub(super) struct Stored<F> {
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
pub(super) struct Scanned<F> {
    pub(super) start: usize,
    pub(super) len: usize,
    pub(super) facts: Arc<F>,
}

/// Paragraphs per chunk. Every chunk but the last is full, so paragraph `i`
/// is in chunk `i / CHUNK`. An edit that keeps the number of paragraphs
/// copies the chunk it touches and moves the later chunks' bases, so a
/// version of a long document shares nearly all of its paragraphs with the
/// one before; copying a version copies only the chunk list.
pub(super) const CHUNK: usize = 64;

pub(super) struct Chunk<F> {
    /// Byte offset every paragraph's `rel` counts from.
    pub(super) base: usize,
    pub(super) paras: Arc<Vec<Stored<F>>>,
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
    pub(super) fn of(items: Vec<Scanned<F>>) -> Self {
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
pub(super) fn chunked<F>(items: impl IntoIterator<Item = Scanned<F>>) -> Vec<Chunk<F>> {
    let mut out = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        out.push(Chunk::of(items.by_ref().take(CHUNK).collect()));
    }
    out
}

/// A run of consecutive paragraphs of a [`ParagraphIndex`](super::ParagraphIndex) (all of them,
/// or a slice): indexed from 0 like a slice, cheap to copy.
pub struct Paragraphs<'a, F> {
    pub(super) chunks: &'a [Chunk<F>],
    /// Indices in the whole index: `from..to`.
    pub(super) from: usize,
    pub(super) to: usize,
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

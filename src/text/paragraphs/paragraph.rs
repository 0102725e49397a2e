//! One paragraph, a view into the index, and what computes a paragraph's
//! facts.

use std::ops::Range;
use std::sync::Arc;

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
/// [`ParagraphIndex`](super::ParagraphIndex), cheap to copy.
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

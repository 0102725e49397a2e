//! A text document as the store owns it: rope, version and paragraph index.
//! Edits arrive as LSP-style changes in the client's position encoding and
//! are applied in order, all or nothing.

use std::ops::Range;

use ropey::Rope;
use thiserror::Error;

use super::layout::Paragraphing;
use super::paragraphs::{ParagraphIndex, Scan};
use super::position::{position_to_offset, LineCol, PositionEncoding};

/// Why a set of changes was refused. The document is left as it was.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum TextError {
    #[error("version {got} is not newer than the document's version {current}")]
    StaleVersion { current: i32, got: i32 },
    #[error("change {index}: range end {end:?} comes before its start {start:?}")]
    ReversedRange {
        index: usize,
        start: LineCol,
        end: LineCol,
    },
}

/// One content change: replace `range` (or the whole text when `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub range: Option<(LineCol, LineCol)>,
    pub text: String,
}

/// A document: its text, its version and its paragraphs with their facts.
#[derive(Debug)]
pub struct Document<F> {
    rope: Rope,
    version: i32,
    index: ParagraphIndex<F>,
}

impl<F> Clone for Document<F> {
    fn clone(&self) -> Self {
        Self {
            rope: self.rope.clone(),
            version: self.version,
            index: self.index.clone(),
        }
    }
}

impl<F> Document<F> {
    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    pub fn version(&self) -> i32 {
        self.version
    }

    pub fn index(&self) -> &ParagraphIndex<F> {
        &self.index
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }
}

impl<F: Send + Sync> Document<F> {
    /// A plain-text document, its layout decided from its text.
    pub fn new(text: &str, version: i32, scan: &impl Scan<F>) -> Self {
        Self::with_paragraphing(text, version, Paragraphing::default(), scan)
    }

    /// A document whose paragraphs are made as `paragraphing` decides.
    pub fn with_paragraphing(
        text: &str,
        version: i32,
        paragraphing: Paragraphing,
        scan: &impl Scan<F>,
    ) -> Self {
        let rope = Rope::from_str(text);
        let index = ParagraphIndex::build_with(&rope, paragraphing, scan);
        Self {
            rope,
            version,
            index,
        }
    }

    /// Rescans every paragraph, e.g. after the configuration changed.
    pub fn rescan(&mut self, scan: &impl Scan<F>) {
        self.index.rescan(&self.rope, scan);
    }

    /// Splits the paragraphs again as `paragraphing` decides, and rescans
    /// them (after the layout setting changed).
    pub fn reparagraph(&mut self, paragraphing: Paragraphing, scan: &impl Scan<F>) {
        self.index.reparagraph(&self.rope, paragraphing, scan);
    }

    /// Applies `changes` in order and moves to `version`. All or nothing: on
    /// error the document is unchanged. Positions are clamped (see
    /// [`position_to_offset`]); a range whose end precedes its start is refused.
    pub fn apply_changes(
        &mut self,
        version: i32,
        changes: &[Change],
        encoding: PositionEncoding,
        scan: &impl Scan<F>,
    ) -> Result<(), TextError> {
        if version <= self.version {
            return Err(TextError::StaleVersion {
                current: self.version,
                got: version,
            });
        }
        // First the text: each change on a cheap copy of the rope, so a bad
        // change leaves the document untouched. Then the index, in place.
        enum Step {
            Rebuild(Rope),
            /// The text before, the text after, the range replaced, the new length.
            Edit(Rope, Rope, Range<usize>, usize),
        }
        let mut rope = self.rope.clone();
        let mut steps = Vec::with_capacity(changes.len());
        for (i, change) in changes.iter().enumerate() {
            match change.range {
                None => {
                    rope = Rope::from_str(&change.text);
                    steps.push(Step::Rebuild(rope.clone()));
                }
                Some((start, end)) => {
                    let (s, _) = position_to_offset(&rope, start, encoding);
                    let (e, _) = position_to_offset(&rope, end, encoding);
                    if e < s {
                        return Err(TextError::ReversedRange {
                            index: i,
                            start,
                            end,
                        });
                    }
                    let before = rope.clone();
                    replace(&mut rope, s..e, &change.text);
                    steps.push(Step::Edit(before, rope.clone(), s..e, change.text.len()));
                }
            }
        }
        for step in steps {
            match step {
                Step::Rebuild(r) => {
                    self.index = ParagraphIndex::build_with(&r, self.index.paragraphing(), scan)
                }
                Step::Edit(before, r, old, new_len) => {
                    self.index.edit(&before, &r, old, new_len, scan);
                }
            }
        }
        self.rope = rope;
        self.version = version;
        Ok(())
    }
}

/// Replaces a byte range of the rope. Offsets must be on char boundaries
/// (as [`position_to_offset`] guarantees).
fn replace(rope: &mut Rope, range: Range<usize>, text: &str) {
    let s = rope.byte_to_char(range.start);
    let e = rope.byte_to_char(range.end);
    if e > s {
        rope.remove(s..e);
    }
    if !text.is_empty() {
        rope.insert(s, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(t: &str) -> usize {
        t.len()
    }

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> Change {
        Change {
            range: Some((LineCol::new(sl, sc), LineCol::new(el, ec))),
            text: text.into(),
        }
    }

    #[test]
    fn edits_apply_in_order_in_utf16() {
        let mut doc = Document::new("Fans 🎉 cheered.\r\nThe end.", 1, &scan);
        doc.apply_changes(
            2,
            &[change(0, 8, 0, 15, "roared"), change(1, 4, 1, 7, "finish")],
            PositionEncoding::Utf16,
            &scan,
        )
        .unwrap();
        assert_eq!(doc.text(), "Fans 🎉 roared.\r\nThe finish.");
        assert_eq!(doc.version(), 2);
    }

    #[test]
    fn stale_version_and_reversed_range_leave_document_alone() {
        let mut doc = Document::new("Hello", 5, &scan);
        assert_eq!(
            doc.apply_changes(
                5,
                &[change(0, 0, 0, 0, "x")],
                PositionEncoding::Utf16,
                &scan
            ),
            Err(TextError::StaleVersion { current: 5, got: 5 })
        );
        let err = doc
            .apply_changes(
                6,
                &[change(0, 0, 0, 0, "ok "), change(0, 4, 0, 1, "bad")],
                PositionEncoding::Utf16,
                &scan,
            )
            .unwrap_err();
        assert!(matches!(err, TextError::ReversedRange { index: 1, .. }));
        assert_eq!(doc.text(), "Hello");
        assert_eq!(doc.version(), 5);
    }

    #[test]
    fn full_text_change_replaces_everything() {
        let mut doc = Document::new("Old copy", 1, &scan);
        doc.apply_changes(
            3,
            &[Change {
                range: None,
                text: "New copy\n\nMore".into(),
            }],
            PositionEncoding::Utf8,
            &scan,
        )
        .unwrap();
        assert_eq!(doc.index().paragraphs().len(), 2);
    }
}

//! What changed between two versions of a document, as one splice: the bytes
//! `start..old_end` of the older text became `start..new_end` of the newer.
//!
//! Found without reading the whole text: paragraphs the index did not rescan
//! (they still share their facts) bound the changed region from both ends,
//! and only the text between them is compared byte by byte.

use ropey::Rope;

use super::document::Document;

/// One contiguous change between two texts (several edits far apart become
/// one splice covering all of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Splice {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl Splice {
    /// Where a byte offset of the older text is in the newer one: unchanged
    /// before the splice, moved by the length difference from its old end on
    /// (an insertion point belongs to what follows it), `None` inside the
    /// replaced bytes.
    pub fn map(&self, offset: usize) -> Option<usize> {
        if offset < self.start {
            Some(offset)
        } else if offset >= self.old_end {
            (offset + self.new_end).checked_sub(self.old_end)
        } else {
            None
        }
    }

    /// Moves a byte offset of the older text to the newer one; `false` (and
    /// the offset left as it was) when it lies inside the replaced bytes.
    pub fn move_offset(&self, offset: &mut usize) -> bool {
        match self.map(*offset) {
            Some(moved) => {
                *offset = moved;
                true
            }
            None => false,
        }
    }

    /// Moves both ends of a byte range (see [`Splice::move_offset`]).
    pub fn move_range(&self, range: &mut std::ops::Range<usize>) -> bool {
        let start = self.move_offset(&mut range.start);
        self.move_offset(&mut range.end) && start
    }

    /// This splice followed by `next` (a splice of the text this one made),
    /// as one splice, when the two touch or overlap (typing a word: each
    /// keystroke next to the last). `None` when they lie apart: then some
    /// positions between them have a place the single splice would not give.
    pub fn then(&self, next: &Splice) -> Option<Splice> {
        if next.start > self.new_end || next.old_end < self.start {
            return None;
        }
        let start = self.start.min(next.start);
        let old_end = if next.old_end >= self.new_end {
            next.old_end - self.new_end + self.old_end
        } else {
            self.old_end
        };
        let new_end = if self.new_end >= next.old_end {
            self.new_end - next.old_end + next.new_end
        } else {
            next.new_end
        };
        Some(Splice {
            start,
            old_end,
            new_end,
        })
    }

    /// Whether the texts are the same.
    pub fn is_empty(&self) -> bool {
        self.start == self.old_end && self.start == self.new_end
    }
}

/// How a newer version of a document differs from an older one: the
/// splice, and how many paragraphs at each end both versions share
/// untouched (same facts, same text, moved only by the splice).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Diff {
    pub splice: Splice,
    shared_before: usize,
    shared_after: usize,
}

impl Diff {
    /// Leading paragraphs both versions share, in place.
    pub fn shared_before(&self) -> usize {
        self.shared_before
    }

    /// Trailing paragraphs both versions share, moved by the splice.
    pub fn shared_after(&self) -> usize {
        self.shared_after
    }
}

impl Diff {
    /// How the paragraphs of the older version (`old_len` of them) number
    /// in the newer (`new_len`): see [`ParaSplice`].
    pub fn paras(&self, old_len: usize, new_len: usize) -> ParaSplice {
        let old_end = old_len.saturating_sub(self.shared_after);
        let new_end = new_len.saturating_sub(self.shared_after);
        ParaSplice {
            old: self.shared_before.min(old_end)..old_end,
            new: self.shared_before.min(new_end)..new_end,
        }
    }
}

/// The paragraphs `old` of an older version became `new` of the newer one
/// (both start at the same index); those before are where they were, and
/// those after moved by the difference in count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParaSplice {
    pub old: std::ops::Range<usize>,
    pub new: std::ops::Range<usize>,
}

impl ParaSplice {
    /// The newer index of the older paragraph `p`; `None` inside `old`.
    pub fn map(&self, p: usize) -> Option<usize> {
        if p < self.old.start {
            Some(p)
        } else if p >= self.old.end {
            Some(p + self.new.end - self.old.end)
        } else {
            None
        }
    }

    /// The older index of the newer paragraph `p`; `None` inside `new`.
    pub fn unmap(&self, p: usize) -> Option<usize> {
        if p < self.new.start {
            Some(p)
        } else if p >= self.new.end {
            Some(p + self.old.end - self.new.end)
        } else {
            None
        }
    }

    /// Whether the paragraph count is the same.
    pub fn same_count(&self) -> bool {
        self.old.len() == self.new.len()
    }
}

/// The splice that turns `old`'s text into `new`'s.
pub fn splice_between<F>(old: &Document<F>, new: &Document<F>) -> Splice {
    diff(old, new).splice
}

/// What changed from `old` to `new` (a later version of the same document).
pub fn diff<F>(old: &Document<F>, new: &Document<F>) -> Diff {
    let (oi, ni) = (old.index(), new.index());
    let op = oi.paragraphs();
    // Leading paragraphs neither version rescanned: their text, and all text
    // before them, is the same.
    let lead = oi.shared_before(ni);
    let from = if lead == 0 { 0 } else { op.at(lead - 1).end() };
    let (old_len, new_len) = (old.rope().len_bytes(), new.rope().len_bytes());
    // Trailing paragraphs shared the same way, at the same distance from the end.
    let trail = oi.shared_after(old_len, ni, new_len, lead);
    let to_old = if trail == 0 {
        old_len
    } else {
        op.at(op.len() - trail).start
    };
    let to_new = new_len - (old_len - to_old);
    Diff {
        splice: common(old.rope(), new.rope(), from, to_old, to_new),
        shared_before: lead,
        shared_after: trail,
    }
}

/// Narrows `from..to_old` / `from..to_new` to the bytes that differ.
fn common(old: &Rope, new: &Rope, from: usize, to_old: usize, to_new: usize) -> Splice {
    let mut start = from;
    let (mut a, mut b) = (old.bytes_at(from), new.bytes_at(from));
    while start < to_old && start < to_new {
        if a.next() != b.next() {
            break;
        }
        start += 1;
    }
    let (mut old_end, mut new_end) = (to_old, to_new);
    let (mut a, mut b) = (old.bytes_at(to_old), new.bytes_at(to_new));
    while old_end > start && new_end > start {
        if a.prev() != b.prev() {
            break;
        }
        old_end -= 1;
        new_end -= 1;
    }
    Splice {
        start,
        old_end,
        new_end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Change, LineCol, PositionEncoding, Scan};

    struct Len;
    impl Scan<usize> for Len {
        fn scan(&self, text: &str) -> usize {
            text.len()
        }
    }

    fn edit(doc: &mut Document<usize>, line: u32, col: u32, end_col: u32, text: &str) {
        let v = doc.version() + 1;
        let change = Change {
            range: Some((LineCol::new(line, col), LineCol::new(line, end_col))),
            text: text.into(),
        };
        doc.apply_changes(v, &[change], PositionEncoding::Utf8, &Len)
            .expect("edit");
    }

    #[test]
    fn finds_the_changed_bytes() {
        let text = "First paragraph.\n\nSecond one, said Mr Lee.\n\nThird.\n";
        let old = Document::new(text, 1, &Len);
        let mut new = old.clone();
        edit(&mut new, 2, 6, 6, "x");
        let s = splice_between(&old, &new);
        assert_eq!((s.start, s.old_end, s.new_end), (24, 24, 25));
        assert_eq!(s.map(23), Some(23));
        assert_eq!(s.map(24), Some(25));
        // A deletion, then two edits far apart become one splice.
        let mut del = old.clone();
        edit(&mut del, 0, 0, 6, "");
        edit(&mut del, 4, 0, 1, "t");
        let s = splice_between(&old, &del);
        assert_eq!((s.start, s.old_end, s.new_end), (0, 45, 39));
        assert_eq!(s.map(3), None);
        assert_eq!(s.map(50), Some(44));
        assert!(splice_between(&old, &old.clone()).is_empty());
    }

    /// Composing splices agrees with applying them one after the other, for
    /// every position outside the composed splice.
    #[test]
    fn touching_splices_compose() {
        let cases = [
            // Typing "ab" one key at a time, then deleting the "b".
            (
                Splice {
                    start: 10,
                    old_end: 10,
                    new_end: 11,
                },
                Splice {
                    start: 11,
                    old_end: 11,
                    new_end: 12,
                },
            ),
            (
                Splice {
                    start: 10,
                    old_end: 10,
                    new_end: 12,
                },
                Splice {
                    start: 11,
                    old_end: 12,
                    new_end: 11,
                },
            ),
            // A deletion, then typing before it; a replacement swallowing the last.
            (
                Splice {
                    start: 20,
                    old_end: 25,
                    new_end: 20,
                },
                Splice {
                    start: 18,
                    old_end: 20,
                    new_end: 19,
                },
            ),
            (
                Splice {
                    start: 5,
                    old_end: 6,
                    new_end: 9,
                },
                Splice {
                    start: 3,
                    old_end: 12,
                    new_end: 4,
                },
            ),
        ];
        for (a, b) in cases {
            let c = a.then(&b).expect("touching");
            for p in 0..40 {
                let seq = a.map(p).and_then(|m| b.map(m));
                if let Some(q) = c.map(p) {
                    assert_eq!(Some(q), seq, "{a:?} then {b:?} at {p}");
                }
            }
        }
        let apart = Splice {
            start: 30,
            old_end: 30,
            new_end: 31,
        };
        assert_eq!(cases[0].0.then(&apart), None);
    }

    #[test]
    fn a_whole_text_replacement_still_gives_the_narrow_splice() {
        let old = Document::new("One.\n\nTwo said.\n", 1, &Len);
        let mut new = old.clone();
        let change = Change {
            range: None,
            text: "One.\n\nTwo says.\n".into(),
        };
        new.apply_changes(2, &[change], PositionEncoding::Utf8, &Len)
            .expect("replace");
        let s = splice_between(&old, &new);
        assert_eq!((s.start, s.old_end, s.new_end), (12, 14, 14));
    }
}

//! The paragraph index: the document split into paragraphs (maximal runs of
//! non-blank lines), each with the facts a scanner computed from its text.
//!
//! An edit re-splits only the paragraphs it touches plus one neighbour on each
//! side, and rescans only those; the other paragraphs keep their facts (their
//! facts hold paragraph-relative offsets, so a shift costs one addition).
//! Invariant (property-tested): after any edit the index equals the index
//! built from scratch from the new text.

use std::ops::Range;
use std::sync::Arc;

use ropey::Rope;

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

/// One paragraph: where it is and what its text holds.
#[derive(Debug)]
pub struct Paragraph<F> {
    /// Byte offset of the paragraph's first character.
    pub start: usize,
    /// Byte length, from the first character to the end of the last line's
    /// content (its line terminator is not part of the paragraph).
    pub len: usize,
    pub facts: Arc<F>,
}

impl<F> Clone for Paragraph<F> {
    fn clone(&self) -> Self {
        Self {
            start: self.start,
            len: self.len,
            facts: Arc::clone(&self.facts),
        }
    }
}

impl<F: PartialEq> PartialEq for Paragraph<F> {
    fn eq(&self, other: &Self) -> bool {
        self.start == other.start && self.len == other.len && self.facts == other.facts
    }
}

impl<F> Paragraph<F> {
    pub fn end(&self) -> usize {
        self.start + self.len
    }
    pub fn range(&self) -> Range<usize> {
        self.start..self.end()
    }
}

/// How many cores the scan may use: asked once (the answer reads cgroup
/// files, far dearer than a keystroke's rescan).
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// Splits text into paragraph ranges (relative to `text`). A line is blank
/// when it holds only whitespace; lines end at `\n`, `\r\n` or `\r`.
pub fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut line_start = 0;
    let mut i = 0;
    loop {
        let at_end = i >= bytes.len();
        if at_end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            let line = &text[line_start..i];
            if line.trim().is_empty() {
                if let Some(p) = current.take() {
                    out.push(p);
                }
            } else {
                match &mut current {
                    Some(p) => p.end = i,
                    None => current = Some(line_start..i),
                }
            }
            if at_end {
                break;
            }
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            i += 1;
            line_start = i;
        } else {
            i += 1;
        }
    }
    if let Some(p) = current {
        out.push(p);
    }
    out
}

/// The paragraphs of a document, in order, with their facts.
#[derive(Debug)]
pub struct ParagraphIndex<F> {
    paragraphs: Vec<Paragraph<F>>,
}

impl<F> Clone for ParagraphIndex<F> {
    fn clone(&self) -> Self {
        Self {
            paragraphs: self.paragraphs.clone(),
        }
    }
}

impl<F: PartialEq> PartialEq for ParagraphIndex<F> {
    fn eq(&self, other: &Self) -> bool {
        self.paragraphs == other.paragraphs
    }
}

/// Regions at least this large are scanned on every available core.
const PARALLEL_BYTES: usize = 256 * 1024;

fn scan_region<F: Send + Sync>(
    rope: &Rope,
    region: Range<usize>,
    scan: &impl Scan<F>,
) -> Vec<Paragraph<F>> {
    let text: std::borrow::Cow<'_, str> = rope.byte_slice(region.clone()).into();
    let ranges = split_paragraphs(&text);
    let one = |r: &Range<usize>| Paragraph {
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
    pub fn paragraphs(&self) -> &[Paragraph<F>] {
        &self.paragraphs
    }
}

impl<F: Send + Sync> ParagraphIndex<F> {
    /// Splits and scans the whole document.
    pub fn build(rope: &Rope, scan: &impl Scan<F>) -> Self {
        Self {
            paragraphs: scan_region(rope, 0..rope.len_bytes(), scan),
        }
    }

    /// Updates the index after `old` (a byte range of the text before the edit)
    /// was replaced by `new_len` bytes; `rope` is the text after the edit.
    /// Returns how many paragraphs were scanned.
    pub fn edit(
        &mut self,
        rope: &Rope,
        old: Range<usize>,
        new_len: usize,
        scan: &impl Scan<F>,
    ) -> usize {
        let paras = &self.paragraphs;
        let n = paras.len();
        let old_doc_len = rope.len_bytes() + old.len() - new_len;
        // First paragraph reaching the edit; the one before it is the left neighbour.
        let a = paras.partition_point(|p| p.end() < old.start);
        let first = a.saturating_sub(1);
        let region_start = if a == 0 { 0 } else { paras[a - 1].start };
        // Paragraphs starting at or before the edit's end; the next one is the right neighbour.
        let b = paras.partition_point(|p| p.start <= old.end);
        let (last_excl, region_end_old) = if b < n {
            (b + 1, paras[b].end())
        } else {
            (n, old_doc_len)
        };
        let region_end_new = region_end_old + new_len - old.len();
        let fresh = scan_region(rope, region_start..region_end_new, scan);
        let scanned = fresh.len();
        let delta = new_len as isize - old.len() as isize;
        for p in &mut self.paragraphs[last_excl..] {
            p.start = p.start.wrapping_add_signed(delta);
        }
        let first = first.min(last_excl);
        self.paragraphs.splice(first..last_excl, fresh);
        scanned
    }

    /// Rescans every paragraph (after the scanner itself changed).
    pub fn rescan(&mut self, rope: &Rope, scan: &impl Scan<F>) {
        *self = Self::build(rope, scan);
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
            .map(|p| (p.start, (*p.facts).clone()))
            .collect();
        assert_eq!(got.len(), n);
        assert_eq!(got, expected);
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
        rope.remove(rope.byte_to_char(10)..rope.byte_to_char(11));
        index.edit(&rope, 10..11, 0, &scan);
        assert_eq!(index, ParagraphIndex::build(&rope, &scan));
        assert_eq!(index.paragraphs()[1].facts.as_str(), "Two.\nThree.");
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
            .map(|p| Arc::clone(&p.facts))
            .collect();
        let at = index.paragraphs()[25].start + 3;
        rope.insert(rope.byte_to_char(at), "X");
        let scanned = index.edit(&rope, at..at, 1, &scan);
        assert_eq!(
            scanned, 3,
            "the touched paragraph and one neighbour each side"
        );
        let kept = index
            .paragraphs()
            .iter()
            .zip(&before)
            .filter(|(p, old)| Arc::ptr_eq(&p.facts, old))
            .count();
        assert_eq!(kept, 47);
        assert_eq!(index, ParagraphIndex::build(&rope, &scan));
    }
}

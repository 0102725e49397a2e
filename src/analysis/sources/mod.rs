//! Sources: the transcripts, statements and releases an article quotes,
//! and where in them each quote is (pure: the text of a source comes in,
//! the file reading is `crate::sources`).
//!
//! A source is read once per change of its file into [`SourceFile`]: its
//! turns (transcript speaker labels — `MAYOR JONES:`, `Cllr Priya Nair:`,
//! `Q:`/`A:` — and time stamps such as `[00:12:31]`), its words as
//! compared ([`words`]) and an index of its word pairs. Locating a quote
//! ([`SourceSet::locate`]) looks up the quote's rarest word pairs, takes
//! the stretches of the source where most of them fall in line, and
//! aligns the quote with each ([`align`]); the cost does not grow with the
//! source's length beyond the index look-ups. Results are kept by quote
//! text, so a keystroke elsewhere does not align again.

pub mod align;
pub mod said;
pub mod words;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use align::{Item, Op};
use words::Token;

/// One speaker's turn in a transcript (or the whole of a file without labels).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    /// The label as written (`MAYOR JONES`), if the transcript gives one.
    pub speaker: Option<String>,
    /// The latest time stamp at or before the turn (`00:12:31`).
    pub timestamp: Option<String>,
}

#[derive(Clone, Copy, Debug)]
struct Word {
    key: u64,
    start: u32,
    end: u32,
    turn: u32,
}

/// A source read and indexed.
pub struct SourceFile {
    /// The name shown (a path relative to the article or the workspace).
    pub name: String,
    /// The file, as given to the reader (for the editor to open).
    pub path: std::path::PathBuf,
    pub text: String,
    line_starts: Vec<u32>,
    pub turns: Vec<Turn>,
    words: Vec<Word>,
    /// (word-pair key, position of the pair's first word), sorted.
    pairs: Vec<(u32, u32)>,
    /// Where the pairs whose key starts with each 16 bits begin (a look-up
    /// touches this and a short run of `pairs`, not a binary search over
    /// megabytes).
    buckets: Vec<u32>,
}

impl std::fmt::Debug for SourceFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceFile")
            .field("name", &self.name)
            .field("bytes", &self.text.len())
            .field("words", &self.words.len())
            .finish()
    }
}

/// The largest source read, in bytes (a week of hearings is a few MB).
pub const MAX_SOURCE_BYTES: usize = 64 * 1024 * 1024;

fn pair_key(a: u64, b: u64) -> u32 {
    let h = a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 32) as u32
}

/// A time stamp at the start of a line (`[00:12:31]`, `(12:31)`,
/// `00:12:31`), and the bytes it takes with the space after it.
fn timestamp(line: &str) -> Option<(String, usize)> {
    let b = line.as_bytes();
    let mut i = 0;
    let open = matches!(b.first(), Some(b'[' | b'('));
    if open {
        i += 1;
    }
    let start = i;
    let mut colons = 0;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b':' || b[i] == b'.') {
        colons += usize::from(b[i] == b':');
        i += 1;
    }
    let stamp = &line[start..i];
    if colons == 0 || stamp.len() < 4 || !stamp.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if open {
        if !matches!(b.get(i), Some(b']' | b')')) {
            return None;
        }
        i += 1;
    }
    if i < b.len() && !b[i].is_ascii_whitespace() {
        return None;
    }
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    Some((stamp.to_string(), i))
}

/// A speaker label at the start of a line (`MAYOR JONES:`, `Cllr Priya
/// Nair:`, `Q:`, `**A:**`), and the bytes it takes with the space after it.
fn label(line: &str) -> Option<(String, usize)> {
    let colon = line
        .char_indices()
        .take(64)
        .find(|(_, c)| *c == ':')
        .map(|(i, _)| i)?;
    let after = &line[colon + 1..];
    let after = after.trim_start_matches('*');
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let name = line[..colon].trim().trim_matches('*').trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    let shaped = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    });
    if !shaped {
        return None;
    }
    let skip = line.len() - after.len();
    let skip = skip + (after.len() - after.trim_start().len());
    Some((name.to_string(), skip))
}

impl SourceFile {
    /// Reads and indexes a source's text.
    pub fn new(name: String, path: std::path::PathBuf, text: String) -> Self {
        let mut line_starts = vec![0u32];
        let mut turns = vec![Turn {
            speaker: None,
            timestamp: None,
        }];
        let mut words = Vec::new();
        let mut at = 0usize;
        let mut last_stamp: Option<String> = None;
        for raw in text.split_inclusive('\n') {
            let line = raw.trim_end_matches(['\n', '\r']);
            let mut body = line.trim_start();
            let mut offset = at + (line.len() - body.len());
            let mut new_turn: Option<Turn> = None;
            if let Some((stamp, skip)) = timestamp(body) {
                last_stamp = Some(stamp);
                body = &body[skip..];
                offset += skip;
                let speaker = turns.last().and_then(|t| t.speaker.clone());
                new_turn = Some(Turn {
                    speaker,
                    timestamp: last_stamp.clone(),
                });
            }
            if let Some((name, skip)) = label(body) {
                body = &body[skip..];
                offset += skip;
                new_turn = Some(Turn {
                    speaker: Some(name),
                    timestamp: last_stamp.clone(),
                });
            }
            if let Some(t) = new_turn {
                turns.push(t);
            }
            let turn = (turns.len() - 1) as u32;
            words::tokens(body, |t| {
                if let Token::Word { key, range } = t {
                    words.push(Word {
                        key,
                        start: (offset + range.start) as u32,
                        end: (offset + range.end) as u32,
                        turn,
                    });
                }
            });
            at += raw.len();
            if raw.ends_with('\n') {
                line_starts.push(at as u32);
            }
        }
        let mut pairs: Vec<(u32, u32)> = words
            .windows(2)
            .enumerate()
            .map(|(i, w)| (pair_key(w[0].key, w[1].key), i as u32))
            .collect();
        pairs.sort_unstable();
        let mut buckets = Vec::with_capacity((1 << 16) + 1);
        let mut at = 0usize;
        for b in 0..=(1u32 << 16) {
            while at < pairs.len() && (pairs[at].0 >> 16) < b {
                at += 1;
            }
            buckets.push(at as u32);
        }
        Self {
            name,
            path,
            text,
            line_starts,
            turns,
            words,
            pairs,
            buckets,
        }
    }

    /// 0-based line and byte column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self
            .line_starts
            .partition_point(|s| *s as usize <= offset)
            .saturating_sub(1);
        (line, offset - self.line_starts[line] as usize)
    }

    /// How many words the source has.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    fn pair_hits(&self, key: u32) -> &[(u32, u32)] {
        let b = (key >> 16) as usize;
        let (Some(&lo), Some(&hi)) = (self.buckets.get(b), self.buckets.get(b + 1)) else {
            return &[];
        };
        let run = &self.pairs[lo as usize..hi as usize];
        let from = run.partition_point(|p| p.0 < key);
        let to = from + run[from..].partition_point(|p| p.0 <= key);
        &run[from..to]
    }
}

/// How a quote stands against its sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchState {
    /// Its words are the source's, but for what editing allows.
    Faithful,
    /// Words of the source left out with no ellipsis.
    Omission,
    /// Words changed or added.
    Altered,
    /// No passage of the sources is close to it.
    NotFound,
}

impl MatchState {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchState::Faithful => "faithful",
            MatchState::Omission => "omission",
            MatchState::Altered => "altered",
            MatchState::NotFound => "not-found",
        }
    }
}

/// Words of the quote that differ from the source's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Bytes of the quote's text (empty where words were only left out).
    pub quote: Range<usize>,
    /// Bytes of the source's text (empty where the quote only added words).
    pub source: Range<usize>,
}

/// Where a quote is in its sources.
#[derive(Clone, Debug, PartialEq)]
pub struct Located {
    pub state: MatchState,
    /// The closest passage's file (index into the set), if any passage came near.
    pub file: Option<usize>,
    /// Bytes of the passage in the source.
    pub passage: Range<usize>,
    /// The turn the passage starts in.
    pub turn: Option<Turn>,
    /// Share of the quote's words found in order, 0 to 1.
    pub score: f32,
    /// Words changed or added (altered).
    pub changes: Vec<Change>,
    /// Words left out unmarked: where in the quote (the words either side of
    /// the cut), and the source's words.
    pub omissions: Vec<Change>,
}

impl Located {
    fn not_found(score: f32) -> Self {
        Self {
            state: MatchState::NotFound,
            file: None,
            passage: 0..0,
            turn: None,
            score,
            changes: Vec::new(),
            omissions: Vec::new(),
        }
    }
}

/// Quotes with fewer words are not looked for (a scare quote, a title).
pub const MIN_WORDS: usize = 3;

/// The share of a quote's words a passage must hold to be its source.
const MIN_SCORE: f32 = 0.6;

/// The sources of one article, and what was found in them so far.
#[derive(Default)]
pub struct SourceSet {
    pub files: Vec<Arc<SourceFile>>,
    /// Quote text → where it is (a cache: the answer is a function of the
    /// text and the files).
    found: Mutex<HashMap<Box<str>, Arc<Located>>>,
}

impl std::fmt::Debug for SourceSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.files.iter()).finish()
    }
}

/// How many quote texts a set remembers before it starts afresh.
const REMEMBERED: usize = 20_000;

impl SourceSet {
    pub fn new(files: Vec<Arc<SourceFile>>) -> Self {
        Self {
            files,
            found: Mutex::default(),
        }
    }

    /// Whether the article has sources at all.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Whether two sets hold the same files, read from the same contents.
    pub fn same_files(&self, other: &SourceSet) -> bool {
        self.files.len() == other.files.len()
            && self
                .files
                .iter()
                .zip(&other.files)
                .all(|(a, b)| Arc::ptr_eq(a, b))
    }

    /// Where the quote whose words are `text` is in the sources; `None` when
    /// there are none, or the quote is too short to look for.
    pub fn locate(&self, text: &str) -> Option<Arc<Located>> {
        if self.files.is_empty() {
            return None;
        }
        if let Some(hit) = self
            .found
            .lock()
            .ok()
            .and_then(|m| m.get(text).map(Arc::clone))
        {
            return Some(hit);
        }
        let located = Arc::new(self.search(text)?);
        if let Ok(mut m) = self.found.lock() {
            if m.len() >= REMEMBERED {
                m.clear();
            }
            m.insert(text.into(), Arc::clone(&located));
        }
        Some(located)
    }

    fn search(&self, text: &str) -> Option<Located> {
        let items = quote_items(text);
        let n_words = items.iter().filter(|i| matches!(i, Item::Word(..))).count();
        if n_words < MIN_WORDS {
            return None;
        }
        let gaps = items
            .iter()
            .filter(|i| matches!(i, Item::Gap { .. }))
            .count();
        // Candidate stretches: (votes, file, first word of the diagonal).
        let mut candidates: Vec<(usize, usize, i64)> = Vec::new();
        for (f, file) in self.files.iter().enumerate() {
            candidates.extend(
                diagonals(file, &items)
                    .into_iter()
                    .map(|(votes, d)| (votes, f, d)),
            );
        }
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut best: Option<(f32, u32, Located)> = None;
        for &(_, f, d) in candidates.iter().take(4) {
            let file = &self.files[f];
            let slack = 20 + 200 * gaps as i64;
            let lo = (d - slack).clamp(0, file.words.len() as i64) as usize;
            let hi = (d + n_words as i64 + slack).clamp(0, file.words.len() as i64) as usize;
            let hi = hi.min(lo + 4 * n_words + 400 * (gaps + 1));
            let keys: Vec<u64> = file.words[lo..hi].iter().map(|w| w.key).collect();
            let (cost, ops) = align::align(&items, &keys);
            let located = read_ops(&items, &ops, file, f, lo, n_words);
            let better = best
                .as_ref()
                .is_none_or(|(s, c, _)| located.score > *s || (located.score == *s && cost < *c));
            if better {
                best = Some((located.score, cost, located));
            }
            // Every word the source's, at no cost: no stretch can do better.
            if best.as_ref().is_some_and(|(s, c, _)| *s >= 1.0 && *c == 0) {
                break;
            }
        }
        Some(match best {
            Some((score, _, located)) if score >= MIN_SCORE => located,
            Some((score, _, _)) => Located::not_found(score),
            None => Located::not_found(0.0),
        })
    }
}

/// The quote's words and marked cuts, with leading and trailing cuts dropped.
fn quote_items(text: &str) -> Vec<Item> {
    let mut items = Vec::new();
    words::tokens(text, |t| match t {
        Token::Word { key, range } => items.push(Item::Word(key, range)),
        Token::Bracket(_) | Token::Ellipsis(_) => {
            let ellipsis = matches!(t, Token::Ellipsis(_));
            match items.last_mut() {
                Some(Item::Gap { ellipsis: e }) => *e |= ellipsis,
                Some(_) => items.push(Item::Gap { ellipsis }),
                None => {}
            }
        }
    });
    if matches!(items.last(), Some(Item::Gap { .. })) {
        items.pop();
    }
    items
}

/// The stretches of `file` where the quote's word pairs fall in line:
/// (votes, position of the quote's first word), best first, at most three.
fn diagonals(file: &SourceFile, items: &[Item]) -> Vec<(usize, i64)> {
    // The quote's word pairs (not across a cut), with their word ordinal.
    let mut pairs: Vec<(u32, i64)> = Vec::new();
    let mut ordinal = 0i64;
    let mut prev: Option<u64> = None;
    for item in items {
        match item {
            Item::Word(k, _) => {
                if let Some(p) = prev {
                    pairs.push((pair_key(p, *k), ordinal - 1));
                }
                prev = Some(*k);
                ordinal += 1;
            }
            Item::Gap { .. } => prev = None,
        }
    }
    // Rarest first, until enough hits.
    let mut looked: Vec<(&[(u32, u32)], i64)> = pairs
        .iter()
        .map(|(k, o)| (file.pair_hits(*k), *o))
        .collect();
    looked.sort_by_key(|(hits, _)| hits.len());
    // Each vote's diagonal (source word − quote word), kept shifted by the
    // quote's length so that it is never negative, for a radix sort.
    let shift = ordinal;
    let mut keys: Vec<u64> = Vec::new();
    for (taken, (hits, o)) in looked.iter().enumerate() {
        if hits.is_empty() {
            continue;
        }
        // Three pairs at least; past that, a thousand votes place the
        // quote (a passage said many times gives every pair many hits, and
        // sorting them all would cost more than the alignment).
        if taken >= 3 && keys.len() + hits.len() > 1024 {
            break;
        }
        keys.extend(
            hits.iter()
                .map(|(_, pos)| (i64::from(*pos) + shift - o) as u64),
        );
    }
    radix_sort(&mut keys);
    let diags: Vec<i64> = keys.iter().map(|&k| k as i64 - shift).collect();
    // Densest windows of width `span`, apart from each other: the votes of
    // the window starting at each diagonal, then the best three picked one
    // by one (most votes, then the earliest), each far from those before.
    let span = 16 + ordinal / 2;
    let mut votes: Vec<usize> = Vec::with_capacity(diags.len());
    let mut j = 0;
    for i in 0..diags.len() {
        while j < diags.len() && diags[j] < diags[i] + span {
            j += 1;
        }
        votes.push(j - i);
    }
    let mut out: Vec<(usize, i64)> = Vec::new();
    while out.len() < 3 {
        let far = |d: i64| out.iter().all(|(_, o)| (o - d).abs() > span + ordinal);
        let mut best: Option<(usize, i64)> = None;
        for (&v, &d) in votes.iter().zip(&diags) {
            // Diagonals ascend: the first of equal votes is the earliest.
            if best.is_none_or(|(bv, _)| v > bv) && far(d) {
                best = Some((v, d));
            }
        }
        match best {
            Some(b) => out.push(b),
            None => break,
        }
    }
    out
}

/// Sorts `keys` ascending: least significant digit first, 11 bits a pass,
/// as many passes as the largest key needs (thousands of votes sort in a
/// few microseconds, several times faster than by comparison).
fn radix_sort(keys: &mut Vec<u64>) {
    const BITS: u32 = 11;
    const MASK: u64 = (1 << BITS) - 1;
    let max = keys.iter().copied().max().unwrap_or(0);
    let mut other = vec![0u64; keys.len()];
    let mut shift = 0;
    while shift < 64 && max >> shift != 0 {
        let mut counts = [0usize; 1 << BITS];
        for &k in keys.iter() {
            counts[((k >> shift) & MASK) as usize] += 1;
        }
        let mut at = 0;
        for c in counts.iter_mut() {
            let n = *c;
            *c = at;
            at += n;
        }
        for &k in keys.iter() {
            let slot = &mut counts[((k >> shift) & MASK) as usize];
            other[*slot] = k;
            *slot += 1;
        }
        std::mem::swap(keys, &mut other);
        shift += BITS;
    }
}

/// What an alignment says about the quote.
fn read_ops(
    items: &[Item],
    ops: &[Op],
    file: &SourceFile,
    f: usize,
    lo: usize,
    n_words: usize,
) -> Located {
    let word = |j: usize| &file.words[lo + j];
    let quote_range = |i: usize| match &items[i] {
        Item::Word(_, r) => r.clone(),
        Item::Gap { .. } => 0..0,
    };
    let same = ops.iter().filter(|o| matches!(o, Op::Same(..))).count();
    let used: Vec<usize> = ops
        .iter()
        .filter_map(|o| match o {
            Op::Same(_, j) | Op::Replaced(_, j) => Some(*j),
            _ => None,
        })
        .collect();
    let (Some(&first), Some(&last)) = (used.first(), used.last()) else {
        return Located::not_found(0.0);
    };
    let passage = word(first).start as usize..word(last).end as usize;
    let turn = file.turns.get(word(first).turn as usize).cloned();
    // Runs of differences between matched words (a cut ends a run).
    let mut changes = Vec::new();
    let mut omissions = Vec::new();
    let mut run: Vec<&Op> = Vec::new();
    let mut before: Option<usize> = None;
    let flush = |run: &mut Vec<&Op>,
                 before: Option<usize>,
                 after: Option<usize>,
                 changes: &mut Vec<Change>,
                 omissions: &mut Vec<Change>| {
        if run.is_empty() {
            return;
        }
        let altered = run
            .iter()
            .any(|o| matches!(o, Op::Replaced(..) | Op::Added(_)));
        let mut q: Option<Range<usize>> = None;
        let mut s: Option<Range<usize>> = None;
        for o in run.iter() {
            let (qi, sj) = match o {
                Op::Replaced(i, j) => (Some(*i), Some(*j)),
                Op::Added(i) => (Some(*i), None),
                Op::Left(j) => (None, Some(*j)),
                _ => (None, None),
            };
            if let Some(i) = qi {
                let r = quote_range(i);
                q = Some(q.map_or(r.clone(), |x| x.start.min(r.start)..x.end.max(r.end)));
            }
            if let Some(j) = sj {
                let w = word(j);
                let r = w.start as usize..w.end as usize;
                s = Some(s.map_or(r.clone(), |x| x.start.min(r.start)..x.end.max(r.end)));
            }
        }
        if altered {
            changes.push(Change {
                quote: q.unwrap_or(0..0),
                source: s.unwrap_or(0..0),
            });
        } else if let Some(s) = s {
            // The words either side of the cut.
            let from = before.map_or(0, |i| quote_range(i).start);
            let to = after.map_or(from, |i| quote_range(i).end);
            omissions.push(Change {
                quote: from..to.max(from),
                source: s,
            });
        }
        run.clear();
    };
    for o in ops {
        match o {
            Op::Same(i, _) => {
                flush(&mut run, before, Some(*i), &mut changes, &mut omissions);
                before = Some(*i);
            }
            Op::Cut(..) => {
                flush(&mut run, before, None, &mut changes, &mut omissions);
                before = None;
            }
            other => run.push(other),
        }
    }
    // Words left out after the last matched word end the passage: not a cut.
    run.retain(|o| !matches!(o, Op::Left(_)));
    flush(&mut run, before, None, &mut changes, &mut omissions);
    let state = if !changes.is_empty() {
        MatchState::Altered
    } else if !omissions.is_empty() {
        MatchState::Omission
    } else {
        MatchState::Faithful
    };
    Located {
        state,
        file: Some(f),
        passage,
        turn,
        score: same as f32 / n_words.max(1) as f32,
        changes,
        omissions,
    }
}

#[cfg(test)]
mod tests;

//! A paragraph as the cue scanner reads it: words, punctuation and outer
//! quotes (whose words it skips), and the sentence each belongs to.

use std::ops::Range;

use crate::analysis::marks::QuoteSpan;
use crate::lexicon::quotes as lex;

use super::types::PRONOUNS;

#[derive(Clone, Debug)]
pub(super) enum Item {
    Word {
        range: Range<usize>,
        cap: bool,
    },
    Punct {
        at: usize,
        ch: char,
    },
    /// An outermost quote: index among outer spans.
    Quote {
        index: usize,
        range: Range<usize>,
    },
}

impl Item {
    pub(super) fn start(&self) -> usize {
        match self {
            Item::Word { range, .. } | Item::Quote { range, .. } => range.start,
            Item::Punct { at, .. } => *at,
        }
    }
    pub(super) fn end(&self) -> usize {
        match self {
            Item::Word { range, .. } | Item::Quote { range, .. } => range.end,
            Item::Punct { at, ch } => at + ch.len_utf8(),
        }
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '’' | '\'' | '-' | '.' | '‑')
}

/// Words, punctuation and outer quotes outside quotes, in order.
pub(super) fn items(text: &str, outer: &[&QuoteSpan]) -> Vec<Item> {
    // Walked by byte offset, one char decoded at a time: no table of the
    // paragraph's chars (16 bytes a char, 130 MB for an 8 MB paragraph).
    let char_at = |at: usize| text.get(at..).and_then(|t| t.chars().next());
    let mut out = Vec::new();
    let mut q = 0;
    let mut at = 0;
    while let Some(c) = char_at(at) {
        if let Some(span) = outer.get(q) {
            if at >= span.open.start {
                let end = span.end(text.len());
                out.push(Item::Quote {
                    index: q,
                    range: span.open.start..end,
                });
                q += 1;
                // The first char boundary at or past the quote's end.
                let mut next = end.max(at).min(text.len());
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                at = next;
                continue;
            }
        }
        if c.is_alphanumeric() {
            let start = at;
            let mut j = at + c.len_utf8();
            // Where the part after the last joiner starts: `said.Trump`
            // (a space lost after a full stop) is two words, `U.S.` and
            // `Breitbart.com` one.
            let mut part = start;
            while let Some(cj) = char_at(j) {
                let after = j + cj.len_utf8();
                let lost_space = cj == '.'
                    && char_at(after).is_some_and(char::is_uppercase)
                    && j - part >= 2
                    && text[part..j].chars().all(char::is_lowercase);
                if is_joiner(cj) {
                    part = after;
                }
                if cj.is_alphanumeric()
                    || (is_joiner(cj)
                        && !lost_space
                        && char_at(after).is_some_and(char::is_alphanumeric))
                {
                    j = after;
                } else {
                    break;
                }
            }
            out.push(Item::Word {
                range: start..j,
                cap: c.is_uppercase()
                    || (c.is_lowercase()
                        && crate::analysis::names::is_joined_particle(&text[start..j]))
                    // A name that opens with a digit (`4Cast`, `3M`).
                    || (c.is_ascii_digit() && text[start..j].chars().any(char::is_uppercase)),
            });
            at = j;
        } else {
            // A quoted nickname inside a name (`Cedric “Ced” Richmond`)
            // stands out of the way of the name's words.
            if let Some(end) = matches!(c, '“' | '‘' | '"')
                .then(|| crate::text::words::nickname_end(text, at))
                .flatten()
            {
                at = end;
                continue;
            }
            if !c.is_whitespace() {
                out.push(Item::Punct { at, ch: c });
            }
            at += c.len_utf8();
        }
    }
    out
}

pub(super) fn lower(text: &str, r: &Range<usize>) -> String {
    text[r.clone()].to_lowercase()
}

/// Whether a word is a possessive (`Trump’s`, `Okafor's`).
pub(super) fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

/// The bare lower-case form of a word: no possessive, no full stop.
/// Borrowed when the word is already lower case (most words of copy).
pub(super) fn bare(word: &str) -> std::borrow::Cow<'_, str> {
    fn strip(w: &str) -> &str {
        w.strip_suffix("’s")
            .or_else(|| w.strip_suffix("'s"))
            .unwrap_or(w)
            .trim_end_matches('.')
    }
    if crate::text::words::is_lower_case(word) {
        return std::borrow::Cow::Borrowed(strip(word));
    }
    let mut w = word.to_lowercase();
    let keep = strip(&w).len();
    w.truncate(keep);
    std::borrow::Cow::Owned(w)
}

/// A full stop right after an abbreviation (`Mr.`, `U.S.`, `Sen.`).
pub(super) fn is_abbrev_dot(text: &str, items: &[Item], k: usize) -> bool {
    match (&items[k], k.checked_sub(1).map(|j| &items[j])) {
        (Item::Punct { ch: '.', at }, Some(Item::Word { range, .. })) if range.end == *at => {
            let w = lower(text, range);
            lex::abbreviations().contains(&w)
                || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
        }
        _ => false,
    }
}

/// Sentence number of every item.
pub(super) fn sentences(text: &str, items: &[Item], outer: &[&QuoteSpan]) -> Vec<usize> {
    let mut ids = Vec::with_capacity(items.len());
    let mut id = 0;
    let dateline = dateline_end(text, items);
    for (k, item) in items.iter().enumerate() {
        ids.push(id);
        if dateline == Some(k) {
            id += 1;
            continue;
        }
        let next_starts = match items.get(k + 1) {
            None => false,
            Some(Item::Word { cap, .. }) => *cap,
            Some(Item::Quote { .. }) => true,
            Some(Item::Punct { ch, .. }) => matches!(ch, '(' | '[' | '“' | '"' | '‘'),
        };
        let ends = match item {
            Item::Punct { ch, at } => {
                let abbrev = matches!(ch, '.')
                    && k > 0
                    && matches!(&items[k - 1], Item::Word { range, .. } if range.end == *at && {
                        let w = lower(text, range);
                        lex::abbreviations().contains(&w)
                            || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
                    });
                matches!(ch, '.' | '?' | '!' | '…') && !abbrev && next_starts
            }
            Item::Quote { index, .. } => {
                let last = outer[*index].last_char;
                // `“…?” Klein asked.`, `“…!” US Senator Jeff Sessions said`:
                // a cue right after (past a name) keeps the sentence going.
                let next: Vec<&Item> = items[k + 1..]
                    .iter()
                    .take(12)
                    .take_while(|it| {
                        // (A hyphen too: `Rep. Glenn Thompson, R-Pa., said`.)
                        matches!(
                            it,
                            Item::Word { .. }
                                | Item::Punct {
                                    ch: '.' | ',' | '-',
                                    ..
                                }
                        )
                    })
                    .collect();
                let word = |i: usize| match next.get(i) {
                    Some(Item::Word { range, .. }) => Some(lower(text, range)),
                    _ => None,
                };
                let cue_follows = (0..next.len()).any(|i| match next[i] {
                    Item::Word { cap: false, .. } => word(i).is_some_and(|w| {
                        lex::speech_verbs().contains(&w)
                            || word(i + 1)
                                .is_some_and(|n| lex::phrasal_cues().contains(&format!("{w} {n}")))
                    }),
                    // `Murphy, the head of the PAC, Tweeted on Friday`.
                    Item::Word { cap: true, .. } => {
                        i > 0
                            && matches!(next[i - 1], Item::Punct { ch: ',', .. })
                            && word(i).is_some_and(|w| {
                                w.ends_with("ed") && lex::speech_verbs().contains(&w)
                            })
                    }
                    _ => false,
                });
                (last == Some('.') || matches!(last, Some('?' | '!')) && !cue_follows)
                    && next_starts
            }
            Item::Word { .. } => false,
        };
        if ends {
            id += 1;
        }
    }
    ids
}

/// The dash that ends a dateline opening the paragraph (`LOS ANGELES,
/// Sept. 28 (UPI) —`, `LONDON (Reuters) -`, `WASHINGTON —`): the place in
/// capitals is no one's name, and the sentence starts after the dash.
fn dateline_end(text: &str, items: &[Item]) -> Option<usize> {
    let caps = |r: &Range<usize>| {
        let w = &text[r.clone()];
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    };
    let mut place = true;
    for (k, item) in items.iter().enumerate().take(16) {
        match item {
            Item::Word { range, .. } if place && !caps(range) => return None,
            Item::Word { .. } => {}
            Item::Punct {
                ch: '—' | '–' | '-',
                ..
            } => return (k > 0).then_some(k),
            Item::Punct {
                ch: ',' | '(' | '.' | ')' | '/',
                ..
            } => place = false,
            _ => return None,
        }
    }
    None
}

/// A name word: capitalised and not a sentence-opening function word.
pub(super) fn is_name_word(text: &str, items: &[Item], k: usize) -> bool {
    match &items[k] {
        Item::Word { range, cap: true } => {
            let w = bare(&text[range.clone()]);
            let surname_he = || match items.get(k + 1) {
                Some(Item::Word { range: next, .. }) => {
                    crate::lexicon::names::he_as_surname(&text[range.clone()], &text[next.clone()])
                }
                _ => false,
            };
            !lex::not_names().contains(&w) && !PRONOUNS.iter().any(|(p, _)| *p == w) || surname_he()
        }
        _ => false,
    }
}

/// A paragraph read for cues: its text, items, and the sentence of each item
/// with each sentence's bounds, so that a sentence's start and end are found
/// at once (a paragraph of many megabytes costs no more per byte).
pub(super) struct Para<'a> {
    pub text: &'a str,
    pub items: Vec<Item>,
    pub outer: &'a [&'a QuoteSpan],
    /// The sentence of each item.
    pub sent: Vec<usize>,
    /// Each sentence's items: `start..end`.
    bounds: Vec<(usize, usize)>,
    /// The items that are quotes, in order.
    pub quotes: Vec<usize>,
    /// Every word lower-cased, one after another, and where each item's
    /// is (empty for punctuation and quotes): asked for again and again,
    /// lower-cased once.
    low: String,
    low_at: Vec<(u32, u32)>,
}

impl<'a> Para<'a> {
    pub fn new(text: &'a str, outer: &'a [&'a QuoteSpan]) -> Self {
        let items = items(text, outer);
        let sent = sentences(text, &items, outer);
        let mut bounds: Vec<(usize, usize)> = Vec::new();
        for (k, &s) in sent.iter().enumerate() {
            if s == bounds.len() {
                bounds.push((k, k + 1));
            } else if let Some(b) = bounds.get_mut(s) {
                b.1 = k + 1;
            }
        }
        let quotes = items
            .iter()
            .enumerate()
            .filter_map(|(k, it)| matches!(it, Item::Quote { .. }).then_some(k))
            .collect();
        let mut low = String::with_capacity(text.len());
        let low_at = items
            .iter()
            .map(|it| match it {
                Item::Word { range, .. } => {
                    let start = low.len();
                    let w = &text[range.clone()];
                    if w.is_ascii() {
                        low.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                    } else {
                        low.extend(w.chars().flat_map(char::to_lowercase));
                    }
                    // (Offsets past 4 GB are clamped: such a paragraph is refused long before.)
                    let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                    (at(start), at(low.len()))
                }
                _ => (0, 0),
            })
            .collect();
        Self {
            text,
            items,
            outer,
            sent,
            bounds,
            quotes,
            low,
            low_at,
        }
    }

    /// The first item of item `k`'s sentence.
    pub fn sentence_start(&self, k: usize) -> usize {
        self.bounds.get(self.sent[k]).map_or(k, |b| b.0)
    }

    /// The item after item `k`'s sentence.
    pub fn sentence_end(&self, k: usize) -> usize {
        self.bounds.get(self.sent[k]).map_or(k + 1, |b| b.1)
    }

    /// How many sentences the paragraph has.
    pub fn sentence_count(&self) -> usize {
        self.bounds.len()
    }

    /// Sentence `s`'s items.
    pub fn sentence(&self, s: usize) -> std::ops::Range<usize> {
        self.bounds.get(s).map_or(0..0, |b| b.0..b.1)
    }

    /// Whether a quote is among `items` (a binary search: a paragraph of
    /// thousands of quotes asks this once per quote).
    pub fn quote_within(&self, items: &std::ops::Range<usize>) -> bool {
        let i = self.quotes.partition_point(|&q| q < items.start);
        self.quotes.get(i).is_some_and(|&q| q < items.end)
    }

    /// Item `k` lower-cased, if it is a word.
    pub fn word(&self, k: usize) -> Option<&str> {
        match self.items.get(k) {
            Some(Item::Word { .. }) => {
                let (a, b) = self.low_at[k];
                self.low.get(a as usize..b as usize)
            }
            _ => None,
        }
    }

    /// Whether item `k` is the word `w` (lower case).
    pub fn is(&self, k: usize, w: &str) -> bool {
        match self.items.get(k) {
            Some(Item::Word { range, .. }) => self.text[range.clone()].eq_ignore_ascii_case(w),
            _ => false,
        }
    }

    /// Whether item `k` is this punctuation mark.
    pub fn punct(&self, k: usize, c: char) -> bool {
        matches!(self.items.get(k), Some(Item::Punct { ch, .. }) if *ch == c)
    }
}

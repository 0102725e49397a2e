//! Figures written with X (`£XXm`, `XX per cent`, `aged XX`, `20XX`),
//! judged by the token and the words around it.

use std::ops::Range;

use super::around::{char_at, char_before, is_inline_space, is_token_char, next_word, prev_word};
use super::kind::PlaceholderKind;
use crate::lexicon::desk;
use crate::text::words::is_capitalised;

/// A word after a bare `XX` that makes it a figure (a unit, a count noun, a month).
fn figure_next(word: &str) -> bool {
    desk::figure_next().contains(word) || is_month(word)
}

fn is_month(word: &str) -> bool {
    crate::lexicon::dates::months()
        .iter()
        .any(|m| m.eq_ignore_ascii_case(word))
}

pub(super) fn is_currency(c: char) -> bool {
    matches!(c, '£' | '$' | '€' | '¥' | '₹' | '₩' | '₽' | '₦' | '₺')
}

/// A run of X (with digits, separators, a currency sign and a unit glued
/// on) around the `XX`/`xx` at `at`.
struct Token {
    /// The letter the run is made of (`X` or `x`).
    x: u8,
    /// The placeholder: currency sign to unit.
    range: Range<usize>,
    /// Where the number (X, digits and separators) starts and ends.
    start: usize,
    num_end: usize,
    xs: usize,
    digits: usize,
    separated: bool,
    currency: bool,
    suffix: bool,
    /// The unit is `s` or `th` (`XXs`, `XXth`), which says little.
    plural_or_ordinal: bool,
}

/// The token around `at`; `None` when it is part of a word (`Exxon`, `XXL`).
fn token(text: &str, at: usize) -> Option<Token> {
    let bytes = text.as_bytes();
    let x = bytes[at];
    // The number: digits, this case of X, and `.`/`,` between them.
    let is_part = |b: u8| b == x || b.is_ascii_digit();
    let mut start = at;
    while start > 0 {
        let b = bytes[start - 1];
        let sep = (b == b'.' || b == b',') && start >= 2 && is_part(bytes[start - 2]);
        if !(is_part(b) || sep) {
            break;
        }
        start -= 1;
    }
    let mut num_end = at;
    while num_end < bytes.len() {
        let b = bytes[num_end];
        let sep = (b == b'.' || b == b',') && bytes.get(num_end + 1).is_some_and(|&n| is_part(n));
        if !(is_part(b) || sep) {
            break;
        }
        num_end += 1;
    }
    let number = &text[start..num_end];
    let (range_start, currency) = currency_before(text, start)?;
    let suffix_end = unit_after(text, num_end)?;
    let suffix = &text[num_end..suffix_end];
    Some(Token {
        x,
        range: range_start..suffix_end,
        start,
        num_end,
        xs: number.bytes().filter(|&b| b == x).count(),
        digits: number.bytes().filter(u8::is_ascii_digit).count(),
        separated: number.contains(['.', ',']),
        currency,
        suffix: !suffix.is_empty(),
        plural_or_ordinal: suffix == "s" || suffix == "th",
    })
}

/// Where a placeholder starting at `start` really starts, taking a currency
/// sign and code glued before it (`£`, `US$`), and whether there was one;
/// `None` when letters are glued before it (`Exxon`, `MXX`).
pub(super) fn currency_before(text: &str, start: usize) -> Option<(usize, bool)> {
    match char_before(text, start) {
        Some(c) if is_currency(c) => {
            let sign = start - c.len_utf8();
            // `US$`, `A$`, `HK$`.
            let code_start = text[..sign]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_ascii_uppercase())
                .last()
                .map_or(sign, |(j, _)| j);
            let glued = sign - code_start <= 3
                && char_before(text, code_start).is_none_or(|c| !is_token_char(c));
            Some((if glued { code_start } else { sign }, true))
        }
        Some(c) if is_token_char(c) => None,
        _ => Some((start, false)),
    }
}

/// The end of a unit glued on after `end` (`m`, `bn`, `%`), or `end`;
/// `None` when what is glued on is no unit (`XXL`, `xxx`-words).
pub(super) fn unit_after(text: &str, end: usize) -> Option<usize> {
    let suffix_end = text[end..]
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '%'))
        .map_or(text.len(), |(j, _)| end + j);
    let suffix = &text[end..suffix_end];
    let unit = suffix.is_empty() || desk::unit_suffixes().contains(suffix);
    (unit && !char_at(text, suffix_end).is_some_and(is_token_char)).then_some(suffix_end)
}

/// A figure written with X around the `XX`/`xx` at `at`.
pub(super) fn figure(text: &str, at: usize) -> Option<(Range<usize>, PlaceholderKind)> {
    let t = token(text, at)?;
    if t.xs < 2 && !(t.xs == 1 && (t.separated || t.currency)) {
        return None;
    }
    if t.digits > 0 && !(t.digits >= 2 || t.separated || t.currency) {
        return None; // `4xx` errors.
    }
    if t.currency || (t.suffix && !t.plural_or_ordinal) || t.digits > 0 || t.separated {
        return Some((t.range, PlaceholderKind::Figure));
    }
    if t.suffix || t.xs > 4 {
        return None; // `XXs`, `XXth` alone are too odd to judge; `XXXXX` is no figure.
    }
    bare_run(text, &t).map(|kind| (t.range, kind))
}

/// A bare run of X, judged by its neighbours.
fn bare_run(text: &str, t: &Token) -> Option<PlaceholderKind> {
    let prev = prev_word(text, t.start);
    let after_article = prev.is_some_and(|p| desk::determiners().contains(p));
    if let Some(p) = prev.filter(|_| !after_article) {
        if crate::lexicon::people::honorifics().contains(p) {
            return (t.x == b'X').then_some(PlaceholderKind::ToCome);
        }
        if desk::figure_cues_strong().contains(p) {
            return Some(PlaceholderKind::Figure);
        }
        if desk::figure_cues().contains(p) || is_month(p) {
            // `rose to XX in March`, `was XX.`; but `with XX chromosomes` is a term.
            let next = next_word(text, t.num_end);
            return next
                .is_none_or(|w| figure_next(w) || desk::linking_words().contains(w))
                .then_some(PlaceholderKind::Figure);
        }
        // `Pope Pius XX`, `Super Bowl XX`; but not `on Monday, XX centimetres`.
        let punct_between = text[..t.start]
            .trim_end_matches(is_inline_space)
            .ends_with(|c: char| !c.is_alphanumeric());
        if is_capitalised(p) && !punct_between {
            return None;
        }
    }
    match next_word(text, t.num_end) {
        Some(w) if figure_next(w) => Some(PlaceholderKind::Figure),
        // `XX centimetres`, `XX firefighters`: a count of a plural noun.
        Some(w) if !after_article && is_plural_noun(w) => Some(PlaceholderKind::Figure),
        // `the XX chromosome`, `The xx headlined`: a term or a name.
        Some(_) => None,
        None => {
            // End of a sentence or clause: `The total was XX.`
            let after = text[t.num_end..].trim_start_matches(is_inline_space);
            let ends = after.is_empty()
                || after.starts_with(['.', ',', ';', ':', ')', '!', '?', '\n', '\r', '”', '"']);
            (ends && !after_article).then_some(PlaceholderKind::Figure)
        }
    }
}

/// A lower-case word that reads as a plural noun (`centimetres`, `firefighters`).
fn is_plural_noun(w: &str) -> bool {
    w.len() >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("ous")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !desk::not_plural().contains(w)
}

//! `TK` and `TKTK`: a fact to come, also glued to a word (`TK-year-old`)
//! or written as a sum (`£TKm`).

use std::ops::Range;

use super::around::{char_at, char_before, is_token_char, next_word};
use super::figures::{currency_before, unit_after};
use super::kind::PlaceholderKind;
use crate::text::words::is_capitalised;

/// `TK`/`TKTK` at `start`.
pub(super) fn to_come(text: &str, start: usize) -> Option<(Range<usize>, PlaceholderKind)> {
    let bytes = text.as_bytes();
    let mut end = start;
    while bytes.get(end..end + 2) == Some(b"TK") {
        end += 2;
    }
    let before = char_before(text, start);
    if before.is_some_and(|c| c != '$' && super::figures::is_currency(c)) || before == Some('$') {
        return sum(text, start, end, before == Some('$'));
    }
    if before.is_some_and(|c| is_token_char(c) || "@#/.&-\\".contains(c)) {
        return None;
    }
    match char_at(text, end) {
        // `TKm`: a sum to come, as `£TKm` is.
        Some(c) if c.is_lowercase() => {
            let unit = unit_after(text, end)?;
            return Some((start..unit, PlaceholderKind::Figure));
        }
        Some(c) if is_token_char(c) => return None,
        // `TK-year-old`, `TK-page`: glued to a word in lower case.
        Some('-' | '‑') if char_at(text, end + 1).is_some_and(char::is_lowercase) => {
            return Some((start..end, PlaceholderKind::ToCome));
        }
        // A compound, domain or path: `TK-421`, `TK-Maxx`, `TK.com`, `TK/2`.
        Some('-' | '.' | '/' | '@' | '_')
            if char_at(text, end + 1).is_some_and(char::is_alphanumeric) =>
        {
            return None
        }
        _ => {}
    }
    if end - start == 2 {
        // Part of a name (`TK Maxx`, `TK Elevator`) or the taka (`TK 500`).
        if next_word(text, end)
            .is_some_and(|w| is_capitalised(w) || w.starts_with(|c: char| c.is_ascii_digit()))
            && !text[end..].starts_with(['-', '‑'])
        {
            return None;
        }
    }
    Some((start..end, PlaceholderKind::ToCome))
}

/// `£TK`, `£TKm`, `US$TKbn`: a sum to come. After a bare `$` only with a
/// unit (`$TK` alone is a share's ticker).
fn sum(
    text: &str,
    start: usize,
    end: usize,
    dollar: bool,
) -> Option<(Range<usize>, PlaceholderKind)> {
    let (from, _) = currency_before(text, start)?;
    let to = unit_after(text, end)?;
    if dollar && to == end {
        return None;
    }
    Some((from..to, PlaceholderKind::Figure))
}

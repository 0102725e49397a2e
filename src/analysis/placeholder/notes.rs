//! Bracketed notes: desk notes (`[CHECK]`, `[TBC: date]`, `[name of firm
//! TK]`) and editors' notes in double brackets.

use std::ops::Range;

use super::around::floor_boundary;
use super::kind::PlaceholderKind;
use crate::lexicon::desk;

/// Longest bracketed note judged as one (bytes).
const MAX_NOTE: usize = 400;

/// `[[…]]` from `start`: to the closing `]]`, else to the end of the line.
pub(super) fn editor_note(text: &str, start: usize) -> (Range<usize>, PlaceholderKind) {
    let rest = &text[start + 2..];
    let end = match rest.find("]]") {
        Some(i) => start + 2 + i + 2,
        None => start + 2 + rest.find(['\n', '\r']).unwrap_or(rest.len()),
    };
    (start..end, PlaceholderKind::EditorNote)
}

/// A desk note `[CHECK…]` at `start` (the `[`).
pub(super) fn desk_note(text: &str, start: usize) -> Option<(Range<usize>, PlaceholderKind)> {
    let inner_start = start + 1;
    let window_end = floor_boundary(text, (inner_start + MAX_NOTE).min(text.len()));
    let window = &text[inner_start..window_end];
    let close = window.find([']', '[', '\n', '\r']);
    let (inner, closed) = match close {
        Some(i) if window.as_bytes()[i] == b']' => (&window[..i], true),
        Some(i) => (&window[..i], false),
        None => (window, false),
    };
    let body = inner.trim_start_matches([' ', '\t']);
    let lower_head: String = body
        .chars()
        .take(12)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let keyword_len = |words: &crate::lexicon::WordList| {
        words
            .iter()
            .filter(|w| {
                lower_head.starts_with(*w)
                    && lower_head[w.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            })
            .map(|w| w.len())
            .max()
    };
    let strong = keyword_len(desk::notes_strong());
    let weak = keyword_len(desk::notes_weak());
    let kw = match (strong, weak) {
        (Some(n), _) => n,
        (None, Some(n)) => {
            let after = body[n..].trim_start();
            let alone = after.is_empty() || after.starts_with([':', '?', '-', '–', '—']);
            let capitals = !body.chars().any(char::is_lowercase);
            let next: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let to_come = desk::to_come_words().contains(&next);
            if !(alone || capitals || to_come) {
                return None;
            }
            n
        }
        (None, None) => return None,
    };
    if closed {
        let end = inner_start + inner.len() + 1;
        // `[Link](https://…)` is a Markdown link, not a note.
        if text[end..].starts_with('(') {
            return None;
        }
        Some((start..end, PlaceholderKind::DeskNote))
    } else {
        let lead = inner.len() - body.len();
        Some((start..inner_start + lead + kw, PlaceholderKind::DeskNote))
    }
}

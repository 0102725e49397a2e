//! The characters and words around a candidate placeholder, on its line.

/// The nearest character boundary at or before `i`.
pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether `c` joins letters into one token for these checks (`_` too:
/// `@TK_news` is a handle).
pub(super) fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// Space within a line (a placeholder's neighbours are on its line).
pub(super) fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The word just before `i`, across horizontal space only (a trailing `.`
/// of an abbreviation kept out).
pub(super) fn prev_word(text: &str, i: usize) -> Option<&str> {
    let before = &text[..i];
    let trimmed = before.trim_end_matches(is_inline_space);
    if trimmed.len() == before.len() {
        return None;
    }
    let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed);
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_token_char(c) || c == '-' || c == '\'' || c == '’')
        .last()
        .map(|(j, _)| j)?;
    Some(&trimmed[start..])
}

/// The word just after `i`, across horizontal space or one hyphen.
pub(super) fn next_word(text: &str, i: usize) -> Option<&str> {
    let after = &text[i..];
    let trimmed = after.trim_start_matches(is_inline_space);
    let trimmed = if trimmed.len() == after.len() {
        trimmed.strip_prefix(['-', '‑'])?
    } else {
        trimmed
    };
    let end = trimmed
        .char_indices()
        .find(|&(_, c)| !(is_token_char(c) || c == '%'))
        .map_or(trimmed.len(), |(j, _)| j);
    (end > 0).then(|| &trimmed[..end])
}

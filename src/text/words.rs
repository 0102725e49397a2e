//! Words as every scanner sees them: what joins letters into a word, what
//! separates words, apostrophes and joiners, and case folding into a
//! buffer (no allocation per word).

/// A character of a word: a letter or digit, or a combining accent (copy
/// from some systems carries `é` as `e` + U+0301).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Space between words: whitespace (NBSP included), zero-width space, BOM.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

/// An apostrophe, straight or curly (`won’t`, `Russia's`, `Hawai`ʻ`i`).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// A hyphen: the ASCII one, or Unicode's hyphen and non-breaking hyphen.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// A character that joins two word parts into one word when letters stand
/// on both sides of it (`Osei-Bonsu`, `O’Brien`).
pub fn is_inner_joiner(c: char) -> bool {
    is_hyphen(c) || is_apostrophe(c)
}

/// Whether lower-casing surely leaves `s` as it is: no capital, and no
/// other char that lower-cases to another (a title-case `ǅ`, a circled
/// `Ⓐ`). A caseless letter (`東`) is not vouched for: the caller
/// lower-cases, which changes nothing, at the cost of a copy.
pub fn is_lower_case(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii() && !c.is_ascii_uppercase() || c.is_lowercase() || !c.is_alphabetic())
}

/// `word` lower-cased into `buf`, or `None` when it does not fit (a word
/// that long is in no word list).
pub fn lower_into<'b>(word: &str, buf: &'b mut [u8; 48]) -> Option<&'b str> {
    if word.len() > buf.len() {
        return None;
    }
    let mut n = 0;
    for c in word.chars() {
        for l in c.to_lowercase() {
            let len = l.len_utf8();
            if n + len > buf.len() {
                return None;
            }
            l.encode_utf8(&mut buf[n..n + len]);
            n += len;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// The word without a possessive ending (`’s`, `'s`, or a bare apostrophe
/// after `s`: `the Smiths’`) and without a final full stop.
pub fn bare(word: &str) -> &str {
    let w = word.trim_end_matches('.');
    for end in ["’s", "'s", "ʼs", "’S", "'S"] {
        if let Some(stem) = w.strip_suffix(end) {
            return stem;
        }
    }
    match w.strip_suffix(['’', '\'']) {
        Some(stem) if stem.ends_with('s') => stem,
        _ => w,
    }
}

/// Whether a word starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether every letter of a word is a capital (and it has two or more).
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Whether a line is in title case: at least three words of four letters
/// or more, seven in ten of them capitalised (`Council Approves Budget
/// After Marathon Debate`).
pub fn is_title_case(line: &str) -> bool {
    let (mut long, mut caps) = (0, 0);
    for w in line.split(|c: char| !is_word_char(c)) {
        if w.chars().count() >= 4 && w.chars().all(char::is_alphabetic) {
            long += 1;
            if is_capitalised(w) {
                caps += 1;
            }
        }
    }
    long >= 3 && caps * 10 >= long * 7
}

/// The end of a quoted nickname whose opening mark starts at `open`: one or
/// two capitalised words in quote marks between a given name and a surname
/// (`Cedric “Ced” Richmond`, `Marcia "Cia" Price`), a part of the name, not
/// a quote. `None` when the mark at `open` opens anything else.
pub fn nickname_end(text: &str, open: usize) -> Option<usize> {
    const MAX: usize = 24;
    let mark = text.get(open..)?.chars().next()?;
    let close = match mark {
        '“' => '”',
        '‘' => '’',
        '"' => '"',
        _ => return None,
    };
    // A given name right before, one space between (or a line break, in
    // hard-wrapped copy).
    let before = text[..open]
        .strip_suffix("\r\n")
        .or_else(|| text[..open].strip_suffix([' ', '\u{a0}', '\n']))?;
    let given: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .take(MAX)
        .collect();
    let first = given.chars().last()?;
    if !first.is_uppercase() || given.chars().count() < 2 {
        return None;
    }
    // Not in a headline in title case, where every word is capitalised
    // (`Trump ‘The Dealmaker’ Could Address…`). A headline is a short
    // paragraph, read whole (however it is wrapped); a long one is not read
    // again for each of its marks. (Asked after the name before the mark:
    // most marks have none, and this reads the whole paragraph.)
    const HEADLINE: usize = 600;
    if text.len() <= HEADLINE && is_title_case(text) {
        return None;
    }
    let inner_start = open + mark.len_utf8();
    // (The closing mark is looked for near: a nickname is short.)
    let mut near = (inner_start + MAX * 4 + close.len_utf8()).min(text.len());
    while !text.is_char_boundary(near) {
        near -= 1;
    }
    let rest = &text[inner_start..near];
    let inner_len = rest.find(close)?;
    let inner = &rest[..inner_len];
    let words: Vec<&str> = inner.split(' ').collect();
    let ok = !inner.is_empty()
        && inner.chars().count() <= MAX
        && words.len() <= 2
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '’' | '\''))
        });
    if !ok {
        return None;
    }
    let end = inner_start + inner_len + close.len_utf8();
    // A surname right after, one space (or a line break) between, and then no more
    // capitalised words (`Richmond said`, `Price (D-Va.)`).
    let after = text[end..]
        .strip_prefix("\r\n")
        .or_else(|| text[end..].strip_prefix([' ', '\u{a0}', '\n']))?;
    let mut words = after.split(char::is_whitespace);
    let surname = words.next()?;
    let then = words.next().unwrap_or("");
    (surname.chars().next().is_some_and(char::is_uppercase)
        && !then.chars().next().is_some_and(char::is_uppercase))
    .then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_is_what_lower_casing_leaves_alone() {
        for w in ["minister’s", "said", "café", "u.s.", "2024"] {
            assert!(is_lower_case(w), "{w}");
        }
        // A capital, a title-case digraph, a circled capital.
        for w in ["Said", "ǅemal", "Ⓐ", "ÉLYSÉE"] {
            assert!(!is_lower_case(w), "{w}");
            assert_ne!(w.to_lowercase(), w);
        }
    }

    #[test]
    fn bare_words_and_case() {
        assert_eq!(bare("Kuleba’s"), "Kuleba");
        assert_eq!(bare("Smiths’"), "Smiths");
        assert_eq!(bare("Mr."), "Mr");
        assert_eq!(bare("Ross'"), "Ross");
        let mut buf = [0; 48];
        assert_eq!(lower_into("SÁNCHEZ", &mut buf), Some("sánchez"));
        assert!(is_title_case(
            "Council Approves Budget After Marathon Debate"
        ));
        assert!(!is_title_case(
            "The council approved the budget after a debate"
        ));
        assert!(is_all_caps("NATO") && !is_all_caps("A") && !is_all_caps("Nato"));
    }
}

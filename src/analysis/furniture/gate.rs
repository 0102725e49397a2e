//! The gate: which checks a line is worth, found without copying it. Most
//! body copy fails it at once (its first word is in no list), so the
//! regular expressions run only on lines that could be furniture.

use std::sync::LazyLock;

use aho_corasick::packed::Searcher;

/// Which checks a line is worth (bit set).
pub(super) type Groups = u16;
pub(super) const HEAD: Groups = 1;
pub(super) const CREDIT: Groups = 1 << 1;
pub(super) const ADVERT: Groups = 1 << 2;
pub(super) const COMMENT: Groups = 1 << 3;
pub(super) const SHARE: Groups = 1 << 4;
pub(super) const NEWSLETTER: Groups = 1 << 5;
pub(super) const FOLLOW: Groups = 1 << 6;
pub(super) const COPYRIGHT: Groups = 1 << 7;
pub(super) const SOURCE: Groups = 1 << 8;
pub(super) const CLICK: Groups = 1 << 9;
pub(super) const LINK_TAG: Groups = 1 << 10;
pub(super) const CONTACT: Groups = 1 << 11;
pub(super) const CHROME: Groups = 1 << 12;
/// Prompts: lines that never report speech.
pub(super) const PROMPTS: Groups =
    COMMENT | CONTACT | SHARE | NEWSLETTER | FOLLOW | COPYRIGHT | SOURCE | CLICK;

/// The group a name in `data/furniture/first_words.txt` stands for.
fn group(name: &str) -> Groups {
    match name {
        "heading" => HEAD,
        "credit" => CREDIT,
        "advert" => ADVERT,
        "comment" => COMMENT,
        "share" => SHARE,
        "newsletter" => NEWSLETTER,
        "follow" => FOLLOW,
        "copyright" => COPYRIGHT,
        "source" => SOURCE,
        "click" => CLICK,
        "link-tag" => LINK_TAG,
        "contact" => CONTACT,
        "chrome" => CHROME,
        other => {
            debug_assert!(false, "unknown group {other} in first_words.txt");
            0
        }
    }
}

/// First words that can begin a furniture line (lower case, straight `'`),
/// sorted, with the checks each calls for.
static FIRST_WORDS: LazyLock<Vec<(String, Groups)>> = LazyLock::new(|| {
    let mut out: Vec<(String, Groups)> = crate::lexicon::furniture::first_words()
        .iter()
        .filter_map(|e| {
            let mut fields = e.split_whitespace();
            let word = fields.next()?.to_lowercase();
            Some((word, fields.map(group).fold(0, |a, g| a | g)))
        })
        .collect();
    out.sort();
    out.dedup_by(|b, a| {
        let same = a.0 == b.0;
        if same {
            a.1 |= b.1;
        }
        same
    });
    out
});

/// The checks a line starting with `word` (lower case) calls for.
pub(super) fn first_word(word: &str) -> Groups {
    FIRST_WORDS
        .binary_search_by(|(k, _)| k.as_str().cmp(word))
        .map_or(0, |i| FIRST_WORDS[i].1)
}

/// Which checks a line could pass, found without copying it; 0 for most copy.
pub(super) fn gate(core: &str, phrases: Option<&Searcher>) -> Groups {
    let Some(first) = core.chars().next() else {
        return 0;
    };
    let mut groups = 0;
    if core.ends_with(']') || core.starts_with('[') {
        groups |= LINK_TAG;
    }
    if core.ends_with(')') || core.contains("Photograph:") {
        groups |= CREDIT;
    }
    match first {
        '(' => groups |= CREDIT | COPYRIGHT,
        '©' | 'ⓒ' | 'Ⓒ' => groups |= COPYRIGHT,
        '-' => groups |= ADVERT,
        c if c.is_ascii_digit() => groups |= COMMENT,
        _ => {}
    }
    if phrases.is_some_and(|p| p.find(core).is_some()) {
        groups |= CLICK | COPYRIGHT;
    }
    // The first word, lower case, in a small buffer (any script: a heading
    // may be `Материалы по теме`).
    let mut word = [0u8; 32];
    let mut n = 0;
    for c in core.chars() {
        let c = match c {
            '’' | '‘' => '\'',
            c => c,
        };
        if !(c.is_alphabetic() || c == '\'' || c == '-') {
            break;
        }
        for l in c.to_lowercase() {
            if n + l.len_utf8() > word.len() {
                return groups;
            }
            n += l.encode_utf8(&mut word[n..]).len();
        }
    }
    if let Ok(w) = std::str::from_utf8(&word[..n]) {
        groups |= first_word(w);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words_load_with_their_groups() {
        assert!(FIRST_WORDS.len() > 100);
        assert!(FIRST_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(first_word("advertisement"), ADVERT);
        assert_eq!(first_word("read"), HEAD | COMMENT | CLICK);
        assert_eq!(first_word("don't"), HEAD | NEWSLETTER);
        assert_eq!(first_word("police"), 0);
    }
}

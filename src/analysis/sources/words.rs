//! Words as a quote and its source are compared: lower case, one apostrophe,
//! no accents, British and American spellings folded
//! ([`crate::lexicon::spelling`]); punctuation, quote marks and case are
//! what editing may change, so they are not words. A square-bracketed
//! insertion (`[the minister]`) and an ellipsis (`…`, `...`) are gaps.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::lexicon::spelling;
use crate::text::words::{is_apostrophe, is_word_char};

/// One piece of a text as the matcher reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// A word, by its folded form's key, and where it is written.
    Word { key: u64, range: Range<usize> },
    /// `[the minister]`: the editor's words, standing for any few of the source's.
    Bracket(Range<usize>),
    /// `…`: words of the source left out, as the copy says.
    Ellipsis(Range<usize>),
}

/// The key of a word as compared: folded, then hashed (FNV-1a).
pub fn key(word: &str) -> u64 {
    let mut folded = String::with_capacity(word.len());
    if word.is_ascii() {
        for b in word.bytes() {
            folded.push(char::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in word.nfkd() {
            if ('\u{300}'..='\u{36f}').contains(&c) {
                continue;
            }
            if is_apostrophe(c) {
                folded.push('\'');
            } else {
                folded.extend(c.to_lowercase());
            }
        }
    }
    let folded = spelling::fold(&folded);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in folded.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The tokens of `text`, in order. A source skips its brackets (a
/// transcriber's `[inaudible]`); a quote reads them as the editor's words.
pub fn tokens(text: &str, mut each: impl FnMut(Token)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if is_word_char(c) {
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(n) = text[end..].chars().next() {
                let joins = is_apostrophe(n)
                    && text[end + n.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|a| a.is_alphabetic());
                if !(is_word_char(n) || joins) {
                    break;
                }
                end += n.len_utf8();
            }
            each(Token::Word {
                key: key(&text[start..end]),
                range: start..end,
            });
            i = end;
            continue;
        }
        if c == '[' {
            // Up to the closing bracket on the same line, within reason.
            let close = text[i..]
                .char_indices()
                .take(200)
                .take_while(|(_, x)| *x != '\n')
                .find(|(_, x)| *x == ']')
                .map(|(k, _)| i + k + 1);
            if let Some(end) = close {
                each(Token::Bracket(i..end));
                i = end;
                continue;
            }
        }
        if c == '…' {
            each(Token::Ellipsis(i..i + c.len_utf8()));
            i += c.len_utf8();
            continue;
        }
        if c == '.' {
            // `...` and `. . .`
            let mut end = i;
            let mut dots = 0;
            while end < bytes.len() && (bytes[end] == b'.' || (bytes[end] == b' ' && dots > 0)) {
                if bytes[end] == b'.' {
                    dots += 1;
                }
                end += 1;
            }
            while end > i && bytes[end - 1] == b' ' {
                end -= 1;
            }
            if dots >= 3 {
                each(Token::Ellipsis(i..end));
                i = end;
                continue;
            }
        }
        i += c.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokens(text, |t| {
            out.push(match t {
                Token::Word { range, .. } => text[range].to_string(),
                Token::Bracket(r) => format!("<{}>", &text[r]),
                Token::Ellipsis(_) => "…".to_string(),
            })
        });
        out
    }

    #[test]
    fn words_brackets_and_ellipses() {
        assert_eq!(
            shapes("We won’t… [the council] can't . . . wait... café-bar"),
            [
                "We",
                "won’t",
                "…",
                "<[the council]>",
                "can't",
                "…",
                "wait",
                "…",
                "café",
                "bar"
            ]
        );
        assert_eq!(key("Won’t"), key("won't"));
        assert_eq!(key("Café"), key("cafe"));
        assert_eq!(key("Colour"), key("color"));
        assert_ne!(key("build"), key("built"));
    }
}

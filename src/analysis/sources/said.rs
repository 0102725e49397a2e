//! The words of a paragraph's quotes, kept with its facts so that the
//! quotes can be looked for in their sources without the text (rules read
//! facts, never text). Like the pull-quote fingerprints, these are words,
//! not positions: an edit that changes only them keeps the article pass,
//! and the rules that read them redo their findings around the edit
//! (`rules::Scope::Words`).

use super::MIN_WORDS;
use crate::analysis::quotes::{QuoteFacts, QuoteKind};

/// The words of one outermost quote of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    /// Which outermost quote of the paragraph (0 for the first).
    pub quote: usize,
    /// Its words as written, between the marks.
    pub text: Box<str>,
}

/// The quotes of a paragraph worth looking for: full quotes, and partial
/// ones of at least [`MIN_WORDS`] words (not titles, not scare quotes).
pub fn scan(text: &str, quotes: &QuoteFacts) -> Vec<Said> {
    quotes
        .outer()
        .enumerate()
        .filter(|(_, s)| s.kind != QuoteKind::Title)
        .filter_map(|(k, s)| {
            let words = text.get(s.content.clone())?;
            let enough = s.kind == QuoteKind::Full
                || words.split_whitespace().take(MIN_WORDS + 1).count() > MIN_WORDS;
            enough.then(|| Said {
                quote: k,
                text: words.into(),
            })
        })
        .collect()
}

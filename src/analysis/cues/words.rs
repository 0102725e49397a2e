//! What a word can be in a speaker phrase: not a name, a source noun, an
//! organisation's head word, a role noun; and text with its spaces
//! normalised.

use super::items::bare;
use crate::lexicon::quotes as lex;

/// Whether a capitalised word cannot start a person's name (`The`, `Several`, `Monday`).
pub fn not_a_name(word: &str) -> bool {
    lex::not_names().contains(&bare(word))
}

/// Whether a noun names an anonymous source (`official`, `spokesman`, `aide`).
pub fn is_source_noun(word: &str) -> bool {
    lex::source_nouns().contains(word)
}

/// Whether a word heads an organisation's name (`Agency`, `Services`, `Post`).
pub fn is_org_word(word: &str) -> bool {
    lex::org_nouns().contains(&bare(word))
}

/// Whether a role noun heads the word (`minister`, `spokesman`).
pub fn is_role_noun(word: &str) -> bool {
    lex::role_nouns().contains(word)
}

/// Text with runs of whitespace (non-breaking spaces too) as one space.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

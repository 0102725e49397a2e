//! What a word can be in a speaker phrase: not a name, a source noun, an
//! organisation's head word, a role noun; and text with its spaces
//! normalised.

use super::items::bare;
use crate::lexicon::quotes as lex;

/// Whether a capitalised word cannot start a person's name (`The`, `Several`, `Monday`).
pub fn not_a_name(word: &str) -> bool {
    lex::not_names().contains(&bare(word))
}

/// Whether a word as written is an ordinary English word and no known name,
/// whatever its capital (`Update`, `Soon`, `Continuing`; not `Brown`,
/// `Kelly`, `Manning`): a capital that says nothing.
pub fn is_ordinary_word(written: &str) -> bool {
    crate::lexicon::english::is_english_word(&written.to_lowercase())
        && !crate::lexicon::names::is_known_surname(written)
        && crate::lexicon::names::GAZETTEER.given(written).is_none()
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

/// Whether a word is a noun for people, one or many (`people`, `a
/// source`, `officials`, `an aide`): a postmodifier may follow it (`people
/// familiar with the matter`, not `a close aide`).
pub fn is_person_noun(word: &str) -> bool {
    is_source_noun(word) || is_role_noun(word) || is_people_plural(word)
}

/// Whether a lower-case plural names people by a role or a source noun of
/// the lists (`organisers`, `researchers`, `spokesmen`, `witnesses`): a
/// group that can speak (`“…,” organisers said`).
pub fn is_people_plural(word: &str) -> bool {
    let listed = |w: &str| is_role_noun(w) || is_source_noun(w);
    if let Some(stem) = word.strip_suffix("men") {
        return listed(&format!("{stem}man"));
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return listed(&format!("{stem}y"));
    }
    word.strip_suffix('s').is_some_and(listed) || word.strip_suffix("es").is_some_and(listed)
}

/// Text with runs of whitespace (non-breaking spaces too) as one space.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

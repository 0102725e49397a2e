//! Attribution cues in one paragraph (pure): speech verbs outside quotes,
//! the speaker phrase next to each (`Mr Kuleba said`, `said the minister`,
//! `according to a senior official`), the cue that attributes each quote,
//! and the role phrases that tie a role to a name
//! (`Ukraine’s Foreign Minister Dmytro Kuleba`, `Antony Blinken, the US secretary of state,`).
//!
//! The rooms: `items` (words, punctuation and quotes of a paragraph, and its
//! sentences), `phrase` (what a run of words names: a person, a pronoun, a
//! role, a source, an organisation), `subject` (the subject before a verb),
//! `walk` (where a noun phrase starts, and whether a verb form is a noun),
//! `after` (the speaker after a verb), `find` (the cues of a paragraph),
//! `link` (which cue attributes which quote) and `roles` (roles tied to names).

mod after;
mod find;
mod items;
mod link;
mod phrase;
mod roles;
mod subject;
mod walk;

use std::ops::Range;

use super::marks::QuoteSpan;
use super::names::Gender;
use crate::lexicon::quotes as lex;

pub use roles::{name_words, role_links};

/// A pronoun used as a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
}

/// What kind of phrase names the speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhraseKind {
    Pronoun(Pronoun),
    /// A name (`Mr Kuleba`, `Dmytro Kuleba`, `Okoro`), maybe with a role.
    Named,
    /// A definite role noun (`the minister`, `Ukraine’s Foreign Minister`, `the Russian`).
    Role,
    /// An anonymous source (`a senior official`, `one diplomat`, `analysts`).
    Anonymous,
    /// An organisation (`the ministry`, `The Post`, `the White House`).
    Organisation,
    /// No subject of its own (`…, but added:`): the previous cue's speaker.
    Elided,
}

/// The phrase naming the speaker of a cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerPhrase {
    /// The whole phrase, paragraph-relative.
    pub range: Range<usize>,
    pub kind: PhraseKind,
    /// For `Named`: the name tokens (without role words).
    pub name: Option<Range<usize>>,
    /// A role attached in the phrase (`the British foreign secretary`).
    pub role: Option<Range<usize>>,
    /// Lower-case head noun for roles, sources and organisations (`minister`).
    pub head: Option<String>,
    /// Gender the phrase shows (`spokeswoman`, `one mother`, `he`).
    pub gender: Option<Gender>,
    /// The texts of `range`, `name` and `role` (spaces normalised).
    pub text: String,
    pub name_text: Option<String>,
    pub role_text: Option<String>,
}

/// A speech verb (or `according to`) outside quotes and its speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The cue words (`said`, `according to`, `went on to say`).
    pub verb: Range<usize>,
    /// The cue as written, lower-cased.
    pub word: String,
    pub speaker: Option<SpeakerPhrase>,
}

/// A cue at the end of a paragraph that can attribute the next paragraph's
/// opening quote: the index of the cue in the paragraph's cues.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trailing {
    /// `He added:`
    Colon(usize),
    /// A last sentence of reported speech (`She said the plan had failed.`).
    Reported(usize),
}

impl Trailing {
    pub fn cue(self) -> usize {
        match self {
            Trailing::Colon(c) | Trailing::Reported(c) => c,
        }
    }
}

/// A role tied to a name in the copy, paragraph-relative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleLink {
    pub name: Range<usize>,
    pub role: Range<usize>,
    pub name_text: String,
    pub role_text: String,
}

const PRONOUNS: &[(&str, Pronoun)] = &[
    ("he", Pronoun::He),
    ("she", Pronoun::She),
    ("they", Pronoun::They),
    ("it", Pronoun::It),
];

/// Whether a capitalised word cannot start a person's name (`The`, `Several`, `Monday`).
pub fn not_a_name(word: &str) -> bool {
    lex::not_names().contains(&items::bare(word))
}

/// Whether a noun names an anonymous source (`official`, `spokesman`, `aide`).
pub fn is_source_noun(word: &str) -> bool {
    lex::source_nouns().contains(word)
}

/// Whether a word heads an organisation's name (`Agency`, `Services`, `Post`).
pub fn is_org_word(word: &str) -> bool {
    lex::org_nouns().contains(&items::bare(word))
}

/// Whether a role noun heads the word (`minister`, `spokesman`).
pub fn is_role_noun(word: &str) -> bool {
    lex::role_nouns().contains(word)
}

/// Text with runs of whitespace (non-breaking spaces too) as one space.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Scans the cues of a paragraph and links each outer quote to its cue.
/// Returns the cues, the cue of each outer quote, and a trailing `…:` cue.
pub fn scan(text: &str, spans: &[QuoteSpan]) -> (Vec<Cue>, Vec<Option<usize>>, Option<Trailing>) {
    let outer: Vec<&QuoteSpan> = spans.iter().filter(|s| s.depth == 0).collect();
    let p = items::Para::new(text, &outer);
    let mut found = find::cues(&p);
    let trailing = link::trailing(&p, &found);
    let quote_cues = link::quotes(&p, &mut found);
    let (cues, _) = found.into_parts(&p);
    (cues, quote_cues, trailing)
}

#[cfg(test)]
mod tests;

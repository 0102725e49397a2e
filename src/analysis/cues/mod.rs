//! Attribution cues in one paragraph (pure): speech verbs outside quotes,
//! the speaker phrase next to each (`Mr Kuleba said`, `said the minister`,
//! `according to a senior official`), the cue that attributes each quote,
//! and the role phrases that tie a role to a name
//! (`Ukraine’s Foreign Minister Dmytro Kuleba`, `Antony Blinken, the US secretary of state,`).
//!
//! The rooms: `types` (what a cue and a speaker phrase are), `words` (what
//! a word can be), `items` (words, punctuation and quotes of a paragraph,
//! and its sentences), `phrase` (what a run of words names: a person, a pronoun, a
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
mod types;
mod walk;
mod words;

use super::marks::QuoteSpan;

pub use roles::{name_words, role_links};
pub use types::{Cue, PhraseKind, Pronoun, RoleLink, SpeakerPhrase, Trailing, SIGN_OFF};
pub use words::{is_org_word, is_role_noun, is_source_noun, normalise, not_a_name};

/// What the cue scanner reads in a paragraph: its cues, the cue of each
/// outer quote, a trailing `…:` cue, the roles tied to names
/// ([`role_links`]) and the words that may be surnames ([`name_words`]).
pub struct Read {
    pub cues: Vec<Cue>,
    pub quote_cues: Vec<Option<usize>>,
    pub trailing: Option<Trailing>,
    pub roles: Vec<RoleLink>,
    pub name_words: Vec<(usize, String)>,
    /// `He` or `she` as a sentence's subject (`He nodded to his rival.`),
    /// outside quotes: the person it refers to is the one the paragraph is
    /// about from there on.
    pub subject_pronouns: Vec<(usize, Pronoun)>,
    /// A definite role as a sentence's subject (`The minister later
    /// visited …`), outside quotes: where it stands and its words.
    pub subject_roles: Vec<(usize, String)>,
    /// A known surname alone as a sentence's subject (`Carson defied the
    /// question.`), outside quotes: where it stands and the word.
    pub subject_names: Vec<(usize, String)>,
    /// The paragraph's last sentence is its last quote with the cue that
    /// attributes it (`… “…,” said Mr Williams.`, `Mr Smith said: “…”`).
    pub ends_in_quote: bool,
}

/// Reads a paragraph for cues (each outer quote linked to its cue), roles
/// and name words, its words taken apart once for all three.
pub fn read(text: &str, spans: &[QuoteSpan]) -> Read {
    let outer: Vec<&QuoteSpan> = spans.iter().filter(|s| s.depth == 0).collect();
    let p = items::Para::new(text, &outer);
    let mut found = find::cues(&p);
    let trailing = link::trailing(&p, &found).or_else(|| link::label_line(&p, &mut found));
    let quote_cues = link::quotes(&p, &mut found);
    let (cues, at) = found.into_parts(&p);
    let ends_in_quote = link::ends_in_quote(&p, &quote_cues, &at);
    let subjects = subject::sentence_subjects(&p);
    Read {
        cues,
        quote_cues,
        trailing,
        roles: roles::role_links_in(text, &p.items),
        name_words: roles::name_words_in(text, &p.items),
        subject_pronouns: subject::subject_pronouns(&p, &subjects),
        subject_roles: subject::subject_roles(&p, &subjects),
        subject_names: subject::subject_names(&p, &subjects),
        ends_in_quote,
    }
}

#[cfg(test)]
mod tests;

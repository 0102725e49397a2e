//! What the cue pass finds: cues, the phrases naming their speakers, the
//! roles tied to names.

use std::ops::Range;

use crate::analysis::names::Gender;

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

impl SpeakerPhrase {
    /// A phrase of this kind over `range`, with nothing else known yet
    /// (name, role, head and gender filled in by the caller; the texts by
    /// `find::fill_texts`).
    pub(super) fn of(range: Range<usize>, kind: PhraseKind) -> Self {
        SpeakerPhrase {
            range,
            kind,
            name: None,
            role: None,
            head: None,
            gender: None,
            text: String::new(),
            name_text: None,
            role_text: None,
        }
    }
}

/// The cue word of a sign-off after a quote (`“…” ― Pamela Padilla`).
pub const SIGN_OFF: &str = "—";

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

pub(super) const PRONOUNS: &[(&str, Pronoun)] = &[
    ("he", Pronoun::He),
    ("she", Pronoun::She),
    ("they", Pronoun::They),
    ("it", Pronoun::It),
];

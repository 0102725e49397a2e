//! What the name pass finds: a mention of a person, and a mention's place
//! in the article.

use std::ops::Range;

use crate::lexicon::names::{Gender, Lexical, GAZETTEER};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The whole mention: pre-modifying role, honorific, name, possessive.
    pub range: Range<usize>,
    /// Just the name tokens (`Dmytro Kuleba`, `Kuleba`), no honorific or `’s`.
    pub name: Range<usize>,
    /// The name tokens as written, spaces of any kind normalised to ` `.
    pub name_text: String,
    /// `Mr`, `Dr`, `President`, `Foreign Minister`… as written, without a full stop.
    pub honorific: Option<String>,
    /// A role attached to the name: `Ukraine’s Foreign Minister`, `the US secretary of state`.
    pub role: Option<String>,
    pub gender: Option<Gender>,
    pub possessive: bool,
    /// A lone capitalised word with no honorific or role (`Kuleba said`): a
    /// person only if [`People`](super::People) matches it to a surname the article names.
    pub bare: bool,
    /// The mention starts a sentence (its capital says nothing).
    pub sentence_start: bool,
    /// The mention likely is its sentence's subject: it starts it, or only
    /// capitalised words stand before it (`Republican Christine Todd Whitman`).
    pub subject: bool,
    /// The word names no one where it stands, but is no known name or word
    /// either: it opens an organisation's name (`the Clinon Foundation`) or
    /// a role before a name (`Trummp lawyer Marc Kasowitz`). A mention only
    /// to catch a misspelt surname of someone in the article; it counts for
    /// nothing else.
    pub slip_only: bool,
    /// An article stands right before the mention (`the Bar`, `a War`):
    /// a capitalised word there may be a common noun given a capital.
    pub after_article: bool,
    /// A speech verb follows the mention (`Waver told`), `said` stands
    /// before it (`said Fran, whose …`), a role follows it in apposition
    /// (`Brown, the governor,`) or a clause only a person takes (`Bush,
    /// who …`): a person's slot, whatever the word.
    pub speaker_slot: bool,
    /// The mention is on a heading line (Markdown `#`, or a line with no
    /// terminal punctuation that is a paragraph of its own).
    pub heading: bool,
    /// Range of the honorific or title tokens (`Mr`, `Foreign Minister`).
    pub honorific_range: Option<Range<usize>>,
    /// Range of the first given name or initial, when the mention has one.
    pub given: Option<Range<usize>>,
    /// Range of the surname, particles included (`von der Leyen`, `al-Sisi`).
    pub surname_range: Range<usize>,
    /// The given name as written (first given name only).
    pub given_text: Option<String>,
    /// The surname as written, spaces normalised.
    pub surname_text: String,
    /// Folded surname ([`variants::fold`](super::variants::fold)): equal keys are the same name.
    pub surname_key: String,
    /// Folded last word of the surname (`sisi` for `al-Sisi`).
    pub core_key: String,
    /// Folded given name.
    pub given_key: Option<String>,
    /// Folded whole name (`dmytrokuleba`).
    pub name_key: String,
    /// `[sic]` follows the name: the spelling is the source's, kept on
    /// purpose, and is never a variant.
    pub sic: bool,
    /// The name stands in a roster (`Cech, Paulo Ferreira, Gallas, …`),
    /// which lists different people and keeps each as written ([`sic`]
    /// too), save a slip of the typing hand in the surname of someone the
    /// copy names in full (see `Person::is_variant`).
    ///
    /// [`sic`]: Mention::sic
    pub roster: bool,
    /// The age the copy gives right after the name (`Jane Doe, 34,`,
    /// `Peter Lyle (61)`): `the 34-year-old` later is this person.
    pub age: Option<u16>,
}

impl Mention {
    /// The surname, particles included.
    pub fn surname(&self) -> &str {
        &self.surname_text
    }

    /// Whether the mention names more than a surname.
    pub fn is_full(&self) -> bool {
        self.given.is_some()
    }

    /// What follows the given name when two words or more do (`Kilroy
    /// Silk` in `Robert Kilroy Silk`): a double-barrelled surname written
    /// with a space, or middle names and a surname.
    pub fn tail_text(&self) -> Option<&str> {
        let given = self.given_text.as_deref()?;
        let rest = self.name_text.strip_prefix(given)?.trim_start();
        (rest.len() < self.name_text.len() && rest.contains(' ')).then_some(rest)
    }

    /// The folded [`tail_text`](Self::tail_text): the surname key of the
    /// person the tail is the hyphenless surname of (`kilroysilk`).
    pub fn tail_key(&self) -> Option<&str> {
        self.tail_text()?;
        let g = self.given_key.as_deref()?;
        self.name_key.strip_prefix(g).filter(|k| !k.is_empty())
    }

    /// Whether the mention stands where only a person stands: a possessive,
    /// after an honorific, or in a speaker's slot (`Sander’s push`, `Mr.
    /// Rid`, `Waver told`), so an English word there is a name.
    pub fn in_person_slot(&self) -> bool {
        self.possessive || self.honorific.is_some() || self.speaker_slot
    }

    /// Whether the honorific is a courtesy one (`Mr`, `Dr`, `Sir`), not a title.
    pub fn has_courtesy_honorific(&self) -> bool {
        self.honorific
            .as_deref()
            .is_some_and(|h| matches!(GAZETTEER.lexical(h), Some(Lexical::Honorific(_))))
    }

    /// Whether two mentions are the same reference, offsets aside.
    pub fn same_reference(&self, other: &Mention) -> bool {
        self.same_but_slot(other)
            && self.after_article == other.after_article
            && self.speaker_slot == other.speaker_slot
    }

    /// [`Self::same_reference`] but for what stands around the name that
    /// only a bare word's typo test reads ([`Self::after_article`],
    /// [`Self::speaker_slot`]): a word typed in `said` after a name changes
    /// no grouping when the name is no bare word, or is the surname of
    /// someone the article names (see [`People::update`](super::People::update)).
    pub fn same_but_slot(&self, other: &Mention) -> bool {
        self.name_text == other.name_text
            && self.honorific == other.honorific
            && self.role == other.role
            && self.gender == other.gender
            && self.possessive == other.possessive
            && self.bare == other.bare
            && self.sentence_start == other.sentence_start
            && self.subject == other.subject
            && self.heading == other.heading
            && self.slip_only == other.slip_only
            && self.given_text == other.given_text
            && self.surname_text == other.surname_text
            // The keys grouping reads: a suffix (`Donald Trump Jr`) is in
            // the given key and in no text above.
            && self.given_key == other.given_key
            && self.surname_key == other.surname_key
            && self.core_key == other.core_key
            && self.name_key == other.name_key
            && self.sic == other.sic
            && self.roster == other.roster
    }

    /// The mention shifted by `by` bytes (paragraph-relative to absolute).
    pub fn shifted(&self, by: usize) -> Mention {
        let s = |r: &Range<usize>| r.start + by..r.end + by;
        Mention {
            range: s(&self.range),
            name: s(&self.name),
            honorific_range: self.honorific_range.as_ref().map(s),
            given: self.given.as_ref().map(s),
            surname_range: s(&self.surname_range),
            ..self.clone()
        }
    }
}

/// A mention's place in the article: paragraph index and index in its facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MentionRef {
    pub para: usize,
    pub index: usize,
}

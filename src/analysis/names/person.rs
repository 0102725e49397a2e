//! A person of the article and the story of their spelling: the canonical
//! name, the spellings seen, and whether a mention is a variant.

use super::tokens::is_given_name;
use super::types::{Mention, MentionRef};
use super::variants::{
    dropped_letter, fold, normalise_spelling, same_given, spelling_key, swapped,
};
use crate::lexicon::english::is_english_word;
use crate::lexicon::names::{is_cap_particle, Gender};

/// A person's id: their slot in [`People`]. A fresh grouping numbers
/// people in order of first mention; regrouping around an edit keeps every
/// person's slot and gives a new person a new one, so ids held elsewhere
/// (quote speakers, the attribution walk's log) stay true. Only the order
/// people are listed in ([`People::iter`]) means anything to a reader.
pub type PersonId = usize;

/// One way a name is spelled in the article, and how often.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spelling {
    pub text: String,
    pub count: usize,
}

/// A person in the article: where they are mentioned, and who they are
/// ([`PersonInfo`], read through this by `Deref`).
///
/// The mentions are numbered by paragraph, so a line break renumbers those
/// of everyone named after it; what the person is stays shared between
/// the article before the edit and after it (one reference count, not a
/// copy of every name, role and spelling).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Every mention, in article order.
    pub mentions: Vec<MentionRef>,
    /// The first mention (headline included).
    pub first_reference: MentionRef,
    /// The first full-name mention in the body (not on a heading line).
    pub first_full_reference: Option<MentionRef>,
    info: std::sync::Arc<PersonInfo>,
}

/// Who a person is: their name as it should be written, the spellings seen,
/// roles and gender.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonInfo {
    pub id: PersonId,
    /// The name to use: style book, else the spelling most used (between
    /// spellings used as often, a known name, then the first full reference).
    pub canonical: String,
    /// The canonical surname, particles included.
    pub surname: String,
    /// The canonical given name, when the article or style book gives one.
    pub given: Option<String>,
    pub roles: Vec<String>,
    /// The titles the copy gives before the name (`President`, `Foreign
    /// Minister`, `Sen`), courtesy honorifics (`Mr`, `Dr`) left out.
    pub titles: Vec<String>,
    pub gender: Option<Gender>,
    /// Surname spellings seen, in order of first use, with counts.
    pub spellings: Vec<Spelling>,
    /// Given-name spellings seen, in order of first use, with counts.
    pub given_spellings: Vec<Spelling>,
    /// The canonical spelling comes from the style book.
    pub from_style_book: bool,
    /// Another surname spelling used as often, and as complete and well
    /// known, as the canonical one: only its place made it lose, so both
    /// spellings are for the desk to check.
    pub tied_with: Option<String>,
    /// The surname is written first (`Xi Jinping`, `Ban Ki-moon`): in a full
    /// mention its first part is the surname, and the canonical name keeps
    /// that order.
    pub family_first: bool,
    /// Folded canonical surname and given name ([`fold`]).
    pub surname_key: String,
    pub given_key: Option<String>,
}

impl std::ops::Deref for Person {
    type Target = PersonInfo;
    fn deref(&self) -> &PersonInfo {
        &self.info
    }
}

/// (Written through: the info is copied only if the article before the
/// edit still shares it.)
impl std::ops::DerefMut for Person {
    fn deref_mut(&mut self) -> &mut PersonInfo {
        std::sync::Arc::make_mut(&mut self.info)
    }
}

impl Person {
    /// A person of these mentions.
    pub fn new(
        info: PersonInfo,
        mentions: Vec<MentionRef>,
        first_reference: MentionRef,
        first_full_reference: Option<MentionRef>,
    ) -> Self {
        Person {
            mentions,
            first_reference,
            first_full_reference,
            info: std::sync::Arc::new(info),
        }
    }

    /// Whether the mention spells this person's surname differently.
    /// Whether the mention's whole name is this person's compound surname
    /// (`Dr Ruiz Castillo` for Begoña Ruiz-Castillo).
    pub fn whole_name_is_surname(&self, m: &Mention) -> bool {
        m.is_full() && m.name_key == self.surname_key
    }

    /// The words after the given name when they are this person's
    /// double-barrelled surname (`Kilroy Silk` in `Robert Kilroy Silk` for
    /// Robert Kilroy-Silk).
    pub fn surname_after_given<'m>(&self, m: &'m Mention) -> Option<&'m str> {
        m.tail_text()
            .filter(|_| !self.family_first && m.tail_key() == Some(self.surname_key.as_str()))
    }

    /// Two spellings of one name differ (apostrophes, spaces and the case of
    /// a leading particle made uniform: `De Blasio` is `de Blasio`).
    fn differs(a: &str, b: &str) -> bool {
        a != b && spelling_key(a) != spelling_key(b)
    }

    /// The mention's written (surname, given name) as this person reads it:
    /// a full mention of someone whose surname comes first is read in that
    /// order.
    fn written<'m>(&self, m: &'m Mention) -> (&'m str, Option<&'m str>) {
        match (&m.given_text, self.family_first) {
            (Some(g), true) => (g.as_str(), Some(m.surname_text.as_str())),
            _ => (m.surname_text.as_str(), m.given_text.as_deref()),
        }
    }

    /// Whether the mention spells this person's surname differently.
    pub fn surname_variant(&self, m: &Mention) -> bool {
        let (surname, _) = self.written(m);
        if surname == self.surname {
            return false;
        }
        if self.whole_name_is_surname(m) {
            return Self::differs(&m.name_text, &self.surname);
        }
        if let Some(tail) = self.surname_after_given(m) {
            return Self::differs(tail, &self.surname);
        }
        // `Von der Leyen said`: a particle capitalised to start a sentence.
        if m.sentence_start && m.range.start == m.surname_range.start {
            let mut a = surname.chars();
            let mut b = self.surname.chars();
            if let (Some(x), Some(y)) = (a.next(), b.next()) {
                if x.to_lowercase().eq(y.to_lowercase())
                    && normalise_spelling(a.as_str()) == normalise_spelling(b.as_str())
                {
                    return false;
                }
            }
        }
        // `Gore` for Al Gore, `Sisi` for Abdel Fattah Al Sisi: a leading
        // particle left out is the same spelling.
        if drops_particle(surname, &self.surname) || drops_particle(&self.surname, surname) {
            return false;
        }
        // `Sir Keir` for Keir Starmer: the name used is the person's given name.
        if !m.is_full() && !self.family_first {
            if let (Some(g), Some(gk)) = (&self.given, &self.given_key) {
                if *gk == m.surname_key {
                    return Self::differs(&m.surname_text, g);
                }
            }
        }
        Self::differs(surname, &self.surname)
    }

    /// Whether the mention spells this person's given name differently
    /// (a different given name, `Joe` for `Joseph`, is not a variant, nor is
    /// an English word in a title-case run: `Endorse Trump`).
    pub fn given_variant(&self, m: &Mention) -> bool {
        if self.whole_name_is_surname(m) {
            return false;
        }
        let (Some(given), Some(canon)) = (self.written(m).1, &self.given) else {
            return false;
        };
        let word = |g: &str| is_english_word(g) && !is_given_name(g);
        Self::differs(given, canon)
            && same_given(&fold(given), &fold(canon))
            && !word(given)
            && !word(canon)
    }

    /// Whether the mention is spelled differently from the canonical name.
    pub fn is_variant(&self, m: &Mention) -> bool {
        // (A line-up's `Shaun Wright Phillips` is Shaun Wright-Phillips: the
        // given name and every word of the surname agree, only the hyphen
        // is gone.)
        let apart = |c: char| c == ' ' || crate::text::words::is_hyphen(c);
        let spaced = m.roster
            && self
                .surname_after_given(m)
                .is_some_and(|t| t.split(apart).eq(self.surname.split(apart)));
        (!m.sic || self.roster_slip(m) || spaced)
            && (self.surname_variant(m) || self.given_variant(m))
    }

    /// Whether a roster's name (kept as written: a line-up lists different
    /// people, `Horan` beside `Horgan`) swaps two letters of this person's
    /// surname (`Galals` for William Gallas), doubles one (`Kluiverrt`) or
    /// drops one (`Jaroik`), a slip of the typing hand that makes no name
    /// or word of its own (`Philips` beside Phillips is a name).
    fn roster_slip(&self, m: &Mention) -> bool {
        m.roster && self.given.is_some() && roster_slip_of(self.written(m).0, &self.surname)
    }

    /// Whether any mention may be spelled differently from the canonical
    /// name (cheap: one spelling seen, and it is the canonical one, means no).
    pub fn may_have_variants(&self) -> bool {
        let one = |sp: &[Spelling], canon: Option<&str>| match (sp, canon) {
            ([], _) => true,
            ([s], Some(c)) => s.text == c,
            _ => false,
        };
        !(one(&self.spellings, Some(&self.surname))
            && one(&self.given_spellings, self.given.as_deref()))
    }

    /// Whether the mention spells the surname the canonical way while
    /// another spelling is used as often ([`Person::tied_with`]).
    pub fn tied_mention(&self, m: &Mention) -> bool {
        self.tied_with.is_some()
            && !m.sic
            && !self.is_variant(m)
            && spelling_key(self.written(m).0) == spelling_key(&self.surname)
    }

    /// How many mentions spell the surname the canonical way.
    pub fn canonical_count(&self) -> usize {
        let c = spelling_key(&self.surname);
        self.spellings
            .iter()
            .filter(|s| spelling_key(&s.text) == c)
            .map(|s| s.count)
            .sum()
    }
}

/// Whether a roster's `written` surname swaps or doubles a letter of the
/// surname `canonical`, or drops one (not a final `s`; `canonical` five
/// letters or more), and is no known name or word of its own (`Horan` beside Horgan is a name;
/// see [`Person::is_variant`]).
pub(super) fn roster_slip_of(written: &str, canonical: &str) -> bool {
    use crate::lexicon::names::{is_known_surname, GAZETTEER};
    let (w, c) = (fold(written), fold(canonical));
    (swapped(&w, &c) || doubled(&w, &c) || (c.chars().count() >= 5 && dropped_letter(&w, &c)))
        && !is_known_surname(written)
        && GAZETTEER.given(written).is_none()
        && !is_english_word(written)
}

/// Whether `long` is `short` with one of its letters written twice
/// (`kluiverrt`, `kluivert`).
fn doubled(long: &str, short: &str) -> bool {
    let l: Vec<char> = long.chars().collect();
    l.len() == short.chars().count() + 1
        && (1..l.len()).any(|i| {
            l[i] == l[i - 1] && l[..i].iter().chain(&l[i + 1..]).copied().eq(short.chars())
        })
}

/// Whether `short` is `long` without its leading particle (`Gore`, `Al Gore`).
fn drops_particle(short: &str, long: &str) -> bool {
    long.split_once([' ', '-']).is_some_and(|(first, rest)| {
        rest == short && (is_cap_particle(first) || crate::lexicon::names::is_particle(first))
    })
}

//! Word lists for names, loaded once from `data/names/`: the gazetteer
//! (honorifics, titles, role nouns, places, demonyms, organisation words,
//! common capitalised words and given names) and the small lists of name
//! structure (particles, generational suffixes, family roles, peerages).

use std::collections::{HashMap, HashSet};

use std::sync::LazyLock;

/// Grammatical gender as the copy shows it (honorifics, given names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

crate::word_lists! {
    /// Lower-case surname particles (`de`, `van`, `al`, `bin`).
    particles = "names/particles.txt";
    /// Capitalised particles inside a name (`Al`, `Van`, `Ní`).
    cap_particles = "names/particles_cap.txt";
    /// Short prefixes joined to a name (`d’Estaing`, `ad-Darwish`).
    particle_prefixes = "names/particle_prefixes.txt";
    /// Role words that make someone a relative (`son`, `widow`).
    family = "names/family.txt";
    /// Peers' titles (`Lord`, `Baroness`).
    peerages = "names/peerages.txt";
    /// Small words inside a role (`of`, `the`, `for`).
    role_connectors = "names/role_connectors.txt";
    /// Determiners that may open a role (`the`, `his`).
    determiners = "names/determiners.txt";
    /// How a byline, credit or sign-off starts (`By`, `Reporting by`).
    credit_openers = "names/credit_openers.txt";
    /// Sentence openers before `of` that name a part (`Much of`, `Most of`).
    partitives = "names/partitives.txt";
    /// Sentence openers before `for`/`of` that join the sentence to the
    /// last (`But for`, `Instead of`).
    sentence_connectors = "names/sentence_connectors.txt";
    /// Surnames common in the United States (census), to choose between
    /// two spellings used equally often.
    surnames = "names/surnames.txt";
    /// Words right before a name given as a name (`under the name`,
    /// `nicknamed`, `dubbed`).
    alias_introducers = "names/alias_introducers.txt";
    /// Words that open a place's name (`San`, `Fort`, `Palm`).
    place_openers = "names/place_openers.txt";
    /// Long words Title Case may keep lower (`with`, `from`, `through`).
    title_case_lower = "names/title_case_lower.txt";
}

/// A known surname in any case (`Trump`, `Nguyen`).
pub fn is_known_surname(w: &str) -> bool {
    // (The census list writes `O'Connell` as `Oconnell`.)
    surnames().contains(w)
        || (w.contains(['\'', '’']) && surnames().contains(&w.replace(['\'', '’'], "")))
}

/// How many of the commonest surnames count as common: `King` (34th),
/// `Bishop` (221st), `Dean` (240th), not `Major` (1,445th) or `President`
/// (24,313th).
const COMMON_SURNAMES: usize = 1000;

/// A surname among the commonest (see [`COMMON_SURNAMES`]): a title word
/// that is one (`King`, `Bishop`) is a surname after `Mr` or a given name.
pub fn is_common_surname(w: &str) -> bool {
    static TOP: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| surnames().iter().take(COMMON_SURNAMES).collect());
    TOP.contains(w.to_lowercase().as_str())
}

/// A lower-case surname particle, as written (`de`, `al`).
pub fn is_particle(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase) && particles().contains(w)
}

/// A word a name can be made of, as written: capitalised, or a lower-case
/// particle (`Ursula`, `von`, `der`, `Leyen`).
pub fn is_name_shaped(w: &str) -> bool {
    w.starts_with(char::is_uppercase) || is_particle(w)
}

/// Whether `He` before `next` is the Chinese surname, not the pronoun (`He
/// Lifeng`, `He Jianxiong`): the next word is capitalised, lower case after
/// its first letter, and no English word (`He Said` is a headline's
/// pronoun).
pub fn he_as_surname(word: &str, next: &str) -> bool {
    let mut chars = next.chars();
    word == "He"
        && chars.next().is_some_and(char::is_uppercase)
        && next.chars().count() >= 3
        && chars.all(char::is_lowercase)
        && !crate::lexicon::english::is_english_word(&next.to_lowercase())
}

/// A capitalised particle inside a name, as written (`Al`, `Van`, `Ní`).
pub fn is_cap_particle(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && cap_particles().contains(w)
}

/// A lower-case prefix joined to a capitalised name that keeps it a name
/// (`al` of `al-Sisi`, `d` of `d’Estaing`).
pub fn is_particle_prefix(w: &str) -> bool {
    is_particle(w) || particle_prefixes().contains(w)
}

/// What a capitalised word is, when it is not (the start of) a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lexical {
    /// `Mr`, `Dr`, `Sir`: a courtesy honorific.
    Honorific(Option<Gender>),
    /// `President`, `Minister`, `Sgt`; `head` is false for modifiers (`Foreign`).
    Title { gender: Option<Gender>, head: bool },
    /// `Street`, `Party`, `Kremlin`: the sequence is an institution or thing.
    Organisation,
    /// A country, city or region.
    Place,
    /// `Ukrainian`, `Labour`.
    Demonym,
    /// `The`, `Monday`, `However`.
    Common,
}

/// FNV-1a: the gazetteer's keys are short words, looked up for every
/// capitalised word of copy; SipHash's DoS resistance buys nothing here.
#[derive(Clone, Copy, Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
pub type FastSet<K> = HashSet<K, std::hash::BuildHasherDefault<Fnv>>;

pub struct Gazetteer {
    /// Every capitalised word with what it is, honorifics first.
    words: FastMap<&'static str, Lexical>,
    honorifics: FastMap<&'static str, Option<Gender>>,
    titles: FastMap<&'static str, (Option<Gender>, bool)>,
    /// Lower-case role words: head noun or modifier.
    roles: FastMap<&'static str, bool>,
    /// Places and demonyms of one word.
    places: FastSet<&'static str>,
    demonyms: FastSet<&'static str>,
    /// Multi-word places and demonyms, words joined by one space.
    multi_places: FastSet<&'static str>,
    /// First words of multi-word places.
    multi_starts: FastSet<&'static str>,
    max_multi: usize,
    orgs: FastSet<&'static str>,
    common: FastSet<&'static str>,
    given: FastMap<&'static str, Option<Gender>>,
    /// Given names by rank in the list (commonest first).
    given_rank: FastMap<&'static str, usize>,
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn gender(code: Option<&str>) -> Option<Gender> {
    match code {
        Some("m") => Some(Gender::Male),
        Some("f") => Some(Gender::Female),
        _ => None,
    }
}

impl Gazetteer {
    fn load() -> Self {
        let mut g = Gazetteer {
            words: FastMap::default(),
            honorifics: FastMap::default(),
            titles: FastMap::default(),
            roles: FastMap::default(),
            places: FastSet::default(),
            demonyms: FastSet::default(),
            multi_places: FastSet::default(),
            multi_starts: FastSet::default(),
            max_multi: 1,
            orgs: FastSet::default(),
            common: FastSet::default(),
            given: FastMap::default(),
            given_rank: FastMap::default(),
        };
        for l in lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/names/honorifics.txt"
        ))) {
            let mut f = l.split_whitespace();
            if let Some(w) = f.next() {
                g.honorifics.insert(w, gender(f.next()));
            }
        }
        for l in lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/names/titles.txt"
        ))) {
            let mut f = l.split_whitespace();
            if let Some(w) = f.next() {
                let gd = gender(f.next());
                let head = f.next() == Some("h");
                g.titles.insert(w, (gd, head));
            }
        }
        for l in lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/names/roles.txt"
        ))) {
            let mut f = l.split_whitespace();
            if let Some(w) = f.next() {
                let head = f.next() == Some("h");
                let e = g.roles.entry(w).or_insert(head);
                *e |= head;
            }
        }
        let multi = |g: &mut Gazetteer, l: &'static str| {
            let n = l.split(' ').count();
            g.multi_places.insert(l);
            if let Some(first) = l.split(' ').next() {
                g.multi_starts.insert(first);
            }
            g.max_multi = g.max_multi.max(n);
        };
        for l in lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/names/places.txt"
        ))) {
            if l.contains(' ') {
                multi(&mut g, l);
            } else {
                g.places.insert(l);
            }
        }
        for l in lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/names/demonyms.txt"
        ))) {
            if l.contains(' ') {
                multi(&mut g, l);
            } else {
                g.demonyms.insert(l);
            }
        }
        for l in lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/names/organisation_names.txt"
        ))) {
            multi(&mut g, l);
        }
        for l in lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/names/organisations.txt"
        ))) {
            g.orgs.insert(l);
        }
        for l in lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/names/common.txt"
        ))) {
            g.common.insert(l);
        }
        for l in lines(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/names/given_names.txt"
        ))) {
            let mut f = l.split_whitespace();
            if let Some(w) = f.next() {
                g.given.insert(w, gender(f.next()));
                let rank = g.given_rank.len();
                g.given_rank.entry(w).or_insert(rank);
            }
        }
        let words: Vec<&'static str> = g
            .honorifics
            .keys()
            .chain(g.titles.keys())
            .chain(&g.orgs)
            .chain(&g.places)
            .chain(&g.demonyms)
            .chain(&g.common)
            .copied()
            .collect();
        for w in words {
            if let Some(l) = g.lookup(w) {
                g.words.insert(w, l);
            }
        }
        g
    }

    /// What a capitalised word is, honorific and title first. `None` for a
    /// word that may be a name.
    pub fn lexical(&self, w: &str) -> Option<Lexical> {
        self.words.get(w).copied()
    }

    fn lookup(&self, w: &str) -> Option<Lexical> {
        if let Some(g) = self.honorifics.get(w) {
            return Some(Lexical::Honorific(*g));
        }
        if let Some((gender, head)) = self.titles.get(w) {
            return Some(Lexical::Title {
                gender: *gender,
                head: *head,
            });
        }
        if self.orgs.contains(w) {
            return Some(Lexical::Organisation);
        }
        if self.places.contains(w) {
            return Some(Lexical::Place);
        }
        if self.demonyms.contains(w) {
            return Some(Lexical::Demonym);
        }
        if self.common.contains(w) {
            return Some(Lexical::Common);
        }
        None
    }

    /// Whether `w` starts a multi-word place, and the longest such length.
    pub fn multi_start(&self, w: &str) -> bool {
        self.multi_starts.contains(w)
    }

    pub fn max_multi(&self) -> usize {
        self.max_multi
    }

    pub fn is_multi_place(&self, joined: &str) -> bool {
        self.multi_places.contains(joined)
    }

    /// A lower-case role word: `Some(true)` for a head noun.
    pub fn role(&self, lower: &str) -> Option<bool> {
        self.roles.get(lower).copied()
    }

    /// What a word written in lower case is when capitalised (`senator`
    /// → a title, `brazilian` → a demonym): role words are kept in lower
    /// case.
    pub fn lexical_lower(&self, w: &str) -> Option<Lexical> {
        let mut c = w.chars();
        let cap: String = c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default();
        self.lexical(&cap)
    }

    /// A known given name, with the gender it usually gives.
    pub fn given(&self, w: &str) -> Option<Option<Gender>> {
        self.given.get(w).copied()
    }

    /// A known given name's rank in the list, commonest first (`Hillary`
    /// before `Hilary`).
    pub fn given_rank(&self, w: &str) -> Option<usize> {
        self.given_rank.get(w).copied()
    }
}

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let g = &*GAZETTEER;
        assert_eq!(
            g.lexical("Mr"),
            Some(Lexical::Honorific(Some(Gender::Male)))
        );
        assert_eq!(g.lexical("Ukraine"), Some(Lexical::Place));
        assert_eq!(g.lexical("Ukrainian"), Some(Lexical::Demonym));
        assert_eq!(g.lexical("Street"), Some(Lexical::Organisation));
        assert!(g.is_multi_place("South Africa"));
        assert_eq!(g.given("Theresa"), Some(Some(Gender::Female)));
        assert_eq!(g.role("minister"), Some(true));
        assert_eq!(g.lexical("Kuleba"), None);
    }

    #[test]
    fn irish_and_italian_apostrophe_surnames_are_known() {
        for w in ["O'Connell", "O’Connell", "O'Brien", "D'Angelo"] {
            assert!(is_known_surname(w), "{w}");
        }
        assert!(!is_known_surname("O'Connlel"));
    }
}

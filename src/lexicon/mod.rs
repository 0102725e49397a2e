//! Every word list copydesk uses, loaded once from `data/` (compiled into
//! the binary with `include_str!`, parsed on first use).
//!
//! A list file holds one entry per line; `#` starts a comment, blank lines
//! are skipped, and an entry may carry fields after a space or a tab (a
//! gender, a flag), which the list that reads it interprets. Entries are
//! matched case-insensitively unless the list says otherwise. Rule and
//! scanner code never carries a word list of its own: add the words here.
//!
//! Areas: [`quotes`] (speech verbs, pronouns, speaker nouns), [`furniture`]
//! (web furniture phrases and patterns), [`desk`] (desk placeholders),
//! [`dates`] (months, weekdays, time zones), [`english`] (English words),
//! [`names`] (the names gazetteer and the lists of name structure, in
//! `data/names/`) and [`people`] (honorifics, given names and role words as
//! plain lists) and [`spelling`] (British and American spellings, and
//! transcript labels, for checking quotes against their sources).

pub mod dates;
pub mod desk;
pub mod english;
pub mod furniture;
pub mod names;
pub mod people;
pub mod quotes;
pub mod spelling;

use std::collections::HashSet;

use crate::text::words::{is_lower_case, lower_into};

/// The entries of a list file: each line's text before any comment, trimmed,
/// skipping blank lines.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// FNV-1a: the lists' keys are short words, looked up for most words of
/// copy; SipHash's resistance to chosen keys buys nothing here.
#[derive(Clone, Copy, Debug, Default)]
struct Fnv(u64);

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

/// A list of words or phrases, looked up without regard to case.
///
/// Every list is read once from a file compiled into the binary and kept
/// for the life of the process, so its entries are the file's own text
/// (no allocation per entry: the English list alone has 64,000); an entry
/// with capitals is lower-cased once and kept for good.
#[derive(Debug, Default)]
pub struct WordList {
    set: HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>,
    /// The longest entry, in bytes: a longer word is not looked up.
    longest: usize,
    /// The entries in file order, lower-cased.
    ordered: Vec<&'static str>,
}

impl WordList {
    /// A list from a file's text: the first field of each entry.
    pub fn parse(data: &'static str) -> Self {
        let mut list = Self::default();
        // (Sized once: the English list has 64,000 entries.)
        let lines = data.lines().count();
        list.set.reserve(lines);
        list.ordered.reserve(lines);
        for e in entries(data) {
            list.add(e);
        }
        list
    }

    /// A list of these words.
    pub fn of(words: &[&'static str]) -> Self {
        let mut list = Self::default();
        for w in words {
            list.add(w);
        }
        list
    }

    fn add(&mut self, entry: &'static str) {
        let lower: &'static str = if is_lower_case(entry) {
            entry
        } else {
            // (Lists live as long as the process: see the type's doc.)
            Box::leak(entry.to_lowercase().into_boxed_str())
        };
        self.longest = self.longest.max(lower.len());
        if self.set.insert(lower) {
            self.ordered.push(lower);
        }
    }

    /// Whether the list holds `word`, in any case.
    pub fn contains(&self, word: &str) -> bool {
        // Lower-casing may change a word's length in bytes, but never past
        // three times (ASCII never changes).
        if word.len() > 3 * self.longest || (word.is_ascii() && word.len() > self.longest) {
            return false;
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) && word.is_ascii() {
            return self.set.contains(word);
        }
        let mut buf = [0u8; 48];
        lower_into(word, &mut buf).is_some_and(|w| self.set.contains(w))
    }

    /// The entries, lower-cased, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.ordered.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.ordered.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ordered.is_empty()
    }
}

/// Declares word lists read from `data/` files, each a function returning
/// the list, parsed once.
#[macro_export]
macro_rules! word_lists {
    ($($(#[$doc:meta])* $name:ident = $file:literal;)*) => {
        $(
            $(#[$doc])*
            pub fn $name() -> &'static $crate::lexicon::WordList {
                static LIST: std::sync::LazyLock<$crate::lexicon::WordList> =
                    std::sync::LazyLock::new(|| {
                        $crate::lexicon::WordList::parse(include_str!(concat!(
                            env!("CARGO_MANIFEST_DIR"),
                            "/data/",
                            $file
                        )))
                    });
                &LIST
            }
        )*
    };
}

/// Declares ordered lists read from `data/` files with each entry kept as
/// written (case and all): regular-expression fragments, or entries with
/// fields for the reader to split. Each is a function returning the entries
/// in file order, read once.
#[macro_export]
macro_rules! pattern_lists {
    ($($(#[$doc:meta])* $name:ident = $file:literal;)*) => {
        $(
            $(#[$doc])*
            pub fn $name() -> &'static [&'static str] {
                static LIST: std::sync::LazyLock<Vec<&'static str>> =
                    std::sync::LazyLock::new(|| {
                        $crate::lexicon::entries(include_str!(concat!(
                            env!("CARGO_MANIFEST_DIR"),
                            "/data/",
                            $file
                        )))
                        .collect()
                    });
                &LIST
            }
        )*
    };
}

/// The entries of a pattern list joined as one regular-expression
/// alternation (each entry a fragment, in file order).
pub fn alternation(entries: &[&str]) -> String {
    entries.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_ignore_case_and_comments() {
        let list = WordList::parse("# speech verbs\nsaid\nTold  # past\n\nsays\n");
        assert_eq!(list.len(), 3);
        assert!(list.contains("said") && list.contains("TOLD") && list.contains("Says"));
        assert!(!list.contains("say"));
        assert_eq!(
            list.iter().collect::<Vec<_>>(),
            vec!["said", "told", "says"]
        );
    }

    #[test]
    fn every_list_loads() {
        use furniture as f;
        for list in [
            quotes::speech_verbs(),
            quotes::possessives(),
            quotes::articles(),
            quotes::role_stops(),
            quotes::listener_verbs(),
            quotes::participle_openers(),
            quotes::name_prefixes(),
            quotes::subordinators(),
            quotes::numbers(),
            f::share_networks(),
            f::agencies(),
            f::credit_words(),
            f::desk_tags(),
            f::link_tags(),
            f::trailing_words(),
            f::newsletter_words(),
            f::speech_cues(),
            f::copyright_owners(),
            desk::notes_strong(),
            desk::notes_weak(),
            desk::to_come_words(),
            desk::unit_suffixes(),
            desk::figure_next(),
            desk::figure_cues_strong(),
            desk::figure_cues(),
            desk::linking_words(),
            desk::determiners(),
            desk::not_plural(),
            people::honorifics(),
            names::particles(),
            names::cap_particles(),
            names::family(),
            names::peerages(),
            names::partitives(),
        ] {
            assert!(!list.is_empty());
        }
        for patterns in [
            f::first_words(),
            f::headings(),
            f::headings_weak(),
            f::comment_patterns(),
            f::comment_labels(),
            f::contact_patterns(),
            f::share_patterns(),
            f::newsletter_patterns(),
            f::social_networks(),
            f::advert_patterns(),
            f::credit_labels(),
            f::credit_tail_patterns(),
            f::tlds(),
            f::chrome_patterns(),
            f::follow_verbs(),
            f::here_verbs(),
            dates::months(),
            dates::weekdays(),
            dates::timezones(),
        ] {
            assert!(!patterns.is_empty());
            // Pattern entries are regex fragments: each compiles on its own.
            for p in patterns {
                assert!(regex::Regex::new(p).is_ok(), "{p}");
            }
        }
        assert!(people::honorifics().contains("Mr") && people::honorifics().contains("dr"));
        assert!(people::role_words().contains("correspondent"));
    }
}

//! Joining spellings that are a likely typo of each other: distinct
//! surnames merged into the commoner (or the style book's) one, and bare
//! words that are a known surname, or a typo of one, made mentions.

use std::collections::HashMap;

use super::group::{compatible, Builder};
use super::person::PersonId;
use super::style::StyleEntry;
use super::types::{Mention, MentionRef};
use super::variants::{
    dropped_letter, dropped_s, given_fits, is_known_given, near_spelling, plausible_typo,
    same_given, swapped,
};
use crate::lexicon::english::is_english_word;
use crate::lexicon::names::{is_common_surname, is_known_surname, FastMap, GAZETTEER};

impl Builder {
    /// Merges people whose distinct surnames are likely typos of each other.
    pub(super) fn merge_typos(&mut self, style: &[StyleEntry]) {
        let mut keys: Vec<String> = self.by_key.keys().cloned().collect();
        keys.sort();
        let mut buckets: HashMap<char, Vec<String>> = HashMap::new();
        for k in keys {
            if let Some(c) = k.chars().next() {
                buckets.entry(c).or_default().push(k);
            }
        }
        let mut initials: Vec<char> = buckets.keys().copied().collect();
        initials.sort_unstable();
        let in_style = |k: &str| style.iter().any(|e| e.surname_key == k);
        for c in initials {
            let bucket = &buckets[&c];
            for (x, a) in bucket.iter().enumerate() {
                for b in &bucket[x + 1..] {
                    if !near_spelling(a, b) {
                        continue;
                    }
                    let (ca, cb) = (self.key_count(a), self.key_count(b));
                    // The suspect is the spelling used less; used as often,
                    // either may be.
                    let typo = match ca.cmp(&cb) {
                        std::cmp::Ordering::Less => plausible_typo(a, b),
                        std::cmp::Ordering::Greater => plausible_typo(b, a),
                        std::cmp::Ordering::Equal => plausible_typo(a, b) || plausible_typo(b, a),
                    } || (s_dropped_once(a, ca, b, cb) && self.has_known_given(a))
                        || (s_dropped_once(b, cb, a, ca) && self.has_known_given(b))
                        || self.titled_s_dropped(a, ca, b, cb)
                        || self.titled_s_dropped(b, cb, a, ca)
                        || self.named_once_beside(a, ca, b, cb)
                        || self.named_once_beside(b, cb, a, ca);
                    if !typo {
                        continue;
                    }
                    // The style book's spelling wins, then a spelling the
                    // article introduces with a given name, then the commoner.
                    let a_wins = match (in_style(a), in_style(b)) {
                        (true, false) => true,
                        (false, true) => false,
                        _ => match (self.has_given(a), self.has_given(b)) {
                            (true, false) => true,
                            (false, true) => false,
                            _ => ca > cb || (ca == cb && self.first_of(a) < self.first_of(b)),
                        },
                    };
                    let (win, lose) = if a_wins { (a, b) } else { (b, a) };
                    self.merge_key(win, lose);
                }
            }
        }
    }

    /// Whether someone spelled `key` is named with a known given name
    /// (`Bernie Sander`, not `Girl Scout` or `Baby Boomer`).
    fn has_known_given(&self, key: &str) -> bool {
        self.by_key.get(key).is_some_and(|ids| {
            ids.iter().any(|&i| {
                self.drafts[self.root(i)]
                    .given_key
                    .as_deref()
                    .is_some_and(is_known_given)
            })
        })
    }

    /// Whether `suspect`, named once, and with a name's own marks (an
    /// honorific or title, or the given name of someone spelled `target`),
    /// is `target`, named at least twice, misspelt by one edit: `Mr. Rid`
    /// beside two `Mr. Reid`s, `Jeb Bus` beside `Jeb Bush`. One mention with
    /// a name's marks is a person, whatever the word (`Rid`, `Bus`, or `Kha`,
    /// a surname elsewhere); the article names nobody else so, and copy
    /// introduces a new person in full, not by an honorific alone.
    fn named_once_beside(&self, suspect: &str, cs: usize, target: &str, ct: usize) -> bool {
        // (The target's bare mentions count: `Paul Ran` beside `Paul Ryan`
        // and two `Ryan said`s.)
        let ct = self.written(target).max(ct);
        if cs != 1 || ct == 0 || dropped_s(suspect, target) || dropped_s(target, suspect) {
            return false;
        }
        // Once each: one a full name, the other an honorific or title alone
        // (`David Kami`, later `Mr. Kamin`), since the article introduces
        // everyone it calls `Mr.` (which is the typo the canonical spelling
        // decides, or says it cannot).
        if ct == 1 && self.has_given(suspect) == self.has_given(target) {
            return false;
        }
        let Some(ids) = self.by_key.get(suspect) else {
            return false;
        };
        let givens: Vec<&str> = self.by_key.get(target).map_or(Vec::new(), |t| {
            t.iter()
                .filter_map(|&i| self.drafts[self.root(i)].given_key.as_deref())
                .collect()
        });
        ids.iter()
            .all(|&i| match &self.drafts[self.root(i)].given_key {
                // `David Kami` beside two `Mr. Kamin`s: the full name the
                // honorifics were short for.
                Some(g) => givens.is_empty() || givens.iter().any(|t| same_given(t, g)),
                None => true,
            })
    }

    /// Whether `short`, written once with an honorific or title alone
    /// (`Mr Myer`), is `long` with its final `s` dropped, `long` being
    /// someone named in full and written twice or more (Robert Stearns,
    /// Mr Stearns): a person called `Mr` is one the article introduced.
    /// Not a given name (`Mr Edward` beside the Edwardses may be another
    /// man).
    fn titled_s_dropped(&self, short: &str, cs: usize, long: &str, cl: usize) -> bool {
        cs == 1
            && cl >= 2
            && dropped_s(short, long)
            && !self.has_given(short)
            && self.has_given(long)
            && !is_known_given(short)
    }

    fn has_given(&self, key: &str) -> bool {
        self.by_key.get(key).is_some_and(|ids| {
            ids.iter()
                .any(|&i| self.drafts[self.root(i)].given_key.is_some())
        })
    }

    fn first_of(&self, key: &str) -> Option<MentionRef> {
        self.by_key
            .get(key)
            .and_then(|ids| {
                ids.iter()
                    .filter_map(|&i| self.drafts[i].mentions.first())
                    .min()
            })
            .copied()
    }

    fn merge_key(&mut self, win: &str, lose: &str) {
        let winners: Vec<PersonId> = self.by_key.get(win).cloned().unwrap_or_default();
        let losers: Vec<PersonId> = self.by_key.get(lose).cloned().unwrap_or_default();
        // A spelling that comes with its own given name, not one of the
        // other spelling's, is another person's name (Mark Johnson, Jane
        // Johnston): none of its people merge.
        let givens = |ids: &[PersonId]| -> Vec<String> {
            ids.iter()
                .filter_map(|&i| self.drafts[self.root(i)].given_key.clone())
                .collect()
        };
        let (wg, lg) = (givens(&winners), givens(&losers));
        if lg.iter().any(|l| !wg.iter().any(|w| given_fits(w, l))) {
            // The winner was picked for its given name: the family's
            // spelling is the one written more, bare surnames counted.
            if self.written(win) >= self.written(lose) {
                self.family_spelling(win, lose, &winners, &losers);
            } else {
                self.family_spelling(lose, win, &losers, &winners);
            }
            return;
        }
        for q in losers {
            let q = self.root(q);
            let (qg, qgen) = (self.drafts[q].given_key.clone(), self.drafts[q].gender);
            let target = winners
                .iter()
                .map(|&p| self.root(p))
                .filter(|&p| p != q && compatible(self.drafts[p].gender, qgen))
                .filter(|&p| match (&self.drafts[p].given_key, &qg) {
                    (Some(a), Some(b)) => given_fits(a, b),
                    _ => true,
                })
                .max_by_key(|&p| (self.drafts[p].mentions.len(), std::cmp::Reverse(p)));
            if let Some(p) = target {
                self.union(q, p);
            }
        }
    }
    /// People spelled `lose` who have their own given names stay apart from
    /// those spelled `win`, but when `lose` is no name of its own and `win`
    /// is written more often (`Hillary Clinto` beside `Bill Clinton` and
    /// `Clinton said`), `lose` is their relatives' surname misspelt.
    fn family_spelling(
        &mut self,
        win: &str,
        lose: &str,
        winners: &[PersonId],
        losers: &[PersonId],
    ) {
        if is_own_name(lose) || self.written(win) <= self.written(lose) {
            return;
        }
        let Some(written) = winners
            .iter()
            .map(|&p| self.root(p))
            .max_by_key(|&p| (self.drafts[p].mentions.len(), std::cmp::Reverse(p)))
            .map(|p| self.drafts[p].surname_text.clone())
        else {
            return;
        };
        for &q in losers {
            let q = self.root(q);
            self.drafts[q].family_spelling = Some(written.clone());
        }
    }

    /// How often a surname is written: in names (`Hillary Clinton`) and
    /// bare (`Clinton said`).
    fn written(&self, key: &str) -> usize {
        self.key_count(key) + self.bare_counts.get(key).copied().unwrap_or(0)
    }

    /// Whether the people spelled `key` include someone the article names
    /// in full or more than once: a spelling a bare word may be a typo of.
    fn is_someone(&self, key: &str) -> bool {
        self.has_given(key) || self.key_count(key) >= 2
    }

    /// Whether the bare word `m` (folded `key`, written `n` times) and the
    /// surname `k` near it (also written bare `k_bare` times) are one name:
    /// the bare word a misspelling of a surname used at least as often, or the surname (a full reference,
    /// `Donald Truump`) a misspelling of the bare word (`Trump said`).
    fn typo_between(&self, m: &Mention, key: &str, n: usize, k: &str, k_bare: usize) -> bool {
        (may_be_typo(m) && self.key_count(k) + k_bare >= n.max(1) && plausible_typo(key, k))
            || (once_mid_sentence(m, n)
                && self.key_count(k) + k_bare >= 2
                && !dropped_s(key, k)
                && !dropped_s(k, key))
            || ((name_like(m, n) || known_surname(m) || m.speaker_slot)
                && !is_own_name(k)
                && plausible_typo(k, key))
            || (name_like(m, n)
                && s_dropped_once(k, self.key_count(k) + k_bare, key, n)
                && self.has_known_given(k))
            || self.named_once_then_bare(m, key, n, k, k_bare)
            // (Where a person stands, the one full name is enough: `Wool’s
            // letter` after one `Jenny Woolf`.)
            || (english_slip(m, n)
                && (self.key_count(k) + k_bare >= 2
                    || (m.in_person_slot() && self.has_given(k)))
                && dropped_letter(key, k))
            || self.person_slot_slip(m, key, n, k)
            || self.common_over_rare(m, key, n, k, k_bare)
            || self.bare_dropped_s(m, key, n, k, k_bare)
    }

    /// Whether a bare word written once is the surname of someone named in
    /// full and written three times or more, its final `s` dropped
    /// (`Reynold’s push` among Sen. Dana Reynolds and her `Reynolds`es). A
    /// word of English (`sander`) only where a person stands: a possessive,
    /// after an honorific or in a speaker's slot (`Sander’s push`, not `a
    /// five-time Globe winner` among the `Golden Globes`). Never on a
    /// heading.
    fn bare_dropped_s(&self, m: &Mention, key: &str, n: usize, k: &str, k_bare: usize) -> bool {
        !m.heading
            && (m.in_person_slot() || !is_english_word(&m.surname_text))
            && s_dropped_once(key, n, k, self.key_count(k) + k_bare)
            && self.has_given(k)
    }

    /// Whether someone named once in full by a rare surname (`Jim Doyel`)
    /// and never again so is the bare word written twice or more one edit
    /// away that is one of the commonest surnames (`Doyle said`), though the
    /// bare word is a given name too and the rare one a surname of its own:
    /// copy calls the person it introduced by surname, and of two such
    /// spellings the rare one is the slip.
    fn common_over_rare(&self, m: &Mention, key: &str, n: usize, k: &str, k_bare: usize) -> bool {
        n >= 2
            && k_bare == 0
            && self.key_count(k) == 1
            && self.has_given(k)
            && !m.heading
            && is_common_surname(&m.surname_text)
            && !is_common_surname(k)
            && !dropped_s(key, k)
            && !dropped_s(k, key)
    }

    /// Whether a bare word written once in a person's slot, a speaker's
    /// (`Waver told`, `Tobia said`, `Ried said` after one `Harry M. Reid`,
    /// `Kun, Alvarez's attorney`, `Low, who faces …`), a possessive
    /// (`Wal's proposal`) or after an honorific, is the surname of someone
    /// the article names in full, one edit away: copy introduces a new
    /// person in full, so a person called by a surname no one in the
    /// article has is someone it has, misspelt, even when the word is a
    /// surname or an English word of its own, and however seldom the right
    /// spelling is written (the one full name is enough). Not a given name
    /// (`Paula said` beside Rand Paul may be Paula Reyes, called by her
    /// given name; `Dan, a volunteer` beside Howard Dean may be a Dan)
    /// unless two of the surname's letters are swapped (`Mari's ruling`
    /// beside Judge Anne Mair), the slip of a typing hand; nor the family
    /// (`The Khans said` beside Nadia Khan); four letters or more, or three
    /// with a letter of the surname dropped (`Moo told CBS` beside Robby
    /// Mook).
    /// (Whether someone in the article has the given name is not asked: the
    /// grouping of a name's family must not read other families'.)
    fn person_slot_slip(&self, m: &Mention, key: &str, n: usize, k: &str) -> bool {
        n == 1
            && m.in_person_slot()
            && !m.heading
            && (key.chars().count() >= 4 || dropped_letter(key, k))
            && !m.after_article
            && (key.strip_suffix('s') != Some(k) || speaks_as_one(m))
            && self.has_given(k)
            && (GAZETTEER.given(&m.surname_text).is_none() || swapped(key, k))
    }

    /// Whether someone named once, in full (`Tim Kane`, `Mitch McConnel`),
    /// and never again by that surname, is the bare word written at least
    /// twice one edit away (`Kaine`, `McConnell`), though both spellings are
    /// surnames: copy introduces a person in full and then calls them by
    /// surname, so the bare word with no full name of its own is that
    /// person, and one of the two spellings is a typo.
    fn named_once_then_bare(
        &self,
        m: &Mention,
        key: &str,
        n: usize,
        k: &str,
        k_bare: usize,
    ) -> bool {
        n >= 2
            && k_bare == 0
            && self.key_count(k) == 1
            && self.has_given(k)
            && key.chars().count() >= 4
            && !m.heading
            // (A word of English only where a person stands: `said Poll`,
            // `Poll added` after one `Referee Graham Pol`.)
            && (!is_english_word(&m.surname_text) || m.in_person_slot())
            && GAZETTEER.given(&m.surname_text).is_none()
            && ((!dropped_s(key, k) && !dropped_s(k, key)) || speaks_as_one(m))
    }

    /// Bare capitalised words that are a known surname become mentions.
    pub(super) fn resolve_bare(&mut self, bare: &[(MentionRef, &Mention)]) {
        let mut bare_count: FastMap<&str, usize> = FastMap::default();
        for (_, m) in bare.iter().filter(|(_, m)| !m.slip_only) {
            *bare_count.entry(m.surname_key.as_str()).or_default() += 1;
        }
        // Known surnames by first letter: the typo test only compares within one.
        let mut buckets: HashMap<char, Vec<&str>> = HashMap::new();
        for k in self.by_key.keys() {
            if let Some(c) = k.chars().next() {
                buckets.entry(c).or_default().push(k.as_str());
            }
        }
        for b in buckets.values_mut() {
            b.sort_unstable();
        }
        // What a bare spelling is a typo of, by spelling and by what the
        // test reads of the mention (`Poll explains` on the headline is no
        // person's slot; `said Poll` is).
        let mut typo_of: FastMap<(&str, &str, u8), Option<&str>> = FastMap::default();
        let mut assigned: Vec<(PersonId, MentionRef)> = Vec::new();
        for &(r, m) in bare {
            let key = m.surname_key.as_str();
            if m.slip_only {
                // Only a misspelling of the surname of someone named in
                // full (once is enough: `According to Yahoo News, Clniton
                // spokesman Jesse Lehrich` after one `Hillary Clinton`).
                let target = closest(&buckets, key, |k| {
                    k != key && self.has_given(k) && plausible_typo(key, k)
                });
                if let Some(c) = target
                    .and_then(|k| self.by_key.get(k))
                    .and_then(|c| self.pick(c, None, r))
                {
                    assigned.push((c, r));
                }
                continue;
            }
            let mut cands = self.by_key.get(key).or_else(|| self.by_core.get(key));
            if cands.is_none()
                && (may_be_typo(m)
                    || name_like(m, bare_count[key])
                    || known_surname(m)
                    || english_slip(m, bare_count[key])
                    || m.speaker_slot
                    // (`Session’s endorsement`, opening its sentence,
                    // beside six `Sessions`.)
                    || m.possessive)
            {
                let slot = (key, m.surname_text.as_str(), slot_flags(m));
                let target = *typo_of.entry(slot).or_insert_with(|| {
                    let n = bare_count.get(key).copied().unwrap_or(0);
                    closest(&buckets, key, |k| {
                        near_spelling(k, key)
                            && self.is_someone(k)
                            && self.typo_between(
                                m,
                                key,
                                n,
                                k,
                                bare_count.get(k).copied().unwrap_or(0),
                            )
                    })
                });
                cands = target.and_then(|k| self.by_key.get(k));
            }
            if let Some(c) = cands.and_then(|c| self.pick(c, None, r)) {
                assigned.push((c, r));
                // A surname alone keeps meaning the one it last meant
                // (`Cruz` stays Ted Cruz after `Rafael Cruz` is named).
                let short = &mut self.drafts[c].short;
                let at = short.partition_point(|&x| x < r);
                short.insert(at, r);
            }
        }
        for (c, r) in assigned {
            self.drafts[c].mentions.push(r);
        }
        for d in &mut self.drafts {
            d.mentions.sort_unstable();
        }
    }
}

/// Whether a bare word ending in `s` stands where one person stands: as
/// a speaker (`Stubbs said`) or after an honorific (`Mr Pelous`), not
/// after an article or as a possessive (`the Khans said`, `the Hendersons’
/// firm` beside Nadia Khan and Ruth Henderson are their families). There a
/// final `s` that a surname named in full lacks (`Gareth Stubb`) makes one
/// of the two spellings a slip.
fn speaks_as_one(m: &Mention) -> bool {
    !m.after_article && !m.possessive && (m.speaker_slot || m.honorific.is_some())
}

/// What [`Builder::typo_between`] reads of a bare mention besides its
/// spelling, as bits.
fn slot_flags(m: &Mention) -> u8 {
    [
        m.heading,
        m.sentence_start,
        m.speaker_slot,
        m.possessive,
        m.honorific.is_some(),
        m.after_article,
    ]
    .iter()
    .enumerate()
    .fold(0, |acc, (i, &b)| acc | (u8::from(b) << i))
}

/// Of the surnames with `key`'s first letter that `keep` keeps, the one
/// closest to it (Jaro-Winkler; the first in order between equals).
fn closest<'k>(
    buckets: &HashMap<char, Vec<&'k str>>,
    key: &str,
    keep: impl Fn(&str) -> bool,
) -> Option<&'k str> {
    key.chars()
        .next()
        .and_then(|c| buckets.get(&c))
        .into_iter()
        .flatten()
        .copied()
        .filter(|k| keep(k))
        .max_by(|a, b| {
            strsim::jaro_winkler(a, key)
                .total_cmp(&strsim::jaro_winkler(b, key))
                .then_with(|| b.cmp(a))
        })
}

/// Whether the surname `short`, written once, is `long` (written three
/// times or more) with its final `s` dropped (`Bernie Sander` among ten
/// `Sanders`): a typo. Not the other way round (`the Johnstons` is the
/// family of the Johnston named thrice). An English word may be one
/// (`Sander`, `Wood` for Woods).
fn s_dropped_once(short: &str, short_n: usize, long: &str, long_n: usize) -> bool {
    short_n == 1 && long_n >= 3 && dropped_s(short, long)
}

/// Whether a bare word written once, one edit from a surname the article
/// uses twice or more ([`near_spelling`], checked by the caller), is
/// that surname misspelt even though the word is a surname of its own
/// somewhere (`Chon wrote` beside `Nate Cohn` and two `Cohn`s): copy names a
/// new person in full before calling them by surname alone. Not an English
/// word (`the Bus campaign`) or a given name (people are called by their
/// given names too); at a sentence start, four letters or more (`Ried
/// said`).
fn once_mid_sentence(m: &Mention, n: usize) -> bool {
    n == 1
        && (!m.sentence_start || m.surname_key.chars().count() >= 4)
        && !m.heading
        && m.surname_key.chars().count() >= 3
        && GAZETTEER.given(&m.surname_text).is_none()
        && !is_english_word(&m.surname_text)
}

/// Whether a bare English word, written once with a capital mid-sentence
/// and on no heading (`Along with Bus and Powell`, `Pol's victory`), may be
/// a surname with a letter dropped: a word copy capitalises alone, with no
/// capitalised word beside it, is a name. Not after an article, where copy
/// capitalises common nouns too (`called to the Bar`, `after the War`).
/// The caller asks for a surname the article writes twice or more, one
/// letter longer ([`dropped_letter`]).
fn english_slip(m: &Mention, n: usize) -> bool {
    n == 1
        && !m.sentence_start
        && !m.heading
        && !m.after_article
        && m.surname_key.chars().count() >= 3
        && m.surname_text.chars().skip(1).all(char::is_lowercase)
        && is_english_word(&m.surname_text)
        && GAZETTEER.given(&m.surname_text).is_none()
}

/// Whether a bare word, written `n` times, reads as a name another
/// spelling may be a typo of: three letters or more, and either no given
/// name or English word, or a known surname or given name written more
/// than once or mid-sentence (`Trump`, `Graham`; not a sentence's first
/// word).
fn name_like(m: &Mention, n: usize) -> bool {
    let w = &m.surname_text;
    if m.surname_key.chars().count() < 3 {
        return false;
    }
    let given = GAZETTEER.given(w).is_some();
    let english = is_english_word(w);
    if !given && !english {
        return true;
    }
    let known = is_known_surname(w) || given;
    known && (n >= 2 || !m.sentence_start)
}

/// Whether a bare word is a known surname of four letters or more, even
/// one that is a given name too and opens its sentence (`Clinton plans …`):
/// a spelling the surname of someone named in full may be a typo of, when
/// that surname is no name of its own (`Hillary Clintton`).
fn known_surname(m: &Mention) -> bool {
    !m.heading
        && m.surname_key.chars().count() >= 4
        && is_known_surname(&m.surname_text)
        && !is_english_word(&m.surname_text)
}

/// Whether a folded spelling is a name of its own: a known surname or
/// given name (`Carson` is no typo of `Carlson`).
fn is_own_name(key: &str) -> bool {
    let mut c = key.chars();
    let Some(first) = c.next() else {
        return false;
    };
    let cap: String = first.to_uppercase().chain(c).collect();
    is_known_surname(&cap) || GAZETTEER.given(&cap).is_some()
}

/// Whether a bare word (not a known surname) may be a misspelling of one:
/// three letters or more, and no given name or English word (`Woman`,
/// `These`); at a sentence start, where any word has a capital, five or
/// more unless it is no known name either (`Crzu said`).
fn may_be_typo(m: &Mention) -> bool {
    let n = m.surname_key.chars().count();
    n >= 3
        && (!m.sentence_start || n >= 5 || !is_own_name(&m.surname_key))
        && GAZETTEER.given(&m.surname_text).is_none()
        && !is_english_word(&m.surname_text)
}

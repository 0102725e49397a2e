//! The article pass over name mentions: groups them into people, resolves
//! bare surnames (`Kuleba said`) and finds each person's canonical spelling.
//!
//! Linear-ish in mentions: mentions are hashed by folded surname; the typo
//! test runs pairwise only between distinct folded surnames with the same
//! first letter, which are few.
//!
//! Rules, in order:
//! 1. A full name (`Joe Biden`) joins the person with the same folded surname
//!    and given name (or a near spelling of a long given name), else a person
//!    so far known by surname only, else starts a new person: `Joe Biden` and
//!    `Hunter Biden` stay apart.
//! 2. A surname with an honorific or role (`Mr Biden`) goes to the person of
//!    that surname whose gender fits and who was mentioned most recently.
//! 3. Distinct surnames that are a likely typo of each other merge, the less
//!    used (or not in the style book) into the other, unless both come with
//!    their own different given names or genders.
//! 4. A bare capitalised word is a mention when it is a known surname (or,
//!    mid-sentence, a likely typo of one used more often).
//! 5. Canonical spelling: the style book, else the first full reference,
//!    unless another spelling outnumbers it at least 2:1 and 3 times.

use std::collections::HashMap;
use std::sync::Arc;

use crate::analysis::ParagraphFacts;
use crate::text::Paragraphs;

use super::gazetteer::{FastMap, GAZETTEER};
use super::regroup::NameIndex;
use super::variants::{fold, likely_typo, normalise_spelling, same_given};
use super::{scan_mentions, Gender, Mention, MentionRef};

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

/// A person in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: PersonId,
    /// The name to use: style book, else first full reference, else majority.
    pub canonical: String,
    /// The canonical surname, particles included.
    pub surname: String,
    /// The canonical given name, when the article or style book gives one.
    pub given: Option<String>,
    pub roles: Vec<String>,
    pub gender: Option<Gender>,
    /// Every mention, in article order.
    pub mentions: Vec<MentionRef>,
    /// The first mention (headline included).
    pub first_reference: MentionRef,
    /// The first full-name mention in the body (not on a heading line).
    pub first_full_reference: Option<MentionRef>,
    /// Surname spellings seen, in order of first use, with counts.
    pub spellings: Vec<Spelling>,
    /// Given-name spellings seen, in order of first use, with counts.
    pub given_spellings: Vec<Spelling>,
    /// The canonical spelling comes from the style book.
    pub from_style_book: bool,
    /// Folded canonical surname and given name ([`fold`]).
    pub surname_key: String,
    pub given_key: Option<String>,
}

impl Person {
    /// Whether the mention spells this person's surname differently.
    /// Whether the mention's whole name is this person's compound surname
    /// (`Dr Ruiz Castillo` for Begoña Ruiz-Castillo).
    pub fn whole_name_is_surname(&self, m: &Mention) -> bool {
        m.is_full() && m.name_key == self.surname_key
    }

    /// Two spellings of one name differ (apostrophes and spaces made uniform).
    fn differs(a: &str, b: &str) -> bool {
        a != b && normalise_spelling(a) != normalise_spelling(b)
    }

    pub fn surname_variant(&self, m: &Mention) -> bool {
        if m.surname_text == self.surname {
            return false;
        }
        if self.whole_name_is_surname(m) {
            return Self::differs(&m.name_text, &self.surname);
        }
        // `Von der Leyen said`: a particle capitalised to start a sentence.
        if m.sentence_start && m.range.start == m.surname_range.start {
            let mut a = m.surname_text.chars();
            let mut b = self.surname.chars();
            if let (Some(x), Some(y)) = (a.next(), b.next()) {
                if x.to_lowercase().eq(y.to_lowercase())
                    && normalise_spelling(a.as_str()) == normalise_spelling(b.as_str())
                {
                    return false;
                }
            }
        }
        // `Mr Xi` for Xi Jinping, `Sir Keir` for Keir Starmer: the name
        // used is the person's given (or family-first) name.
        if !m.is_full() {
            if let (Some(g), Some(gk)) = (&self.given, &self.given_key) {
                if *gk == m.surname_key {
                    return Self::differs(&m.surname_text, g);
                }
            }
        }
        Self::differs(&m.surname_text, &self.surname)
    }

    /// Whether the mention spells this person's given name differently
    /// (a different given name, `Joe` for `Joseph`, is not a variant).
    pub fn given_variant(&self, m: &Mention) -> bool {
        if self.whole_name_is_surname(m) {
            return false;
        }
        match (&m.given_text, &m.given_key, &self.given, &self.given_key) {
            (Some(g), Some(k), Some(c), Some(ck)) => Self::differs(g, c) && same_given(k, ck),
            _ => false,
        }
    }

    /// Whether the mention is spelled differently from the canonical name.
    pub fn is_variant(&self, m: &Mention) -> bool {
        self.surname_variant(m) || self.given_variant(m)
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

    /// How many mentions spell the surname the canonical way.
    pub fn canonical_count(&self) -> usize {
        let c = normalise_spelling(&self.surname);
        self.spellings
            .iter()
            .filter(|s| normalise_spelling(&s.text) == c)
            .map(|s| s.count)
            .sum()
    }
}

/// The people of an article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct People {
    /// By id; `None` for a person an edit took away (see [`PersonId`]).
    pub(super) slots: Vec<Option<Arc<Person>>>,
    /// The ids of the people, in order of first mention.
    pub(super) order: Vec<PersonId>,
    /// Per paragraph, per mention: the person (bare words may have none).
    pub(super) by_mention: imbl::Vector<Vec<Option<PersonId>>>,
    /// The mentions by the names through which they can meet, to regroup
    /// only around an edit ([`People::update`]).
    pub(super) index: NameIndex,
    /// The style book the people were grouped with.
    pub(super) style_book: Vec<String>,
}

/// A style-book entry, scanned like copy.
pub(super) struct StyleEntry {
    given: Option<(String, String)>,
    surname: String,
    surname_key: String,
}

pub(super) fn style_entries(style_book: &[String]) -> Vec<StyleEntry> {
    style_book
        .iter()
        .filter_map(|e| {
            let m = scan_mentions(e.trim()).into_iter().next()?;
            Some(StyleEntry {
                given: m.given_text.clone().zip(m.given_key.clone()),
                surname: m.surname_text,
                surname_key: m.surname_key,
            })
        })
        .collect()
}

pub(super) struct Draft {
    parent: PersonId,
    surname_key: String,
    given_key: Option<String>,
    /// Folded full names used (`andresmanuellopezobrador`).
    full_keys: Vec<String>,
    gender: Option<Gender>,
    pub(super) mentions: Vec<MentionRef>,
    /// Mentions by surname alone (`Mr Trump`), in order.
    short: Vec<MentionRef>,
    /// Introduced as someone's relative (`his son Hunter Biden`).
    relative: bool,
}

/// Whether a role makes the person someone's relative.
fn is_relative(role: &str) -> bool {
    const FAMILY: &[&str] = &[
        "son",
        "daughter",
        "brother",
        "sister",
        "wife",
        "husband",
        "father",
        "mother",
        "nephew",
        "niece",
        "cousin",
        "uncle",
        "aunt",
        "grandson",
        "granddaughter",
        "widow",
        "stepson",
        "stepdaughter",
    ];
    role.split(|c: char| !c.is_alphanumeric())
        .any(|w| FAMILY.contains(&w) || w == "law")
}

fn compatible(a: Option<Gender>, b: Option<Gender>) -> bool {
    a.is_none() || b.is_none() || a == b
}

#[derive(Default)]
struct Builder {
    drafts: Vec<Draft>,
    by_key: FastMap<String, Vec<PersonId>>,
    by_core: FastMap<String, Vec<PersonId>>,
    /// People by folded given name (`Mr Xi` for Xi Jinping).
    by_given: FastMap<String, Vec<PersonId>>,
}

impl Builder {
    fn root(&self, mut id: PersonId) -> PersonId {
        while self.drafts[id].parent != id {
            id = self.drafts[id].parent;
        }
        id
    }

    fn new_draft(&mut self, m: &Mention) -> PersonId {
        let id = self.drafts.len();
        self.drafts.push(Draft {
            parent: id,
            surname_key: m.surname_key.clone(),
            given_key: m.given_key.clone(),
            full_keys: Vec::new(),
            gender: m.gender,
            mentions: Vec::new(),
            short: Vec::new(),
            relative: false,
        });
        if let Some(g) = &m.given_key {
            self.by_given.entry(g.clone()).or_default().push(id);
        }
        self.by_key
            .entry(m.surname_key.clone())
            .or_default()
            .push(id);
        let core = self.by_core.entry(m.core_key.clone()).or_default();
        if !core.contains(&id) {
            core.push(id);
        }
        id
    }

    /// Of `cands` (people who share a surname), the one `r` means: of
    /// fitting gender; then the one most recently called by surname alone
    /// (`Mr Trump` stays the same man after `Eric Trump` is named); else the
    /// most recently named, relatives introduced as such (`his son Hunter
    /// Biden`) last; else the first mentioned after `r` (a headline).
    fn pick(&self, cands: &[PersonId], gender: Option<Gender>, r: MentionRef) -> Option<PersonId> {
        let mut short: Option<(PersonId, MentionRef)> = None;
        let mut recent: Option<(PersonId, (bool, MentionRef))> = None;
        let mut after: Option<(PersonId, MentionRef)> = None;
        for &c in cands {
            let c = self.root(c);
            let d = &self.drafts[c];
            if !compatible(d.gender, gender) {
                continue;
            }
            let n = d.short.partition_point(|&x| x < r);
            if n > 0 {
                let last = d.short[n - 1];
                if short.is_none_or(|(_, b)| last > b) {
                    short = Some((c, last));
                }
            }
            let before = d.mentions.partition_point(|&x| x < r);
            if before > 0 {
                let rank = (!d.relative, d.mentions[before - 1]);
                if recent.is_none_or(|(_, b)| rank > b) {
                    recent = Some((c, rank));
                }
            } else if let Some(&f) = d.mentions.first() {
                if after.is_none_or(|(_, a)| f < a) {
                    after = Some((c, f));
                }
            }
        }
        short
            .map(|(c, _)| c)
            .or(recent.map(|(c, _)| c))
            .or(after.map(|(c, _)| c))
    }

    fn assign(&mut self, r: MentionRef, m: &Mention) {
        const NONE: &[PersonId] = &[];
        // `Dr Ruiz Castillo` after `Begoña Ruiz-Castillo`: the whole name is
        // a known compound surname.
        if m.is_full() {
            if let Some(c) = self
                .by_key
                .get(&m.name_key)
                .and_then(|c| self.pick(c, m.gender, r))
            {
                self.drafts[c].mentions.push(r);
                return;
            }
        }
        let cands = self.by_key.get(&m.surname_key).map_or(NONE, Vec::as_slice);
        let id = if let Some(gk) = &m.given_key {
            let same = cands.iter().copied().find(|&c| {
                self.drafts[c]
                    .given_key
                    .as_deref()
                    .is_some_and(|g| same_given(g, gk))
            });
            let surname_only = || {
                cands.iter().rev().copied().find(|&c| {
                    self.drafts[c].given_key.is_none()
                        && compatible(self.drafts[c].gender, m.gender)
                })
            };
            // `Mr López Obrador` for Andrés Manuel López Obrador.
            let full = &m.name_key;
            let tail = || {
                cands.iter().copied().find(|&c| {
                    self.drafts[c]
                        .full_keys
                        .iter()
                        .any(|k| k.len() > full.len() && k.ends_with(full.as_str()))
                })
            };
            let id = match same.or_else(surname_only).or_else(tail) {
                Some(c) => {
                    if self.drafts[c].given_key.is_none() {
                        self.drafts[c].given_key = Some(gk.clone());
                        self.by_given.entry(gk.clone()).or_default().push(c);
                    }
                    c
                }
                None => self.new_draft(m),
            };
            if !self.drafts[id].full_keys.contains(full) {
                self.drafts[id].full_keys.push(full.clone());
            }
            id
        } else {
            let cands = if cands.is_empty() {
                self.by_core
                    .get(&m.core_key)
                    .or_else(|| self.by_given.get(&m.surname_key))
                    .map_or(NONE, Vec::as_slice)
            } else {
                cands
            };
            let id = match self.pick(cands, m.gender, r) {
                Some(c) => c,
                None => self.new_draft(m),
            };
            self.drafts[id].short.push(r);
            id
        };
        let d = &mut self.drafts[id];
        d.gender = d.gender.or(m.gender);
        d.relative |= m.role.as_deref().is_some_and(is_relative);
        d.mentions.push(r);
    }

    fn key_count(&self, key: &str) -> usize {
        self.by_key.get(key).map_or(0, |ids| {
            ids.iter().map(|&i| self.drafts[i].mentions.len()).sum()
        })
    }

    /// Merges people whose distinct surnames are likely typos of each other.
    fn merge_typos(&mut self, style: &[StyleEntry]) {
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
                    if !likely_typo(a, b) {
                        continue;
                    }
                    let (ca, cb) = (self.key_count(a), self.key_count(b));
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
        if lg.iter().any(|l| !wg.iter().any(|w| same_given(w, l))) {
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
                    (Some(a), Some(b)) => same_given(a, b),
                    _ => true,
                })
                .max_by_key(|&p| (self.drafts[p].mentions.len(), std::cmp::Reverse(p)));
            if let Some(p) = target {
                self.union(q, p);
            }
        }
    }

    /// Makes `p` the root of `q`'s person, merging the mention lists.
    fn union(&mut self, q: PersonId, p: PersonId) {
        let moved = std::mem::take(&mut self.drafts[q].mentions);
        let short = std::mem::take(&mut self.drafts[q].short);
        let d = &mut self.drafts[p];
        d.mentions.extend(moved);
        d.mentions.sort_unstable();
        d.short.extend(short);
        d.short.sort_unstable();
        let (g, gk) = (self.drafts[q].gender, self.drafts[q].given_key.clone());
        let d = &mut self.drafts[p];
        d.gender = d.gender.or(g);
        if d.given_key.is_none() {
            d.given_key = gk;
        }
        self.drafts[q].parent = p;
    }

    /// Bare capitalised words that are a known surname become mentions.
    fn resolve_bare(&mut self, bare: &[(MentionRef, &Mention)]) {
        let mut bare_count: FastMap<&str, usize> = FastMap::default();
        for (_, m) in bare {
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
        let mut typo_of: FastMap<&str, Option<&str>> = FastMap::default();
        let mut assigned: Vec<(PersonId, MentionRef)> = Vec::new();
        for &(r, m) in bare {
            let key = m.surname_key.as_str();
            let mut cands = self.by_key.get(key).or_else(|| self.by_core.get(key));
            // Mid-sentence, five letters or more; at a sentence start (where
            // any word has a capital) seven or more.
            if cands.is_none() && key.chars().count() >= if m.sentence_start { 7 } else { 5 } {
                let target = *typo_of.entry(key).or_insert_with(|| {
                    if GAZETTEER.given(&m.surname_text).is_some() {
                        return None;
                    }
                    let n = bare_count.get(key).copied().unwrap_or(0);
                    key.chars()
                        .next()
                        .and_then(|c| buckets.get(&c))
                        .into_iter()
                        .flatten()
                        .copied()
                        .filter(|k| likely_typo(k, key) && self.key_count(k) >= n)
                        .max_by(|a, b| {
                            strsim::jaro_winkler(a, key)
                                .total_cmp(&strsim::jaro_winkler(b, key))
                                .then_with(|| b.cmp(a))
                        })
                });
                cands = target.and_then(|k| self.by_key.get(k));
            }
            if let Some(c) = cands.and_then(|c| self.pick(c, None, r)) {
                assigned.push((c, r));
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

/// Counts spellings in order of first use.
/// Counts spellings (apostrophes and spaces made uniform), keeping the first
/// written form of each, in order of first use.
fn count_spellings<'a>(it: impl Iterator<Item = &'a str>) -> Vec<Spelling> {
    let mut out: Vec<(String, Spelling)> = Vec::new();
    for s in it {
        let n = normalise_spelling(s);
        match out.iter_mut().find(|(k, _)| *k == n) {
            Some((_, x)) => x.count += 1,
            None => out.push((
                n,
                Spelling {
                    text: s.to_string(),
                    count: 1,
                },
            )),
        }
    }
    out.into_iter().map(|(_, s)| s).collect()
}

/// The first spelling, unless another outnumbers it 2:1 and at least 3 times.
fn preferred(first: &str, spellings: &[Spelling]) -> String {
    let key = normalise_spelling(first);
    let fc = spellings
        .iter()
        .find(|s| normalise_spelling(&s.text) == key)
        .map_or(0, |s| s.count);
    spellings
        .iter()
        .filter(|s| s.count >= 3 && s.count >= 2 * fc.max(1))
        .max_by_key(|s| s.count)
        .map_or_else(|| first.to_string(), |s| s.text.clone())
}

/// Groups mentions (in article order, each with its place) into people:
/// the drafts that are people, in order of first mention. The grouping of a
/// set of mentions that no other mention interacts with (see
/// [`super::regroup`]) is the same whether it runs over them alone or over
/// the whole article.
pub(super) fn group<'m>(
    mentions: impl Iterator<Item = (MentionRef, &'m Mention)>,
    style: &[StyleEntry],
) -> Vec<Draft> {
    let mut b = Builder::default();
    let mut bare: Vec<(MentionRef, &Mention)> = Vec::new();
    for (r, m) in mentions {
        if m.bare {
            bare.push((r, m));
        } else {
            b.assign(r, m);
        }
    }
    b.merge_typos(style);
    b.resolve_bare(&bare);
    let mut roots: Vec<Draft> = std::mem::take(&mut b.drafts)
        .into_iter()
        .enumerate()
        .filter(|(i, d)| d.parent == *i && !d.mentions.is_empty())
        .map(|(_, d)| d)
        .collect();
    roots.sort_by_key(|d| d.mentions[0]);
    roots
}

/// The person a draft made: `mention` finds a mention by its place.
pub(super) fn person<'m>(
    id: PersonId,
    d: &Draft,
    mention: impl Fn(MentionRef) -> &'m Mention,
    style: &[StyleEntry],
) -> Person {
    let ms: Vec<&Mention> = d.mentions.iter().map(|&r| mention(r)).collect();
    let first_full = d
        .mentions
        .iter()
        .zip(&ms)
        .find(|(_, m)| m.is_full() && !m.heading)
        .or_else(|| d.mentions.iter().zip(&ms).find(|(_, m)| m.is_full()));
    let spellings = count_spellings(ms.iter().map(|m| m.surname_text.as_str()));
    let given_spellings = count_spellings(ms.iter().filter_map(|m| m.given_text.as_deref()));
    let entry = style.iter().find(|e| {
        (e.surname_key == d.surname_key || likely_typo(&e.surname_key, &d.surname_key))
            && match (&e.given, &d.given_key) {
                (Some((_, a)), Some(b)) => same_given(a, b),
                _ => true,
            }
    });
    let first = first_full.map_or(ms[0], |(_, m)| *m);
    let (surname, given) = match entry {
        Some(e) => (
            e.surname.clone(),
            e.given
                .as_ref()
                .map(|(g, _)| g.clone())
                .or_else(|| first.given_text.clone()),
        ),
        None => (
            preferred(&first.surname_text, &spellings),
            first
                .given_text
                .as_deref()
                .map(|g| preferred(g, &given_spellings)),
        ),
    };
    let canonical = match &given {
        Some(g) => {
            let middle = first
                .given_text
                .as_deref()
                .and_then(|fg| first.name_text.strip_prefix(fg))
                .and_then(|rest| rest.strip_suffix(first.surname_text.as_str()))
                .map(str::trim)
                .unwrap_or("");
            if middle.is_empty() {
                format!("{g} {surname}")
            } else {
                format!("{g} {middle} {surname}")
            }
        }
        None => surname.clone(),
    };
    let mut roles: Vec<String> = Vec::new();
    for m in &ms {
        if let Some(role) = &m.role {
            if !roles.contains(role) {
                roles.push(role.clone());
            }
        }
    }
    let surname_key = fold(&surname);
    let given_key = given.as_deref().map(fold);
    Person {
        id,
        canonical,
        surname,
        given,
        roles,
        gender: d.gender,
        mentions: d.mentions.clone(),
        first_reference: d.mentions[0],
        first_full_reference: first_full.filter(|(_, m)| !m.heading).map(|(&r, _)| r),
        spellings,
        given_spellings,
        from_style_book: entry.is_some(),
        surname_key,
        given_key,
    }
}

/// Per paragraph, per mention: the person it refers to.
pub(super) fn by_mention(
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    persons: &[Option<Arc<Person>>],
) -> imbl::Vector<Vec<Option<PersonId>>> {
    let mut out: imbl::Vector<Vec<Option<PersonId>>> = paragraphs
        .iter()
        .map(|p| vec![None; p.facts.mentions.len()])
        .collect();
    for p in persons.iter().flatten() {
        for r in &p.mentions {
            if let Some(slot) = out.get_mut(r.para).and_then(|v| v.get_mut(r.index)) {
                *slot = Some(p.id);
            }
        }
    }
    out
}

impl People {
    /// Groups the article's mentions into people. `style_book` holds the
    /// newsroom's canonical spellings (`Volodymyr Zelensky`).
    pub fn build(paragraphs: Paragraphs<'_, ParagraphFacts>, style_book: &[String]) -> Self {
        let style = style_entries(style_book);
        let all = paragraphs.iter().enumerate().flat_map(|(p, para)| {
            para.facts
                .mentions
                .iter()
                .enumerate()
                .map(move |(index, m)| (MentionRef { para: p, index }, m))
        });
        let mention = |r: MentionRef| &paragraphs.at(r.para).facts.mentions[r.index];
        let slots: Vec<Option<Arc<Person>>> = group(all, &style)
            .iter()
            .enumerate()
            .map(|(id, d)| Some(Arc::new(person(id, d, mention, &style))))
            .collect();
        People {
            by_mention: by_mention(paragraphs, &slots),
            order: (0..slots.len()).collect(),
            slots,
            index: NameIndex::build(paragraphs),
            style_book: style_book.to_vec(),
        }
    }

    /// Whether two versions of an article give the same people: the same
    /// paragraphs' mentions, offsets aside. Cheap when paragraphs kept their
    /// facts (pointer comparison), so a keystroke that does not touch a name
    /// can keep the people it had (see [`People::update`]).
    pub fn same_mentions(
        old: Paragraphs<'_, ParagraphFacts>,
        new: Paragraphs<'_, ParagraphFacts>,
    ) -> bool {
        old.len() == new.len()
            && old.iter().zip(new).all(|(a, b)| {
                std::sync::Arc::ptr_eq(a.facts, b.facts)
                    || (a.facts.mentions.len() == b.facts.mentions.len()
                        && a.facts
                            .mentions
                            .iter()
                            .zip(&b.facts.mentions)
                            .all(|(x, y)| x.same_reference(y)))
            })
    }

    /// The people of `paragraphs`: `previous` again when the mentions are the
    /// same as in `previous_paragraphs` (and the style book has not changed),
    /// else built afresh. Equal to [`People::build`] either way.
    pub fn reuse(
        previous_paragraphs: Paragraphs<'_, ParagraphFacts>,
        previous: &std::sync::Arc<People>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        style_book: &[String],
    ) -> std::sync::Arc<People> {
        if previous.style_book == style_book && Self::same_mentions(previous_paragraphs, paragraphs)
        {
            std::sync::Arc::clone(previous)
        } else {
            std::sync::Arc::new(Self::build(paragraphs, style_book))
        }
    }

    /// The person a mention refers to (`None` for a bare word that is not a
    /// known surname).
    pub fn person_of(&self, m: MentionRef) -> Option<&Person> {
        self.person(self.id_of(m)?)
    }

    /// The id of the person a mention refers to.
    pub fn id_of(&self, m: MentionRef) -> Option<PersonId> {
        *self.by_mention.get(m.para)?.get(m.index)?
    }

    /// A person by id.
    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.slots.get(id)?.as_deref()
    }

    /// The people, in order of first mention.
    pub fn iter(&self) -> impl Iterator<Item = &Person> + '_ {
        self.order.iter().filter_map(|&id| self.person(id))
    }

    /// How many people the article names.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// One more than the largest id: the length of a table by id.
    pub fn id_bound(&self) -> usize {
        self.slots.len()
    }

    /// The people numbered as a fresh grouping numbers them (in order of
    /// first mention, no gaps), and the old id → new id table: equal to
    /// [`People::build`] when `self` is equal to it but for the ids.
    pub fn renumbered(&self) -> (People, Vec<Option<PersonId>>) {
        let mut map = vec![None; self.slots.len()];
        for (rank, &id) in self.order.iter().enumerate() {
            map[id] = Some(rank);
        }
        let slots = self
            .iter()
            .enumerate()
            .map(|(rank, p)| {
                let mut p = p.clone();
                p.id = rank;
                Some(Arc::new(p))
            })
            .collect();
        let by_mention = self
            .by_mention
            .iter()
            .map(|v| v.iter().map(|id| id.and_then(|id| map[id])).collect())
            .collect();
        let people = People {
            slots,
            order: (0..self.order.len()).collect(),
            by_mention,
            index: self.index.clone(),
            style_book: self.style_book.clone(),
        };
        (people, map)
    }

    /// The mention (and its person) at a byte offset of the document, for
    /// hover, go-to-definition and rename.
    pub fn mention_at(
        &self,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        offset: usize,
    ) -> Option<(MentionRef, &Person)> {
        let p = paragraphs.partition_point(|p| p.end() < offset);
        let para = paragraphs.get(p)?;
        let rel = offset.checked_sub(para.start)?;
        para.facts
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.range.start <= rel && rel <= m.range.end)
            .find_map(|(index, _)| {
                let r = MentionRef { para: p, index };
                self.person_of(r).map(|person| (r, person))
            })
    }

    /// The people whose canonical name or surname folds to `name`'s fold.
    pub fn find(&self, name: &str) -> impl Iterator<Item = &Person> {
        let key = fold(name);
        self.iter()
            .filter(move |p| fold(&p.canonical) == key || fold(&p.surname) == key)
    }
}

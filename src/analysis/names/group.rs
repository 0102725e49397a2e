//! Grouping name mentions into people (the drafts of [`super::Person`]s):
//! full names, honorific and surname, bare surnames (`Kuleba said`).
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

use super::person::PersonId;
use super::style::StyleEntry;
use super::types::{Mention, MentionRef};
use super::variants::{given_fits, initial_of, same_given};
use crate::lexicon::names::{family, FastMap, Gender};

pub(super) struct Draft {
    pub(super) parent: PersonId,
    pub(super) surname_key: String,
    pub(super) given_key: Option<String>,
    /// Folded full names used (`andresmanuellopezobrador`).
    pub(super) full_keys: Vec<String>,
    pub(super) gender: Option<Gender>,
    pub(super) mentions: Vec<MentionRef>,
    /// Mentions by surname alone (`Mr Trump`), in order.
    pub(super) short: Vec<MentionRef>,
    /// Introduced as someone's relative (`his son Hunter Biden`).
    pub(super) relative: bool,
    /// The surname as first written.
    pub(super) surname_text: String,
    /// A relative's spelling of the surname that this person's spelling
    /// misspells (`Hillary Clinto` beside `Bill Clinton`): the person stays
    /// apart, and is spelled so.
    pub(super) family_spelling: Option<String>,
}

/// Whether a role makes the person someone's relative.
fn is_relative(role: &str) -> bool {
    role.split(|c: char| !c.is_alphanumeric())
        .any(|w| !w.is_empty() && family().contains(w))
}

/// Whether a full mention's first part may be what later references call
/// the person (`Mr Xi` for Xi Jinping): not when the last part is an English
/// word, as in a headline's `Obama Sees`.
fn given_may_be_called(m: &Mention) -> bool {
    !crate::lexicon::english::is_english_word(&m.surname_text)
}

pub(super) fn compatible(a: Option<Gender>, b: Option<Gender>) -> bool {
    a.is_none() || b.is_none() || a == b
}

#[derive(Default)]
pub(super) struct Builder {
    pub(super) drafts: Vec<Draft>,
    pub(super) by_key: FastMap<String, Vec<PersonId>>,
    pub(super) by_core: FastMap<String, Vec<PersonId>>,
    /// People by folded given name (`Mr Xi` for Xi Jinping).
    pub(super) by_given: FastMap<String, Vec<PersonId>>,
    /// How often each folded surname is written bare (`Clinton said`):
    /// which of two families' spellings the article writes more.
    pub(super) bare_counts: FastMap<String, usize>,
}

impl Builder {
    pub(super) fn root(&self, mut id: PersonId) -> PersonId {
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
            surname_text: m.surname_text.clone(),
            family_spelling: None,
        });
        if let Some(g) = m.given_key.as_ref().filter(|_| given_may_be_called(m)) {
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
    pub(super) fn pick(
        &self,
        cands: &[PersonId],
        gender: Option<Gender>,
        r: MentionRef,
    ) -> Option<PersonId> {
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
            // (The first word is no given name here, so it tells no gender:
            // `Mark Viverito` for Melissa Mark-Viverito. An honorific does.)
            let gender = m.honorific.as_ref().and(m.gender);
            if let Some(c) = self
                .by_key
                .get(&m.name_key)
                .and_then(|c| self.pick(c, gender, r))
            {
                self.drafts[c].mentions.push(r);
                return;
            }
        }
        // `Robert Kilroy Silk` after `Robert Kilroy-Silk`: the words after
        // the given name (or its initial, in a line-up's `M Lewis Francis`)
        // are the surname of someone of that given name.
        if let (Some(tail), Some(gk)) = (m.tail_key(), &m.given_key) {
            let same = self.by_key.get(tail).and_then(|c| {
                c.iter().copied().map(|c| self.root(c)).find(|&c| {
                    self.drafts[c]
                        .given_key
                        .as_deref()
                        .is_some_and(|g| given_fits(g, gk))
                })
            });
            if let Some(c) = same {
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
            // `C Ashby-Hart` in a line-up for Caroline Ashby-Hart: an
            // initial is short for the one given name that it starts.
            let initial = || {
                let mut fits = cands.iter().copied().filter(|&c| {
                    self.drafts[c]
                        .given_key
                        .as_deref()
                        .is_some_and(|g| initial_of(gk, g))
                });
                fits.next().filter(|_| fits.next().is_none())
            };
            let id = match same.or_else(initial).or_else(surname_only).or_else(tail) {
                Some(c) => {
                    if self.drafts[c].given_key.is_none() {
                        self.drafts[c].given_key = Some(gk.clone());
                        if given_may_be_called(m) {
                            self.by_given.entry(gk.clone()).or_default().push(c);
                        }
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

    pub(super) fn key_count(&self, key: &str) -> usize {
        self.by_key.get(key).map_or(0, |ids| {
            ids.iter().map(|&i| self.drafts[i].mentions.len()).sum()
        })
    }

    /// Makes `p` the root of `q`'s person, merging the mention lists.
    pub(super) fn union(&mut self, q: PersonId, p: PersonId) {
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
            if !m.slip_only {
                *b.bare_counts.entry(m.surname_key.clone()).or_default() += 1;
            }
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

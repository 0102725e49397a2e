//! The spelling a person goes by: the style book's, else the article's
//! majority or most complete consistent spelling; and the person a group of
//! mentions makes.

use super::group::Draft;
use super::person::{roster_slip_of, Person, PersonId, PersonInfo, Spelling};
use super::style::StyleEntry;
use super::types::{Mention, MentionRef};
use super::variants::{fold, likely_typo, same_given, spelling_key};
use crate::lexicon::names::{is_known_surname, GAZETTEER};

/// Counts spellings ([`spelling_key`]: apostrophes, spaces and the case of
/// a leading particle made uniform), in order of first use, keeping for
/// each the first written form (with a lower-case particle, when one is
/// written so: `de Blasio` over a sentence-initial `De Blasio`).
fn count_spellings<'a>(it: impl Iterator<Item = &'a str>) -> Vec<Spelling> {
    let mut out: Vec<(String, Spelling)> = Vec::new();
    for s in it {
        let n = spelling_key(s);
        match out.iter_mut().find(|(k, _)| *k == n) {
            Some((_, x)) => {
                x.count += 1;
                if x.text.starts_with(char::is_uppercase) && s.starts_with(char::is_lowercase) {
                    x.text = s.to_string();
                }
            }
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

/// The spelling to use: the one used most; between spellings used as often,
/// the one with accents, then the better known name (`known`: higher is
/// better, 0 for none), then the first full reference's (`first`), then
/// the earlier. Never blindly the first: a typo in the first reference
/// loses to the spelling the rest of the copy uses.
fn choose(first: &str, spellings: &[Spelling], known: impl Fn(&str) -> usize) -> String {
    let key = spelling_key(first);
    spellings
        .iter()
        .enumerate()
        .max_by_key(|(i, s)| {
            (
                s.count,
                accents(&s.text),
                known(&s.text),
                spelling_key(&s.text) == key,
                std::cmp::Reverse(*i),
            )
        })
        .map_or_else(|| first.to_string(), |(_, s)| s.text.clone())
}

/// The spelling that ties with the chosen surname `chosen`: used as often,
/// with as many accents and as well known, so that only its place decided
/// (`Faraage` once, `Farage` once). Neither can be called the typo. Case,
/// hyphens and accents are no tie: the fuller spelling wins those.
fn rival(chosen: &str, spellings: &[Spelling]) -> Option<String> {
    let rank = |s: &str| (accents(s), is_known_surname(s));
    let key = spelling_key(chosen);
    let count = spellings
        .iter()
        .find(|s| spelling_key(&s.text) == key)?
        .count;
    spellings
        .iter()
        .find(|s| {
            fold(&s.text) != fold(chosen) && s.count == count && rank(&s.text) == rank(chosen)
        })
        .map(|s| s.text.clone())
}

/// How well known a given name is: the commoner, the higher (`Hillary`
/// over `Hilary`); 0 for none.
fn given_score(s: &str) -> usize {
    GAZETTEER.given_rank(s).map_or(0, |r| usize::MAX - r)
}

/// How many letters outside ASCII a spelling has: between two spellings of
/// a name used as often, the one with its accents (`Díaz`, `António`) is
/// the more complete.
fn accents(s: &str) -> usize {
    s.chars().filter(|c| !c.is_ascii()).count()
}

/// Whether a person is called by the first part of their full name: a
/// surname written first (`Xi Jinping`, then `Mr Xi`; `Ban Ki-moon`, then
/// `Ban`), told by the later references using it more than the last part.
/// A last part that is an English word (`Obama Sees` in a headline) is no
/// given name.
fn family_first(first: &Mention, ms: &[&Mention]) -> bool {
    let Some(given) = first.given_text.as_deref() else {
        return false;
    };
    if crate::lexicon::english::is_english_word(&first.surname_text) {
        return false;
    }
    let gk = fold(given);
    // `Sir Keir`, `Dame Judi`: honours take the given name.
    let by_given_name = |m: &Mention| {
        matches!(
            m.honorific.as_deref(),
            Some("Sir" | "Dame" | "Sheikh" | "Sheikha")
        )
    };
    let short = |key: &str| {
        ms.iter()
            .filter(|m| !m.is_full() && m.surname_key == key && !by_given_name(m))
            .count()
    };
    gk != first.surname_key && short(&gk) > short(&first.surname_key)
}

/// The written parts of a mention as (surname, given name), for a person
/// whose first full reference is `first`: a surname written first is the
/// first part (`family_first`), a compound surname may be written whole
/// (`Dr Ruiz Castillo`), and a surname alone that is the person's given
/// name (`Sir Keir`) has no surname part.
fn parts<'m>(
    m: &'m Mention,
    first: &Mention,
    family_first: bool,
) -> (Option<&'m str>, Option<&'m str>) {
    if m.is_full() {
        if family_first {
            return (m.given_text.as_deref(), Some(m.surname_text.as_str()));
        }
        if m.name_key == first.surname_key && first.is_full() {
            return (Some(m.name_text.as_str()), None);
        }
        // `Robert Kilroy Silk` for Robert Kilroy-Silk.
        if let Some(tail) = m
            .tail_text()
            .filter(|_| m.tail_key() == Some(&first.surname_key))
        {
            return (Some(tail), m.given_text.as_deref());
        }
        // `Wasserman Schultz` after `Debbie Wasserman Schultz`: the last
        // names of the full reference, a double surname written whole, not
        // a given name `Wasserman`.
        let (whole, last) = (first.name_text.as_str(), m.name_text.as_str());
        let k = whole.len().saturating_sub(last.len());
        let tail = k > 0
            && whole.is_char_boundary(k)
            && whole[k..].eq_ignore_ascii_case(last)
            && whole[..k].ends_with(' ');
        if tail && first.is_full() && first.given_key != m.given_key {
            return (Some(m.surname_text.as_str()), None);
        }
        return (Some(m.surname_text.as_str()), m.given_text.as_deref());
    }
    let given_use = !family_first
        && first.given_key.as_deref() == Some(m.surname_key.as_str())
        && m.surname_key != first.surname_key;
    if given_use {
        (None, None)
    } else {
        (Some(m.surname_text.as_str()), None)
    }
}

/// The style-book entry for a draft: its surname (or a near spelling of it)
/// and a given name that fits.
fn style_entry<'s>(d: &Draft, style: &'s [StyleEntry]) -> Option<&'s StyleEntry> {
    style.iter().find(|e| {
        (e.surname_key == d.surname_key || likely_typo(&e.surname_key, &d.surname_key))
            && match (&e.given, &d.given_key) {
                (Some((_, a)), Some(b)) => same_given(a, b),
                _ => true,
            }
    })
}

/// The canonical full name: given name, the first full reference's middle
/// names, surname; surname first for a person called so.
fn full_name(given: Option<&str>, surname: &str, first: &Mention, family_first: bool) -> String {
    let Some(g) = given else {
        return surname.to_string();
    };
    if family_first {
        return format!("{surname} {g}");
    }
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
    let first = first_full.map_or(ms[0], |(_, m)| *m);
    let family_first = family_first(first, &ms);
    let split: Vec<_> = ms.iter().map(|m| parts(m, first, family_first)).collect();
    let spellings = count_spellings(split.iter().filter_map(|p| p.0));
    // (An initial is no spelling of a given name the copy writes out:
    // `C Ashby-Hart` in the line-up for Caroline Ashby-Hart.)
    let initial = |g: &str| fold(g).chars().count() == 1;
    let written_out = split.iter().any(|p| p.1.is_some_and(|g| !initial(g)));
    let given_spellings = count_spellings(
        split
            .iter()
            .filter_map(|p| p.1)
            .filter(|g| !(written_out && initial(g))),
    );
    let (first_surname, first_given) = parts(first, first, family_first);
    let first_surname = first_surname.unwrap_or(&first.surname_text);
    let entry = style_entry(d, style);
    let (surname, given) = match entry {
        Some(e) => (
            e.surname.clone(),
            e.given
                .as_ref()
                .map(|(g, _)| g.clone())
                .or_else(|| first_given.map(str::to_string)),
        ),
        None => (
            d.family_spelling.clone().unwrap_or_else(|| {
                choose(first_surname, &spellings, |s| {
                    usize::from(is_known_surname(s))
                })
            }),
            first_given.map(|g| choose(g, &given_spellings, given_score)),
        ),
    };
    let tied_with = if entry.is_none() && d.family_spelling.is_none() {
        // A roster's slip of the chosen spelling (`Galals` in the line-up
        // beside one `William Gallas`) ties nothing: it is flagged itself.
        let slip =
            |m: &Mention, w: &str| m.roster && given.is_some() && roster_slip_of(w, &surname);
        let voting = count_spellings(
            split
                .iter()
                .zip(&ms)
                .filter_map(|(p, m)| p.0.filter(|w| !slip(m, w))),
        );
        rival(&surname, &voting)
    } else {
        None
    };
    let canonical = full_name(given.as_deref(), &surname, first, family_first);
    let mut roles: Vec<String> = Vec::new();
    for m in &ms {
        if let Some(role) = &m.role {
            if !roles.contains(role) {
                roles.push(role.clone());
            }
        }
    }
    let mut titles: Vec<String> = Vec::new();
    for m in &ms {
        if let Some(title) = m.honorific.as_ref().filter(|_| !m.has_courtesy_honorific()) {
            if !titles.contains(title) {
                titles.push(title.clone());
            }
        }
    }
    let surname_key = fold(&surname);
    let given_key = given.as_deref().map(fold);
    let info = PersonInfo {
        id,
        canonical,
        surname,
        given,
        roles,
        titles,
        gender: d.gender,
        spellings,
        given_spellings,
        from_style_book: entry.is_some(),
        tied_with,
        family_first,
        surname_key,
        given_key,
    };
    Person::new(
        info,
        d.mentions.clone(),
        d.mentions[0],
        first_full.filter(|(_, m)| !m.heading).map(|(&r, _)| r),
    )
}

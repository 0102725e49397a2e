//! `name-variant`: a person's name spelled differently from its canonical
//! spelling (style book, else the article's first full reference).
//! `first-reference`: a person called by surname or honorific before the
//! article gives the full name (headings are exempt).

use super::{Edit, Finding, Fix};
use crate::analysis::{Article, Mention, MentionRef, Person};
use crate::config::{Config, Severity};

pub const VARIANT: &str = "name-variant";
pub const FIRST_REFERENCE: &str = "first-reference";

fn times(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

/// The mention's name as it should read, and the edits that make it so
/// (name tokens only: honorific and possessive stay).
fn correction(person: &Person, m: &Mention, start: usize) -> (String, Vec<Edit>) {
    let mut edits = Vec::new();
    let mut text = m.name_text.clone();
    if person.given_variant(m) {
        if let (Some(g), Some(canon), Some(written)) = (&m.given, &person.given, &m.given_text) {
            edits.push(Edit {
                range: start + g.start..start + g.end,
                new_text: canon.clone(),
            });
            if let Some(rest) = text.strip_prefix(written.as_str()) {
                text = format!("{canon}{rest}");
            }
        }
    }
    if person.whole_name_is_surname(m) {
        if person.surname_variant(m) {
            edits.push(Edit {
                range: start + m.name.start..start + m.name.end,
                new_text: person.surname.clone(),
            });
            text = person.surname.clone();
        }
        return (text, edits);
    }
    if person.surname_variant(m) {
        edits.push(Edit {
            range: start + m.surname_range.start..start + m.surname_range.end,
            new_text: person.surname.clone(),
        });
        if let Some(rest) = text.strip_suffix(m.surname_text.as_str()) {
            text = format!("{rest}{}", person.surname);
        }
    }
    (text, edits)
}

/// Every mention of a person, with its document offset, that is copy.
fn mentions<'a>(
    article: &'a Article<'_>,
    person: &'a Person,
) -> impl Iterator<Item = (MentionRef, &'a Mention, usize)> + 'a {
    person.mentions.iter().filter_map(move |&r| {
        let p = article.paragraphs.get(r.para)?;
        let m = p.facts.mentions.get(r.index)?;
        article
            .is_copy(p.start + m.name.start)
            .then_some((r, m, p.start))
    })
}

/// The names checks of `persons` (each finding lies on one of their
/// mentions), as the configuration enables them.
pub(crate) fn check_people<'p, I: Iterator<Item = &'p Person>>(
    article: &Article<'_>,
    config: &Config,
    persons: impl Fn() -> I,
    out: &mut Vec<Finding>,
) {
    if config.enabled(VARIANT) {
        check_variants(article, config.severity(VARIANT), persons(), out);
    }
    if config.enabled(FIRST_REFERENCE) {
        let severity = config.severity(FIRST_REFERENCE);
        check_first_reference(article, severity, persons(), out);
    }
}

pub fn check_variants<'p>(
    article: &Article<'_>,
    severity: Severity,
    persons: impl Iterator<Item = &'p Person>,
    out: &mut Vec<Finding>,
) {
    for person in persons {
        if !person.may_have_variants() {
            continue;
        }
        let variants: Vec<(&Mention, usize)> = mentions(article, person)
            .filter(|(_, m, _)| person.is_variant(m))
            .map(|(_, m, s)| (m, s))
            .collect();
        if variants.is_empty() {
            continue;
        }
        let mut all: Vec<Edit> = variants
            .iter()
            .flat_map(|(m, s)| correction(person, m, *s).1)
            .collect();
        all.sort_by_key(|e| (e.range.start, e.range.end));
        let n = variants.len();
        let canonical_uses = person.canonical_count();
        for (m, start) in &variants {
            let (fixed, edits) = correction(person, m, *start);
            let message = if person.from_style_book {
                format!(
                    "‘{}’: the style book spells {} ‘{}’ ({} in this article): change to ‘{}’",
                    m.name_text,
                    person.canonical,
                    person.surname,
                    if canonical_uses == 0 {
                        "not used".to_string()
                    } else {
                        format!("used {}", times(canonical_uses))
                    },
                    fixed
                )
            } else {
                format!(
                    "‘{}’ is spelled ‘{}’ elsewhere ({}, {}): use one spelling, ‘{}’",
                    m.name_text,
                    person.surname,
                    times(canonical_uses),
                    person.canonical,
                    fixed
                )
            };
            let mut fixes = vec![Fix {
                title: format!("Change to ‘{fixed}’"),
                edits,
                safe: false,
            }];
            // One edit list per finding: past 50 variants the "all" fix would
            // make the findings quadratic in size.
            if n > 1 && n <= 50 {
                fixes.push(Fix {
                    title: format!("Change all {n} variants to ‘{}’", person.canonical),
                    edits: all.clone(),
                    safe: false,
                });
            }
            out.push(Finding {
                code: VARIANT,
                severity,
                range: start + m.name.start..start + m.name.end,
                message,
                fixes,
            });
        }
    }
}

pub fn check_first_reference<'p>(
    article: &Article<'_>,
    severity: Severity,
    persons: impl Iterator<Item = &'p Person>,
    out: &mut Vec<Finding>,
) {
    for person in persons {
        let full_at = person.first_full_reference;
        let first = mentions(article, person)
            .filter(|(_, m, _)| !m.heading)
            .find(|_| true);
        let Some((r, m, start)) = first else {
            continue;
        };
        if m.is_full() {
            continue;
        }
        // A full name in a headline or byline only, or before this mention
        // (in a heading): the reader has seen it.
        if (full_at.is_none() && person.given.is_some()) || full_at.is_some_and(|f| f < r) {
            continue;
        }
        let message = match (full_at, &person.given) {
            (Some(_), Some(_)) => format!(
                "‘{}’ appears before the full name ‘{}’: give the full name at first reference",
                article_text(m),
                person.canonical
            ),
            _ => {
                // Never named in full: flag only a courtesy honorific or a bare
                // surname (`President Biden`, `King Charles` are full
                // references, and so is a peer's title: `Lord Brereton`).
                if m.honorific.is_some() && !m.has_courtesy_honorific() || is_peerage(m) {
                    continue;
                }
                format!(
                    "‘{}’ is never named in full: give the full name at first reference",
                    article_text(m)
                )
            }
        };
        let mut fixes = Vec::new();
        if let (Some(_), Some(_)) = (full_at, &person.given) {
            // Replace honorific and name with the full name (UK and US first
            // references drop the courtesy honorific).
            let from = if m.has_courtesy_honorific() {
                m.honorific_range.as_ref().map_or(m.name.start, |h| h.start)
            } else {
                m.name.start
            };
            fixes.push(Fix {
                title: format!("Change to ‘{}’", person.canonical),
                edits: vec![Edit {
                    range: start + from..start + m.name.end,
                    new_text: person.canonical.clone(),
                }],
                safe: false,
            });
        }
        out.push(Finding {
            code: FIRST_REFERENCE,
            severity,
            range: start + m.range.start..start + m.range.end,
            message,
            fixes,
        });
    }
}

/// A peer called by title and surname (`Lord Brereton`, `Baroness Hale`):
/// the style for the first reference too.
fn is_peerage(m: &Mention) -> bool {
    !m.is_full()
        && m.honorific.as_deref().is_some_and(|h| {
            matches!(
                h,
                "Lord"
                    | "Lady"
                    | "Baroness"
                    | "Baron"
                    | "Viscount"
                    | "Viscountess"
                    | "Earl"
                    | "Countess"
            )
        })
}

/// The mention as the reader sees it: honorific and name.
fn article_text(m: &Mention) -> String {
    match &m.honorific {
        Some(h) => format!("{h} {}", m.name_text),
        None => m.name_text.clone(),
    }
}

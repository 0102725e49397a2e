//! `name-variant`: a person's name spelled differently from its canonical
//! spelling (the style book, else the spelling the article uses most).

use super::people::{mentions, persons};
use super::rule::{Cx, Edit, Finding, Fix, Part, Rule, RuleInfo, Scope, Setting, SettingKind};
use crate::analysis::{Article, Mention, Person};
use crate::config::Severity;

pub const CODE: &str = "name-variant";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Person,
    summary: "A person's name spelled more than one way in one article",
    explanation: "A name spelled two ways is a correction waiting to happen. copydesk groups \
the mentions of each person (full names, honorific and surname, surname alone) and flags \
the spellings that differ from the canonical one: a dropped or doubled letter, two letters \
swapped, a missing accent, a hyphen for a space. The canonical spelling is the style \
book's (`names.canonical`), else the one the article uses most (between spellings used as \
often, the one with accents, a known surname or the commoner given name): a typo in the \
first reference does not become the name. Two spellings used as often with nothing to \
choose between them are both flagged, for the desk to check which is right. A relative's \
surname misspelt (`Laura Bsuh` beside `George W. Bush`) is flagged with the family's \
spelling, the two people kept apart. Different people with close names (siblings, spouses, `Li` and \
`Lee`, `Ed` and `David Miliband`) are never merged, a short name is joined only by a \
spelling that is no word or name of its own, a spelling marked `[sic]` or inside an \
embedded post is the writer's, and copy not in English is not checked. The fixes change this mention, or every variant \
at once. `copydesk check FOLDER` also compares the articles found in one folder: a person \
named in full one way in one article and another way in another is flagged where the odd \
article names them (the style book, else the spelling most articles use, decides); the \
language server compares each open story with the other articles of its workspace (every \
folder of a multi-root workspace) the same way, and its fix respells the person in every \
mention of the story written that way.",
    bad: "Foreign Minister Dmytro Kuleba arrived on Monday. Mr Kulebba told reporters the talks would go on.",
    good: "Foreign Minister Dmytro Kuleba arrived on Monday. Mr Kuleba told reporters the talks would go on.",
    settings: &[Setting {
        key: "names.canonical",
        kind: SettingKind::Names,
        description: "The style book: full names spelled as the newsroom spells them (`Volodymyr Zelensky`); they win over the article's own spelling.",
    }],
};

pub struct NameVariant;

impl Rule for NameVariant {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_, '_>, part: Part<'_>, out: &mut Vec<Finding>) {
        // Copy not in English gets one `not-english` finding and no other.
        if cx.article.is_foreign() {
            return;
        }
        check_variants(
            cx.article,
            cx.severity,
            &cx.config.names.canonical,
            persons(cx.article, part).into_iter(),
            out,
        );
    }
}

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
    if let (Some(_), Some(given)) = (person.surname_after_given(m), &m.given_text) {
        // The given name as the edit above left it, then the surname.
        if person.surname_variant(m) {
            let given = if person.given_variant(m) {
                person.given.as_ref().unwrap_or(given)
            } else {
                given
            };
            let new_text = format!("{given} {}", person.surname);
            edits.retain(|e| {
                e.range.start >= start + m.name.end || e.range.end <= start + m.name.start
            });
            edits.push(Edit {
                range: start + m.name.start..start + m.name.end,
                new_text: new_text.clone(),
            });
            text = new_text;
        }
        return (text, edits);
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

/// Whether the article shows the person is a person: named in full, or
/// with an honorific or title (`Mr Kuleba`), at least once. A capitalised
/// word grouped on its own (`Pride`, `Universe`) has no spelling to keep.
fn is_someone(article: &Article<'_>, person: &Person) -> bool {
    person.given.is_some() || mentions(article, person).any(|(_, m, _)| m.honorific.is_some())
}

/// For a person spelled two ways as often ([`Person::tied_with`]), the
/// mentions spelled the canonical way: either spelling may be the typo.
fn check_ties(article: &Article<'_>, severity: Severity, person: &Person, out: &mut Vec<Finding>) {
    let Some(other) = &person.tied_with else {
        return;
    };
    for (_, m, start) in mentions(article, person).filter(|(_, m, _)| person.tied_mention(m)) {
        out.push(Finding {
            code: CODE,
            severity,
            range: start + m.name.start..start + m.name.end,
            message: format!(
                "‘{}’ is also spelled ‘{other}’ in this article, as often: check which is right and use one spelling",
                m.name_text
            ),
            fixes: Vec::new(),
        });
    }
}

/// Whether the style book accepts the mention's spelling: it lists the name
/// as written, or a name with the same surname (and the same given name,
/// when the mention has one). An accepted spelling is never a variant, even
/// of someone whose other spelling the style book lists too (two people).
fn accepted(style_book: &[String], m: &Mention) -> bool {
    style_book.iter().any(|entry| {
        let entry = entry.trim();
        if entry == m.name_text {
            return true;
        }
        let (given, surname) = match entry.rsplit_once(' ') {
            Some((g, s)) => (Some(g.trim()), s),
            None => (None, entry),
        };
        surname == m.surname_text
            && match (&m.given_text, given) {
                (None, _) => true,
                (Some(written), Some(listed)) => listed == written,
                (Some(_), None) => false,
            }
    })
}

pub fn check_variants<'p>(
    article: &Article<'_>,
    severity: Severity,
    style_book: &[String],
    persons: impl Iterator<Item = &'p Person>,
    out: &mut Vec<Finding>,
) {
    for person in persons {
        if !person.may_have_variants() || !is_someone(article, person) {
            continue;
        }
        let variants: Vec<(&Mention, usize)> = mentions(article, person)
            .filter(|(_, m, _)| person.is_variant(m) && !accepted(style_book, m))
            .map(|(_, m, s)| (m, s))
            .collect();
        if variants.is_empty() {
            continue;
        }
        check_ties(article, severity, person, out);
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
            } else if canonical_uses == 0 {
                // A relative's spelling (`Hillary Clinto` beside `Bill Clinton`).
                format!(
                    "‘{}’: the surname is spelled ‘{}’ elsewhere in the article: use ‘{}’",
                    m.name_text, person.surname, fixed
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
                // Say what the edits write: the one spelling they all put
                // in (`Reid`), not the full name when only surnames change.
                let mut written: Vec<&str> = all.iter().map(|e| e.new_text.as_str()).collect();
                written.sort_unstable();
                written.dedup();
                let title = match written[..] {
                    [one] => format!("Change all {n} variants to ‘{one}’"),
                    _ => format!(
                        "Change all {n} variants to the spelling of ‘{}’",
                        person.canonical
                    ),
                };
                fixes.push(Fix {
                    title,
                    edits: all.clone(),
                    safe: false,
                });
            }
            out.push(Finding {
                code: CODE,
                severity,
                range: start + m.name.start..start + m.name.end,
                message,
                fixes,
            });
        }
    }
}

/// The fix of a person this article spells otherwise than the workspace's
/// other articles (`check FOLDER`, the language server's workspace): every
/// mention written as the article names the person first in full
/// (`at`, a document range) respelt `given surname`, the other articles'
/// spelling. Mentions the article itself spells otherwise are its own
/// `name-variant` findings and are left alone. `None` when nothing would
/// change.
pub fn across_fix(
    article: &Article<'_>,
    at: &std::ops::Range<usize>,
    given: &str,
    surname: &str,
) -> Option<Fix> {
    let person = article.people.iter().find(|p| {
        p.first_full_reference.is_some_and(|r| {
            article.paragraphs.get(r.para).is_some_and(|para| {
                para.facts.mentions.get(r.index).is_some_and(|m| {
                    para.start + m.name.start == at.start && para.start + m.name.end == at.end
                })
            })
        })
    })?;
    let written_given = person.given.as_deref();
    let mut edits = Vec::new();
    let mut places = 0;
    for (_, m, start) in mentions(article, person) {
        let before = edits.len();
        if written_given != Some(given) {
            if let (Some(g), Some(text)) = (&m.given, &m.given_text) {
                if Some(text.as_str()) == written_given {
                    edits.push(Edit {
                        range: start + g.start..start + g.end,
                        new_text: given.to_string(),
                    });
                }
            }
        }
        if m.surname_text == person.surname && person.surname != surname {
            edits.push(Edit {
                range: start + m.surname_range.start..start + m.surname_range.end,
                new_text: surname.to_string(),
            });
        }
        places += usize::from(edits.len() > before);
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    // Say what changes: the surname, the given name or both.
    let mut parts = Vec::new();
    if let Some(g) = written_given.filter(|&g| g != given) {
        parts.push(format!("‘{g}’ to ‘{given}’"));
    }
    if person.surname != surname {
        parts.push(format!("‘{}’ to ‘{surname}’", person.surname));
    }
    let title = match places {
        1 => format!("Change {}", parts.join(" and ")),
        n => format!("Change {} in all {n} mentions", parts.join(" and ")),
    };
    Some(Fix {
        title,
        edits,
        safe: false,
    })
}

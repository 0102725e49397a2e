//! A cue's speaker phrase resolved to a person, an organisation or a source.

use std::ops::Range;

use super::keys::ParaKey;
use super::lookup::{display_name, With};
use super::reads::person_for_name;
use super::row::Row;
use super::state::{role_words, FactRef, Seen, Target, Walk};
use super::types::{Resolution, ResolvedCue, SpeakerKind};
use crate::analysis::cues::{
    is_role_noun, is_source_noun, normalise, PhraseKind, Pronoun, SpeakerPhrase,
};
use crate::analysis::names::{Gender, PersonId};
use crate::analysis::ParagraphFacts;

pub(super) type Resolved = (
    SpeakerKind,
    String,
    Option<String>,
    Option<PersonId>,
    Resolution,
    Option<(ParaKey, FactRef)>,
);

#[allow(clippy::too_many_arguments)]
pub(super) fn resolve(
    w: &With<'_>,
    walk: &mut Walk,
    f: &ParagraphFacts,
    pi: usize,
    index: usize,
    phrase: &SpeakerPhrase,
    quoted: &[String],
    row: &mut Row,
) -> Option<Resolved> {
    let at = phrase.range.start;
    let here = |target: Target| Seen {
        target,
        key: w.keys.key(pi),
        fact: FactRef::Cue(index),
        at,
    };
    // `said Poll`, `Court said`: a word that heads organisations' names,
    // alone, is the surname of someone the article names.
    let kind = if phrase.kind == PhraseKind::Organisation
        && !phrase.text.contains(' ')
        && phrase.text.starts_with(char::is_uppercase)
        && w.ctx
            .surnames
            .contains_key(phrase.text.to_lowercase().as_str())
    {
        PhraseKind::Named
    } else {
        phrase.kind
    };
    match kind {
        PhraseKind::Named => {
            let name_range = phrase.name.clone().unwrap_or(phrase.range.clone());
            let name_text = phrase.name_text.clone().unwrap_or(phrase.text.clone());
            match person_for_name(w, f, pi, &name_range, &name_text) {
                Some(id) => {
                    if let Some(role) = &phrase.role_text {
                        walk.add_role(role, here(Target::Person(id)));
                        row.roles.push((id, role.clone()));
                    }
                    walk.saw(w.people, here(Target::Person(id)), None);
                    let (name, role) = w.person_speaker(id);
                    Some((
                        SpeakerKind::Person,
                        name,
                        role.or(phrase.role_text.clone()),
                        Some(id),
                        Resolution::Direct,
                        None,
                    ))
                }
                None => {
                    let name = display_name(&name_text);
                    let gender = phrase.role_text.as_deref().and_then(role_gender);
                    walk.saw(
                        w.people,
                        here(Target::Source {
                            name: name.as_str().into(),
                            kind: SpeakerKind::Person,
                        }),
                        gender,
                    );
                    Some((
                        SpeakerKind::Person,
                        name,
                        phrase.role_text.clone(),
                        None,
                        Resolution::Direct,
                        None,
                    ))
                }
            }
        }
        PhraseKind::Pronoun(p) => {
            let mut seen = walk.pronoun(p, pi, w.keys, |_| false)?.clone();
            // `“Sam’s been our best player,” he said`: not Sam.
            let named_in_quote = |id: PersonId| {
                w.people.person(id).is_some_and(|person| {
                    quoted.iter().any(|word| {
                        w.ctx.surname_lower.get(id).map(|s| &**s) == Some(word.as_str())
                            || person
                                .given
                                .as_deref()
                                .is_some_and(|g| g.to_lowercase() == *word)
                    })
                })
            };
            let named = |s: &Seen| matches!(s.target, Target::Person(id) if named_in_quote(id));
            if named(&seen) && matches!(p, Pronoun::He | Pronoun::She) {
                if let Some(other) = walk.pronoun(p, pi, w.keys, named) {
                    seen = other.clone();
                }
            }
            if let (Target::Person(id), Some(g)) = (&seen.target, phrase.gender) {
                if walk.gender(w.people, *id).is_none() {
                    walk.learned.insert(*id, g);
                }
            }
            let (kind, name, role, person) = follow(
                w,
                walk,
                row,
                &seen,
                at..phrase.range.end,
                index,
                pi,
                phrase.gender,
            );
            let res = Resolution::Pronoun {
                para: 0,
                antecedent: 0,
            };
            Some((kind, name, role, person, res, Some((seen.key, seen.fact))))
        }
        PhraseKind::Role => {
            let head = phrase.head.clone().unwrap_or_default();
            let found = walk.find_role(&phrase.text).cloned().or_else(|| {
                // `said the Russian`, `the 21-year-old`: the person last named.
                // Not `Smith’s spokesman`, `his representative` or `the
                // official`: someone else.
                let is_possessive = |w: &str| {
                    w.ends_with("’s")
                        || w.ends_with("'s")
                        || crate::lexicon::quotes::possessives().contains(w)
                };
                let possessive = phrase.text.split(' ').next().is_some_and(is_possessive);
                // Nor `the head of the city’s police union`: a role with its
                // own organisation introduces someone.
                // (`of the …`, `for a …`; not a title's own `secretary of
                // state`.)
                let mut after = phrase
                    .text
                    .split(' ')
                    .skip_while(|w| !w.eq_ignore_ascii_case(&head))
                    .skip(1);
                let complement = after
                    .next()
                    .is_some_and(|w| matches!(w, "of" | "for" | "at"))
                    && after.next().is_some_and(|w| {
                        crate::lexicon::quotes::articles().contains(w) || is_possessive(w)
                    });
                ((is_role_noun(head.as_str()) && !is_source_noun(&head) || head.contains('-'))
                    && !possessive
                    && !complement)
                    .then(|| walk.last_not_possessive().cloned())
                    .flatten()
                    .filter(|seen| !other_office(w.people, seen, &head))
            });
            match found {
                Some(seen) => {
                    let (kind, name, role, person) = follow(
                        w,
                        walk,
                        row,
                        &seen,
                        at..phrase.range.end,
                        index,
                        pi,
                        phrase.gender,
                    );
                    let res = Resolution::RoleNoun {
                        para: 0,
                        antecedent: 0,
                    };
                    let antecedent = Some((seen.key, seen.fact));
                    let role = role.or(Some(phrase.text.clone()));
                    Some((kind, name, role, person, res, antecedent))
                }
                None => {
                    // An unknown role: an anonymous source named by that role.
                    let name = normalise(&phrase.text);
                    let target = Target::Source {
                        name: name.as_str().into(),
                        kind: SpeakerKind::Anonymous,
                    };
                    walk.add_role(&name, here(target.clone()));
                    walk.saw(w.people, here(target), phrase.gender);
                    let direct = Resolution::Direct;
                    Some((SpeakerKind::Anonymous, name, None, None, direct, None))
                }
            }
        }
        PhraseKind::Anonymous | PhraseKind::Organisation => {
            let kind = if phrase.kind == PhraseKind::Organisation {
                SpeakerKind::Organisation
            } else {
                SpeakerKind::Anonymous
            };
            let definite = phrase.text.to_lowercase().starts_with("the ");
            // `the official` after `a senior official`; `the association` after its full name.
            if definite {
                if let Some(seen) = walk.find_role(&phrase.text).cloned() {
                    if let Target::Source { name, kind: k } = &seen.target {
                        let res = Resolution::RoleNoun {
                            para: 0,
                            antecedent: 0,
                        };
                        let antecedent = Some((seen.key, seen.fact));
                        let out = (*k, name.to_string(), None, None, res, antecedent);
                        walk.saw(w.people, here(seen.target.clone()), phrase.gender);
                        return Some(out);
                    }
                }
            }
            let name = phrase.text.clone();
            let target = Target::Source {
                name: name.as_str().into(),
                kind,
            };
            walk.add_role(&name, here(target.clone()));
            // (`organisers said`, `her family said`: people, but no
            // antecedent of `he`.)
            let group =
                kind == SpeakerKind::Anonymous && phrase.head.as_deref().is_some_and(is_group);
            if group {
                walk.saw_group(here(target));
            } else {
                walk.saw(w.people, here(target), phrase.gender);
            }
            Some((kind, name, None, None, Resolution::Direct, None))
        }
        PhraseKind::Elided => None,
    }
}

/// A pronoun or role cue at `cue` (phrase of cue `index`) that refers back
/// to `seen`: the speaker it gives, the cue recorded for inlay hints when it
/// is a person, and the walk told that this person (or source) was just
/// referred to again.
#[allow(clippy::too_many_arguments)]
pub(super) fn follow(
    w: &With<'_>,
    walk: &mut Walk,
    row: &mut Row,
    seen: &Seen,
    cue: Range<usize>,
    index: usize,
    para: usize,
    gender: Option<Gender>,
) -> (SpeakerKind, String, Option<String>, Option<PersonId>) {
    let (kind, name, role, person) = match &seen.target {
        Target::Person(id) => {
            let (name, role) = w.person_speaker(*id);
            (SpeakerKind::Person, name, role, Some(*id))
        }
        Target::Source { name, kind } => (*kind, name.to_string(), None, None),
    };
    if let Some(id) = person {
        row.resolved.push((
            index,
            ResolvedCue {
                range: cue.clone(),
                para,
                person: id,
                surname: w
                    .people
                    .person(id)
                    .map(|p| p.surname.clone())
                    .unwrap_or_default(),
                name: name.clone(),
            },
        ));
    }
    walk.saw(
        w.people,
        Seen {
            at: cue.start,
            fact: FactRef::Cue(index),
            key: w.keys.key(para),
            target: seen.target.clone(),
        },
        gender,
    );
    (kind, name, role, person)
}

/// Whether a speaker's head noun names more than one person: a plural
/// (`officials`, `police`) or a collective noun (`her family`).
pub(super) fn is_group(head: &str) -> bool {
    use crate::lexicon::quotes as lex;
    lex::plural_subjects().contains(head)
        || lex::group_nouns().contains(head)
        || head.ends_with('s') && !head.ends_with("ss") && !head.ends_with("us")
}

/// The gender a role shows (`Her husband` → male, `the spokeswoman` → female).
/// Whether the person `seen` refers to holds another office than `head`
/// names (`The senator …` after `President Barack Obama`): every title the
/// copy gives them is an office of its own, written out (not `Sen`, which
/// may be short for anything), and not `head`. Such a person is no
/// antecedent for a role no one was introduced in.
fn other_office(people: &crate::analysis::names::People, seen: &Seen, head: &str) -> bool {
    use crate::lexicon::names::{Lexical, GAZETTEER};
    let office = |w: &str| {
        matches!(
            GAZETTEER.lexical_lower(w),
            Some(Lexical::Title { head: true, .. })
        )
    };
    let Target::Person(id) = seen.target else {
        return false;
    };
    let Some(person) = people.person(id) else {
        return false;
    };
    let head = head.to_lowercase();
    !person.titles.is_empty()
        && office(&head)
        && person.titles.iter().all(|t| {
            let last = t.rsplit(' ').next().unwrap_or(t).to_lowercase();
            last.chars().count() >= 4 && office(&last) && last != head && !head.starts_with(&last)
        })
}

pub(super) fn role_gender(role: &str) -> Option<Gender> {
    let head = role_words(role).last().cloned()?;
    use crate::lexicon::quotes::{female_nouns, male_nouns};
    if male_nouns().contains(&head) {
        Some(Gender::Male)
    } else if female_nouns().contains(&head) {
        Some(Gender::Female)
    } else {
        None
    }
}

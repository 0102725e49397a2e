//! One step of the walk: a paragraph's mentions, role links, cues and
//! name words taken in byte order, each cue given its speaker, into the
//! paragraph's [`Row`](super::row::Row) (which holds no offsets).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::lookup::{looks_like_person, With};
use super::reads::person_for_name;
use super::resolve::{is_group, resolve, role_gender};
use super::row::{Found, Row};
use super::state::{FactRef, Seen, Target, Walk};
use super::types::{Resolution, Speaker, SpeakerKind, SpeakerMention};
use crate::analysis::cues::PhraseKind;
use crate::analysis::names::{MentionRef, PersonId};
use crate::analysis::ParagraphFacts;
use crate::text::Paragraph;

/// Whether byte `offset` is copy, given the sorted ranges that are not.
pub(super) fn is_copy(not_prose: &[Range<usize>], offset: usize) -> bool {
    let i = not_prose.partition_point(|r| r.end <= offset);
    not_prose.get(i).is_none_or(|r| offset < r.start)
}

/// One step of the walk: paragraph `pi`.
pub(super) fn walk_paragraph<'p>(
    w: &With<'_>,
    walk: &mut Walk,
    pi: usize,
    para: Paragraph<'p, ParagraphFacts>,
    person_like: &mut HashMap<&'p str, bool>,
) -> Row {
    let people = w.people;
    let f = &para.facts;
    let q = &f.quotes;
    let mut row = Row {
        speakers: vec![None; q.cues.len()],
        ..Row::default()
    };
    // Events in byte order: 0 = mention, 1 = role link, 2 = cue, 3 = name
    // word, 4 = a pronoun as a sentence's subject, 5 = a definite role as
    // one, 6 = a surname alone as one.
    let mut events: Vec<(usize, u8, usize)> = Vec::new();
    // The outer quotes are in order and do not overlap: whether an offset
    // is inside one, and which mentions one holds, are found by binary
    // search (a paragraph of many megabytes stays linear).
    let outer: Vec<Range<usize>> = q.outer().map(|s| s.open.start..s.end(para.len)).collect();
    let inside = |at: usize| {
        let k = outer.partition_point(|r| r.start <= at);
        k > 0 && at < outer[k - 1].end
    };
    debug_assert!(
        f.mentions
            .windows(2)
            .all(|p| p[0].name.end <= p[1].name.start),
        "mentions' names in text order, not overlapping"
    );
    let mut mention_starts: Vec<(usize, usize)> = f
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.range.start, i))
        .collect();
    mention_starts.sort_unstable();
    let mentions_in = |r: Range<usize>| {
        let from = mention_starts.partition_point(|&(at, _)| at < r.start);
        mention_starts[from..]
            .iter()
            .take_while(move |&&(at, _)| at < r.end)
            .map(|&(_, i)| &f.mentions[i])
    };
    // Whether a mention holds an offset: the furthest end among the
    // mentions that start at or before it reaches past it.
    let reach: Vec<usize> = mention_starts
        .iter()
        .scan(0, |end, &(_, i)| {
            *end = (*end).max(f.mentions[i].range.end);
            Some(*end)
        })
        .collect();
    let in_a_mention = |at: usize| {
        let k = mention_starts.partition_point(|&(start, _)| start <= at);
        k > 0 && reach[k - 1] > at
    };
    // The outer quotes each cue attributes.
    let mut quotes_of_cue: Vec<Vec<usize>> = vec![Vec::new(); q.cues.len()];
    for (k, c) in q.quote_cues.iter().enumerate().take(outer.len()) {
        if let Some(list) = c.and_then(|c| quotes_of_cue.get_mut(c)) {
            list.push(k);
        }
    }
    for (i, m) in f.mentions.iter().enumerate() {
        if inside(m.range.start) {
            continue;
        }
        if *person_like
            .entry(m.name_text.as_str())
            .or_insert_with(|| looks_like_person(&m.name_text))
        {
            events.push((m.range.start, 0, i));
        }
    }
    for (i, r) in q.roles.iter().enumerate() {
        events.push((r.name.start.min(r.role.start), 1, i));
    }
    for (i, c) in q.cues.iter().enumerate() {
        let at = c.speaker.as_ref().map_or(c.verb.start, |s| s.range.start);
        events.push((at, 2, i));
    }
    for (i, (at, _)) in q.name_words.iter().enumerate() {
        events.push((*at, 3, i));
    }
    // (A pronoun that speaks is its cue's: resolved there.)
    let mut speaking: Vec<usize> = q
        .cues
        .iter()
        .filter_map(|c| Some(c.speaker.as_ref()?.range.start))
        .collect();
    speaking.sort_unstable();
    let mut subject = |at: usize, kind: u8, i: usize| {
        if speaking.binary_search(&at).is_err() && !inside(at) {
            events.push((at, kind, i));
        }
    };
    for (i, (at, _)) in q.subject_pronouns.iter().enumerate() {
        subject(*at, 4, i);
    }
    for (i, (at, _)) in q.subject_roles.iter().enumerate() {
        subject(*at, 5, i);
    }
    for (i, (at, _)) in q.subject_names.iter().enumerate() {
        subject(*at, 6, i);
    }
    events.sort_unstable();
    // What the walk sees at `at` in this paragraph.
    let here = |target: Target, fact: FactRef, at: usize| Seen {
        target,
        key: w.keys.key(pi),
        fact,
        at,
    };
    for (at, kind, i) in events {
        match kind {
            0 => {
                let r = MentionRef { para: pi, index: i };
                if let Some(person) = people.person_of(r) {
                    let m = &f.mentions[i];
                    if let Some(surname) = w.ctx.surname_lower.get(person.id) {
                        if walk.introduced.get(surname) != Some(&person.id) {
                            walk.introduced.insert(Arc::clone(surname), person.id);
                        }
                    }
                    let seen = here(Target::Person(person.id), FactRef::Mention(i), at);
                    if let Some(role) = &m.role {
                        walk.add_role(role, seen.clone());
                    }
                    // `Jane Doe, 34,` … `the 34-year-old said`.
                    if let Some(age) = m.age {
                        walk.add_role(&format!("{age}-year-old"), seen.clone());
                    }
                    walk.saw(people, seen, m.gender);
                    if let Some(last) = walk.recent.last_mut() {
                        last.2 = m.possessive;
                        last.3 = m.subject;
                    }
                }
            }
            3 => {
                // A surname used alone (`Morozova, who …`), not a word
                // of a mention already seen.
                let (_, word) = &q.name_words[i];
                let in_mention = in_a_mention(at);
                let introduced = walk.introduced.get(word.as_str());
                if let Some(&id) = introduced.filter(|_| !in_mention) {
                    walk.saw(people, here(Target::Person(id), FactRef::Word(i), at), None);
                }
            }
            6 => {
                // `Carson defied the question. “…,” he said.`: someone the
                // copy names by surname only (no one named in full has it)
                // is the sentence's subject, as a source of that name.
                let (_, word) = &q.subject_names[i];
                let key = word.to_lowercase();
                let named = walk.introduced.contains_key(key.as_str())
                    || w.ctx.surnames.contains_key(key.as_str())
                    || mention_starts[mention_starts.partition_point(|&(s, _)| s < at)..]
                        .iter()
                        .take_while(|&&(s, _)| s == at)
                        .any(|&(_, index)| {
                            people.person_of(MentionRef { para: pi, index }).is_some()
                        });
                if !named {
                    let target = Target::Source {
                        name: word.as_str().into(),
                        kind: SpeakerKind::Person,
                    };
                    walk.saw_surname(here(target, FactRef::Name(i), at));
                }
            }
            5 => {
                // `The minister later visited the port. She said: …`: the
                // person introduced in that role (or one it may stand for,
                // `the top Brazilian diplomat`) is the sentence's subject.
                let (_, role) = &q.subject_roles[i];
                let found = walk.find_role(role).map(|s| s.target.clone());
                if let Some(Target::Person(id)) = found {
                    let possessive = role.ends_with("’s") || role.ends_with("'s");
                    let seen = here(Target::Person(id), FactRef::Role(i), at);
                    walk.saw_subject(people, seen, possessive);
                }
            }
            4 => {
                // `He nodded to his rival, Ted Cruz.`: the person `he` is
                // stays the one the paragraph is about, as its subject.
                let (_, pronoun) = q.subject_pronouns[i];
                let seen = walk.pronoun(pronoun, pi, w.keys, |_| false).cloned();
                if let Some(Seen {
                    target: Target::Person(id),
                    ..
                }) = seen
                {
                    let seen = here(Target::Person(id), FactRef::Pronoun(i), at);
                    walk.saw_subject(people, seen, false);
                }
            }
            1 => {
                let link = &q.roles[i];
                if let Some(id) = person_for_name(w, f, pi, &link.name, &link.name_text) {
                    let seen = here(Target::Person(id), FactRef::Link(i), link.name.start);
                    walk.add_role(&link.role_text, seen);
                    row.roles.push((id, link.role_text.clone()));
                }
            }
            _ => {
                let cue = &q.cues[i];
                let Some(phrase) = &cue.speaker else { continue };
                // Names the quotes this cue attributes mention.
                let quoted: Vec<String> = quotes_of_cue[i]
                    .iter()
                    .flat_map(|&k| mentions_in(outer[k].clone()))
                    .flat_map(|m| m.name_text.split(' ').map(str::to_lowercase))
                    .collect();
                let sp = resolve(w, walk, f, pi, i, phrase, &quoted, &mut row);
                if let Some((_, _, _, Some(id), _, _)) = &sp {
                    // A speaker is as salient as a sentence's subject.
                    if let Some(e) = walk
                        .recent
                        .iter_mut()
                        .rev()
                        .find(|(s, ..)| s.target == Target::Person(*id))
                    {
                        e.3 = true;
                        e.2 = false;
                    }
                }
                // The writer (`I said`) is no one a later pronoun refers to,
                // nor is a group (`her family asked for privacy … “…,” he
                // added`).
                let writer = matches!(phrase.head.as_deref(), Some("i" | "we"));
                if let Some((kind, name, _, person, _, _)) = &sp {
                    let group = person.is_none() && phrase.head.as_deref().is_some_and(is_group);
                    if *kind != SpeakerKind::Organisation && !writer && !group {
                        let (target, gender) = match person {
                            Some(id) => (Target::Person(*id), walk.gender(people, *id)),
                            None => (
                                Target::Source {
                                    name: name.as_str().into(),
                                    kind: *kind,
                                },
                                phrase
                                    .gender
                                    .or_else(|| phrase.role_text.as_deref().and_then(role_gender)),
                            ),
                        };
                        let seen = here(target, FactRef::Cue(i), phrase.range.start);
                        walk.last_speaker = Some((seen, gender));
                    }
                }
                row.speakers[i] =
                    sp.map(|(kind, name, role, person, resolution, antecedent)| Found {
                        cue: i,
                        speaker: Speaker {
                            kind,
                            name,
                            role,
                            person,
                            mention: SpeakerMention {
                                range: phrase.range.clone(),
                                text: phrase.text.clone(),
                            },
                            cue: cue.word.clone(),
                            cue_range: cue.verb.clone(),
                            resolution,
                        },
                        antecedent,
                    });
            }
        }
    }
    // Reported speech by them: a cue of the paragraph names them (looked
    // at first: most paragraphs have no such cue).
    let speaks = |id: PersonId| {
        row.speakers
            .iter()
            .flatten()
            .any(|found| found.speaker.person == Some(id))
    };
    if row
        .speakers
        .iter()
        .flatten()
        .any(|f| f.speaker.person.is_some())
    {
        row.topic =
            topic(w, pi, f, inside, person_like).filter(|(_, sp)| sp.person.is_some_and(speaks));
    }
    // Elided speakers take the previous cue's speaker in the paragraph.
    for i in 1..row.speakers.len() {
        if row.speakers[i].is_none()
            && q.cues[i]
                .speaker
                .as_ref()
                .is_some_and(|s| s.kind == PhraseKind::Elided)
        {
            row.speakers[i] = row.speakers[i - 1].clone();
        }
    }
    // Rows are kept for as long as the document is open (to resume the
    // walk after an edit): no room left over from growing.
    row.resolved.shrink_to_fit();
    row.roles.shrink_to_fit();
    row
}

/// The person paragraph `pi` is about ([`Row::topic`]).
fn topic<'p>(
    w: &With<'_>,
    pi: usize,
    f: &'p ParagraphFacts,
    inside: impl Fn(usize) -> bool,
    person_like: &mut HashMap<&'p str, bool>,
) -> Option<(usize, Speaker)> {
    let person = |i: usize| {
        w.people
            .person_of(MentionRef { para: pi, index: i })
            .map(|p| p.id)
    };
    let mut outside = f
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| !inside(m.range.start));
    let (i, m, id) = outside.find_map(|(i, m)| {
        let like = *person_like
            .entry(m.name_text.as_str())
            .or_insert_with(|| looks_like_person(&m.name_text));
        like.then(|| person(i)).flatten().map(|id| (i, m, id))
    })?;
    if !m.subject
        || m.heading
        || outside.any(|(j, o)| o.subject && person(j).is_some_and(|x| x != id))
    {
        return None;
    }
    let (name, role) = w.person_speaker(id);
    Some((
        i,
        Speaker {
            kind: SpeakerKind::Person,
            name,
            role,
            person: Some(id),
            mention: SpeakerMention {
                range: m.range.clone(),
                text: m.name_text.clone(),
            },
            cue: String::new(),
            cue_range: m.range.clone(),
            resolution: Resolution::Topic,
        },
    ))
}

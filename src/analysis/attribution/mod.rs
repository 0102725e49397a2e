//! Attribution (article pass, over facts): joins quotes that run over
//! paragraphs and finds each quote's speaker.
//!
//! One walk over the paragraphs in order, keeping a running "last person by
//! gender", the last organisation and a role index keyed by head noun, so
//! the pass is linear in the number of facts: pronouns (`he`, `she`, `they`)
//! go to the most recent compatible person, role nouns (`the minister`) to the
//! person introduced with that role, `the official` to the source introduced
//! as `a senior official`.

mod assembly;
mod reads;
mod resolve;
pub(crate) mod resume;
mod state;
mod types;

use self::resolve::resolve;
pub(crate) use assembly::attribute_logged;
use assembly::*;
pub use reads::looks_like_person;
pub(crate) use reads::Reads;
use reads::{person_for_name, reads_of};
use state::*;
pub use types::*;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::text::{Paragraph, Paragraphs};

use super::cues::{
    is_org_word, is_role_noun, is_source_noun, normalise, not_a_name, PhraseKind, Pronoun,
    SpeakerPhrase,
};
use super::names::{Gender, MentionRef, People, PersonId};
use super::quotes::QuoteKind;
use super::ParagraphFacts;

/// The result of the pass.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    pub quotes: Vec<Quote>,
    pub resolved: Vec<ResolvedCue>,
    /// Per person id: how many quotes are attributed to them.
    pub quotes_by_person: Vec<usize>,
    /// Per person id: the first role the copy gives them.
    pub roles: Vec<Option<String>>,
}

impl Attribution {
    /// The quote whose range holds `offset`.
    pub fn quote_at(&self, offset: usize) -> Option<&Quote> {
        quote_at(&self.quotes, offset)
    }

    /// For each of the people `ids`, the paragraphs from their first
    /// mention or quote to their last.
    pub fn spans_of<'s>(
        &'s self,
        people: &'s People,
        ids: &'s [PersonId],
    ) -> impl Iterator<Item = Range<usize>> + 's {
        ids.iter().filter_map(move |&id| {
            let person = people.person(id)?;
            let mentions = person.mentions.iter().map(|r| r.para..r.para + 1);
            let quotes = self
                .quotes
                .iter()
                .filter(|q| q.speaker.as_ref().and_then(|s| s.person) == Some(id))
                .map(|q| q.paragraphs.clone());
            mentions
                .chain(quotes)
                .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
        })
    }

    /// The attribution with its people's ids changed by `map` (old id →
    /// new id, from [`People::renumbered`]); the tables by person keep
    /// only the people `map` keeps.
    pub fn renumbered(&self, map: &[Option<PersonId>]) -> Attribution {
        let to = |id: PersonId| map.get(id).copied().flatten();
        let mut out = self.clone();
        for q in &mut out.quotes {
            if let Some(sp) = &mut q.speaker {
                sp.person = sp.person.and_then(to);
            }
        }
        for c in &mut out.resolved {
            c.person = to(c.person).unwrap_or(usize::MAX);
        }
        let kept = map.iter().flatten().count();
        out.quotes_by_person = vec![0; kept];
        out.roles = vec![None; kept];
        for (old, new) in map.iter().enumerate() {
            if let Some(new) = *new {
                out.quotes_by_person[new] = self.quotes_by_person.get(old).copied().unwrap_or(0);
                out.roles[new] = self.roles.get(old).cloned().flatten();
            }
        }
        out
    }
}

/// The quote of `quotes` (in order) whose range holds `offset`.
pub fn quote_at(quotes: &[Quote], offset: usize) -> Option<&Quote> {
    let i = quotes.partition_point(|q| q.range.end <= offset);
    quotes.get(i).filter(|q| q.range.start <= offset)
}

/// A name without honorifics or leading role words and possessives
/// (`Ukraine’s Foreign Minister Dmytro Kuleba` → `Dmytro Kuleba`).
pub fn display_name(name: &str) -> String {
    let tokens: Vec<&str> = name.split(' ').collect();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if i + 1 == tokens.len() {
            break;
        }
        let low = t.trim_end_matches('.').to_lowercase();
        let bare = low.trim_end_matches("’s").trim_end_matches("'s");
        if is_role_noun(bare)
            || HONORIFICS.contains(&bare)
            || low.ends_with("’s")
            || low.ends_with("'s")
        {
            start = i + 1;
        }
    }
    tokens[start..].join(" ")
}

#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "judge", "rev", "cllr",
    "det", "insp", "supt", "sgt", "gov", "sen", "rep", "u.s", "state", "county",
];

/// What the walk needs to know of the people, worked out once per
/// [`People`] (and kept while the people are, or patched where some were
/// regrouped: [`Ctx::patched`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Ctx {
    /// Lower-case surname → the first person (in order of first mention)
    /// with a person's name who has it.
    surnames: imbl::HashMap<Arc<str>, PersonId>,
    /// Given names that only one person has (`Dad-of-three Mark said` for
    /// Mark Jones): `None` once a second person shares it; none that is
    /// someone's surname (`Mr Mark` is Mr Mark).
    given: imbl::HashMap<Arc<str>, Option<PersonId>>,
    /// By person id: the name without honorifics ([`display_name`]), the
    /// lower-case surname and given name, and whether the canonical name
    /// looks like a person's ([`looks_like_person`]).
    display: imbl::Vector<Arc<str>>,
    surname_lower: imbl::Vector<Arc<str>>,
    given_lower: imbl::Vector<Option<Arc<str>>>,
    like: imbl::Vector<bool>,
    /// The people with a person's name by lower-case surname and by given
    /// name, to patch the lookups by them.
    with_surname: imbl::HashMap<Arc<str>, Vec<PersonId>>,
    with_given: imbl::HashMap<Arc<str>, Vec<PersonId>>,
}

impl Ctx {
    /// A person's name without honorifics or leading role words.
    pub(crate) fn display(&self, id: PersonId) -> Option<&str> {
        self.display.get(id).map(|s| &**s)
    }

    pub(crate) fn new(people: &People) -> Self {
        let mut ctx = Self {
            surnames: imbl::HashMap::new(),
            given: imbl::HashMap::new(),
            display: imbl::Vector::new(),
            surname_lower: imbl::Vector::new(),
            given_lower: imbl::Vector::new(),
            like: imbl::Vector::new(),
            with_surname: imbl::HashMap::new(),
            with_given: imbl::HashMap::new(),
        };
        let mut with_surname: HashMap<Arc<str>, Vec<PersonId>> = HashMap::new();
        let mut with_given: HashMap<Arc<str>, Vec<PersonId>> = HashMap::new();
        for id in 0..people.id_bound() {
            ctx.set_person(people, id);
            if ctx.like[id] {
                with_surname
                    .entry(Arc::clone(&ctx.surname_lower[id]))
                    .or_default()
                    .push(id);
                if let Some(g) = &ctx.given_lower[id] {
                    with_given.entry(Arc::clone(g)).or_default().push(id);
                }
            }
        }
        ctx.with_surname = with_surname.into_iter().collect();
        ctx.with_given = with_given.into_iter().collect();
        let mut surnames: HashMap<Arc<str>, PersonId> = HashMap::new();
        let mut given: HashMap<Arc<str>, Option<PersonId>> = HashMap::new();
        for p in people.iter() {
            if ctx.like[p.id] {
                surnames
                    .entry(Arc::clone(&ctx.surname_lower[p.id]))
                    .or_insert(p.id);
                if let Some(g) = &ctx.given_lower[p.id] {
                    given
                        .entry(Arc::clone(g))
                        .and_modify(|e| *e = None)
                        .or_insert(Some(p.id));
                }
            }
        }
        given.retain(|g, _| !surnames.contains_key(g));
        ctx.surnames = surnames.into_iter().collect();
        ctx.given = given.into_iter().collect();
        ctx
    }

    /// Person `id`'s entries by id (empty for someone gone).
    fn set_person(&mut self, people: &People, id: PersonId) {
        while self.display.len() <= id {
            self.display.push_back(Arc::from(""));
            self.surname_lower.push_back(Arc::from(""));
            self.given_lower.push_back(None);
            self.like.push_back(false);
        }
        let p = people.person(id);
        self.display.set(
            id,
            p.map_or_else(|| Arc::from(""), |p| display_name(&p.canonical).into()),
        );
        self.surname_lower.set(
            id,
            p.map_or_else(|| Arc::from(""), |p| p.surname.to_lowercase().into()),
        );
        self.given_lower.set(
            id,
            p.and_then(|p| p.given.as_ref())
                .map(|g| g.to_lowercase().into()),
        );
        self.like
            .set(id, p.is_some_and(|p| looks_like_person(&p.canonical)));
    }

    /// This context for `people`, in which only the people `persons` were
    /// regrouped (some new, some gone), and the names whose lookup
    /// changed. Equal to [`Ctx::new`] of `people`.
    pub(crate) fn patched(
        &self,
        before: &People,
        people: &People,
        persons: &[PersonId],
    ) -> (Self, Vec<Arc<str>>) {
        let mut ctx = self.clone();
        let mut keys: Vec<Arc<str>> = Vec::new();
        let mut note = |c: &Ctx, id: PersonId| {
            if let Some(s) = c.surname_lower.get(id).filter(|s| !s.is_empty()) {
                keys.push(Arc::clone(s));
            }
            if let Some(Some(g)) = c.given_lower.get(id) {
                keys.push(Arc::clone(g));
            }
        };
        fn list(
            map: &mut imbl::HashMap<Arc<str>, Vec<PersonId>>,
            key: Option<&Arc<str>>,
            id: PersonId,
            add: bool,
        ) {
            let Some(key) = key else { return };
            let ids = map.entry(Arc::clone(key)).or_default();
            ids.retain(|&x| x != id);
            if add {
                ids.push(id);
                ids.sort_unstable();
            }
            if ids.is_empty() {
                map.remove(key);
            }
        }
        for &id in persons {
            // What the context reads of a person, unchanged, keeps its entries.
            fn read(p: &People, id: PersonId) -> Option<(&str, &str, Option<&str>)> {
                p.person(id)
                    .map(|p| (p.canonical.as_str(), p.surname.as_str(), p.given.as_deref()))
            }
            if read(before, id).is_some() && read(before, id) == read(people, id) {
                continue;
            }
            note(self, id);
            if ctx.like.get(id).copied().unwrap_or(false) {
                list(&mut ctx.with_surname, ctx.surname_lower.get(id), id, false);
                let given = ctx.given_lower.get(id).cloned().flatten();
                list(&mut ctx.with_given, given.as_ref(), id, false);
            }
            ctx.set_person(people, id);
            if ctx.like[id] {
                let surname = Arc::clone(&ctx.surname_lower[id]);
                list(&mut ctx.with_surname, Some(&surname), id, true);
                let given = ctx.given_lower[id].clone();
                list(&mut ctx.with_given, given.as_ref(), id, true);
            }
            note(&ctx, id);
        }
        keys.sort_unstable();
        keys.dedup();
        // Each name's lookups, again over everyone who has it.
        let first = |id: &PersonId| people.person(*id).map(|p| p.first_reference);
        for k in &keys {
            let surname = ctx
                .with_surname
                .get(k)
                .and_then(|ids| ids.iter().min_by_key(|id| first(id)))
                .copied();
            let given = ctx.with_given.get(k).map(|ids| match ids.as_slice() {
                [one] => Some(*one),
                _ => None,
            });
            match surname {
                Some(id) => ctx.surnames.insert(Arc::clone(k), id),
                None => ctx.surnames.remove(k),
            };
            match given.filter(|_| surname.is_none()) {
                Some(g) => ctx.given.insert(Arc::clone(k), g),
                None => ctx.given.remove(k),
            };
        }
        keys.retain(|k| {
            self.surnames.get(k) != ctx.surnames.get(k) || self.given.get(k) != ctx.given.get(k)
        });
        (ctx, keys)
    }
}

/// The people and what the walk derives from them.
struct With<'a> {
    people: &'a People,
    ctx: &'a Ctx,
}

impl With<'_> {
    fn person_speaker(&self, id: PersonId) -> (String, Option<String>) {
        match (self.people.person(id), self.ctx.display.get(id)) {
            (Some(p), Some(name)) => (name.to_string(), p.roles.first().cloned()),
            _ => (String::new(), None),
        }
    }
}

/// A cue's speaker as the walk found it, with no offsets: the mention and
/// cue word are those of cue `cue` of the paragraph, the antecedent a fact
/// (placed by [`Assembly::cue_speaker`]).
#[derive(Clone, Debug, PartialEq)]
struct Found {
    speaker: Speaker,
    cue: usize,
    antecedent: Option<(usize, FactRef)>,
}

/// What the walk made of one paragraph. It holds no offsets (only indices
/// of the paragraph's facts), so it stays true while the paragraph keeps its
/// facts, wherever they move.
#[derive(Clone, Debug, Default, PartialEq)]
struct Row {
    /// Per cue: its speaker (before roles learned later are filled in).
    speakers: Vec<Option<Found>>,
    /// Pronoun and role cues resolved to people: the cue's index, and the
    /// person (the range is the cue's phrase, placed later).
    resolved: Vec<(usize, ResolvedCue)>,
    /// Roles the copy gave people here, in order.
    roles: Vec<(PersonId, String)>,
}

/// A pronoun or role cue at `cue` (phrase of cue `index`) that refers back
/// to `seen`: the speaker it gives, the cue recorded for inlay hints when it
/// is a person, and the walk told that this person (or source) was just
/// referred to again.
#[allow(clippy::too_many_arguments)]
fn follow(
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
            para,
            target: seen.target.clone(),
        },
        gender,
    );
    (kind, name, role, person)
}

/// Whether byte `offset` is copy, given the sorted ranges that are not.
fn is_copy(not_prose: &[Range<usize>], offset: usize) -> bool {
    let i = not_prose.partition_point(|r| r.end <= offset);
    not_prose.get(i).is_none_or(|r| offset < r.start)
}

/// One step of the walk: paragraph `pi`.
fn walk_paragraph<'p>(
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
    // Events in byte order: 0 = mention, 1 = role link, 2 = cue, 3 = name word.
    let mut events: Vec<(usize, u8, usize)> = Vec::new();
    let outer: Vec<Range<usize>> = q.outer().map(|s| s.open.start..s.end(para.len)).collect();
    let inside = |at: usize| outer.iter().any(|r| r.start <= at && at < r.end);
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
    events.sort_unstable();
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
                    let seen = Seen {
                        target: Target::Person(person.id),
                        para: pi,
                        fact: FactRef::Mention(i),
                        at,
                    };
                    if let Some(role) = &m.role {
                        walk.add_role(role, seen.clone());
                    }
                    walk.saw(people, seen, m.gender);
                    if let Some(last) = walk.recent.last_mut() {
                        last.2 = m.possessive;
                        last.3 = m.sentence_start;
                    }
                }
            }
            3 => {
                // A surname used alone (`Morozova, who …`), not a word
                // of a mention already seen.
                let (_, word) = &q.name_words[i];
                let in_mention = f.mentions.iter().any(|m| m.range.contains(&at));
                let introduced = walk.introduced.get(word.as_str());
                if let Some(&id) = introduced.filter(|_| !in_mention) {
                    walk.saw(
                        people,
                        Seen {
                            target: Target::Person(id),
                            para: pi,
                            fact: FactRef::Word(i),
                            at,
                        },
                        None,
                    );
                }
            }
            1 => {
                let link = &q.roles[i];
                if let Some(id) = person_for_name(w, f, pi, &link.name, &link.name_text) {
                    walk.add_role(
                        &link.role_text,
                        Seen {
                            target: Target::Person(id),
                            para: pi,
                            fact: FactRef::Link(i),
                            at: link.name.start,
                        },
                    );
                    row.roles.push((id, link.role_text.clone()));
                }
            }
            _ => {
                let cue = &q.cues[i];
                let Some(phrase) = &cue.speaker else { continue };
                // Names the quotes this cue attributes mention.
                let quoted: Vec<String> = q
                    .outer()
                    .zip(&q.quote_cues)
                    .filter(|(_, c)| **c == Some(i))
                    .flat_map(|(span, _)| {
                        let r = span.open.start..span.end(para.len);
                        f.mentions
                            .iter()
                            .filter(move |m| r.contains(&m.range.start))
                    })
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
                // The writer (`I said`) is no one a later pronoun refers to.
                let writer = matches!(phrase.head.as_deref(), Some("i" | "we"));
                if let Some((kind, name, _, person, _, _)) = &sp {
                    if *kind != SpeakerKind::Organisation && !writer {
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
                        walk.last_speaker = Some((
                            Seen {
                                target,
                                para: pi,
                                fact: FactRef::Cue(i),
                                at: phrase.range.start,
                            },
                            gender,
                        ));
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
    row
}

impl Row {
    /// The resolved cues, placed in the document.
    fn placed<'r>(
        &'r self,
        pi: usize,
        para: Paragraph<'r, ParagraphFacts>,
    ) -> impl Iterator<Item = ResolvedCue> + 'r {
        self.resolved.iter().filter_map(move |(c, r)| {
            let phrase = para.facts.quotes.cues.get(*c)?.speaker.as_ref()?;
            Some(ResolvedCue {
                range: para.start + phrase.range.start..para.start + phrase.range.end,
                para: pi,
                ..r.clone()
            })
        })
    }

    /// A paragraph that is not copy: no cue has a speaker.
    fn blank(para: Paragraph<'_, ParagraphFacts>) -> Self {
        Self {
            speakers: vec![None; para.facts.quotes.cues.len()],
            ..Self::default()
        }
    }
}

/// The first role the copy gave each person, in article order, and the
/// row it is in.
type FirstRoles = HashMap<PersonId, (usize, String)>;

fn first_roles(rows: &[Row]) -> FirstRoles {
    let mut out = HashMap::new();
    for (at, row) in rows.iter().enumerate() {
        for (id, role) in &row.roles {
            out.entry(*id).or_insert_with(|| (at, role.clone()));
        }
    }
    out
}

/// The first role rows `from` on give each of the people `ids` (sorted),
/// with its row.
fn first_roles_from(rows: &[Row], from: usize, ids: &[PersonId]) -> Vec<Option<(usize, String)>> {
    let mut found: Vec<Option<(usize, String)>> = vec![None; ids.len()];
    let mut left = ids.len();
    for (at, row) in rows.iter().enumerate().skip(from) {
        for (id, role) in &row.roles {
            if left == 0 {
                return found;
            }
            if let Ok(k) = ids.binary_search(id) {
                if found[k].is_none() {
                    found[k] = Some((at, role.clone()));
                    left -= 1;
                }
            }
        }
    }
    found
}

/// A person's role: from their mentions, else the first the copy gave them.
fn role_of(people: &People, person_roles: &FirstRoles, id: PersonId) -> Option<String> {
    people
        .person(id)
        .and_then(|p| p.roles.first().cloned())
        .or_else(|| person_roles.get(&id).map(|(_, r)| r.clone()))
}

/// Every how many paragraphs the walk keeps its state: resuming re-walks
/// up to this many paragraphs before an edit (and after it) for a log this
/// many times smaller.
const STRIDE: usize = 4;

/// What the walk leaves behind so that it can be resumed at any paragraph:
/// its state before every [`STRIDE`]th one and what it made of each. Nothing
/// in it is a document offset, so it stays true across edits that keep
/// paragraphs' facts (see [`resume`]).
#[derive(Clone, Debug)]
pub(crate) struct WalkLog {
    ctx: Arc<Ctx>,
    /// Surnames for which the states from a paragraph on may not say who
    /// was named last with them (kept across an edit because nothing after
    /// it read them: [`resume`]), with that paragraph.
    glossed: Vec<(Arc<str>, usize)>,
    /// The state before paragraph `i * STRIDE`.
    states: Vec<Walk>,
    rows: Vec<Row>,
    person_roles: FirstRoles,
}

impl WalkLog {
    /// What the walk derived from its people, for a walk over the same people.
    pub(crate) fn ctx(&self) -> &Arc<Ctx> {
        &self.ctx
    }

    /// The walk is to resume over people some of whom came or went: what
    /// it derives from them.
    pub(crate) fn set_ctx(&mut self, ctx: Arc<Ctx>) {
        self.ctx = ctx;
    }

    /// The people `ids` are called otherwise in `people` (and this log's
    /// context): their names in the rows, quotes and resolved cues follow.
    pub(crate) fn rename(
        &mut self,
        attribution: &mut Attribution,
        people: &People,
        ids: &[PersonId],
    ) {
        if ids.is_empty() {
            return;
        }
        let ctx = Arc::clone(&self.ctx);
        let name = |id: PersonId| ctx.display(id).unwrap_or_default().to_string();
        let surname = |id: PersonId| {
            people
                .person(id)
                .map(|p| p.surname.clone())
                .unwrap_or_default()
        };
        let speaker = |s: &mut Speaker| {
            if let Some(id) = s.person.filter(|id| ids.contains(id)) {
                s.name = name(id);
            }
        };
        let cue = |c: &mut ResolvedCue| {
            if ids.contains(&c.person) {
                c.name = name(c.person);
                c.surname = surname(c.person);
            }
        };
        for row in &mut self.rows {
            for f in row.speakers.iter_mut().flatten() {
                speaker(&mut f.speaker);
            }
            for (_, c) in &mut row.resolved {
                cue(c);
            }
        }
        for q in &mut attribution.quotes {
            if let Some(s) = &mut q.speaker {
                speaker(s);
            }
        }
        for c in &mut attribution.resolved {
            cue(c);
        }
    }

    /// Makes `attribution`'s tables by person fit `people`, in which the
    /// people `persons` were regrouped (some new, some gone).
    pub(crate) fn make_room(
        &self,
        attribution: &mut Attribution,
        people: &People,
        persons: &[PersonId],
    ) {
        let bound = people.id_bound();
        attribution.quotes_by_person.resize(bound, 0);
        attribution.roles.resize(bound, None);
        for &id in persons {
            if let Some(slot) = attribution.roles.get_mut(id) {
                *slot = role_of(people, &self.person_roles, id);
            }
        }
    }
}

/// The gender a role shows (`Her husband` → male, `the spokeswoman` → female).
fn role_gender(role: &str) -> Option<Gender> {
    let head = role_words(role).last().cloned()?;
    match head.as_str() {
        "husband" | "son" | "father" | "brother" | "spokesman" | "chairman" | "man" | "boy" => {
            Some(Gender::Male)
        }
        "wife" | "daughter" | "mother" | "sister" | "spokeswoman" | "chairwoman" | "woman"
        | "girl" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests;

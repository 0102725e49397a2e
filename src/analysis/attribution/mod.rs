//! Attribution (article pass, over facts): joins quotes that run over
//! paragraphs and finds each quote's speaker.
//!
//! One walk over the paragraphs in order, keeping a running "last person by
//! gender", the last organisation and a role index keyed by head noun, so
//! the pass is linear in the number of facts: pronouns (`he`, `she`, `they`)
//! go to the most recent compatible person, role nouns (`the minister`) to the
//! person introduced with that role, `the official` to the source introduced
//! as `a senior official`.

pub(crate) mod resume;

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

/// Who a speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    Person,
    Anonymous,
    Organisation,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Organisation => "organisation",
        }
    }
}

/// How a speaker was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The cue names the speaker (`Mr Kuleba said`, `a senior official said`).
    Direct,
    /// A pronoun resolved to the person or source referred to at `antecedent`
    /// (absolute byte offset) in paragraph `para`.
    Pronoun { para: usize, antecedent: usize },
    /// A role noun (`the minister`) resolved to the person or source introduced
    /// with that role at `antecedent` in paragraph `para`.
    RoleNoun { para: usize, antecedent: usize },
    /// A later paragraph of a quote, or a quote in the same paragraph as an
    /// attributed one (`“…,” he said. “…”`).
    Continuation,
    /// A cue ending the previous paragraph (`He added:`).
    PreviousParagraphCue,
    /// A lone quote paragraph right after an attributed quote paragraph.
    FollowOn,
}

/// The words in the copy that name the speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerMention {
    /// Absolute byte range.
    pub range: Range<usize>,
    pub text: String,
}

/// The speaker of a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub kind: SpeakerKind,
    /// The person's canonical name, or the phrase for a source or organisation.
    pub name: String,
    pub role: Option<String>,
    pub person: Option<PersonId>,
    /// The mention the cue uses (`He`, `the minister`, `Mr Kuleba`).
    pub mention: SpeakerMention,
    /// The cue word (`said`, `according to`).
    pub cue: String,
    /// Absolute byte range of the cue word.
    pub cue_range: Range<usize>,
    pub resolution: Resolution,
}

/// A quote of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Absolute byte range from the opening mark to the closing mark (or to
    /// the end of the last paragraph when it never closes).
    pub range: Range<usize>,
    /// The quoted words of each paragraph the quote spans, without marks.
    pub content: Vec<Range<usize>>,
    /// Paragraph indices of the first and last piece.
    pub paragraphs: Range<usize>,
    pub kind: QuoteKind,
    /// Whether the quote has a closing mark.
    pub closed: bool,
    /// The opening mark (absolute) of the first piece, and the closing mark.
    pub open: Range<usize>,
    pub close: Option<Range<usize>>,
    /// The last character of the quoted words.
    pub last_char: Option<char>,
    /// Absolute byte offset of `last_char`.
    pub last_char_at: Option<usize>,
    /// The opening mark as written (`“`, `‘`, `"`, `«`, `„`).
    pub open_mark: char,
    /// In a headline: the article's first line without terminal punctuation,
    /// or a Markdown `#` heading.
    pub headline: bool,
    pub speaker: Option<Speaker>,
}

/// A pronoun or role noun resolved to a person, for inlay hints (`He ‹Kuleba›`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedCue {
    /// Absolute byte range of the pronoun or role phrase.
    pub range: Range<usize>,
    /// The paragraph it is in.
    pub para: usize,
    pub person: PersonId,
    pub name: String,
    pub surname: String,
}

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

/// Who a phrase can refer back to.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Target {
    Person(PersonId),
    Source { name: Arc<str>, kind: SpeakerKind },
}

/// Which fact of its paragraph a walk entry was made at. Its byte offset is
/// looked up in the facts when needed, so an entry kept across an edit that
/// moved the paragraph's words still points at the right place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum FactRef {
    Mention(usize),
    Link(usize),
    Cue(usize),
    Word(usize),
}

impl FactRef {
    /// The fact's offset in its paragraph.
    fn offset(self, f: &ParagraphFacts) -> Option<usize> {
        let q = &f.quotes;
        match self {
            FactRef::Mention(i) => f.mentions.get(i).map(|m| m.range.start),
            FactRef::Link(i) => q.roles.get(i).map(|l| l.name.start),
            FactRef::Cue(i) => Some(q.cues.get(i)?.speaker.as_ref()?.range.start),
            FactRef::Word(i) => q.name_words.get(i).map(|(at, _)| *at),
        }
    }
}

/// Where a person or source was referred to.
#[derive(Clone, Debug)]
struct Seen {
    target: Target,
    para: usize,
    fact: FactRef,
    /// The fact's offset in the paragraph when it was seen: only for
    /// ordering references within one paragraph.
    at: usize,
}

/// Two references are the same when they are to the same fact of the same
/// paragraph (offsets are the facts' business).
impl PartialEq for Seen {
    fn eq(&self, other: &Self) -> bool {
        self.para == other.para && self.fact == other.fact && self.target == other.target
    }
}

impl Eq for Seen {}

/// Role index entry: the words of a role and who holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RoleEntry {
    words: Arc<[String]>,
    seen: Seen,
}

/// The holders of one role, newest first. The older ones are shared, so
/// adding a holder copies nothing (the walk keeps many states).
#[derive(Debug)]
struct RoleList {
    entry: RoleEntry,
    older: Option<Arc<RoleList>>,
}

impl RoleList {
    /// The holders a role noun is matched against, newest first.
    fn newest(&self) -> impl Iterator<Item = &RoleEntry> {
        std::iter::successors(Some(self), |n| n.older.as_deref())
            .map(|n| &n.entry)
            .take(ROLE_RECENCY)
    }
}

/// Equal when the holders a role noun can reach are.
impl PartialEq for RoleList {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other) || self.newest().eq(other.newest())
    }
}

impl Eq for RoleList {}

/// Drops a long list without recursing once per holder.
impl Drop for RoleList {
    fn drop(&mut self) {
        let mut next = self.older.take();
        while let Some(node) = next {
            match Arc::try_unwrap(node) {
                Ok(mut node) => next = node.older.take(),
                Err(_) => break,
            }
        }
    }
}

/// The words of a role up to its head noun (`the US secretary of state` →
/// `us secretary`): the head is the last.
fn role_words(role: &str) -> Vec<String> {
    let mut words = all_role_words(role);
    if let Some(p) = words.iter().skip(1).position(|w| {
        matches!(
            w.as_str(),
            "for" | "at" | "from" | "in" | "who" | "with" | "whose" | "which" | "on"
        )
    }) {
        words.truncate(p + 1);
    }
    words
}

fn all_role_words(role: &str) -> Vec<String> {
    role.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'' && c != '-')
        .map(|w| {
            w.to_lowercase()
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_string()
        })
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "the" | "a" | "an" | "his" | "her" | "its" | "their" | "one"
                )
        })
        .collect::<Vec<_>>()
        .split(|w| w == "of")
        .next()
        .map(<[String]>::to_vec)
        .unwrap_or_default()
}

/// How many of the latest holders of a role a role noun is matched against.
const ROLE_RECENCY: usize = 16;

/// The running state of the walk. Cheap to clone (the maps are persistent
/// and share their structure), so the walk keeps a copy from before every
/// paragraph and can be resumed anywhere ([`WalkLog`]).
#[derive(Clone, Debug, Default)]
struct Walk {
    last_male: Option<Seen>,
    last_female: Option<Seen>,
    last_unknown: Option<Seen>,
    last_group: Option<Seen>,
    last_person: Option<Seen>,
    /// Head noun → role entries, most recent last.
    roles: imbl::OrdMap<Arc<str>, Arc<RoleList>>,
    learned: imbl::OrdMap<PersonId, Gender>,
    /// The last cue's speaker (a person or source) and its gender.
    last_speaker: Option<(Seen, Option<Gender>)>,
    /// Surnames (lower case) of people named so far outside quotes, and
    /// who was named last with each.
    introduced: imbl::OrdMap<Arc<str>, PersonId>,
    /// The latest people referred to, newest last, with their gender,
    /// whether the reference was only a possessive (`Jamie Ellard’s cross`)
    /// and whether it opened its sentence (most likely its subject).
    recent: Vec<(Seen, Option<Gender>, bool, bool)>,
}

/// Equal states give equal walks from there on. The maps compare by
/// pointer first: a map no paragraph wrote to since is the same map.
impl PartialEq for Walk {
    fn eq(&self, o: &Self) -> bool {
        self.same_but(o, |_| false).is_some()
    }
}

impl Walk {
    /// Whether the states are equal but for who was named last with the
    /// surnames `unread` holds for (which nothing from here on reads):
    /// those surnames, or `None` when they differ otherwise.
    fn same_but(&self, o: &Self, unread: impl Fn(&str) -> bool) -> Option<Vec<Arc<str>>> {
        // Only the parts that are not shared are visited.
        fn same<K: Ord + Clone, V: PartialEq + Clone>(
            a: &imbl::OrdMap<K, V>,
            b: &imbl::OrdMap<K, V>,
        ) -> bool {
            a.ptr_eq(b) || a.diff(b).next().is_none()
        }
        let rest = self.last_male == o.last_male
            && self.last_female == o.last_female
            && self.last_unknown == o.last_unknown
            && self.last_group == o.last_group
            && self.last_person == o.last_person
            && self.last_speaker == o.last_speaker
            && self.recent == o.recent
            && same(&self.learned, &o.learned)
            && same(&self.roles, &o.roles);
        if !rest {
            return None;
        }
        if self.introduced.ptr_eq(&o.introduced) {
            return Some(Vec::new());
        }
        self.introduced
            .diff(&o.introduced)
            .map(|d| {
                let k = match d {
                    imbl::ordmap::DiffItem::Add(k, _)
                    | imbl::ordmap::DiffItem::Remove(k, _)
                    | imbl::ordmap::DiffItem::Update { new: (k, _), .. } => k,
                };
                unread(k).then(|| Arc::clone(k))
            })
            .collect()
    }
}

/// How many recent people a pronoun or role noun can reach back to.
const RECENT: usize = 8;

impl Walk {
    fn gender(&self, people: &People, id: PersonId) -> Option<Gender> {
        self.learned
            .get(&id)
            .copied()
            .or_else(|| people.person(id).and_then(|p| p.gender))
    }

    fn saw(&mut self, people: &People, seen: Seen, gender: Option<Gender>) {
        match &seen.target {
            Target::Person(id) => {
                let g = gender.or_else(|| self.gender(people, *id));
                self.recent.retain(|(s, _, _, _)| s.target != seen.target);
                self.recent.push((seen.clone(), g, false, false));
                if self.recent.len() > RECENT {
                    self.recent.remove(0);
                }
                match g {
                    Some(Gender::Male) => self.last_male = Some(seen.clone()),
                    Some(Gender::Female) => self.last_female = Some(seen.clone()),
                    None => self.last_unknown = Some(seen.clone()),
                }
                self.last_person = Some(seen);
            }
            Target::Source { kind, .. } => {
                let person_like = *kind != SpeakerKind::Organisation;
                match gender {
                    Some(Gender::Male) => self.last_male = Some(seen.clone()),
                    Some(Gender::Female) => self.last_female = Some(seen.clone()),
                    None if person_like => self.last_unknown = Some(seen.clone()),
                    None => {}
                }
                if *kind == SpeakerKind::Person {
                    self.last_person = Some(seen);
                } else {
                    self.last_group = Some(seen);
                }
            }
        }
    }

    fn add_role(&mut self, role: &str, seen: Seen) {
        let words = role_words(role);
        if let Some(head) = words.last().cloned() {
            let older = self.roles.get(head.as_str()).cloned();
            let entry = RoleEntry {
                words: words.into(),
                seen,
            };
            let list = Arc::new(RoleList { entry, older });
            self.roles.insert(head.into(), list);
        }
    }

    fn find_role(&self, phrase: &str) -> Option<&Seen> {
        let words = role_words(phrase);
        let head = words.last()?;
        let entries = self.roles.get(head.as_str())?;
        let mut best: Option<(usize, &Seen)> = None;
        for e in entries.newest() {
            let score = words.iter().filter(|w| e.words.contains(w)).count();
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, &e.seen));
            }
        }
        best.map(|(_, s)| s)
    }

    /// The person or source a pronoun in paragraph `para` refers to, by
    /// salience: the speaker of the paragraph's last cue if the pronoun fits
    /// (`Harper said she saw Bell reach for it. “…,” she said.`); else,
    /// among the people and sources the pronoun's gender allows (a person of
    /// unknown gender fits either), the one named nearest in paragraphs, a
    /// sentence's subject before anyone else there (`Ryan said Obama had
    /// never respected the law. He says …`: Ryan), one whose gender the copy
    /// shows before one whose it does not, the newest last.
    fn pronoun(&self, p: Pronoun, para: usize) -> Option<&Seen> {
        if let Some((sp, g)) = &self.last_speaker {
            let fits = match p {
                Pronoun::He => *g != Some(Gender::Female),
                Pronoun::She => *g != Some(Gender::Male),
                _ => false,
            };
            if sp.para == para && fits {
                return Some(sp);
            }
        }
        let want = match p {
            Pronoun::He => Gender::Male,
            Pronoun::She => Gender::Female,
            Pronoun::They => return self.last_group.as_ref().or(self.last_person.as_ref()),
            Pronoun::It => return self.last_group.as_ref(),
        };
        let near = |s: &Seen| match para.saturating_sub(s.para) {
            0 => 3,
            1 => 2,
            2 => 1,
            _ => 0,
        };
        let people = self
            .recent
            .iter()
            .filter_map(|(s, g, possessive, subject)| {
                let fits = g.is_none_or(|g| g == want);
                fits.then_some((
                    s,
                    (near(s), *subject && !possessive, g.is_some(), s.para, s.at),
                ))
            });
        // Sources of this gender (`a spokeswoman`) are no people of the
        // list: the newest of them, as a sentence's subject.
        let source = [&self.last_male, &self.last_female]
            .into_iter()
            .flatten()
            .filter(|s| matches!(s.target, Target::Source { .. }))
            .filter(|s| match want {
                Gender::Male => self.last_male.as_ref() == Some(*s),
                Gender::Female => self.last_female.as_ref() == Some(*s),
            })
            .map(|s| (s, (near(s), true, true, s.para, s.at)));
        people
            .chain(source)
            .max_by_key(|(_, key)| *key)
            .map(|(s, _)| s)
            .or(self.last_unknown.as_ref())
    }

    /// The newest person referred to by more than a possessive (`said the
    /// Russian` after `He swept home Ellard’s cross` is not Ellard).
    fn last_not_possessive(&self) -> Option<&Seen> {
        self.recent
            .iter()
            .rev()
            .find(|(_, _, possessive, _)| !possessive)
            .map(|(s, _, _, _)| s)
            .or(self.last_person.as_ref())
    }

    /// The newest person of a gender that fits `p`, other than `not`: one
    /// who opened a sentence first (`Doyle singled out Whitlow, whose save
    /// from Mensah…`: Doyle), else any.
    fn other_for(&self, p: Pronoun, not: impl Fn(PersonId) -> bool) -> Option<&Seen> {
        let fitting = || {
            self.recent.iter().rev().filter(|(s, g, _, _)| {
                let fits = match p {
                    Pronoun::He => *g != Some(Gender::Female),
                    Pronoun::She => *g != Some(Gender::Male),
                    Pronoun::They | Pronoun::It => false,
                };
                fits && matches!(s.target, Target::Person(id) if !not(id))
            })
        };
        fitting()
            .find(|(_, _, _, subject)| *subject)
            .or_else(|| fitting().next())
            .map(|(s, _, _, _)| s)
    }

    /// Every reference the state holds.
    fn seen(&self) -> impl Iterator<Item = &Seen> {
        [
            &self.last_male,
            &self.last_female,
            &self.last_unknown,
            &self.last_group,
            &self.last_person,
        ]
        .into_iter()
        .flatten()
        .chain(self.last_speaker.iter().map(|(s, _)| s))
        .chain(self.recent.iter().map(|(s, _, _, _)| s))
        .chain(
            self.roles
                .values()
                .flat_map(|entries| entries.newest().map(|e| &e.seen)),
        )
    }
}

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

/// Joins the walk's rows into quotes, paragraph by paragraph; can start at
/// any paragraph that no quote runs into.
struct Assembly<'a> {
    paragraphs: Paragraphs<'a, ParagraphFacts>,
    rows: &'a [Row],
    not_prose: &'a [Range<usize>],
    people: &'a People,
    person_roles: &'a FirstRoles,
    /// The quotes before the first paragraph assembled.
    before: &'a [Quote],
    quotes: Vec<Quote>,
    /// The quote (in `quotes`) still open at the end of the last paragraph.
    pending: Option<usize>,
    /// The last paragraph of copy.
    prev_para: Option<usize>,
}

impl Assembly<'_> {
    /// The speaker of cue `c` of paragraph `pi`, placed in the document.
    fn cue_speaker(&self, pi: usize, c: usize) -> Option<Speaker> {
        let found = self.rows.get(pi)?.speakers.get(c)?.as_ref()?;
        let para = self.paragraphs.at(pi);
        let cue = para.facts.quotes.cues.get(found.cue)?;
        let phrase = cue.speaker.as_ref()?;
        let base = para.start;
        let mut s = found.speaker.clone();
        s.mention.range = base + phrase.range.start..base + phrase.range.end;
        s.cue_range = base + cue.verb.start..base + cue.verb.end;
        if let Some((p, fact)) = found.antecedent {
            let at = self
                .paragraphs
                .get(p)
                .and_then(|para| Some(para.start + fact.offset(para.facts)?))
                .unwrap_or_default();
            if let Resolution::Pronoun { antecedent, .. }
            | Resolution::RoleNoun { antecedent, .. } = &mut s.resolution
            {
                *antecedent = at;
            }
        }
        if let (Some(id), None) = (s.person, &s.role) {
            s.role = role_of(self.people, self.person_roles, id);
        }
        Some(s)
    }

    fn paragraph(&mut self, pi: usize) {
        let para = self.paragraphs.at(pi);
        let q = &para.facts.quotes;
        let base = para.start;
        if !is_copy(self.not_prose, base) {
            return;
        }
        let prev_para = self.prev_para;
        let first_copy_para = prev_para.is_none();
        let outer: Vec<_> = q.outer().collect();
        let mut first_new = 0;
        let mut speaker_in_para: Option<Speaker> = None;
        if let Some(open) = self.pending.take() {
            // A transcript's next speaker (`"PENCE: …` after `"WALLACE: …`)
            // reopens the marks but starts a quote of their own; the open
            // quote before is balanced by the reopening all the same.
            let labelled = outer.first().is_some_and(|s| {
                q.quote_cues.first().copied().flatten().is_some_and(|c| {
                    q.cues
                        .get(c)
                        .and_then(|cue| cue.speaker.as_ref())
                        .is_some_and(|sp| {
                            s.content.start <= sp.range.start && sp.range.start < s.end(para.len)
                        })
                })
            });
            if labelled {
                self.quotes[open].closed = true;
            }
            match outer.first() {
                Some(s) if s.open.start == q.first_char && !labelled => {
                    let first_cue = q.quote_cues.first().copied().flatten();
                    let cue_speaker = match &self.quotes[open].speaker {
                        None => first_cue.and_then(|c| self.cue_speaker(pi, c)),
                        Some(_) => None,
                    };
                    let quote = &mut self.quotes[open];
                    quote
                        .content
                        .push(base + s.content.start..base + s.content.end);
                    quote.paragraphs.end = pi + 1;
                    quote.range.end = base + s.end(para.len);
                    quote.close = s.close.as_ref().map(|c| base + c.start..base + c.end);
                    quote.closed = s.close.is_some();
                    quote.last_char = s.last_char;
                    quote.last_char_at = s.last_char_at.map(|a| base + a);
                    if quote.speaker.is_none() {
                        if let Some(sp) = cue_speaker {
                            quote.speaker = Some(sp);
                        }
                    }
                    speaker_in_para = quote.speaker.clone();
                    if s.close.is_none() {
                        self.pending = Some(open);
                    }
                    first_new = 1;
                }
                _ => {}
            }
        }
        let first_quote_index = self.quotes.len();
        for (k, s) in outer.iter().enumerate().skip(first_new) {
            let cue = q.quote_cues.get(k).copied().flatten();
            let mut speaker = cue.and_then(|c| self.cue_speaker(pi, c));
            if speaker.is_none() && k == first_new && first_new == 0 && s.open.start == q.first_char
            {
                if let Some(pp) = prev_para {
                    if let Some(t) = self.paragraphs.at(pp).facts.quotes.trailing_cue {
                        speaker = self.cue_speaker(pp, t.cue()).map(|mut sp| {
                            sp.resolution = Resolution::PreviousParagraphCue;
                            sp
                        });
                    }
                }
            }
            // A quote ending in a comma waits for its own cue: with none,
            // its attribution is missing, not to be taken from a neighbour.
            let waits = s.last_char == Some(',') && s.close.is_some() && s.kind == QuoteKind::Full;
            if speaker.is_none() && !waits {
                speaker = speaker_in_para.clone().map(|mut sp| {
                    sp.resolution = Resolution::Continuation;
                    sp
                });
            }
            if speaker.is_some() {
                speaker_in_para = speaker.clone();
            }
            let close = s.close.as_ref().map(|c| base + c.start..base + c.end);
            self.quotes.push(Quote {
                range: base + s.open.start..base + s.end(para.len),
                content: std::iter::once(base + s.content.start..base + s.content.end).collect(),
                paragraphs: pi..pi + 1,
                kind: s.kind,
                closed: s.close.is_some(),
                open: base + s.open.start..base + s.open.end,
                close,
                last_char: s.last_char,
                last_char_at: s.last_char_at.map(|a| base + a),
                open_mark: s.open_mark,
                headline: q.heading || q.headline && first_copy_para,
                speaker,
            });
            if s.close.is_none() {
                self.pending = Some(self.quotes.len() - 1);
            }
        }
        // A quote before the paragraph's attributed one takes its speaker.
        let mut later: Option<Speaker> = None;
        for quote in self.quotes[first_quote_index..].iter_mut().rev() {
            let waits =
                quote.last_char == Some(',') && quote.closed && quote.kind == QuoteKind::Full;
            if quote.speaker.is_none() && !waits {
                quote.speaker = later.clone().map(|mut sp| {
                    sp.resolution = Resolution::Continuation;
                    sp
                });
            } else {
                later = quote.speaker.clone();
            }
        }
        // A lone quote paragraph right after an attributed quote paragraph.
        let names_outside = para.facts.mentions.iter().any(|m| {
            !outer
                .iter()
                .any(|s| s.open.start <= m.range.start && m.range.start < s.end(para.len))
        });
        if first_new == 0 && q.cues.is_empty() && !names_outside {
            if let (Some(pp), Some(first)) = (prev_para, self.quotes.get(first_quote_index)) {
                let starts_with_quote = outer.first().is_some_and(|s| s.open.start == q.first_char);
                // A run of quote paragraphs by one speaker: the paragraph
                // before opens with a full quote too. (A quote after
                // narrative is not handed to whoever spoke last.)
                let prev = &self.paragraphs.at(pp).facts.quotes;
                let prev_quotes = prev
                    .outer()
                    .next()
                    .is_some_and(|s| s.open.start == prev.first_char && s.kind == QuoteKind::Full);
                let waits = first.last_char == Some(',') && first.closed;
                if starts_with_quote
                    && prev_quotes
                    && !waits
                    && first.speaker.is_none()
                    && first.kind == QuoteKind::Full
                {
                    let prev_speaker = self.quotes[..first_quote_index]
                        .iter()
                        .rev()
                        .chain(self.before.iter().rev())
                        .find(|x| x.paragraphs.contains(&pp))
                        .and_then(|x| x.speaker.clone());
                    if let Some(sp) = prev_speaker {
                        for quote in &mut self.quotes[first_quote_index..] {
                            quote.speaker = Some(Speaker {
                                resolution: Resolution::FollowOn,
                                ..sp.clone()
                            });
                        }
                    }
                }
            }
        }
        self.prev_para = Some(pi);
    }
}

/// Per person: how many quotes are attributed to them.
fn count_quotes(quotes: &[Quote], counts: &mut [usize], add: bool) {
    for id in quotes.iter().filter_map(|q| q.speaker.as_ref()?.person) {
        if let Some(n) = counts.get_mut(id) {
            if add {
                *n += 1;
            } else {
                *n = n.saturating_sub(1);
            }
        }
    }
}

/// The article pass, and the log to resume it from ([`resume::update`]).
/// `not_prose` are byte ranges that are not copy (sorted).
pub(crate) fn attribute_logged(
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    people: &People,
    ctx: Arc<Ctx>,
    not_prose: &[Range<usize>],
) -> (Attribution, WalkLog) {
    let w = With { people, ctx: &ctx };
    // Whether a mention's name can be a person's, once per distinct name.
    let mut person_like: HashMap<&str, bool> = HashMap::new();
    let mut walk = Walk::default();
    let mut states = Vec::with_capacity(paragraphs.len() / STRIDE + 1);
    let mut rows = Vec::with_capacity(paragraphs.len());
    for (pi, para) in paragraphs.iter().enumerate() {
        if pi % STRIDE == 0 {
            states.push(walk.clone());
        }
        rows.push(if is_copy(not_prose, para.start) {
            walk_paragraph(&w, &mut walk, pi, para, &mut person_like)
        } else {
            Row::blank(para)
        });
    }
    let person_roles = first_roles(&rows);
    let mut asm = Assembly {
        paragraphs,
        rows: &rows,
        not_prose,
        people,
        person_roles: &person_roles,
        before: &[],
        quotes: Vec::new(),
        pending: None,
        prev_para: None,
    };
    for pi in 0..paragraphs.len() {
        asm.paragraph(pi);
    }
    let quotes = asm.quotes;
    let mut quotes_by_person = vec![0; people.id_bound()];
    count_quotes(&quotes, &mut quotes_by_person, true);
    let roles = (0..people.id_bound())
        .map(|id| role_of(people, &person_roles, id))
        .collect();
    let resolved = rows
        .iter()
        .zip(paragraphs)
        .enumerate()
        .flat_map(|(pi, (row, para))| row.placed(pi, para))
        .collect();
    let attribution = Attribution {
        quotes,
        resolved,
        quotes_by_person,
        roles,
    };
    let log = WalkLog {
        ctx,
        glossed: Vec::new(),
        states,
        rows,
        person_roles,
    };
    (attribution, log)
}

/// Whether a mention's name can be a person's: not `Several Conservative MPs`,
/// `NetChoice Alliance` or `By Sunday` (a guard until the name scanner knows).
pub fn looks_like_person(name: &str) -> bool {
    let name = display_name(name);
    let mut tokens = name.split(' ');
    let first = tokens.next().unwrap_or_default();
    let last = name.rsplit(' ').next().unwrap_or_default();
    !not_a_name(first) && !is_org_word(last)
}

/// The person a name in paragraph `pi` refers to: the mention there, else
/// the person with that surname.
fn person_for_name(
    w: &With<'_>,
    f: &ParagraphFacts,
    pi: usize,
    range: &Range<usize>,
    text: &str,
) -> Option<PersonId> {
    let by_mention = f
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.name.start < range.end && range.start < m.name.end)
        .find_map(|(index, _)| w.people.person_of(MentionRef { para: pi, index }))
        .map(|p| p.id);
    by_mention.or_else(|| {
        let surname = lookup_key(text)?;
        w.ctx.surnames.get(surname.as_str()).copied().or_else(|| {
            // A given name alone, when the phrase is that one word.
            (!text.contains(' '))
                .then(|| w.ctx.given.get(surname.as_str()).copied().flatten())
                .flatten()
        })
    })
}

/// The word a name in a cue or role link is looked up by among the
/// people when no mention covers it: its last, lower case, without `’s`.
fn lookup_key(text: &str) -> Option<String> {
    let last = text.rsplit(' ').next()?;
    Some(
        last.trim_end_matches("’s")
            .trim_end_matches("'s")
            .to_lowercase(),
    )
}

/// The words by which a paragraph's walk looks people up by name, beside
/// its mentions: a named cue's name and a role link's name ([`lookup_key`]),
/// and a surname used alone (a name word outside every mention).
fn reads_of(f: &ParagraphFacts) -> impl Iterator<Item = String> + '_ {
    let q = &f.quotes;
    let cues = q.cues.iter().filter_map(|c| {
        let sp = c
            .speaker
            .as_ref()
            .filter(|sp| sp.kind == PhraseKind::Named)?;
        lookup_key(sp.name_text.as_deref().unwrap_or(&sp.text))
    });
    let links = q.roles.iter().filter_map(|l| lookup_key(&l.name_text));
    let words = q
        .name_words
        .iter()
        .filter(|(at, _)| !f.mentions.iter().any(|m| m.range.contains(at)))
        .map(|(_, w)| w.clone());
    cues.chain(links).chain(words)
}

/// How many times the article's paragraphs look each word up by name
/// ([`reads_of`]): a change to who a name means reaches only the
/// paragraphs that read it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Reads(imbl::HashMap<Arc<str>, u32>);

impl Reads {
    pub(crate) fn build(paragraphs: Paragraphs<'_, ParagraphFacts>) -> Self {
        let mut counts: HashMap<String, u32> = HashMap::new();
        for p in paragraphs {
            for k in reads_of(p.facts) {
                *counts.entry(k).or_default() += 1;
            }
        }
        Self(counts.into_iter().map(|(k, n)| (k.into(), n)).collect())
    }

    /// After paragraphs `old` of `earlier` became `new` of `paragraphs`.
    pub(crate) fn update(
        &mut self,
        earlier: Paragraphs<'_, ParagraphFacts>,
        old: Range<usize>,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        new: Range<usize>,
    ) {
        let mut delta: HashMap<String, i64> = HashMap::new();
        for (paras, range, by) in [(earlier, old, -1), (paragraphs, new, 1)] {
            for p in paras.get_slice(range).unwrap_or_default() {
                for k in reads_of(p.facts) {
                    *delta.entry(k).or_default() += by;
                }
            }
        }
        for (k, d) in delta.into_iter().filter(|(_, d)| *d != 0) {
            let n = i64::from(self.count(&k)) + d;
            if n <= 0 {
                self.0.remove(k.as_str());
            } else {
                self.0
                    .insert(k.into(), u32::try_from(n).unwrap_or(u32::MAX));
            }
        }
    }

    /// How many times `key` is read.
    pub(crate) fn count(&self, key: &str) -> u32 {
        self.0.get(key).copied().unwrap_or(0)
    }

    /// Whether every read of `key` is in paragraphs `within`.
    pub(crate) fn only_in(
        &self,
        key: &str,
        paragraphs: Paragraphs<'_, ParagraphFacts>,
        within: Range<usize>,
    ) -> bool {
        let here = paragraphs
            .get_slice(within)
            .unwrap_or_default()
            .iter()
            .flat_map(|p| reads_of(p.facts))
            .filter(|k| k == key)
            .count();
        usize::try_from(self.count(key)).is_ok_and(|n| n <= here)
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

type Resolved = (
    SpeakerKind,
    String,
    Option<String>,
    Option<PersonId>,
    Resolution,
    Option<(usize, FactRef)>,
);

#[allow(clippy::too_many_arguments)]
fn resolve(
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
        para: pi,
        fact: FactRef::Cue(index),
        at,
    };
    match phrase.kind {
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
            let mut seen = walk.pronoun(p, pi)?.clone();
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
            if matches!(seen.target, Target::Person(id) if named_in_quote(id)) {
                if let Some(other) = walk.other_for(p, named_in_quote) {
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
                para: seen.para,
                antecedent: 0,
            };
            Some((kind, name, role, person, res, Some((seen.para, seen.fact))))
        }
        PhraseKind::Role => {
            let head = phrase.head.clone().unwrap_or_default();
            let found = walk.find_role(&phrase.text).cloned().or_else(|| {
                // `said the Russian`, `the 21-year-old`: the person last named.
                // Not `Smith’s spokesman`, `his representative` or `the
                // official`: someone else.
                let possessive = phrase.text.split(' ').next().is_some_and(|w| {
                    w.ends_with("’s")
                        || w.ends_with("'s")
                        || matches!(
                            w.to_lowercase().as_str(),
                            "his" | "her" | "their" | "its" | "our" | "my" | "your"
                        )
                });
                ((is_role_noun(head.as_str()) && !is_source_noun(&head) || head.contains('-'))
                    && !possessive)
                    .then(|| walk.last_not_possessive().cloned())
                    .flatten()
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
                        para: seen.para,
                        antecedent: 0,
                    };
                    let antecedent = Some((seen.para, seen.fact));
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
                            para: seen.para,
                            antecedent: 0,
                        };
                        let antecedent = Some((seen.para, seen.fact));
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
            walk.saw(w.people, here(target), phrase.gender);
            Some((kind, name, None, None, Resolution::Direct, None))
        }
        PhraseKind::Elided => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Article, Language, Scanner};
    use crate::text::Document;

    /// Each quote's first three words, its speaker's name and how it was resolved.
    fn sheet(text: &str) -> Vec<(String, Option<String>, Option<&'static str>)> {
        let doc = Document::new(text, 0, &Scanner::default());
        let article = Article::new(doc.index().paragraphs(), Language::PlainText);
        article
            .quotes()
            .iter()
            .map(|q| {
                let words: Vec<&str> = text[q.content[0].clone()]
                    .split_whitespace()
                    .take(3)
                    .collect();
                let how = q.speaker.as_ref().map(|s| match s.resolution {
                    Resolution::Direct => "direct",
                    Resolution::Pronoun { .. } => "pronoun",
                    Resolution::RoleNoun { .. } => "role",
                    Resolution::Continuation => "continuation",
                    Resolution::PreviousParagraphCue => "previous",
                    Resolution::FollowOn => "follow-on",
                });
                (
                    words.join(" "),
                    q.speaker.as_ref().map(|s| s.name.clone()),
                    how,
                )
            })
            .collect()
    }

    #[test]
    fn resolves_speakers_in_small_passages() {
        type Want<'a> = &'a [(&'a str, Option<&'a str>, Option<&'a str>)];
        let cases: &[(&str, Want<'_>)] = &[
            (
                // Tabloid style: a descriptor before a first name used alone,
                // a plural noun that is no cue, someone's representative.
                "Guests said property developer Mark Jones, 48, was hit from behind.\n\nDad-of-three Mark said last night: “I made one joke.”\n\nThe band left two security posts empty. His representative said: “He regrets it.”",
                &[
                    ("I made one", Some("Mark Jones"), Some("direct")),
                    ("He regrets it.", Some("His representative"), Some("direct")),
                ],
            ),
            (
                // A role noun with no holder: the last person named as more
                // than a possessive. A pronoun: not someone the quote names.
                "Tomasz Kowalczyk scored twice for Rovers, whose manager is Kieran Doyle.\n\nBut Kowalczyk turned the game. He swept home Jamie Ellard’s cut-back.\n\n“Tonight it went in,” the striker said.\n\nDoyle singled out Sam Whitlow, whose save from Ricky Mensah kept them level. “Sam’s been our best player,” he said.",
                &[
                    ("Tonight it went", Some("Tomasz Kowalczyk"), Some("role")),
                    ("Sam’s been our", Some("Kieran Doyle"), Some("pronoun")),
                ],
            ),
            (
                // Pronoun to the last compatible person; the honorific gives gender.
                "Mrs Angharad Pugh introduced the ban. Mr Gareth Bevan opposed it.\n\n“I support the aim,” he said. “Not the method.”\n\nMrs Pugh disagreed. “Governors were told in June,” she said.",
                &[
                    ("I support the", Some("Gareth Bevan"), Some("pronoun")),
                    ("Not the method.", Some("Gareth Bevan"), Some("continuation")),
                    ("Governors were told", Some("Angharad Pugh"), Some("pronoun")),
                ],
            ),
            (
                // Role nouns to the person introduced with the role.
                "Ukraine’s Foreign Minister Dmytro Kuleba met Antony Blinken, the US secretary of state, in Brussels.\n\n“Any settlement has to be one Ukraine can accept,” the secretary of state said.\n\n“Our door is open to talks,” the foreign minister said.",
                &[
                    ("Any settlement has", Some("Antony Blinken"), Some("role")),
                    ("Our door is", Some("Dmytro Kuleba"), Some("role")),
                ],
            ),
            (
                // A cue ending the previous paragraph; a continuation paragraph.
                "The union’s leader, Alan Burridge, wrote to members. He added:\n\n“This offer is not everything we asked for.\n\n“But it is a great deal more than we were told was possible.”",
                &[("This offer is", Some("Alan Burridge"), Some("previous"))],
            ),
            (
                // Anonymous sources, and `the diplomat` back to `a senior European diplomat`.
                "A senior European diplomat said the plan had been “dead on arrival”.\n\n“Nobody in the room thought Kyiv would accept it,” the diplomat said.",
                &[
                    ("dead on arrival", Some("A senior European diplomat"), Some("direct")),
                    ("Nobody in the", Some("A senior European diplomat"), Some("role")),
                ],
            ),
            (
                // Organisations, and `according to`.
                "\"The contracts were never put out to bid,\" The Post reported.\n\nThe figures are \"a damning verdict on a decade of neglect,\" according to Dr Samuel Okafor.",
                &[
                    ("The contracts were", Some("The Post"), Some("direct")),
                    ("a damning verdict", Some("Samuel Okafor"), Some("direct")),
                ],
            ),
            (
                // The hard negative: a quote paragraph after narrative with no cue.
                "Jenny Marlow said the response had been overwhelming. “People gave what they could,” she said.\n\nThe shop reopens on December 1.\n\n“We never once thought we would fail.”",
                &[
                    ("People gave what", Some("Jenny Marlow"), Some("pronoun")),
                    ("We never once", None, None),
                ],
            ),
            (
                // A lone quote paragraph right after an attributed quote paragraph.
                "“The water was up to their waists,” said helmsman Chris Tovey.\n\n“Another twenty minutes and it would have been too late.”",
                &[
                    ("The water was", Some("Chris Tovey"), Some("direct")),
                    ("Another twenty minutes", Some("Chris Tovey"), Some("follow-on")),
                ],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<(String, Option<String>, Option<&str>)> = want
                .iter()
                .map(|(w, s, h)| (w.to_string(), s.map(str::to_string), *h))
                .collect();
            assert_eq!(sheet(text), want, "{text}");
        }
    }

    #[test]
    fn pronoun_and_role_cues_are_listed_for_hints() {
        let text = "Defence Secretary Mark Halloran visited the base.\n\n“Our commitment is unshakeable,” the defence secretary said. He added: “We are here to stay.”";
        let doc = Document::new(text, 0, &Scanner::default());
        let article = Article::new(doc.index().paragraphs(), Language::PlainText);
        let hints: Vec<(&str, &str)> = article
            .attribution
            .resolved
            .iter()
            .map(|r| (&text[r.range.clone()], r.surname.as_str()))
            .collect();
        assert_eq!(
            hints,
            vec![("the defence secretary", "Halloran"), ("He", "Halloran")]
        );
        let at = text.find("stay").unwrap_or(0);
        assert_eq!(
            article
                .quote_at(at)
                .and_then(|q| q.speaker.as_ref())
                .map(|s| s.cue.as_str()),
            Some("added")
        );
    }

    #[test]
    fn an_honorific_is_no_role() {
        let text = "“We will appeal,” said Ms Sarah Lindqvist.\n\n“The ruling stands,” said Foreign Minister Dmytro Kuleba.\n\n“It is over,” said Mr. Hale.";
        let doc = Document::new(text, 0, &Scanner::default());
        let article = Article::new(doc.index().paragraphs(), Language::PlainText);
        let roles: Vec<(&str, Option<&str>)> = article
            .quotes()
            .iter()
            .filter_map(|q| q.speaker.as_ref())
            .map(|s| (s.name.as_str(), s.role.as_deref()))
            .collect();
        assert_eq!(
            roles,
            vec![
                ("Sarah Lindqvist", None),
                ("Dmytro Kuleba", Some("Foreign Minister")),
                ("Hale", None)
            ]
        );
    }
}

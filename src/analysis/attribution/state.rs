//! The walk's running state: the last person by gender, the last
//! organisation, the roles people were introduced with, who was seen where.

use std::sync::Arc;

use super::keys::{ParaKey, ParaKeys};
use super::types::SpeakerKind;
use crate::analysis::cues::Pronoun;
use crate::analysis::names::{Gender, People, PersonId};
use crate::analysis::ParagraphFacts;

/// Who a phrase can refer back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Target {
    Person(PersonId),
    Source { name: Arc<str>, kind: SpeakerKind },
}

/// Which fact of its paragraph a walk entry was made at. Its byte offset is
/// looked up in the facts when needed, so an entry kept across an edit that
/// moved the paragraph's words still points at the right place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum FactRef {
    Mention(usize),
    Link(usize),
    Cue(usize),
    Word(usize),
    Pronoun(usize),
    Role(usize),
    Name(usize),
}

impl FactRef {
    /// The fact's offset in its paragraph.
    pub(super) fn offset(self, f: &ParagraphFacts) -> Option<usize> {
        let q = &f.quotes;
        match self {
            FactRef::Mention(i) => f.mentions.get(i).map(|m| m.range.start),
            FactRef::Link(i) => q.roles.get(i).map(|l| l.name.start),
            FactRef::Cue(i) => Some(q.cues.get(i)?.speaker.as_ref()?.range.start),
            FactRef::Word(i) => q.name_words.get(i).map(|(at, _)| *at),
            FactRef::Pronoun(i) => q.subject_pronouns.get(i).map(|(at, _)| *at),
            FactRef::Role(i) => q.subject_roles.get(i).map(|(at, _)| *at),
            FactRef::Name(i) => q.subject_names.get(i).map(|(at, _)| *at),
        }
    }
}

/// Where a person or source was referred to.
#[derive(Clone, Debug)]
pub(super) struct Seen {
    pub(super) target: Target,
    /// The paragraph, by key ([`ParaKey`]).
    pub(super) key: ParaKey,
    pub(super) fact: FactRef,
    /// The fact's offset in the paragraph when it was seen: only for
    /// ordering references within one paragraph.
    pub(super) at: usize,
}

/// Two references are the same when they are to the same fact of the same
/// paragraph (offsets are the facts' business).
impl PartialEq for Seen {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key && self.fact == other.fact && self.target == other.target
    }
}

impl Eq for Seen {}

/// Role index entry: the words of a role and who holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct RoleEntry {
    pub(super) words: Arc<[String]>,
    pub(super) seen: Seen,
}

/// The holders of one role, newest first. The older ones are shared, so
/// adding a holder copies nothing (the walk keeps many states).
#[derive(Debug)]
pub(super) struct RoleList {
    pub(super) entry: RoleEntry,
    pub(super) older: Option<Arc<RoleList>>,
}

impl RoleList {
    /// The holders a role noun is matched against, newest first.
    pub(super) fn newest(&self) -> impl Iterator<Item = &RoleEntry> {
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
pub(super) fn role_words(role: &str) -> Vec<String> {
    let mut words = all_role_words(role);
    if let Some(p) = words
        .iter()
        .skip(1)
        .position(|w| crate::lexicon::quotes::role_stops().contains(w))
    {
        words.truncate(p + 1);
    }
    words
}

pub(super) fn all_role_words(role: &str) -> Vec<String> {
    role.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'' && c != '-')
        .map(|w| {
            w.to_lowercase()
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_string()
        })
        .filter(|w| {
            use crate::lexicon::quotes::{articles, possessives};
            !w.is_empty() && w != "one" && !articles().contains(w) && !possessives().contains(w)
        })
        .collect::<Vec<_>>()
        .split(|w| w == "of")
        .next()
        .map(<[String]>::to_vec)
        .unwrap_or_default()
}

/// Whether a role someone holds (`held`, its words) is another than the
/// one a reference names (`want`): a vice or deputy office the reference
/// does not name (`the nominee` is not `the vice presidential nominee`), or
/// a faction or nationality the role does not show (`the Republican
/// nominee` is not `Democratic nominee Tim Kaine`, nor a `nominee` the
/// copy never gave a party; `the Brazilian diplomat` may be `Brazil’s
/// foreign minister`).
fn other_role(want: &[String], held: &[String]) -> bool {
    use crate::lexicon::names::{Lexical, GAZETTEER};
    let lesser = |w: &String| matches!(w.as_str(), "vice" | "deputy");
    let demonym = |w: &String| GAZETTEER.lexical_lower(w) == Some(Lexical::Demonym);
    // (`brazilian` and `brazil`, `ukrainian` and `ukraine`.)
    let shown = |w: &String| {
        held.iter().any(|h| {
            let common = h.chars().zip(w.chars()).take_while(|(a, b)| a == b).count();
            h == w || common >= 5.min(h.chars().count())
        })
    };
    held.iter().any(|w| lesser(w) && !want.contains(w))
        || want.iter().filter(|w| demonym(w)).any(|w| !shown(w))
}

/// How many of the latest holders of a role a role noun is matched against
/// (one entry per holder and place: [`Walk::add_role`] keeps the fuller of
/// two readings of one role). An edit that changes a holder lives on in
/// the walk's state until this many others came after it.
const ROLE_RECENCY: usize = 8;

/// The running state of the walk. Cheap to clone (the maps are persistent
/// and share their structure), so the walk keeps a copy from before every
/// paragraph and can be resumed anywhere ([`WalkLog`](super::walk_log::WalkLog)).
#[derive(Clone, Debug, Default)]
pub(super) struct Walk {
    pub(super) last_male: Option<Seen>,
    pub(super) last_female: Option<Seen>,
    pub(super) last_unknown: Option<Seen>,
    pub(super) last_group: Option<Seen>,
    /// The last organisation, document or statement (`the council`, `the
    /// report`): what `it` refers to, never a person or a group of people.
    pub(super) last_org: Option<Seen>,
    pub(super) last_person: Option<Seen>,
    /// Head noun → role entries, most recent last.
    pub(super) roles: imbl::OrdMap<Arc<str>, Arc<RoleList>>,
    pub(super) learned: imbl::OrdMap<PersonId, Gender>,
    /// The last cue's speaker (a person or source) and its gender.
    pub(super) last_speaker: Option<(Seen, Option<Gender>)>,
    /// Surnames (lower case) of people named so far outside quotes, and
    /// who was named last with each.
    pub(super) introduced: imbl::OrdMap<Arc<str>, PersonId>,
    /// The latest people referred to, newest last, with their gender,
    /// whether the reference was only a possessive (`Jamie Ellard’s cross`)
    /// and whether it opened its sentence (most likely its subject).
    pub(super) recent: Vec<(Seen, Option<Gender>, bool, bool)>,
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
    pub(super) fn same_but(
        &self,
        o: &Self,
        unread: impl Fn(&str) -> bool,
    ) -> Option<Vec<Arc<str>>> {
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
            && self.last_org == o.last_org
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

/// How many paragraphs back a pronoun weighs who was named by distance:
/// from this far on, every distance weighs alike.
pub(super) const NEAR: usize = 3;

/// How many recent people a pronoun or role noun can reach back to.
const RECENT: usize = 8;

impl Walk {
    pub(super) fn gender(&self, people: &People, id: PersonId) -> Option<Gender> {
        self.learned
            .get(&id)
            .copied()
            .or_else(|| people.person(id).and_then(|p| p.gender))
    }

    pub(super) fn saw(&mut self, people: &People, seen: Seen, gender: Option<Gender>) {
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
                if *kind == SpeakerKind::Organisation {
                    self.last_org = Some(seen.clone());
                }
                if *kind == SpeakerKind::Person {
                    self.last_person = Some(seen);
                } else {
                    self.last_group = Some(seen);
                }
            }
        }
    }

    /// A person referred to as a sentence's subject (by a pronoun or a
    /// role, `He nodded …`, `The minister toured …`), or as its subject's
    /// owner (`The minister’s visit …`, `possessive`).
    pub(super) fn saw_subject(&mut self, people: &People, seen: Seen, possessive: bool) {
        self.saw(people, seen, None);
        if let Some(last) = self.recent.last_mut() {
            last.2 = possessive;
            last.3 = true;
        }
    }

    /// Someone the copy refers to by surname only, as a sentence's
    /// subject (`Carson defied the question.`): among the recent people a
    /// pronoun may refer to, of either gender, and the last person.
    pub(super) fn saw_surname(&mut self, seen: Seen) {
        self.recent.retain(|(s, _, _, _)| s.target != seen.target);
        self.recent.push((seen.clone(), None, false, true));
        if self.recent.len() > RECENT {
            self.recent.remove(0);
        }
        self.last_unknown = Some(seen.clone());
        self.last_person = Some(seen);
    }

    /// A group of people that spoke (`organisers said`, `officials
    /// say`): `they` may refer to it later, never `he` or `she`.
    pub(super) fn saw_group(&mut self, seen: Seen) {
        self.last_group = Some(seen);
    }

    pub(super) fn add_role(&mut self, role: &str, seen: Seen) {
        let words = role_words(role);
        if let Some(head) = words.last().cloned() {
            let mut older = self.roles.get(head.as_str()).cloned();
            // One role read twice in one place (`Democratic vice
            // presidential nominee Tim Kaine` as a link, `nominee` as the
            // name's role): the fuller reading stands, or a reference
            // would find an office the copy did not give (`the nominee`).
            if let Some(last) = older.as_ref().map(|l| &l.entry) {
                let same = last.seen.target == seen.target && last.seen.key == seen.key;
                let within = |a: &[String], b: &[String]| a.iter().all(|w| b.contains(w));
                if same && within(&words, &last.words) {
                    return;
                }
                if same && within(&last.words, &words) {
                    older = older.and_then(|l| l.older.clone());
                }
            }
            let entry = RoleEntry {
                words: words.into(),
                seen,
            };
            let list = Arc::new(RoleList { entry, older });
            self.roles.insert(head.into(), list);
        }
    }

    pub(super) fn find_role(&self, phrase: &str) -> Option<&Seen> {
        let words = role_words(phrase);
        let head = words.last()?;
        let Some(entries) = self.roles.get(head.as_str()) else {
            return self.find_equivalent_role(&words);
        };
        let mut best: Option<(usize, &Seen)> = None;
        for e in entries.newest().filter(|e| !other_role(&words, &e.words)) {
            let score = words.iter().filter(|w| e.words.contains(w)).count();
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, &e.seen));
            }
        }
        best.map(|(_, s)| s)
    }

    /// The newest holder of a role that a reference headed by `head` may
    /// stand for though it names another noun (`the top Brazilian
    /// diplomat` for `Foreign Minister Ana Ribeiro`; see
    /// `data/quotes/role_equivalents.txt`), the likeliest role first.
    fn find_equivalent_role(&self, words: &[String]) -> Option<&Seen> {
        let head = words.last()?;
        crate::lexicon::quotes::role_equivalents(head)
            .iter()
            .find_map(|role| {
                let want = role_words(role);
                // (`secretary of state` keeps only `secretary`: a role
                // introduced with more words before its head is another.)
                let exact = role.split(' ').any(|w| w == "of");
                let entries = self.roles.get(want.last()?.as_str())?;
                entries
                    .newest()
                    .filter(|e| !other_role(words, &e.words))
                    .find(|e| {
                        if exact {
                            *e.words == *want
                        } else {
                            want.iter().all(|w| e.words.contains(w))
                        }
                    })
                    .map(|e| &e.seen)
            })
    }

    /// The person or source a pronoun in paragraph `para` refers to, by
    /// salience: the speaker of the paragraph's last cue if the pronoun fits
    /// (`Harper said she saw Bell reach for it. “…,” she said.`); else,
    /// among the people and sources the pronoun's gender allows (a person of
    /// unknown gender fits either), the one named nearest in paragraphs, a
    /// sentence's subject before anyone else there (`Ryan said Obama had
    /// never respected the law. He says …`: Ryan), one whose gender the copy
    /// shows before one whose it does not, the newest last. Whoever `skip`
    /// holds is passed over (the person the quote itself names).
    pub(super) fn pronoun(
        &self,
        p: Pronoun,
        para: usize,
        keys: &ParaKeys,
        skip: impl Fn(&Seen) -> bool,
    ) -> Option<&Seen> {
        let key = keys.key(para);
        if let Some((sp, g)) = self.last_speaker.as_ref().filter(|(s, _)| !skip(s)) {
            let fits = match p {
                Pronoun::He => *g != Some(Gender::Female),
                Pronoun::She => *g != Some(Gender::Male),
                _ => false,
            };
            // Unless a later sentence of the paragraph is about someone
            // else the pronoun fits (`Manafort cautioned against it. Trump
            // was delighted. “…,” he said.`).
            let want = match p {
                Pronoun::He => Some(Gender::Male),
                Pronoun::She => Some(Gender::Female),
                _ => None,
            };
            let overtaken = self.recent.iter().any(|(s, g, possessive, subject)| {
                s.key == key
                    && s.at > sp.at
                    && *subject
                    && !possessive
                    && want.is_some()
                    && *g == want
                    && s.target != sp.target
                    && !skip(s)
            });
            // Nor when its gender is unknown and the paragraph names
            // someone the pronoun fits by gender (`Prosecutor Anna Brooks
            // told the court the driver had asked … “…,” she said`).
            let fits_better = g.is_none()
                && want.is_some()
                && self.recent.iter().any(|(s, rg, _, _)| {
                    s.key == key && *rg == want && s.target != sp.target && !skip(s)
                });
            if sp.key == key && fits && !overtaken && !fits_better {
                return Some(sp);
            }
        }
        let want = match p {
            Pronoun::He => Gender::Male,
            Pronoun::She => Gender::Female,
            Pronoun::They => {
                return self
                    .last_group
                    .as_ref()
                    .or(self.last_person.as_ref())
                    .filter(|s| !skip(s))
            }
            // The last organisation or document; else the last source
            // that is no person (`it` may stand for a statement or a
            // campaign the copy names only in passing).
            Pronoun::It => {
                return self
                    .last_org
                    .as_ref()
                    .or(self.last_group.as_ref())
                    .filter(|s| !skip(s))
            }
        };
        let index = |s: &Seen| keys.index_of(s.key).unwrap_or(0);
        let near = |s: &Seen| NEAR - para.saturating_sub(index(s)).min(NEAR);
        let people = self
            .recent
            .iter()
            .filter_map(|(s, g, possessive, subject)| {
                let fits = g.is_none_or(|g| g == want) && !skip(s);
                fits.then_some((
                    s,
                    (near(s), *subject && !possessive, g.is_some(), s.key, s.at),
                ))
            });
        // Sources of this gender (`a spokeswoman`) are no people of the
        // list: the newest of them, as a sentence's subject.
        let source = [&self.last_male, &self.last_female]
            .into_iter()
            .flatten()
            .filter(|s| matches!(s.target, Target::Source { .. }) && !skip(s))
            .filter(|s| match want {
                Gender::Male => self.last_male.as_ref() == Some(*s),
                Gender::Female => self.last_female.as_ref() == Some(*s),
            })
            .map(|s| (s, (near(s), true, true, s.key, s.at)));
        people
            .chain(source)
            .max_by_key(|(_, key)| *key)
            .map(|(s, _)| s)
            .or(self.last_unknown.as_ref().filter(|s| !skip(s)))
    }

    /// The newest person referred to by more than a possessive (`said the
    /// Russian` after `He swept home Ellard’s cross` is not Ellard).
    pub(super) fn last_not_possessive(&self) -> Option<&Seen> {
        self.recent
            .iter()
            .rev()
            .find(|(_, _, possessive, _)| !possessive)
            .map(|(s, _, _, _)| s)
            .or(self.last_person.as_ref())
    }

    /// Every reference the state holds.
    pub(super) fn seen(&self) -> impl Iterator<Item = &Seen> {
        [
            &self.last_male,
            &self.last_female,
            &self.last_unknown,
            &self.last_group,
            &self.last_org,
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

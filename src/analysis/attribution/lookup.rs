//! What the walk knows of the people, worked out once per [`People`]
//! ([`Ctx`]): a name without honorifics ([`display_name`]), and who a
//! surname or a given name used alone refers to.

use std::collections::HashMap;
use std::sync::Arc;

use super::keys::ParaKeys;
use crate::analysis::cues::{is_org_word, is_role_noun, not_a_name};
use crate::analysis::names::{People, PersonId};

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
            || crate::lexicon::quotes::name_prefixes().contains(bare)
            || low.ends_with("’s")
            || low.ends_with("'s")
        {
            start = i + 1;
        }
    }
    tokens[start..].join(" ")
}

/// Whether a mention's name can be a person's: not `Several Conservative MPs`,
/// `NetChoice Alliance` or `By Sunday` (a guard until the name scanner knows).
pub fn looks_like_person(name: &str) -> bool {
    let name = display_name(name);
    let mut tokens = name.split(' ');
    let first = tokens.next().unwrap_or_default();
    let last = name.rsplit(' ').next().unwrap_or_default();
    // (`Graham Poll`, `Margaret Court`: a given name and a surname that
    // also heads organisations' names; the scanner has seen a person's
    // slot around them.)
    let person_surname = tokens.count() == 1
        && crate::lexicon::names::GAZETTEER.given(first).is_some()
        && crate::lexicon::names::is_known_surname(last);
    !not_a_name(first) && (!is_org_word(last) || person_surname)
}

/// What the walk needs to know of the people, worked out once per
/// [`People`] (and kept while the people are, or patched where some were
/// regrouped: [`Ctx::patched`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Ctx {
    /// Lower-case surname → the first person (in order of first mention)
    /// with a person's name who has it.
    pub(super) surnames: imbl::HashMap<Arc<str>, PersonId>,
    /// Given names that only one person has (`Dad-of-three Mark said` for
    /// Mark Jones): `None` once a second person shares it; none that is
    /// someone's surname (`Mr Mark` is Mr Mark).
    pub(super) given: imbl::HashMap<Arc<str>, Option<PersonId>>,
    /// By person id: the name without honorifics ([`display_name`]), the
    /// lower-case surname and given name, and whether the canonical name
    /// looks like a person's ([`looks_like_person`]).
    pub(super) display: imbl::Vector<Arc<str>>,
    pub(super) surname_lower: imbl::Vector<Arc<str>>,
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
pub(super) struct With<'a> {
    pub(super) people: &'a People,
    pub(super) ctx: &'a Ctx,
    /// The paragraphs' keys ([`ParaKey`](super::walk_log::ParaKey)).
    pub(super) keys: &'a ParaKeys,
}

impl With<'_> {
    pub(super) fn person_speaker(&self, id: PersonId) -> (String, Option<String>) {
        match (self.people.person(id), self.ctx.display.get(id)) {
            (Some(p), Some(name)) => (name.to_string(), p.roles.first().cloned()),
            _ => (String::new(), None),
        }
    }
}

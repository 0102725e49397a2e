//! What the walk leaves behind so that it can be resumed at any paragraph
//! ([`WalkLog`]: its state every [`STRIDE`] paragraphs and each
//! paragraph's row), and the roles the copy gives people along the way.

use std::collections::HashMap;
use std::sync::Arc;

use super::keys::ParaKeys;
use super::lookup::Ctx;
use super::row::Row;
use super::state::Walk;
use super::types::{Attribution, ResolvedCue, Speaker};
use crate::analysis::names::{People, PersonId};

/// The first role the copy gave each person, in article order, and the
/// row it is in.
pub(super) type FirstRoles = HashMap<PersonId, (usize, String)>;

pub(super) fn first_roles(rows: &[Row]) -> FirstRoles {
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
pub(super) fn first_roles_from(
    rows: &[Row],
    from: usize,
    ids: &[PersonId],
) -> Vec<Option<(usize, String)>> {
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
pub(super) fn role_of(people: &People, person_roles: &FirstRoles, id: PersonId) -> Option<String> {
    people
        .person(id)
        .and_then(|p| p.roles.first().cloned())
        .or_else(|| person_roles.get(&id).map(|(_, r)| r.clone()))
}

/// Every how many paragraphs the walk keeps its state: resuming re-walks
/// up to this many paragraphs before an edit (and after it) for a log this
/// many times smaller.
pub(super) const STRIDE: usize = 4;

/// What the walk leaves behind so that it can be resumed at any paragraph:
/// its state before every [`STRIDE`]th one and what it made of each. Nothing
/// in it is a document offset, so it stays true across edits that keep
/// paragraphs' facts (see [`resume`](super::resume)).
#[derive(Clone, Debug)]
pub(crate) struct WalkLog {
    pub(super) ctx: Arc<Ctx>,
    /// Surnames for which the states from a paragraph on may not say who
    /// was named last with them (kept across an edit because nothing after
    /// it read them: [`resume`](super::resume)), with that paragraph.
    pub(super) glossed: Vec<(Arc<str>, usize)>,
    /// The paragraphs' keys, which the states and rows name them by.
    pub(super) keys: ParaKeys,
    /// The state before some paragraphs (about every [`STRIDE`]th), by
    /// paragraph index, in order.
    pub(super) states: Vec<(usize, Walk)>,
    pub(super) rows: Vec<Row>,
    pub(super) person_roles: FirstRoles,
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
            if let Some((_, s)) = &mut row.topic {
                speaker(s);
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

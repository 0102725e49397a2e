//! What the walk leaves behind so that it can be resumed at any paragraph
//! ([`WalkLog`]: its state every [`STRIDE`] paragraphs and each
//! paragraph's row), and the roles the copy gives people along the way.

use super::*;
use crate::text::ParaSplice;

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

/// A paragraph's key: the walk's references name paragraphs by key, not
/// by index, so that a state kept across an edit that added or removed
/// paragraphs before it still points at the same ones. Keys grow with the
/// index; a fresh walk gives paragraph `i` the key `i * KEY_GAP`.
pub(super) type ParaKey = u64;

/// The room left between the keys of a fresh walk, for paragraphs that
/// come between them later.
const KEY_GAP: ParaKey = 1 << 24;

/// Every paragraph's key, in order ([`ParaKey`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct ParaKeys(Vec<ParaKey>);

impl ParaKeys {
    /// The keys of a fresh walk over `n` paragraphs.
    pub(super) fn fresh(n: usize) -> Self {
        Self((0..n as ParaKey).map(|i| i * KEY_GAP).collect())
    }

    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// The key of paragraph `i`.
    pub(super) fn key(&self, i: usize) -> ParaKey {
        self.0.get(i).copied().unwrap_or(ParaKey::MAX)
    }

    /// How many paragraphs have a key below `k` (the index of the paragraph
    /// with key `k`, or of the next one).
    pub(super) fn rank(&self, k: ParaKey) -> usize {
        self.0.partition_point(|&x| x < k)
    }

    /// The index of the paragraph with key `k`.
    pub(super) fn index_of(&self, k: ParaKey) -> Option<usize> {
        self.0.binary_search(&k).ok()
    }

    /// The keys after paragraphs `paras.old` became `paras.new`: those of
    /// `reuse` (old index → new index, in order) kept, the others new,
    /// spread between their neighbours; `None` when there is no room.
    pub(super) fn spliced(&self, paras: &ParaSplice, reuse: &[(usize, usize)]) -> Option<ParaKeys> {
        let mut region: Vec<Option<ParaKey>> = vec![None; paras.new.len()];
        for &(o, n) in reuse {
            region[n - paras.new.start] = Some(self.0[o]);
        }
        let before = paras.new.start.checked_sub(1).map(|i| self.0[i]);
        let after = self.0.get(paras.old.end).copied().unwrap_or(ParaKey::MAX);
        // Each run of new keys is spread between the keys around it.
        let mut i = 0;
        while i < region.len() {
            if region[i].is_some() {
                i += 1;
                continue;
            }
            let j = (i..region.len())
                .find(|&j| region[j].is_some())
                .unwrap_or(region.len());
            let lo = match i {
                0 => before.map_or(0, |k| k + 1),
                _ => region[i - 1]? + 1,
            };
            let hi = region.get(j).copied().flatten().unwrap_or(after);
            let room = hi.checked_sub(lo)?;
            let count = (j - i) as ParaKey;
            if room <= count {
                return None;
            }
            let step = room / (count + 1);
            for (k, slot) in region[i..j].iter_mut().enumerate() {
                *slot = Some(lo + step * (k as ParaKey + 1) - 1);
            }
            i = j;
        }
        let mut keys = Vec::with_capacity(self.0.len() + paras.new.len() - paras.old.len());
        keys.extend_from_slice(&self.0[..paras.new.start]);
        keys.extend(region.into_iter().flatten());
        keys.extend_from_slice(&self.0[paras.old.end..]);
        debug_assert!(keys.windows(2).all(|w| w[0] < w[1]), "keys in order");
        Some(ParaKeys(keys))
    }
}

/// What the walk leaves behind so that it can be resumed at any paragraph:
/// its state before every [`STRIDE`]th one and what it made of each. Nothing
/// in it is a document offset, so it stays true across edits that keep
/// paragraphs' facts (see [`resume`]).
#[derive(Clone, Debug)]
pub(crate) struct WalkLog {
    pub(super) ctx: Arc<Ctx>,
    /// Surnames for which the states from a paragraph on may not say who
    /// was named last with them (kept across an edit because nothing after
    /// it read them: [`resume`]), with that paragraph.
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

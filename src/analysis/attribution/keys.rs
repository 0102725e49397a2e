//! Paragraph keys: how the walk names paragraphs so that its references
//! survive edits that add or remove paragraphs.

use crate::text::ParaSplice;

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

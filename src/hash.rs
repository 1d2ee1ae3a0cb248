//! The crate's hash maps. FxHash, the fast non-cryptographic hash of rustc, for internal tables
//! whose keys are ids and fixed words that no input chooses freely; foldhash, seeded per
//! process, for maps keyed by words of the input ([`TextMap`], [`TextSet`]), so that no text can
//! be written to make its keys collide. Both are several times cheaper than std's SipHash,
//! which was a fifth of attribution's time.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash: a fast, deterministic hash for the interning tables (their keys are not chosen by
/// an adversary that could benefit from collisions: a collision only costs a comparison).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // A final avalanche: the multiply leaves the low bits, which pick the bucket, blind to
        // the high bits of the input (two-word phrases that differ in their second word would
        // all share a bucket).
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A hash map with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A hash map for keys taken from the input text (names, words): foldhash, seeded per process,
/// so that no text can be written to make its keys collide, at a fraction of SipHash's cost.
pub(crate) type TextMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// A set of keys taken from the input text; see [`TextMap`].
pub(crate) type TextSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// A hasher for keys that are already seeded hashes: passes the `u64` through.
#[derive(Default, Clone, Copy)]
pub(crate) struct Identity(u64);

impl Hasher for Identity {
    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys are hashed with it; anything else is folded in, never lost.
        let mut fx = FxHasher(self.0);
        fx.write(bytes);
        self.0 = fx.finish();
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// An index of items kept elsewhere, numbered from 0 (a list of documents, words, phrases), by
/// a seeded hash of their content: the table holds 16 bytes per item and no copy of any key,
/// so it grows and rehashes without reading the items, and a lookup that finds nothing reads
/// the table only. The caller checks that an item found under a hash is the one it looks for;
/// two different items under one hash (which no input can arrange, the hash being seeded) are
/// both kept, the second among the few `collided`.
#[derive(Clone, Default)]
pub(crate) struct HashIndex {
    state: foldhash::fast::RandomState,
    first: HashMap<u64, usize, BuildHasherDefault<Identity>>,
    collided: HashMap<u64, Vec<usize>, BuildHasherDefault<Identity>>,
}

impl std::fmt::Debug for HashIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HashIndex")
            .field(
                "items",
                &(self.first.len() + self.collided.values().map(Vec::len).sum::<usize>()),
            )
            .finish()
    }
}

impl HashIndex {
    /// The seeded hash of `key`, to look it up or add it with.
    pub(crate) fn hash<T: std::hash::Hash + ?Sized>(&self, key: &T) -> u64 {
        std::hash::BuildHasher::hash_one(&self.state, key)
    }

    /// Room for `more` items.
    pub(crate) fn reserve(&mut self, more: usize) {
        self.first.reserve(more);
    }

    /// The item with `hash` for which `is` holds, if any.
    pub(crate) fn find(&self, hash: u64, mut is: impl FnMut(usize) -> bool) -> Option<usize> {
        let &item = self.first.get(&hash)?;
        if is(item) {
            return Some(item);
        }
        self.collided.get(&hash)?.iter().copied().find(|&i| is(i))
    }

    /// Adds `item` under `hash` unless an item for which `is` holds is there already, which is
    /// returned instead; one probe of the table when the hash is new.
    pub(crate) fn insert_unless(
        &mut self,
        hash: u64,
        item: usize,
        mut is: impl FnMut(usize) -> bool,
    ) -> Result<(), usize> {
        match self.first.entry(hash) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(item);
                Ok(())
            }
            std::collections::hash_map::Entry::Occupied(o) => {
                let first = *o.get();
                if is(first) {
                    return Err(first);
                }
                let others = self.collided.entry(hash).or_default();
                if let Some(&same) = others.iter().find(|&&i| is(i)) {
                    return Err(same);
                }
                others.push(item);
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_under_one_hash_are_all_kept_and_told_apart() {
        let items = ["a", "b", "c"];
        let mut index = HashIndex::default();
        // Every item under the same hash: the collided path.
        for (i, _) in items.iter().enumerate() {
            assert_eq!(index.insert_unless(7, i, |j| items[j] == items[i]), Ok(()));
        }
        for (i, item) in items.iter().enumerate() {
            assert_eq!(index.find(7, |j| items[j] == *item), Some(i));
            assert_eq!(index.insert_unless(7, 9, |j| items[j] == *item), Err(i));
        }
        assert_eq!(index.find(7, |_| false), None);
        assert_eq!(index.find(8, |_| true), None);
    }
}

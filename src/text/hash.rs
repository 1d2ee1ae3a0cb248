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
/// a seeded hash of their content. The table holds 8 bytes a slot, half of them full at most,
/// and no copy of any key: it grows without reading the items, a lookup reads one cache line of
/// it (open addressing with linear probing, no separate control bytes), and a million items fit
/// in 16 MiB, so that a large index still mostly sits in the cache. Each slot keeps 32 bits of
/// the item's hash, which place the item and tell most others apart; the caller checks that an
/// item found under a hash is the one it looks for, and two different items under one hash
/// (which no input can arrange, the hash being seeded) are both kept.
///
/// What it buys, measured when it replaced a std `HashMap` (16-byte buckets beside control
/// bytes): with a million documents or phrases the std table outgrew the cache and each new
/// id cost two misses, so that inserting grew 37× from 1× to 10× the input in the
/// `examples/adversarial` case of quotations sharing most words; that case's growth fell
/// from 12.8× to 10.4–11.1×. [`prefetch`](Self::prefetch) lets a caller overlap the misses of
/// a batch of lookups (see `cluster::index::Phrases::add_all`).
#[derive(Clone, Default)]
pub(crate) struct HashIndex {
    state: foldhash::fast::RandomState,
    /// Each slot is `tag << 32 | item`, or [`EMPTY`]; a power of two of them, or none.
    slots: Vec<u64>,
    /// How many items are in `slots`.
    len: usize,
    /// Items too large for a slot's 32 bits (beyond four billion items, in no real use), by
    /// hash.
    large: HashMap<u64, Vec<usize>, BuildHasherDefault<Identity>>,
}

/// A free slot: its item bits hold `u32::MAX`, which no item kept in a slot has.
const EMPTY: u64 = u64::MAX;

/// The part of a hash kept in a slot: its high 32 bits (the low ones are foldhash's weakest).
fn tag(hash: u64) -> u32 {
    (hash >> 32) as u32
}

impl std::fmt::Debug for HashIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HashIndex")
            .field(
                "items",
                &(self.len + self.large.values().map(Vec::len).sum::<usize>()),
            )
            .finish()
    }
}

impl HashIndex {
    /// The seeded hash of `key`, to look it up or add it with.
    pub(crate) fn hash<T: std::hash::Hash + ?Sized>(&self, key: &T) -> u64 {
        std::hash::BuildHasher::hash_one(&self.state, key)
    }

    /// The seeded hasher [`hash`](Self::hash) uses, for hashing keys away from the index (on
    /// another thread).
    pub(crate) fn clone_hasher(&self) -> foldhash::fast::RandomState {
        self.state.clone()
    }

    /// Room for `more` items without growing, if the memory can be had: a hint, never a
    /// failure.
    pub(crate) fn reserve(&mut self, more: usize) {
        let wanted = self.len.saturating_add(more).saturating_mul(2);
        if wanted > self.slots.len() {
            if let Some(size) = wanted.checked_next_power_of_two() {
                let mut slots = Vec::new();
                if slots.try_reserve_exact(size).is_ok() {
                    slots.resize(size, EMPTY);
                    self.move_into(slots);
                }
            }
        }
    }

    /// Reads the slot where an item with `hash` would be, so that a run of lookups of known
    /// hashes can have their cache misses overlap before the lookups themselves. Returns what
    /// it read, for the caller to fold into [`std::hint::black_box`].
    pub(crate) fn prefetch(&self, hash: u64) -> u64 {
        match self.slots.len() {
            0 => 0,
            n => self.slots[tag(hash) as usize & (n - 1)],
        }
    }

    /// The item with `hash` for which `is` holds, if any.
    pub(crate) fn find(&self, hash: u64, mut is: impl FnMut(usize) -> bool) -> Option<usize> {
        match self.probe(hash, &mut is) {
            Ok(item) => Some(item),
            Err(_) if self.large.is_empty() => None,
            Err(_) => self.large.get(&hash)?.iter().copied().find(|&i| is(i)),
        }
    }

    /// Adds `item` under `hash` unless an item for which `is` holds is there already, which is
    /// returned instead; one probe of the table when the hash is new.
    pub(crate) fn insert_unless(
        &mut self,
        hash: u64,
        item: usize,
        mut is: impl FnMut(usize) -> bool,
    ) -> Result<(), usize> {
        if (self.len + 1) * 2 > self.slots.len() {
            self.move_into(vec![EMPTY; (self.slots.len() * 2).max(16)]);
        }
        let free = match self.probe(hash, &mut is) {
            Ok(found) => return Err(found),
            Err(free) => free,
        };
        if let Some(&same) = self
            .large
            .get(&hash)
            .and_then(|l| l.iter().find(|&&i| is(i)))
        {
            return Err(same);
        }
        match u32::try_from(item) {
            Ok(small) if small != u32::MAX => {
                self.slots[free] = u64::from(tag(hash)) << 32 | u64::from(small);
                self.len += 1;
            }
            _ => self.large.entry(hash).or_default().push(item),
        }
        Ok(())
    }

    /// Walks the slots from `hash`'s home: the first item under its tag for which `is` holds,
    /// or else the free slot that ends the walk.
    fn probe(&self, hash: u64, is: &mut impl FnMut(usize) -> bool) -> Result<usize, usize> {
        if self.slots.is_empty() {
            return Err(0);
        }
        let mask = self.slots.len() - 1;
        let want = tag(hash);
        let mut at = want as usize & mask;
        // The table is at most half full, so the walk ends at a free slot.
        loop {
            let slot = self.slots[at];
            if slot == EMPTY {
                return Err(at);
            }
            if (slot >> 32) as u32 == want && is(slot as u32 as usize) {
                return Ok(slot as u32 as usize);
            }
            at = (at + 1) & mask;
        }
    }

    /// Moves every item into `slots`, all free, a power of two of them and more than twice as
    /// many as the items.
    fn move_into(&mut self, slots: Vec<u64>) {
        let old = std::mem::replace(&mut self.slots, slots);
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|&s| s != EMPTY) {
            let mut at = (slot >> 32) as usize & mask;
            while self.slots[at] != EMPTY {
                at = (at + 1) & mask;
            }
            self.slots[at] = slot;
        }
    }
}

/// A content hash of a word: the same whatever order words come in, on every run and platform
/// (the clustering's word and phrase keys, stems, anchors of translation).
pub(crate) fn word_hash(word: &str) -> u64 {
    // FNV-1a, then a mix: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// A 64-bit finaliser (MurmurHash3's): spreads every input bit over the output.
pub(crate) fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_under_one_hash_are_all_kept_and_told_apart() {
        let items = ["a", "b", "c"];
        let mut index = HashIndex::default();
        let (same, other) = (7 << 32, 8 << 32);
        // Every item under the same hash: told apart by `is` alone.
        for (i, _) in items.iter().enumerate() {
            assert_eq!(
                index.insert_unless(same, i, |j| items[j] == items[i]),
                Ok(())
            );
        }
        for (i, item) in items.iter().enumerate() {
            assert_eq!(index.find(same, |j| items[j] == *item), Some(i));
            assert_eq!(index.insert_unless(same, 9, |j| items[j] == *item), Err(i));
        }
        assert_eq!(index.find(same, |_| false), None);
        assert_eq!(index.find(other, |_| true), None);
    }

    /// Against a map of the keys themselves: the seeded hashes, and hashes cut to three tags so
    /// that most items share one (long walks), at the start of the table or at its end (walks
    /// that wrap round to the start), through every growth.
    #[test]
    fn finds_what_a_map_finds() {
        for tags in [None, Some((3u64, 0)), Some((3, u64::from(u32::MAX) - 2))] {
            let keys: Vec<String> = (0..5000).map(|i| format!("k{}", i * 7 % 3001)).collect();
            let mut index = HashIndex::default();
            let hash = |index: &HashIndex, k: &str| match tags {
                None => index.hash(k),
                Some((n, base)) => (base + index.hash(k) % n) << 32 | 0xffff,
            };
            let mut items: Vec<&str> = Vec::new();
            let mut model: HashMap<&str, usize> = HashMap::new();
            for k in &keys {
                let h = hash(&index, k);
                let got = index.insert_unless(h, items.len(), |i| items[i] == k.as_str());
                match model.get(k.as_str()) {
                    Some(&i) => assert_eq!(got, Err(i)),
                    None => {
                        assert_eq!(got, Ok(()));
                        model.insert(k, items.len());
                        items.push(k);
                    }
                }
            }
            assert_eq!(model.len(), 3001);
            for k in keys.iter().map(String::as_str).chain(["absent", "k3001"]) {
                let found = index.find(hash(&index, k), |i| items[i] == k);
                assert_eq!(found, model.get(k).copied(), "{k}");
            }
            assert!(index.slots.len() >= 2 * index.len);
        }
    }

    #[test]
    fn items_beyond_a_slot_are_kept_aside() {
        let mut index = HashIndex::default();
        index.reserve(10);
        let big = [u32::MAX as usize, usize::MAX];
        for (k, &item) in big.iter().enumerate() {
            let h = index.hash(&k);
            assert_eq!(index.insert_unless(h, item, |i| i == item), Ok(()));
            assert_eq!(index.insert_unless(h, 5, |i| i == item), Err(item));
            assert_eq!(index.find(h, |i| i == item), Some(item));
        }
        assert_eq!(index.len, 0);
        let h = index.hash(&9);
        assert_eq!(index.insert_unless(h, 3, |i| i == 3), Ok(()));
        assert_eq!(index.find(h, |i| i == 3), Some(3));
        assert_eq!(index.prefetch(h) as u32, 3);
        // More room than memory: a hint not taken, and the index still works.
        index.reserve(usize::MAX / 4);
        index.reserve(usize::MAX);
        assert_eq!(index.find(h, |i| i == 3), Some(3));
    }
}

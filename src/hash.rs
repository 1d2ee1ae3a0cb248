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

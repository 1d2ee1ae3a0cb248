//! The distinct wordings (phrases) of a set of quotations, and the candidate pairs among them
//! found through an index of word pairs, never by comparing all pairs.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::align::{spelling_variants, Spelling};
use crate::normalize::{for_each_word, ELLIPSIS};

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
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A content hash of a word, the same whatever order words were interned in.
fn word_hash(word: &str) -> u64 {
    // FNV-1a, then a mix: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

pub(crate) fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The vocabulary: each distinct word once, with its content hash.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    ids: FxMap<String, u32>,
    pub(crate) words: Vec<String>,
    pub(crate) hashes: Vec<u64>,
}

impl Vocabulary {
    pub(crate) fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(word.to_string(), id);
        self.words.push(word.to_string());
        self.hashes.push(word_hash(word));
        id
    }

    pub(crate) fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }
}

impl Spelling for Vocabulary {
    fn near(&self, a: u32, b: u32) -> bool {
        spelling_variants(&self.words[a as usize], &self.words[b as usize])
    }
}

/// The distinct wordings of the quotations, in matching form.
#[derive(Debug, Default)]
pub(crate) struct Phrases {
    pub(crate) vocabulary: Vocabulary,
    ids: FxMap<Vec<u32>, u32>,
    /// Each phrase's words.
    pub(crate) words: Vec<Vec<u32>>,
    /// How many quotations have each phrase.
    pub(crate) count: Vec<u32>,
    /// A content hash of each phrase: the tie-breaker that does not depend on input order.
    pub(crate) key: Vec<u64>,
}

impl Phrases {
    /// The phrase of `text`, added if new.
    pub(crate) fn add(&mut self, text: &str, scratch: &mut Vec<u32>) -> u32 {
        scratch.clear();
        let vocabulary = &mut self.vocabulary;
        for_each_word(text, |w| scratch.push(vocabulary.intern(w)));
        if let Some(&id) = self.ids.get(scratch.as_slice()) {
            self.count[id as usize] += 1;
            return id;
        }
        let id = self.words.len() as u32;
        let key = scratch.iter().fold(0x9e37_79b9_7f4a_7c15u64, |h, &w| {
            mix(h ^ self.vocabulary.hashes[w as usize])
        });
        self.ids.insert(scratch.clone(), id);
        self.words.push(scratch.clone());
        self.count.push(1);
        self.key.push(key);
        id
    }

    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    pub(crate) fn ellipsis(&self) -> Option<u32> {
        self.vocabulary.get(ELLIPSIS)
    }
}

/// For every phrase of at least `min_words` words, the other phrases that share the most word
/// pairs with it: at most `max_candidates`, most shared first. Word pairs found in more than
/// `max_postings` phrases (`of the`, `we are`) are too common to say anything and are skipped,
/// which keeps the cost linear whatever the input.
pub(crate) fn candidates(
    phrases: &Phrases,
    min_words: usize,
    max_postings: usize,
    max_candidates: usize,
) -> Vec<(u32, u32, u32)> {
    let hashes = &phrases.vocabulary.hashes;
    let ellipsis = phrases.ellipsis();
    // Every (pair hash, phrase) posting, sorted so that each pair's phrases are together.
    let mut postings: Vec<(u64, u32)> = Vec::new();
    for (id, words) in phrases.words.iter().enumerate() {
        if words.len() < min_words {
            continue;
        }
        for pair in words.windows(2) {
            if pair.contains(&ellipsis.unwrap_or(u32::MAX)) {
                continue;
            }
            let h = mix(hashes[pair[0] as usize].rotate_left(17) ^ hashes[pair[1] as usize]);
            postings.push((h, id as u32));
        }
    }
    postings.sort_unstable();
    postings.dedup();
    // Each phrase's usable posting lists, as ranges into `postings`.
    let mut lists: Vec<Vec<(u32, u32)>> = vec![Vec::new(); phrases.len()];
    let mut start = 0;
    while start < postings.len() {
        let h = postings[start].0;
        let end = start + postings[start..].partition_point(|p| p.0 == h);
        let size = end - start;
        if size > 1 && size <= max_postings {
            for &(_, id) in &postings[start..end] {
                lists[id as usize].push((start as u32, end as u32));
            }
        }
        start = end;
    }
    // Count shared pairs per candidate with a dense scratch array.
    let mut shared = vec![0u32; phrases.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for (id, ranges) in lists.iter().enumerate() {
        for &(s, e) in ranges {
            for &(_, other) in &postings[s as usize..e as usize] {
                if other as usize != id {
                    if shared[other as usize] == 0 {
                        touched.push(other);
                    }
                    shared[other as usize] += 1;
                }
            }
        }
        touched.sort_unstable_by_key(|&o| {
            (
                std::cmp::Reverse(shared[o as usize]),
                phrases.key[o as usize],
            )
        });
        for &other in touched.iter().take(max_candidates) {
            out.push((id as u32, other, shared[other as usize]));
        }
        for &o in &touched {
            shared[o as usize] = 0;
        }
        touched.clear();
    }
    out
}

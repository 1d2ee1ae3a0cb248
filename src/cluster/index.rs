//! The distinct wordings (phrases) of a set of quotations, and the candidate pairs among them
//! found through an index of word pairs, never by comparing all pairs.

use std::hash::BuildHasher;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

pub(crate) use crate::text::hash::FxMap;
use crate::text::hash::HashIndex;

use super::align::Spelling;
use crate::normalize::{for_each_word, ELLIPSIS};
use crate::text::hash::{mix, word_hash};
use crate::text::spelling::{allowed_edits, typo, within_edits, Shape};

/// The vocabulary: each distinct word once, with its content hash and what the spelling
/// comparison needs to rule most pairs out at once.
///
/// The words are kept back to back in one string and found through a [`HashIndex`]: no
/// allocation per word, and a table that grows without reading the words again.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocabulary {
    /// Keyed by words of the input, so by a seeded hash.
    index: HashIndex,
    /// Every word, back to back.
    text: String,
    /// Where each word ends in `text` (and the next begins).
    ends: Vec<usize>,
    pub(crate) hashes: Vec<u64>,
    shapes: Vec<Shape>,
    /// Per language of the input with a stemmer, each word's stem (0 for none): two words
    /// with one stem in a language are forms of one word (`apology`, `apologies`).
    stems: Vec<Vec<u64>>,
}

impl Vocabulary {
    /// The id of `word`, whose [`HashIndex`] hash is `hash`, added if new.
    fn intern_hashed(&mut self, hash: u64, word: &str) -> u32 {
        let id = self.ends.len() as u32;
        let (text, ends) = (&self.text, &self.ends);
        let same = |i: usize| &text[span(ends, i)] == word;
        // One probe of the index, whether the word is new or not.
        if let Err(known) = self.index.insert_unless(hash, id as usize, same) {
            return known as u32;
        }
        self.text.push_str(word);
        self.ends.push(self.text.len());
        self.hashes.push(word_hash(word));
        self.shapes.push(Shape::of(word));
        id
    }

    fn find(&self, hash: u64, word: &str) -> Option<u32> {
        self.index
            .find(hash, |id| self.word(id as u32) == Some(word))
            .map(|id| id as u32)
    }

    pub(crate) fn get(&self, word: &str) -> Option<u32> {
        self.find(self.index.hash(word), word)
    }

    /// Each word's stem in each of `languages` (ISO 639-1 codes), for telling inflections.
    pub(crate) fn add_stems(&mut self, languages: &[&str]) {
        self.stems = languages
            .iter()
            .map(|&language| {
                (0..self.ends.len())
                    .map(|id| {
                        crate::text::stem::stem(language, &self.text[span(&self.ends, id)])
                            .unwrap_or(0)
                    })
                    .collect()
            })
            .filter(|stems: &Vec<u64>| stems.iter().any(|&s| s != 0))
            .collect();
    }

    /// Word `id`, if there is one.
    pub(crate) fn word(&self, id: u32) -> Option<&str> {
        let id = id as usize;
        (id < self.ends.len()).then(|| &self.text[span(&self.ends, id)])
    }
}

impl Spelling for Vocabulary {
    fn near(&self, a: u32, b: u32) -> bool {
        // A word outside the vocabulary (in a text looked up later) is near nothing.
        let (Some(&x), Some(&y)) = (self.shapes.get(a as usize), self.shapes.get(b as usize))
        else {
            return false;
        };
        // Two forms of one word are as near as two spellings (`apology`, `apologies`).
        let stem = |stems: &Vec<u64>, w: u32| stems.get(w as usize).copied().unwrap_or(0);
        if self
            .stems
            .iter()
            .any(|s| stem(s, a) != 0 && stem(s, a) == stem(s, b))
        {
            return true;
        }
        let Some(allowed) = allowed_edits(x, y) else {
            return false;
        };
        match (self.word(a), self.word(b)) {
            (Some(word_a), Some(word_b)) => within_edits(word_a, word_b, allowed),
            _ => false,
        }
    }
}

/// A phrase's number in [`Phrases`], in order of first appearance: its own type, so that a
/// phrase is never taken for a word (whose ids are `u32` too) or a quotation's position. Four
/// bytes, as the postings and the union-find arrays hold millions of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct PhraseId(u32);

impl PhraseId {
    /// Phrase number `index` (there are fewer than 2³² phrases: each is a quotation's).
    pub(crate) fn new(index: usize) -> Self {
        PhraseId(index as u32)
    }

    /// Its position in the per-phrase lists.
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

impl super::union_find::Id for PhraseId {
    fn new(index: usize) -> Self {
        PhraseId::new(index)
    }

    fn index(self) -> usize {
        PhraseId::index(self)
    }
}

/// The distinct wordings of the quotations, in matching form.
///
/// Their words are kept back to back in one list and found through a [`HashIndex`]: no
/// allocation per phrase, and a table that grows without reading the phrases again.
#[derive(Debug, Clone, Default)]
pub(crate) struct Phrases {
    pub(crate) vocabulary: Vocabulary,
    index: HashIndex,
    /// Every phrase's words, back to back.
    all_words: Vec<u32>,
    /// Where each phrase's words end in `all_words` (and the next one's begin).
    ends: Vec<usize>,
    /// How many quotations have each phrase.
    count: Vec<u32>,
    /// A content hash of each phrase: the tie-breaker that does not depend on input order.
    key: Vec<u64>,
}

/// How many texts [`Phrases::add_all`] reads at once.
const BLOCK: usize = 256;

/// How many texts of a block are read as one piece: the share of reading one thread claims
/// at a time.
const PIECE: usize = 32;

/// Some texts read into words, before any is looked up: the words back to back, each with its
/// hash and where it ends, and where each text's words end.
#[derive(Default)]
struct Block {
    text: String,
    words: Vec<(u64, usize)>,
    ends: Vec<usize>,
}

impl Block {
    /// Reads `texts`, hashing each word as the vocabulary does.
    fn read(&mut self, texts: &[&str], hasher: &impl BuildHasher) {
        self.text.clear();
        self.words.clear();
        self.ends.clear();
        for t in texts {
            for_each_word(t, |w| {
                self.text.push_str(w);
                self.words.push((hasher.hash_one(w), self.text.len()));
            });
            self.ends.push(self.words.len());
        }
    }
}

/// A block of texts, read a [`PIECE`] at a time by whichever thread claims the next piece.
struct Pieces<'t> {
    texts: Vec<&'t str>,
    read: Vec<Mutex<Block>>,
    claimed: AtomicUsize,
}

impl<'t> Pieces<'t> {
    fn new() -> Self {
        Pieces {
            texts: Vec::with_capacity(BLOCK),
            read: (0..BLOCK.div_ceil(PIECE))
                .map(|_| Mutex::default())
                .collect(),
            claimed: AtomicUsize::new(0),
        }
    }

    /// Takes the next [`BLOCK`] texts of `texts` (none when it is empty), to be read.
    fn take(&mut self, texts: &mut impl Iterator<Item = &'t str>) {
        self.texts.clear();
        self.texts.extend(texts.take(BLOCK));
        *self.claimed.get_mut() = 0;
    }

    /// Reads pieces of the block until none is left unclaimed.
    fn read(&self, hasher: &impl BuildHasher) {
        loop {
            let piece = self.claimed.fetch_add(1, Ordering::Relaxed);
            let start = piece * PIECE;
            if start >= self.texts.len() {
                return;
            }
            let texts = &self.texts[start..(start + PIECE).min(self.texts.len())];
            let mut block = self.read[piece]
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            block.read(texts, hasher);
        }
    }

    /// The block's pieces, read, in order.
    fn blocks(&mut self) -> impl Iterator<Item = &Block> {
        let pieces = self.texts.len().div_ceil(PIECE);
        self.read[..pieces]
            .iter_mut()
            .map(|m| &*m.get_mut().unwrap_or_else(PoisonError::into_inner))
    }
}

/// Runs `a` and `b`, on two threads when the library runs in parallel.
fn both(a: impl FnOnce() + Send, b: impl FnOnce() + Send) {
    #[cfg(feature = "parallel")]
    rayon::join(a, b);
    #[cfg(not(feature = "parallel"))]
    {
        a();
        b();
    }
}

impl Phrases {
    /// The phrase of each of `texts`, in order, each added if new.
    ///
    /// Texts are read a block at a time: their words first (normalised, with their hashes),
    /// then the words looked up, then the phrases. With a million quotations the vocabulary and
    /// the phrases outgrow the caches and each lookup misses them; made one after another,
    /// rather than between the reading of two texts, the lookups have their misses overlap.
    /// Words and phrases are numbered in order of first appearance all the same.
    ///
    /// Reading a block needs nothing of the vocabulary but its hasher, so the next block is
    /// read on another thread while this one is added, and the adding thread, once done,
    /// reads what is left of it ([`Pieces`]): reading takes longer than adding.
    ///
    /// What it buys, measured when introduced: reading in blocks cut this pass by about 40%
    /// on half a million short quotations, and reading each block's slots ahead took
    /// clustering a million quotations sharing most words from 1.87 to 1.70 s; reading the
    /// next block meanwhile took this pass from 2.0 to 1.2 s at a million synthetic
    /// quotations on two cores.
    pub(crate) fn add_all<'t, I>(&mut self, texts: I) -> Vec<PhraseId>
    where
        I: IntoIterator<Item = &'t str>,
    {
        let mut texts = texts.into_iter();
        let mut phrase_of = Vec::with_capacity(texts.size_hint().0);
        let hasher = self.vocabulary.index.clone_hasher();
        let (mut current, mut next) = (Pieces::new(), Pieces::new());
        let mut scratch = (Vec::new(), Vec::new());
        current.take(&mut texts);
        current.read(&hasher);
        while !current.texts.is_empty() {
            next.take(&mut texts);
            both(
                || next.read(&hasher),
                || {
                    for block in current.blocks() {
                        self.add_block(block, &mut scratch, &mut phrase_of);
                    }
                    next.read(&hasher);
                },
            );
            std::mem::swap(&mut current, &mut next);
        }
        phrase_of
    }

    /// Adds the phrases of `block` (their ids to `phrase_of`); `ids` and `phrases` are scratch
    /// space, kept from block to block.
    fn add_block(
        &mut self,
        block: &Block,
        (ids, phrases): &mut (Vec<u32>, Vec<(u64, usize)>),
        phrase_of: &mut Vec<PhraseId>,
    ) {
        // The block's slots are read first, all at once, so that their cache misses overlap
        // rather than come one after another, each in the middle of an insertion.
        let seen = block.words.iter().fold(0, |seen, &(hash, _)| {
            seen ^ self.vocabulary.index.prefetch(hash)
        });
        std::hint::black_box(seen);
        ids.clear();
        let mut start = 0;
        for &(hash, end) in &block.words {
            ids.push(self.vocabulary.intern_hashed(hash, &block.text[start..end]));
            start = end;
        }
        phrases.clear();
        let mut start = 0;
        for &end in &block.ends {
            phrases.push((self.index.hash(&ids[start..end]), end));
            start = end;
        }
        let seen = phrases
            .iter()
            .fold(0, |seen, &(hash, _)| seen ^ self.index.prefetch(hash));
        std::hint::black_box(seen);
        let mut start = 0;
        for &(hash, end) in phrases.iter() {
            phrase_of.push(self.add_words(hash, &ids[start..end]));
            start = end;
        }
    }

    /// The phrase of `words`, whose [`HashIndex`] hash is `hash`, added if new.
    fn add_words(&mut self, hash: u64, words: &[u32]) -> PhraseId {
        let id = self.ends.len();
        let (all, ends) = (&self.all_words, &self.ends);
        let same = |i: usize| &all[span(ends, i)] == words;
        // One probe of the index, whether the phrase is new or not.
        if let Err(known) = self.index.insert_unless(hash, id, same) {
            self.count[known] += 1;
            return PhraseId::new(known);
        }
        let key = phrase_key(words.iter().map(|&w| self.vocabulary.hashes[w as usize]));
        self.all_words.extend_from_slice(words);
        self.ends.push(self.all_words.len());
        self.count.push(1);
        self.key.push(key);
        PhraseId::new(id)
    }

    fn find_hashed(&self, hash: u64, words: &[u32]) -> Option<PhraseId> {
        self.index
            .find(hash, |id| &self.all_words[span(&self.ends, id)] == words)
            .map(PhraseId::new)
    }

    /// Frees what finds a phrase by its words ([`Phrases::find`] then finds none): a
    /// clustering that keeps no index looks no phrase up once all are read, and at a million
    /// quotations the table is 16 MB.
    pub(crate) fn forget_lookup(&mut self) {
        self.index = HashIndex::default();
    }

    /// The phrase made of `words`, if there is one.
    pub(crate) fn find(&self, words: &[u32]) -> Option<PhraseId> {
        self.find_hashed(self.index.hash(words), words)
    }

    /// The words of phrase `id`.
    pub(crate) fn words(&self, id: PhraseId) -> &[u32] {
        &self.all_words[span(&self.ends, id.index())]
    }

    /// How many quotations have phrase `id`.
    pub(crate) fn count(&self, id: PhraseId) -> u32 {
        self.count[id.index()]
    }

    /// The content key of phrase `id`: the tie-breaker that does not depend on input order.
    pub(crate) fn key(&self, id: PhraseId) -> u64 {
        self.key[id.index()]
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Every phrase, in order.
    pub(crate) fn ids(&self) -> impl ExactSizeIterator<Item = PhraseId> + DoubleEndedIterator {
        (0..self.len()).map(PhraseId::new)
    }

    pub(crate) fn ellipsis(&self) -> Option<u32> {
        self.vocabulary.get(ELLIPSIS)
    }
}

/// Where item `i` of a list kept back to back lies, from where each item ends.
fn span(ends: &[usize], i: usize) -> std::ops::Range<usize> {
    let start = if i == 0 { 0 } else { ends[i - 1] };
    start..ends[i]
}

/// How many of its word pairs a phrase looks its partners up by (at most 255: the counts
/// of [`Scratch::shared`] are bytes).
const RAREST: usize = 8;

/// For every phrase in `lists`, the other phrases that share the most word pairs with it: at
/// most `max_candidates`, most shared first, each as `pair(phrase, other, shared)` makes it
/// (the number shared); in the order of the lists' numbering. Word pairs found in more than
/// `max_postings` phrases (`of the`, `we are`) are too common to say anything and are not in
/// the lists, which keeps the cost linear whatever the input.
pub(crate) fn candidates<T: Send>(
    phrases: &Phrases,
    lists: Lists,
    max_candidates: usize,
    pair: impl Fn(PhraseId, PhraseId, u32) -> T + Sync,
) -> Vec<T> {
    let n = lists.order.len();
    // The phrases are read in runs, each run with one scratch space (a counter per phrase,
    // zeroed as it is read) and one list it adds its pairs to.
    let run_of = |run: std::ops::Range<usize>| {
        let mut scratch = Scratch {
            shared: vec![0u8; n],
            touched: Vec::new(),
            ranges: Vec::new(),
            partners: Vec::new(),
        };
        let mut found = Vec::new();
        for q in run {
            best_partners(phrases, &lists, q as u32, &mut scratch, max_candidates);
            let id = lists.order[q];
            found.extend(
                scratch
                    .partners
                    .iter()
                    .map(|&(other, n)| pair(id, other, n)),
            );
        }
        found
    };
    let runs = runs(n);
    #[cfg(feature = "parallel")]
    let found: Vec<Vec<T>> = {
        use rayon::prelude::*;
        runs.into_par_iter().map(run_of).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let found: Vec<Vec<T>> = runs.into_iter().map(run_of).collect();
    // The lists freed before the runs' pairs are put together (about 60 MB at a million
    // quotations), and each run's pairs freed as soon as they are moved, where `concat` would
    // hold all of them (23 MB) until the end.
    drop(lists);
    let mut all = Vec::with_capacity(found.iter().map(Vec::len).sum());
    for run in found {
        all.extend(run);
    }
    all
}

/// `0..n` cut into runs of consecutive phrases: a few per thread, so that a slow run does not
/// hold the others up, and each long enough that its scratch space is worth making.
fn runs(n: usize) -> Vec<std::ops::Range<usize>> {
    #[cfg(feature = "parallel")]
    let threads = rayon::current_num_threads();
    #[cfg(not(feature = "parallel"))]
    let threads = 1;
    let length = n.div_ceil(threads * 8).max(1 << 12);
    (0..n)
        .step_by(length)
        .map(|start| start..(start + length).min(n))
        .collect()
}

/// What [`best_partners`] works in, kept from one phrase to the next.
struct Scratch {
    /// How many of the phrase's word pairs each other phrase has: all zero between phrases.
    /// A byte each, as a phrase reads at most [`RAREST`] pairs: at a million quotations the
    /// counters (one per phrase) then fit the second-level cache, where four bytes each did
    /// not.
    shared: Vec<u8>,
    /// The phrases (by their numbers in [`Lists`]) whose counter is not zero.
    touched: Vec<u32>,
    /// The phrase's usable postings lists.
    ranges: Vec<(u32, u32)>,
    /// The result: the best partners, most shared first, with the number shared.
    partners: Vec<(PhraseId, u32)>,
}

/// The hash of a word pair, from the words' content hashes.
fn pair_hash(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(17) ^ b)
}

/// The content key of a phrase, from its words' content hashes in order.
fn phrase_key(hashes: impl Iterator<Item = u64>) -> u64 {
    hashes.fold(0x9e37_79b9_7f4a_7c15u64, |h, w| mix(h ^ w))
}

/// What [`Pairs::postings`] and [`Phrases`] make of one text, from the text alone: its phrase's
/// content key, how many words it has in matching form, and the hashes of the word pairs it is
/// posted under (sorted, each once; none when it has fewer than `min_words` words).
pub(crate) fn blocking_of(text: &str, min_words: usize) -> (u64, usize, Vec<u64>) {
    let mut hashes: Vec<Option<u64>> = Vec::new();
    for_each_word(text, |w| hashes.push((w != ELLIPSIS).then(|| word_hash(w))));
    let key = phrase_key(
        hashes
            .iter()
            .map(|h| h.unwrap_or_else(|| word_hash(ELLIPSIS))),
    );
    let mut pairs: Vec<u64> = if hashes.len() >= min_words {
        hashes
            .windows(2)
            .filter_map(|pair| Some(pair_hash(pair[0]?, pair[1]?)))
            .collect()
    } else {
        Vec::new()
    };
    pairs.sort_unstable();
    pairs.dedup();
    (key, hashes.len(), pairs)
}

/// One posting: a phrase under one of its word pairs, named by the pair's hash; ordered by
/// pair, then phrase. Twelve bytes, where a `(u64, PhraseId)` takes sixteen with its padding:
/// at a million quotations there are twelve million postings, 48 MB less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Posting {
    /// The pair hash's high and low halves, in that order, so that the derived order is the
    /// hash's.
    high: u32,
    low: u32,
    phrase: PhraseId,
}

impl Posting {
    fn new(pair: u64, phrase: PhraseId) -> Self {
        Posting {
            high: (pair >> 32) as u32,
            low: pair as u32,
            phrase,
        }
    }

    /// The hash of the word pair.
    pub(crate) fn pair(self) -> u64 {
        (u64::from(self.high) << 32) | u64::from(self.low)
    }

    /// The phrase that has the pair.
    pub(crate) fn phrase(self) -> PhraseId {
        self.phrase
    }
}

/// How many buckets the postings are sorted in: by the top bits of their pair hash.
const BUCKET_BITS: u32 = 8;

/// The bucket of a pair hash.
fn bucket(pair: u64) -> usize {
    (pair >> (64 - BUCKET_BITS)) as usize
}

/// Every phrase's word pairs, as hashes, read in runs of phrases (one thread a run) and
/// counted by bucket in each run, so that the postings of any buckets can be made in place,
/// each run writing its own part of each bucket.
struct Pairs<'p> {
    phrases: &'p Phrases,
    /// Phrases shorter than this have no postings.
    min_words: usize,
    runs: Vec<std::ops::Range<usize>>,
    /// `counts[r][b]`: how many pairs of run `r` fall in bucket `b`.
    counts: Vec<Vec<usize>>,
}

impl<'p> Pairs<'p> {
    fn new(phrases: &'p Phrases, min_words: usize) -> Self {
        let mut pairs = Pairs {
            phrases,
            min_words,
            runs: runs(phrases.len()),
            counts: Vec::new(),
        };
        let count = |run: &std::ops::Range<usize>| {
            let mut counts = vec![0usize; 1 << BUCKET_BITS];
            pairs.each(run.clone(), |h, _| counts[bucket(h)] += 1);
            counts
        };
        #[cfg(feature = "parallel")]
        let counts = {
            use rayon::prelude::*;
            pairs.runs.par_iter().map(count).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let counts = pairs.runs.iter().map(count).collect();
        pairs.counts = counts;
        pairs
    }

    /// Calls `f` with each word pair's hash of each phrase of `run`, and the phrase.
    fn each(&self, run: std::ops::Range<usize>, mut f: impl FnMut(u64, PhraseId)) {
        let hashes = &self.phrases.vocabulary.hashes;
        let ellipsis = self.phrases.ellipsis().unwrap_or(u32::MAX);
        for id in run.map(PhraseId::new) {
            let words = self.phrases.words(id);
            if words.len() < self.min_words {
                continue;
            }
            for pair in words.windows(2) {
                if pair[0] != ellipsis && pair[1] != ellipsis {
                    f(
                        pair_hash(hashes[pair[0] as usize], hashes[pair[1] as usize]),
                        id,
                    );
                }
            }
        }
    }

    /// How many pairs fall in bucket `b`.
    fn in_bucket(&self, b: usize) -> usize {
        self.counts.iter().map(|counts| counts[b]).sum()
    }

    /// The (word-pair hash, phrase) postings of the pairs in `buckets`, sorted so that each
    /// pair's phrases are together, each phrase once per pair.
    ///
    /// A pair found in more than `max_postings` phrases is never read, only recognised as
    /// too common (by its postings numbering more than that), so of such a pair only
    /// `max_postings + 1` postings are kept (those of the first phrases): `of the` in a
    /// million quotations costs a thousand entries, not a million.
    ///
    /// The postings are placed by bucket (a radix pass on the hash's top bits, each run of
    /// phrases writing its own part of each bucket, on its own thread) and each bucket sorted
    /// on its own, in place: the list is made once, at its size, and the buckets (a few
    /// hundred kilobytes each at a million quotations) sort within the caches, on every
    /// thread. What it buys, against sorting blocks of phrases and merging the runs: at a
    /// million synthetic quotations the merge's buffer and copy took the clustering's peak
    /// memory from 490 to 886 MB (RSS), and this phase's time was 1.9 s.
    fn postings(&self, buckets: std::ops::Range<usize>, max_postings: usize) -> Vec<Posting> {
        let sizes: Vec<usize> = buckets.clone().map(|b| self.in_bucket(b)).collect();
        let mut postings = vec![Posting::new(0, PhraseId::new(0)); sizes.iter().sum()];
        // Each run's part of each bucket, in bucket order, then run order.
        let mut parts: Vec<Vec<&mut [Posting]>> = self.runs.iter().map(|_| Vec::new()).collect();
        let mut rest = postings.as_mut_slice();
        for b in buckets.clone() {
            for (r, counts) in self.counts.iter().enumerate() {
                let (part, after) = rest.split_at_mut(counts[b]);
                parts[r].push(part);
                rest = after;
            }
        }
        let fill = |(run, parts): (&std::ops::Range<usize>, Vec<&mut [Posting]>)| {
            let mut slots: Vec<_> = parts.into_iter().map(|p| p.iter_mut()).collect();
            self.each(run.clone(), |h, id| {
                let slot = bucket(h)
                    .checked_sub(buckets.start)
                    .and_then(|b| slots.get_mut(b))
                    .and_then(Iterator::next);
                if let Some(slot) = slot {
                    *slot = Posting::new(h, id);
                }
            });
        };
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            self.runs.par_iter().zip(parts).for_each(fill);
        }
        #[cfg(not(feature = "parallel"))]
        self.runs.iter().zip(parts).for_each(fill);
        // Each bucket sorted, its repeats and the surplus of its common pairs dropped; then the
        // buckets' kept postings moved up to close the gaps.
        let mut bucket_slices: Vec<&mut [Posting]> = Vec::with_capacity(sizes.len());
        let mut rest = postings.as_mut_slice();
        for &size in &sizes {
            let (this, after) = rest.split_at_mut(size);
            bucket_slices.push(this);
            rest = after;
        }
        let cap = max_postings.saturating_add(1);
        let sort = |bucket: &mut &mut [Posting]| {
            bucket.sort_unstable();
            keep_capped(bucket, cap)
        };
        #[cfg(feature = "parallel")]
        let kept: Vec<usize> = {
            use rayon::prelude::*;
            bucket_slices.par_iter_mut().map(sort).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let kept: Vec<usize> = bucket_slices.iter_mut().map(sort).collect();
        let (mut start, mut end) = (0, 0);
        for (&size, &k) in sizes.iter().zip(&kept) {
            postings.copy_within(start..start + k, end);
            start += size;
            end += k;
        }
        postings.truncate(end);
        postings.shrink_to_fit();
        postings
    }

    /// The buckets from `start` on that make a slice of at most `most` pairs (or the one
    /// bucket `start`, when it is larger).
    fn slice_from(&self, start: usize, most: usize) -> std::ops::Range<usize> {
        let mut size = self.in_bucket(start);
        let mut end = start + 1;
        while end < 1 << BUCKET_BITS && size + self.in_bucket(end) <= most {
            size += self.in_bucket(end);
            end += 1;
        }
        start..end
    }
}

/// The lists worth reading ([`Lists`]) of the phrases' postings (of phrases of `min_words` or
/// more; see [`Pairs::postings`]), and the postings themselves when `keep_postings`.
///
/// Without them the postings are made a slice of the hash space at a time, each slice's
/// lists read and the slice dropped before the next is made. The lists grow as the slices are
/// read, so each slice is as much smaller than the first as the lists have grown since: the
/// slice and the lists' members and starts together hold about what a third of the postings
/// would (the lists' spare capacity and per-phrase counts aside; at least [`LEAST_SLICE`]
/// postings a slice). At a million quotations that is 100 MB less at the clustering's peak
/// than making the postings at once, and 10 MiB less than slices of a quarter each (the
/// whole `cluster_lines` process: 405–411 MiB, 394–399 with these), for one reading more.
/// Each slice costs one more reading of every phrase's word pairs, shared by the threads.
pub(crate) fn lists(
    phrases: &Phrases,
    min_words: usize,
    max_postings: usize,
    keep_postings: bool,
) -> (Lists, Vec<Posting>) {
    let pairs = Pairs::new(phrases, min_words);
    if keep_postings {
        let postings = pairs.postings(0..1 << BUCKET_BITS, max_postings);
        let mut builder = Lists::builder(phrases.len());
        builder.add(&postings, max_postings);
        return (builder.finish(), postings);
    }
    let total: usize = (0..1 << BUCKET_BITS).map(|b| pairs.in_bucket(b)).sum();
    let budget = total / 3 * std::mem::size_of::<Posting>();
    let lists = sliced_lists(&pairs, max_postings, budget, LEAST_SLICE);
    (lists, Vec::new())
}

/// Slices of fewer postings than this are not worth a reading of their own.
const LEAST_SLICE: usize = 1 << 20;

/// The lists of `pairs`, their postings made in slices: each of at most `budget` bytes less
/// what the lists read so far hold, and of at least `least` postings (or one bucket).
fn sliced_lists(pairs: &Pairs<'_>, max_postings: usize, budget: usize, least: usize) -> Lists {
    let mut builder = Lists::builder(pairs.phrases.len());
    let mut start = 0;
    while start < 1 << BUCKET_BITS {
        let room = budget.saturating_sub(builder.bytes()) / std::mem::size_of::<Posting>();
        let slice = pairs.slice_from(start, room.max(least));
        start = slice.end;
        builder.add(&pairs.postings(slice, max_postings), max_postings);
    }
    builder.finish()
}

/// Moves to the front of the sorted `postings` each posting once, and of each pair its first
/// `cap` only; returns how many are kept.
fn keep_capped(postings: &mut [Posting], cap: usize) -> usize {
    let (mut kept, mut run) = (0, 0);
    for i in 0..postings.len() {
        let p = postings[i];
        if kept > 0 && postings[kept - 1] == p {
            continue; // a repeat: the phrase holds the pair twice
        }
        run = if kept > 0 && postings[kept - 1].pair() == p.pair() {
            run + 1
        } else {
            1
        };
        if run <= cap {
            postings[kept] = p;
            kept += 1;
        }
    }
    kept
}

/// The postings [`candidates`] reads, made compact for it: only the lists worth reading
/// (shared by two phrases or more, and not too common), their phrases renumbered. Once made,
/// they no longer need the postings, which a clustering that keeps no index then drops.
///
/// What the renumbering buys: counting a phrase's partners reads a few hundred postings and
/// bumps a counter for each, and at a million quotations both the postings (16 bytes each,
/// 190 MB) and the counters (one per phrase) are far outside the caches, so nearly every read
/// missed them. Here the lists are 4 bytes a posting, back to back, and the phrases are
/// numbered in the order the lists name them, so the wordings of one statement, which share
/// their lists, get numbers close together and are read one after another: their counters
/// stay in the caches. (Measured, with phrases numbered by statement instead of by first
/// appearance: finding the candidates of a million synthetic quotations took 2.9 s, not 5.0.)
pub(crate) struct Lists {
    /// Each list's phrases, by their new numbers, the lists back to back in postings order.
    members: Vec<u32>,
    /// Where each list starts in `members` (and the last ends).
    starts: Vec<u32>,
    /// The lists phrase `q` (by its new number) reads: `lists[offsets[q]..offsets[q + 1]]`,
    /// each a list's number, its [`RAREST`] rarest only (see [`ListsBuilder::finish`]). (Four bytes
    /// each, where a range of `members` would take eight: at a million quotations, 40 MB less
    /// at the clustering's peak.)
    offsets: Vec<u32>,
    lists: Vec<u32>,
    /// The phrase of each new number. Phrases in no list worth reading have none: they have
    /// no candidates.
    order: Vec<PhraseId>,
}

/// [`Lists`] in the making: the postings read in order, in one piece or in slices.
struct ListsBuilder {
    /// Each phrase's new number, or [`ListsBuilder::NONE`].
    number: Vec<u32>,
    order: Vec<PhraseId>,
    members: Vec<u32>,
    starts: Vec<u32>,
    /// How many lists each phrase (by its new number) is in.
    counts: Vec<u32>,
}

impl Lists {
    /// Lists of `n` phrases, to be read from their postings.
    fn builder(n: usize) -> ListsBuilder {
        ListsBuilder {
            number: vec![ListsBuilder::NONE; n],
            order: Vec::new(),
            members: Vec::new(),
            starts: vec![0],
            counts: Vec::new(),
        }
    }
}

impl ListsBuilder {
    const NONE: u32 = u32::MAX;

    /// The bytes the lists read so far hold, which grow with each slice read.
    fn bytes(&self) -> usize {
        (self.members.len() + self.starts.len()) * std::mem::size_of::<u32>()
    }

    /// Reads the lists worth reading of `postings`, the next of the sorted postings (a slice
    /// of the hash space after the slices read before): those shared by two phrases or more,
    /// and by at most `max_postings`.
    fn add(&mut self, postings: &[Posting], max_postings: usize) {
        // Each pair's postings, found by a scan, not by a binary search of the rest of the
        // list for each: most pairs have one or two postings, and the searches' probes, every
        // one a cache miss at a million quotations, made up most of the time of making the
        // lists.
        let groups = postings
            .chunk_by(|a, b| a.pair() == b.pair())
            .filter(|g| g.len() > 1 && g.len() <= max_postings);
        for group in groups {
            for id in group.iter().map(|p| p.phrase()) {
                if self.number[id.index()] == Self::NONE {
                    self.number[id.index()] = self.order.len() as u32;
                    self.order.push(id);
                    self.counts.push(0);
                }
                let q = self.number[id.index()];
                self.members.push(q);
                self.counts[q as usize] += 1;
            }
            self.starts.push(self.members.len() as u32);
        }
    }

    /// The lists of each phrase, from the phrases of each list: its [`RAREST`] rarest only,
    /// those of the fewest phrases (ties: the first in postings order), the ones
    /// [`best_partners`] reads. The phrase's rarest usable word pairs say the most about it
    /// and cost the least to read: variants of one statement share most of them, a fragment
    /// shares all of its own. The lists are handed out rarest first, each to those of its
    /// phrases that have fewer than [`RAREST`] yet, so no phrase's other lists are ever held:
    /// at a million quotations, 40 MB less at the clustering's peak than making every
    /// phrase's lists and choosing among them.
    fn finish(self) -> Lists {
        let ListsBuilder {
            number,
            order,
            members,
            starts,
            counts,
        } = self;
        drop(number);
        let mut offsets = Vec::with_capacity(order.len() + 1);
        offsets.push(0u32);
        for c in counts {
            offsets.push(offsets[offsets.len() - 1] + c.min(RAREST as u32));
        }
        let mut fill = offsets.clone();
        let mut lists = vec![0u32; offsets[offsets.len() - 1] as usize];
        for list in rarest_first(&starts) {
            let (s, e) = (starts[list as usize], starts[list as usize + 1]);
            for &q in &members[s as usize..e as usize] {
                let q = q as usize;
                if fill[q] < offsets[q + 1] {
                    lists[fill[q] as usize] = list;
                    fill[q] += 1;
                }
            }
        }
        Lists {
            members,
            starts,
            offsets,
            lists,
            order,
        }
    }
}

/// The lists (`starts[l]..starts[l + 1]` of the members) in order of their length, shortest
/// first, lists of one length in their own order: a counting sort.
fn rarest_first(starts: &[u32]) -> Vec<u32> {
    let length = |l: usize| (starts[l + 1] - starts[l]) as usize;
    let n = starts.len().saturating_sub(1);
    let longest = (0..n).map(length).max().unwrap_or(0);
    let mut at = vec![0u32; longest + 2];
    for l in 0..n {
        at[length(l) + 1] += 1;
    }
    for k in 1..at.len() {
        at[k] += at[k - 1];
    }
    let mut sorted = vec![0u32; n];
    for l in 0..n {
        let slot = &mut at[length(l)];
        sorted[*slot as usize] = l as u32;
        *slot += 1;
    }
    sorted
}

/// The phrases sharing the most usable word pairs with phrase `q` (by its number in
/// `lists`), into `scratch.partners`, counted in a dense scratch array that is left zeroed for
/// the next call.
fn best_partners(
    phrases: &Phrases,
    lists: &Lists,
    q: u32,
    scratch: &mut Scratch,
    max_candidates: usize,
) {
    let Scratch {
        shared,
        touched,
        ranges,
        partners,
    } = scratch;
    // The phrase's rarest usable word pairs (see `ListsBuilder::finish`).
    ranges.clear();
    let own = lists.offsets[q as usize] as usize..lists.offsets[q as usize + 1] as usize;
    ranges.extend(
        lists.lists[own]
            .iter()
            .map(|&l| (lists.starts[l as usize], lists.starts[l as usize + 1])),
    );
    for &(s, e) in ranges.iter() {
        for &other in &lists.members[s as usize..e as usize] {
            if other != q {
                if shared[other as usize] == 0 {
                    touched.push(other);
                }
                shared[other as usize] += 1;
            }
        }
    }
    // Zero every counter touched, and keep only partners that share a third of the pairs read:
    // fewer, and the wordings differ by more edits than any threshold allows.
    let needed = ranges.len().div_ceil(3).max(1) as u32;
    partners.clear();
    for &o in touched.iter() {
        let n = u32::from(std::mem::take(&mut shared[o as usize]));
        if n >= needed {
            partners.push((lists.order[o as usize], n));
        }
    }
    touched.clear();
    let rank = |&(o, n): &(PhraseId, u32)| (std::cmp::Reverse(n), phrases.key(o));
    let keep = partners.len().min(max_candidates);
    if partners.len() > keep {
        partners.select_nth_unstable_by_key(keep, rank);
    }
    partners.truncate(keep);
    partners.sort_unstable_by_key(rank);
}

/// The phrases sharing the most word pairs with the words of `text`, read from the same
/// postings that clustering used: at most `max_candidates`, most shared first. Also the id of
/// `text`'s own phrase if it is one of them, and its words (ids of unknown words are `None`).
pub(crate) fn look_up(
    phrases: &Phrases,
    postings: &[Posting],
    text: &str,
    max_postings: usize,
    max_candidates: usize,
) -> (Vec<PhraseId>, Vec<Option<u32>>, Vec<String>) {
    let mut words: Vec<(Option<u32>, u64)> = Vec::new();
    let mut strings: Vec<String> = Vec::new();
    for_each_word(text, |w| {
        words.push((phrases.vocabulary.get(w), word_hash(w)));
        strings.push(w.to_string());
    });
    let mut shared: FxMap<PhraseId, u32> = FxMap::default();
    for pair in words.windows(2) {
        let h = pair_hash(pair[0].1, pair[1].1);
        let start = postings.partition_point(|p| p.pair() < h);
        let end = start + postings[start..].partition_point(|p| p.pair() == h);
        if end - start <= max_postings {
            for id in postings[start..end].iter().map(|p| p.phrase()) {
                *shared.entry(id).or_default() += 1;
            }
        }
    }
    let ids: Vec<Option<u32>> = words.iter().map(|w| w.0).collect();
    if let Some(known) = ids.iter().copied().collect::<Option<Vec<u32>>>() {
        if let Some(own) = phrases.find(&known) {
            shared.insert(own, u32::MAX);
        }
    }
    let mut ranked: Vec<(PhraseId, u32)> = shared.into_iter().collect();
    ranked.sort_unstable_by_key(|&(p, n)| (std::cmp::Reverse(n), phrases.key(p)));
    ranked.truncate(max_candidates);
    (ranked.into_iter().map(|(p, _)| p).collect(), ids, strings)
}

/// The words of a looked-up text and the vocabulary together, for the spelling comparison:
/// a word the vocabulary lacks has the id `u32::MAX - i`, `i` its position in the text.
pub(crate) struct Query<'a> {
    pub(crate) vocabulary: &'a Vocabulary,
    pub(crate) words: &'a [String],
}

impl Query<'_> {
    fn word(&self, id: u32) -> Option<&str> {
        match self.vocabulary.word(id) {
            Some(w) => Some(w),
            None => self.words.get((u32::MAX - id) as usize).map(String::as_str),
        }
    }
}

impl Spelling for Query<'_> {
    fn near(&self, a: u32, b: u32) -> bool {
        match (self.word(a), self.word(b)) {
            (Some(x), Some(y)) => typo(x, y),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_made_in_slices_are_the_lists_made_at_once() {
        // Wordings that share word pairs in many ways: of 300 words, some in many wordings.
        let texts: Vec<String> = (0..3_000usize)
            .map(|i| {
                let n = 4 + i % 9;
                (0..n)
                    .map(|k| format!("w{}", (i / 5 * 31 + k * (1 + i % 4)) % 300))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let mut phrases = Phrases::default();
        phrases.add_all(texts.iter().map(String::as_str));
        let pairs = Pairs::new(&phrases, 2);
        let first = pairs.slice_from(0, 500);
        assert!(first.end < 1 << (BUCKET_BITS - 3));
        assert!(first.map(|b| pairs.in_bucket(b)).sum::<usize>() <= 500);
        assert_eq!(pairs.slice_from(0, usize::MAX), 0..1 << BUCKET_BITS);
        let whole = sliced_lists(&pairs, 1000, usize::MAX, 0);
        // Slices of at most 500 postings at first, and of one bucket once the lists hold 6 kB.
        let sliced = sliced_lists(&pairs, 1000, 500 * std::mem::size_of::<Posting>(), 0);
        assert!(whole.members.len() > 1000);
        assert_eq!(sliced.members, whole.members);
        assert_eq!(sliced.order, whole.order);
        let found = |lists| candidates(&phrases, lists, 10, |a, b, n| (a, b, n));
        assert_eq!(found(sliced), found(whole));
    }
}

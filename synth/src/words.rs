//! The word lists and the invented vocabulary that statements are built from.

use std::collections::HashSet;

use super::random::{Alias, Rng};
use super::tokens::Word;

/// Frequent English function words, most frequent first.
pub(super) const FUNC: [&str; 100] = [
    "the", "of", "and", "to", "a", "in", "is", "that", "we", "it", //
    "for", "I", "not", "on", "with", "be", "are", "this", "will", "have", //
    "our", "they", "you", "was", "as", "at", "by", "but", "from", "has", //
    "all", "more", "can", "there", "their", "what", "so", "who", "about", "would", //
    "been", "if", "one", "were", "or", "an", "my", "no", "us", "do", //
    "when", "which", "out", "up", "now", "very", "just", "also", "them", "he", //
    "she", "his", "her", "its", "than", "then", "some", "these", "those", "because", //
    "how", "into", "over", "only", "any", "after", "must", "should", "could", "going", //
    "people", "time", "here", "again", "still", "never", "every", "make", "need", "want", //
    "today", "back", "other", "many", "much", "well", "even", "way", "new", "first",
];

/// Words with an apostrophe, whose form outlets vary.
pub(super) const APOS: [&str; 20] = [
    "let's", "don't", "it's", "we're", "can't", "won't", "I'm", "isn't", "that's", "they're",
    "we've", "didn't", "doesn't", "there's", "you're", "I've", "wasn't", "aren't", "we'll",
    "couldn't",
];

/// Function words an outlet may slip in.
const FILLERS: [&str; 12] = [
    "very", "just", "also", "now", "all", "so", "that", "the", "still", "even", "only", "again",
];

const ONSETS: [&str; 40] = [
    "b", "br", "bl", "c", "ch", "cr", "d", "dr", "f", "fl", "fr", "g", "gr", "gl", "h", "j", "k",
    "kr", "l", "m", "n", "p", "pl", "pr", "r", "s", "sh", "sk", "sl", "st", "t", "th", "tr", "v",
    "w", "z", "", "", "", "",
];
const VOWELS: [&str; 13] = [
    "a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "ie", "y",
];
const CODAS: [&str; 18] = [
    "", "", "", "", "n", "r", "l", "s", "m", "nd", "st", "k", "t", "x", "rn", "ng", "l", "sk",
];

const VOCAB_SIZE: usize = 30_000;
/// Names are drawn from these vocabulary ranks.
pub(super) const NAMES: std::ops::Range<usize> = 400..6400;

pub(super) struct Vocab {
    text: String,
    spans: Vec<(u32, u8)>,
    pub(super) dist: Alias,
    pub(super) func_dist: Alias,
    pub(super) fillers: Vec<u8>,
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl Vocab {
    /// About 30,000 distinct syllable-built words of 2–11 letters, shorter ones more frequent.
    pub(super) fn build(rng: &mut Rng) -> Self {
        let (words, text) = invent_words(rng);
        let (text, spans) = in_rank_order(words, &text);
        Vocab {
            text,
            spans,
            dist: Alias::zipf(VOCAB_SIZE, 5.0),
            func_dist: Alias::zipf(FUNC.len(), 1.5),
            fillers: filler_indices(),
        }
    }

    /// The stored form of a word (lower case, straight apostrophe; empty for a number).
    pub(super) fn word(&self, w: Word) -> &str {
        match w {
            Word::Vocab(i) | Word::Name(i) => {
                let (s, l) = self.spans[i as usize];
                &self.text[s as usize..s as usize + l as usize]
            }
            Word::Func(i) => FUNC[i as usize],
            Word::Apos(i) => APOS[i as usize],
            Word::Num(_) => "",
        }
    }
}

/// [`VOCAB_SIZE`] distinct invented words, none an English word of the lists, as (frequency
/// key, start, length) in `text`, in the order invented.
fn invent_words(rng: &mut Rng) -> (Vec<(u8, u32, u8)>, String) {
    let mut seen: HashSet<u64> = FUNC
        .iter()
        .chain(APOS.iter())
        .map(|w| fnv(w.to_ascii_lowercase().as_bytes()))
        .collect();
    let mut words: Vec<(u8, u32, u8)> = Vec::with_capacity(VOCAB_SIZE); // (key, start, len)
    let mut text = String::with_capacity(VOCAB_SIZE * 8);
    let mut word = String::with_capacity(32);
    while words.len() < VOCAB_SIZE {
        syllables_into(rng, &mut word);
        if !(2..=11).contains(&word.len()) || !seen.insert(fnv(word.as_bytes())) {
            continue;
        }
        let key = frequency_key(rng, word.len());
        words.push((key, text.len() as u32, word.len() as u8));
        text.push_str(&word);
    }
    (words, text)
}

/// A random word of 1–4 syllables (onset, vowel, perhaps a coda) into `word`.
fn syllables_into(rng: &mut Rng, word: &mut String) {
    word.clear();
    let syllables = match rng.below(100) {
        0..=14 => 1,
        15..=59 => 2,
        60..=89 => 3,
        _ => 4,
    };
    for _ in 0..syllables {
        word.push_str(ONSETS[rng.below(ONSETS.len())]);
        word.push_str(VOWELS[rng.below(VOWELS.len())]);
        if rng.chance(0.45) {
            word.push_str(CODAS[rng.below(CODAS.len())]);
        }
    }
}

/// A random sort key for a word of `len` letters: the lower, the more frequent the word.
fn frequency_key(rng: &mut Rng, len: usize) -> u8 {
    // Frequent words are of every length but the extremes (as in English news, about
    // 6 letters a content token).
    (rng.below(16)
        + match len {
            2 => 12,
            3 => 3,
            8 => 2,
            9 => 4,
            10 => 6,
            11 => 8,
            _ => 0,
        }) as u8
}

/// The words' text re-stored in rank order (the lowest key first), so that the frequent ones
/// share cache lines, with each word's (start, length) in it.
fn in_rank_order(mut words: Vec<(u8, u32, u8)>, text: &str) -> (String, Vec<(u32, u8)>) {
    words.sort_by_key(|w| w.0);
    let mut ranked = String::with_capacity(text.len());
    let spans = words
        .into_iter()
        .map(|(_, s, l)| {
            let start = ranked.len() as u32;
            ranked.push_str(&text[s as usize..s as usize + l as usize]);
            (start, l)
        })
        .collect();
    (ranked, spans)
}

/// The index in [`FUNC`] of each of the [`FILLERS`].
fn filler_indices() -> Vec<u8> {
    FILLERS
        .iter()
        .map(|f| {
            FUNC.iter()
                .position(|w| w == f)
                .expect("filler is a function word") as u8
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists() {
        let func: HashSet<_> = FUNC.iter().collect();
        assert_eq!(func.len(), FUNC.len());
        let vocab = Vocab::build(&mut Rng::new(1));
        assert_eq!(vocab.spans.len(), VOCAB_SIZE);
        for i in 0..VOCAB_SIZE {
            let w = vocab.word(Word::Vocab(i as u32)).as_bytes();
            assert!((2..=11).contains(&w.len()));
            assert!(w.iter().all(u8::is_ascii_lowercase));
        }
    }
}

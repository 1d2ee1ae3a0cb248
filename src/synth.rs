//! Synthetic news quotations with known ground truth, for benchmarking and testing the
//! clustering of quotation variants.
//!
//! [`generate`] invents base statements and quotes each of them one or more times, the way
//! outlets do: verbatim, with other quote marks or apostrophes, re-cased, re-punctuated, with a
//! typo, a word dropped, added or changed, truncated, elided with `...`, cut to one sentence or
//! clause, or reduced to a one- or two-word fragment. Every [`SynthQuote`] carries the id of the
//! statement it comes from, so [`score`] can measure a clustering against the truth.
//!
//! The text is built from a Zipf-distributed vocabulary of about 30,000 invented words mixed
//! with 100 frequent English function words (about 40% of tokens), contractions (`let's`,
//! `don't`), capitalised names and numbers. Some different statements deliberately share a
//! span of 3–6 words, so that sharing words is not the same as being one statement. About 2%
//! of occurrences are one- or two-word [`Drift::Fragment`]s, which no clustering can place
//! reliably: a perfect score is not expected.
//!
//! The output is a pure function of the [`SynthConfig`]: the same settings give the same
//! quotations, in the same order, on every platform (only correctly rounded floating-point
//! operations are used).
//!
//! ```
//! use quotetrace::synth::{generate, score, SynthConfig};
//!
//! let quotes = generate(&SynthConfig::new(1000, 42));
//! assert_eq!(quotes.len(), 1000);
//!
//! let truth: Vec<u32> = quotes.iter().map(|q| q.statement).collect();
//! let scores = score(&truth, &truth);
//! assert_eq!(scores.bcubed_f1, 1.0);
//! assert_eq!(scores.pairwise_f1, 1.0);
//! println!("{scores}");
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::Hash;

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/// Settings of [`generate`]; [`Default`] gives realistic proportions (1,000 quotations, seed 0).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SynthConfig {
    /// Seed of the pseudo-random generator: the same seed gives the same output.
    pub seed: u64,
    /// Number of quotations to generate, exactly.
    pub quotes: usize,
    /// Share of quotations that are statements quoted only once (0.15). Clamped to `0..=1`.
    pub singleton_share: f64,
    /// Mean number of occurrences of a statement quoted more than once (8). The distribution is
    /// heavy-tailed: most statements are quoted 2–5 times, a few hundreds of times (at most
    /// 2,000, and at most a twentieth of the repeated quotations). Values below 2 count as 2.
    pub mean_variants: f64,
    /// Fewest words in a base statement (5); at least 1.
    pub min_words: usize,
    /// Most words in a base statement (60); at least `min_words`. Lengths are weighted toward
    /// 10–30 words.
    pub max_words: usize,
}

impl Default for SynthConfig {
    fn default() -> Self {
        SynthConfig {
            seed: 0,
            quotes: 1000,
            singleton_share: 0.15,
            mean_variants: 8.0,
            min_words: 5,
            max_words: 60,
        }
    }
}

impl SynthConfig {
    /// Default proportions, with `quotes` quotations and the given seed.
    pub fn new(quotes: usize, seed: u64) -> Self {
        SynthConfig {
            seed,
            quotes,
            ..SynthConfig::default()
        }
    }
}

/// One generated quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthQuote {
    /// The quotation text, without surrounding quote marks (the clustering input).
    pub text: String,
    /// Ground truth: id of the base statement quoted. Ids are dense (`0..statements`); a
    /// singleton has an id of its own.
    pub statement: u32,
    /// Id of the document quoting it; ids are dense, and a document holds 2–8 quotations, often
    /// several of one statement (a single quotation is alone in its document).
    pub doc: u32,
    /// Id of the speaker of the statement; all occurrences of a statement share it.
    pub speaker: u32,
    /// The drift applied to the base statement. When two drifts were combined, the first drawn.
    pub kind: Drift,
}

/// How an occurrence differs from its base statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Drift {
    /// Verbatim.
    Exact,
    /// Apostrophes changed (`let's` / `let’s` / `lets`), or inner quote marks added, changed or
    /// removed.
    QuoteMarks,
    /// One or two words in capitals, or the whole text lower-cased, title-cased or in capitals.
    Case,
    /// Punctuation dropped, added or changed (`.` `!` `,` `;` `—`), or a number's format
    /// (`5000` / `5,000`).
    Punctuation,
    /// One character inserted, deleted, substituted or transposed in a word of 4+ letters.
    Typo,
    /// One word left out.
    WordDropped,
    /// One word put in.
    WordAdded,
    /// One word replaced by another.
    WordChanged,
    /// Only the first 40–90% of the words (at least 5).
    Prefix,
    /// Only the last 40–90% of the words (at least 5).
    Suffix,
    /// An inner run of 40–90% of the words (at least 5), both ends cut.
    Middle,
    /// An inner span replaced by `...` or `…`.
    Ellipsis,
    /// One sentence or clause of 4+ words.
    Piece,
    /// A fragment of one or two words — legitimately hard to attach to its statement.
    Fragment,
    /// A statement quoted only once.
    Singleton,
}

impl Drift {
    /// Every drift, in declaration order.
    pub const ALL: [Drift; 15] = [
        Drift::Exact,
        Drift::QuoteMarks,
        Drift::Case,
        Drift::Punctuation,
        Drift::Typo,
        Drift::WordDropped,
        Drift::WordAdded,
        Drift::WordChanged,
        Drift::Prefix,
        Drift::Suffix,
        Drift::Middle,
        Drift::Ellipsis,
        Drift::Piece,
        Drift::Fragment,
        Drift::Singleton,
    ];

    /// The variant's name, e.g. `"WordDropped"`.
    pub fn name(self) -> &'static str {
        match self {
            Drift::Exact => "Exact",
            Drift::QuoteMarks => "QuoteMarks",
            Drift::Case => "Case",
            Drift::Punctuation => "Punctuation",
            Drift::Typo => "Typo",
            Drift::WordDropped => "WordDropped",
            Drift::WordAdded => "WordAdded",
            Drift::WordChanged => "WordChanged",
            Drift::Prefix => "Prefix",
            Drift::Suffix => "Suffix",
            Drift::Middle => "Middle",
            Drift::Ellipsis => "Ellipsis",
            Drift::Piece => "Piece",
            Drift::Fragment => "Fragment",
            Drift::Singleton => "Singleton",
        }
    }
}

/// Generates `config.quotes` quotations, in a shuffled order that depends only on the config.
///
/// Time and memory are linear in the number of quotations (one million take about a second
/// in release mode).
pub fn generate(config: &SynthConfig) -> Vec<SynthQuote> {
    let n = config.quotes;
    if n == 0 {
        return Vec::new();
    }
    let min_words = config.min_words.max(1);
    let max_words = config.max_words.max(min_words);
    let share = if config.singleton_share.is_finite() {
        config.singleton_share.clamp(0.0, 1.0)
    } else {
        0.15
    };
    let mean = if config.mean_variants.is_finite() {
        config.mean_variants.max(2.0)
    } else {
        8.0
    };

    let mut rng = Rng::new(config.seed);
    let vocab = Vocab::build(&mut Rng::new(config.seed ^ 0x6A09_E667_F3BC_C908));

    // How often each statement is quoted: singletons once, the others 2 or more times.
    let singles = ((n as f64 * share).round() as usize).min(n);
    let mut repeated = n - singles;
    let mut counts: Vec<u32> = Vec::with_capacity(singles + repeated / 2 + 1);
    counts.resize(singles, 1);
    if repeated == 1 {
        counts.push(1);
        repeated = 0;
    }
    let sampler = CountSampler::new(mean, (repeated / 20).clamp(2, 2000));
    while repeated > 0 {
        let mut k = sampler.sample(&mut rng).min(repeated);
        if repeated - k == 1 {
            k += 1;
        }
        counts.push(k as u32);
        repeated -= k;
    }
    rng.shuffle(&mut counts);

    let speakers = (counts.len() / 20).max(1);
    let speaker_dist = Alias::zipf(speakers, 1.0);

    let mut gen = Gen {
        rng,
        v: &vocab,
        min_words,
        max_words,
    };
    let mut quotes: Vec<SynthQuote> = Vec::with_capacity(n);
    // Runs of consecutive occurrences of one statement that go into one document.
    let mut groups: Vec<(u32, u8)> = Vec::with_capacity(n);
    let mut base: Vec<Tok> = Vec::with_capacity(max_words + 8);
    let mut buf: Vec<Tok> = Vec::with_capacity(max_words + 8);
    let mut ring: Vec<(Vec<Tok>, u32)> = Vec::with_capacity(RING);
    let mut ring_pos = 0;
    let mut scratch = String::with_capacity(max_words * 16);

    for (id, &k) in counts.iter().enumerate() {
        let shared = gen.statement(&mut base, &ring);
        let speaker = match shared {
            Some(src) if gen.rng.chance(0.5) => ring[src].1,
            _ => speaker_dist.sample(&mut gen.rng) as u32,
        };
        if k == 1 {
            let text = gen.render(&base, &mut scratch);
            groups.push((quotes.len() as u32, 1));
            quotes.push(SynthQuote {
                text,
                statement: id as u32,
                doc: 0,
                speaker,
                kind: Drift::Singleton,
            });
        } else {
            for j in 0..k {
                let kind = gen.occurrence(&base, &mut buf);
                let text = gen.render(&buf, &mut scratch);
                let join = if matches!(kind, Drift::Piece | Drift::Fragment) {
                    0.7
                } else {
                    0.25
                };
                match groups.last_mut() {
                    Some(g) if j > 0 && g.1 < 4 && gen.rng.chance(join) => g.1 += 1,
                    _ => groups.push((quotes.len() as u32, 1)),
                }
                quotes.push(SynthQuote {
                    text,
                    statement: id as u32,
                    doc: 0,
                    speaker,
                    kind,
                });
            }
        }
        if ring.len() < RING {
            ring.push((base.clone(), speaker));
        } else {
            ring[ring_pos].0.clone_from(&base);
            ring[ring_pos].1 = speaker;
            ring_pos = (ring_pos + 1) % RING;
        }
    }

    let mut rng = gen.rng;
    assign_documents(&mut quotes, &mut groups, &mut rng);
    rng.shuffle(&mut quotes);
    quotes
}

/// Quality of a clustering against the truth.
///
/// B-cubed scores average over items (how much of an item's predicted cluster shares its truth
/// class, and the reverse); pairwise scores count pairs of items put together.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// B-cubed precision: mean over items of the share of its predicted cluster in its class.
    pub bcubed_precision: f64,
    /// B-cubed recall: mean over items of the share of its class in its predicted cluster.
    pub bcubed_recall: f64,
    /// Harmonic mean of B-cubed precision and recall.
    pub bcubed_f1: f64,
    /// Share of predicted same-cluster pairs that are same-class pairs (1 when none predicted).
    pub pairwise_precision: f64,
    /// Share of same-class pairs that are predicted same-cluster (1 when there are none).
    pub pairwise_recall: f64,
    /// Harmonic mean of pairwise precision and recall.
    pub pairwise_f1: f64,
    /// Number of predicted clusters.
    pub clusters: usize,
    /// Size of the largest predicted cluster (the first seen, on ties).
    pub largest_cluster: usize,
    /// Share of the largest predicted cluster taken by its largest truth class.
    pub largest_cluster_purity: f64,
}

/// Scores the cluster labels `predicted` against the class labels `truth`, item by item.
///
/// Label values only matter through equality. Linear time (contingency counts). An empty input
/// scores 1.0 everywhere, with no clusters.
///
/// # Panics
///
/// If the slices differ in length.
pub fn score<P: Eq + Hash, T: Eq + Hash>(predicted: &[P], truth: &[T]) -> Scores {
    assert_eq!(
        predicted.len(),
        truth.len(),
        "synth::score: predicted labels {} items, truth {}",
        predicted.len(),
        truth.len()
    );
    let n = predicted.len();
    if n == 0 {
        return Scores {
            bcubed_precision: 1.0,
            bcubed_recall: 1.0,
            bcubed_f1: 1.0,
            pairwise_precision: 1.0,
            pairwise_recall: 1.0,
            pairwise_f1: 1.0,
            clusters: 0,
            largest_cluster: 0,
            largest_cluster_purity: 1.0,
        };
    }
    let mut p_ids: HashMap<&P, u32> = HashMap::new();
    let mut t_ids: HashMap<&T, u32> = HashMap::new();
    let mut p_size: Vec<u64> = Vec::new();
    let mut t_size: Vec<u64> = Vec::new();
    let mut cells: HashMap<(u32, u32), u64> = HashMap::new();
    for (p, t) in predicted.iter().zip(truth) {
        let next = p_ids.len() as u32;
        let p = *p_ids.entry(p).or_insert(next);
        if p as usize == p_size.len() {
            p_size.push(0);
        }
        p_size[p as usize] += 1;
        let next = t_ids.len() as u32;
        let t = *t_ids.entry(t).or_insert(next);
        if t as usize == t_size.len() {
            t_size.push(0);
        }
        t_size[t as usize] += 1;
        *cells.entry((p, t)).or_insert(0) += 1;
    }

    let pairs = |k: u64| (k * k.saturating_sub(1) / 2) as f64;
    let (mut b_p, mut b_r, mut together) = (0.0, 0.0, 0.0);
    let mut best_class = vec![0u64; p_size.len()];
    for (&(p, t), &c) in &cells {
        let cf = c as f64;
        b_p += cf * cf / p_size[p as usize] as f64;
        b_r += cf * cf / t_size[t as usize] as f64;
        together += pairs(c);
        best_class[p as usize] = best_class[p as usize].max(c);
    }
    let b_p = b_p / n as f64;
    let b_r = b_r / n as f64;
    let predicted_pairs: f64 = p_size.iter().map(|&k| pairs(k)).sum();
    let truth_pairs: f64 = t_size.iter().map(|&k| pairs(k)).sum();
    let pw_p = if predicted_pairs == 0.0 {
        1.0
    } else {
        together / predicted_pairs
    };
    let pw_r = if truth_pairs == 0.0 {
        1.0
    } else {
        together / truth_pairs
    };
    let mut largest = 0;
    for (i, &k) in p_size.iter().enumerate() {
        if k > p_size[largest] {
            largest = i;
        }
    }
    Scores {
        bcubed_precision: b_p,
        bcubed_recall: b_r,
        bcubed_f1: f1(b_p, b_r),
        pairwise_precision: pw_p,
        pairwise_recall: pw_r,
        pairwise_f1: f1(pw_p, pw_r),
        clusters: p_size.len(),
        largest_cluster: p_size[largest] as usize,
        largest_cluster_purity: best_class[largest] as f64 / p_size[largest] as f64,
    }
}

impl fmt::Display for Scores {
    /// One line, e.g. `B³ P 0.991 R 0.985 F1 0.988 | pairwise P 0.950 R 0.900 F1 0.924 |
    /// 1234 clusters, largest 345 (purity 1.000)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "B³ P {:.3} R {:.3} F1 {:.3} | pairwise P {:.3} R {:.3} F1 {:.3} | {} clusters, largest {} (purity {:.3})",
            self.bcubed_precision,
            self.bcubed_recall,
            self.bcubed_f1,
            self.pairwise_precision,
            self.pairwise_recall,
            self.pairwise_f1,
            self.clusters,
            self.largest_cluster,
            self.largest_cluster_purity
        )
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

// ---------------------------------------------------------------------------------------------
// Pseudo-random numbers: xoshiro256**, seeded through SplitMix64
// ---------------------------------------------------------------------------------------------

struct Rng {
    s: [u64; 4],
}

impl Rng {
    fn new(seed: u64) -> Self {
        let mut x = seed;
        let mut splitmix = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng {
            s: [splitmix(), splitmix(), splitmix(), splitmix()],
        }
    }

    fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in `[0, 1)`.
    fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.f64() < p
    }

    fn shuffle<X>(&mut self, items: &mut [X]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Constant-time sampling of a discrete distribution (Walker's alias method).
struct Alias {
    /// Chance, scaled to `2^32`, of keeping slot `i` rather than taking its alias.
    keep: Vec<u32>,
    alias: Vec<u32>,
}

impl Alias {
    fn new(weights: &[f64]) -> Self {
        let n = weights.len();
        let total: f64 = weights.iter().sum();
        let mut scaled: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
        let mut keep = vec![u32::MAX; n];
        let mut alias: Vec<u32> = (0..n as u32).collect();
        let (mut small, mut large): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&i| scaled[i] < 1.0);
        while let (Some(s), Some(&l)) = (small.pop(), large.last()) {
            keep[s] = (scaled[s] * 4_294_967_296.0).min(u32::MAX as f64) as u32;
            alias[s] = l as u32;
            scaled[l] -= 1.0 - scaled[s];
            if scaled[l] < 1.0 {
                large.pop();
                small.push(l);
            }
        }
        Alias { keep, alias }
    }

    /// Zipf–Mandelbrot weights `1 / (rank + q)` over `len` ranks.
    fn zipf(len: usize, q: f64) -> Self {
        let weights: Vec<f64> = (0..len).map(|r| 1.0 / (r as f64 + q)).collect();
        Alias::new(&weights)
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let r = rng.next_u64();
        let i = (((r >> 32) * self.keep.len() as u64) >> 32) as usize;
        if (r as u32) < self.keep[i] {
            i
        } else {
            self.alias[i] as usize
        }
    }
}

/// Occurrence counts of repeated statements: `2 + floor(Y)`, capped, with `Y` Lomax (Pareto
/// II) distributed with shape 2 (`P(Y >= y) = (1 + y/λ)^-2`), its scale λ fitted so that the
/// capped mean is the wanted one.
///
/// Only correctly rounded operations (`+ - * / sqrt`) are used here and in [`Alias`], so the
/// output is the same on every platform.
struct CountSampler {
    lambda: f64,
    cap: usize,
}

impl CountSampler {
    fn new(mean: f64, cap: usize) -> Self {
        let expected = |lambda: f64| {
            2.0 + (1..cap.saturating_sub(1))
                .map(|j| {
                    let x = 1.0 + j as f64 / lambda;
                    1.0 / (x * x)
                })
                .sum::<f64>()
        };
        if cap <= 2 || mean >= cap as f64 {
            return CountSampler {
                lambda: if cap <= 2 { 0.0 } else { f64::INFINITY },
                cap,
            };
        }
        let (mut lo, mut hi) = (0.0, 1e9);
        for _ in 0..100 {
            let mid = 0.5 * (lo + hi);
            if expected(mid) < mean {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        CountSampler {
            lambda: 0.5 * (lo + hi),
            cap,
        }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let u = 1.0 - rng.f64();
        let y = self.lambda * (1.0 / u.sqrt() - 1.0);
        if y.is_nan() || y >= self.cap as f64 {
            return self.cap;
        }
        (2 + y as usize).min(self.cap)
    }
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

/// Frequent English function words, most frequent first.
const FUNC: [&str; 100] = [
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
const APOS: [&str; 20] = [
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
const NAMES: std::ops::Range<usize> = 400..6400;

struct Vocab {
    text: String,
    spans: Vec<(u32, u8)>,
    dist: Alias,
    func_dist: Alias,
    fillers: Vec<u8>,
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl Vocab {
    /// About 30,000 distinct syllable-built words of 2–11 letters, shorter ones more frequent.
    fn build(rng: &mut Rng) -> Self {
        let mut seen: HashSet<u64> = FUNC
            .iter()
            .chain(APOS.iter())
            .map(|w| fnv(w.to_ascii_lowercase().as_bytes()))
            .collect();
        let mut words: Vec<(u8, u32, u8)> = Vec::with_capacity(VOCAB_SIZE); // (key, start, len)
        let mut text = String::with_capacity(VOCAB_SIZE * 8);
        let mut word = String::with_capacity(32);
        while words.len() < VOCAB_SIZE {
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
            if !(2..=11).contains(&word.len()) || !seen.insert(fnv(word.as_bytes())) {
                continue;
            }
            // Frequent words are of every length but the extremes (as in English news, about
            // 6 letters a content token).
            let key = (rng.below(16)
                + match word.len() {
                    2 => 12,
                    3 => 3,
                    8 => 2,
                    9 => 4,
                    10 => 6,
                    11 => 8,
                    _ => 0,
                }) as u8;
            words.push((key, text.len() as u32, word.len() as u8));
            text.push_str(&word);
        }
        // Stored in rank order, so that the frequent ones share cache lines.
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
        let fillers = FILLERS
            .iter()
            .map(|f| {
                FUNC.iter()
                    .position(|w| w == f)
                    .expect("filler is a function word") as u8
            })
            .collect();
        Vocab {
            text: ranked,
            spans,
            dist: Alias::zipf(VOCAB_SIZE, 5.0),
            func_dist: Alias::zipf(FUNC.len(), 1.5),
            fillers,
        }
    }

    /// The stored form of a word (lower case, straight apostrophe; empty for a number).
    fn word(&self, w: Word) -> &str {
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

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Word {
    Vocab(u32),
    Name(u32),
    Func(u8),
    Apos(u8),
    Num(u32),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Punct {
    None,
    Comma,
    Semicolon,
    Colon,
    Period,
    Excl,
    Question,
}

impl Punct {
    fn as_str(self) -> &'static str {
        match self {
            Punct::None => "",
            Punct::Comma => ",",
            Punct::Semicolon => ";",
            Punct::Colon => ":",
            Punct::Period => ".",
            Punct::Excl => "!",
            Punct::Question => "?",
        }
    }
    fn is_final(self) -> bool {
        matches!(self, Punct::Period | Punct::Excl | Punct::Question)
    }
    fn is_clause(self) -> bool {
        matches!(self, Punct::Comma | Punct::Semicolon | Punct::Colon)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Case {
    /// Capitalised at a sentence start or as a name, otherwise as stored.
    Natural,
    Upper,
    Lower,
    Title,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Apostrophe {
    Straight,
    Curly,
    Dropped,
}

/// What separates a token from the one before it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Pre {
    Space,
    Dots,
    Ellipsis,
    EllipsisTight,
    Dash,
    DashTight,
}

impl Pre {
    fn as_str(self) -> &'static str {
        match self {
            Pre::Space => " ",
            Pre::Dots => " ... ",
            Pre::Ellipsis => " … ",
            Pre::EllipsisTight => "… ",
            Pre::Dash => " — ",
            Pre::DashTight => "—",
        }
    }
}

const SENT_START: u8 = 1;
const NUM_COMMAS: u8 = 2;
const QOPEN: u8 = 4;
const QCLOSE: u8 = 8;

const QUOTE_MARKS: [(char, char); 4] = [('\'', '\''), ('‘', '’'), ('"', '"'), ('“', '”')];

#[derive(Clone, Copy, Debug)]
struct Tok {
    word: Word,
    punct: Punct,
    case: Case,
    apos: Apostrophe,
    pre: Pre,
    flags: u8,
    /// Index into `QUOTE_MARKS` of an inner quotation opened or closed at this token.
    quote: u8,
    /// Typo: operation (0 none, 1 insert, 2 delete, 3 substitute, 4 transpose), position, letter.
    typo: [u8; 3],
}

impl Tok {
    fn new(word: Word) -> Self {
        Tok {
            word,
            punct: Punct::None,
            case: Case::Natural,
            apos: Apostrophe::Straight,
            pre: Pre::Space,
            flags: 0,
            quote: 0,
            typo: [0; 3],
        }
    }
    fn is_func(&self) -> bool {
        matches!(self.word, Word::Func(_))
    }
    fn is_content(&self) -> bool {
        matches!(self.word, Word::Vocab(_) | Word::Name(_))
    }
}

fn big_number(t: &Tok) -> bool {
    matches!(t.word, Word::Num(v) if v >= 1000 && !(1900..=2099).contains(&v))
}

/// Removes a cut's loose ends: a separator before the first token, unbalanced inner quotes.
fn fix_edges(t: &mut [Tok]) {
    if let Some(first) = t.first_mut() {
        first.pre = Pre::Space;
    }
    let mut open = None;
    for (i, x) in t.iter_mut().enumerate() {
        if x.flags & QOPEN != 0 {
            if open.is_some() {
                x.flags &= !QOPEN;
            } else {
                open = Some(i);
            }
        }
        if x.flags & QCLOSE != 0 {
            if open.is_none() {
                x.flags &= !QCLOSE;
            } else {
                open = None;
            }
        }
    }
    if let Some(i) = open {
        t[i].flags &= !QOPEN;
    }
}

/// Removes `t[a..b]`, keeping sentence starts and ends where they were.
fn remove_span(t: &mut Vec<Tok>, a: usize, b: usize) {
    let starts = t[a].flags & SENT_START != 0;
    let last = t[b - 1].punct;
    t.drain(a..b);
    if starts && a < t.len() {
        t[a].flags |= SENT_START;
    }
    if last.is_final() && a > 0 && !t[a - 1].punct.is_final() {
        t[a - 1].punct = last;
    }
    fix_edges(t);
}

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

/// Recent statements kept for sharing spans with new ones.
const RING: usize = 64;

/// Weights (per 100) of the drift of a repeated statement's occurrence.
const PRIMARY: [(Drift, u32); 14] = [
    (Drift::Exact, 25),
    (Drift::QuoteMarks, 10),
    (Drift::Case, 10),
    (Drift::Punctuation, 11),
    (Drift::Typo, 8),
    (Drift::WordDropped, 6),
    (Drift::WordAdded, 4),
    (Drift::WordChanged, 4),
    (Drift::Prefix, 4),
    (Drift::Suffix, 3),
    (Drift::Middle, 3),
    (Drift::Ellipsis, 4),
    (Drift::Piece, 6),
    (Drift::Fragment, 2),
];

/// Weights of a second, combined drift.
const SECONDARY: [(Drift, u32); 7] = [
    (Drift::QuoteMarks, 10),
    (Drift::Case, 10),
    (Drift::Punctuation, 10),
    (Drift::Typo, 8),
    (Drift::WordDropped, 6),
    (Drift::WordAdded, 4),
    (Drift::WordChanged, 4),
];

/// Chance that a drifted occurrence (not a fragment) gets a second drift: about 20% of all
/// occurrences.
const COMBINE: f64 = 0.20 / 0.73;

fn pick(table: &[(Drift, u32)], rng: &mut Rng) -> Drift {
    let total: u32 = table.iter().map(|e| e.1).sum();
    let mut r = rng.below(total as usize) as u32;
    for &(d, w) in table {
        if r < w {
            return d;
        }
        r -= w;
    }
    table[table.len() - 1].0
}

/// Order in which two combined drifts are applied: cuts first, surface changes last.
fn apply_rank(d: Drift) -> u8 {
    match d {
        Drift::Piece | Drift::Prefix | Drift::Suffix | Drift::Middle | Drift::Fragment => 0,
        Drift::Ellipsis => 1,
        Drift::WordDropped => 2,
        Drift::WordAdded => 3,
        Drift::WordChanged => 4,
        Drift::Typo => 5,
        Drift::QuoteMarks => 6,
        Drift::Punctuation => 7,
        Drift::Case => 8,
        Drift::Exact | Drift::Singleton => 9,
    }
}

struct Gen<'v> {
    rng: Rng,
    v: &'v Vocab,
    min_words: usize,
    max_words: usize,
}

impl Gen<'_> {
    fn vocab_word(&mut self) -> Word {
        Word::Vocab(self.v.dist.sample(&mut self.rng) as u32)
    }

    fn func_word(&mut self) -> Word {
        Word::Func(self.v.func_dist.sample(&mut self.rng) as u8)
    }

    fn name(&mut self) -> Word {
        Word::Name(self.rng.range(NAMES.start, NAMES.end - 1) as u32)
    }

    fn number(&mut self) -> Word {
        let r = &mut self.rng;
        let v = match r.below(100) {
            0..=39 => r.range(2, 99),
            40..=54 => r.range(100, 999),
            55..=64 => r.range(1990, 2030),
            65..=84 => r.range(1, 99) * 1000,
            85..=94 => r.range(10, 999) * 1000 + r.below(10) * 100,
            _ => r.range(1, 500) * 10_000,
        };
        Word::Num(v as u32)
    }

    /// A base statement's tokens into `out`; returns the ring index of a statement it shares a
    /// span with, if any.
    fn statement(&mut self, out: &mut Vec<Tok>, ring: &[(Vec<Tok>, u32)]) -> Option<usize> {
        out.clear();
        let (lo, hi) = (self.min_words, self.max_words);
        let n = if self.rng.chance(0.7) {
            let a = lo.max(10).min(hi);
            let b = hi.min(30).max(a);
            self.rng.range(a, b)
        } else {
            self.rng.range(lo, hi)
        };
        let sentences = 1 + self.rng.below((n / 7).clamp(1, 4));
        let mut lens = [0usize; 4];
        for (i, len) in lens.iter_mut().enumerate().take(sentences) {
            *len = n / sentences + usize::from(i < n % sentences);
        }
        for i in 0..sentences.saturating_sub(1) {
            if self.rng.chance(0.5) {
                let d = self.rng.below((lens[i] - 3) / 2 + 1);
                lens[i] -= d;
                lens[i + 1] += d;
            } else {
                let d = self.rng.below((lens[i + 1] - 3) / 2 + 1);
                lens[i + 1] -= d;
                lens[i] += d;
            }
        }

        for &len in &lens[..sentences] {
            let start = out.len();
            let mut i = 0;
            while i < len {
                let r = self.rng.f64();
                let mut w = if r < 0.43 {
                    self.func_word()
                } else if r < 0.455 {
                    self.name()
                } else if r < 0.47 {
                    self.number()
                } else {
                    self.vocab_word()
                };
                // No "the the".
                while out.len() > start && out[out.len() - 1].word == w {
                    w = if r < 0.43 {
                        self.func_word()
                    } else {
                        self.vocab_word()
                    };
                }
                let mut tok = Tok::new(w);
                if big_number(&tok) && self.rng.chance(0.5) {
                    tok.flags |= NUM_COMMAS;
                }
                out.push(tok);
                i += 1;
                if matches!(w, Word::Name(_)) && i < len && self.rng.chance(0.4) {
                    let surname = self.name();
                    out.push(Tok::new(surname));
                    i += 1;
                }
            }
            out[start].flags |= SENT_START;
            let end = out.len() - 1;
            // Sentences seldom end on "the" or "and".
            if out[end].is_func() && end > start {
                out[end].word = self.vocab_word();
            }
            for j in start..end {
                let r = self.rng.f64();
                out[j].punct = if r < 0.07 {
                    Punct::Comma
                } else if r < 0.075 {
                    Punct::Semicolon
                } else if r < 0.08 {
                    Punct::Colon
                } else {
                    Punct::None
                };
                if out[j].punct == Punct::None && self.rng.chance(0.01) {
                    out[j + 1].pre = Pre::Dash;
                }
            }
            out[end].punct = match self.rng.below(100) {
                0..=79 => Punct::Period,
                80..=91 => Punct::Excl,
                _ => Punct::Question,
            };
        }
        let n = out.len();

        // Contractions, whose apostrophes outlets vary.
        if self.rng.chance(0.35) {
            let form = if self.rng.chance(0.6) {
                Apostrophe::Straight
            } else {
                Apostrophe::Curly
            };
            let times = if self.rng.chance(0.15) { 2 } else { 1 };
            for _ in 0..times {
                let i = self.rng.below(n);
                if out[i].word.is_num_or_name() {
                    continue;
                }
                out[i].word = Word::Apos(self.rng.below(APOS.len()) as u8);
                out[i].apos = form;
            }
        }
        // A word or phrase in inner quotes.
        if n >= 3 && self.rng.chance(0.04) {
            let a = self.rng.below(n - 1);
            let mut b = a + self.rng.below(3);
            while b > a && (b >= n || out[a..b].iter().any(|t| t.punct.is_final())) {
                b -= 1;
            }
            out[a].flags |= QOPEN;
            out[b].flags |= QCLOSE;
            let style = self.rng.below(QUOTE_MARKS.len()) as u8;
            out[a].quote = style;
            out[b].quote = style;
        }
        // A span shared with another, recent statement.
        if !ring.is_empty() && n >= 4 && self.rng.chance(0.05) {
            let src = self.rng.below(ring.len());
            let other = &ring[src].0;
            let len = self.rng.range(3, 6).min(other.len()).min(n - 1);
            if len >= 3 {
                let a = self.rng.below(other.len() - len + 1);
                let b = self.rng.below(n - len + 1);
                for j in 0..len {
                    out[b + j].word = other[a + j].word;
                    out[b + j].apos = other[a + j].apos;
                    out[b + j].flags =
                        (out[b + j].flags & !NUM_COMMAS) | (other[a + j].flags & NUM_COMMAS);
                }
                return Some(src);
            }
        }
        None
    }

    /// One occurrence of `base` into `buf`; returns its drift.
    fn occurrence(&mut self, base: &[Tok], buf: &mut Vec<Tok>) -> Drift {
        buf.clear();
        buf.extend_from_slice(base);
        let first = pick(&PRIMARY, &mut self.rng);
        if first == Drift::Exact || first == Drift::Fragment || !self.rng.chance(COMBINE) {
            return self.apply(first, buf);
        }
        let mut second = pick(&SECONDARY, &mut self.rng);
        while second == first {
            second = pick(&SECONDARY, &mut self.rng);
        }
        if apply_rank(second) < apply_rank(first) {
            self.apply(second, buf);
            self.apply(first, buf)
        } else {
            let kind = self.apply(first, buf);
            self.apply(second, buf);
            kind
        }
    }

    /// Applies `drift` to `t`, or a fallback when it cannot apply; returns the one applied.
    fn apply(&mut self, drift: Drift, t: &mut Vec<Tok>) -> Drift {
        let done = match drift {
            Drift::Exact | Drift::Singleton => true,
            Drift::QuoteMarks => {
                self.quote_marks(t);
                true
            }
            Drift::Case => {
                self.case(t);
                true
            }
            Drift::Punctuation => {
                self.punctuation(t);
                true
            }
            Drift::Typo => self.typo(t),
            Drift::WordDropped => self.word_dropped(t),
            Drift::WordAdded => {
                self.word_added(t);
                true
            }
            Drift::WordChanged => self.word_changed(t),
            Drift::Prefix | Drift::Suffix | Drift::Middle => self.truncate(drift, t),
            Drift::Ellipsis => self.ellipsis(t),
            Drift::Piece => {
                if !self.piece(t) {
                    return self.apply(Drift::Prefix, t);
                }
                true
            }
            Drift::Fragment => {
                self.fragment(t);
                true
            }
        };
        if done {
            drift
        } else if drift == Drift::WordChanged {
            self.apply(Drift::Typo, t)
        } else {
            self.apply(Drift::Punctuation, t)
        }
    }

    /// A random index satisfying `ok`, if there is one.
    fn find(&mut self, t: &[Tok], ok: impl Fn(usize, &Tok) -> bool) -> Option<usize> {
        let n = t.len();
        if n == 0 {
            return None;
        }
        let start = self.rng.below(n);
        (0..n).map(|k| (start + k) % n).find(|&i| ok(i, &t[i]))
    }

    fn quote_marks(&mut self, t: &mut [Tok]) {
        let n = t.len();
        let has_apos = t.iter().any(|x| matches!(x.word, Word::Apos(_)));
        let quoted = t.iter().position(|x| x.flags & QOPEN != 0);
        if has_apos && (quoted.is_none() || self.rng.chance(0.7)) {
            if self.rng.chance(0.75) {
                for x in t.iter_mut().filter(|x| matches!(x.word, Word::Apos(_))) {
                    x.apos = match x.apos {
                        Apostrophe::Straight => Apostrophe::Curly,
                        _ => Apostrophe::Straight,
                    };
                }
            } else if let Some(i) = self.find(t, |_, x| {
                matches!(x.word, Word::Apos(_)) && x.apos != Apostrophe::Dropped
            }) {
                t[i].apos = Apostrophe::Dropped;
            } else {
                t.iter_mut().for_each(|x| x.apos = Apostrophe::Straight);
            }
        } else if let Some(a) = quoted {
            if self.rng.chance(0.4) {
                for x in t.iter_mut() {
                    x.flags &= !(QOPEN | QCLOSE);
                }
            } else {
                let style = (t[a].quote as usize + 1 + self.rng.below(3)) % QUOTE_MARKS.len();
                t.iter_mut().for_each(|x| x.quote = style as u8);
            }
        } else {
            let a = self.rng.below(n);
            let mut b = a + self.rng.below(3);
            while b > a && (b >= n || t[a..b].iter().any(|x| x.punct.is_final())) {
                b -= 1;
            }
            let style = self.rng.below(QUOTE_MARKS.len()) as u8;
            t[a].flags |= QOPEN;
            t[b].flags |= QCLOSE;
            t[a].quote = style;
            t[b].quote = style;
        }
    }

    fn case(&mut self, t: &mut [Tok]) {
        let r = self.rng.f64();
        if r < 0.40 {
            let i = self
                .find(t, |_, x| x.is_content())
                .or_else(|| self.find(t, |_, x| !matches!(x.word, Word::Num(_))))
                .unwrap_or(0);
            t[i].case = Case::Upper;
            if i + 1 < t.len() && self.rng.chance(0.3) {
                t[i + 1].case = Case::Upper;
            }
        } else if r < 0.70 {
            t.iter_mut().for_each(|x| x.case = Case::Lower);
        } else if r < 0.88 {
            t.iter_mut().for_each(|x| x.case = Case::Title);
        } else if r < 0.94 {
            t.iter_mut().for_each(|x| x.case = Case::Upper);
        } else {
            t[0].case = if t[0].flags & SENT_START != 0 || matches!(t[0].word, Word::Name(_)) {
                Case::Lower
            } else {
                Case::Title
            };
        }
    }

    fn punctuation(&mut self, t: &mut [Tok]) {
        let ops = if self.rng.chance(0.25) { 2 } else { 1 };
        let mut done = 0;
        for _ in 0..16 {
            if done == ops {
                break;
            }
            if self.punctuation_op(t) {
                done += 1;
            }
        }
        if done == 0 {
            let last = t.len() - 1;
            t[last].punct = if t[last].punct == Punct::Excl {
                Punct::None
            } else {
                Punct::Excl
            };
        }
    }

    fn punctuation_op(&mut self, t: &mut [Tok]) -> bool {
        let n = t.len();
        let last = n - 1;
        if self.rng.chance(0.35) {
            if let Some(i) = self.find(t, |_, x| big_number(x)) {
                t[i].flags ^= NUM_COMMAS;
                return true;
            }
        }
        match self.rng.below(6) {
            0 => {
                let r = self.rng.below(100);
                t[last].punct = match t[last].punct {
                    Punct::Period if r < 25 => Punct::Excl,
                    Punct::Period if r < 60 => Punct::Comma,
                    Punct::Excl if r < 40 => Punct::Period,
                    Punct::Excl if r < 60 => Punct::Comma,
                    Punct::Question if r < 50 => Punct::Period,
                    Punct::Period | Punct::Excl | Punct::Question => Punct::None,
                    _ => Punct::Period,
                };
                true
            }
            1 => match self.find(t, |i, x| i < last && x.punct.is_clause()) {
                Some(i) => {
                    t[i].punct = Punct::None;
                    true
                }
                None => false,
            },
            2 => match self.find(t, |i, x| {
                i < last && x.punct == Punct::None && t[i + 1].pre == Pre::Space
            }) {
                Some(i) => {
                    t[i].punct = Punct::Comma;
                    true
                }
                None => false,
            },
            3 => match self.find(t, |i, x| i < last && x.punct == Punct::Comma) {
                Some(i) => {
                    if self.rng.chance(0.5) {
                        t[i].punct = Punct::Semicolon;
                    } else {
                        t[i].punct = Punct::None;
                        t[i + 1].pre = Pre::Dash;
                    }
                    true
                }
                None => false,
            },
            4 => match self.find(t, |i, x| {
                i > 0 && x.pre == Pre::Space && t[i - 1].punct == Punct::None
            }) {
                Some(i) => {
                    t[i].pre = if self.rng.chance(0.7) {
                        Pre::Dash
                    } else {
                        Pre::DashTight
                    };
                    true
                }
                None => false,
            },
            _ => match self.find(t, |i, x| i < last && x.punct.is_final()) {
                Some(i) => {
                    let to = match self.rng.below(3) {
                        0 => Punct::Comma,
                        1 => Punct::Semicolon,
                        _ if t[i].punct == Punct::Excl => Punct::Period,
                        _ => Punct::Excl,
                    };
                    if !to.is_final() {
                        t[i + 1].flags &= !SENT_START;
                    }
                    t[i].punct = to;
                    true
                }
                None => false,
            },
        }
    }

    fn typo(&mut self, t: &mut [Tok]) -> bool {
        let v = self.v;
        let Some(i) = self.find(t, |_, x| {
            matches!(x.word, Word::Vocab(_) | Word::Func(_) | Word::Name(_))
                && x.typo[0] == 0
                && v.word(x.word).len() >= 4
        }) else {
            return false;
        };
        let w = v.word(t[i].word).as_bytes();
        let len = w.len();
        let letter = b'a' + self.rng.below(26) as u8;
        t[i].typo = match self.rng.range(1, 4) {
            1 => [1, self.rng.below(len + 1) as u8, letter],
            2 => [2, self.rng.below(len) as u8, 0],
            4 => {
                let p = self.rng.below(len - 1);
                if w[p] != w[p + 1] {
                    [4, p as u8, 0]
                } else {
                    let other = if w[p] == letter {
                        b'a' + (letter - b'a' + 1) % 26
                    } else {
                        letter
                    };
                    [3, p as u8, other]
                }
            }
            _ => {
                let p = self.rng.below(len);
                let orig = w[p].to_ascii_lowercase();
                let other = if orig == letter {
                    b'a' + (letter - b'a' + 1) % 26
                } else {
                    letter
                };
                [3, p as u8, other]
            }
        };
        true
    }

    fn word_dropped(&mut self, t: &mut Vec<Tok>) -> bool {
        // Cuts keep 4+ words, even when combined with this.
        if t.len() < 5 {
            return false;
        }
        let i = if self.rng.chance(0.5) {
            self.find(t, |_, x| x.is_func())
        } else {
            None
        };
        let i = i.unwrap_or_else(|| self.rng.below(t.len()));
        remove_span(t, i, i + 1);
        true
    }

    fn word_added(&mut self, t: &mut Vec<Tok>) {
        let n = t.len();
        let word = if self.rng.chance(0.5) {
            Word::Func(self.v.fillers[self.rng.below(self.v.fillers.len())])
        } else {
            self.vocab_word()
        };
        let mut tok = Tok::new(word);
        let i = self.rng.range(1, n);
        if i < n && t[i].flags & SENT_START != 0 {
            t[i].flags &= !SENT_START;
            tok.flags |= SENT_START;
        }
        if i == n {
            tok.punct = t[n - 1].punct;
            t[n - 1].punct = Punct::None;
        }
        // Inside a re-cased run, the new word takes the case of its neighbours.
        if i == n || t[i].case == t[i - 1].case {
            tok.case = t[i - 1].case;
        }
        t.insert(i, tok);
    }

    fn word_changed(&mut self, t: &mut [Tok]) -> bool {
        let Some(i) = self.find(t, |_, x| {
            matches!(x.word, Word::Vocab(_) | Word::Func(_) | Word::Name(_))
        }) else {
            return false;
        };
        let old = t[i].word;
        let mut new = old;
        while new == old {
            new = if t[i].is_func() {
                self.func_word()
            } else {
                self.vocab_word()
            };
        }
        t[i].word = new;
        t[i].typo = [0; 3];
        true
    }

    /// Tidies the ends of a cut: a trailing comma often goes, a lower-case start sometimes
    /// gets a capital.
    fn tidy_cut(&mut self, t: &mut [Tok], capitalise: f64) {
        let last = t.len() - 1;
        if t[last].punct.is_clause() {
            let r = self.rng.f64();
            if r < 0.6 {
                t[last].punct = Punct::None;
            } else if r < 0.75 {
                t[last].punct = Punct::Period;
            }
        }
        if t[0].flags & SENT_START == 0 && self.rng.chance(capitalise) {
            t[0].flags |= SENT_START;
        }
        fix_edges(t);
    }

    fn truncate(&mut self, drift: Drift, t: &mut Vec<Tok>) -> bool {
        let n = t.len();
        let middle = drift == Drift::Middle;
        if n < if middle { 7 } else { 6 } {
            return false;
        }
        let frac = 0.4 + 0.5 * self.rng.f64();
        let mut m = ((n as f64 * frac).round() as usize).clamp(5, n - 1);
        if middle {
            m = m.min(n - 2);
        }
        match drift {
            Drift::Prefix => t.truncate(m),
            Drift::Suffix => {
                t.drain(..n - m);
            }
            _ => {
                let s = 1 + self.rng.below(n - m - 1);
                t.truncate(s + m);
                t.drain(..s);
            }
        }
        self.tidy_cut(t, 0.3);
        true
    }

    fn ellipsis(&mut self, t: &mut Vec<Tok>) -> bool {
        let n = t.len();
        if n < 6 {
            return false;
        }
        let len = 1 + self.rng.below(((n as f64 * 0.4) as usize).max(1));
        let a = 1 + self.rng.below(n - 1 - len);
        t.drain(a..a + len);
        t[a].pre = match self.rng.below(3) {
            0 => Pre::Dots,
            1 => Pre::Ellipsis,
            _ => Pre::EllipsisTight,
        };
        fix_edges(t);
        true
    }

    /// Keeps one sentence or clause of 4+ words.
    fn piece(&mut self, t: &mut Vec<Tok>) -> bool {
        let n = t.len();
        let toks: &[Tok] = t;
        let segments = || {
            let mut start = 0;
            (0..n).filter_map(move |i| {
                if i + 1 == n || toks[i].punct != Punct::None {
                    let seg = (start, i + 1);
                    start = i + 1;
                    Some(seg)
                } else {
                    None
                }
            })
        };
        let fits = |&(a, b): &(usize, usize)| b - a >= 4 && b - a < n;
        let count = segments().filter(fits).count();
        if count == 0 {
            return false;
        }
        let k = self.rng.below(count);
        let (a, b) = segments().filter(fits).nth(k).expect("counted");
        t.truncate(b);
        t.drain(..a);
        self.tidy_cut(t, 0.4);
        true
    }

    fn fragment(&mut self, t: &mut Vec<Tok>) {
        let n = t.len();
        let len = if n >= 2 && self.rng.chance(0.4) { 2 } else { 1 };
        let starts = n - len + 1;
        // The salient word: the rarest of a few content words.
        let mut s = self.rng.below(starts);
        let mut rank = None;
        for _ in 0..3 {
            if let Some(i) = self.find(&t[..starts], |_, x| x.is_content()) {
                let (Word::Vocab(r) | Word::Name(r)) = t[i].word else {
                    unreachable!("content word")
                };
                if rank < Some(r) {
                    (s, rank) = (i, Some(r));
                }
            }
        }
        t.truncate(s + len);
        t.drain(..s);
        let last = t.len() - 1;
        if !matches!(t[last].punct, Punct::Excl | Punct::Question) || self.rng.chance(0.5) {
            t[last].punct = Punct::None;
        }
        fix_edges(t);
    }

    /// The text of `toks`, built in `out` and returned in an allocation of its own size.
    fn render(&self, toks: &[Tok], out: &mut String) -> String {
        out.clear();
        for (i, t) in toks.iter().enumerate() {
            if i > 0 {
                out.push_str(t.pre.as_str());
            }
            if t.flags & QOPEN != 0 {
                out.push(QUOTE_MARKS[t.quote as usize].0);
            }
            self.render_word(t, out);
            if t.flags & QCLOSE != 0 {
                out.push(QUOTE_MARKS[t.quote as usize].1);
            }
            out.push_str(t.punct.as_str());
        }
        out.as_str().to_owned()
    }

    fn render_word(&self, t: &Tok, out: &mut String) {
        if let Word::Num(v) = t.word {
            push_number(v, t.flags & NUM_COMMAS != 0, out);
            return;
        }
        let word = self.v.word(t.word);
        let capital = match t.case {
            Case::Natural => t.flags & SENT_START != 0 || matches!(t.word, Word::Name(_)),
            Case::Title => true,
            _ => false,
        };
        // The common case: the word as stored, perhaps with a capital.
        if t.typo[0] == 0
            && matches!(t.case, Case::Natural | Case::Title)
            && !matches!(t.word, Word::Apos(_))
        {
            match word.as_bytes().first() {
                Some(&b) if capital => {
                    out.push(b.to_ascii_uppercase() as char);
                    out.push_str(&word[1..]);
                }
                _ => out.push_str(word),
            }
            return;
        }
        let src = word.as_bytes();
        let mut w = [0u8; 24];
        let mut len = src.len();
        w[..len].copy_from_slice(src);
        let [op, pos, ch] = t.typo;
        let pos = pos as usize;
        match op {
            1 => {
                w.copy_within(pos..len, pos + 1);
                w[pos] = ch;
                len += 1;
            }
            2 => {
                w.copy_within(pos + 1..len, pos);
                len -= 1;
            }
            3 => w[pos] = ch,
            4 => w.swap(pos, pos + 1),
            _ => {}
        }
        for (j, &b) in w[..len].iter().enumerate() {
            if b == b'\'' {
                match t.apos {
                    Apostrophe::Straight => out.push('\''),
                    Apostrophe::Curly => out.push('’'),
                    Apostrophe::Dropped => {}
                }
                continue;
            }
            let c = match t.case {
                Case::Upper => b.to_ascii_uppercase(),
                Case::Lower => b.to_ascii_lowercase(),
                _ if j == 0 && capital => b.to_ascii_uppercase(),
                _ => b,
            };
            out.push(c as char);
        }
    }
}

impl Word {
    fn is_num_or_name(self) -> bool {
        matches!(self, Word::Num(_) | Word::Name(_))
    }
}

fn push_number(v: u32, commas: bool, out: &mut String) {
    let mut digits = [0u8; 10];
    let mut len = 0;
    let mut x = v;
    loop {
        digits[len] = b'0' + (x % 10) as u8;
        len += 1;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    for k in (0..len).rev() {
        out.push(digits[k] as char);
        if commas && k > 0 && k % 3 == 0 {
            out.push(',');
        }
    }
}

/// Packs groups of occurrences into documents of 2–8 quotations.
fn assign_documents(quotes: &mut [SynthQuote], groups: &mut [(u32, u8)], rng: &mut Rng) {
    rng.shuffle(groups);
    let mut doc = 0u32;
    let mut target = rng.range(2, 8);
    let mut current: Vec<usize> = Vec::with_capacity(8);
    let mut previous: Vec<usize> = Vec::with_capacity(8);
    for &(start, len) in groups.iter() {
        let (start, len) = (start as usize, len as usize);
        if current.len() >= 2 && current.len() + len > target {
            doc += 1;
            target = rng.range(2, 8);
            std::mem::swap(&mut current, &mut previous);
            current.clear();
        }
        for (q, quote) in quotes[start..start + len].iter_mut().enumerate() {
            quote.doc = doc;
            current.push(start + q);
        }
        if current.len() >= target {
            doc += 1;
            target = rng.range(2, 8);
            std::mem::swap(&mut current, &mut previous);
            current.clear();
        }
    }
    // A lone quotation left at the end joins the previous document, or takes one from it.
    if current.len() == 1 && !previous.is_empty() {
        if previous.len() < 8 {
            quotes[current[0]].doc = doc - 1;
        } else {
            quotes[previous[previous.len() - 1]].doc = doc;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn counts_by<K: Eq + Hash + Copy>(items: impl Iterator<Item = K>) -> HashMap<K, usize> {
        let mut m = HashMap::new();
        for k in items {
            *m.entry(k).or_insert(0) += 1;
        }
        m
    }

    #[test]
    fn deterministic() {
        let a = generate(&SynthConfig::new(3000, 7));
        let b = generate(&SynthConfig::new(3000, 7));
        let c = generate(&SynthConfig::new(3000, 8));
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn exact_count() {
        for n in [0, 1, 2, 3, 5, 7, 10, 99, 1000, 4321] {
            assert_eq!(generate(&SynthConfig::new(n, n as u64)).len(), n, "n = {n}");
        }
        let mut c = SynthConfig::new(500, 1);
        c.min_words = 1;
        c.max_words = 1;
        assert_eq!(generate(&c).len(), 500);
        c.singleton_share = 1.0;
        assert!(generate(&c).iter().all(|q| q.kind == Drift::Singleton));
        c.singleton_share = 0.0;
        c.mean_variants = 1000.0;
        assert_eq!(generate(&c).len(), 500);
    }

    #[test]
    fn texts_are_clean() {
        let quotes = generate(&SynthConfig::new(20_000, 3));
        for q in &quotes {
            assert!(!q.text.is_empty());
            assert_eq!(q.text.trim(), q.text, "{:?}", q);
            assert!(!q.text.contains("  "), "{:?}", q);
        }
    }

    #[test]
    fn ids_are_dense_and_consistent() {
        let quotes = generate(&SynthConfig::new(20_000, 11));
        let statements = counts_by(quotes.iter().map(|q| q.statement));
        let max = *statements.keys().max().unwrap();
        assert_eq!(statements.len(), max as usize + 1);
        let docs = counts_by(quotes.iter().map(|q| q.doc));
        let max = *docs.keys().max().unwrap();
        assert_eq!(docs.len(), max as usize + 1);
        assert!(
            docs.values().all(|&k| (2..=8).contains(&k)),
            "document sizes"
        );
        let mut speaker = HashMap::new();
        for q in &quotes {
            assert_eq!(*speaker.entry(q.statement).or_insert(q.speaker), q.speaker);
            if q.kind == Drift::Singleton {
                assert_eq!(statements[&q.statement], 1);
            } else {
                assert!(statements[&q.statement] >= 2);
            }
        }
        let speakers = counts_by(quotes.iter().map(|q| q.speaker)).len();
        assert!(speakers > statements.len() / 40 && speakers <= statements.len() / 20 + 1);
    }

    #[test]
    fn proportions() {
        let config = SynthConfig::new(40_000, 5);
        let quotes = generate(&config);
        let kinds = counts_by(quotes.iter().map(|q| q.kind));
        let share = |d: Drift| kinds.get(&d).copied().unwrap_or(0) as f64 / quotes.len() as f64;
        assert!((share(Drift::Singleton) - 0.15).abs() < 0.05);
        for d in Drift::ALL {
            assert!(kinds.contains_key(&d), "{d:?} never generated");
        }
        let repeated = 1.0 - share(Drift::Singleton);
        assert!((share(Drift::Exact) / repeated - 0.25).abs() < 0.04);
        assert!((share(Drift::Fragment) / repeated - 0.02).abs() < 0.01);
        let sizes = counts_by(quotes.iter().map(|q| q.statement));
        let multi: Vec<usize> = sizes.values().copied().filter(|&k| k > 1).collect();
        let mean = multi.iter().sum::<usize>() as f64 / multi.len() as f64;
        assert!((5.0..12.0).contains(&mean), "mean occurrences {mean}");
        assert!(*multi.iter().max().unwrap() >= 100, "no heavy tail");
        let words: usize = quotes
            .iter()
            .filter(|q| q.kind == Drift::Singleton)
            .map(|q| q.text.split_whitespace().count())
            .sum();
        let mean_words = words as f64 / kinds[&Drift::Singleton] as f64;
        assert!(
            (15.0..35.0).contains(&mean_words),
            "mean words {mean_words}"
        );
    }

    #[test]
    fn function_words_are_frequent() {
        let quotes = generate(&SynthConfig::new(5000, 9));
        let (mut func, mut all) = (0, 0);
        for q in quotes.iter().filter(|q| q.kind == Drift::Singleton) {
            for w in q.text.split_whitespace() {
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                all += 1;
                func += usize::from(FUNC.iter().any(|f| f.to_lowercase() == w));
            }
        }
        let share = func as f64 / all as f64;
        assert!((0.3..0.5).contains(&share), "function words {share}");
    }

    #[test]
    fn drifts_change_the_text() {
        let quotes = generate(&SynthConfig::new(30_000, 13));
        let mut exact: HashMap<u32, &str> = HashMap::new();
        for q in quotes.iter().filter(|q| q.kind == Drift::Exact) {
            assert_eq!(*exact.entry(q.statement).or_insert(&q.text), q.text);
        }
        let (mut same, mut drifted) = (0, 0);
        for q in &quotes {
            if let (Some(e), false) = (exact.get(&q.statement), q.kind == Drift::Exact) {
                drifted += 1;
                same += usize::from(*e == q.text);
                let words = q
                    .text
                    .split(|c: char| c.is_whitespace() || c == '—' || c == '…')
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count();
                match q.kind {
                    Drift::Fragment => assert!(words <= 2, "{q:?}"),
                    Drift::Piece => assert!(words >= 4, "{q:?}"),
                    Drift::Prefix | Drift::Suffix | Drift::Middle => {
                        assert!(words >= 4, "{q:?}")
                    }
                    _ => {}
                }
            }
        }
        assert!(
            (same as f64) < 0.01 * drifted as f64,
            "{same} of {drifted} unchanged"
        );
    }

    #[test]
    fn realistic_features_appear() {
        let quotes = generate(&SynthConfig::new(20_000, 17));
        let any = |f: &dyn Fn(&str) -> bool| quotes.iter().any(|q| f(&q.text));
        assert!(any(&|t| t.contains('’')));
        assert!(any(&|t| t.contains("Lets")
            || t.contains("lets")
            || t.contains("dont")));
        assert!(any(&|t| t.contains("...") || t.contains('…')));
        assert!(any(&|t| t.contains('—')));
        assert!(any(&|t| t.contains('“')));
        assert!(any(&|t| t.contains('?')));
        assert!(any(
            &|t| t.chars().any(|c| c.is_ascii_digit()) && t.contains(",000")
        ));
        assert!(any(&|t| t.split_whitespace().any(
            |w| w.len() > 3 && w.chars().all(|c| c.is_ascii_uppercase())
        )));
    }

    #[test]
    fn numbers_format() {
        let mut s = String::new();
        push_number(5000, true, &mut s);
        s.push(' ');
        push_number(5000, false, &mut s);
        s.push(' ');
        push_number(1_234_567, true, &mut s);
        s.push(' ');
        push_number(12, true, &mut s);
        assert_eq!(s, "5,000 5000 1,234,567 12");
    }

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

    #[test]
    fn score_perfect() {
        let quotes = generate(&SynthConfig::new(2000, 1));
        let truth: Vec<u32> = quotes.iter().map(|q| q.statement).collect();
        let s = score(&truth, &truth);
        assert_eq!(s.bcubed_precision, 1.0);
        assert_eq!(s.bcubed_recall, 1.0);
        assert_eq!(s.bcubed_f1, 1.0);
        assert_eq!(s.pairwise_precision, 1.0);
        assert_eq!(s.pairwise_recall, 1.0);
        assert_eq!(s.pairwise_f1, 1.0);
        assert_eq!(s.largest_cluster_purity, 1.0);
        // Labels only matter through equality.
        let renamed: Vec<String> = truth.iter().map(|t| format!("c{}", t * 7 + 3)).collect();
        assert_eq!(score(&renamed, &truth), s);
    }

    #[test]
    fn score_all_singletons() {
        let quotes = generate(&SynthConfig::new(2000, 2));
        let truth: Vec<u32> = quotes.iter().map(|q| q.statement).collect();
        let s = score(&(0..truth.len()).collect::<Vec<_>>(), &truth);
        assert_eq!(s.pairwise_recall, 0.0);
        assert_eq!(s.pairwise_f1, 0.0);
        assert_eq!(s.bcubed_precision, 1.0);
        assert!(s.bcubed_recall < 1.0);
        assert_eq!(s.clusters, truth.len());
        assert_eq!(s.largest_cluster, 1);
    }

    #[test]
    fn score_one_cluster() {
        let quotes = generate(&SynthConfig::new(2000, 3));
        let truth: Vec<u32> = quotes.iter().map(|q| q.statement).collect();
        let s = score(&vec![0u8; truth.len()], &truth);
        assert!(s.pairwise_precision < 1.0);
        assert_eq!(s.pairwise_recall, 1.0);
        assert_eq!(s.bcubed_recall, 1.0);
        assert_eq!(s.clusters, 1);
        assert_eq!(s.largest_cluster, truth.len());
        assert!(s.largest_cluster_purity < 0.5);
    }

    #[test]
    fn score_by_hand() {
        // Predicted {0,1,2,3} {4}; truth {0,1} {2,3,4}.
        let s = score(&[0, 0, 0, 0, 1], &["a", "a", "b", "b", "b"]);
        let close = |x: f64, y: f64| (x - y).abs() < 1e-12;
        // B³ precision: (2/4 + 2/4 + 2/4 + 2/4 + 1/1) / 5.
        assert!(close(s.bcubed_precision, 0.6));
        // B³ recall: (2/2 + 2/2 + 2/3 + 2/3 + 1/3) / 5.
        assert!(close(s.bcubed_recall, 11.0 / 15.0));
        assert!(close(s.bcubed_f1, 0.66));
        // Pairs: predicted 6, truth 1 + 3, both 2.
        assert!(close(s.pairwise_precision, 1.0 / 3.0));
        assert!(close(s.pairwise_recall, 0.5));
        assert!(close(s.pairwise_f1, 0.4));
        assert_eq!((s.clusters, s.largest_cluster), (2, 4));
        assert!(close(s.largest_cluster_purity, 0.5));
        assert_eq!(
            s.to_string(),
            "B³ P 0.600 R 0.733 F1 0.660 | pairwise P 0.333 R 0.500 F1 0.400 | 2 clusters, largest 4 (purity 0.500)"
        );
    }

    #[test]
    fn score_empty() {
        let s = score::<u32, u32>(&[], &[]);
        assert_eq!(s.bcubed_f1, 1.0);
        assert_eq!(s.clusters, 0);
    }

    #[test]
    #[should_panic(expected = "synth::score")]
    fn score_length_mismatch() {
        score(&[1, 2], &[1]);
    }
}

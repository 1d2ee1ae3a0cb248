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
//! of occurrences are one- or two-word [`Variation::Fragment`]s, which no clustering can place
//! reliably: a perfect score is not expected.
//!
//! The output is a pure function of the [`SynthConfig`]: the same settings give the same
//! quotations, in the same order, on every platform (only correctly rounded floating-point
//! operations are used).
//!
//! ```
//! use quotetrace_synth::{generate, score, SynthConfig};
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

#![warn(missing_docs)]

mod cut;
mod drift;
mod random;
mod render;
mod score;
mod statement;
mod tokens;
mod words;

pub use score::{score, Scores};

use random::{Alias, CountSampler, Rng};
use statement::Gen;
use tokens::Tok;
use words::Vocab;

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
    pub kind: Variation,
}

/// How an occurrence differs from its base statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Variation {
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

impl Variation {
    /// Every drift, in declaration order.
    pub const ALL: [Variation; 15] = [
        Variation::Exact,
        Variation::QuoteMarks,
        Variation::Case,
        Variation::Punctuation,
        Variation::Typo,
        Variation::WordDropped,
        Variation::WordAdded,
        Variation::WordChanged,
        Variation::Prefix,
        Variation::Suffix,
        Variation::Middle,
        Variation::Ellipsis,
        Variation::Piece,
        Variation::Fragment,
        Variation::Singleton,
    ];

    /// The variant's name, e.g. `"WordDropped"`.
    pub fn name(self) -> &'static str {
        match self {
            Variation::Exact => "Exact",
            Variation::QuoteMarks => "QuoteMarks",
            Variation::Case => "Case",
            Variation::Punctuation => "Punctuation",
            Variation::Typo => "Typo",
            Variation::WordDropped => "WordDropped",
            Variation::WordAdded => "WordAdded",
            Variation::WordChanged => "WordChanged",
            Variation::Prefix => "Prefix",
            Variation::Suffix => "Suffix",
            Variation::Middle => "Middle",
            Variation::Ellipsis => "Ellipsis",
            Variation::Piece => "Piece",
            Variation::Fragment => "Fragment",
            Variation::Singleton => "Singleton",
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
    let settings = Settings::of(config);
    let mut rng = Rng::new(config.seed);
    let vocab = Vocab::build(&mut Rng::new(config.seed ^ 0x6A09_E667_F3BC_C908));
    let counts = occurrence_counts(n, settings.share, settings.mean, &mut rng);
    let gen = Gen {
        rng,
        v: &vocab,
        min_words: settings.min_words,
        max_words: settings.max_words,
    };
    let mut run = Run::new(gen, n, counts.len());
    for (id, &k) in counts.iter().enumerate() {
        run.quote_statement(id as u32, k);
    }
    run.finish()
}

/// The settings of a [`SynthConfig`], brought into the ranges the generator works with.
struct Settings {
    min_words: usize,
    max_words: usize,
    /// Share of singletons, in `0..=1`.
    share: f64,
    /// Mean occurrences of a repeated statement, at least 2.
    mean: f64,
}

impl Settings {
    /// Clamps each setting of `config`, replacing a non-finite share or mean by its default.
    fn of(config: &SynthConfig) -> Settings {
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
        Settings {
            min_words,
            max_words,
            share,
            mean,
        }
    }
}

/// One run of [`generate`]: the generator, the quotations made so far, and reused buffers.
struct Run<'v> {
    gen: Gen<'v>,
    /// Who says a statement that borrows no speaker from a recent one.
    speaker_dist: Alias,
    quotes: Vec<SynthQuote>,
    /// Runs of consecutive occurrences of one statement that go into one document.
    groups: Vec<(u32, u8)>,
    /// The current base statement.
    base: Vec<Tok>,
    /// The current occurrence of it.
    buf: Vec<Tok>,
    recent: Recent,
    /// Where text is rendered before being copied out.
    scratch: String,
}

impl<'v> Run<'v> {
    /// An empty run for `n` quotations of `statements` statements.
    fn new(gen: Gen<'v>, n: usize, statements: usize) -> Self {
        let max_words = gen.max_words;
        let speakers = (statements / 20).max(1);
        Run {
            gen,
            speaker_dist: Alias::zipf(speakers, 1.0),
            quotes: Vec::with_capacity(n),
            groups: Vec::with_capacity(n),
            base: Vec::with_capacity(max_words + 8),
            buf: Vec::with_capacity(max_words + 8),
            recent: Recent::new(),
            scratch: String::with_capacity(max_words * 16),
        }
    }

    /// Invents statement `id`, gives it a speaker and quotes it `k` times.
    fn quote_statement(&mut self, id: u32, k: u32) {
        let shared = self.gen.statement(&mut self.base, &self.recent.statements);
        let speaker = match shared {
            Some(src) if self.gen.rng.chance(0.5) => self.recent.statements[src].1,
            _ => self.speaker_dist.sample(&mut self.gen.rng) as u32,
        };
        if k == 1 {
            self.quote_once(id, speaker);
        } else {
            self.quote_repeatedly(id, speaker, k);
        }
        self.recent.remember(&self.base, speaker);
    }

    /// Quotes the base statement verbatim, alone in its group, as a singleton.
    fn quote_once(&mut self, id: u32, speaker: u32) {
        let text = self.gen.render(&self.base, &mut self.scratch);
        self.groups.push((self.quotes.len() as u32, 1));
        self.push(text, id, speaker, Variation::Singleton);
    }

    /// Quotes the base statement `k` times, each with its drifts, joining some occurrences
    /// into groups that share a document.
    fn quote_repeatedly(&mut self, id: u32, speaker: u32, k: u32) {
        for j in 0..k {
            let kind = self.gen.occurrence(&self.base, &mut self.buf);
            let text = self.gen.render(&self.buf, &mut self.scratch);
            let join = if matches!(kind, Variation::Piece | Variation::Fragment) {
                0.7
            } else {
                0.25
            };
            match self.groups.last_mut() {
                Some(g) if j > 0 && g.1 < 4 && self.gen.rng.chance(join) => g.1 += 1,
                _ => self.groups.push((self.quotes.len() as u32, 1)),
            }
            self.push(text, id, speaker, kind);
        }
    }

    /// Adds one quotation of statement `id` (its document is assigned at the end).
    fn push(&mut self, text: String, id: u32, speaker: u32, kind: Variation) {
        self.quotes.push(SynthQuote {
            text,
            statement: id,
            doc: 0,
            speaker,
            kind,
        });
    }

    /// The quotations, packed into documents and shuffled.
    fn finish(mut self) -> Vec<SynthQuote> {
        let mut rng = self.gen.rng;
        assign_documents(&mut self.quotes, &mut self.groups, &mut rng);
        rng.shuffle(&mut self.quotes);
        self.quotes
    }
}

/// The last [`RING`] base statements with their speakers, which new statements may share a span
/// (and then perhaps the speaker) with.
struct Recent {
    /// In the order of a ring: once full, the oldest is overwritten first.
    statements: Vec<(Vec<Tok>, u32)>,
    /// The slot to overwrite next, once the ring is full.
    next: usize,
}

impl Recent {
    /// An empty ring.
    fn new() -> Self {
        Recent {
            statements: Vec::with_capacity(RING),
            next: 0,
        }
    }

    /// Keeps `base` and its speaker, in place of the oldest when the ring is full.
    fn remember(&mut self, base: &[Tok], speaker: u32) {
        if self.statements.len() < RING {
            self.statements.push((base.to_vec(), speaker));
        } else {
            let slot = &mut self.statements[self.next].0;
            slot.clear();
            slot.extend_from_slice(base);
            self.statements[self.next].1 = speaker;
            self.next = (self.next + 1) % RING;
        }
    }
}

/// How often each statement is quoted, in a shuffled order: `share` of the `n` quotations are
/// statements quoted once, the others are quoted 2 or more times, `mean` on average.
fn occurrence_counts(n: usize, share: f64, mean: f64, rng: &mut Rng) -> Vec<u32> {
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
        let mut k = sampler.sample(rng).min(repeated);
        if repeated - k == 1 {
            k += 1;
        }
        counts.push(k as u32);
        repeated -= k;
    }
    rng.shuffle(&mut counts);
    counts
}

/// Recent statements kept for sharing spans with new ones.
const RING: usize = 64;

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::hash::Hash;

    use super::words::FUNC;

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
        assert!(generate(&c).iter().all(|q| q.kind == Variation::Singleton));
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
            if q.kind == Variation::Singleton {
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
        let share = |d: Variation| kinds.get(&d).copied().unwrap_or(0) as f64 / quotes.len() as f64;
        assert!((share(Variation::Singleton) - 0.15).abs() < 0.05);
        for d in Variation::ALL {
            assert!(kinds.contains_key(&d), "{d:?} never generated");
        }
        let repeated = 1.0 - share(Variation::Singleton);
        assert!((share(Variation::Exact) / repeated - 0.25).abs() < 0.04);
        assert!((share(Variation::Fragment) / repeated - 0.02).abs() < 0.01);
        let sizes = counts_by(quotes.iter().map(|q| q.statement));
        let multi: Vec<usize> = sizes.values().copied().filter(|&k| k > 1).collect();
        let mean = multi.iter().sum::<usize>() as f64 / multi.len() as f64;
        assert!((5.0..12.0).contains(&mean), "mean occurrences {mean}");
        assert!(*multi.iter().max().unwrap() >= 100, "no heavy tail");
        let words: usize = quotes
            .iter()
            .filter(|q| q.kind == Variation::Singleton)
            .map(|q| q.text.split_whitespace().count())
            .sum();
        let mean_words = words as f64 / kinds[&Variation::Singleton] as f64;
        assert!(
            (15.0..35.0).contains(&mean_words),
            "mean words {mean_words}"
        );
    }

    #[test]
    fn function_words_are_frequent() {
        let quotes = generate(&SynthConfig::new(5000, 9));
        let (mut func, mut all) = (0, 0);
        for q in quotes.iter().filter(|q| q.kind == Variation::Singleton) {
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
        for q in quotes.iter().filter(|q| q.kind == Variation::Exact) {
            assert_eq!(*exact.entry(q.statement).or_insert(&q.text), q.text);
        }
        let (mut same, mut drifted) = (0, 0);
        for q in &quotes {
            if let (Some(e), false) = (exact.get(&q.statement), q.kind == Variation::Exact) {
                drifted += 1;
                same += usize::from(*e == q.text);
                let words = q
                    .text
                    .split(|c: char| c.is_whitespace() || c == '—' || c == '…')
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count();
                match q.kind {
                    Variation::Fragment => assert!(words <= 2, "{q:?}"),
                    Variation::Piece => assert!(words >= 4, "{q:?}"),
                    Variation::Prefix | Variation::Suffix | Variation::Middle => {
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
}

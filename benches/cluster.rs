//! Clustering synthetic quotations: quotetrace against a naive all-pairs baseline.
//!
//! ```text
//! cargo bench --bench cluster
//! ```
//!
//! The criterion groups time `quotetrace::cluster` on 1k, 10k and 100k quotations and the
//! baseline on 1k. A summary follows with each at every size, the baseline at 10k included
//! (one run of about 30 s, too slow for criterion's ten samples): quotations per second, the
//! speed-up, and the quality of both against the generator's truth. See `README.md` here.
//!
//! The baseline compares every pair of quotations by word-level edit distance
//! (`strsim::generic_levenshtein` on the lower-cased word sequences, similarity
//! `1 - distance / longer length`) and joins pairs at or above [`NAIVE_THRESHOLD`] with
//! union-find. It sees the text only, not the documents or speakers quotetrace is given.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, BenchmarkId, Criterion, SamplingMode, Throughput};
use quotetrace::{cluster, ClusterConfig, ClusterItem};
use quotetrace_synth::{generate, score, SynthConfig, SynthQuote};

/// The baseline's similarity threshold: the best B³ F1 of 0.3–0.7 on these data, at 1k and 10k.
const NAIVE_THRESHOLD: f64 = 0.4;

/// Synthetic quotations with the owned document and speaker ids their items borrow.
struct Corpus {
    quotes: Vec<SynthQuote>,
    docs: Vec<String>,
    speakers: Vec<String>,
}

impl Corpus {
    fn new(n: usize) -> Self {
        let quotes = generate(&SynthConfig::new(n, 1));
        let docs = quotes.iter().map(|q| q.doc.to_string()).collect();
        let speakers = quotes.iter().map(|q| q.speaker.to_string()).collect();
        Corpus {
            quotes,
            docs,
            speakers,
        }
    }

    fn items(&self) -> Vec<ClusterItem<'_>> {
        self.quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                ClusterItem::new(&q.text)
                    .in_document(&self.docs[i])
                    .said_by(&self.speakers[i])
            })
            .collect()
    }

    fn texts(&self) -> Vec<&str> {
        self.quotes.iter().map(|q| q.text.as_str()).collect()
    }

    fn truth(&self) -> Vec<u32> {
        self.quotes.iter().map(|q| q.statement).collect()
    }
}

/// The baseline: every pair compared, similar pairs joined. Returns a cluster label per text.
fn naive_all_pairs(texts: &[&str], threshold: f64) -> Vec<usize> {
    let words = word_ids(texts);
    let mut parent: Vec<usize> = (0..texts.len()).collect();
    for i in 0..words.len() {
        for j in i + 1..words.len() {
            let longer = words[i].len().max(words[j].len());
            let distance = strsim::generic_levenshtein(&words[i], &words[j]);
            let similarity = if longer == 0 {
                1.0
            } else {
                1.0 - distance as f64 / longer as f64
            };
            if similarity >= threshold {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    (0..texts.len()).map(|i| root(&mut parent, i)).collect()
}

/// Each text as lower-cased words (letters, digits and apostrophes), interned as integers so
/// that the edit distance compares numbers rather than strings.
fn word_ids(texts: &[&str]) -> Vec<Vec<u32>> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    texts
        .iter()
        .map(|text| {
            text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let w = w.to_lowercase().replace('’', "'");
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect()
        })
        .collect()
}

/// Union-find root, halving the path on the way.
fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Criterion runs every benchmark once, unoptimised, under `cargo test --benches`; only
/// `cargo bench` passes `--bench`. The smoke test keeps to the smallest size, without summary.
fn bench_mode() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn sizes(all: &[usize]) -> Vec<usize> {
    if bench_mode() {
        all.to_vec()
    } else {
        all[..1].to_vec()
    }
}

fn label(n: usize) -> String {
    format!("{}k", n / 1000)
}

fn bench_quotetrace(c: &mut Criterion) {
    let mut group = c.benchmark_group("quotetrace");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1));
    for n in sizes(&[1_000, 10_000, 100_000]) {
        let corpus = Corpus::new(n);
        let items = corpus.items();
        let config = ClusterConfig::default();
        // Ten samples of 100k take about 25 s on two cores; asking for less only draws a warning.
        group.measurement_time(Duration::from_secs(if n >= 100_000 { 30 } else { 5 }));
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label(n)), &items, |b, items| {
            b.iter(|| cluster(black_box(items), &config))
        });
    }
    group.finish();
}

fn bench_naive(c: &mut Criterion) {
    let mut group = c.benchmark_group("naive_all_pairs");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    // 10k is left to the summary: one pass is about 30 s, and criterion wants ten.
    let n = 1_000;
    let corpus = Corpus::new(n);
    let texts = corpus.texts();
    group.throughput(Throughput::Elements(n as u64));
    group.bench_with_input(BenchmarkId::from_parameter(label(n)), &texts, |b, texts| {
        b.iter(|| naive_all_pairs(black_box(texts), NAIVE_THRESHOLD))
    });
    group.finish();
}

/// Timed runs of each clustering per size, with its quality: the speed-up as a ratio measured
/// on this machine in this run, and the evidence that it costs no quality.
fn summary() {
    println!(
        "\nsummary: median of runs within about a second (one run of the 10k baseline), seed 1"
    );
    for n in sizes(&[1_000, 10_000, 100_000]) {
        let corpus = Corpus::new(n);
        let truth = corpus.truth();
        let items = corpus.items();
        let (fast, clustering) = median_time(|| cluster(&items, &ClusterConfig::default()));
        report(n, "quotetrace", fast, None);
        println!("    {}", score(clustering.assignment(), &truth));
        if n > 10_000 {
            continue;
        }
        let texts = corpus.texts();
        let (slow, labels) = median_time(|| naive_all_pairs(&texts, NAIVE_THRESHOLD));
        report(n, "naive all-pairs", slow, Some(fast));
        println!("    {}", score(&labels, &truth));
    }
}

/// The median time of as many runs of `run` as fit in about a second (at least one), and the
/// result of the last.
fn median_time<R>(mut run: impl FnMut() -> R) -> (Duration, R) {
    let started = Instant::now();
    let mut times = Vec::new();
    loop {
        let start = Instant::now();
        let result = run();
        times.push(start.elapsed());
        if started.elapsed() >= Duration::from_secs(1) {
            times.sort_unstable();
            return (times[times.len() / 2], result);
        }
    }
}

fn report(n: usize, name: &str, took: Duration, quotetrace: Option<Duration>) {
    let secs = took.as_secs_f64();
    let ratio = quotetrace
        .map(|q| format!(", {:.0}x the time of quotetrace", secs / q.as_secs_f64()))
        .unwrap_or_default();
    println!(
        "{:>4} {name:<16} {:>9.3} s {:>10.0} quotations/s{ratio}",
        label(n),
        secs,
        n as f64 / secs.max(1e-9)
    );
}

criterion_group!(benches, bench_quotetrace, bench_naive);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    // Timings from an unoptimised smoke test would mean nothing.
    if bench_mode() && !std::env::args().any(|a| a == "--list") {
        summary();
    }
}

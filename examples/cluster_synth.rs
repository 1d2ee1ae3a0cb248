//! Clusters synthetic quotations with known truth and prints time, memory and quality.
//!
//! ```text
//! cargo run --release --example cluster_synth -- [QUOTES] [SEED] [MAX_POSTINGS] [MAX_CANDIDATES]
//! ```
//!
//! QUOTES defaults to 100000. Quality is B-cubed and pairwise precision/recall against the
//! generator's truth, with the size and purity of the largest cluster (runaway merging shows
//! there first). Peak memory is read from /proc where the system has it.

use std::time::Instant;

use quotetrace::{cluster, ClusterConfig, ClusterItem};
use quotetrace_synth::{generate, score, SynthConfig};

fn main() {
    let mut args = std::env::args().skip(1);
    let quotes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let mut config = ClusterConfig::default();
    if let Some(postings) = args.next().and_then(|a| a.parse().ok()) {
        config = config.max_postings(postings);
    }
    if let Some(candidates) = args.next().and_then(|a| a.parse().ok()) {
        config = config.max_candidates(candidates);
    }

    let started = Instant::now();
    let synthetic = generate(&SynthConfig::new(quotes, seed));
    let generated = started.elapsed();

    // Each document's and speaker's name once, as a caller holds them, not once per quotation.
    let names = |most: u32| (0..=most).map(|n| n.to_string()).collect::<Vec<_>>();
    let docs = names(synthetic.iter().map(|q| q.doc).max().unwrap_or(0));
    let speakers = names(synthetic.iter().map(|q| q.speaker).max().unwrap_or(0));
    let items: Vec<ClusterItem<'_>> = synthetic
        .iter()
        .map(|q| {
            ClusterItem::new(&q.text)
                .in_document(&docs[q.doc as usize])
                .said_by(&speakers[q.speaker as usize])
        })
        .collect();
    let started = Instant::now();
    let clustering = cluster(&items, &config);
    let clustered = started.elapsed();

    let truth: Vec<u32> = synthetic.iter().map(|q| q.statement).collect();
    let scores = score(clustering.assignment(), &truth);
    println!(
        "{quotes} quotations: generated in {:.2} s, clustered in {:.2} s ({:.0} quotations/s), peak memory {}",
        generated.as_secs_f64(),
        clustered.as_secs_f64(),
        quotes as f64 / clustered.as_secs_f64().max(1e-9),
        peak_memory().unwrap_or_else(|| "unknown".into())
    );
    println!("{scores}");
}

/// The process's peak resident memory, from /proc/self/status (Linux).
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.0} MiB", kib / 1024.0))
}

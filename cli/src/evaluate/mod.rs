//! `quotetrace evaluate`: measures quotetrace against a corpus with gold annotations (`gold.jsonl`, `speakers.json`, in
//! the format of the shared corpora's SPEC.md). Every figure agrees with the reference scorer
//! `../shared/tools/evaluate.py` run on the report of `quotetrace track CORPUS --json` (`--json` prints the
//! same object as `evaluate.py --json`; CI compares the two key by key).
//!
//!
//! - Matching: a detected quotation matches a gold one of the same document when their character
//!   spans have an intersection-over-union of at least 0.5, one-to-one, best first (candidates in
//!   descending order of IoU, then gold index, then detection index, as the reference's
//!   `cand.sort(reverse=True)`). Gold entries of kind `scare` are neutral: neither counted nor
//!   held against a detection that matches one.
//! - Speaker rule (the reference's `speaker_ok`): names are compared normalised (NFKC, lower case,
//!   every character but letters, digits, `_` and spaces removed). A speaker is right when it
//!   equals the gold speaker or one of its aliases in `speakers.json`, or when its last word is
//!   the head of the name of the gold speaker or of an alias: in the first comma-separated part
//!   (before any parenthesis) that holds one, the last word of the last run of capitalised words,
//!   lead-in words (`the`, `his`, `one`, …) left out, and runs after `of`, `at`, `from`, `in`,
//!   `for`, `on` or `to` (unless they start with a title: `Secretary of State John Kerry`), runs
//!   holding a possessive and runs of titles alone skipped (`Clinton campaign chairman John
//!   Podesta` → `podesta`; `Catherine, Princess of Wales` → `catherine`, so `Wales` is wrong).
//!   Where that head is an institution's head noun (`palace`, `ministry`, `party`, …), every word
//!   of ours must be a word of the gold name or an alias (`Buckingham Palace` is not `Kensington
//!   Palace`).
//! - Speaker accuracy (`speaker`): the share right of the matched gold quotations (not scare) with
//!   a gold speaker, ours missing counting as wrong. Speaker precision (`speaker-precision`): the
//!   share right of those among them to which we gave a speaker.
//! - Clusters: B-cubed over the matched gold quotations (not scare). The gate `cluster-f1` is the
//!   F1 with paraphrases left out, the reference's `cluster_f1_no_paraphrase` (its `cluster_f1`
//!   keeps them); `cluster-precision` is its precision (`cluster_p_no_paraphrase`).
//! - Outlet recall: for each gold cluster printed by two outlets or more (a document's outlet is
//!   its manifest's, or its id), the share of its outlets found in the predicted cluster that
//!   holds most of its matched quotations; with and without paraphrases (the gate
//!   `outlet-recall` is the one without, `outlet_recall_no_paraphrase`).
//! - Figures over nothing (no detection, no gold speaker, …) are 0, as in the reference; only the
//!   full/fragment agreement, which the reference does not measure, is 1 then.
//!
//! `--only PREFIX` and `--half even|odd` score a part of the corpus (the documents whose id starts
//! with PREFIX; the documents at even or odd positions of the manifest, counting from 0): only
//! those documents' gold quotations and detections are scored, while the tracker still runs on
//! the whole corpus. With `--min-…` thresholds the program exits with status 1 when a figure falls
//! below its threshold (CI uses this as a quality gate); `--json` then reports the failures on
//! stderr, so that stdout holds the JSON object alone.

mod gold;
mod misses;
mod scores;
mod speaker;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use quotetrace::{load, ClusterConfig, Document, Tracker};

use crate::Failure;
use gold::{char_offset, python_text, read_aliases, read_gold, Detected, Matching};
use misses::{print_misses, print_splits};
use scores::score;

/// Score quotetrace against a corpus's gold annotations (`gold.jsonl`, `speakers.json`).
///
/// Prints extraction, attribution and clustering figures; with `--min-…` gates, exits with
/// status 1 when a figure falls below its floor.
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  quotetrace evaluate ../shared/corpora/world --half odd --min-speaker 0.8"
)]
pub(crate) struct Args {
    /// The corpus folder, with its gold.
    corpus: PathBuf,
    /// Print the figures as the reference scorer's `--json` object (gate failures go to stderr).
    #[arg(long, conflicts_with_all = ["misses", "clusters"])]
    json: bool,
    /// Score only the documents at even or odd positions of the manifest (counting from 0).
    #[arg(long, value_enum)]
    half: Option<Half>,
    /// Score only the documents whose id starts with PREFIX.
    #[arg(long, value_name = "PREFIX")]
    only: Option<String>,
    /// List the gold quotations missed, the wrong speakers and the false detections.
    #[arg(long)]
    misses: bool,
    /// List the gold clusters split and the predicted clusters merging several.
    #[arg(long)]
    clusters: bool,
    #[command(flatten)]
    gates: Gates,
    /// Clustering setting to try: the variant similarity.
    #[arg(long, value_name = "X")]
    variant: Option<f64>,
    /// Clustering setting to try: the fragment similarity.
    #[arg(long, value_name = "X")]
    fragment: Option<f64>,
    /// Clustering setting to try: the fewest words a fragment needs to be placed by its words.
    #[arg(long, value_name = "N")]
    min_words: Option<usize>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Half {
    Even,
    Odd,
}

/// The quality gates: each fails the run when its figure is below the floor given.
#[derive(clap::Args)]
struct Gates {
    /// Floor of extraction precision.
    #[arg(long, value_name = "X")]
    min_precision: Option<f64>,
    /// Floor of extraction recall.
    #[arg(long, value_name = "X")]
    min_recall: Option<f64>,
    /// Floor of extraction F1.
    #[arg(long, value_name = "X")]
    min_f1: Option<f64>,
    /// Floor of the recall of full quotations.
    #[arg(long, value_name = "X")]
    min_full_recall: Option<f64>,
    /// Floor of the full/fragment agreement.
    #[arg(long, value_name = "X")]
    min_kind: Option<f64>,
    /// Floor of speaker accuracy.
    #[arg(long, value_name = "X")]
    min_speaker: Option<f64>,
    /// Floor of speaker precision.
    #[arg(long, value_name = "X")]
    min_speaker_precision: Option<f64>,
    /// Floor of the B-cubed F1 of clusters, paraphrases left out.
    #[arg(long, value_name = "X")]
    min_cluster_f1: Option<f64>,
    /// Floor of the B-cubed precision of clusters, paraphrases left out.
    #[arg(long, value_name = "X")]
    min_cluster_precision: Option<f64>,
    /// Floor of outlet recall, paraphrases left out.
    #[arg(long, value_name = "X")]
    min_outlet_recall: Option<f64>,
}

impl Gates {
    /// The gates given, by the name of their figure (see `Scores::get`), in a fixed order.
    fn given(&self) -> impl Iterator<Item = (&'static str, f64)> {
        [
            ("precision", self.min_precision),
            ("recall", self.min_recall),
            ("f1", self.min_f1),
            ("full-recall", self.min_full_recall),
            ("kind", self.min_kind),
            ("speaker", self.min_speaker),
            ("speaker-precision", self.min_speaker_precision),
            ("cluster-f1", self.min_cluster_f1),
            ("cluster-precision", self.min_cluster_precision),
            ("outlet-recall", self.min_outlet_recall),
        ]
        .into_iter()
        .filter_map(|(name, min)| Some((name, min?)))
    }
}

impl Args {
    fn cluster_config(&self) -> ClusterConfig {
        let mut config = ClusterConfig::default();
        if let Some(x) = self.variant {
            config = config.variant_similarity(x);
        }
        if let Some(x) = self.fragment {
            config = config.fragment_similarity(x);
        }
        if let Some(n) = self.min_words {
            config = config.min_words(n);
        }
        config
    }
}

/// Runs `quotetrace evaluate`: tracks the corpus, scores the part asked for, prints the figures
/// and checks the gates.
pub(crate) fn run(args: Args) -> Result<(), Failure> {
    let documents = load(&args.corpus).map_err(Failure::input)?;
    let manifest = manifest(&documents);
    let texts = reference_texts(&documents);
    let mut gold = read_gold(&args.corpus.join("gold.jsonl"), &texts).map_err(Failure::Input)?;
    let aliases = read_aliases(&args.corpus.join("speakers.json")).map_err(Failure::Input)?;
    let outlets: HashMap<&str, &str> = manifest
        .iter()
        .map(|(id, outlet)| (id.as_str(), outlet.as_str()))
        .collect();

    let all_documents = documents.len();
    let (mut detected, rate) = track(documents, args.cluster_config(), &texts)?;

    // The part of the corpus scored: gold and detections of the documents kept, in order.
    let keep = kept(&manifest, args.only.as_deref(), args.half);
    gold.retain(|g| keep.contains(g.doc.as_str()));
    detected.retain(|d| keep.contains(d.doc.as_str()));

    let matching = Matching::new(&gold, &detected);
    let scores = score(&matching, &aliases, &outlets);
    if args.json {
        println!("{}", scores.json());
    } else {
        println!("corpus: {}", args.corpus.display());
        println!(
            "documents: {}{}  gold: {}  detected: {}  ({rate:.1} MB/s incl. attribution, whole corpus)",
            keep.len(),
            part_scored(all_documents, args.only.as_deref(), args.half),
            gold.len(),
            detected.len(),
        );
        scores.print();
        if args.misses {
            print_misses(&matching, &aliases);
        }
        if args.clusters {
            print_splits(&matching, &texts);
        }
    }
    gates_hold(&args, &scores)
}

/// The documents in manifest order (as the loader keeps them) with their outlets, each its id
/// where it has none: the reference's order for `--half` and its outlets.
fn manifest(documents: &[Document]) -> Vec<(String, String)> {
    documents
        .iter()
        .map(|d| {
            let outlet = d.outlet.clone().filter(|o| !o.is_empty());
            (d.id.clone(), outlet.unwrap_or_else(|| d.id.clone()))
        })
        .collect()
}

/// Each document's text as the reference reads it, for character offsets, by document id.
fn reference_texts(documents: &[Document]) -> HashMap<String, String> {
    documents
        .iter()
        .map(|d| (d.id.clone(), python_text(&d.text).into_owned()))
        .collect()
}

/// Tracks every document with `config`; returns the quotations found and the throughput in
/// MB/s.
fn track(
    documents: Vec<Document>,
    config: ClusterConfig,
    texts: &HashMap<String, String>,
) -> Result<(Vec<Detected>, f64), Failure> {
    let started = std::time::Instant::now();
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let mut tracker = Tracker::with_config(config);
    tracker.extend(documents).map_err(Failure::input)?;
    let detected = detections(&tracker, texts);
    let rate = bytes as f64 / 1e6 / started.elapsed().as_secs_f64().max(1e-9);
    Ok((detected, rate))
}

/// Every quotation the tracker found, placed by character offsets in the reference's texts.
fn detections(tracker: &Tracker, texts: &HashMap<String, String>) -> Vec<Detected> {
    tracker
        .quotes()
        .map(|q| {
            let text = texts.get(&q.document.id).map_or("", String::as_str);
            let span = q.quotation.span.clone();
            Detected {
                cluster: q.cluster,
                kind: match q.quotation.kind {
                    quotetrace::QuoteKind::Full => "full",
                    _ => "fragment",
                },
                doc: q.document.id.clone(),
                start: span.start,
                span: (char_offset(text, span.start), char_offset(text, span.end)),
                text: q.text.to_string(),
                speaker: q.speaker.map(str::to_string),
            }
        })
        .collect()
}

/// The ids of the documents scored: those starting with `only`, at the `half`'s positions.
fn kept<'m>(
    manifest: &'m [(String, String)],
    only: Option<&str>,
    half: Option<Half>,
) -> HashSet<&'m str> {
    let parity = half.map(|half| match half {
        Half::Even => 0,
        Half::Odd => 1,
    });
    manifest
        .iter()
        .enumerate()
        .filter(|(i, _)| parity.is_none_or(|p| i % 2 == p))
        .map(|(_, (id, _))| id.as_str())
        .filter(|id| only.is_none_or(|prefix| id.starts_with(prefix)))
        .collect()
}

/// ` of N (ids starting with "m", the odd half)` when only a part of the corpus is scored.
fn part_scored(all_documents: usize, only: Option<&str>, half: Option<Half>) -> String {
    let mut what = Vec::new();
    if let Some(prefix) = only {
        what.push(format!("ids starting with {prefix:?}"));
    }
    match half {
        Some(Half::Even) => what.push("the even half".to_string()),
        Some(Half::Odd) => what.push("the odd half".to_string()),
        None => {}
    }
    if what.is_empty() {
        String::new()
    } else {
        format!(" of {all_documents} ({})", what.join(", "))
    }
}

/// Checks every gate given, reporting each that fails (on stderr with `--json`, so that stdout
/// holds the JSON object alone).
fn gates_hold(args: &Args, scores: &scores::Scores) -> Result<(), Failure> {
    let mut ok = true;
    for (name, min) in args.gates.given() {
        let value = scores.get(name).map_err(Failure::Input)?;
        if value < min {
            let message = format!("GATE FAILED: {name} = {value:.3} < {min}");
            if args.json {
                eprintln!("{message}");
            } else {
                println!("{message}");
            }
            ok = false;
        }
    }
    if ok {
        Ok(())
    } else {
        Err(Failure::Other(None))
    }
}

//! Measures quotetrace against a corpus with gold annotations (`gold.jsonl`, `speakers.json`, in
//! the format of the shared corpora's SPEC.md).
//!
//! ```text
//! cargo run --release --example evaluate -- CORPUS_DIR [--misses] [--clusters]
//!     [--min-f1 X] [--min-recall X] [--min-full-recall X] [--min-speaker X] [--min-cluster-f1 X]
//!     [--variant X] [--fragment X] [--min-words N]   (clustering settings to try)
//! ```
//!
//! Matching rule: a detected quotation matches a gold one of the same document when their
//! character spans have an intersection-over-union of at least 0.5, one-to-one, best overlap first.
//! Gold entries of kind `scare` are neutral. A speaker is right when it equals the gold name or one
//! of its aliases, or has the same last word (possessive `'s` ignored). Where the gold speaker is
//! source text with a description after the name (`Rep. Elijah Cummings, the top Democrat on the
//! Oversight Committee,`), the name is what precedes the first comma, parenthesis or ` of `. With `--min-…` thresholds the program exits with
//! status 1 when a figure falls below its threshold (CI uses this as a quality gate).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use quotetrace::{load, ClusterConfig, Tracker};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Gold {
    doc: String,
    text: String,
    speaker: Option<String>,
    #[serde(default)]
    cluster: String,
    kind: String,
    start: usize,
    end: usize,
}

struct Detected {
    cluster: usize,
    kind: &'static str,
    doc: String,
    start: usize,
    end: usize,
    text: String,
    speaker: Option<String>,
}

#[derive(Default)]
struct Args {
    corpus: PathBuf,
    misses: bool,
    clusters: bool,
    gates: Vec<(String, f64)>,
    config: ClusterConfig,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args::default();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--misses" => args.misses = true,
            "--clusters" => args.clusters = true,
            "--variant" | "--fragment" | "--min-words" => {
                let value = it.next().ok_or(format!("{a} needs a value"))?;
                let number: f64 = value.parse().map_err(|_| format!("{a}: bad number"))?;
                args.config = match a.as_str() {
                    "--variant" => args.config.variant_similarity(number),
                    "--fragment" => args.config.fragment_similarity(number),
                    _ => args.config.min_words(number as usize),
                };
            }
            gate if gate.starts_with("--min-") => {
                let value = it.next().ok_or(format!("{gate} needs a value"))?;
                let value: f64 = value.parse().map_err(|_| format!("{gate}: bad number"))?;
                args.gates
                    .push((gate.trim_start_matches("--min-").to_string(), value));
            }
            path => args.corpus = PathBuf::from(path),
        }
    }
    if args.corpus.as_os_str().is_empty() {
        return Err(
            "usage: evaluate CORPUS_DIR [--misses] [--min-f1 X] [--min-recall X] \
                    [--min-full-recall X] [--min-speaker X]"
                .into(),
        );
    }
    Ok(args)
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let args = parse_args()?;
    let documents = load(&args.corpus)?;
    let gold = read_gold(&args.corpus.join("gold.jsonl"))?;
    let aliases = read_aliases(&args.corpus.join("speakers.json"))?;
    let texts: HashMap<String, String> = documents
        .iter()
        .map(|d| (d.id.clone(), d.text.clone()))
        .collect();

    let started = std::time::Instant::now();
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let mut tracker = Tracker::with_config(args.config.clone());
    tracker.extend(documents)?;
    let detected: Vec<Detected> = tracker
        .quotes()
        .map(|q| Detected {
            cluster: q.cluster,
            kind: match q.quotation.kind {
                quotetrace::QuoteKind::Full => "full",
                _ => "fragment",
            },
            doc: q.document.id.clone(),
            start: q.quotation.span.start,
            end: q.quotation.span.end,
            text: q.text.to_string(),
            speaker: q.speaker.map(str::to_string),
        })
        .collect();
    let elapsed = started.elapsed();

    let pairs = match_spans(&gold, &detected, &texts);
    let scores = score(&gold, &detected, &pairs, &aliases);
    println!("corpus: {}", args.corpus.display());
    println!(
        "documents: {}  gold: {}  detected: {}  ({:.1} MB/s incl. attribution)",
        texts.len(),
        gold.len(),
        detected.len(),
        bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9)
    );
    scores.print();
    print_clusters(&gold, &detected, &pairs);
    if args.misses {
        print_misses(&gold, &detected, &pairs, &aliases);
    }
    if args.clusters {
        print_splits(&gold, &detected, &pairs, &texts);
    }
    let mut ok = true;
    for (name, min) in &args.gates {
        let value = scores
            .get(name)
            .ok_or(format!("unknown gate --min-{name}"))?;
        if value < *min {
            println!("GATE FAILED: {name} = {value:.3} < {min}");
            ok = false;
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn read_gold(path: &Path) -> Result<Vec<Gold>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let g: Gold =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
        out.push(g);
    }
    Ok(out)
}

/// Lower-cased name → its canonical name, for every alias in `speakers.json`.
fn read_aliases(path: &Path) -> Result<HashMap<String, String>, Box<dyn std::error::Error>> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Ok(HashMap::new());
    };
    let map: HashMap<String, Vec<String>> = serde_json::from_str(&text)?;
    let mut out = HashMap::new();
    for (name, list) in map {
        for alias in list.iter().chain(std::iter::once(&name)) {
            out.insert(alias.to_lowercase(), name.clone());
        }
    }
    Ok(out)
}

/// Character offset of each byte offset, so that overlaps are measured in characters.
fn char_offset(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text.char_indices().take_while(|(i, _)| *i < byte).count()
}

fn iou(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = a.1.max(b.1) - a.0.min(b.0);
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// One-to-one matching of gold (index) to detected (index), best overlap first.
fn match_spans(
    gold: &[Gold],
    detected: &[Detected],
    texts: &HashMap<String, String>,
) -> Vec<(usize, usize)> {
    let chars = |doc: &str, s: usize, e: usize| {
        let text = texts.get(doc).map_or("", String::as_str);
        (char_offset(text, s), char_offset(text, e))
    };
    let mut candidates = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let gs = chars(&g.doc, g.start, g.end);
        for (di, d) in detected.iter().enumerate().filter(|(_, d)| d.doc == g.doc) {
            let overlap = iou(gs, chars(&d.doc, d.start, d.end));
            if overlap >= 0.5 {
                candidates.push((overlap, gi, di));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let (mut gold_used, mut det_used) = (vec![false; gold.len()], vec![false; detected.len()]);
    let mut pairs = Vec::new();
    for (_, gi, di) in candidates {
        if !gold_used[gi] && !det_used[di] {
            gold_used[gi] = true;
            det_used[di] = true;
            pairs.push((gi, di));
        }
    }
    pairs
}

/// The last word of a name, without possessive or punctuation, in lower case.
fn last_word(s: &str) -> String {
    let word = s
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    word.to_lowercase()
}

/// The name part of a gold speaker annotated as source text with its description
/// (`Rep. Elijah Cummings, the top Democrat on the Oversight Committee,`): what comes before the
/// first comma, parenthesis or ` of `.
fn gold_name(gold: &str) -> &str {
    let cut = [", ", " (", " of "]
        .iter()
        .filter_map(|sep| gold.find(sep))
        .min()
        .unwrap_or(gold.len());
    &gold[..cut]
}

fn speaker_right(gold: &str, ours: &str, aliases: &HashMap<String, String>) -> bool {
    let ours_last = last_word(ours);
    ours.eq_ignore_ascii_case(gold)
        || aliases.get(&ours.to_lowercase()).is_some_and(|c| c == gold)
        || ours_last == last_word(gold)
        || ours_last == last_word(gold_name(gold))
}

#[derive(Default)]
struct Scores {
    precision: f64,
    recall: f64,
    f1: f64,
    full_recall: f64,
    kind: f64,
    speaker: f64,
    speaker_precision: f64,
    /// Cluster B-cubed F1 over matched gold quotations (not scare, not paraphrase), when the
    /// gold has clusters.
    cluster_f1: Option<f64>,
    counts: String,
}

impl Scores {
    fn get(&self, name: &str) -> Option<f64> {
        Some(match name {
            "precision" => self.precision,
            "recall" => self.recall,
            "f1" => self.f1,
            "full-recall" => self.full_recall,
            "kind" => self.kind,
            "speaker" => self.speaker,
            "speaker-precision" => self.speaker_precision,
            "cluster-f1" => self.cluster_f1?,
            _ => return None,
        })
    }

    fn print(&self) {
        println!("{}", self.counts);
        println!(
            "extraction  precision {:.3}  recall {:.3}  F1 {:.3}",
            self.precision, self.recall, self.f1
        );
        println!(
            "full-quote recall {:.3}   full/fragment agreement {:.3}",
            self.full_recall, self.kind
        );
        println!(
            "speaker accuracy {:.3}  (of matched gold with a speaker)   speaker precision {:.3}  \
             (of our speakers on matched gold with a speaker)",
            self.speaker, self.speaker_precision
        );
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn score(
    gold: &[Gold],
    detected: &[Detected],
    pairs: &[(usize, usize)],
    aliases: &HashMap<String, String>,
) -> Scores {
    let scare = |g: &Gold| g.kind == "scare";
    let tp = pairs.iter().filter(|(g, _)| !scare(&gold[*g])).count();
    let neutral = pairs.iter().filter(|(g, _)| scare(&gold[*g])).count();
    let gold_n = gold.iter().filter(|g| !scare(g)).count();
    let precision = ratio(tp, detected.len() - neutral);
    let recall = ratio(tp, gold_n);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    let full_n = gold.iter().filter(|g| g.kind == "full").count();
    let full_hit = pairs
        .iter()
        .filter(|(g, _)| gold[*g].kind == "full")
        .count();
    let kinds: Vec<bool> = pairs
        .iter()
        .filter(|(g, _)| matches!(gold[*g].kind.as_str(), "full" | "fragment"))
        .map(|&(g, d)| gold[g].kind == detected[d].kind)
        .collect();
    let kind = ratio(kinds.iter().filter(|k| **k).count(), kinds.len());
    let (mut with_speaker, mut right, mut said) = (0, 0, 0);
    for &(g, d) in pairs.iter().filter(|(g, _)| !scare(&gold[*g])) {
        let Some(gs) = &gold[g].speaker else { continue };
        with_speaker += 1;
        if let Some(ours) = &detected[d].speaker {
            said += 1;
            if speaker_right(gs, ours, aliases) {
                right += 1;
            }
        }
    }
    Scores {
        precision,
        recall,
        f1,
        full_recall: ratio(full_hit, full_n),
        kind,
        cluster_f1: gold
            .iter()
            .any(|g| !g.cluster.is_empty())
            .then(|| bcubed(gold, detected, pairs, quoted).map(|b| b.2))
            .flatten(),
        speaker: ratio(right, with_speaker),
        speaker_precision: ratio(right, said),
        counts: format!(
            "matched {tp} of {gold_n} gold (+{neutral} scare), {} detected; full {full_hit}/{full_n}; \
             speakers right {right}/{with_speaker} (gave {said})",
            detected.len()
        ),
    }
}

fn print_misses(
    gold: &[Gold],
    detected: &[Detected],
    pairs: &[(usize, usize)],
    aliases: &HashMap<String, String>,
) {
    let gold_hit: HashMap<usize, usize> = pairs.iter().copied().collect();
    let det_hit: std::collections::HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    println!("\n-- missed gold --");
    for (i, g) in gold.iter().enumerate() {
        if !gold_hit.contains_key(&i) && g.kind != "scare" {
            println!("MISS {} [{}] {:?}", g.doc, g.kind, g.text);
        }
    }
    println!("\n-- detections matching no gold --");
    for (i, d) in detected.iter().enumerate() {
        if !det_hit.contains(&i) {
            println!("FP   {} {:?}", d.doc, d.text);
        }
    }
    println!("\n-- wrong or missing speakers --");
    let mut sorted = pairs.to_vec();
    sorted.sort_unstable();
    for (g, d) in sorted {
        let (Some(gs), ours) = (&gold[g].speaker, &detected[d].speaker) else {
            continue;
        };
        if !ours
            .as_deref()
            .is_some_and(|o| speaker_right(gs, o, aliases))
        {
            println!(
                "SPK  {}@{} gold {:?} ours {:?}: {:?}",
                gold[g].doc, gold[g].start, gs, ours, gold[g].text
            );
        }
    }
}

/// B-cubed precision, recall and F1 of the predicted clusters over the matched gold quotations
/// for which `include` holds.
fn bcubed(
    gold: &[Gold],
    detected: &[Detected],
    pairs: &[(usize, usize)],
    include: impl Fn(&Gold) -> bool,
) -> Option<(f64, f64, f64, usize)> {
    let items: Vec<(&str, usize)> = pairs
        .iter()
        .filter(|(g, _)| include(&gold[*g]))
        .map(|&(g, d)| (gold[g].cluster.as_str(), detected[d].cluster))
        .collect();
    if items.is_empty() {
        return None;
    }
    let mut both: HashMap<(&str, usize), usize> = HashMap::new();
    let mut by_gold: HashMap<&str, usize> = HashMap::new();
    let mut by_ours: HashMap<usize, usize> = HashMap::new();
    for &(g, p) in &items {
        *both.entry((g, p)).or_default() += 1;
        *by_gold.entry(g).or_default() += 1;
        *by_ours.entry(p).or_default() += 1;
    }
    let n = items.len() as f64;
    let precision = items
        .iter()
        .map(|k| both[k] as f64 / by_ours[&k.1] as f64)
        .sum::<f64>()
        / n;
    let recall = items
        .iter()
        .map(|k| both[k] as f64 / by_gold[k.0] as f64)
        .sum::<f64>()
        / n;
    let f1 = 2.0 * precision * recall / (precision + recall);
    Some((precision, recall, f1, items.len()))
}

/// The gold quotations that clustering is measured on: somebody's own words, recognisable.
fn quoted(g: &Gold) -> bool {
    !matches!(g.kind.as_str(), "scare" | "paraphrase")
}

fn print_clusters(gold: &[Gold], detected: &[Detected], pairs: &[(usize, usize)]) {
    if gold.iter().all(|g| g.cluster.is_empty()) {
        return;
    }
    if let Some((p, r, f, n)) = bcubed(gold, detected, pairs, quoted) {
        println!("clusters B-cubed  precision {p:.3}  recall {r:.3}  F1 {f:.3}  ({n} quotations)");
    }
    if let Some((p, r, f, n)) = bcubed(gold, detected, pairs, |g| g.kind != "scare") {
        println!(
            "clusters B-cubed with paraphrases  precision {p:.3}  recall {r:.3}  F1 {f:.3}  ({n})"
        );
    }
}

/// The paragraph (0-based, counted by blank-line or line breaks) a byte offset falls in.
fn paragraph_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())]
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .count()
        .saturating_sub(1)
}

/// Every gold cluster our clustering split (with its pieces) and every cluster of ours that
/// merged gold clusters, over the matched gold quotations clustering is measured on.
fn print_splits(
    gold: &[Gold],
    detected: &[Detected],
    pairs: &[(usize, usize)],
    texts: &HashMap<String, String>,
) {
    let mut sorted = pairs.to_vec();
    sorted.sort_unstable();
    let line = |g: usize, d: usize| {
        let (gq, dq) = (&gold[g], &detected[d]);
        let text = texts.get(&dq.doc).map_or("", String::as_str);
        format!(
            "      {} p{} [{}] spk={:?} ours={:?}: {:?}",
            dq.doc,
            paragraph_of(text, dq.start),
            gq.kind,
            gq.speaker,
            dq.speaker,
            dq.text
        )
    };
    let mut by_gold: std::collections::BTreeMap<&str, Vec<(usize, usize)>> = Default::default();
    let mut by_ours: std::collections::BTreeMap<usize, Vec<(usize, usize)>> = Default::default();
    for &(g, d) in sorted.iter().filter(|(g, _)| quoted(&gold[*g])) {
        by_gold.entry(&gold[g].cluster).or_default().push((g, d));
        by_ours.entry(detected[d].cluster).or_default().push((g, d));
    }
    println!("\n-- gold clusters split --");
    for (name, members) in &by_gold {
        let mut ours: Vec<usize> = members.iter().map(|&(_, d)| detected[d].cluster).collect();
        ours.sort_unstable();
        ours.dedup();
        if ours.len() < 2 {
            continue;
        }
        println!("SPLIT {name} into {} of ours", ours.len());
        for c in ours {
            println!("   ours #{c}");
            for &(g, d) in members.iter().filter(|&&(_, d)| detected[d].cluster == c) {
                println!("{}", line(g, d));
            }
        }
    }
    println!("\n-- clusters of ours merging gold clusters --");
    for (c, members) in &by_ours {
        let mut golds: Vec<&str> = members
            .iter()
            .map(|&(g, _)| gold[g].cluster.as_str())
            .collect();
        golds.sort_unstable();
        golds.dedup();
        if golds.len() < 2 {
            continue;
        }
        println!("MERGE ours #{c}: {golds:?}");
        for &(g, d) in members {
            println!("   {} {}", gold[g].cluster, line(g, d).trim_start());
        }
    }
}

//! Measures quotetrace against a corpus with gold annotations (`gold.jsonl`, `speakers.json`, in
//! the format of the shared corpora's SPEC.md). Every figure agrees with the reference scorer
//! `../shared/tools/evaluate.py` run on the report of `track CORPUS --json` (`--json` prints the
//! same object as `evaluate.py --json`; CI compares the two key by key).
//!
//! ```text
//! cargo run --release --example evaluate -- CORPUS_DIR [--json] [--half even|odd] [--only PREFIX]
//!     [--misses] [--clusters]
//!     [--min-f1 X] [--min-precision X] [--min-recall X] [--min-full-recall X] [--min-kind X]
//!     [--min-speaker X] [--min-speaker-precision X] [--min-cluster-f1 X]
//!     [--min-cluster-precision X] [--min-outlet-recall X]
//!     [--variant X] [--fragment X] [--min-words N]   (clustering settings to try)
//! ```
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

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use quotetrace::{load, ClusterConfig, Tracker};
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

const USAGE: &str = "usage: evaluate CORPUS_DIR [--json] [--half even|odd] [--only PREFIX] \
                     [--misses] [--clusters] [--min-f1 X] [--min-precision X] [--min-recall X] \
                     [--min-full-recall X] [--min-kind X] [--min-speaker X] \
                     [--min-speaker-precision X] [--min-cluster-f1 X] \
                     [--min-cluster-precision X] [--min-outlet-recall X] [--variant X] \
                     [--fragment X] [--min-words N]";

/// The figures a `--min-NAME X` gate may name (see [`Scores::get`]).
const GATES: &[&str] = &[
    "precision",
    "recall",
    "f1",
    "full-recall",
    "kind",
    "speaker",
    "speaker-precision",
    "cluster-f1",
    "cluster-precision",
    "outlet-recall",
];

/// A line of `gold.jsonl`.
#[derive(Debug, Deserialize)]
struct GoldLine {
    doc: String,
    text: String,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    cluster: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    start: Option<usize>,
    #[serde(default)]
    end: Option<usize>,
}

/// A gold quotation, placed in its document.
struct Gold {
    doc: String,
    text: String,
    speaker: Option<String>,
    cluster: Option<String>,
    kind: Option<String>,
    /// Byte offset in the document.
    start: usize,
    /// Character span, as the reference measures overlaps.
    span: (usize, usize),
}

impl Gold {
    fn is(&self, kind: &str) -> bool {
        self.kind.as_deref() == Some(kind)
    }
}

struct Detected {
    cluster: usize,
    kind: &'static str,
    doc: String,
    /// Byte offset in the document.
    start: usize,
    /// Character span.
    span: (usize, usize),
    text: String,
    speaker: Option<String>,
}

#[derive(Clone, Copy)]
enum Half {
    Even,
    Odd,
}

#[derive(Default)]
struct Args {
    help: bool,
    corpus: PathBuf,
    json: bool,
    half: Option<Half>,
    only: Option<String>,
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
            "-h" | "--help" => args.help = true,
            "--json" => args.json = true,
            "--misses" => args.misses = true,
            "--clusters" => args.clusters = true,
            "--half" => {
                args.half = Some(match it.next().as_deref() {
                    Some("even") => Half::Even,
                    Some("odd") => Half::Odd,
                    _ => return Err("--half needs `even` or `odd`".into()),
                });
            }
            "--only" => args.only = Some(it.next().ok_or("--only needs a document id prefix")?),
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
                let name = gate.trim_start_matches("--min-");
                if !GATES.contains(&name) {
                    return Err(format!("unknown gate {gate} (gates: {})", GATES.join(", ")));
                }
                let value = it.next().ok_or(format!("{gate} needs a value"))?;
                let value: f64 = value.parse().map_err(|_| format!("{gate}: bad number"))?;
                args.gates.push((name.to_string(), value));
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{USAGE}"))
            }
            _ if !args.corpus.as_os_str().is_empty() => {
                return Err(format!("more than one CORPUS_DIR\n{USAGE}"))
            }
            path => args.corpus = PathBuf::from(path),
        }
    }
    if args.corpus.as_os_str().is_empty() && !args.help {
        return Err(USAGE.into());
    }
    if args.json && (args.misses || args.clusters) {
        return Err("--json prints the figures alone: leave out --misses and --clusters".into());
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
    if args.help {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    let documents = load(&args.corpus)?;
    // The documents in manifest order (as the loader keeps them) with their outlets, each its
    // id where it has none: the reference's order for `--half` and its outlets.
    let manifest: Vec<(String, String)> = documents
        .iter()
        .map(|d| {
            let outlet = d.outlet.clone().filter(|o| !o.is_empty());
            (d.id.clone(), outlet.unwrap_or_else(|| d.id.clone()))
        })
        .collect();
    // Each text as the reference reads it, for character offsets.
    let texts: HashMap<String, String> = documents
        .iter()
        .map(|d| (d.id.clone(), python_text(&d.text).into_owned()))
        .collect();
    let gold = read_gold(&args.corpus.join("gold.jsonl"), &texts)?;
    let aliases = read_aliases(&args.corpus.join("speakers.json"))?;
    let outlets: HashMap<&str, &str> = manifest
        .iter()
        .map(|(id, outlet)| (id.as_str(), outlet.as_str()))
        .collect();

    let started = std::time::Instant::now();
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let all_documents = documents.len();
    let mut tracker = Tracker::with_config(args.config.clone());
    tracker.extend(documents)?;
    let detected: Vec<Detected> = tracker
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
        .collect();
    let elapsed = started.elapsed();

    // The part of the corpus scored: gold and detections of the documents kept, in order.
    let mut keep: HashSet<&str> = manifest.iter().map(|(id, _)| id.as_str()).collect();
    if let Some(prefix) = &args.only {
        keep.retain(|id| id.starts_with(prefix.as_str()));
    }
    if let Some(half) = args.half {
        let parity = match half {
            Half::Even => 0,
            Half::Odd => 1,
        };
        let at_parity: HashSet<&str> = manifest
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 2 == parity)
            .map(|(_, (id, _))| id.as_str())
            .collect();
        keep.retain(|id| at_parity.contains(id));
    }
    let gold: Vec<Gold> = gold
        .into_iter()
        .filter(|g| keep.contains(g.doc.as_str()))
        .collect();
    let detected: Vec<Detected> = detected
        .into_iter()
        .filter(|d| keep.contains(d.doc.as_str()))
        .collect();

    let (gold_match, det_match) = match_spans(&gold, &detected);
    let scores = score(
        &gold,
        &detected,
        &gold_match,
        &det_match,
        &aliases,
        &outlets,
    );
    if args.json {
        println!("{}", scores.json());
    } else {
        println!("corpus: {}", args.corpus.display());
        let part = match (&args.only, args.half) {
            (None, None) => String::new(),
            (only, half) => {
                let mut what = Vec::new();
                if let Some(prefix) = only {
                    what.push(format!("ids starting with {prefix:?}"));
                }
                if let Some(half) = half {
                    what.push(
                        match half {
                            Half::Even => "the even half",
                            Half::Odd => "the odd half",
                        }
                        .to_string(),
                    );
                }
                format!(" of {all_documents} ({})", what.join(", "))
            }
        };
        println!(
            "documents: {}{part}  gold: {}  detected: {}  ({:.1} MB/s incl. attribution, whole corpus)",
            keep.len(),
            gold.len(),
            detected.len(),
            bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9)
        );
        scores.print();
        if args.misses {
            print_misses(&gold, &detected, &gold_match, &det_match, &aliases);
        }
        if args.clusters {
            print_splits(&gold, &detected, &gold_match, &texts);
        }
    }
    let mut ok = true;
    for (name, min) in &args.gates {
        let value = scores.get(name)?;
        if value < *min {
            let message = format!("GATE FAILED: {name} = {value:.3} < {min}");
            if args.json {
                eprintln!("{message}");
            } else {
                println!("{message}");
            }
            ok = false;
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The non-blank lines of a JSON Lines file, numbered from 1.
fn json_lines(path: &Path) -> Result<Vec<(usize, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect())
}

/// The gold quotations, placed as the reference places them: by their byte offsets (which must
/// hold their text), or, for an entry without offsets, by searching its text from just after the
/// previous one searched in its document (then from the start).
fn read_gold(path: &Path, texts: &HashMap<String, String>) -> Result<Vec<Gold>, String> {
    let mut out = Vec::new();
    let mut searched_to: HashMap<String, usize> = HashMap::new();
    for (line_no, line) in json_lines(path)? {
        let at = format!("{}:{line_no}", path.display());
        let g: GoldLine = serde_json::from_str(&line).map_err(|e| format!("{at}: {e}"))?;
        let text = texts
            .get(&g.doc)
            .ok_or(format!("{at}: document {:?} is not in the corpus", g.doc))?;
        let start = match (g.start, g.end) {
            (Some(start), Some(end)) => {
                let len = text.len();
                let (s, e) = (start.min(len), end.min(len));
                if &text.as_bytes()[s..e.max(s)] != g.text.as_bytes() {
                    return Err(format!(
                        "{at}: gold offsets do not match text in doc {}: {:?}",
                        g.doc,
                        g.text.chars().take(60).collect::<String>()
                    ));
                }
                start
            }
            (Some(_), None) => return Err(format!("{at}: `start` without `end`")),
            _ => {
                let from = searched_to.get(&g.doc).copied().unwrap_or(0);
                let found = text
                    .get(from..)
                    .and_then(|rest| rest.find(&g.text))
                    .map(|i| i + from)
                    .or_else(|| text.find(&g.text))
                    .ok_or(format!(
                        "{at}: gold text not in doc {}: {:?}",
                        g.doc,
                        g.text.chars().take(60).collect::<String>()
                    ))?;
                // Searching on from the next character (past the end when there is none).
                let next = text[found..].chars().next().map_or(1, char::len_utf8);
                searched_to.insert(g.doc.clone(), found + next);
                found
            }
        };
        let s = char_offset(text, start);
        out.push(Gold {
            span: (s, s + g.text.chars().count()),
            start,
            doc: g.doc,
            text: g.text,
            speaker: g.speaker,
            cluster: g.cluster,
            kind: g.kind,
        });
    }
    Ok(out)
}

/// Each canonical name in `speakers.json` with its aliases.
fn read_aliases(path: &Path) -> Result<HashMap<String, Vec<String>>, String> {
    if !path.exists() {
        return Ok(HashMap::new());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A text as the reference reads it: Python's text mode turns `\r\n` and `\r` into `\n`.
fn python_text(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The character offset of a byte offset, as the reference counts it: the characters of the
/// bytes before it, decoded with replacement (a character cut in two counts as one).
fn char_offset(text: &str, byte: usize) -> usize {
    let before = &text.as_bytes()[..byte.min(text.len())];
    String::from_utf8_lossy(before).chars().count()
}

/// One-to-one matching, best first: the candidate pairs of a gold quotation and a detection in
/// its document with IoU ≥ 0.5, in descending order of (IoU, gold index, detection index) as
/// the reference's `cand.sort(reverse=True)`, each taken when both are still free. Returns the
/// detection of each gold quotation and the gold quotation of each detection.
fn match_spans(gold: &[Gold], detected: &[Detected]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut by_doc: HashMap<&str, Vec<usize>> = HashMap::new();
    for (di, d) in detected.iter().enumerate() {
        by_doc.entry(d.doc.as_str()).or_default().push(di);
    }
    let mut candidates = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let (gs, ge) = g.span;
        for &di in by_doc.get(g.doc.as_str()).into_iter().flatten() {
            let (ds, de) = detected[di].span;
            let inter = ge.min(de) as i64 - gs.max(ds) as i64;
            if inter <= 0 {
                continue;
            }
            let iou = inter as f64 / (ge.max(de) - gs.min(ds)) as f64;
            if iou >= 0.5 {
                candidates.push((iou, gi, di));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
    let (mut gold_match, mut det_match) = (vec![None; gold.len()], vec![None; detected.len()]);
    for (_, gi, di) in candidates {
        if gold_match[gi].is_none() && det_match[di].is_none() {
            gold_match[gi] = Some(di);
            det_match[di] = Some(gi);
        }
    }
    (gold_match, det_match)
}

/// Whether Python's `\w` matches `c` (in a `str` pattern): a letter (categories L*), a character
/// with a numeric value, or `_`. Rust's `char::is_alphanumeric` also takes the marks and the
/// symbols with the Other_Alphabetic property (vowel signs, circled and squared letters), which
/// Python leaves out.
fn is_word(c: char) -> bool {
    c == '_'
        || (c.is_alphanumeric()
            && !unicode_normalization::char::is_combining_mark(c)
            && !matches!(c,
                '\u{24B6}'..='\u{24E9}'
                | '\u{1F130}'..='\u{1F149}'
                | '\u{1F150}'..='\u{1F169}'
                | '\u{1F170}'..='\u{1F189}'))
}

/// A name as the reference compares names (`norm_name`): NFKC, lower case, every character but
/// word characters and spaces removed, spaces trimmed.
fn norm_name(s: &str) -> String {
    let lower = s.nfkc().collect::<String>().to_lowercase();
    let kept: String = lower.chars().filter(|&c| c == ' ' || is_word(c)).collect();
    kept.trim_matches(' ').to_string()
}

/// Words that make a run of capitalised words a title when it has no other (`President`, `Sen.`).
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "president", "former", "sen", "sens", "senator", "rep", "reps", "gov",
    "governor", "secretary", "chairman", "chairwoman", "vice", "prime", "minister", "princess",
    "prince", "king", "queen", "pope", "general", "gen", "judge", "justice", "mayor", "speaker",
    "leader", "chief", "attorney", "state", "first", "lady", "sir", "dame", "lord", "cardinal",
    "father",
    // As in the reference; a normalised word never holds the dot, so it never matches.
    "u.s",
];

/// Words left out of a run of capitalised words, and skipped before it.
const LEAD_INS: &[&str] = &[
    "the", "a", "an", "her", "his", "their", "its", "our", "my", "another", "one", "both",
];

/// Words after which a run of capitalised words is a place or an institution, not a name.
const PLACE_WORDS: &[&str] = &["of", "at", "from", "in", "for", "on", "to"];

/// Institutions' head nouns: a speaker whose last word is one of them must have every word
/// right.
#[rustfmt::skip]
const GENERIC_HEADS: &[&str] = &[
    "palace", "ministry", "house", "office", "department", "group", "party", "police", "council",
    "commission", "agency", "service", "court", "university", "company", "club", "government",
    "foundation", "association", "federation", "union", "committee", "campaign", "league", "team",
    "news", "media", "press", "bank", "board", "institute", "authority",
];

/// Whether a token starts with an upper-case letter (Python's `t[:1].isupper()`).
fn capitalised(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_uppercase)
}

fn is_title(token: &str) -> bool {
    TITLES.contains(&norm_name(token).as_str())
}

/// The last word of the name in a speaker string (the reference's `name_head`), normalised: in
/// its first comma-separated part (before any parenthesis) that holds one, the last run of
/// capitalised words, lead-in words left out, runs after a place word (unless they start with a
/// title), runs holding a possessive and runs of titles alone skipped (`Clinton campaign chairman
/// John Podesta` → `podesta`).
fn name_head(name: &str) -> Option<String> {
    let before_parenthesis = name.split('(').next().unwrap_or("");
    for part in before_parenthesis.split(',') {
        // Python's `re.findall(r"[\w'’.&-]+", part)`.
        let tokens: Vec<&str> = part
            .split(|c: char| !(is_word(c) || matches!(c, '\'' | '’' | '.' | '&' | '-')))
            .filter(|t| !t.is_empty())
            .collect();
        let (mut head, mut i, n) = (None, 0, tokens.len());
        while i < n {
            if !capitalised(tokens[i]) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && capitalised(tokens[j]) {
                j += 1;
            }
            let run: Vec<&str> = tokens[i..j]
                .iter()
                .copied()
                .filter(|t| !LEAD_INS.contains(&norm_name(t).as_str()))
                .collect();
            // The word before the run, lead-ins skipped.
            let mut k = i;
            while k > 0 && LEAD_INS.contains(&tokens[k - 1].to_lowercase().as_str()) {
                k -= 1;
            }
            let after_place_word =
                k > 0 && PLACE_WORDS.contains(&tokens[k - 1].to_lowercase().as_str());
            // "Secretary of State John Kerry"
            let after_place_word = after_place_word && !run.first().is_some_and(|t| is_title(t));
            let possessive = run.iter().any(|t| t.ends_with("'s") || t.ends_with("’s"));
            if let Some(last) = run.last() {
                if !after_place_word && !possessive && !run.iter().all(|t| is_title(t)) {
                    head = Some(norm_name(last));
                }
            }
            i = j;
        }
        if let Some(head) = head.filter(|h| !h.is_empty()) {
            return Some(head);
        }
    }
    None
}

/// Whether our speaker is right (the reference's `speaker_ok`): `None` when the gold has no
/// speaker; wrong when we have none; right when ours equals the gold speaker or one of its
/// aliases, or when its last word is the [`name_head`] of one of them (every word known to them
/// where that head is an institution's head noun).
fn speaker_ok(
    ours: Option<&str>,
    gold: Option<&str>,
    aliases: &HashMap<String, Vec<String>>,
) -> Option<bool> {
    let gold = gold?;
    let Some(ours) = ours.filter(|s| !s.is_empty()) else {
        return Some(false);
    };
    let ours = norm_name(ours);
    let names: Vec<&str> = std::iter::once(gold)
        .chain(aliases.get(gold).into_iter().flatten().map(String::as_str))
        .collect();
    if names.iter().any(|n| norm_name(n) == ours) {
        return Some(true);
    }
    let words: Vec<&str> = ours.split_whitespace().collect();
    let Some(&last) = words.last() else {
        return Some(false);
    };
    if !names.iter().any(|n| name_head(n).as_deref() == Some(last)) {
        return Some(false);
    }
    if GENERIC_HEADS.contains(&last) {
        let known: HashSet<String> = names
            .iter()
            .flat_map(|n| {
                norm_name(n)
                    .split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        return Some(words.iter().all(|w| known.contains(*w)));
    }
    Some(true)
}

/// B-cubed precision, recall and F1 of (gold cluster, predicted cluster) items, and their
/// number; 0 over no items, as in the reference.
#[derive(Default, Clone, Copy)]
struct BCubed {
    precision: f64,
    recall: f64,
    f1: f64,
    n: usize,
}

fn bcubed(items: &[(Option<&str>, usize)]) -> BCubed {
    let mut both: HashMap<(Option<&str>, usize), usize> = HashMap::new();
    let mut by_gold: HashMap<Option<&str>, usize> = HashMap::new();
    let mut by_ours: HashMap<usize, usize> = HashMap::new();
    for &(g, p) in items {
        *both.entry((g, p)).or_default() += 1;
        *by_gold.entry(g).or_default() += 1;
        *by_ours.entry(p).or_default() += 1;
    }
    // Summed in item order, as the reference sums.
    let (mut precision, mut recall) = (0.0, 0.0);
    for k in items {
        precision += both[k] as f64 / by_ours[&k.1] as f64;
        recall += both[k] as f64 / by_gold[&k.0] as f64;
    }
    let n = items.len().max(1) as f64;
    let (precision, recall) = (precision / n, recall / n);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    BCubed {
        precision,
        recall,
        f1,
        n: items.len(),
    }
}

/// `a / b`, or 0 over nothing (as the reference).
fn share(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// A figure rounded to 3 decimals as Python's `round(x, 3)`: the nearest, ties to even, on the
/// exact binary value (which Rust's formatting also rounds).
fn round3(x: f64) -> f64 {
    format!("{x:.3}").parse().unwrap_or(x)
}

#[derive(Default)]
struct Scores {
    /// Gold quotations scored (not scare).
    gold: usize,
    /// Detections scored (not matching a scare quote).
    predicted: usize,
    matched: usize,
    /// Detections matching a gold scare quote (neutral).
    scare: usize,
    precision: f64,
    recall: f64,
    f1: f64,
    full: usize,
    full_matched: usize,
    full_recall: f64,
    /// Full/fragment agreement on matched full and fragment gold quotations (not a reference
    /// figure; 1 over none).
    kind: f64,
    /// Matched gold quotations with a gold speaker, and how many of them we got right.
    speaker_n: usize,
    speaker_right: usize,
    /// Those of them to which we gave a speaker, and how many of those are right.
    speaker_given: usize,
    speaker_given_right: usize,
    speaker: f64,
    speaker_precision: f64,
    /// Whether the gold names clusters at all.
    has_clusters: bool,
    clusters: BCubed,
    clusters_no_paraphrase: BCubed,
    outlet_recall: Option<f64>,
    outlet_recall_no_paraphrase: Option<f64>,
}

impl Scores {
    fn get(&self, name: &str) -> Result<f64, String> {
        Ok(match name {
            "precision" => self.precision,
            "recall" => self.recall,
            "f1" => self.f1,
            "full-recall" => self.full_recall,
            "kind" => self.kind,
            "speaker" => self.speaker,
            "speaker-precision" => self.speaker_precision,
            // The reference's cluster_f1_no_paraphrase.
            "cluster-f1" if self.has_clusters => self.clusters_no_paraphrase.f1,
            "cluster-precision" if self.has_clusters => self.clusters_no_paraphrase.precision,
            // The reference's outlet_recall_no_paraphrase.
            "outlet-recall" if self.has_clusters => self.outlet_recall_no_paraphrase.unwrap_or(0.0),
            "cluster-f1" | "cluster-precision" | "outlet-recall" => {
                return Err(format!("gate --min-{name}: the gold has no clusters"))
            }
            _ => return Err(format!("unknown gate --min-{name}")),
        })
    }

    /// The reference's `--json` object: the same keys in the same order, figures rounded to 3
    /// decimals, printed as Python's `json.dumps` prints them.
    fn json(&self) -> String {
        use serde_json::Value;
        let r = |x: f64| Value::from(round3(x));
        let outlet = |x: Option<f64>| x.map_or(Value::Null, r);
        let fields: [(&str, Value); 18] = [
            ("gold", self.gold.into()),
            ("predicted", self.predicted.into()),
            ("matched", self.matched.into()),
            ("extract_p", r(self.precision)),
            ("extract_r", r(self.recall)),
            ("extract_f1", r(self.f1)),
            ("full_quote_recall", r(self.full_recall)),
            ("speaker_acc", r(self.speaker)),
            ("speaker_p", r(self.speaker_precision)),
            ("speaker_n", self.speaker_n.into()),
            ("cluster_p", r(self.clusters.precision)),
            ("cluster_r", r(self.clusters.recall)),
            ("cluster_f1", r(self.clusters.f1)),
            (
                "cluster_f1_no_paraphrase",
                r(self.clusters_no_paraphrase.f1),
            ),
            (
                "cluster_p_no_paraphrase",
                r(self.clusters_no_paraphrase.precision),
            ),
            (
                "cluster_r_no_paraphrase",
                r(self.clusters_no_paraphrase.recall),
            ),
            ("outlet_recall", outlet(self.outlet_recall)),
            (
                "outlet_recall_no_paraphrase",
                outlet(self.outlet_recall_no_paraphrase),
            ),
        ];
        let fields: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}: {v}", Value::from(*k)))
            .collect();
        format!("{{{}}}", fields.join(", "))
    }

    fn print(&self) {
        println!(
            "matched {} of {} gold (+{} scare), {} detected; full {}/{}; speakers right {}/{} \
             (gave {}, {} right)",
            self.matched,
            self.gold,
            self.scare,
            self.predicted + self.scare,
            self.full_matched,
            self.full,
            self.speaker_right,
            self.speaker_n,
            self.speaker_given,
            self.speaker_given_right
        );
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
             (of those to which we gave one)",
            self.speaker, self.speaker_precision
        );
        if !self.has_clusters {
            return;
        }
        let b = self.clusters_no_paraphrase;
        println!(
            "clusters B-cubed  precision {:.3}  recall {:.3}  F1 {:.3}  ({} quotations, no paraphrases)",
            b.precision, b.recall, b.f1, b.n
        );
        let b = self.clusters;
        println!(
            "clusters B-cubed with paraphrases  precision {:.3}  recall {:.3}  F1 {:.3}  ({})",
            b.precision, b.recall, b.f1, b.n
        );
        let shown = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.3}"));
        println!(
            "outlet recall {}   without paraphrases {}   (gold clusters in two outlets or more)",
            shown(self.outlet_recall),
            shown(self.outlet_recall_no_paraphrase)
        );
    }
}

fn score(
    gold: &[Gold],
    detected: &[Detected],
    gold_match: &[Option<usize>],
    det_match: &[Option<usize>],
    aliases: &HashMap<String, Vec<String>>,
    outlets: &HashMap<&str, &str>,
) -> Scores {
    // The gold scored, and of it the matched, in gold order (as the reference iterates).
    let scored: Vec<usize> = (0..gold.len()).filter(|&g| !gold[g].is("scare")).collect();
    let matched: Vec<(usize, usize)> = scored
        .iter()
        .filter_map(|&g| gold_match[g].map(|d| (g, d)))
        .collect();
    let scare = det_match
        .iter()
        .filter(|m| m.is_some_and(|g| gold[g].is("scare")))
        .count();
    let predicted = detected.len() - scare;
    let precision = share(matched.len(), predicted);
    let recall = share(matched.len(), scored.len());
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let full = scored.iter().filter(|&&g| gold[g].is("full")).count();
    let full_matched = matched.iter().filter(|&&(g, _)| gold[g].is("full")).count();
    let kinds: Vec<bool> = (0..gold.len())
        .filter(|&g| gold[g].is("full") || gold[g].is("fragment"))
        .filter_map(|g| gold_match[g].map(|d| gold[g].is(detected[d].kind)))
        .collect();
    let kind = if kinds.is_empty() {
        1.0
    } else {
        share(kinds.iter().filter(|k| **k).count(), kinds.len())
    };

    let (mut speaker_n, mut speaker_right, mut speaker_given, mut speaker_given_right) =
        (0, 0, 0, 0);
    for &(g, d) in &matched {
        let (gs, ours) = (gold[g].speaker.as_deref(), detected[d].speaker.as_deref());
        let Some(right) = speaker_ok(ours, gs, aliases) else {
            continue;
        };
        speaker_n += 1;
        speaker_right += usize::from(right);
        // Precision counts only a gold speaker and ours that are not empty.
        if gs.is_some_and(|s| !s.is_empty()) && ours.is_some_and(|s| !s.is_empty()) {
            speaker_given += 1;
            speaker_given_right += usize::from(right);
        }
    }

    let items = |with_paraphrases: bool| -> Vec<(Option<&str>, usize)> {
        matched
            .iter()
            .filter(|&&(g, _)| with_paraphrases || !gold[g].is("paraphrase"))
            .map(|&(g, d)| (gold[g].cluster.as_deref(), detected[d].cluster))
            .collect()
    };
    let no_paraphrase: Vec<usize> = scored
        .iter()
        .copied()
        .filter(|&g| !gold[g].is("paraphrase"))
        .collect();
    let outlet_of = |g: usize| outlets.get(gold[g].doc.as_str()).copied().unwrap_or("");
    Scores {
        gold: scored.len(),
        predicted,
        matched: matched.len(),
        scare,
        precision,
        recall,
        f1,
        full,
        full_matched,
        full_recall: share(full_matched, full),
        kind,
        speaker_n,
        speaker_right,
        speaker_given,
        speaker_given_right,
        speaker: share(speaker_right, speaker_n),
        speaker_precision: share(speaker_given_right, speaker_given),
        has_clusters: gold
            .iter()
            .any(|g| g.cluster.as_deref().is_some_and(|c| !c.is_empty())),
        clusters: bcubed(&items(true)),
        clusters_no_paraphrase: bcubed(&items(false)),
        outlet_recall: outlet_recall(&scored, gold, detected, gold_match, outlet_of),
        outlet_recall_no_paraphrase: outlet_recall(
            &no_paraphrase,
            gold,
            detected,
            gold_match,
            outlet_of,
        ),
    }
}

/// Over the gold clusters of the gold quotations `scored` printed by two outlets or more: the
/// share of their outlets found in the predicted cluster holding most of their matched
/// quotations (the first such cluster, in gold order, on a tie), or `None` without such gold
/// clusters.
fn outlet_recall<'a>(
    scored: &[usize],
    gold: &[Gold],
    detected: &[Detected],
    gold_match: &[Option<usize>],
    outlet_of: impl Fn(usize) -> &'a str,
) -> Option<f64> {
    let mut order: Vec<Option<&str>> = Vec::new();
    let mut by_cluster: HashMap<Option<&str>, Vec<usize>> = HashMap::new();
    for &g in scored {
        let members = by_cluster.entry(gold[g].cluster.as_deref()).or_default();
        if members.is_empty() {
            order.push(gold[g].cluster.as_deref());
        }
        members.push(g);
    }
    let (mut outlets_seen, mut found) = (0, 0);
    for cluster in order {
        let members = &by_cluster[&cluster];
        let outlets: HashSet<&str> = members.iter().map(|&g| outlet_of(g)).collect();
        if outlets.len() < 2 {
            continue;
        }
        outlets_seen += outlets.len();
        // Predicted clusters with their counts, in order of first appearance.
        let mut got: Vec<(usize, usize)> = Vec::new();
        for &g in members {
            let Some(d) = gold_match[g] else { continue };
            let c = detected[d].cluster;
            match got.iter_mut().find(|(p, _)| *p == c) {
                Some(entry) => entry.1 += 1,
                None => got.push((c, 1)),
            }
        }
        // The first of the most frequent, as Python's `Counter.most_common(1)`.
        let Some(best) = got
            .iter()
            .fold(None, |best: Option<(usize, usize)>, &(c, n)| match best {
                Some((_, m)) if m >= n => best,
                _ => Some((c, n)),
            })
            .map(|(c, _)| c)
        else {
            continue;
        };
        let in_best: HashSet<&str> = members
            .iter()
            .filter(|&&g| gold_match[g].is_some_and(|d| detected[d].cluster == best))
            .map(|&g| outlet_of(g))
            .collect();
        found += outlets.intersection(&in_best).count();
    }
    (outlets_seen > 0).then(|| found as f64 / outlets_seen as f64)
}

fn print_misses(
    gold: &[Gold],
    detected: &[Detected],
    gold_match: &[Option<usize>],
    det_match: &[Option<usize>],
    aliases: &HashMap<String, Vec<String>>,
) {
    println!("\n-- missed gold --");
    for (g, m) in gold.iter().zip(gold_match) {
        if m.is_none() && !g.is("scare") {
            println!(
                "MISS {} [{}] {:?}",
                g.doc,
                g.kind.as_deref().unwrap_or("?"),
                g.text
            );
        }
    }
    println!("\n-- detections matching no gold --");
    for (d, m) in detected.iter().zip(det_match) {
        if m.is_none() {
            println!("FP   {} {:?}", d.doc, d.text);
        }
    }
    println!("\n-- wrong or missing speakers --");
    for (g, m) in gold.iter().zip(gold_match) {
        let (Some(gs), Some(d)) = (&g.speaker, m) else {
            continue;
        };
        if g.is("scare") {
            continue;
        }
        let ours = &detected[*d].speaker;
        if speaker_ok(ours.as_deref(), Some(gs), aliases) != Some(true) {
            println!(
                "SPK  {}@{} gold {:?} ours {:?}: {:?}",
                g.doc, g.start, gs, ours, g.text
            );
        }
    }
}

/// The gold quotations that clustering is measured on: somebody's own words, recognisable.
fn quoted(g: &Gold) -> bool {
    !g.is("scare") && !g.is("paraphrase")
}

/// The paragraph (0-based, counted by blank-line or line breaks) a byte offset falls in.
fn paragraph_of(text: &str, byte: usize) -> usize {
    text.get(..byte.min(text.len()))
        .unwrap_or(text)
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
    gold_match: &[Option<usize>],
    texts: &HashMap<String, String>,
) {
    let line = |g: usize, d: usize| {
        let (gq, dq) = (&gold[g], &detected[d]);
        let text = texts.get(&dq.doc).map_or("", String::as_str);
        format!(
            "      {} p{} [{}] spk={:?} ours={:?}: {:?}",
            dq.doc,
            paragraph_of(text, dq.start),
            gq.kind.as_deref().unwrap_or("?"),
            gq.speaker,
            dq.speaker,
            dq.text
        )
    };
    let cluster_of = |g: usize| gold[g].cluster.as_deref().unwrap_or("");
    let mut by_gold: std::collections::BTreeMap<&str, Vec<(usize, usize)>> = Default::default();
    let mut by_ours: std::collections::BTreeMap<usize, Vec<(usize, usize)>> = Default::default();
    for (g, d) in gold_match
        .iter()
        .enumerate()
        .filter_map(|(g, m)| m.map(|d| (g, d)))
        .filter(|&(g, _)| quoted(&gold[g]))
    {
        by_gold.entry(cluster_of(g)).or_default().push((g, d));
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
        let mut golds: Vec<&str> = members.iter().map(|&(g, _)| cluster_of(g)).collect();
        golds.sort_unstable();
        golds.dedup();
        if golds.len() < 2 {
            continue;
        }
        println!("MERGE ours #{c}: {golds:?}");
        for &(g, d) in members {
            println!("   {} {}", cluster_of(g), line(g, d).trim_start());
        }
    }
}

//! Each stage of the pipeline beside its floor: the least any program must do to read the same
//! input, so that a stage's time is also a ratio to what the hardware allows.
//!
//! ```text
//! cargo run --release --example floor -- CORPUS            (a JSON Lines file or a corpus folder)
//! cargo run --release --example floor -- --lines FILE      (quotations one per line, as cluster_lines)
//! ```
//!
//! The floors, each a loop no real stage can beat by much:
//!
//! - **read**: the file read into memory and every line parsed as JSON, its string fields
//!   borrowed where they have no escapes (serde_json, as the real reader uses);
//! - **detect + attribute**: every byte of every text scanned for the bytes quote marks begin
//!   with (`"`, `'`, and the lead bytes of `“ ” ‘ ’ „ « »`), with memchr;
//! - **cluster**: every word of every quotation hashed once (split at ASCII punctuation and
//!   space, foldhash);
//! - **end to end**: the three together.
//!
//! Detection and attribution run on one thread (per core); clustering and the end-to-end run
//! as the library runs them, on rayon's threads (`RAYON_NUM_THREADS` sets how many), as do the
//! floors. A benchmark, not a test: it prints, it does not judge.

use std::borrow::Cow;
use std::hash::BuildHasher;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use quotetrace::corpus::read;
use quotetrace::{cluster, ClusterConfig, ClusterItem, Document, LoadOptions, Tracker};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("--lines") => match args.next() {
            Some(path) => Ok(lines(Path::new(&path))?),
            None => Err("usage: floor --lines FILE".into()),
        },
        Some(path) => corpus(Path::new(path)),
        None => Err("usage: floor CORPUS | floor --lines FILE".into()),
    }
}

/// One line of the table: a stage, its time, its floor's, and the bytes it read.
fn row(stage: &str, real: Duration, floor: Duration, bytes: usize) {
    let rate = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9);
    println!(
        "{stage:<20} {:>9.3} s {:>8.1} MB/s   floor {:>8.3} s {:>8.1} MB/s   {:>6.1}× the floor",
        real.as_secs_f64(),
        rate(real),
        floor.as_secs_f64(),
        rate(floor),
        real.as_secs_f64() / floor.as_secs_f64().max(1e-9),
    );
}

fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = work();
    (value, started.elapsed())
}

/// The fields of a line that the floor parses; the rest is skipped as JSON, not read.
#[derive(serde::Deserialize)]
#[allow(dead_code)] // Parsed to be measured, never read.
struct Line<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    outlet: Option<Cow<'a, str>>,
    #[serde(borrow)]
    url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    published: Option<Cow<'a, str>>,
    #[serde(borrow)]
    text: Cow<'a, str>,
}

/// The read floor: the file into memory, every line parsed. Returns how many lines parsed.
fn read_floor(path: &Path) -> std::io::Result<usize> {
    let bytes = std::fs::read(path)?;
    Ok(bytes
        .split(|&b| b == b'\n')
        .filter(|line| serde_json::from_slice::<Line<'_>>(line).is_ok())
        .count())
}

/// The detection floor: how many bytes of `text` could begin a quote mark.
fn scan_floor(text: &str) -> usize {
    let bytes = text.as_bytes();
    // `"`, `'`, and 0xE2, which begins `“ ” ‘ ’ „ ‹ ›`; then 0xC2, which begins `« »`.
    memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).count()
        + memchr::memchr_iter(0xC2, bytes).count()
}

/// The clustering floor: every word of `text` hashed once (a word: a run of bytes that are
/// not ASCII punctuation or space); returns the hashes' sum.
fn hash_floor(text: &str, hasher: &foldhash::fast::FixedState) -> u64 {
    text.as_bytes()
        .split(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| hasher.hash_one(w))
        .fold(0, u64::wrapping_add)
}

#[cfg(feature = "parallel")]
fn hash_all(texts: &[&str]) -> u64 {
    use rayon::prelude::*;
    let hasher = foldhash::fast::FixedState::default();
    texts
        .par_iter()
        .map(|t| hash_floor(t, &hasher))
        .reduce(|| 0, u64::wrapping_add)
}

#[cfg(not(feature = "parallel"))]
fn hash_all(texts: &[&str]) -> u64 {
    let hasher = foldhash::fast::FixedState::default();
    texts
        .iter()
        .map(|t| hash_floor(t, &hasher))
        .fold(0, u64::wrapping_add)
}

fn corpus(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let options = LoadOptions::new();
    let file = match path.is_file() {
        true => Some(std::fs::metadata(path)?.len() as usize),
        false => None,
    };
    let (documents, read_time) =
        timed(|| read(path, &options)?.collect::<Result<Vec<Document>, _>>());
    let documents = documents?;
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    let text_bytes: usize = texts.iter().map(|t| t.len()).sum();
    println!(
        "{}: {} documents, {:.1} MB of text, {} thread(s) where the library runs in parallel",
        path.display(),
        documents.len(),
        text_bytes as f64 / 1e6,
        threads()
    );

    let mut floors = Duration::ZERO;
    if let Some(size) = file {
        let (lines, floor) = timed(|| read_floor(path));
        lines?;
        row("read", read_time, floor, size);
        floors += floor;
    }

    // Detection and attribution, on this thread: repeated until a second has passed, so that
    // a small corpus is measured too.
    let passes = passes_for(|| {
        for t in &texts {
            std::hint::black_box(quotetrace::read(t));
        }
    });
    let (_, detect_time) = timed(|| {
        for _ in 0..passes {
            for t in &texts {
                std::hint::black_box(quotetrace::detect(t));
            }
        }
    });
    let (readings, real) = timed(|| {
        let mut all = Vec::new();
        for pass in 0..passes {
            for (d, t) in texts.iter().enumerate() {
                let read = quotetrace::read(t);
                if pass == 0 {
                    all.extend(read.into_iter().map(|r| (d, r)));
                }
            }
        }
        all
    });
    let (_, floor) = timed(|| {
        for _ in 0..passes {
            for t in &texts {
                std::hint::black_box(scan_floor(t));
            }
        }
    });
    row("detect", detect_time, floor, text_bytes * passes);
    row("detect + attribute", real, floor, text_bytes * passes);
    floors += floor / passes as u32;

    let quoted: Vec<&str> = readings
        .iter()
        .map(|(d, r)| r.quotation.text(texts[*d]))
        .collect();
    let items: Vec<ClusterItem<'_>> = readings
        .iter()
        .zip(&quoted)
        .map(|((d, r), text)| {
            let item = ClusterItem::new(text).in_document(&documents[*d].id);
            match r.attribution.speaker.as_deref() {
                Some(speaker) => item.said_by(speaker),
                None => item,
            }
        })
        .collect();
    let (_, real) = timed(|| cluster(&items, &ClusterConfig::default()));
    let (_, floor) = timed(|| std::hint::black_box(hash_all(&quoted)));
    let quoted_bytes = quoted.iter().map(|t| t.len()).sum();
    println!("({} quotations)", quoted.len());
    row("cluster", real, floor, quoted_bytes);
    floors += floor;

    let (_, real) = timed(|| end_to_end(path, &options));
    row("end to end", real, floors, file.unwrap_or(text_bytes));
    Ok(())
}

/// `quotetrace track --json` as the command-line tool runs it, written to nowhere.
fn end_to_end(path: &Path, options: &LoadOptions) -> Result<(), Box<dyn std::error::Error>> {
    let mut documents = Vec::new();
    for document in read(path, options)? {
        documents.push(document?);
    }
    let mut tracker = Tracker::new().keep_texts(false);
    tracker.extend_with_progress(documents, |_| {})?;
    tracker.cluster_with_progress(|_| {});
    let mut out = BufWriter::new(std::io::sink());
    serde_json::to_writer_pretty(&mut out, &tracker.report_streamed())?;
    out.flush()?;
    Ok(())
}

/// How many passes over the texts take about a second, from one timed pass.
fn passes_for(pass: impl Fn()) -> usize {
    let (_, once) = timed(&pass);
    (1.0 / once.as_secs_f64().max(1e-6))
        .ceil()
        .clamp(1.0, 1000.0) as usize
}

fn threads() -> usize {
    #[cfg(feature = "parallel")]
    return rayon::current_num_threads();
    #[cfg(not(feature = "parallel"))]
    1
}

/// Clustering quotations given one per line (as `cluster_lines` does) beside hashing their
/// words.
fn lines(path: &Path) -> std::io::Result<()> {
    let input = std::fs::read_to_string(path)?;
    let texts: Vec<&str> = input.lines().collect();
    let items: Vec<ClusterItem<'_>> = texts.iter().map(|t| ClusterItem::new(t)).collect();
    let bytes = texts.iter().map(|t| t.len()).sum();
    println!(
        "{}: {} quotations, {} thread(s)",
        path.display(),
        texts.len(),
        threads()
    );
    let (_, floor) = timed(|| std::hint::black_box(hash_all(&texts)));
    let (_, real) = timed(|| cluster(&items, &ClusterConfig::default()));
    row("cluster", real, floor, bytes);
    Ok(())
}

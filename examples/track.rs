//! Lists every quotation of a corpus with its speaker.
//!
//! ```text
//! cargo run --release --example track [PATH] [--json] [--lenient]
//! ```
//!
//! PATH is a corpus folder (`manifest.jsonl` + `docs/<id>.txt`, or a folder of `.txt` files) or a
//! JSON Lines file; without it, the demo corpus in `examples/data` is used. `--json` prints the
//! [`Output`](quotetrace::Output) format instead of the listing. `--lenient` reports bad lines on
//! stderr and goes on with the rest; otherwise the first bad line stops the run (exit status 2).

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use quotetrace::{load_with, EditKind, LoadOptions, Tracker};

/// How much of a quotation the listing shows, in characters.
const SHOWN_CHARS: usize = 100;

const USAGE: &str = "usage: track [PATH] [--json] [--lenient]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("track: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut path = None;
    let mut json = false;
    let mut lenient = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--lenient" => lenient = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}\n{USAGE}")),
            _ if path.is_some() => return Err(format!("more than one PATH\n{USAGE}")),
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    let path = path.unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data").into());

    let loaded =
        load_with(&path, &LoadOptions::new().lenient(lenient)).map_err(|e| e.to_string())?;
    for error in &loaded.errors {
        eprintln!("track: skipped: {error}");
    }
    let mut tracker = Tracker::new();
    tracker
        .extend(loaded.documents)
        .map_err(|e| e.to_string())?;

    let mut out = BufWriter::new(io::stdout().lock());
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &tracker.report())
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        let colour = io::stdout().is_terminal();
        write_listing(&mut out, &tracker)
            .and_then(|()| write_statements(&mut out, &tracker, colour))
    };
    match written.and_then(|()| out.flush()) {
        // `track | head` closes the pipe early; that is not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("writing output: {e}")),
        _ => Ok(()),
    }
}

fn write_listing(out: &mut impl Write, tracker: &Tracker) -> io::Result<()> {
    let mut quotes = tracker.quotes().peekable();
    for doc in tracker.documents() {
        let published = doc.published.map(|t| t.to_string());
        writeln!(
            out,
            "{}  {}  {}",
            doc.id,
            doc.outlet.as_deref().unwrap_or("—"),
            published.as_deref().unwrap_or("undated")
        )?;
        while let Some(q) = quotes.next_if(|q| q.document.id == doc.id) {
            let unclosed = if q.quotation.closed { "" } else { ", unclosed" };
            let speaker = match (q.speaker, q.attribution.cue.as_deref()) {
                (Some(speaker), Some(cue)) => format!("{speaker} ({cue})"),
                (Some(speaker), None) => speaker.to_owned(),
                (None, _) => "—".to_owned(),
            };
            writeln!(
                out,
                "  {:?}{unclosed}, {:?}: {speaker}\n    {}",
                q.quotation.kind,
                q.quotation.style,
                one_line(q.text),
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Every statement quoted more than once: canonical wording, speaker, first seen, the outlets in
/// order, and each wording with its edits marked inline.
fn write_statements(out: &mut impl Write, tracker: &Tracker, colour: bool) -> io::Result<()> {
    let report = tracker.report();
    writeln!(out, "== Statements quoted more than once")?;
    for s in report.clusters.iter().filter(|s| s.quotes.len() > 1) {
        writeln!(out)?;
        writeln!(
            out,
            "#{} {}",
            s.id,
            s.speaker.as_deref().unwrap_or("(speaker unknown)")
        )?;
        writeln!(out, "  \"{}\"", one_line(&s.canonical))?;
        if let Some(first) = &s.first_seen {
            let when = first
                .published
                .map_or("undated".to_string(), |t| t.to_string());
            let outlet = first.outlet.as_deref().unwrap_or(&first.doc);
            writeln!(out, "  first seen: {outlet}, {when}")?;
        }
        writeln!(
            out,
            "  outlets ({}): {}",
            s.outlets.len(),
            s.outlets.join(" → ")
        )?;
        for v in &s.variants {
            writeln!(
                out,
                "  [{:.2}] ×{} {}\n        {}",
                v.drift_score,
                v.quotes.len(),
                v.outlets.join(", "),
                inline(&s.canonical, v, colour)
            )?;
        }
        for group in &s.lineage {
            writeln!(
                out,
                "  same wording, maybe one source: {}",
                group.join(", ")
            )?;
        }
    }
    Ok(())
}

/// The canonical words with a variant's edits marked: `DONE→done`, `[+added+]`, `[-dropped-]`.
fn inline(canonical: &str, variant: &quotetrace::Variant, colour: bool) -> String {
    let paint = |code: &str, text: String| {
        if colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text
        }
    };
    let words = quotetrace::words(canonical);
    let mut parts: Vec<String> = Vec::new();
    let mut at = 0;
    for e in &variant.edits {
        parts.extend(
            words[at..e.canonical.start.min(words.len())]
                .iter()
                .map(|w| w.to_string()),
        );
        let text = match e.kind {
            EditKind::Insertion => paint("32", format!("[+{}+]", e.variant_text)),
            EditKind::Omission | EditKind::Splice | EditKind::Truncation => {
                paint("31", format!("[-{}-]", e.canonical_text))
            }
            EditKind::Ellipsis => paint("33", format!("[{}…{}]", e.canonical_text, e.variant_text)),
            _ => paint("36", format!("{}→{}", e.canonical_text, e.variant_text)),
        };
        parts.push(text);
        at = at.max(e.canonical.end.min(words.len()));
    }
    parts.extend(words[at..].iter().map(|w| w.to_string()));
    parts.join(" ")
}

/// The quotation on one line, cut to [`SHOWN_CHARS`].
fn one_line(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let line = words.join(" ");
    match line.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

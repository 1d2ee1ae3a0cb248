//! `quotetrace track`: every quotation of a corpus with its speaker, then each statement quoted
//! more than once with its outlets and wordings; or the whole report as JSON.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use quotetrace::{load_with, EditKind, LoadOptions, Tracker};

use crate::{written, Failure};

/// How much of a quotation the listing shows, in characters.
const SHOWN_CHARS: usize = 100;

/// List every quotation and statement of a corpus.
///
/// PATH is a corpus folder (`manifest.jsonl` + `docs/<id>.txt`, or a folder of `.txt` files) or a
/// JSON Lines file of documents.
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  quotetrace track examples/data\n  quotetrace track corpus.jsonl --json > report.json"
)]
pub(crate) struct Args {
    /// The corpus: a folder or a JSON Lines file.
    path: PathBuf,
    /// Print the whole report as JSON instead of the listing.
    #[arg(long)]
    json: bool,
    /// Report bad lines on stderr and go on with the rest (otherwise the first one stops the run).
    #[arg(long)]
    lenient: bool,
}

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    let options = LoadOptions::new().lenient(args.lenient);
    let loaded = load_with(&args.path, &options).map_err(Failure::input)?;
    for error in &loaded.errors {
        eprintln!("quotetrace: skipped: {error}");
    }
    let mut tracker = Tracker::new();
    tracker.extend(loaded.documents).map_err(Failure::input)?;

    let mut out = BufWriter::new(io::stdout().lock());
    let result = if args.json {
        serde_json::to_writer_pretty(&mut out, &tracker.report())
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        let colour = io::stdout().is_terminal();
        write_listing(&mut out, &tracker)
            .and_then(|()| write_statements(&mut out, &tracker, colour))
    };
    written(result.and_then(|()| out.flush()))
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
    let words = quotetrace::drift::words(canonical);
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

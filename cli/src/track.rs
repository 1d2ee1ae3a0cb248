//! `quotetrace track`: the statements of a corpus, most printed first, with their outlets and
//! how each wording drifted, then every quotation by document; or the report as JSON, or its
//! quotations as JSON Lines.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use quotetrace::{load_with, EditKind, LoadOptions, Report, Statement, Tracker};

use crate::{written, Failure};

/// How much of a quotation the listing shows, in characters.
const SHOWN_CHARS: usize = 100;

/// List the statements and quotations of a corpus.
///
/// PATH is a corpus folder (`manifest.jsonl` + `docs/<id>.txt`, or a folder of `.txt` files) or a
/// JSON Lines file of documents.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
    quotetrace track examples/data\n  \
    quotetrace track corpus.jsonl --json > report.json\n  \
    quotetrace track corpus.jsonl --jsonl > quotations.jsonl")]
pub(crate) struct Args {
    /// The corpus: a folder or a JSON Lines file.
    path: PathBuf,
    /// Print the whole report as JSON instead of the listing.
    #[arg(long, conflicts_with = "jsonl")]
    json: bool,
    /// Print one JSON object per quotation (its statement, speaker, outlet, date, URL, offsets).
    #[arg(long)]
    jsonl: bool,
    /// Report bad lines on stderr and go on with the rest (otherwise the first one stops the run).
    #[arg(long)]
    lenient: bool,
    /// Print nothing on stderr but errors.
    #[arg(long, short)]
    quiet: bool,
    /// No colour in the listing (also when NO_COLOR is set, or the output is no terminal).
    #[arg(long)]
    no_color: bool,
}

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    let options = LoadOptions::new().lenient(args.lenient);
    let loaded = load_with(&args.path, &options).map_err(Failure::input)?;
    for error in &loaded.errors {
        eprintln!("quotetrace: skipped: {error}");
    }
    let mut tracker = Tracker::new();
    tracker.extend(loaded.documents).map_err(Failure::input)?;
    let report = tracker.report();

    let mut out = BufWriter::new(io::stdout().lock());
    let result = if args.json {
        serde_json::to_writer_pretty(&mut out, &report)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else if args.jsonl {
        write_rows(&mut out, &report)
    } else {
        let paint = Paint(colour_wanted(args.no_color));
        write_summary(&mut out, &report)
            .and_then(|()| write_statements(&mut out, &report, paint))
            .and_then(|()| write_quotations(&mut out, &tracker, paint))
    };
    written(result.and_then(|()| out.flush()))
}

/// Colour only on a terminal, and never when asked not to (`--no-color`, or `NO_COLOR` set to
/// anything but the empty string, as <https://no-color.org> has it).
fn colour_wanted(no_color: bool) -> bool {
    let forbidden = no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !forbidden && io::stdout().is_terminal()
}

/// One JSON object per line for each quotation.
fn write_rows(out: &mut impl Write, report: &Report) -> io::Result<()> {
    for row in report.quotation_rows() {
        serde_json::to_writer(&mut *out, &row)?;
        writeln!(out)?;
    }
    Ok(())
}

/// ANSI colours, or none.
#[derive(Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn code(self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(self, text: &str) -> String {
        self.code("1", text)
    }
    fn dim(self, text: &str) -> String {
        self.code("2", text)
    }
}

/// What the corpus held, in one line.
fn write_summary(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let shared = report
        .clusters
        .iter()
        .filter(|s| s.outlets.len() > 1)
        .count();
    writeln!(
        out,
        "{} from {}: {}, {} ({shared} printed by more than one outlet)",
        count(report.documents.len(), "document"),
        count(report.outlets.len(), "outlet"),
        count(report.quotes.len(), "quotation"),
        count(report.clusters.len(), "statement"),
    )
}

/// `1 outlet`, `3 outlets`.
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Every statement quoted more than once, printed by the most outlets first: canonical wording,
/// speaker, first seen, the outlets in order, and each wording with its edits marked inline.
fn write_statements(out: &mut impl Write, report: &Report, paint: Paint) -> io::Result<()> {
    let mut statements: Vec<&Statement> = report
        .clusters
        .iter()
        .filter(|s| s.quotes.len() > 1)
        .collect();
    statements.sort_by_key(|s| (std::cmp::Reverse(s.outlets.len()), s.id));
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        paint.bold("Statements quoted more than once, most outlets first")
    )?;
    for s in statements {
        write_statement(out, s, paint)?;
    }
    Ok(())
}

fn write_statement(out: &mut impl Write, s: &Statement, paint: Paint) -> io::Result<()> {
    writeln!(out)?;
    let speaker = s.speaker.as_deref().unwrap_or("speaker unknown");
    writeln!(
        out,
        "{} {} · {} · {}",
        paint.dim(&format!("#{}", s.id)),
        paint.bold(speaker),
        count(s.outlets.len(), "outlet"),
        count(s.quotes.len(), "quotation"),
    )?;
    let assembled = if s.assembled {
        " (put together from its pieces)"
    } else {
        ""
    };
    writeln!(out, "  “{}”{assembled}", one_line(&s.canonical))?;
    if let Some(first) = &s.first_seen {
        let when = first
            .published
            .map_or("undated".to_string(), |t| t.to_string());
        let outlet = first.outlet.as_deref().unwrap_or(&first.doc);
        writeln!(out, "  first seen   {outlet}, {when}")?;
    }
    writeln!(out, "  printed by   {}", s.outlets.join(" → "))?;
    for v in &s.variants {
        let by = v.outlets.join(", ");
        let times = format!("×{}", v.quotes.len());
        if v.edits.is_empty() {
            writeln!(out, "  {times:>4} as above · {by}")?;
            continue;
        }
        let mut kinds: Vec<&str> = Vec::new();
        for e in &v.edits {
            if !kinds.contains(&e.kind.describe()) {
                kinds.push(e.kind.describe());
            }
        }
        writeln!(
            out,
            "  {times:>4} drift {:.2} ({}) · {by}\n         {}",
            v.drift_score,
            kinds.join(", "),
            inline(&s.canonical, v, paint)
        )?;
    }
    for group in &s.lineage {
        writeln!(
            out,
            "  same wording, maybe one source: {}",
            group.join(", ")
        )?;
    }
    Ok(())
}

/// Every quotation, by document: its kind and marks, its speaker and cue, its words.
fn write_quotations(out: &mut impl Write, tracker: &Tracker, paint: Paint) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", paint.bold("Quotations, by document"))?;
    let mut quotes = tracker.quotes().peekable();
    for doc in tracker.documents() {
        let published = doc.published.map(|t| t.to_string());
        writeln!(out)?;
        writeln!(
            out,
            "{} · {} · {}",
            paint.bold(&doc.id),
            doc.outlet.as_deref().unwrap_or("no outlet"),
            published.as_deref().unwrap_or("undated")
        )?;
        while let Some(q) = quotes.next_if(|q| q.document.id == doc.id) {
            let unclosed = if q.quotation.closed { "" } else { ", unclosed" };
            let speaker = match (q.speaker, q.attribution.cue.as_deref()) {
                (Some(speaker), Some(cue)) => format!("{speaker} (“{cue}”)"),
                (Some(speaker), None) => speaker.to_owned(),
                (None, _) => "speaker unknown".to_owned(),
            };
            writeln!(
                out,
                "  {} · {speaker}\n    {}",
                paint.dim(&format!(
                    "{} in {}{unclosed}",
                    q.quotation.kind, q.quotation.style
                )),
                one_line(q.text),
            )?;
        }
    }
    Ok(())
}

/// The canonical words with a variant's edits marked: `DONE→done`, `[+added+]`, `[-dropped-]`,
/// and `…` for the words a fragment leaves off; a translation or paraphrase as printed.
fn inline(canonical: &str, variant: &quotetrace::Variant, paint: Paint) -> String {
    let reworded =
        |e: &quotetrace::Edit| matches!(e.kind, EditKind::Translation | EditKind::Paraphrase);
    if variant.edits.iter().any(reworded) {
        return one_line(&variant.text);
    }
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
            EditKind::Insertion => paint.code("32", &format!("[+{}+]", e.variant_text)),
            EditKind::Truncation => paint.dim("…"),
            EditKind::Omission | EditKind::Splice => {
                paint.code("31", &format!("[-{}-]", e.canonical_text))
            }
            EditKind::Ellipsis => {
                paint.code("33", &format!("[{}…{}]", e.canonical_text, e.variant_text))
            }
            _ => paint.code("36", &format!("{}→{}", e.canonical_text, e.variant_text)),
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

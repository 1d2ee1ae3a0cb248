//! `quotetrace track`: the statements of a corpus, most printed first, with their outlets and
//! how each wording drifted, then every quotation by document; or the report as JSON, or its
//! quotations as JSON Lines.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use std::cell::Cell;

use quotetrace::corpus::read;
use quotetrace::{EditKind, LoadOptions, Report, Statement, Tracker};

use crate::progress::Bar;
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
    quotetrace track corpus.jsonl --jsonl > quotations.jsonl\n  \
    quotetrace track corpus.jsonl --html report.html\n  \
    quotetrace track corpus.jsonl --parquet tables/")]
pub(crate) struct Args {
    /// The corpus: a folder or a JSON Lines file.
    path: PathBuf,
    /// Print the whole report as JSON instead of the listing.
    #[arg(long, conflicts_with_all = ["jsonl", "html"])]
    json: bool,
    /// Print one JSON object per quotation (its statement, speaker, outlet, date, URL, offsets).
    #[arg(long, conflicts_with = "html")]
    jsonl: bool,
    /// Write the report as one self-contained HTML page to FILE (opens offline in any browser).
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Write the report's tables into folder DIR as Parquet files (quotations, statements,
    /// variants, outlets: the schema of the Python package's `Tracker.frames()`).
    #[arg(long, value_name = "DIR", conflicts_with_all = ["json", "jsonl", "html"])]
    parquet: Option<PathBuf>,
    /// Report bad lines on stderr and go on with the rest (otherwise the first one stops the run).
    #[arg(long)]
    lenient: bool,
    /// No progress bar: print nothing on stderr but errors.
    #[arg(long, short)]
    quiet: bool,
    /// No colour in the listing (also when NO_COLOR is set, or the output is no terminal).
    #[arg(long)]
    no_color: bool,
}

pub(crate) fn run(args: Args) -> Result<(), Failure> {
    let (tracker, bar) = read_corpus(&args.path, args.lenient, args.quiet)?;
    if args.json || args.jsonl {
        // Written as it is made: the whole report is never in memory.
        let statements = tracker.cluster_with_progress(|p| bar.tell(p, 0));
        bar.reporting(statements);
        let streamed = tracker.report_streamed();
        let mut out = BufWriter::new(io::stdout().lock());
        let result = if args.json {
            serde_json::to_writer_pretty(&mut out, &streamed)
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out))
        } else {
            streamed.write_rows(&mut out)
        };
        bar.finish();
        return written(result.and_then(|()| out.flush()));
    }
    let report = tracker.report_with_progress(|p| bar.tell(p, 0));
    bar.finish();
    if let Some(file) = &args.html {
        return write_page(file, &args.path, &report, args.quiet);
    }
    if let Some(dir) = &args.parquet {
        let files = quotetrace_arrow::write_parquet(&report, dir)
            .map_err(|e| Failure::Other(Some(format!("writing Parquet files: {e}"))))?;
        if !args.quiet {
            eprintln!(
                "quotetrace: wrote {} files into {} ({} statements)",
                files.len(),
                dir.display(),
                report.clusters.len()
            );
        }
        return Ok(());
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let paint = Paint(colour_wanted(args.no_color));
    let result = write_summary(&mut out, &report)
        .and_then(|()| write_statements(&mut out, &report, paint))
        .and_then(|()| write_quotations(&mut out, &tracker, paint));
    written(result.and_then(|()| out.flush()))
}

/// Reads the corpus a document at a time into a tracker that keeps no texts, with a progress
/// bar (returned, to go on showing the stages after). A bad line stops the run, or in lenient
/// mode is reported and skipped.
pub(crate) fn read_corpus(
    path: &Path,
    lenient: bool,
    quiet: bool,
) -> Result<(Tracker, Bar), Failure> {
    let options = LoadOptions::new().lenient(lenient);
    let mut documents = read(path, &options).map_err(Failure::input)?;
    // The file's size, for the bar's length and time left (a folder gives none).
    let size = documents
        .bytes_read()
        .and_then(|_| std::fs::metadata(path).ok())
        .map(|m| m.len());
    let bar = Bar::detecting(path, size, quiet);
    let bytes = Cell::new(0);
    let mut failure = None;
    let stream = std::iter::from_fn(|| loop {
        let item = documents.next();
        bytes.set(documents.bytes_read().unwrap_or(0));
        match item? {
            Ok(document) => return Some(document),
            Err(error) if lenient && !documents.stopped() => {
                bar.suspend(|| eprintln!("quotetrace: skipped: {error}"));
            }
            Err(error) => {
                failure = Some(error);
                return None;
            }
        }
    });
    let mut tracker = Tracker::new().keep_texts(false);
    let added = tracker.extend_with_progress(stream, |p| bar.tell(p, bytes.get()));
    let result = match (failure, added) {
        (Some(error), _) => Err(Failure::input(error)),
        (None, Err(duplicate)) => Err(Failure::input(duplicate)),
        (None, Ok(())) => Ok(()),
    };
    if result.is_err() {
        bar.finish();
    }
    result.map(|()| (tracker, bar))
}

/// The HTML page of `report` in `file`, titled after the corpus at `path`.
fn write_page(
    file: &std::path::Path,
    path: &std::path::Path,
    report: &Report,
    quiet: bool,
) -> Result<(), Failure> {
    let failed = |e: io::Error| Failure::Other(Some(format!("writing {}: {e}", file.display())));
    let created = std::fs::File::create(file).map_err(failed)?;
    let mut out = BufWriter::new(created);
    let title = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    crate::html::write_html(&mut out, report, &title)
        .and_then(|()| out.flush())
        .map_err(failed)?;
    if !quiet {
        eprintln!(
            "quotetrace: wrote {} ({} statements)",
            file.display(),
            report.clusters.len()
        );
    }
    Ok(())
}

/// Colour only on a terminal, and never when asked not to (`--no-color`, or `NO_COLOR` set to
/// anything but the empty string, as <https://no-color.org> has it).
fn colour_wanted(no_color: bool) -> bool {
    let forbidden = no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !forbidden && io::stdout().is_terminal()
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
    let speaker = plain(s.speaker.as_deref().unwrap_or("speaker unknown"));
    writeln!(
        out,
        "{} {} · {} · {}",
        paint.dim(&format!("#{} [{}]", s.id, s.key)),
        paint.bold(&speaker),
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
        let outlet = plain(first.outlet.as_deref().unwrap_or(&first.doc));
        writeln!(out, "  first seen   {outlet}, {when}")?;
    }
    writeln!(out, "  printed by   {}", names(&s.outlets, " → "))?;
    for v in &s.variants {
        let by = names(&v.outlets, ", ");
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
            names(group, ", ")
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
            paint.bold(&plain(&doc.id)),
            plain(doc.outlet.as_deref().unwrap_or("no outlet")),
            published.as_deref().unwrap_or("undated")
        )?;
        while let Some(q) = quotes.next_if(|q| q.document.id == doc.id) {
            let unclosed = if q.quotation.closed { "" } else { ", unclosed" };
            let speaker = match (q.speaker, q.attribution.cue.as_deref()) {
                (Some(speaker), Some(cue)) => format!("{} (“{}”)", plain(speaker), plain(cue)),
                (Some(speaker), None) => plain(speaker),
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
                .map(|w| plain(w)),
        );
        let text = match e.kind {
            EditKind::Insertion => paint.code("32", &format!("[+{}+]", plain(&e.variant_text))),
            EditKind::Truncation => paint.dim("…"),
            EditKind::Omission | EditKind::Splice => {
                paint.code("31", &format!("[-{}-]", plain(&e.canonical_text)))
            }
            EditKind::Ellipsis => paint.code(
                "33",
                &format!("[{}…{}]", plain(&e.canonical_text), plain(&e.variant_text)),
            ),
            _ => paint.code(
                "36",
                &format!("{}→{}", plain(&e.canonical_text), plain(&e.variant_text)),
            ),
        };
        parts.push(text);
        at = at.max(e.canonical.end.min(words.len()));
    }
    parts.extend(words[at..].iter().map(|w| plain(w)));
    parts.join(" ")
}

/// `text` with its control characters (a terminal's escape sequences among them: article text
/// is untrusted) shown as `�`.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

/// Names joined by `with`, each [`plain`].
fn names(list: &[String], with: &str) -> String {
    list.iter().map(|n| plain(n)).collect::<Vec<_>>().join(with)
}

/// The quotation on one line, cut to [`SHOWN_CHARS`], [`plain`].
fn one_line(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let line = plain(&words.join(" "));
    match line.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

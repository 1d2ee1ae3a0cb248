//! The report's quotations as flat rows, one per quotation, each with its statement and its
//! document's metadata: the shape that data frames (pandas, Polars, DuckDB) load directly.

use serde::Serialize;

use super::{DocumentInfo, QuoteRecord, Report};
use crate::detect::QuoteKind;
use crate::document::Timestamp;
use crate::text::hash::TextMap;

/// One quotation of a [`Report`] with its statement and its document's outlet, URL and time,
/// borrowed from the report: a line of `quotetrace track --jsonl`.
///
/// ```
/// use quotetrace::{Document, Tracker};
///
/// let mut tracker = Tracker::new();
/// tracker.add(Document::new("a", "\"Stop the strikes,\" Trump wrote.").with_outlet("one.example"))?;
/// let report = tracker.report();
/// let row = report.quotation_rows().next().unwrap();
/// assert_eq!((row.text, row.outlet, row.statement), ("Stop the strikes,", Some("one.example"), 0));
/// assert_eq!(row.canonical, report.clusters[0].canonical);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct QuotationRow<'a> {
    /// The quotation's id (`doc#n`).
    pub quote: &'a str,
    /// Its statement's id ([`Statement::id`](super::Statement::id)).
    pub statement: usize,
    /// Its statement's key, which stays as documents are added
    /// ([`Statement::key`](super::Statement::key)).
    pub statement_key: &'a str,
    /// Its document's id.
    pub document: &'a str,
    /// The document's outlet.
    pub outlet: Option<&'a str>,
    /// The document's URL.
    pub url: Option<&'a str>,
    /// When the document was published.
    pub published: Option<Timestamp>,
    /// Byte offset of the quoted text in the document (marks excluded).
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// The quoted text.
    pub text: &'a str,
    /// The speaker, if known.
    pub speaker: Option<&'a str>,
    /// The attributing words, if any.
    pub cue: Option<&'a str>,
    /// Full quotation or fragment.
    pub kind: QuoteKind,
    /// Its language (ISO 639-1), where known.
    pub language: Option<&'a str>,
    /// Its statement's canonical wording.
    pub canonical: &'a str,
}

impl Report {
    /// Every quotation as a [`QuotationRow`], in the order of [`quotes`](Self::quotes).
    pub fn quotation_rows(&self) -> impl ExactSizeIterator<Item = QuotationRow<'_>> + '_ {
        let by_id: TextMap<&str, &DocumentInfo> =
            self.documents.iter().map(|d| (d.id.as_str(), d)).collect();
        self.quotes.iter().map(move |q| {
            let statement = self.clusters.get(q.cluster);
            let key = statement.map_or("", |s| s.key.as_str());
            let canonical = statement.map_or("", |s| s.canonical.as_str());
            row(q, by_id.get(q.doc.as_str()).copied(), key, canonical)
        })
    }
}

/// The row of quotation `q`, of document `doc`, whose statement has `key` and `canonical`.
pub(super) fn row<'a>(
    q: &'a QuoteRecord,
    doc: Option<&'a DocumentInfo>,
    key: &'a str,
    canonical: &'a str,
) -> QuotationRow<'a> {
    QuotationRow {
        quote: &q.id,
        statement: q.cluster,
        statement_key: key,
        document: &q.doc,
        outlet: doc.and_then(|d| d.outlet.as_deref()),
        url: doc.and_then(|d| d.url.as_deref()),
        published: doc.and_then(|d| d.published),
        start: q.start,
        end: q.end,
        text: &q.text,
        speaker: q.speaker.as_deref(),
        cue: q.cue.as_deref(),
        kind: q.kind,
        language: q.language.as_deref(),
        canonical,
    }
}

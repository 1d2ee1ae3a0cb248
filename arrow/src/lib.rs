//! quotetrace in Apache Arrow: the one layout the Python package, Spark's `mapInArrow`, Ray
//! Data's `map_batches` and the Parquet files of `quotetrace track --parquet` share.
//!
//! - [`process_batch`]: a record batch of documents in, one of their quotations out, each with
//!   its speaker and the keys clustering blocks on.
//! - [`frames`]: a [`Report`] as four tables (`quotations`, `statements`, `variants`,
//!   `outlets`).
//! - [`write_parquet`] (feature `parquet`): those tables as Parquet files.
//! - [`relate_batch`] and [`form_batch`]: clustering's verification of candidate pairs and its
//!   forming of statements from the verified links, a batch at a time, for a program that
//!   spreads clustering over machines (the Python package's `quotetrace.spark`);
//!   [`summarize_batch`]: the statements' canonical wordings, speakers and drift, from their
//!   quotations.
//!
//! ```
//! use std::sync::Arc;
//! use arrow_array::{Array, RecordBatch, StringArray};
//! use arrow_array::cast::AsArray;
//!
//! let documents = RecordBatch::try_from_iter([
//!     ("id", Arc::new(StringArray::from(vec!["a"])) as _),
//!     ("text", Arc::new(StringArray::from(vec![r#""Vladimir, STOP!" Trump wrote."#])) as _),
//! ])
//! .unwrap();
//! let quotations = quotetrace_arrow::process_batch(&documents).unwrap();
//! assert_eq!(quotations.num_rows(), 1);
//! let speaker = quotations.column_by_name("speaker").unwrap().as_string::<i32>();
//! assert_eq!(speaker.value(0), "Trump");
//! ```
#![warn(missing_docs)]

use std::sync::Arc;

use arrow_array::builder::{
    BinaryBuilder, BooleanBuilder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
    UInt64Builder,
};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, Field, Schema};
use quotetrace::cluster::{blocking, ClusterConfig};
use quotetrace::{Report, Statement};

mod form;
mod input;
#[cfg(feature = "parquet")]
mod parquet_files;
mod relate;
mod summarize;

pub use form::form_batch;
use input::{texts, Texts};
#[cfg(feature = "parquet")]
pub use parquet_files::{write_parquet, ParquetError};
pub use relate::relate_batch;
pub use summarize::summarize_batch;

/// A record batch that cannot be read as documents.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BatchError {
    /// A column the batch needs is missing.
    #[error("the batch has no {name:?} column ({needs})")]
    MissingColumn {
        /// The column.
        name: String,
        /// What the batch needs: the columns it must have, and those it may.
        needs: &'static str,
    },
    /// A column is of a type that cannot be read as what it holds.
    #[error("column {name:?} must hold {wanted}, not {found}")]
    NotOfType {
        /// The column.
        name: String,
        /// What it must hold: `strings`, `booleans`, `64-bit integers`.
        wanted: String,
        /// Its type.
        found: String,
    },
    /// A row holds a value its column cannot have.
    #[error("row {row}: column {column:?} cannot be {value:?}")]
    Value {
        /// The column.
        column: String,
        /// The row, from 0.
        row: usize,
        /// The value.
        value: String,
    },
    /// A row has no id.
    #[error("row {row}: the id is null")]
    NullId {
        /// The row, from 0.
        row: usize,
    },
    /// A row's publication time cannot be read.
    #[error("row {row}, document {id:?}: published: {source}")]
    Published {
        /// The row, from 0.
        row: usize,
        /// The document's id.
        id: String,
        /// What is wrong with it.
        source: quotetrace::TimestampError,
    },
    /// Arrow could not cast or assemble a column.
    #[error("{context}: {source}")]
    Arrow {
        /// What was being done.
        context: String,
        /// Arrow's error.
        source: ArrowError,
    },
}

/// A table being built: each column beside its field, so that a schema cannot fall out of step
/// with its columns.
#[derive(Default)]
pub(crate) struct Table {
    fields: Vec<Field>,
    columns: Vec<ArrayRef>,
}

impl Table {
    /// The table with column `name` (its type the array's) added.
    pub(crate) fn with(mut self, name: &str, nullable: bool, array: impl Array + 'static) -> Self {
        self.fields
            .push(Field::new(name, array.data_type().clone(), nullable));
        self.columns.push(Arc::new(array));
        self
    }

    pub(crate) fn finish(self, name: &str) -> Result<RecordBatch, BatchError> {
        RecordBatch::try_new(Arc::new(Schema::new(self.fields)), self.columns).map_err(|source| {
            BatchError::Arrow {
                context: format!("building the {name} table"),
                source,
            }
        })
    }
}

/// A value's serde name (`"fragment"`, `"curly_single"`): what the JSON report writes.
pub fn serde_name(value: &impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A list-of-strings column.
fn string_lists() -> ListBuilder<StringBuilder> {
    ListBuilder::new(StringBuilder::new())
}

/// What a batch of documents needs.
const DOCUMENTS: Option<&str> =
    Some("it needs \"id\" and \"text\"; \"outlet\", \"url\" and \"published\" are optional");

/// The quotations of the documents of `batch`, one row each, in order of the rows and then of
/// position; read as [`quotetrace::Tracker`] reads a document ([`quotetrace::read`]), on all
/// cores, with the same result as on one.
///
/// `batch` has columns `id` and `text`, and optionally `outlet`, `url` and `published` (an ISO
/// 8601 string, or an Arrow date or timestamp); any of Arrow's string layouts. The output's
/// columns:
///
/// | column | type | |
/// |---|---|---|
/// | `document`, `quote` | string | the document's id; the quotation's, `document#n` |
/// | `position` | int64 | its place in the document, from 0 |
/// | `outlet`, `url` | string, nullable | the document's |
/// | `published` | string, nullable | the document's publication time, written as the report writes it |
/// | `start`, `end` | int64 | UTF-8 byte offsets of its text in the document's |
/// | `text`, `kind`, `style` | string | as in the JSON report |
/// | `closed` | bool | whether its closing mark was found |
/// | `speaker`, `cue`, `method` | string, nullable | its attribution as written |
/// | `language` | string, nullable | ISO 639-1, by its words or its document's |
/// | `goes_on` | bool | it continues the quotation before it |
/// | `phrase` | uint64 | the content key of its matching form ([`quotetrace::cluster::Blocking`]) |
/// | `words` | int64 | the words of its matching form |
/// | `pairs` | list of uint64 | its blocking keys: the word pairs clustering indexes it by |
/// | `sort_key` | binary | sorts as the tracker orders quotations: by document (chronologically, then by id), then by position |
pub fn process_batch(batch: &RecordBatch) -> Result<RecordBatch, BatchError> {
    let (mut c1, mut c2, mut c3, mut c4, mut c5) = (None, None, None, None, None);
    let ids = texts(batch, "id", DOCUMENTS, &mut c1)?;
    let bodies = texts(batch, "text", DOCUMENTS, &mut c2)?;
    let outlets = texts(batch, "outlet", None, &mut c3)?;
    let urls = texts(batch, "url", None, &mut c4)?;
    let published = texts(batch, "published", None, &mut c5)?;
    let rows = batch.num_rows();
    check_rows(rows, &ids, &published)?;
    let config = ClusterConfig::default();
    let read = |row: usize| {
        let text = bodies.get(row).unwrap_or("");
        quotetrace::read(text)
            .into_iter()
            .map(|r| {
                let keys = blocking(r.quotation.text(text), &config);
                (r, keys)
            })
            .collect::<Vec<_>>()
    };
    use rayon::prelude::*;
    let found: Vec<Vec<_>> = (0..rows).into_par_iter().map(read).collect();

    let n: usize = found.iter().map(Vec::len).sum();
    let strings = || StringBuilder::with_capacity(n, 16 * n);
    let (mut document, mut quote, mut outlet, mut url, mut dated) =
        (strings(), strings(), strings(), strings(), strings());
    let (mut text, mut kind, mut style, mut language) =
        (strings(), strings(), strings(), strings());
    let (mut speaker, mut cue, mut method) = (strings(), strings(), strings());
    let ints = || Int64Builder::with_capacity(n);
    let (mut position, mut start, mut end, mut words) = (ints(), ints(), ints(), ints());
    let (mut closed, mut goes_on) = (
        BooleanBuilder::with_capacity(n),
        BooleanBuilder::with_capacity(n),
    );
    let mut phrase = UInt64Builder::with_capacity(n);
    let mut pairs = ListBuilder::new(UInt64Builder::new());
    let mut sort_key = BinaryBuilder::with_capacity(n, 32 * n);
    let (mut id_buffer, mut key_buffer) = (String::new(), Vec::new());
    for (row, quotations) in found.iter().enumerate() {
        let id = ids.get(row).unwrap_or_default();
        let body = bodies.get(row).unwrap_or("");
        // Read by `check_rows` already.
        let when = published
            .get(row)
            .and_then(|p| quotetrace::Timestamp::parse(p).ok());
        let written = when.map(|t| t.to_string());
        for (k, (r, keys)) in quotations.iter().enumerate() {
            let (q, a) = (&r.quotation, &r.attribution);
            document.append_value(id);
            id_buffer.clear();
            {
                use std::fmt::Write;
                let _ = write!(id_buffer, "{id}#{}", k + 1);
            }
            quote.append_value(&id_buffer);
            position.append_value(k as i64);
            outlet.append_option(outlets.get(row));
            url.append_option(urls.get(row));
            dated.append_option(written.as_deref());
            start.append_value(q.span.start as i64);
            end.append_value(q.span.end as i64);
            text.append_value(q.text(body));
            kind.append_value(serde_name(&q.kind));
            style.append_value(serde_name(&q.style));
            closed.append_value(q.closed);
            speaker.append_option(a.speaker.as_deref());
            cue.append_option(a.cue.as_deref());
            method.append_option(a.method.as_ref().map(serde_name));
            language.append_option(r.language);
            goes_on.append_value(r.goes_on);
            phrase.append_value(keys.phrase);
            words.append_value(keys.words as i64);
            pairs.append_value(keys.pairs.iter().copied().map(Some));
            key_buffer.clear();
            sort_key_of(when, id, k, &mut key_buffer);
            sort_key.append_value(&key_buffer);
        }
    }
    Table::default()
        .with("document", false, document.finish())
        .with("quote", false, quote.finish())
        .with("position", false, position.finish())
        .with("outlet", true, outlet.finish())
        .with("url", true, url.finish())
        .with("published", true, dated.finish())
        .with("start", false, start.finish())
        .with("end", false, end.finish())
        .with("text", false, text.finish())
        .with("kind", false, kind.finish())
        .with("style", false, style.finish())
        .with("closed", false, closed.finish())
        .with("speaker", true, speaker.finish())
        .with("cue", true, cue.finish())
        .with("method", true, method.finish())
        .with("language", true, language.finish())
        .with("goes_on", false, goes_on.finish())
        .with("phrase", false, phrase.finish())
        .with("words", false, words.finish())
        .with("pairs", false, pairs.finish())
        .with("sort_key", false, sort_key.finish())
        .finish("quotations")
}

/// Writes into `out` the sort key of quotation `position` of document `id` published `when`:
/// bytes that compare (as unsigned bytes, the order of Arrow's, Spark's and Parquet's binary
/// columns) as [`quotetrace::Tracker`] orders quotations: documents by
/// [`quotetrace::Document::chronological_cmp`] (undated last, then by id), quotations by
/// position.
fn sort_key_of(when: Option<quotetrace::Timestamp>, id: &str, position: usize, out: &mut Vec<u8>) {
    out.push(u8::from(when.is_none()));
    if let Some(t) = when {
        // The instant with its sign bit flipped, so that it orders as an unsigned number; then
        // the rest of the timestamp's order: date-only after timed, no offset before one.
        out.extend_from_slice(&((t.unix_seconds() as u64) ^ (1 << 63)).to_be_bytes());
        out.push(u8::from(t.is_date_only()));
        match t.offset_minutes() {
            None => out.push(0),
            Some(m) => {
                out.push(1);
                out.extend_from_slice(&((m as i16 as u16) ^ (1 << 15)).to_be_bytes());
            }
        }
    }
    // The id, each zero byte escaped and the end marked by two: a prefix of an id then sorts
    // before it, as strings do.
    for b in id.bytes() {
        out.push(b);
        if b == 0 {
            out.push(0xff);
        }
    }
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&(position as u64).to_be_bytes());
}

/// Every row has an id and a readable publication time (or none), before any is read.
fn check_rows(rows: usize, ids: &Texts<'_>, published: &Texts<'_>) -> Result<(), BatchError> {
    for row in 0..rows {
        let Some(id) = ids.get(row) else {
            return Err(BatchError::NullId { row });
        };
        if let Some(p) = published.get(row) {
            if let Err(source) = quotetrace::Timestamp::parse(p) {
                return Err(BatchError::Published {
                    row,
                    id: id.to_string(),
                    source,
                });
            }
        }
    }
    Ok(())
}

/// The report as four tables, by name: `quotations` (a row per quotation: the rows of
/// `quotetrace track --jsonl`), `statements` (a row per statement), `variants` (a row per
/// distinct wording of a statement, with its drift) and `outlets` (a row per outlet).
///
/// ```
/// use quotetrace::{Document, Tracker};
///
/// let mut tracker = Tracker::new();
/// tracker.add(Document::new("a", r#""Vladimir, STOP!" Trump wrote."#)).unwrap();
/// let tables = quotetrace_arrow::frames(&tracker.report()).unwrap();
/// let names: Vec<&str> = tables.iter().map(|(name, _)| *name).collect();
/// assert_eq!(names, ["quotations", "statements", "variants", "outlets"]);
/// assert_eq!(tables[0].1.num_rows(), 1);
/// ```
pub fn frames(report: &Report) -> Result<Vec<(&'static str, RecordBatch)>, BatchError> {
    Ok(vec![
        ("quotations", quotations_table(report)?),
        (
            "statements",
            statements_table(&report.clusters).finish("statements")?,
        ),
        ("variants", variants_table(&report.clusters)?),
        ("outlets", outlets_table(report)?),
    ])
}

fn quotations_table(report: &Report) -> Result<RecordBatch, BatchError> {
    let strings = StringBuilder::new;
    let (mut quote, mut key, mut document) = (strings(), strings(), strings());
    let (mut outlet, mut url, mut published) = (strings(), strings(), strings());
    let (mut text, mut speaker, mut cue) = (strings(), strings(), strings());
    let (mut kind, mut language, mut canonical) = (strings(), strings(), strings());
    let (mut statement, mut start, mut end) = (
        Int64Builder::new(),
        Int64Builder::new(),
        Int64Builder::new(),
    );
    for row in report.quotation_rows() {
        quote.append_value(row.quote);
        statement.append_value(row.statement as i64);
        key.append_value(row.statement_key);
        document.append_value(row.document);
        outlet.append_option(row.outlet);
        url.append_option(row.url);
        published.append_option(row.published.map(|p| p.to_string()));
        start.append_value(row.start as i64);
        end.append_value(row.end as i64);
        text.append_value(row.text);
        speaker.append_option(row.speaker);
        cue.append_option(row.cue);
        kind.append_value(serde_name(&row.kind));
        language.append_option(row.language);
        canonical.append_value(row.canonical);
    }
    Table::default()
        .with("quote", false, quote.finish())
        .with("statement", false, statement.finish())
        .with("statement_key", false, key.finish())
        .with("document", false, document.finish())
        .with("outlet", true, outlet.finish())
        .with("url", true, url.finish())
        .with("published", true, published.finish())
        .with("start", false, start.finish())
        .with("end", false, end.finish())
        .with("text", false, text.finish())
        .with("speaker", true, speaker.finish())
        .with("cue", true, cue.finish())
        .with("kind", false, kind.finish())
        .with("language", true, language.finish())
        .with("canonical", false, canonical.finish())
        .finish("quotations")
}

/// The `statements` table of `statements`, to be finished (or have more columns added).
pub(crate) fn statements_table(statements: &[Statement]) -> Table {
    let strings = StringBuilder::new;
    let mut id = Int64Builder::new();
    let (mut key, mut canonical, mut speaker, mut language) =
        (strings(), strings(), strings(), strings());
    let (mut first_doc, mut first_outlet, mut first_published) = (strings(), strings(), strings());
    let mut assembled = BooleanBuilder::new();
    let (mut quotations, mut variants) = (Int64Builder::new(), Int64Builder::new());
    let (mut outlets, mut quotes) = (string_lists(), string_lists());
    for s in statements {
        id.append_value(s.id as i64);
        key.append_value(&s.key);
        canonical.append_value(&s.canonical);
        speaker.append_option(s.speaker.as_deref());
        language.append_option(s.language.as_deref());
        assembled.append_value(s.assembled);
        quotations.append_value(s.quotes.len() as i64);
        variants.append_value(s.variants.len() as i64);
        outlets.append_value(s.outlets.iter().map(Some));
        quotes.append_value(s.quotes.iter().map(Some));
        let first = s.first_seen.as_ref();
        first_doc.append_option(first.map(|f| f.doc.as_str()));
        first_outlet.append_option(first.and_then(|f| f.outlet.as_deref()));
        first_published.append_option(first.and_then(|f| f.published).map(|p| p.to_string()));
    }
    Table::default()
        .with("statement", false, id.finish())
        .with("key", false, key.finish())
        .with("canonical", false, canonical.finish())
        .with("speaker", true, speaker.finish())
        .with("language", true, language.finish())
        .with("assembled", false, assembled.finish())
        .with("quotations", false, quotations.finish())
        .with("variants", false, variants.finish())
        .with("outlets", false, outlets.finish())
        .with("quotes", false, quotes.finish())
        .with("first_document", true, first_doc.finish())
        .with("first_outlet", true, first_outlet.finish())
        .with("first_published", true, first_published.finish())
}

/// The `variants` table of `statements`.
pub(crate) fn variants_table(statements: &[Statement]) -> Result<RecordBatch, BatchError> {
    let mut statement = Int64Builder::new();
    let (mut key, mut text) = (StringBuilder::new(), StringBuilder::new());
    let mut drift = Float64Builder::new();
    let (mut quotes, mut outlets, mut edits) = (string_lists(), string_lists(), string_lists());
    for s in statements {
        for v in &s.variants {
            statement.append_value(s.id as i64);
            key.append_value(&s.key);
            text.append_value(&v.text);
            drift.append_value(v.drift_score);
            quotes.append_value(v.quotes.iter().map(Some));
            outlets.append_value(v.outlets.iter().map(Some));
            edits.append_value(v.edits.iter().map(|e| Some(serde_name(&e.kind))));
        }
    }
    Table::default()
        .with("statement", false, statement.finish())
        .with("statement_key", false, key.finish())
        .with("text", false, text.finish())
        .with("drift_score", false, drift.finish())
        .with("quotes", false, quotes.finish())
        .with("outlets", false, outlets.finish())
        .with("edits", false, edits.finish())
        .finish("variants")
}

fn outlets_table(report: &Report) -> Result<RecordBatch, BatchError> {
    let mut outlet = StringBuilder::new();
    let (mut statements, mut first) = (Int64Builder::new(), Int64Builder::new());
    let mut drift = Float64Builder::new();
    for o in &report.outlets {
        outlet.append_value(&o.outlet);
        statements.append_value(o.statements.len() as i64);
        first.append_value(o.first.len() as i64);
        drift.append_value(o.mean_drift);
    }
    Table::default()
        .with("outlet", false, outlet.finish())
        .with("statements", false, statements.finish())
        .with("first", false, first.finish())
        .with("mean_drift", false, drift.finish())
        .finish("outlets")
}

//! Arrow in and out: the documents of a record batch read column by column, their quotations
//! written as one, and the report laid out as tables.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use quotetrace::Report;

use crate::serde_name;

/// A text column of any of Arrow's string layouts, read a row at a time.
enum Texts<'a> {
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
    Absent,
}

impl Texts<'_> {
    fn get(&self, row: usize) -> Option<&str> {
        match self {
            Texts::Utf8(a) => a.is_valid(row).then(|| a.value(row)),
            Texts::Large(a) => a.is_valid(row).then(|| a.value(row)),
            Texts::View(a) => a.is_valid(row).then(|| a.value(row)),
            Texts::Absent => None,
        }
    }
}

/// Column `name` of `batch` as text: any string layout, or (for dates and times) cast to one
/// into `cast`; absent when the batch has no such column and `required` is false.
fn texts<'a>(
    batch: &'a RecordBatch,
    name: &str,
    required: bool,
    cast: &'a mut Option<ArrayRef>,
) -> PyResult<Texts<'a>> {
    let Some(column) = batch.column_by_name(name) else {
        return if required {
            Err(PyValueError::new_err(format!(
                "the batch has no {name:?} column (it needs \"id\" and \"text\"; \"outlet\", \"url\" \
                 and \"published\" are optional)"
            )))
        } else {
            Ok(Texts::Absent)
        };
    };
    let column: &'a ArrayRef = match column.data_type() {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => column,
        DataType::Null => return Ok(Texts::Absent),
        other => {
            let readable = matches!(
                other,
                DataType::Date32 | DataType::Date64 | DataType::Timestamp(..)
            ) && name == "published";
            if !readable {
                return Err(PyValueError::new_err(format!(
                    "column {name:?} must hold strings, not {other}"
                )));
            }
            let as_text = arrow_cast::cast(column, &DataType::Utf8)
                .map_err(|e| PyValueError::new_err(format!("column {name:?}: {e}")))?;
            &*cast.insert(as_text)
        }
    };
    Ok(match column.data_type() {
        DataType::LargeUtf8 => Texts::Large(column.as_string::<i64>()),
        DataType::Utf8View => Texts::View(column.as_string_view()),
        _ => Texts::Utf8(column.as_string::<i32>()),
    })
}

/// The schema of [`process_batch`]'s output, one row per quotation.
fn quotations_schema() -> Schema {
    let text = |name: &str, nullable| Field::new(name, DataType::Utf8, nullable);
    Schema::new(vec![
        text("document", false),
        text("quote", false),
        Field::new("position", DataType::Int64, false),
        text("outlet", true),
        text("url", true),
        text("published", true),
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
        text("text", false),
        text("kind", false),
        text("style", false),
        Field::new("closed", DataType::Boolean, false),
        text("speaker", true),
        text("cue", true),
        text("method", true),
    ])
}

/// One document's quotations as `process_batch` writes them.
struct Found {
    quotations: Vec<quotetrace::Quotation>,
    attributions: Vec<quotetrace::Attribution>,
}

/// The quotations of the documents of `batch` (columns `id`, `text`, and optionally `outlet`,
/// `url`, `published`), in order of the rows and then of position: detected and attributed on
/// all cores, with the same result as on one.
pub(crate) fn process_batch(batch: &RecordBatch) -> PyResult<RecordBatch> {
    let (mut c1, mut c2, mut c3, mut c4, mut c5) = (None, None, None, None, None);
    let ids = texts(batch, "id", true, &mut c1)?;
    let bodies = texts(batch, "text", true, &mut c2)?;
    let outlets = texts(batch, "outlet", false, &mut c3)?;
    let urls = texts(batch, "url", false, &mut c4)?;
    let published = texts(batch, "published", false, &mut c5)?;
    let rows = batch.num_rows();
    for row in 0..rows {
        if ids.get(row).is_none() {
            return Err(PyValueError::new_err(format!("row {row}: the id is null")));
        }
        if let Some(p) = published.get(row) {
            if let Err(e) = quotetrace::Timestamp::parse(p) {
                let id = ids.get(row).unwrap_or_default();
                return Err(PyValueError::new_err(format!(
                    "row {row}, document {id:?}: published: {e}"
                )));
            }
        }
    }
    let read = |row: usize| {
        let text = bodies.get(row).unwrap_or("");
        let quotations = quotetrace::detect(text);
        let attributions = quotetrace::attribute(text, &quotations);
        Found {
            quotations,
            attributions,
        }
    };
    use rayon::prelude::*;
    let found: Vec<Found> = (0..rows).into_par_iter().map(read).collect();

    let n: usize = found.iter().map(|f| f.quotations.len()).sum();
    let strings = || StringBuilder::with_capacity(n, 16 * n);
    let (mut document, mut quote, mut outlet, mut url, mut when) =
        (strings(), strings(), strings(), strings(), strings());
    let (mut text, mut kind, mut style) = (strings(), strings(), strings());
    let (mut speaker, mut cue, mut method) = (strings(), strings(), strings());
    let (mut position, mut start, mut end) = (
        Int64Builder::with_capacity(n),
        Int64Builder::with_capacity(n),
        Int64Builder::with_capacity(n),
    );
    let mut closed = BooleanBuilder::with_capacity(n);
    for (row, f) in found.iter().enumerate() {
        let id = ids.get(row).unwrap_or_default();
        let body = bodies.get(row).unwrap_or("");
        for (k, (q, a)) in f.quotations.iter().zip(&f.attributions).enumerate() {
            document.append_value(id);
            quote.append_value(format!("{id}#{}", k + 1));
            position.append_value(k as i64);
            outlet.append_option(outlets.get(row));
            url.append_option(urls.get(row));
            when.append_option(published.get(row));
            start.append_value(q.span.start as i64);
            end.append_value(q.span.end as i64);
            text.append_value(q.text(body));
            kind.append_value(serde_name(&q.kind));
            style.append_value(serde_name(&q.style));
            closed.append_value(q.closed);
            speaker.append_option(a.speaker.as_deref());
            cue.append_option(a.cue.as_deref());
            method.append_option(a.method.as_ref().map(serde_name));
        }
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(document.finish()),
        Arc::new(quote.finish()),
        Arc::new(position.finish()),
        Arc::new(outlet.finish()),
        Arc::new(url.finish()),
        Arc::new(when.finish()),
        Arc::new(start.finish()),
        Arc::new(end.finish()),
        Arc::new(text.finish()),
        Arc::new(kind.finish()),
        Arc::new(style.finish()),
        Arc::new(closed.finish()),
        Arc::new(speaker.finish()),
        Arc::new(cue.finish()),
        Arc::new(method.finish()),
    ];
    batch_of(quotations_schema(), columns)
}

fn batch_of(schema: Schema, columns: Vec<ArrayRef>) -> PyResult<RecordBatch> {
    RecordBatch::try_new(Arc::new(schema), columns)
        .map_err(|e| crate::QuotetraceError::new_err(format!("building a record batch: {e}")))
}

/// A list-of-strings column.
fn string_lists() -> ListBuilder<StringBuilder> {
    ListBuilder::new(StringBuilder::new())
}

fn list_field(name: &str) -> Field {
    Field::new(
        name,
        DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
        false,
    )
}

/// The report as four tables: `quotations`, `statements`, `variants`, `outlets`.
pub(crate) fn frames(report: &Report) -> PyResult<Vec<(&'static str, RecordBatch)>> {
    Ok(vec![
        ("quotations", quotations_table(report)?),
        ("statements", statements_table(report)?),
        ("variants", variants_table(report)?),
        ("outlets", outlets_table(report)?),
    ])
}

/// One row per quotation: the rows of `quotetrace track --jsonl`.
fn quotations_table(report: &Report) -> PyResult<RecordBatch> {
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
    let text_field = |name: &str, nullable| Field::new(name, DataType::Utf8, nullable);
    let schema = Schema::new(vec![
        text_field("quote", false),
        Field::new("statement", DataType::Int64, false),
        text_field("statement_key", false),
        text_field("document", false),
        text_field("outlet", true),
        text_field("url", true),
        text_field("published", true),
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
        text_field("text", false),
        text_field("speaker", true),
        text_field("cue", true),
        text_field("kind", false),
        text_field("language", true),
        text_field("canonical", false),
    ]);
    batch_of(
        schema,
        vec![
            Arc::new(quote.finish()),
            Arc::new(statement.finish()),
            Arc::new(key.finish()),
            Arc::new(document.finish()),
            Arc::new(outlet.finish()),
            Arc::new(url.finish()),
            Arc::new(published.finish()),
            Arc::new(start.finish()),
            Arc::new(end.finish()),
            Arc::new(text.finish()),
            Arc::new(speaker.finish()),
            Arc::new(cue.finish()),
            Arc::new(kind.finish()),
            Arc::new(language.finish()),
            Arc::new(canonical.finish()),
        ],
    )
}

/// One row per statement.
fn statements_table(report: &Report) -> PyResult<RecordBatch> {
    let mut id = Int64Builder::new();
    let (mut key, mut canonical, mut speaker, mut language) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let (mut first_doc, mut first_outlet, mut first_published) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let mut assembled = BooleanBuilder::new();
    let (mut quotations, mut variants) = (Int64Builder::new(), Int64Builder::new());
    let (mut outlets, mut quotes) = (string_lists(), string_lists());
    for s in &report.clusters {
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
    let text_field = |name: &str, nullable| Field::new(name, DataType::Utf8, nullable);
    let schema = Schema::new(vec![
        Field::new("statement", DataType::Int64, false),
        text_field("key", false),
        text_field("canonical", false),
        text_field("speaker", true),
        text_field("language", true),
        Field::new("assembled", DataType::Boolean, false),
        Field::new("quotations", DataType::Int64, false),
        Field::new("variants", DataType::Int64, false),
        list_field("outlets"),
        list_field("quotes"),
        text_field("first_document", true),
        text_field("first_outlet", true),
        text_field("first_published", true),
    ]);
    batch_of(
        schema,
        vec![
            Arc::new(id.finish()),
            Arc::new(key.finish()),
            Arc::new(canonical.finish()),
            Arc::new(speaker.finish()),
            Arc::new(language.finish()),
            Arc::new(assembled.finish()),
            Arc::new(quotations.finish()),
            Arc::new(variants.finish()),
            Arc::new(outlets.finish()),
            Arc::new(quotes.finish()),
            Arc::new(first_doc.finish()),
            Arc::new(first_outlet.finish()),
            Arc::new(first_published.finish()),
        ],
    )
}

/// One row per variant wording of a statement, with its drift.
fn variants_table(report: &Report) -> PyResult<RecordBatch> {
    let mut statement = Int64Builder::new();
    let (mut key, mut text) = (StringBuilder::new(), StringBuilder::new());
    let mut drift = Float64Builder::new();
    let (mut quotes, mut outlets, mut edits) = (string_lists(), string_lists(), string_lists());
    for s in &report.clusters {
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
    let schema = Schema::new(vec![
        Field::new("statement", DataType::Int64, false),
        Field::new("statement_key", DataType::Utf8, false),
        Field::new("text", DataType::Utf8, false),
        Field::new("drift_score", DataType::Float64, false),
        list_field("quotes"),
        list_field("outlets"),
        list_field("edits"),
    ]);
    batch_of(
        schema,
        vec![
            Arc::new(statement.finish()),
            Arc::new(key.finish()),
            Arc::new(text.finish()),
            Arc::new(drift.finish()),
            Arc::new(quotes.finish()),
            Arc::new(outlets.finish()),
            Arc::new(edits.finish()),
        ],
    )
}

/// One row per outlet: how many statements it printed, how many it printed first, and how far
/// its wordings drifted on average.
fn outlets_table(report: &Report) -> PyResult<RecordBatch> {
    let mut outlet = StringBuilder::new();
    let (mut statements, mut first) = (Int64Builder::new(), Int64Builder::new());
    let mut drift = Float64Builder::new();
    for o in &report.outlets {
        outlet.append_value(&o.outlet);
        statements.append_value(o.statements.len() as i64);
        first.append_value(o.first.len() as i64);
        drift.append_value(o.mean_drift);
    }
    let schema = Schema::new(vec![
        Field::new("outlet", DataType::Utf8, false),
        Field::new("statements", DataType::Int64, false),
        Field::new("first", DataType::Int64, false),
        Field::new("mean_drift", DataType::Float64, false),
    ]);
    batch_of(
        schema,
        vec![
            Arc::new(outlet.finish()),
            Arc::new(statements.finish()),
            Arc::new(first.finish()),
            Arc::new(drift.finish()),
        ],
    )
}

/// `batch` as a `pyarrow.Table`.
pub(crate) fn to_table(py: Python<'_>, batch: RecordBatch) -> PyResult<Bound<'_, PyAny>> {
    let schema = batch.schema();
    pyo3_arrow::PyTable::try_new(vec![batch], schema)?.into_pyarrow(py)
}

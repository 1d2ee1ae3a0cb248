//! Each statement's canonical wording, speaker, variants and drift, worked out a batch of
//! statements at a time: the last step of the report, for a distributed program that formed
//! the statements and gathers each one's quotations in one partition.

use std::sync::Arc;

use arrow_array::builder::StringBuilder;
use arrow_array::cast::AsArray;
use arrow_array::{Array, ListArray, RecordBatch, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::Field;
use quotetrace::attribute::Method;
use quotetrace::report::{statement_of, DocumentInfo, QuoteRecord};
use quotetrace::{QuoteKind, Statement, Timestamp};
use rayon::prelude::*;
use serde::de::IntoDeserializer;
use serde::Deserialize;

use crate::form::{column, not_of_type, numbers, runs};
use crate::input::{texts, Texts};
use crate::BatchError;

const QUOTATIONS: Option<&str> = Some(
    "it needs \"statement\", \"quote\", \"document\", \"start\", \"end\", \"text\", \"kind\" and \
     \"sort_key\"; \"outlet\", \"url\", \"published\", \"speaker\" and \"language\" are optional",
);

/// The statements of `quotations`, a row each as [`crate::frames`]' `statements` table holds
/// them, worked out from their quotations alone by [`quotetrace::report::statement_of`]: the
/// same canonical wording, speaker, variants and drift as the single-machine report's.
///
/// `quotations` holds every quotation of the statements it names, as
/// [`crate::process_batch`] gives them, with a `statement` column (int64: the statement's
/// id): `statement`, `quote`, `document`, `start`, `end`, `text`, `kind` and `sort_key`, and
/// optionally
/// `outlet`, `url`, `published` (an ISO 8601 string), `speaker` (as it is spelled across the
/// corpus) and `language`. The rows may come in any order: each statement's quotations are
/// taken in order of `sort_key`.
///
/// The output has a row per statement, in order of id: the `statements` table's columns
/// (whose `key` is the statement's own: telling apart statements whose keys are the same is
/// left to who holds them all), then `lent`, the speaker the statement lends to its quotations
/// that name none (null when it lends none), and `wordings`, its rows of the `variants` table
/// as a list of structs.
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{BinaryArray, Int64Array, RecordBatch, StringArray};
/// use arrow_array::cast::AsArray;
///
/// let column = |values: Vec<&str>| Arc::new(StringArray::from(values)) as _;
/// let quotations = RecordBatch::try_from_iter([
///     ("statement", Arc::new(Int64Array::from(vec![0, 0])) as _),
///     ("quote", column(vec!["b#1", "a#1"])),
///     ("document", column(vec!["b", "a"])),
///     ("start", Arc::new(Int64Array::from(vec![1, 1])) as _),
///     ("end", Arc::new(Int64Array::from(vec![30, 30])) as _),
///     ("text", column(vec!["Lets get the peace deal done!", "Lets get the Peace Deal DONE!"])),
///     ("kind", column(vec!["full", "full"])),
///     ("sort_key", Arc::new(BinaryArray::from_vec(vec![b"2", b"1"])) as _),
///     ("speaker", Arc::new(StringArray::from(vec![None, Some("Trump")])) as _),
/// ])
/// .unwrap();
/// let statements = quotetrace_arrow::summarize_batch(&quotations).unwrap();
/// assert_eq!(statements.num_rows(), 1);
/// let text = |name: &str| statements.column_by_name(name).unwrap().as_string::<i32>().value(0).to_string();
/// assert_eq!(text("canonical"), "Lets get the Peace Deal DONE!");
/// assert_eq!(text("lent"), "Trump");
/// let wordings = statements.column_by_name("wordings").unwrap().as_list::<i32>();
/// assert_eq!(wordings.value(0).len(), 2);
/// ```
pub fn summarize_batch(quotations: &RecordBatch) -> Result<RecordBatch, BatchError> {
    let (mut c1, mut c2, mut c3, mut c4, mut c5) = (None, None, None, None, None);
    let (mut c6, mut c7, mut c8, mut c9) = (None, None, None, None);
    let quote = texts(quotations, "quote", QUOTATIONS, &mut c1)?;
    let document = texts(quotations, "document", QUOTATIONS, &mut c2)?;
    let text = texts(quotations, "text", QUOTATIONS, &mut c3)?;
    let kind = texts(quotations, "kind", QUOTATIONS, &mut c4)?;
    let outlet = texts(quotations, "outlet", None, &mut c5)?;
    let url = texts(quotations, "url", None, &mut c6)?;
    let published = texts(quotations, "published", None, &mut c7)?;
    let speaker = texts(quotations, "speaker", None, &mut c8)?;
    let language = texts(quotations, "language", None, &mut c9)?;
    let statement = numbers(quotations, "statement", QUOTATIONS)?;
    let start = numbers(quotations, "start", QUOTATIONS)?;
    let end = numbers(quotations, "end", QUOTATIONS)?;
    let sort_key = column(quotations, "sort_key", QUOTATIONS)?
        .as_binary_opt::<i32>()
        .ok_or_else(|| not_of_type(quotations, "sort_key", "binary"))?;
    let columns = Columns {
        quote,
        start,
        end,
        document,
        text,
        kind,
        outlet,
        url,
        published,
        speaker,
        language,
    };

    let mut rows: Vec<usize> = (0..quotations.num_rows()).collect();
    rows.sort_by(|&a, &b| {
        (statement[a], sort_key.value(a)).cmp(&(statement[b], sort_key.value(b)))
    });
    let groups = runs(&rows, |r| statement[r]);
    let worked = groups
        .par_iter()
        .map(|group| {
            let id = statement[group[0]];
            let id = usize::try_from(id).map_err(|_| BatchError::Value {
                column: "statement".to_string(),
                row: group[0],
                value: id.to_string(),
            })?;
            let (mut quotes, documents) = columns.read(group)?;
            let s = statement_of(id, &mut quotes, &documents);
            let lent = quotes
                .iter()
                .find(|q| q.method == Some(Method::Statement))
                .and_then(|q| q.speaker.clone());
            Ok((s, lent))
        })
        .collect::<Result<Vec<(Statement, Option<String>)>, BatchError>>()?;
    let (statements, lent): (Vec<Statement>, Vec<Option<String>>) = worked.into_iter().unzip();
    table(&statements, &lent)
}

/// The columns of a batch of quotations that a statement's quotations are read from.
struct Columns<'a> {
    quote: Texts<'a>,
    start: Vec<i64>,
    end: Vec<i64>,
    document: Texts<'a>,
    text: Texts<'a>,
    kind: Texts<'a>,
    outlet: Texts<'a>,
    url: Texts<'a>,
    published: Texts<'a>,
    speaker: Texts<'a>,
    language: Texts<'a>,
}

impl Columns<'_> {
    /// The quotations of `rows`, and the document of each.
    fn read(&self, rows: &[usize]) -> Result<(Vec<QuoteRecord>, Vec<DocumentInfo>), BatchError> {
        let mut quotes = Vec::with_capacity(rows.len());
        let mut documents = Vec::with_capacity(rows.len());
        for &row in rows {
            let doc = required(&self.document, "document", row)?;
            let mut q = QuoteRecord::new(
                required(&self.quote, "quote", row)?,
                doc,
                required(&self.text, "text", row)?,
            );
            let offset = |values: &[i64], name: &str| {
                usize::try_from(values[row]).map_err(|_| BatchError::Value {
                    column: name.to_string(),
                    row,
                    value: values[row].to_string(),
                })
            };
            (q.start, q.end) = (offset(&self.start, "start")?, offset(&self.end, "end")?);
            let kind = required(&self.kind, "kind", row)?;
            q.kind = QuoteKind::deserialize(kind.into_deserializer()).map_err(
                |_: serde::de::value::Error| BatchError::Value {
                    column: "kind".to_string(),
                    row,
                    value: kind.to_string(),
                },
            )?;
            q.speaker = self.speaker.get(row).map(str::to_string);
            q.language = self.language.get(row).map(str::to_string);
            let mut d = DocumentInfo::new(doc);
            d.outlet = self.outlet.get(row).map(str::to_string);
            d.url = self.url.get(row).map(str::to_string);
            if let Some(p) = self.published.get(row) {
                d.published = Some(Timestamp::parse(p).map_err(|_| BatchError::Value {
                    column: "published".to_string(),
                    row,
                    value: p.to_string(),
                })?);
            }
            quotes.push(q);
            documents.push(d);
        }
        Ok((quotes, documents))
    }
}

/// Row `row` of a column that must hold a value there.
fn required<'a>(column: &'a Texts<'_>, name: &str, row: usize) -> Result<&'a str, BatchError> {
    column.get(row).ok_or_else(|| BatchError::Value {
        column: name.to_string(),
        row,
        value: "null".to_string(),
    })
}

/// The statements table of `statements`, with the speaker each lends and its wordings.
fn table(statements: &[Statement], lent: &[Option<String>]) -> Result<RecordBatch, BatchError> {
    let wordings = StructArray::from(crate::variants_table(statements)?);
    let item = Arc::new(Field::new_list_field(wordings.data_type().clone(), false));
    let offsets = OffsetBuffer::from_lengths(statements.iter().map(|s| s.variants.len()));
    let wordings =
        ListArray::try_new(item, offsets, Arc::new(wordings), None).map_err(|source| {
            BatchError::Arrow {
                context: "listing the statements' wordings".to_string(),
                source,
            }
        })?;
    let mut lenders = StringBuilder::new();
    for s in lent {
        lenders.append_option(s.as_deref());
    }
    crate::statements_table(statements)
        .with("lent", true, lenders.finish())
        .with("wordings", false, wordings)
        .finish("statements")
}

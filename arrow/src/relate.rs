//! Candidate pairs verified a batch at a time: the step of clustering a distributed program
//! hands back to the Rust code once its shuffle has brought each pair's two wordings together.

use std::sync::Arc;

use arrow_array::builder::StringBuilder;
use arrow_array::{Array, BooleanArray, RecordBatch};
use arrow_schema::{Field, Schema};
use quotetrace::cluster::{relate, ClusterConfig};

use crate::input::texts;
use crate::{serde_name, BatchError};

/// What a batch of pairs needs.
const PAIRS: Option<&str> = Some("it needs \"text\" and \"other_text\"");

/// The pairs of `batch` that clustering relates, each with its relation: the verification
/// step of [`quotetrace::cluster::cluster`], a batch at a time, with the answers it gives
/// (see [`quotetrace::cluster::relate`]).
///
/// `batch` has string columns `text` and `other_text`, the two wordings of each pair (a null
/// is a wording with no words); `languages` are the languages of all the quotations being
/// clustered, the same for every batch. The output has the rows whose wordings are related, in
/// order, with every column of `batch` but the two texts, and a `relation` column: `variant`,
/// `part_of` (the text is a fragment of the other), `contains` or `overlap`.
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{Int64Array, RecordBatch, StringArray};
/// use arrow_array::cast::AsArray;
///
/// let pairs = RecordBatch::try_from_iter([
///     ("pair", Arc::new(Int64Array::from(vec![1, 2])) as _),
///     ("text", Arc::new(StringArray::from(vec!["Lets get the Peace Deal DONE!", "STOP"])) as _),
///     ("other_text", Arc::new(StringArray::from(vec!["Let's get the peace deal done", "go"])) as _),
/// ])
/// .unwrap();
/// let related = quotetrace_arrow::relate_batch(&pairs, &["en"]).unwrap();
/// assert_eq!(related.num_rows(), 1);
/// assert_eq!(related.schema().field(0).name(), "pair");
/// let relation = related.column_by_name("relation").unwrap().as_string::<i32>();
/// assert_eq!(relation.value(0), "variant");
/// ```
pub fn relate_batch(batch: &RecordBatch, languages: &[&str]) -> Result<RecordBatch, BatchError> {
    let (mut c1, mut c2) = (None, None);
    let first = texts(batch, "text", PAIRS, &mut c1)?;
    let second = texts(batch, "other_text", PAIRS, &mut c2)?;
    let rows = batch.num_rows();
    let pairs = (0..rows).map(|row| (first.get(row).unwrap_or(""), second.get(row).unwrap_or("")));
    let found = relate(pairs, languages, &ClusterConfig::default());

    let keep = BooleanArray::from_iter(found.iter().map(|r| Some(r.is_some())));
    let mut relation = StringBuilder::new();
    for r in found.iter().flatten() {
        relation.append_value(serde_name(r));
    }
    let relation = relation.finish();
    let mut fields: Vec<Field> = Vec::new();
    let mut columns = Vec::new();
    for (field, column) in batch.schema().fields().iter().zip(batch.columns()) {
        if field.name() != "text" && field.name() != "other_text" {
            fields.push(field.as_ref().clone());
            columns.push(
                arrow_select::filter::filter(column, &keep).map_err(|source| {
                    BatchError::Arrow {
                        context: format!("keeping the related rows of column {:?}", field.name()),
                        source,
                    }
                })?,
            );
        }
    }
    fields.push(Field::new("relation", relation.data_type().clone(), false));
    columns.push(Arc::new(relation));
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).map_err(|source| {
        BatchError::Arrow {
            context: "building the related pairs".to_string(),
            source,
        }
    })
}

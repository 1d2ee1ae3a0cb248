//! The documents' columns of a record batch, read as text whatever their string layout.

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::DataType;

use crate::BatchError;

/// A text column of any of Arrow's string layouts, read a row at a time.
pub(crate) enum Texts<'a> {
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
    Absent,
}

impl Texts<'_> {
    pub(crate) fn get(&self, row: usize) -> Option<&str> {
        match self {
            Texts::Utf8(a) => a.is_valid(row).then(|| a.value(row)),
            Texts::Large(a) => a.is_valid(row).then(|| a.value(row)),
            Texts::View(a) => a.is_valid(row).then(|| a.value(row)),
            Texts::Absent => None,
        }
    }
}

/// Column `name` of `batch` as text: any string layout, or (for dates and times in
/// `published`) cast to one into `cast`. `required` says what the batch needs when the column
/// is required (for the error that names it); an optional column the batch lacks is absent.
pub(crate) fn texts<'a>(
    batch: &'a RecordBatch,
    name: &str,
    required: Option<&'static str>,
    cast: &'a mut Option<ArrayRef>,
) -> Result<Texts<'a>, BatchError> {
    let Some(column) = batch.column_by_name(name) else {
        return match required {
            Some(needs) => Err(BatchError::MissingColumn {
                name: name.to_string(),
                needs,
            }),
            None => Ok(Texts::Absent),
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
                return Err(BatchError::NotOfType {
                    name: name.to_string(),
                    wanted: "strings".to_string(),
                    found: other.to_string(),
                });
            }
            let as_text =
                arrow_cast::cast(column, &DataType::Utf8).map_err(|source| BatchError::Arrow {
                    context: format!("column {name:?}"),
                    source,
                })?;
            &*cast.insert(as_text)
        }
    };
    Ok(match column.data_type() {
        DataType::LargeUtf8 => Texts::Large(column.as_string::<i64>()),
        DataType::Utf8View => Texts::View(column.as_string_view()),
        _ => Texts::Utf8(column.as_string::<i32>()),
    })
}

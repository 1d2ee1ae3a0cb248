//! Arrow in and out through `quotetrace-arrow` (the tables the command line's Parquet files
//! hold too), turned into Python's exceptions and pyarrow objects.

use arrow_array::RecordBatch;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use quotetrace::Report;
use quotetrace_arrow::BatchError;

/// An input error as a `ValueError` naming the row, the document or the column; Arrow's own
/// failures as `QuotetraceError`.
fn raised(error: BatchError) -> PyErr {
    match error {
        BatchError::Arrow { .. } => crate::QuotetraceError::new_err(error.to_string()),
        _ => PyValueError::new_err(error.to_string()),
    }
}

pub(crate) fn process_batch(batch: &RecordBatch) -> PyResult<RecordBatch> {
    quotetrace_arrow::process_batch(batch).map_err(raised)
}

pub(crate) fn relate_batch(batch: &RecordBatch, languages: &[&str]) -> PyResult<RecordBatch> {
    quotetrace_arrow::relate_batch(batch, languages).map_err(raised)
}

pub(crate) fn form_batch(
    items: &RecordBatch,
    links: &RecordBatch,
    languages: &[&str],
) -> PyResult<RecordBatch> {
    quotetrace_arrow::form_batch(items, links, languages).map_err(raised)
}

pub(crate) fn summarize_batch(quotations: &RecordBatch) -> PyResult<RecordBatch> {
    quotetrace_arrow::summarize_batch(quotations).map_err(raised)
}

pub(crate) fn frames(report: &Report) -> PyResult<Vec<(&'static str, RecordBatch)>> {
    quotetrace_arrow::frames(report).map_err(raised)
}

/// The tables of [`frames`] written into `dir` as Parquet files; their paths.
pub(crate) fn write_parquet(report: &Report, dir: &std::path::Path) -> PyResult<Vec<String>> {
    match quotetrace_arrow::write_parquet(report, dir) {
        Ok(files) => Ok(files.iter().map(|f| f.display().to_string()).collect()),
        Err(quotetrace_arrow::ParquetError::Io { path, source }) => Err(
            pyo3::exceptions::PyOSError::new_err(format!("{}: {source}", path.display())),
        ),
        Err(e) => Err(crate::QuotetraceError::new_err(e.to_string())),
    }
}

/// `batch` as a `pyarrow.Table`.
pub(crate) fn to_table(py: Python<'_>, batch: RecordBatch) -> PyResult<Bound<'_, PyAny>> {
    let schema = batch.schema();
    pyo3_arrow::PyTable::try_new(vec![batch], schema)?.into_pyarrow(py)
}

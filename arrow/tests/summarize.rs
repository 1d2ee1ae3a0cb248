//! `summarize_batch` works out the statements of the single-machine report from their
//! quotations alone.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::{Array, Int64Array, RecordBatch, StringArray, StructArray};
use quotetrace::attribute::Method;
use quotetrace::{Document, Tracker};

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data");

fn documents_batch(documents: &[Document]) -> RecordBatch {
    let strings = |f: &dyn Fn(&Document) -> Option<String>| {
        Arc::new(StringArray::from_iter(documents.iter().map(f))) as _
    };
    RecordBatch::try_from_iter([
        ("id", strings(&|d| Some(d.id.clone()))),
        ("outlet", strings(&|d| d.outlet.clone())),
        ("url", strings(&|d| d.url.clone())),
        (
            "published",
            strings(&|d| d.published.map(|p| p.to_string())),
        ),
        ("text", strings(&|d| Some(d.text.clone()))),
    ])
    .unwrap()
}

/// The quotations of `documents` as `process_batch` reads them, each with its statement in
/// the tracker's report and its speaker spelled as there (before its statement lends one),
/// rows in reverse.
fn quotations_of(documents: &[Document], report: &quotetrace::Report) -> RecordBatch {
    let rows = quotetrace_arrow::process_batch(&documents_batch(documents)).unwrap();
    let by_id: HashMap<&str, &quotetrace::QuoteRecord> =
        report.quotes.iter().map(|q| (q.id.as_str(), q)).collect();
    let ids = rows.column_by_name("quote").unwrap().as_string::<i32>();
    let reported: Vec<&quotetrace::QuoteRecord> = ids.iter().map(|id| by_id[id.unwrap()]).collect();
    let statement = Int64Array::from_iter_values(reported.iter().map(|q| q.cluster as i64));
    let speaker = StringArray::from_iter(reported.iter().map(|q| {
        (q.method != Some(Method::Statement))
            .then(|| q.speaker.clone())
            .flatten()
    }));
    let mut fields: Vec<_> = rows
        .schema()
        .fields()
        .iter()
        .map(|f| (**f).clone())
        .collect();
    let mut columns = rows.columns().to_vec();
    let place = fields.iter().position(|f| f.name() == "speaker").unwrap();
    columns[place] = Arc::new(speaker);
    fields.push(arrow_schema::Field::new(
        "statement",
        statement.data_type().clone(),
        false,
    ));
    columns.push(Arc::new(statement));
    let batch = RecordBatch::try_new(Arc::new(arrow_schema::Schema::new(fields)), columns).unwrap();
    let reverse = arrow_array::UInt32Array::from_iter_values((0..batch.num_rows() as u32).rev());
    arrow_select::take::take_record_batch(&batch, &reverse).unwrap()
}

#[test]
fn the_statements_are_the_reports() {
    let documents = quotetrace::load(DEMO).unwrap();
    let mut tracker = Tracker::new();
    tracker.extend(documents.iter().cloned()).unwrap();
    let report = tracker.report();
    let tables = quotetrace_arrow::frames(&report).unwrap();
    let (statements, variants) = (&tables[1].1, &tables[2].1);

    let got = quotetrace_arrow::summarize_batch(&quotations_of(&documents, &report)).unwrap();
    assert_eq!(got.num_rows(), report.clusters.len());
    for field in statements.schema().fields() {
        let name = field.name();
        assert_eq!(
            got.column_by_name(name).unwrap(),
            statements.column_by_name(name).unwrap(),
            "column {name}"
        );
    }
    let wordings = got.column_by_name("wordings").unwrap().as_list::<i32>();
    assert_eq!(
        wordings.values().as_struct(),
        &StructArray::from(variants.clone())
    );
    // The speaker each statement lent is the one its quotations took.
    let lent = got.column_by_name("lent").unwrap().as_string::<i32>();
    let mut lenders = 0;
    for q in &report.quotes {
        if q.method == Some(Method::Statement) {
            assert_eq!(Some(lent.value(q.cluster)), q.speaker.as_deref());
            lenders += 1;
        }
    }
    assert!(lenders > 0);
}

#[test]
fn a_quotation_that_cannot_be_read_is_named() {
    let documents = quotetrace::load(DEMO).unwrap();
    let mut tracker = Tracker::new();
    tracker.extend(documents.iter().cloned()).unwrap();
    let batch = quotations_of(&documents, &tracker.report());
    let place = batch.schema().index_of("kind").unwrap();
    let mut columns = batch.columns().to_vec();
    let mut kinds: Vec<String> = columns[place]
        .as_string::<i32>()
        .iter()
        .map(|k| k.unwrap().to_string())
        .collect();
    kinds[3] = "sideways".to_string();
    columns[place] = Arc::new(StringArray::from(kinds));
    let bad = RecordBatch::try_new(batch.schema(), columns).unwrap();
    let error = quotetrace_arrow::summarize_batch(&bad).unwrap_err();
    assert_eq!(
        error.to_string(),
        "row 3: column \"kind\" cannot be \"sideways\""
    );

    let without = batch.project(&[0, 1]).unwrap();
    let error = quotetrace_arrow::summarize_batch(&without).unwrap_err();
    assert!(error.to_string().contains("no \"text\" column"), "{error}");
}

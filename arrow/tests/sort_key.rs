//! The `sort_key` column orders quotations as the tracker does.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::{RecordBatch, StringArray};
use quotetrace::{Document, Timestamp, Tracker};

#[test]
fn sorting_by_the_key_gives_the_trackers_order() {
    let body = r#""We will rebuild every home," she said. "Every one of them.""#;
    // Ids that are prefixes of one another; undated documents; one instant written with and
    // without an offset; a date alone beside a time at its midnight.
    let documents: [(&str, Option<&str>); 9] = [
        ("b", None),
        ("a", None),
        ("ab", Some("2025-04-24T10:00:00Z")),
        ("a\u{0}b", Some("2025-04-24T10:00:00Z")),
        ("a", Some("2025-04-24T12:00:00+02:00")),
        ("c", Some("2025-04-24T10:00:00")),
        ("d", Some("2025-04-24")),
        ("e", Some("2025-04-24T00:00:00Z")),
        ("f", Some("1969-12-31T23:00:00Z")),
    ];
    // Distinct ids: the undated "a" is "a2".
    let documents: Vec<(String, Option<&str>)> = documents
        .iter()
        .enumerate()
        .map(|(i, &(id, p))| (if i == 1 { "a2".into() } else { id.into() }, p))
        .collect();
    let mut tracker = Tracker::new();
    for (id, published) in &documents {
        let mut d = Document::new(id.clone(), body);
        if let Some(p) = published {
            d = d.with_published(Timestamp::parse(p).unwrap());
        }
        tracker.add(d).unwrap();
    }
    let expected: Vec<String> = tracker.quotes().map(|q| q.id).collect();

    let ids = StringArray::from_iter_values(documents.iter().map(|(id, _)| id.as_str()));
    let published = StringArray::from_iter(documents.iter().map(|(_, p)| *p));
    let batch = RecordBatch::try_from_iter([
        ("id", Arc::new(ids) as _),
        (
            "text",
            Arc::new(StringArray::from(vec![body; documents.len()])) as _,
        ),
        ("published", Arc::new(published) as _),
    ])
    .unwrap();
    let rows = quotetrace_arrow::process_batch(&batch).unwrap();
    let quotes = rows.column_by_name("quote").unwrap().as_string::<i32>();
    let keys = rows.column_by_name("sort_key").unwrap().as_binary::<i32>();
    let mut order: Vec<usize> = (0..rows.num_rows()).collect();
    order.sort_by_key(|&i| keys.value(i));
    let got: Vec<String> = order.iter().map(|&i| quotes.value(i).to_string()).collect();
    assert_eq!(expected.len(), 2 * documents.len());
    assert_eq!(got, expected);
}

//! A statement quoted in two languages: one statement, worded in the language most of its
//! quotations are in, the translation reported as such (texts written for this test).

use quotetrace::{Document, EditKind, Timestamp, Tracker};

const ES: &str = "El portavoz del Vaticano habló el lunes por la tarde.\n\n\
    «El Papa nunca ha pretendido ofender ni expresarse en términos homófobos en la \
    conferencia episcopal italiana», dijo el portavoz Matteo Bruni.";
const EN: &str = "The spokesman of the Holy See spoke to the press on Monday.\n\n\
    \"The Pope never intended to offend or express himself in homophobic terms at the \
    Italian episcopal conference,\" spokesman Matteo Bruni said.";

fn tracker(en_published: &str) -> Tracker {
    let mut tracker = Tracker::new();
    let day = |s: &str| Timestamp::parse(s).unwrap();
    for (id, text, published) in [
        ("es-1", ES, "2024-05-28"),
        ("es-2", ES, "2024-05-28"),
        ("en-1", EN, en_published),
    ] {
        let document = Document::new(id, text)
            .with_outlet(id)
            .with_published(day(published));
        tracker.add(document).unwrap();
    }
    tracker
}

#[test]
fn a_translated_quotation_is_a_variant_of_one_statement() {
    let report = tracker("2024-05-29").report();
    let english = report.quotes.iter().find(|q| q.doc == "en-1").unwrap();
    let spanish = report.quotes.iter().find(|q| q.doc == "es-1").unwrap();
    assert_eq!(english.language.as_deref(), Some("en"));
    assert_eq!(spanish.language.as_deref(), Some("es"));
    assert_eq!(english.cluster, spanish.cluster);
    let statement = &report.clusters[spanish.cluster];
    // Worded in the language most of its quotations are in.
    assert_eq!(statement.language.as_deref(), Some("es"));
    assert!(statement.canonical.starts_with("El Papa nunca"));
    assert_eq!(statement.outlets.len(), 3);
    let variant = statement
        .variants
        .iter()
        .find(|v| v.text.starts_with("The Pope"))
        .unwrap();
    // One edit naming both languages, not a chain of substitutions.
    let [edit] = variant.edits.as_slice() else {
        panic!("{:?}", variant.edits)
    };
    assert_eq!(edit.kind, EditKind::Translation);
    assert_eq!(edit.canonical_language.as_deref(), Some("es"));
    assert_eq!(edit.variant_language.as_deref(), Some("en"));
}

#[test]
fn a_translation_printed_weeks_later_is_not_linked() {
    let report = tracker("2024-07-01").report();
    let english = report.quotes.iter().find(|q| q.doc == "en-1").unwrap();
    let spanish = report.quotes.iter().find(|q| q.doc == "es-1").unwrap();
    assert_ne!(english.cluster, spanish.cluster);
}

//! Documents at the edges: no text, no quotations, nothing but quotations, and ten megabytes.
//! Each is tracked without error and reported as what it is. (The texts are our own.)

use quotetrace::{Document, QuoteKind, Report, Tracker};

fn tracked(documents: Vec<Document>) -> Tracker {
    let mut tracker = Tracker::new();
    tracker.extend(documents).expect("distinct ids");
    tracker
}

/// The report, checked to read back from JSON unchanged.
fn report(tracker: &Tracker) -> Report {
    let report = tracker.report();
    let json = serde_json::to_string(&report).expect("a report serialises");
    let back: Report = serde_json::from_str(&json).expect("and reads back");
    assert_eq!(back, report);
    report
}

#[test]
fn documents_without_text_are_kept_and_quote_nothing() {
    let tracker = tracked(vec![
        Document::new("empty", ""),
        Document::new("blank", " \n\n\t \u{a0}\n"),
    ]);
    assert_eq!(tracker.documents().count(), 2);
    assert_eq!(tracker.quotes().count(), 0);
    assert!(tracker.clusters().is_empty());
    assert!(tracker.whence("anything at all").is_none());
    let report = report(&tracker);
    assert_eq!(report.documents.len(), 2);
    assert!(report.quotes.is_empty() && report.clusters.is_empty());
}

#[test]
fn prose_without_quotations_quotes_nothing() {
    let prose = "The council met on Tuesday. Members voted 7 to 2 to widen the harbour road.\n\n\
                 Work starts in the spring, the clerk's office's notice says; it's the '90s plan.";
    let tracker = tracked(vec![Document::new("prose", prose)]);
    assert_eq!(tracker.quotes().count(), 0);
    let report = report(&tracker);
    assert_eq!(report.documents.len(), 1);
    assert!(report.quotes.is_empty() && report.clusters.is_empty());
}

#[test]
fn a_text_of_nothing_but_quotations_keeps_each() {
    let texts = [
        "“We will rebuild the harbour.”",
        "\"First.\"\"Second.\"",
        "«On reconstruira le port.» «Sans attendre.»",
        "„Wir bauen den Hafen wieder auf.“",
        "‘We will rebuild the harbour.’\n\n‘And soon.’",
    ];
    let documents: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("d{i}"), *t))
        .collect();
    let tracker = tracked(documents);
    let words: Vec<(&str, &str)> = tracker
        .quotes()
        .map(|q| (q.document.id.as_str(), q.text))
        .collect();
    assert_eq!(
        words,
        [
            ("d0", "We will rebuild the harbour."),
            ("d1", "First."),
            ("d1", "Second."),
            ("d2", "On reconstruira le port."),
            ("d2", "Sans attendre."),
            ("d3", "Wir bauen den Hafen wieder auf."),
            ("d4", "We will rebuild the harbour."),
            ("d4", "And soon."),
        ]
    );
    // Nobody is named, so nobody is made up.
    assert!(tracker.quotes().all(|q| q.speaker.is_none()));
    // The same words in two documents are one statement.
    let first: Vec<usize> = tracker
        .quotes()
        .filter(|q| q.text == "We will rebuild the harbour.")
        .map(|q| q.cluster)
        .collect();
    assert_eq!(first.len(), 2);
    assert_eq!(first[0], first[1]);
    let report = report(&tracker);
    assert_eq!(report.quotes.len(), 8);
    let placed: usize = report.clusters.iter().map(|s| s.quotes.len()).sum();
    assert_eq!(placed, 8);
}

/// A paragraph of our own, numbered so that the paragraphs differ, with one full quotation
/// attributed by name and one fragment.
fn paragraph(n: usize) -> String {
    format!(
        "Harbour master Ines Calder spoke at pier {n} on Monday. \
         \"The new road will carry {n} trucks a day by June,\" Calder said, \
         calling the old one \"a bottleneck\" and \"a danger\".\n\n"
    )
}

#[test]
fn ten_megabytes_of_news_are_tracked_whole() {
    let mut text = String::new();
    let mut paragraphs = 0;
    while text.len() < 10_000_000 {
        text.push_str(&paragraph(paragraphs));
        paragraphs += 1;
    }
    let tracker = tracked(vec![Document::new("long", text)]);
    let quotes: Vec<_> = tracker.quotes().collect();
    assert_eq!(quotes.len(), 3 * paragraphs);
    for (n, three) in quotes.chunks(3).enumerate() {
        assert_eq!(
            three[0].text,
            format!("The new road will carry {n} trucks a day by June,")
        );
        assert_eq!(three[0].quotation.kind, QuoteKind::Full);
        assert_eq!(three[1].text, "a bottleneck");
        assert_eq!(three[2].text, "a danger");
        assert!(three.iter().all(|q| q.speaker == Some("Ines Calder")));
    }
    // Wordings that differ in one number are variants of one statement; every quotation is
    // in a cluster, once.
    assert!(quotes
        .iter()
        .step_by(3)
        .all(|q| q.cluster == quotes[0].cluster));
    let clusters = tracker.clusters();
    let placed: usize = clusters.iter().map(|c| c.quotes.len()).sum();
    assert_eq!(placed, quotes.len());
}

#[test]
fn ten_megabytes_on_one_line_without_a_quotation() {
    let text = "the harbour road goes on and on ".repeat(10_000_000 / 32);
    let tracker = tracked(vec![Document::new("line", text)]);
    assert_eq!(tracker.quotes().count(), 0);
    assert!(tracker.clusters().is_empty());
}

//! Properties of `detect` and `attribute` that hold for any text: no panic, spans that can be
//! sliced, an order that can be relied on, and the same answer every time; and of the report of
//! a whole corpus: it reads back from JSON unchanged, and does not depend on the order the
//! documents came in.
//!
//! Four kinds of input: any string, a soup of quote marks and apostrophes, news-like prose built
//! from the pieces real articles are made of, and articles whose quotations are attributed the
//! ways news copy does it; corpora are made of such articles. Over corpora, the report's
//! quotations are the text at their offsets, each in exactly one statement, its speakers made
//! of words of the documents, and a tracker fed one document at a time, asked for its report
//! after each, ends where one fed them all at once does.

use proptest::prelude::*;
use quotetrace::{attribute, detect, Document, Report, Timestamp, Tracker};

/// Every mark the detector knows, opening and closing, plus the apostrophes that look like them.
const MARKS: &[&str] = &[
    "\"", "“", "”", "‘", "’", "'", "«", "»", "„", "‚", "‹", "›", "「", "」", "『", "』",
];

/// Pieces of news prose, with which a generated text is written.
const PIECES: &[&str] = &[
    // words and names
    "the",
    "strikes",
    "on",
    "Kyiv",
    "were",
    "not",
    "necessary",
    "very",
    "bad",
    "timing",
    "STOP!",
    "Vladimir",
    "Donald Trump",
    "Trump",
    "Zelensky",
    "Zelenskyy",
    "U.S. President",
    "Putin",
    "Russia's defense ministry",
    "the Ukrainian leader",
    "he",
    "she",
    "they",
    "Ms. Ashby",
    // speech verbs and cues
    "said",
    "wrote",
    "added",
    "told reporters",
    "according to",
    "said:",
    "wrote:",
    // apostrophe words
    "Let's",
    "Lets",
    "Russia’s",
    "Trump's",
    "'90s",
    "’90s",
    "rock 'n' roll",
    "dogs'",
    "l’attaque",
    // punctuation and layout
    ",",
    ".",
    ":",
    "!",
    "?",
    "—",
    "…",
    "(",
    ")",
    "\n",
    "\n\n",
    "\u{a0}",
    "\u{202f}",
    "é",
    "🙂",
];

fn mark_soup() -> impl Strategy<Value = String> {
    let alphabet: Vec<&str> = MARKS
        .iter()
        .copied()
        .chain(["a", "B", "é", " ", "\n", ",", ".", "s"])
        .collect();
    prop::collection::vec(prop::sample::select(alphabet), 0..120).prop_map(|v| v.concat())
}

fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(PIECES),
        1 => prop::sample::select(MARKS),
    ];
    // Usually a space between pieces, sometimes none, so marks also stand against words.
    let separator = prop::sample::select(&[" ", " ", " ", ""][..]);
    prop::collection::vec((piece, separator), 0..80).prop_map(|pieces| {
        pieces
            .into_iter()
            .flat_map(|(piece, separator)| [piece, separator])
            .collect()
    })
}

/// Words a generated quotation is made of.
#[rustfmt::skip]
const QUOTED: &[&str] = &[
    "we", "will", "rebuild", "every", "home", "the", "strikes", "on", "Kyiv", "were", "not",
    "necessary", "and", "very", "bad", "timing", "Vladimir", "STOP!", "Lets", "Let's", "get",
    "Peace", "peace", "Deal", "deal", "DONE", "done", "I", "am", "happy", "with", "Russian",
];

/// One paragraph of a generated article: prose, or a quotation with a speaker and a verb in one
/// of the ways news copy writes them.
fn paragraph() -> impl Strategy<Value = String> {
    let quoted =
        prop::collection::vec(prop::sample::select(QUOTED), 1..12).prop_map(|w| w.join(" "));
    let speaker = prop::sample::select(
        &[
            "Trump",
            "Donald Trump",
            "Zelensky",
            "Zelenskyy",
            "Putin",
            "Ms. Ashby",
            "he",
        ][..],
    );
    let verb = prop::sample::select(&["said", "wrote", "added", "told reporters"][..]);
    let marks = prop::sample::select(&[("\"", "\""), ("“", "”"), ("«", "»"), ("‘", "’")][..]);
    let quotation = (quoted, speaker, verb, marks, 0..3usize).prop_map(
        |(quoted, speaker, verb, (open, close), form)| match form {
            0 => format!("{open}{quoted},{close} {speaker} {verb}."),
            1 => format!("{speaker} {verb}: {open}{quoted}.{close}"),
            _ => format!("{open}{quoted}{close}, {verb} {speaker}."),
        },
    );
    prop_oneof![2 => quotation, 1 => news_like()]
}

/// A generated document's pieces: its paragraphs, outlet and publication time (both may be
/// missing; few outlets and times, so that they are shared and tie).
fn article() -> impl Strategy<Value = (Vec<String>, Option<&'static str>, Option<&'static str>)> {
    (
        prop::collection::vec(paragraph(), 1..5),
        prop::option::of(prop::sample::select(
            &["first.example", "second.example", "third.example"][..],
        )),
        prop::option::of(prop::sample::select(
            &[
                "2025-04-24",
                "2025-04-24T10:00",
                "2025-04-24T12:00+02:00",
                "2025-04-25T08:30:00Z",
            ][..],
        )),
    )
}

/// A corpus of several documents with distinct ids.
fn corpus() -> impl Strategy<Value = Vec<Document>> {
    prop::collection::vec(article(), 1..7).prop_map(|articles| {
        articles
            .into_iter()
            .enumerate()
            .map(|(i, (paragraphs, outlet, published))| {
                let mut d = Document::new(format!("d{i}"), paragraphs.join("\n\n"));
                if let Some(o) = outlet {
                    d = d.with_outlet(o);
                }
                if let Some(p) = published {
                    d = d.with_published(Timestamp::parse(p).expect("a valid timestamp"));
                }
                d
            })
            .collect()
    })
}

/// A generated article's text alone.
fn article_text() -> impl Strategy<Value = String> {
    article().prop_map(|(paragraphs, _, _)| paragraphs.join("\n\n"))
}

/// What a report says of its quotations agrees with the documents it was made from.
fn check_report(documents: &[Document], report: &Report) -> Result<(), TestCaseError> {
    let text_of = |id: &str| documents.iter().find(|d| d.id == id).map(|d| &d.text[..]);
    let in_some_document = |word: &str| documents.iter().any(|d| occurs_as_word(&d.text, word));
    // Every quotation in exactly one statement, the one it names.
    let mut home = std::collections::HashMap::new();
    for statement in &report.clusters {
        prop_assert!(
            !statement.quotes.is_empty(),
            "statement {} is empty",
            statement.id
        );
        for id in &statement.quotes {
            prop_assert!(
                home.insert(id.as_str(), statement.id).is_none(),
                "{} is in two statements",
                id
            );
        }
        for word in statement.speaker.iter().flat_map(|s| s.split_whitespace()) {
            prop_assert!(in_some_document(word), "statement speaker word {:?}", word);
        }
    }
    prop_assert_eq!(home.len(), report.quotes.len());
    let expected: usize = documents.iter().map(|d| detect(&d.text).len()).sum();
    prop_assert_eq!(report.quotes.len(), expected, "quotations lost or invented");
    for q in &report.quotes {
        prop_assert_eq!(home.get(q.id.as_str()), Some(&q.cluster), "{}", &q.id);
        let text = text_of(&q.doc);
        prop_assert!(text.is_some(), "{} names no document", &q.id);
        prop_assert_eq!(text.and_then(|t| t.get(q.start..q.end)), Some(&q.text[..]));
        for word in q.speaker.iter().flat_map(|s| s.split_whitespace()) {
            prop_assert!(in_some_document(word), "{}: speaker word {:?}", &q.id, word);
        }
    }
    Ok(())
}

fn report_of(documents: impl IntoIterator<Item = Document>) -> Report {
    let mut tracker = Tracker::new();
    tracker.extend(documents).expect("distinct ids");
    tracker.report()
}

fn in_bounds(text: &str, range: &std::ops::Range<usize>) -> bool {
    range.start <= range.end
        && range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
}

fn check_detect(text: &str) -> Result<(), TestCaseError> {
    let quotes = detect(text);
    for q in &quotes {
        prop_assert!(in_bounds(text, &q.span), "span {:?}", q.span);
        prop_assert!(in_bounds(text, &q.outer), "outer {:?}", q.outer);
        prop_assert!(
            q.outer.start <= q.span.start && q.span.end <= q.outer.end,
            "span {:?} outside outer {:?}",
            q.span,
            q.outer
        );
        prop_assert_eq!(q.text(text), &text[q.span.clone()]);
        prop_assert!(q.paragraphs >= 1);
        for n in &q.nested {
            prop_assert!(in_bounds(text, &n.span), "nested {:?}", n.span);
            prop_assert!(
                q.span.start <= n.span.start && n.span.end <= q.span.end,
                "nested {:?} outside its parent {:?}",
                n.span,
                q.span
            );
        }
    }
    for pair in quotes.windows(2) {
        prop_assert!(
            pair[0].outer.end <= pair[1].outer.start,
            "top level out of order or overlapping: {:?} then {:?}",
            pair[0].outer,
            pair[1].outer
        );
    }
    prop_assert_eq!(detect(text), quotes, "a second run differs");
    Ok(())
}

/// Whether `word` stands in `text` as a word of its own, not inside a longer one (`rump` is
/// not in `Trump said`).
fn occurs_as_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn check_attribute(text: &str) -> Result<(), TestCaseError> {
    let quotes = detect(text);
    let attributions = attribute(text, &quotes);
    prop_assert_eq!(attributions.len(), quotes.len());
    for a in &attributions {
        if let Some(speaker) = &a.speaker {
            prop_assert!(!speaker.trim().is_empty(), "empty speaker");
            for word in speaker.split_whitespace() {
                prop_assert!(
                    occurs_as_word(text, word),
                    "speaker {:?}: {:?} is not a word of the text",
                    speaker,
                    word
                );
            }
        }
        prop_assert!(
            a.cue.is_none() || a.speaker.is_some(),
            "cue {:?} without a speaker",
            a.cue
        );
        if let Some(cue) = &a.cue_span {
            prop_assert!(in_bounds(text, cue), "cue span {:?}", cue);
        }
    }
    prop_assert_eq!(
        attribute(text, &quotes),
        attributions,
        "a second run differs"
    );
    Ok(())
}

proptest! {
    #[test]
    fn detect_holds_for_any_string(text in any::<String>()) {
        check_detect(&text)?;
    }

    #[test]
    fn detect_holds_for_a_soup_of_marks(text in mark_soup()) {
        check_detect(&text)?;
    }

    #[test]
    fn detect_holds_for_news_like_text(text in news_like()) {
        check_detect(&text)?;
    }

    #[test]
    fn attribute_holds_for_any_string(text in any::<String>()) {
        check_attribute(&text)?;
    }

    #[test]
    fn attribute_holds_for_a_soup_of_marks(text in mark_soup()) {
        check_attribute(&text)?;
    }

    #[test]
    fn attribute_holds_for_news_like_text(text in news_like()) {
        check_attribute(&text)?;
    }

    #[test]
    fn detect_and_attribute_hold_for_generated_articles(text in article_text()) {
        check_detect(&text)?;
        check_attribute(&text)?;
    }
}

proptest! {
    // A corpus costs more than one text: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_report_reads_back_from_json_unchanged(documents in corpus()) {
        let report = report_of(documents);
        let json = serde_json::to_string(&report).expect("a report serialises");
        let back: Report = serde_json::from_str(&json).expect("and reads back");
        prop_assert_eq!(&back, &report);
        // And says the same again.
        prop_assert_eq!(serde_json::to_string(&back).expect("serialises again"), json);
    }

    #[test]
    fn the_report_does_not_depend_on_document_order(
        (documents, shuffled) in corpus().prop_flat_map(|d| (Just(d.clone()), Just(d).prop_shuffle())),
    ) {
        let json = |documents: Vec<Document>| {
            serde_json::to_string(&report_of(documents)).expect("a report serialises")
        };
        prop_assert_eq!(json(documents), json(shuffled));
    }

    #[test]
    fn the_report_agrees_with_its_documents(documents in corpus()) {
        let report = report_of(documents.clone());
        check_report(&documents, &report)?;
    }

    #[test]
    fn adding_documents_one_at_a_time_ends_where_adding_them_together_does(
        (documents, order) in corpus().prop_flat_map(|d| {
            let order: Vec<usize> = (0..d.len()).collect();
            (Just(d), Just(order).prop_shuffle())
        }),
    ) {
        let mut incremental = Tracker::new();
        for (added, &i) in order.iter().enumerate() {
            incremental.add(documents[i].clone()).expect("distinct ids");
            // Asked after every document: a later answer must not depend on an earlier one.
            let so_far: Vec<Document> =
                order[..=added].iter().map(|&k| documents[k].clone()).collect();
            check_report(&so_far, &incremental.report())?;
        }
        let json = |report: &Report| serde_json::to_string(report).expect("a report serialises");
        prop_assert_eq!(json(&incremental.report()), json(&report_of(documents)));
    }
}

#[test]
fn a_word_of_the_text_is_not_a_piece_of_a_longer_one() {
    assert!(occurs_as_word("“Now,” Trump said.", "Trump"));
    assert!(occurs_as_word("Russia's army", "Russia's"));
    assert!(!occurs_as_word("Trump said", "rump"));
    assert!(!occurs_as_word("Trumpet", "Trump"));
    assert!(occurs_as_word("Trumpet and Trump", "Trump"));
}

proptest! {
    #[test]
    fn relating_any_two_texts_is_safe_and_the_same_from_either_side(
        a in news_like(),
        b in prop_oneof![news_like(), any::<String>()],
    ) {
        use quotetrace::cluster::{relate, ClusterConfig, Relation};
        let config = ClusterConfig::default();
        let there = relate([(a.as_str(), b.as_str())], &["en", "de"], &config);
        let back = relate([(b.as_str(), a.as_str())], &["en", "de"], &config);
        let turned = back[0].map(|r| match r {
            Relation::PartOf => Relation::Contains,
            Relation::Contains => Relation::PartOf,
            r => r,
        });
        prop_assert_eq!(there[0], turned);
        // A wording with words is a variant of itself.
        if quotetrace::cluster::blocking(&a, &config).words > 0 {
            prop_assert_eq!(relate([(a.as_str(), a.as_str())], &[], &config)[0], Some(Relation::Variant));
        }
    }
}

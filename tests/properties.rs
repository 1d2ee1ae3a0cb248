//! Properties of `detect` and `attribute` that hold for any text: no panic, spans that can be
//! sliced, an order that can be relied on, and the same answer every time.
//!
//! Three kinds of input: any string, a soup of quote marks and apostrophes, and news-like prose
//! built from the pieces real articles are made of.

use proptest::prelude::*;
use quotetrace::{attribute, detect};

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

fn check_attribute(text: &str) -> Result<(), TestCaseError> {
    let quotes = detect(text);
    let attributions = attribute(text, &quotes);
    prop_assert_eq!(attributions.len(), quotes.len());
    for a in &attributions {
        if let Some(speaker) = &a.speaker {
            prop_assert!(!speaker.trim().is_empty(), "empty speaker");
            for word in speaker.split_whitespace() {
                prop_assert!(
                    text.contains(word),
                    "speaker {:?}: {:?} is not in the text",
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
}

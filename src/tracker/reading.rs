//! One text read as the tracker reads each document: its quotations, their attributions, and
//! what the tracker works out of the text beside them (which quotation goes on from the one
//! before, and the language of each), so that a program that spreads documents over machines
//! reads them exactly as [`Tracker`](super::Tracker) does.

use crate::attribute::{attribute_with_language, goes_on, Attribution};
use crate::detect::{detect, Quotation};
use crate::text::lexicon::Profile;

/// A quotation of a text as the tracker reads it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Reading {
    /// The quotation, as [`detect`](crate::detect()) finds it.
    pub quotation: Quotation,
    /// Who said it, as [`attribute`](crate::attribute()) finds it.
    pub attribution: Attribution,
    /// Whether the text shows it going on from the quotation before it (`"A," Trump wrote.
    /// "B"`): the tracker then clusters the two as one statement
    /// ([`ClusterItem::continues`](crate::ClusterItem::continues)).
    pub goes_on: bool,
    /// Its language (ISO 639-1): by its own words when they are enough (an English quotation
    /// in a German article), else by its text's. `None` when neither tells.
    pub language: Option<&'static str>,
}

/// The quotations of `text` as the tracker reads a document's, in text order.
///
/// ```
/// let text = concat!(
///     r#""I am not happy with the strikes on the city, and it is the time to stop," "#,
///     r#"Trump wrote. "Vladimir, STOP!""#,
/// );
/// let read = quotetrace::read(text);
/// assert_eq!(read.len(), 2);
/// assert_eq!(read[1].attribution.speaker.as_deref(), Some("Trump"));
/// assert!(read[1].goes_on && !read[0].goes_on);
/// assert_eq!(read[0].language, Some("en"));
/// ```
pub fn read(text: &str) -> Vec<Reading> {
    let quotes = detect(text);
    // Each quotation's language by its own words, and the text's: the latter counted from the
    // words attribution tokenizes and the quotations' counts, not by reading the text again.
    let own: Vec<Profile> = quotes
        .iter()
        .map(|q| Profile::of_span(text, q.span.clone()))
        .collect();
    let (attributions, language) = attribute_with_language(text, &quotes, &own, 3);
    let found: Vec<(Quotation, Attribution)> = quotes.into_iter().zip(attributions).collect();
    let goes_on: Vec<bool> = (0..found.len())
        .map(|i| i > 0 && goes_on(text, &found[..i], (&found[i].0, &found[i].1)))
        .collect();
    found
        .into_iter()
        .zip(goes_on)
        .zip(own)
        .map(|(((quotation, attribution), goes_on), own)| Reading {
            language: own.language(3).or(language),
            quotation,
            attribution,
            goes_on,
        })
        .collect()
}

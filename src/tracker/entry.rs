//! A document as the tracker keeps it: its quotations with their attributions, and what later
//! steps read of its text, worked out when it is added so that the text itself may be let go.

use crate::attribute::{attribute, goes_on, Attribution};
use crate::detect::{detect, Quotation};
use crate::document::Document;

#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) document: Document,
    pub(super) found: Vec<(Quotation, Attribution)>,
    /// The quoted texts back to back, with where each ends, when the document's text is not
    /// kept (`Tracker::keep_texts(false)`): a tenth of the text, say, rather than all of it.
    quoted: Option<(String, Vec<usize>)>,
    /// For each quotation, whether the text shows it going on from the one before (`"A," he
    /// wrote. "B"`).
    pub(super) goes_on: Vec<bool>,
    /// Each quotation's language: by its own words when they are enough (an English quotation
    /// in a German article), else by its document's.
    pub(super) languages: Vec<Option<&'static str>>,
}

impl Entry {
    /// Detects and attributes the quotations of `document`, and reads what the tracker needs
    /// of its text later; the text itself is dropped unless `keep_text`.
    pub(super) fn read(mut document: Document, keep_text: bool) -> Entry {
        let text = document.text.as_str();
        let quotes = detect(text);
        let attributions = attribute(text, &quotes);
        let found: Vec<(Quotation, Attribution)> = quotes.into_iter().zip(attributions).collect();
        let goes_on = (0..found.len())
            .map(|i| i > 0 && goes_on(text, &found[..i], (&found[i].0, &found[i].1)))
            .collect();
        let language = if found.is_empty() {
            None
        } else {
            crate::text::lexicon::language_in(text, 3)
        };
        let languages = found
            .iter()
            .map(|(q, _)| crate::text::lexicon::language_in(q.text(text), 3).or(language))
            .collect();
        let quoted = (!keep_text).then(|| {
            // At its size: grown by doubling, it would hold up to twice the texts.
            let size = found.iter().map(|(q, _)| q.text(text).len()).sum();
            let mut quoted = String::with_capacity(size);
            let mut ends = Vec::with_capacity(found.len());
            for (q, _) in &found {
                quoted.push_str(q.text(text));
                ends.push(quoted.len());
            }
            (quoted, ends)
        });
        if !keep_text {
            document.text = String::new();
        }
        Entry {
            document,
            found,
            quoted,
            goes_on,
            languages,
        }
    }

    /// The text of quotation `k`.
    pub(super) fn text(&self, k: usize) -> &str {
        match &self.quoted {
            None => self.found[k].0.text(&self.document.text),
            Some((quoted, ends)) => {
                let start = if k == 0 { 0 } else { ends[k - 1] };
                &quoted[start..ends[k]]
            }
        }
    }
}

/// [`Entry::read`] for each of `documents`, in order: on all cores with the `parallel` feature
/// (each document is read on its own, so the entries are the same either way).
pub(super) fn read_all(documents: Vec<Document>, keep_text: bool) -> Vec<Entry> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        documents
            .into_par_iter()
            .map(|d| Entry::read(d, keep_text))
            .collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        documents
            .into_iter()
            .map(|d| Entry::read(d, keep_text))
            .collect()
    }
}

//! The whole pipeline over many documents: documents in, attributed quotations out.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::attribute::{attribute, canonical_speakers, Attribution};
use crate::detect::{detect, Quotation, QuoteKind};
use crate::document::{Document, Timestamp};

/// Adding a document whose id is already taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("document id {id:?} is already in the tracker")]
pub struct DuplicateDocument {
    /// The id used twice.
    pub id: String,
}

/// Collects documents and the quotations found in them.
///
/// Documents are kept in chronological order (by publication time, undated ones last, ties by
/// id), so that everything it returns is the same whatever order the documents were added in.
///
/// ```
/// use quotetrace::{Document, Tracker};
///
/// let mut tracker = Tracker::new();
/// tracker.add(Document::new("a", "\"Vladimir, STOP!\" Trump wrote."))?;
/// tracker.add(Document::new("b", "\"We will rebuild,\" said Zelensky."))?;
/// let quotes: Vec<_> = tracker.quotes().collect();
/// assert_eq!(quotes[0].text, "Vladimir, STOP!");
/// assert_eq!(quotes[0].speaker, Some("Trump"));
/// assert_eq!(quotes[1].id, "b#1");
/// # Ok::<(), quotetrace::DuplicateDocument>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Tracker {
    documents: Vec<Entry>,
    ids: HashSet<String>,
}

#[derive(Debug, Clone)]
struct Entry {
    document: Document,
    found: Vec<(Quotation, Attribution)>,
}

impl Tracker {
    /// An empty tracker.
    pub fn new() -> Self {
        Self::default()
    }

    /// Detects and attributes the quotations of `document` and keeps it.
    pub fn add(&mut self, document: Document) -> Result<(), DuplicateDocument> {
        if !self.ids.insert(document.id.clone()) {
            return Err(DuplicateDocument { id: document.id });
        }
        let at = self
            .documents
            .partition_point(|e| e.document.chronological_cmp(&document).is_lt());
        let quotes = detect(&document.text);
        let attributions = attribute(&document.text, &quotes);
        let found = quotes.into_iter().zip(attributions).collect();
        self.documents.insert(at, Entry { document, found });
        Ok(())
    }

    /// Adds every document of `documents`; stops at the first duplicate id, keeping those before.
    pub fn extend(
        &mut self,
        documents: impl IntoIterator<Item = Document>,
    ) -> Result<(), DuplicateDocument> {
        documents.into_iter().try_for_each(|d| self.add(d))
    }

    /// The documents, in chronological order.
    pub fn documents(&self) -> impl Iterator<Item = &Document> + '_ {
        self.documents.iter().map(|e| &e.document)
    }

    /// Every quotation, documents in chronological order and quotations in text order, with its
    /// speaker spelled the same way across documents.
    pub fn quotes(&self) -> impl Iterator<Item = Quote<'_>> + '_ {
        let names = self.speaker_spellings();
        self.documents.iter().flat_map(move |e| {
            let names = names.clone();
            e.found.iter().enumerate().map(move |(i, (q, a))| Quote {
                id: format!("{}#{}", e.document.id, i + 1),
                document: &e.document,
                text: q.text(&e.document.text),
                speaker: a
                    .speaker
                    .as_deref()
                    .map(|s| names.get(s).copied().unwrap_or(s)),
                quotation: q,
                attribution: a,
            })
        })
    }

    /// Each speaker name as written in some document, mapped to its canonical spelling (itself
    /// borrowed from the document where it was written).
    fn speaker_spellings(&self) -> std::rc::Rc<HashMap<&str, &str>> {
        let written = || {
            self.documents
                .iter()
                .flat_map(|e| &e.found)
                .filter_map(|(_, a)| a.speaker.as_deref())
        };
        let canonical = canonical_speakers(written());
        let borrowed: HashMap<&str, &str> = written().map(|s| (s, s)).collect();
        let map = written()
            .map(|s| {
                let target = canonical.get(s).and_then(|t| borrowed.get(t.as_str()));
                (s, target.copied().unwrap_or(s))
            })
            .collect();
        std::rc::Rc::new(map)
    }

    /// A serialisable view of the documents and their quotations (the `track --json` format).
    pub fn output(&self) -> Output<'_> {
        Output {
            documents: self
                .documents()
                .map(|d| DocumentOut {
                    id: &d.id,
                    outlet: d.outlet.as_deref(),
                    url: d.url.as_deref(),
                    published: d.published,
                })
                .collect(),
            quotes: self
                .quotes()
                .map(|q| QuoteOut {
                    doc: &q.document.id,
                    start: q.quotation.span.start,
                    end: q.quotation.span.end,
                    text: q.text,
                    speaker: q.speaker,
                    cue: q.attribution.cue.as_deref(),
                    kind: q.quotation.kind,
                    id: q.id,
                })
                .collect(),
        }
    }
}

/// One quotation of one document, with its speaker.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Quote<'a> {
    /// Stable id: the document id, `#`, and the quotation's 1-based position in the document.
    pub id: String,
    /// The document it was found in.
    pub document: &'a Document,
    /// Where and how it was written.
    pub quotation: &'a Quotation,
    /// The quoted words, marks excluded.
    pub text: &'a str,
    /// The speaker, spelled as across the whole tracker.
    pub speaker: Option<&'a str>,
    /// The attribution as found in the document (cue, method, the name as written there).
    pub attribution: &'a Attribution,
}

/// The `track --json` output: documents and quotations.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Output<'a> {
    /// The documents, in chronological order.
    pub documents: Vec<DocumentOut<'a>>,
    /// The quotations.
    pub quotes: Vec<QuoteOut<'a>>,
}

/// A document's metadata in [`Output`].
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct DocumentOut<'a> {
    /// Document id.
    pub id: &'a str,
    /// Outlet, e.g. `antiwar.com`.
    pub outlet: Option<&'a str>,
    /// URL.
    pub url: Option<&'a str>,
    /// Publication time.
    pub published: Option<Timestamp>,
}

/// A quotation in [`Output`].
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct QuoteOut<'a> {
    /// Quote id (`doc#n`).
    pub id: String,
    /// Document id.
    pub doc: &'a str,
    /// Byte offset of the quoted text in the document (marks excluded).
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// The quoted text.
    pub text: &'a str,
    /// The speaker, if known.
    pub speaker: Option<&'a str>,
    /// The attributing words, if any.
    pub cue: Option<&'a str>,
    /// Full quotation or fragment.
    pub kind: QuoteKind,
}

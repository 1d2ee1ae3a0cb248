//! Provenance: for every statement, who quoted it, in which words, in what order, and how the
//! wording drifted from the most complete version seen.

use serde::{Deserialize, Serialize};

use crate::detect::QuoteKind;
use crate::document::Timestamp;
use crate::drift::Edit;
use crate::text::hash::{TextMap, TextSet};

mod rows;
mod statement;
mod streamed;

pub use rows::QuotationRow;
pub(crate) use streamed::Source;
pub use streamed::Streamed;

pub use statement::statement_of;
pub(crate) use statement::{statement, Member, Outlets};

/// The provenance report of a [`Tracker`](crate::Tracker): documents, quotations, statements
/// and outlets. It owns its data, and serialises to (and reads back from) JSON.
///
/// ```
/// use quotetrace::{Document, Timestamp, Tracker};
///
/// let mut tracker = Tracker::new();
/// tracker.add(
///     Document::new("a", "\"Lets get the Peace Deal DONE!\" Trump wrote.")
///         .with_outlet("first.example")
///         .with_published(Timestamp::parse("2025-04-24T10:00")?),
/// )?;
/// tracker.add(
///     Document::new("b", "\"Let's get the peace deal done,\" Trump wrote.")
///         .with_outlet("second.example")
///         .with_published(Timestamp::parse("2025-04-24T12:00")?),
/// )?;
/// let report = tracker.report();
/// let statement = &report.clusters[0];
/// assert_eq!(statement.outlets, ["first.example", "second.example"]);
/// assert_eq!(statement.first_seen.as_ref().unwrap().doc, "a");
/// assert_eq!(statement.variants.len(), 2);
///
/// let json = serde_json::to_string(&report)?;
/// let back: quotetrace::Report = serde_json::from_str(&json)?;
/// assert_eq!(back, report);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// The documents, in chronological order.
    pub documents: Vec<DocumentInfo>,
    /// Every quotation.
    pub quotes: Vec<QuoteRecord>,
    /// Every statement, in order of first appearance.
    pub clusters: Vec<Statement>,
    /// Every outlet, by name.
    pub outlets: Vec<OutletSummary>,
}

/// A document's metadata in a [`Report`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentInfo {
    /// Document id.
    pub id: String,
    /// Outlet, e.g. `antiwar.com`.
    pub outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication time.
    pub published: Option<Timestamp>,
}

impl DocumentInfo {
    /// Document `id`, with no outlet, URL or publication time (set the fields to give them).
    pub fn new(id: impl Into<String>) -> Self {
        DocumentInfo {
            id: id.into(),
            outlet: None,
            url: None,
            published: None,
        }
    }
}

/// A quotation in a [`Report`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QuoteRecord {
    /// Quote id (`doc#n`).
    pub id: String,
    /// Document id.
    pub doc: String,
    /// Byte offset of the quoted text in the document (marks excluded).
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// The quoted text.
    pub text: String,
    /// The speaker, if known.
    pub speaker: Option<String>,
    /// The attributing words, if any.
    pub cue: Option<String>,
    /// How the speaker was found, if there is one.
    #[serde(default)]
    pub method: Option<crate::attribute::Method>,
    /// Full quotation or fragment.
    pub kind: QuoteKind,
    /// Its statement's id.
    pub cluster: usize,
    /// Its language (ISO 639-1), where its words or its document's tell it.
    #[serde(default)]
    pub language: Option<String>,
}

impl QuoteRecord {
    /// Quotation `id` of document `doc`, quoting `text`: a full quotation at offset 0 of
    /// statement 0, with no speaker, cue or language (set the fields to give them).
    pub fn new(id: impl Into<String>, doc: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        QuoteRecord {
            id: id.into(),
            doc: doc.into(),
            start: 0,
            end: text.len(),
            text,
            speaker: None,
            cue: None,
            method: None,
            kind: QuoteKind::Full,
            cluster: 0,
            language: None,
        }
    }
}

/// One statement: its canonical wording, its quotations, the outlets that printed it in order,
/// and how each wording drifted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Statement {
    /// Its id, counting from 0 in order of first appearance: its place in
    /// [`Report::clusters`], which a document printed earlier than the others shifts. See
    /// [`key`](Self::key) for an id that stays.
    pub id: usize,
    /// An id that stays as documents are added: 16 hex digits of a hash of its canonical
    /// wording's matching form (words folded as [`normalize`](crate::normalize()) folds them),
    /// the same on every run and platform. It changes exactly when the canonical wording
    /// changes in words: when two statements merge, when a longer wording of it is printed,
    /// or when another reading within one word of the longest becomes the most printed; a
    /// variant in case, marks or punctuation never changes it. Two statements whose canonical
    /// wordings fold alike (rare: one put together from pieces) are told apart by `-2`, `-3`
    /// after the key, in order of appearance.
    #[serde(default)]
    pub key: String,
    /// The statement's wording. Of the wordings in its main [`language`](Self::language)
    /// within one word of the longest, the reading most printed once case, quote marks and
    /// punctuation are set aside (the consensus, not one outlet's typo), and of that reading's
    /// printings the commonest; ties go to the longer, then to the first seen. Where no outlet
    /// printed the statement whole, its pieces put together (see [`assembled`](Self::assembled)).
    pub canonical: String,
    /// The speaker most of its attributed quotations name.
    pub speaker: Option<String>,
    /// The language most of its quotations are in, that of its canonical wording; a variant
    /// in another language is a translation.
    #[serde(default)]
    pub language: Option<String>,
    /// Whether no outlet printed it whole: `canonical` is then its pieces put together, in the
    /// order the documents show them, joined by ellipses (`…`), and each wording's drift is
    /// measured against the whole, so that a piece drifts by its cuts alone.
    #[serde(default)]
    pub assembled: bool,
    /// Its quotations' ids, in order of appearance.
    pub quotes: Vec<String>,
    /// The outlets that printed it, in order of first publication (the timeline). A document
    /// without an outlet counts under its id.
    pub outlets: Vec<String>,
    /// Its earliest quotation: by publication time, undated documents after dated ones, by id.
    pub first_seen: Option<FirstSeen>,
    /// Its distinct wordings, in order of first appearance, each with its drift.
    pub variants: Vec<Variant>,
    /// Groups of outlets that printed the same non-canonical wording (the same typo, the same
    /// cut): a hint that they copied from a common source.
    pub lineage: Vec<Vec<String>>,
}

/// Where a statement was first seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FirstSeen {
    /// Document id.
    pub doc: String,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its publication time.
    pub published: Option<Timestamp>,
}

/// One wording of a statement, exactly as printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Variant {
    /// The wording.
    pub text: String,
    /// The quotations that have it.
    pub quotes: Vec<String>,
    /// The outlets that printed it, in order.
    pub outlets: Vec<String>,
    /// How far it drifted from the canonical wording (0 = identical).
    pub drift_score: f64,
    /// How it differs from the canonical wording.
    pub edits: Vec<Edit>,
}

/// What one outlet quoted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OutletSummary {
    /// The outlet (or a document id, for documents without one).
    pub outlet: String,
    /// The statements it quoted.
    pub statements: Vec<usize>,
    /// The statements it published first.
    pub first: Vec<usize>,
    /// The mean drift of its quotations from their statements' canonical wordings.
    pub mean_drift: f64,
}

impl Report {
    /// The statements attributed to `speaker` (as spelled in the report).
    pub fn statements_of<'a>(&'a self, speaker: &'a str) -> impl Iterator<Item = &'a Statement> {
        self.clusters
            .iter()
            .filter(move |s| s.speaker.as_deref() == Some(speaker))
    }

    /// The statements `outlet` quoted.
    pub fn quoted_by<'a>(&'a self, outlet: &'a str) -> impl Iterator<Item = &'a Statement> {
        self.clusters
            .iter()
            .filter(move |s| s.outlets.iter().any(|o| o == outlet))
    }

    /// The statement with id `id`.
    pub fn statement(&self, id: usize) -> Option<&Statement> {
        self.clusters.get(id)
    }
}

/// The outlet a quotation counts under.
pub(crate) fn outlet_name(doc: &DocumentInfo) -> &str {
    doc.outlet.as_deref().unwrap_or(&doc.id)
}

/// Builds the report from documents (chronological) and quotations (in document order).
///
/// Everything is found by position, not looked up by id: a quotation's document by one walk
/// through both lists, a statement's quotations from a list grouped by statement, an outlet's
/// quotations from a list grouped by outlet. With a million quotations, tables keyed by their
/// ids outgrew the caches and made the report the one step of the pipeline whose time grew
/// faster than its input.
pub(crate) fn build(
    documents: Vec<DocumentInfo>,
    quotes: Vec<QuoteRecord>,
    canonical: Vec<(String, Option<String>)>,
) -> Report {
    let doc_of = documents_of(&documents, &quotes);
    let (mut outlets, outlet_of) = Outlets::numbered(
        quotes
            .iter()
            .zip(&doc_of)
            .map(|(q, d)| d.map_or(q.doc.as_str(), |d| outlet_name(&documents[d]))),
    );
    let by_cluster = grouped(quotes.len(), canonical.len(), |i| quotes[i].cluster);
    // The variant, and so the drift, of each quotation.
    let mut drift_of = vec![0.0; quotes.len()];
    let mut members: Vec<Member<'_>> = Vec::new();
    let mut variant_of: Vec<usize> = Vec::new();
    let clusters: Vec<Statement> = canonical
        .iter()
        .enumerate()
        .map(|(id, (text, speaker))| {
            let indexes = by_cluster.group(id);
            members.clear();
            members.extend(indexes.iter().map(|&i| Member {
                quote: &quotes[i],
                document: doc_of[i].map(|d| &documents[d]),
                outlet: outlet_of[i],
            }));
            let s = statement(
                id,
                text,
                speaker.as_deref(),
                &members,
                &mut outlets,
                &mut variant_of,
            );
            for (&i, &v) in indexes.iter().zip(&variant_of) {
                drift_of[i] = s.variants[v].drift_score;
            }
            s
        })
        .collect();
    let summaries = outlet_summaries(
        |i| quotes[i].cluster,
        &outlets,
        &outlet_of,
        &by_cluster,
        clusters.len(),
        &drift_of,
    );
    let mut clusters = clusters;
    distinct_keys(&mut clusters);
    Report {
        documents,
        quotes,
        clusters,
        outlets: summaries,
    }
}

/// Tells apart, by `-2`, `-3` after the key, statements whose keys are the same.
fn distinct_keys(statements: &mut [Statement]) {
    let mut keys = Keys::default();
    for s in statements {
        keys.distinct(s);
    }
}

/// The keys of the statements so far, to tell a repeated one apart.
#[derive(Default)]
pub(crate) struct Keys(TextMap<String, usize>);

impl Keys {
    /// Gives `s` a key no statement before it has: its own, or with `-2`, `-3` after it.
    pub(crate) fn distinct(&mut self, s: &mut Statement) {
        let count = self.0.entry(s.key.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            s.key = format!("{}-{count}", s.key);
        }
    }
}

/// The index of each quotation's document, found by walking both lists together (the
/// quotations come in the documents' order); looked up by id only if they do not.
fn documents_of(documents: &[DocumentInfo], quotes: &[QuoteRecord]) -> Vec<Option<usize>> {
    let mut found = Vec::with_capacity(quotes.len());
    let mut d = 0;
    for q in quotes {
        while d < documents.len() && documents[d].id != q.doc {
            d += 1;
        }
        if d == documents.len() {
            let by_id: TextMap<&str, usize> = documents
                .iter()
                .enumerate()
                .map(|(i, d)| (d.id.as_str(), i))
                .collect();
            return quotes
                .iter()
                .map(|q| by_id.get(q.doc.as_str()).copied())
                .collect();
        }
        found.push(Some(d));
    }
    found
}

/// Items `0..n` grouped by a key below `keys`, each group in the items' order (a counting
/// sort): one list, not a list per key. Items whose key is out of range are left out.
pub(crate) struct Groups {
    /// Where each key's group starts in `items`, and (last) where the last one ends.
    starts: Vec<usize>,
    items: Vec<usize>,
}

impl Groups {
    pub(crate) fn group(&self, key: usize) -> &[usize] {
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&start), Some(&end)) => &self.items[start..end],
            _ => &[],
        }
    }
}

pub(crate) fn grouped(n: usize, keys: usize, key: impl Fn(usize) -> usize) -> Groups {
    let mut starts = vec![0usize; keys + 1];
    for i in 0..n {
        let k = key(i);
        if k < keys {
            starts[k + 1] += 1;
        }
    }
    for k in 0..keys {
        starts[k + 1] += starts[k];
    }
    let mut next = starts.clone();
    let mut items = vec![0; starts[keys]];
    for i in 0..n {
        let k = key(i);
        if k < keys {
            items[next[k]] = i;
            next[k] += 1;
        }
    }
    Groups { starts, items }
}

/// What each outlet quoted, from each quotation's statement (`statement_of`), its outlet
/// (`outlet_of`, numbered in `outlets`) and its drift (`drift_of`), and the quotations of each
/// of the `statements` (`by_cluster`).
pub(crate) fn outlet_summaries(
    statement_of: impl Fn(usize) -> usize,
    outlets: &Outlets<'_>,
    outlet_of: &[usize],
    by_cluster: &Groups,
    statements: usize,
    drift_of: &[f64],
) -> Vec<OutletSummary> {
    let names = &outlets.names;
    let by_outlet = grouped(outlet_of.len(), names.len(), |i| outlet_of[i]);
    // The statements each outlet was first to print (the outlet of a statement's first
    // quotation), in statement order.
    let mut first: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for id in 0..statements {
        if let Some(&i) = by_cluster.group(id).first() {
            first[outlet_of[i]].push(id);
        }
    }
    // Which outlet last listed each statement: within an outlet's group, a statement seen
    // again is listed once.
    let mut listed_by = vec![usize::MAX; statements];
    // (outlet, statement) for quotations of no statement (the tracker makes none), listed once
    // all the same.
    let mut stray: TextSet<(usize, usize)> = TextSet::default();
    let mut summaries: Vec<OutletSummary> = (0..names.len())
        .map(|o| {
            let mut statements = Vec::new();
            let (mut sum, mut n) = (0.0, 0usize);
            for &i in by_outlet.group(o) {
                let cluster = statement_of(i);
                match listed_by.get_mut(cluster) {
                    Some(by) if *by == o => {}
                    Some(by) => {
                        *by = o;
                        statements.push(cluster);
                    }
                    // A quotation of no statement still counts for its outlet.
                    None => {
                        if stray.insert((o, cluster)) {
                            statements.push(cluster);
                        }
                    }
                }
                sum += drift_of[i];
                n += 1;
            }
            OutletSummary {
                first: std::mem::take(&mut first[o]),
                mean_drift: sum / n.max(1) as f64,
                statements,
                outlet: names[o].to_string(),
            }
        })
        .collect();
    // Sorted by name, as before: names are distinct, so any sort gives the one order.
    summaries.sort_unstable_by(|a, b| a.outlet.cmp(&b.outlet));
    summaries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_with_one_key_are_told_apart_in_order() {
        let mut statements: Vec<Statement> = ["a", "b", "a", "a"]
            .iter()
            .enumerate()
            .map(|(id, key)| Statement {
                id,
                key: (*key).to_string(),
                canonical: String::new(),
                speaker: None,
                language: None,
                assembled: false,
                quotes: Vec::new(),
                outlets: Vec::new(),
                first_seen: None,
                variants: Vec::new(),
                lineage: Vec::new(),
            })
            .collect();
        distinct_keys(&mut statements);
        let keys: Vec<&str> = statements.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["a", "b", "a-2", "a-3"]);
    }

    fn record(id: &str, doc: &str, text: &str) -> QuoteRecord {
        QuoteRecord::new(id, doc, text)
    }

    /// An outlet that prints one wording, then another, then the first again is listed once
    /// for the statement and once for each wording, in order of first appearance.
    #[test]
    fn each_outlet_is_listed_once_per_statement_and_per_variant() {
        let (a, b) = ("We will rebuild.", "we will rebuild");
        let quotes = [
            record("q0", "d0", a),
            record("q1", "d1", b),
            record("q2", "d2", a),
            record("q3", "d3", b),
            record("q4", "d4", a),
            record("q5", "d5", b),
        ];
        // Document d3 is one outlet's, the others another's.
        let outlet = ["one", "one", "one", "two", "one", "one"];
        let (mut outlets, numbers) = Outlets::numbered(outlet.iter().copied());
        assert_eq!(numbers, [0, 0, 0, 1, 0, 0]);
        let members: Vec<Member<'_>> = quotes
            .iter()
            .zip(&numbers)
            .map(|(quote, &outlet)| Member {
                quote,
                document: None,
                outlet,
            })
            .collect();
        let mut variant_of = Vec::new();
        let s = statement(0, a, None, &members, &mut outlets, &mut variant_of);
        assert_eq!(variant_of, [0, 1, 0, 1, 0, 1]);
        assert_eq!(s.outlets, ["one", "two"]);
        assert_eq!(s.variants[0].outlets, ["one"]);
        assert_eq!(s.variants[1].outlets, ["one", "two"]);
        assert_eq!(s.variants[1].quotes, ["q1", "q3", "q5"]);
        assert_eq!(s.lineage, [vec!["one".to_string(), "two".to_string()]]);
        // A second statement lists the outlets afresh.
        let again = statement(1, a, None, &members[3..], &mut outlets, &mut variant_of);
        assert_eq!(again.outlets, ["two", "one"]);
        assert_eq!(again.variants[0].outlets, ["two", "one"]);
    }

    /// A quotation naming no statement (which the tracker never makes) is counted for its
    /// outlet and listed once, as any other.
    #[test]
    fn a_quotation_of_no_statement_is_listed_once() {
        let document = DocumentInfo {
            id: "d0".into(),
            outlet: None,
            url: None,
            published: None,
        };
        let mut stray = [record("q0", "d0", "a"), record("q1", "d0", "a")];
        for q in &mut stray {
            q.cluster = 5;
        }
        let report = build(vec![document], stray.to_vec(), vec![("a".into(), None)]);
        assert_eq!(report.outlets.len(), 1);
        assert_eq!(report.outlets[0].statements, [5]);
        assert!(report.clusters[0].quotes.is_empty());
    }
}

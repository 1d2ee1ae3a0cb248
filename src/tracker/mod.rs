//! The whole pipeline over many documents: documents in, attributed and clustered quotations out.

use std::collections::HashMap;
use std::sync::OnceLock;

mod entry;
mod progress;
mod reading;
mod records;
pub(crate) mod statements;
mod streamed;

pub use progress::Progress;
pub use reading::{read, Reading};

use crate::attribute::{canonical_speakers, Attribution, Method};
use crate::cluster::{cluster_indexed, ClusterConfig, ClusterIndex, ClusterItem, Clustering};
use crate::detect::Quotation;
use crate::document::Document;
use crate::report::{self, DocumentInfo, QuoteRecord, Report, Statement};
use entry::{Entry, Names, Read};
use records::{document_info, form, instant, prefix, quote, quote_id, quote_record};
use statements::{lent_speakers, summary, Said, Slots, NO_SLOT};

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
/// # Ok::<(), quotetrace::tracker::DuplicateDocument>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Tracker {
    /// The documents in the order they were added.
    documents: Vec<Entry>,
    /// Their indexes in chronological order, worked out when first needed after a change.
    order: OnceLock<Vec<usize>>,
    /// The ids taken, to refuse a duplicate: indexes into `documents` by a hash of the id, so
    /// that no id is copied and a new id costs one probe of a compact table.
    ids: crate::text::hash::HashIndex,
    config: ClusterConfig,
    /// Whether documents keep their texts once their quotations are read (the default); see
    /// [`Tracker::keep_texts`].
    drop_texts: bool,
    /// The speakers' names and cues of the documents' quotations, each kept once.
    names: Names,
    /// Worked out when first asked for after a change, from all the documents at once, so
    /// that adding documents one by one gives what adding them together gives.
    derived: OnceLock<Derived>,
}

#[derive(Debug, Clone)]
struct Derived {
    /// Speaker name as written → canonical spelling, where they differ.
    speakers: HashMap<String, String>,
    clustering: Clustering,
    /// The index the clustering was made with, to look up any text's statement.
    index: ClusterIndex,
    /// Each clustered item's document and position among the document's quotations.
    locations: Vec<(usize, usize)>,
    /// The speaker each statement lends its quotations that name none (by statement id): only
    /// statements whose attributed quotations all name one speaker, and only those with a
    /// quotation to lend it to.
    lent: crate::text::hash::FxMap<usize, String>,
}

impl Tracker {
    /// An empty tracker.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty tracker that clusters with `config`.
    pub fn with_config(config: ClusterConfig) -> Self {
        Tracker {
            config,
            ..Self::default()
        }
    }

    /// Whether documents keep their texts once their quotations are found (`true`, the
    /// default). A tracker that does not keep them holds only what its answers need (the
    /// quotations, their attributions, the documents' metadata): a tenth of the memory, say.
    /// Its answers are the same, but [`documents`](Self::documents) and
    /// [`Quote::document`](crate::tracker::Quote::document) then have empty texts.
    ///
    /// ```
    /// use quotetrace::{Document, Tracker};
    ///
    /// let text = "\"Vladimir, STOP!\" Trump wrote.";
    /// let mut lean = Tracker::new().keep_texts(false);
    /// lean.add(Document::new("a", text))?;
    /// let mut full = Tracker::new();
    /// full.add(Document::new("a", text))?;
    /// assert_eq!(lean.report(), full.report());
    /// assert_eq!(lean.documents().next().unwrap().text, "");
    /// # Ok::<(), quotetrace::tracker::DuplicateDocument>(())
    /// ```
    pub fn keep_texts(mut self, keep: bool) -> Self {
        self.drop_texts = !keep;
        self
    }

    /// Detects and attributes the quotations of `document` and keeps it.
    pub fn add(&mut self, document: Document) -> Result<(), DuplicateDocument> {
        let hash = self.ids.hash(document.id.as_str());
        // The id's slot is read before the text is, and checked after: with a million
        // documents the table is out of the cache, and its miss then overlaps the reading.
        std::hint::black_box(self.ids.prefetch(hash));
        self.insert(hash, Read::new(document, !self.drop_texts))
    }

    /// Keeps `read`, whose id's hash is `hash`, unless its id is taken.
    fn insert(&mut self, hash: u64, read: Read) -> Result<(), DuplicateDocument> {
        let documents = &self.documents;
        let taken = |i: usize| documents[i].document.id == read.document.id;
        if self
            .ids
            .insert_unless(hash, documents.len(), taken)
            .is_err()
        {
            return Err(DuplicateDocument {
                id: read.document.id,
            });
        }
        let entry = read.keep(&mut self.names);
        // Appended, not inserted in order: a hundred thousand documents cost a sort, not a
        // hundred thousand moves.
        self.documents.push(entry);
        self.order = OnceLock::new();
        self.derived = OnceLock::new();
        Ok(())
    }

    /// Adds every document of `documents`; stops at the first duplicate id, keeping those before.
    pub fn extend(
        &mut self,
        documents: impl IntoIterator<Item = Document>,
    ) -> Result<(), DuplicateDocument> {
        self.extend_with_progress(documents, |_| {})
    }

    /// The documents, in chronological order.
    pub fn documents(&self) -> impl Iterator<Item = &Document> + '_ {
        self.entries().map(|(_, e)| &e.document)
    }

    /// The documents' entries in chronological order, with their index in `documents`.
    fn entries(&self) -> impl Iterator<Item = (usize, &Entry)> + '_ {
        let order = self.order.get_or_init(|| {
            // The order of `Document::chronological_cmp`, sorted on small keys side by side
            // rather than through the entries: a million documents spread over the heap cost a
            // cache miss per comparison otherwise, and so would ids compared through their
            // pointers. The key is the publication time (undated last) and the id's first
            // eight bytes, as numbers that order as what they stand for; only documents whose
            // keys are equal are compared in full. Ids are distinct, so that is a total order
            // and an unstable sort gives the one answer.
            let mut keyed: Vec<((u64, u32), u64, usize)> = self
                .documents
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let d = &e.document;
                    ((instant(d.published), form(d.published)), prefix(&d.id), i)
                })
                .collect();
            let full = |i: usize| {
                let d = &self.documents[i].document;
                (d.published.is_none(), d.published, d.id.as_str())
            };
            keyed.sort_unstable_by(|a, b| {
                (a.0, a.1)
                    .cmp(&(b.0, b.1))
                    .then_with(|| full(a.2).cmp(&full(b.2)))
            });
            keyed.into_iter().map(|k| k.2).collect()
        });
        order.iter().map(|&i| (i, &self.documents[i]))
    }

    /// Every quotation, documents in chronological order and quotations in text order, with its
    /// speaker spelled the same way across documents and its cluster.
    pub fn quotes(&self) -> impl Iterator<Item = Quote<'_>> + '_ {
        let derived = self.derived();
        self.raw_quotes()
            .zip(derived.clustering.assignment())
            .map(move |((e, i), &cluster)| quote(e, i, &self.names, derived, cluster))
    }

    /// The clusters: each statement with its quotations, in order of first appearance.
    pub fn clusters(&self) -> Vec<Cluster<'_>> {
        let derived = self.derived();
        // What each quotation says and who said it, side by side, and its id, in one pass over
        // the documents: the quotations themselves are not needed.
        let mut ids: Vec<String> = Vec::with_capacity(derived.locations.len());
        let said: Vec<Said<'_>> = self
            .raw_quotes()
            .map(|(e, k)| {
                ids.push(quote_id(&e.document, k));
                let speaker = e.speaker(k, &self.names).map(|s| derived.speaker(s));
                (e.text(k), speaker, e.language(k))
            })
            .collect();
        let mut slots = Slots::Dense(vec![NO_SLOT; derived.index.phrases()]);
        derived
            .clustering
            .clusters()
            .enumerate()
            .map(|(id, members)| {
                let (canonical, speaker) =
                    summary(members, |i| said[i], &derived.index, &mut slots);
                // Each quotation is in one cluster: its id moves there.
                let quotes = members
                    .iter()
                    .map(|&i| std::mem::take(&mut ids[i]))
                    .collect();
                Cluster {
                    id,
                    canonical,
                    speaker,
                    quotes,
                }
            })
            .collect()
    }

    /// Where does this quote come from? The statement `text` belongs to — `text` may be typed
    /// by hand, drifted, or a fragment — found through the clustering's own index, with its
    /// canonical wording, first source and variants.
    ///
    /// ```
    /// use quotetrace::{Document, Tracker};
    ///
    /// let mut tracker = Tracker::new();
    /// tracker.add(Document::new("a", "\"Lets get the Peace Deal DONE!\" Trump wrote."))?;
    /// let whence = tracker.whence("lets get the peace deal done").unwrap();
    /// assert_eq!(whence.statement.canonical, "Lets get the Peace Deal DONE!");
    /// assert_eq!(whence.statement.first_seen.unwrap().doc, "a");
    /// assert!(tracker.whence("something else entirely, about the weather").is_none());
    /// # Ok::<(), quotetrace::tracker::DuplicateDocument>(())
    /// ```
    pub fn whence(&self, text: &str) -> Option<Whence> {
        let derived = self.derived();
        let found = derived.index.find(text)?;
        let members = derived.clustering.clusters().nth(found.cluster)?;
        let (mut records, documents): (Vec<QuoteRecord>, Vec<DocumentInfo>) = members
            .iter()
            .map(|&i| {
                let (d, k) = derived.locations[i];
                let e = &self.documents[d];
                let record = quote_record(e, k, &self.names, derived, found.cluster);
                (record, document_info(&e.document))
            })
            .unzip();
        let statement = report::statement_of(found.cluster, &mut records, &documents);
        Some(Whence {
            similarity: found.similarity,
            statement,
        })
    }

    /// Each quotation as its document's entry and its place there, in report order.
    fn raw_quotes(&self) -> impl Iterator<Item = (&Entry, usize)> + '_ {
        self.entries()
            .flat_map(|(_, e)| (0..e.len()).map(move |i| (e, i)))
    }

    fn derived(&self) -> &Derived {
        self.derived.get_or_init(|| {
            let written = self
                .raw_quotes()
                .filter_map(|(e, i)| e.speaker(i, &self.names));
            let speakers: HashMap<String, String> = canonical_speakers(written)
                .into_iter()
                .filter(|(k, v)| k != v)
                .collect();
            // At their size: grown by doubling, they would hold up to twice the quotations.
            let quotations = self.quotation_count();
            let mut items: Vec<ClusterItem<'_>> = Vec::with_capacity(quotations);
            for (e, i) in self.raw_quotes() {
                let text = e.text(i);
                let mut item = ClusterItem::new(text).in_document(&e.document.id);
                if let Some(l) = e.language(i) {
                    item = item.in_language(l);
                }
                if let Some(t) = e.document.published {
                    item = item.published_at(t.unix_seconds());
                }
                if let Some(s) = e.speaker(i, &self.names) {
                    item = item.said_by(speakers.get(s).map_or(s, String::as_str));
                }
                if e.goes_on(i) {
                    item = item.continuing(items.len() - 1);
                }
                items.push(item);
            }
            let (clustering, index) = cluster_indexed(&items, &self.config);
            let locations = self
                .entries()
                .flat_map(|(d, e)| (0..e.len()).map(move |i| (d, i)))
                .collect();
            let lent = lent_speakers(&clustering, |i| items[i].speaker);
            Derived {
                speakers,
                clustering,
                index,
                locations,
                lent,
            }
        })
    }

    /// The provenance report: documents, quotations, statements with their variants, drift,
    /// first appearance and outlets, and what each outlet quoted.
    pub fn report(&self) -> Report {
        let documents = self.documents().map(document_info).collect();
        // The records are made once, and the statements read their words from them.
        let derived = self.derived();
        let records: Vec<QuoteRecord> = self
            .raw_quotes()
            .zip(derived.clustering.assignment())
            .map(|((e, k), &cluster)| quote_record(e, k, &self.names, derived, cluster))
            .collect();
        let mut slots = Slots::Dense(vec![NO_SLOT; derived.index.phrases()]);
        let said = |i: usize| {
            let r = &records[i];
            (r.text.as_str(), r.speaker.as_deref(), r.language.as_deref())
        };
        let statements = derived
            .clustering
            .clusters()
            .map(|members| {
                let (canonical, speaker) = summary(members, said, &derived.index, &mut slots);
                (canonical.to_string(), speaker.map(str::to_string))
            })
            .collect();
        report::build(documents, records, statements)
    }
}

impl Derived {
    fn speaker<'a>(&'a self, written: &'a str) -> &'a str {
        self.speakers.get(written).map_or(written, String::as_str)
    }

    /// The speaker of a quotation in statement `cluster` whose document names `written`
    /// (found by `method`), spelled as across the tracker, and how it was found: its own, or
    /// else the one its statement lends it.
    fn speaker_of<'a>(
        &'a self,
        written: Option<&'a str>,
        method: Option<Method>,
        cluster: usize,
    ) -> (Option<&'a str>, Option<Method>) {
        match written {
            Some(s) => (Some(self.speaker(s)), method),
            None => match self.lent.get(&cluster) {
                Some(s) => (Some(s.as_str()), Some(Method::Statement)),
                None => (None, None),
            },
        }
    }
}

/// The answer to [`Tracker::whence`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Whence {
    /// How closely the text matched the statement's nearest wording (1 = the same words).
    pub similarity: f64,
    /// The statement: canonical wording, first source, outlets, variants.
    pub statement: Statement,
}

/// One statement: the quotations that reproduce it, wholly or in part.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Cluster<'a> {
    /// Its id: clusters are numbered from 0 in order of first appearance.
    pub id: usize,
    /// The wording chosen as the statement's, by the rule of [`Statement::canonical`]. The
    /// report's canonical wording is this one, or where no wording holds the statement's other
    /// pieces, this one with them put together ([`Statement::assembled`]).
    pub canonical: &'a str,
    /// The speaker most of its attributed quotations name (ties: the first named).
    pub speaker: Option<&'a str>,
    /// Its quotations' ids, in order of appearance.
    pub quotes: Vec<String>,
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
    pub quotation: Quotation,
    /// The quoted words, marks excluded.
    pub text: &'a str,
    /// The speaker, spelled as across the whole tracker: the one its document names, or else
    /// the one its statement's other quotations agree on ([`Method::Statement`]).
    pub speaker: Option<&'a str>,
    /// How the speaker was found.
    pub method: Option<Method>,
    /// The id of its cluster (see [`Tracker::clusters`]).
    pub cluster: usize,
    /// Its language (ISO 639-1), where its own words or its document's tell it.
    pub language: Option<&'static str>,
    /// The attribution as found in the document (cue, method, the name as written there).
    pub attribution: Attribution,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Timestamp;

    /// The canonical wording among `wordings` (distinct texts in order of first appearance, with how
    /// often each was printed): of the most complete ones (within one word of the longest), the
    /// reading most printed once case, quote marks and punctuation are set aside — the consensus,
    /// not an outlier's typo — and of its printings the commonest. Ties go to the longer, then to
    /// the first.
    ///
    /// This is the test's own statement of the rule [`summary`] applies to the phrases the
    /// clustering found, worked out here on the texts alone.
    fn choose_canonical(wordings: &[(&str, usize)]) -> Option<usize> {
        if wordings.len() == 1 {
            // One wording: nothing to compare, and nothing to normalise.
            return Some(0);
        }
        // Each wording's matching form as one string (its words joined by spaces, which no word
        // holds) and its number of words: one allocation per wording, not one per word.
        let forms: Vec<(String, usize)> = wordings
            .iter()
            .map(|(t, _)| {
                let (mut form, mut words) = (String::with_capacity(t.len()), 0);
                crate::normalize::for_each_word(t, |w| {
                    if words > 0 {
                        form.push(' ');
                    }
                    form.push_str(w);
                    words += 1;
                });
                (form, words)
            })
            .collect();
        let longest = forms.iter().map(|f| f.1).max()?;
        // Each reading: how often it was printed, its length in words, its first wording.
        let mut readings: crate::text::hash::TextMap<&str, (usize, usize, usize)> =
            crate::text::hash::TextMap::with_capacity_and_hasher(forms.len(), Default::default());
        for (i, (form, words)) in forms.iter().enumerate() {
            if words + 1 >= longest {
                let entry = readings.entry(form.as_str()).or_insert((0, *words, i));
                entry.0 += wordings[i].1;
            }
        }
        // Most printed, then longest, then first: a total order, so the map's order does not
        // matter.
        let (&best, _) = readings
            .iter()
            .max_by(|(_, (na, la, ia)), (_, (nb, lb, ib))| {
                na.cmp(nb).then(la.cmp(lb)).then(ib.cmp(ia))
            })?;
        (0..wordings.len())
            .filter(|&i| forms[i].0 == best)
            .max_by(|&a, &b| wordings[a].1.cmp(&wordings[b].1).then(b.cmp(&a)))
    }

    /// The cluster of every quotation of a one-document tracker, in text order.
    fn clusters_of(text: &str) -> Vec<usize> {
        let mut tracker = Tracker::new();
        tracker.add(Document::new("d", text)).unwrap();
        tracker.quotes().map(|q| q.cluster).collect()
    }

    /// The canonical wording and speaker of each cluster worked out from the texts alone, as
    /// the tracker did before it used its phrases.
    fn by_texts(tracker: &Tracker) -> Vec<(String, Option<String>)> {
        let quotes: Vec<Quote<'_>> = tracker.quotes().collect();
        let mut members: Vec<Vec<&Quote<'_>>> = Vec::new();
        for q in &quotes {
            if members.len() <= q.cluster {
                members.resize(q.cluster + 1, Vec::new());
            }
            members[q.cluster].push(q);
        }
        members
            .iter()
            .map(|members| {
                let mut wordings: Vec<(&str, usize)> = Vec::new();
                for q in members {
                    match wordings.iter_mut().find(|w| w.0 == q.text) {
                        Some(w) => w.1 += 1,
                        None => wordings.push((q.text, 1)),
                    }
                }
                let canonical = choose_canonical(&wordings).map_or("", |i| wordings[i].0);
                let mut votes: Vec<(&str, usize, usize)> = Vec::new();
                for (i, s) in members.iter().filter_map(|q| q.speaker).enumerate() {
                    match votes.iter_mut().find(|v| v.0 == s) {
                        Some(v) => v.1 += 1,
                        None => votes.push((s, 1, i)),
                    }
                }
                let speaker = votes
                    .iter()
                    .max_by_key(|v| (v.1, std::cmp::Reverse(v.2)))
                    .map(|v| v.0.to_string());
                (canonical.to_string(), speaker)
            })
            .collect()
    }

    #[test]
    fn canonical_wordings_from_phrases_are_those_from_the_texts() {
        // Wordings of one statement that differ in case, marks, a word or their length, in
        // documents added in a scrambled order, with several speakers.
        let wordings = [
            "Lets get the Peace Deal DONE!",
            "Let's get the peace deal done",
            "lets get the PEACE deal done",
            "Lets get the Peace Deal DONE",
            "Lets get the Peace Deal",
            "get the Peace Deal DONE!",
            "We will get the Peace Deal DONE soon!",
            "Lets get the Peace Deal DONE now!",
            "STOP!",
            "Vladimir, STOP!",
            "STOP, Vladimir!",
        ];
        let speakers = ["Trump", "Donald Trump", "Zelensky", "he"];
        for seed in 0..40u64 {
            let mut tracker = Tracker::new();
            let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
            for d in 0..12 {
                let mut text = String::new();
                for _ in 0..1 + d % 3 {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    let w = wordings[(x % wordings.len() as u64) as usize];
                    let s = speakers[((x >> 20) % speakers.len() as u64) as usize];
                    text.push_str(&format!("\"{w}\" {s} said. "));
                }
                tracker
                    .add(Document::new(format!("d{}", (d * 7 + seed) % 12), text))
                    .unwrap();
            }
            let clusters: Vec<(String, Option<String>)> = tracker
                .clusters()
                .into_iter()
                .map(|c| (c.canonical.to_string(), c.speaker.map(str::to_string)))
                .collect();
            assert_eq!(clusters, by_texts(&tracker), "seed {seed}");
            let report = tracker.report();
            // The report's canonical wording is the clusters', or where no wording holds the
            // others, the pieces put together around it.
            let statements: Vec<(String, Option<String>)> = report
                .clusters
                .iter()
                .zip(&clusters)
                .map(|(s, c)| {
                    let whole = match s.assembled {
                        true if s.canonical.split(" … ").any(|piece| piece == c.0) => &c.0,
                        _ => &s.canonical,
                    };
                    (whole.clone(), s.speaker.clone())
                })
                .collect();
            assert_eq!(statements, clusters, "seed {seed}");
            for (i, (canonical, _)) in clusters.iter().enumerate() {
                let whence = tracker.whence(canonical).unwrap();
                if whence.statement.id == i {
                    assert_eq!(whence.statement.canonical, report.clusters[i].canonical);
                }
            }
        }
    }

    #[test]
    fn instants_order_as_the_times() {
        let times = [
            None,
            Some("1900-01-01"),
            Some("1969-12-31T23:59:59Z"),
            Some("1970-01-01"),
            Some("2025-04-24T10:00+02:00"),
            Some("2025-04-24T09:00Z"),
            Some("2025-04-24T08:00"),
            Some("2025-04-24"),
            Some("2025-04-24T00:00Z"),
            Some("2025-04-24T00:00"),
            Some("2025-04-24T02:00+02:00"),
            Some("2025-04-23T22:00-02:00"),
            Some("9999-12-31T23:59:59-12:00"),
        ];
        let times: Vec<Option<Timestamp>> = times
            .iter()
            .map(|t| t.map(|t| Timestamp::parse(t).unwrap()))
            .collect();
        for a in &times {
            for b in &times {
                let by_key = instant(*a).cmp(&instant(*b));
                let by_time = (a.is_none(), a).cmp(&(b.is_none(), b));
                // Equal instants may stand for different times, never the other way round.
                assert!(by_key == by_time || by_key.is_eq(), "{a:?} {b:?}");
                // With the form, the order of the times exactly.
                let by_both = (instant(*a), form(*a)).cmp(&(instant(*b), form(*b)));
                assert_eq!(by_both, by_time, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn quote_ids_are_the_document_id_and_the_position() {
        for (id, i) in [
            ("d", 0),
            ("a#b", 8),
            ("", 9),
            ("é", 99),
            ("x", usize::MAX - 1),
        ] {
            let document = Document::new(id, "");
            assert_eq!(quote_id(&document, i), format!("{}#{}", id, i + 1));
        }
    }

    #[test]
    fn ids_order_by_their_prefixes_as_by_themselves() {
        let ids = [
            "",
            "\0",
            "a",
            "a\0",
            "a\0\0",
            "ab",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefghi",
            "abcdefgg",
            "b",
            "d10",
            "d9",
            "d100000",
            "d1000000",
            "d10000000",
            "é",
            "z\u{ff}",
        ];
        let mut by_prefix = ids.to_vec();
        by_prefix.sort_unstable_by_key(|id| (prefix(id), *id));
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        assert_eq!(by_prefix, sorted);
        for a in ids {
            for b in ids {
                if prefix(a) != prefix(b) {
                    assert_eq!(prefix(a) < prefix(b), a < b, "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn a_paragraph_quoting_on_from_the_lone_quotation_before_it_goes_on() {
        let text = "Harbour workers walked out on Monday.\n\n\
            Finance Minister Anna Berg condemned the closure as “a grave and costly mistake”.\n\n\
            “We will keep the docks open through the winter and pay every worker,” she said.\n\n\
            Mayor Tom Reed criticised the vote as “the wrong answer for this town”.\n\n\
            “Our bridge repairs will start in May and end by August,” the mayor said.";
        let c = clusters_of(text);
        assert_eq!(c.len(), 4);
        assert_eq!(c[0], c[1], "pronoun after a lone fragment");
        assert_eq!(c[2], c[3], "description after a lone fragment");
        assert_ne!(c[1], c[2]);
    }

    #[test]
    fn a_paragraph_of_its_own_or_a_speaker_named_again_starts_anew() {
        let text = "Finance Minister Anna Berg said the plan was “ready” and would be “funded in full”.\n\n\
            “Taxes on shipping will fall next spring for small firms,” she said.\n\n\
            Mayor Tom Reed called the budget “a fair settlement for the city”.\n\n\
            “Schools will get new roofs before the autumn term begins,” Reed said.";
        let c = clusters_of(text);
        assert_eq!(c.len(), 5);
        // Two quotations woven into one paragraph are an account of their own.
        assert_eq!(c[0], c[1]);
        assert_ne!(c[1], c[2]);
        // The speaker named again: a new statement.
        assert_ne!(c[3], c[4]);
    }

    /// The speakers `tracker` gives its quotations, with how each was found, in order.
    fn speakers(tracker: &Tracker) -> Vec<(Option<&str>, Option<Method>)> {
        tracker.quotes().map(|q| (q.speaker, q.method)).collect()
    }

    #[test]
    fn a_statement_lends_its_one_speaker_to_quotations_named_by_no_one() {
        let mut tracker = Tracker::new();
        let words = "We will keep the harbour open through the whole winter";
        tracker
            .add(Document::new(
                "a",
                format!("“{words},” Mayor Anna Berg said."),
            ))
            .unwrap();
        tracker
            .add(Document::new(
                "b",
                format!("The town hall was full.\n\n“{words}.”"),
            ))
            .unwrap();
        assert_eq!(
            speakers(&tracker),
            [
                (Some("Anna Berg"), Some(Method::Named)),
                (Some("Anna Berg"), Some(Method::Statement)),
            ]
        );
        // The report says so too.
        let report = tracker.report();
        assert_eq!(report.quotes[1].speaker.as_deref(), Some("Anna Berg"));
        assert_eq!(report.quotes[1].method, Some(Method::Statement));
    }

    #[test]
    fn a_statement_whose_quotations_name_two_speakers_lends_nobody() {
        let mut tracker = Tracker::new();
        let words = "We will keep the harbour open through the whole winter";
        for (id, prose) in [
            ("a", format!("“{words},” Mayor Anna Berg said.")),
            ("b", format!("“{words},” council leader Tom Reed said.")),
            ("c", format!("Crowds gathered.\n\n“{words}.”")),
        ] {
            tracker.add(Document::new(id, prose)).unwrap();
        }
        let found = speakers(&tracker);
        assert_eq!(found[0].0, Some("Anna Berg"));
        assert_eq!(found[2], (None, None), "{found:?}");
    }

    #[test]
    fn quotations_come_back_as_found_whether_texts_are_kept_or_not() {
        // Nested marks, an unclosed paragraph, cues and none, two languages, a speaker named
        // in two documents: every field of what the tracker keeps, packed, is read back.
        let texts = [
            "“He said ‘stop’ twice, and ‘now’ once,” Mayor Anna Berg wrote on Monday.\n\n\
             “We will keep the harbour open,” she said. “And the docks.”\n\n\
             “An unclosed thought that runs on",
            "Der Bürgermeister sagte am Montag, dass die Stadt den Hafen nicht schließen wird: \
             „Wir halten den Hafen offen, und die Arbeiter bekommen ihren Lohn.“ \
             Anna Berg said “no more”.",
            "",
        ];
        for keep in [true, false] {
            let mut tracker = Tracker::new().keep_texts(keep);
            for (i, text) in texts.iter().enumerate() {
                tracker.add(Document::new(format!("d{i}"), *text)).unwrap();
            }
            let mut expected = Vec::new();
            for text in &texts {
                let quotes = crate::detect(text);
                let attributions = crate::attribute(text, &quotes);
                for (q, a) in quotes.into_iter().zip(attributions) {
                    let language = crate::text::lexicon::language_in(q.text(text), 3)
                        .or(crate::text::lexicon::language_in(text, 3));
                    expected.push((q.text(text).to_string(), q, a, language));
                }
            }
            let got: Vec<_> = tracker
                .quotes()
                .map(|q| (q.text.to_string(), q.quotation, q.attribution, q.language))
                .collect();
            assert!(expected.iter().any(|e| !e.1.nested.is_empty()));
            assert!(expected
                .iter()
                .any(|e| e.2.cue.is_some() && e.2.speaker.is_some()));
            assert!(expected.iter().any(|e| e.3 == Some("de")));
            assert_eq!(got, expected, "keep_texts({keep})");
        }
    }
}

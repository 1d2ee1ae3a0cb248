//! The tracker as the source of a report written as it is made ([`Tracker::report_streamed`]).

use std::sync::Mutex;

use super::records::{document_info, quote_record};
use super::statements::{summary, Slots, NO_SLOT};
use super::{Derived, Tracker};
use crate::report::{self, QuoteRecord};

impl Tracker {
    /// The [`report`](Self::report), made as it is serialised: the same JSON, field for field
    /// and byte for byte, without the whole report in memory at once (with a million
    /// quotations the report is several times the size of what the tracker holds).
    ///
    /// ```
    /// use quotetrace::{Document, Tracker};
    ///
    /// let mut tracker = Tracker::new();
    /// tracker.add(Document::new("a", "\"Vladimir, STOP!\" Trump wrote."))?;
    /// tracker.add(Document::new("b", "\"Vladimir, stop,\" Trump said."))?;
    /// let streamed = serde_json::to_string_pretty(&tracker.report_streamed())?;
    /// assert_eq!(streamed, serde_json::to_string_pretty(&tracker.report())?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report_streamed(&self) -> report::Streamed<'_> {
        let derived = self.derived();
        // Each document's place in chronological order, by its place in `documents`.
        let mut rank = vec![0; self.documents.len()];
        for (place, (i, _)) in self.entries().enumerate() {
            rank[i] = place;
        }
        let documents = self.documents().map(document_info).collect();
        let source = Source {
            tracker: self,
            derived,
            rank,
            slots: Mutex::new(Vec::new()),
        };
        report::Streamed::new(documents, source)
    }
}

/// The tracker's quotations and statements, read one at a time.
struct Source<'t> {
    tracker: &'t Tracker,
    derived: &'t Derived,
    rank: Vec<usize>,
    /// Phrase slots to choose canonical wordings with (see `summary`), one set per thread at
    /// work, taken and put back.
    slots: Mutex<Vec<Slots>>,
}

impl report::Source for Source<'_> {
    fn quotations(&self) -> usize {
        self.derived.locations.len()
    }

    fn record(&self, i: usize) -> QuoteRecord {
        let (d, k) = self.derived.locations[i];
        let entry = &self.tracker.documents[d];
        let cluster = self.derived.clustering.cluster_of(i);
        quote_record(entry, k, &self.tracker.names, self.derived, cluster)
    }

    fn statement_of(&self, i: usize) -> usize {
        self.derived.clustering.cluster_of(i)
    }

    fn document_of(&self, i: usize) -> usize {
        self.rank[self.derived.locations[i].0]
    }

    fn statements(&self) -> usize {
        self.derived.clustering.len()
    }

    fn canonical(&self, id: usize, members: &[usize]) -> (String, Option<String>) {
        let derived = self.derived;
        // What quotation `i` says, who said it (as the report names its speaker), and in which
        // language.
        let said = |i: usize| {
            let (d, k) = derived.locations[i];
            let entry = &self.tracker.documents[d];
            let written = entry.speaker(k, &self.tracker.names);
            let speaker = derived.speaker_of(written, entry.method(k), id).0;
            (entry.text(k), speaker, entry.language(k))
        };
        let taken = self.slots.lock().ok().and_then(|mut pool| pool.pop());
        let mut slots =
            taken.unwrap_or_else(|| Slots::Dense(vec![NO_SLOT; derived.index.phrases()]));
        let (text, speaker) = summary(members, said, &derived.index, &mut slots);
        let canonical = (text.to_string(), speaker.map(str::to_string));
        if let Ok(mut pool) = self.slots.lock() {
            pool.push(slots);
        }
        canonical
    }
}

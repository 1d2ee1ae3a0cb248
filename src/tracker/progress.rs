//! How far a tracker's work has come, told to a callback as it goes: for a progress bar, a
//! log line, or nothing.

use super::entry::{read_all, Entry};
use super::{DuplicateDocument, Tracker};
use crate::document::Document;
use crate::report::Report;

/// How many documents are read at once: enough to keep every core busy, few enough that the
/// texts of a batch are a few megabytes.
const BATCH: usize = 256;

/// Where a [`Tracker`]'s work has come to, as told to the callback of
/// [`Tracker::extend_with_progress`] and [`Tracker::report_with_progress`].
///
/// ```
/// use quotetrace::tracker::Progress;
/// use quotetrace::{Document, Tracker};
///
/// let documents = vec![
///     Document::new("a", "\"Vladimir, STOP!\" Trump wrote."),
///     Document::new("b", "\"Vladimir, stop,\" Trump said. \"Now.\""),
/// ];
/// let mut tracker = Tracker::new();
/// let mut seen = Vec::new();
/// tracker.extend_with_progress(documents, |p| seen.push(p))?;
/// let report = tracker.report_with_progress(|p| seen.push(p));
/// assert_eq!(seen[1], Progress::Detecting { documents: 2, quotations: 3 });
/// assert_eq!(seen[2], Progress::Clustering { quotations: 3 });
/// assert_eq!(seen[3], Progress::Reporting { statements: report.clusters.len() });
/// # Ok::<(), quotetrace::tracker::DuplicateDocument>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Progress {
    /// Documents detected and attributed so far in this call, and the quotations the tracker
    /// holds.
    Detecting {
        /// Documents added so far by this call.
        documents: usize,
        /// Quotations found in all the tracker's documents so far.
        quotations: usize,
    },
    /// The quotations are being grouped into statements.
    Clustering {
        /// How many quotations.
        quotations: usize,
    },
    /// The statements are formed; their provenance (variants, drift, outlets) is being written.
    Reporting {
        /// How many statements.
        statements: usize,
    },
}

impl Tracker {
    /// [`extend`](Tracker::extend), telling `progress` after each document.
    pub fn extend_with_progress(
        &mut self,
        documents: impl IntoIterator<Item = Document>,
        mut progress: impl FnMut(Progress),
    ) -> Result<(), DuplicateDocument> {
        let documents = documents.into_iter();
        // Room for all of them at once: a million documents would otherwise grow the list and
        // rehash the ids a score of times.
        let (expected, _) = documents.size_hint();
        self.documents.reserve(expected);
        self.ids.reserve(expected);
        let mut quotations = self.quotation_count();
        let mut documents = documents.peekable();
        let mut added = 0;
        while documents.peek().is_some() {
            // Read a batch at a time, on all cores with the `parallel` feature; kept in order.
            let batch: Vec<Document> = documents.by_ref().take(BATCH).collect();
            for read in read_all(batch, !self.drop_texts) {
                quotations += read.quotations();
                let hash = self.ids.hash(read.document.id.as_str());
                self.insert(hash, read)?;
                added += 1;
                progress(Progress::Detecting {
                    documents: added,
                    quotations,
                });
            }
        }
        Ok(())
    }

    /// [`report`](Tracker::report), telling `progress` as it clusters (when the statements
    /// are not worked out yet) and as it reports.
    pub fn report_with_progress(&self, mut progress: impl FnMut(Progress)) -> Report {
        let statements = self.cluster_with_progress(&mut progress);
        progress(Progress::Reporting { statements });
        self.report()
    }

    /// Groups the quotations into statements now, if that is not done yet, telling `progress`
    /// when it starts; returns how many statements there are. Every answer after (the report,
    /// [`report_streamed`](Self::report_streamed), `whence`) uses them.
    pub fn cluster_with_progress(&self, mut progress: impl FnMut(Progress)) -> usize {
        if self.derived.get().is_none() {
            progress(Progress::Clustering {
                quotations: self.quotation_count(),
            });
        }
        self.derived().clustering.len()
    }

    /// How many quotations the documents hold.
    pub(super) fn quotation_count(&self) -> usize {
        self.documents.iter().map(Entry::len).sum()
    }
}

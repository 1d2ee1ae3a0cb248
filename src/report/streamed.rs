//! The report serialised as it is made: the same JSON as a [`Report`](super::Report), written
//! one quotation and one statement at a time, so that the whole report is never in memory
//! (with a million quotations it is several times the size of what it is made from).

use std::cell::RefCell;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::{
    grouped, outlet_name, outlet_summaries, statement, DocumentInfo, Keys, Member, Outlets,
    QuoteRecord, Statement,
};

/// What a report is made from, read a quotation or a statement at a time: the quotations in
/// report order (documents chronologically, then by position), each with its statement and
/// its document's place among the report's documents. Read from several threads at once.
pub(crate) trait Source: Sync {
    /// How many quotations.
    fn quotations(&self) -> usize;
    /// The record of quotation `i`.
    fn record(&self, i: usize) -> QuoteRecord;
    /// The statement of quotation `i`.
    fn statement_of(&self, i: usize) -> usize;
    /// The place of quotation `i`'s document among the report's documents.
    fn document_of(&self, i: usize) -> usize;
    /// How many statements.
    fn statements(&self) -> usize;
    /// Statement `id`'s canonical wording and speaker, from its quotations `members`.
    fn canonical(&self, id: usize, members: &[usize]) -> (String, Option<String>);
}

/// A report that serialises as [`Report`](super::Report) does, field for field, while it is
/// made; see [`Tracker::report_streamed`](crate::Tracker::report_streamed).
pub struct Streamed<'s> {
    documents: Vec<DocumentInfo>,
    source: Box<dyn Source + 's>,
}

impl std::fmt::Debug for Streamed<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Streamed")
            .field("documents", &self.documents.len())
            .field("quotations", &self.source.quotations())
            .finish_non_exhaustive()
    }
}

impl<'s> Streamed<'s> {
    pub(crate) fn new(documents: Vec<DocumentInfo>, source: impl Source + 's) -> Self {
        Streamed {
            documents,
            source: Box::new(source),
        }
    }
}

impl Streamed<'_> {
    /// The quotations as [`QuotationRow`](super::QuotationRow)s, one JSON object a line, as
    /// [`Report::quotation_rows`](super::Report::quotation_rows) gives them (the lines of
    /// `quotetrace track --jsonl`): each statement's key and canonical wording are worked out
    /// first and kept, then each quotation's row is made and written.
    ///
    /// ```
    /// use quotetrace::{Document, Tracker};
    ///
    /// let mut tracker = Tracker::new();
    /// tracker.add(Document::new("a", "\"Vladimir, STOP!\" Trump wrote.").with_outlet("one"))?;
    /// let mut lines = Vec::new();
    /// tracker.report_streamed().write_rows(&mut lines)?;
    /// let report = tracker.report();
    /// let row = serde_json::to_string(&report.quotation_rows().next().unwrap())?;
    /// assert_eq!(String::from_utf8(lines)?, row + "\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `out` cannot be written to.
    pub fn write_rows(&self, mut out: impl std::io::Write) -> std::io::Result<()> {
        let (source, documents) = (&*self.source, &self.documents);
        let (layout, mut outlets) = self.layout();
        let maker = layout.maker(source, documents);
        let mut keys = Keys::default();
        let mut named: Vec<(String, String)> = Vec::with_capacity(source.statements());
        let ids: Vec<usize> = (0..source.statements()).collect();
        for batch in ids.chunks(BATCH) {
            for (mut s, _) in maker.make_all(batch, &mut outlets) {
                keys.distinct(&mut s);
                named.push((s.key, s.canonical));
            }
        }
        for (i, &d) in layout.doc_of.iter().enumerate() {
            let record = source.record(i);
            let (key, canonical) = named
                .get(record.cluster)
                .map_or(("", ""), |(k, c)| (k.as_str(), c.as_str()));
            let row = super::rows::row(&record, Some(&documents[d]), key, canonical);
            serde_json::to_writer(&mut out, &row)?;
            out.write_all(b"\n")?;
        }
        out.flush()
    }
}

/// Where each quotation stands: its document's place, its outlet's number, and the quotations
/// of each statement.
struct Layout {
    doc_of: Vec<usize>,
    outlet_of: Vec<usize>,
    by_cluster: super::Groups,
}

impl Streamed<'_> {
    /// The layout of the quotations, and their outlets numbered.
    fn layout(&self) -> (Layout, Outlets<'_>) {
        let (source, documents) = (&*self.source, &self.documents);
        let n = source.quotations();
        let doc_of: Vec<usize> = (0..n).map(|i| source.document_of(i)).collect();
        let (outlets, outlet_of) =
            Outlets::numbered(doc_of.iter().map(|&d| outlet_name(&documents[d])));
        let by_cluster = grouped(n, source.statements(), |i| source.statement_of(i));
        let layout = Layout {
            doc_of,
            outlet_of,
            by_cluster,
        };
        (layout, outlets)
    }
}

impl Layout {
    fn maker<'a>(&'a self, source: &'a dyn Source, documents: &'a [DocumentInfo]) -> Maker<'a> {
        Maker {
            source,
            documents,
            doc_of: &self.doc_of,
            outlet_of: &self.outlet_of,
            by_cluster: &self.by_cluster,
            #[cfg(feature = "parallel")]
            copies: std::sync::Mutex::new(Vec::new()),
        }
    }
}

/// How many statements are made at once (on all cores with the `parallel` feature) before
/// they are written, in order.
const BATCH: usize = 64;

impl Serialize for Streamed<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (source, documents) = (&*self.source, &self.documents);
        let (layout, outlets) = self.layout();
        let statements = Statements {
            maker: layout.maker(source, documents),
            state: RefCell::new((outlets, vec![0.0; source.quotations()])),
        };
        let mut report = serializer.serialize_struct("Report", 4)?;
        report.serialize_field("documents", documents)?;
        report.serialize_field("quotes", &Records(source))?;
        report.serialize_field("clusters", &statements)?;
        let (outlets, drift_of) = statements.state.into_inner();
        let summaries = outlet_summaries(
            |i| source.statement_of(i),
            &outlets,
            &layout.outlet_of,
            &layout.by_cluster,
            source.statements(),
            &drift_of,
        );
        report.serialize_field("outlets", &summaries)?;
        report.end()
    }
}

/// Every quotation's record, made as it is written.
struct Records<'a>(&'a dyn Source);

impl Serialize for Records<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((0..self.0.quotations()).map(|i| self.0.record(i)))
    }
}

/// Every statement, made as it is written from its quotations' records (made again, and
/// dropped with it); each quotation's drift is noted for the outlets' summaries after.
struct Statements<'a> {
    maker: Maker<'a>,
    /// The outlets, numbered and listing as the statements go, and each quotation's drift.
    state: RefCell<(Outlets<'a>, Vec<f64>)>,
}

/// What it takes to make a statement, shared by the threads that make them.
struct Maker<'a> {
    source: &'a dyn Source,
    documents: &'a [DocumentInfo],
    doc_of: &'a [usize],
    outlet_of: &'a [usize],
    by_cluster: &'a super::Groups,
    /// Fresh copies of the outlets for the threads to list in, made once each and reused by
    /// every batch after: a copy is as long as the outlets, and a copy per batch would make
    /// a million outlets cost a million times the statements.
    #[cfg(feature = "parallel")]
    copies: std::sync::Mutex<Vec<Outlets<'a>>>,
}

impl Serialize for Statements<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let maker = &self.maker;
        let mut state = self.state.borrow_mut();
        let (outlets, drift_of) = &mut *state;
        let mut keys = Keys::default();
        let ids: Vec<usize> = (0..maker.source.statements()).collect();
        let statements = ids
            .chunks(BATCH)
            .flat_map(|batch| maker.make_all(batch, outlets))
            .map(|(mut s, variant_of)| {
                for (&i, &v) in maker.by_cluster.group(s.id).iter().zip(&variant_of) {
                    drift_of[i] = s.variants[v].drift_score;
                }
                keys.distinct(&mut s);
                s
            });
        serializer.collect_seq(statements)
    }
}

impl<'a> Maker<'a> {
    /// Statement `id`, with the variant of each of its quotations; its outlets are listed
    /// with `outlets`.
    fn make(&self, id: usize, outlets: &mut Outlets<'_>) -> (Statement, Vec<usize>) {
        let indexes = self.by_cluster.group(id);
        let records: Vec<QuoteRecord> = indexes.iter().map(|&i| self.source.record(i)).collect();
        let members: Vec<Member<'_>> = indexes
            .iter()
            .zip(&records)
            .map(|(&i, quote)| Member {
                quote,
                document: Some(&self.documents[self.doc_of[i]]),
                outlet: self.outlet_of[i],
            })
            .collect();
        let (text, speaker) = self.source.canonical(id, indexes);
        let mut variant_of = Vec::new();
        let s = statement(
            id,
            &text,
            speaker.as_deref(),
            &members,
            outlets,
            &mut variant_of,
        );
        (s, variant_of)
    }

    /// The statements `ids`, in order: on all cores with the `parallel` feature, each thread
    /// listing outlets in its own fresh copy of `outlets` (a statement's listing depends on
    /// it alone, so the statements are the same).
    fn make_all(&self, ids: &[usize], outlets: &mut Outlets<'a>) -> Vec<(Statement, Vec<usize>)> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            let outlets = &*outlets;
            let take = || self.copies.lock().ok().and_then(|mut c| c.pop());
            ids.par_iter()
                .map(|&id| {
                    let mut mine = take().unwrap_or_else(|| outlets.fresh());
                    let made = self.make(id, &mut mine);
                    if let Ok(mut copies) = self.copies.lock() {
                        copies.push(mine);
                    }
                    made
                })
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            ids.iter().map(|&id| self.make(id, outlets)).collect()
        }
    }
}

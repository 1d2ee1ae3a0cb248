//! The names that moved from the crate root to their stage's module still work at the root, so
//! that code written against the old paths compiles (with a deprecation warning).
#![allow(deprecated)]

use quotetrace::{
    canonical_speakers, cluster_indexed, words, Cluster, ClusterIndex, Clustering, DocumentInfo,
    DuplicateDocument, FirstSeen, Found, Method, Nested, OutletSummary, Quote, ELLIPSIS,
};
use quotetrace::{ClusterConfig, ClusterItem, Document, Tracker};

#[test]
fn the_old_root_names_are_the_new_ones() {
    assert_eq!(ELLIPSIS, quotetrace::normalize::ELLIPSIS);
    assert_eq!(words("a b"), ["a", "b"]);
    assert_eq!(canonical_speakers(["Ann Berg"])["Ann Berg"], "Ann Berg");
    let items = [ClusterItem::new("We will rebuild the whole city")];
    let (clustering, index): (Clustering, ClusterIndex) =
        cluster_indexed(&items, &ClusterConfig::default());
    assert_eq!(clustering.clusters().len(), 1);
    let found: Option<Found> = index.find("we will rebuild the whole city");
    assert!(found.is_some());

    let mut tracker = Tracker::new();
    tracker
        .add(Document::new(
            "a",
            "“We will rebuild,” Mayor Ann Berg said.",
        ))
        .unwrap();
    let duplicate: DuplicateDocument = tracker.add(Document::new("a", "")).unwrap_err();
    assert_eq!(duplicate.id, "a");
    let quote: Quote<'_> = tracker.quotes().next().unwrap();
    assert_eq!(quote.attribution.method, Some(Method::Named));
    let clusters: Vec<Cluster<'_>> = tracker.clusters();
    assert_eq!(clusters.len(), 1);
    let report = tracker.report();
    let _: &DocumentInfo = &report.documents[0];
    let _: Option<&FirstSeen> = report.clusters[0].first_seen.as_ref();
    let _: &OutletSummary = &report.outlets[0];
    assert!(quote
        .quotation
        .nested
        .iter()
        .all(|n: &Nested| n.span.start > 0));
}

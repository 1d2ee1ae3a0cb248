//! The provenance report on real news: `../shared/corpora/stop` (30 outlets quoting one Truth
//! Social post). Skipped, with a note, where the shared corpora are not beside the repository.

use std::path::Path;

use quotetrace::{load, normalize, EditKind, Tracker};

fn corpus() -> Option<&'static Path> {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpora/stop"
    ));
    if path.join("clusters.jsonl").exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} not found", path.display());
        None
    }
}

/// The report of every document of the corpus at `path`.
fn report_of(path: &Path) -> quotetrace::Report {
    let mut tracker = Tracker::new();
    tracker.extend(load(path).unwrap()).unwrap();
    tracker.report()
}

/// The gold canonical wording of a statement, from the corpus's `clusters.jsonl`.
fn gold_canonical(path: &Path, slug: &str) -> String {
    let text = std::fs::read_to_string(path.join("clusters.jsonl")).unwrap();
    text.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["cluster"] == slug)
        .and_then(|v| v["canonical"].as_str().map(str::to_string))
        .unwrap()
}

#[test]
fn the_truth_social_post_is_reported_whole_with_its_drift() {
    let Some(path) = corpus() else { return };
    let report = report_of(path);
    let post = normalize(&gold_canonical(path, "trump-stop-post"));
    let statement = report
        .clusters
        .iter()
        .max_by_key(|s| s.quotes.len())
        .unwrap();
    // The canonical wording is the whole post, quote marks and apostrophes folded.
    assert_eq!(normalize(&statement.canonical), post);
    assert_eq!(statement.speaker.as_deref(), Some("Donald Trump"));
    assert!(statement.outlets.len() >= 20, "{:?}", statement.outlets);
    let kinds: Vec<EditKind> = statement
        .variants
        .iter()
        .flat_map(|v| v.edits.iter().map(|e| e.kind))
        .collect();
    for kind in [EditKind::Case, EditKind::Punctuation, EditKind::Truncation] {
        assert!(kinds.contains(&kind), "no {kind:?} edit");
    }
    // Outlets that printed the same cut or typo are grouped as a hint of a common source.
    assert!(!statement.lineage.is_empty());
    // The report reads back from JSON unchanged.
    let json = serde_json::to_string(&report).unwrap();
    assert_eq!(
        serde_json::from_str::<quotetrace::Report>(&json).unwrap(),
        report
    );
}

#[test]
fn every_outlet_summary_points_at_real_statements() {
    let Some(path) = corpus() else { return };
    let report = report_of(path);
    assert!(!report.outlets.is_empty());
    for o in &report.outlets {
        assert!(o.mean_drift >= 0.0);
        for &s in o.statements.iter().chain(&o.first) {
            let statement = report.statement(s).unwrap();
            assert!(statement.outlets.contains(&o.outlet));
        }
        for &s in &o.first {
            assert_eq!(report.statement(s).unwrap().outlets[0], o.outlet);
        }
    }
    let trump: Vec<_> = report.statements_of("Donald Trump").collect();
    assert!(trump.len() >= 3);
    assert!(report.quoted_by(&report.outlets[0].outlet).count() >= 1);
}

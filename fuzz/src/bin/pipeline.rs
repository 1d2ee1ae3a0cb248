//! AFL++ fuzz target: any bytes, split into documents at NUL bytes, through detection,
//! attribution, clustering, the report and a lookup; checks the invariants a panic would break.
//! See `fuzz/README.md` for how to run it.

use quotetrace::{detect, Document, Tracker};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        let mut tracker = Tracker::new();
        for (i, part) in text.split('\0').enumerate().take(16) {
            for q in detect(part) {
                assert!(
                    part.get(q.span.clone()).is_some(),
                    "span out of bounds or off a char boundary"
                );
                assert!(q.outer.start <= q.span.start && q.span.end <= q.outer.end);
            }
            tracker
                .add(Document::new(format!("d{i}"), part))
                .expect("distinct ids");
        }
        let report = tracker.report();
        assert_eq!(report.quotes.len(), tracker.quotes().count());
        for v in report.clusters.iter().flat_map(|s| s.variants.iter()) {
            assert!(v.drift_score >= 0.0);
        }
        let probe: String = text.chars().take(80).collect();
        let _ = tracker.whence(&probe);
    });
}

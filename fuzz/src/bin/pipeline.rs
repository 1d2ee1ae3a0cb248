//! AFL++ fuzz target: any bytes, split into documents at NUL bytes, through detection,
//! attribution, clustering, the report and a lookup; checks the invariants a panic would break.
//! See `fuzz/README.md` for how to run it.

use std::collections::HashMap;

use quotetrace::{detect, Document, Tracker};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        let mut tracker = Tracker::new();
        let mut texts: HashMap<String, &str> = HashMap::new();
        for (i, part) in text.split('\0').enumerate().take(16) {
            for q in detect(part) {
                assert!(
                    part.get(q.span.clone()).is_some(),
                    "span out of bounds or off a char boundary"
                );
                assert!(q.outer.start <= q.span.start && q.span.end <= q.outer.end);
            }
            let id = format!("d{i}");
            texts.insert(id.clone(), part);
            tracker
                .add(Document::new(id, part))
                .expect("distinct ids");
        }
        let report = tracker.report();
        assert_eq!(report.quotes.len(), tracker.quotes().count());
        // Each quotation is the text at its offsets, and in exactly the statement it names.
        let mut homes: HashMap<&str, usize> = HashMap::new();
        for s in &report.clusters {
            for id in &s.quotes {
                assert!(homes.insert(id, s.id).is_none(), "{id} in two statements");
            }
        }
        assert_eq!(homes.len(), report.quotes.len());
        for q in &report.quotes {
            assert_eq!(texts[&q.doc].get(q.start..q.end), Some(q.text.as_str()));
            assert_eq!(homes.get(q.id.as_str()), Some(&q.cluster));
        }
        for v in report.clusters.iter().flat_map(|s| s.variants.iter()) {
            assert!(v.drift_score >= 0.0);
        }
        let probe: String = text.chars().take(80).collect();
        let _ = tracker.whence(&probe);
    });
}

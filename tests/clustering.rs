//! Properties of clustering, through the public API: every quotation in exactly one cluster,
//! exact duplicates together, the same partition whatever the input order, and a tracker fed
//! document by document equal to one fed everything at once.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use quotetrace::cluster::cluster_indexed;
use quotetrace::{cluster, ClusterConfig, ClusterItem, Document, Tracker};

const WORDS: &[&str] = &[
    "we",
    "are",
    "not",
    "happy",
    "with",
    "the",
    "strikes",
    "on",
    "Kyiv",
    "Vladimir",
    "STOP!",
    "peace",
    "deal",
    "DONE",
    "let's",
    "lets",
    "get",
    "5000",
    "5,000",
    "soldiers",
    "soliders",
    "a",
    "week",
    "dying.",
    "…",
    "very",
    "bad",
    "timing,",
    "Zelensky",
    "Zelenskyy",
];

/// Quotations built from a small vocabulary, so that they overlap, share fragments and repeat.
fn quotation() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..14).prop_map(|w| w.join(" "))
}

fn quotations() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(quotation(), 1..40).prop_flat_map(|base| {
        // Repeat some quotations exactly.
        let n = base.len();
        prop::collection::vec(0..n, 0..10).prop_map(move |repeats| {
            let mut all = base.clone();
            all.extend(repeats.iter().map(|&i| base[i].clone()));
            all
        })
    })
}

/// The partition as sets of item labels.
fn partition(assignment: &[usize], labels: &[usize]) -> BTreeSet<BTreeSet<usize>> {
    let mut groups: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (i, &c) in assignment.iter().enumerate() {
        groups.entry(c).or_default().insert(labels[i]);
    }
    groups.into_values().collect()
}

proptest! {
    #[test]
    fn looking_any_text_up_is_safe_and_finds_its_own_cluster(
        texts in quotations(),
        probe in prop_oneof![quotation(), any::<String>()],
    ) {
        let items: Vec<_> = texts.iter().map(|t| ClusterItem::new(t)).collect();
        let (clustering, index) = cluster_indexed(&items, &ClusterConfig::default());
        if let Some(found) = index.find(&probe) {
            prop_assert!(found.cluster < clustering.len());
            prop_assert!(found.similarity > 0.0 && found.similarity <= 1.0 + 1e-9);
        }
        // A clustered quotation of two words or more finds itself.
        for (i, t) in texts.iter().enumerate() {
            if quotetrace::normalize(t).len() >= 2 {
                let found = index.find(t);
                prop_assert!(found.is_some_and(|f| f.similarity > 0.999), "{t:?}: {found:?} (cluster {})", clustering.cluster_of(i));
            }
        }
    }

    #[test]
    fn every_quotation_has_exactly_one_cluster(texts in quotations()) {
        let items: Vec<_> = texts.iter().map(|t| ClusterItem::new(t)).collect();
        let c = cluster(&items, &ClusterConfig::default());
        prop_assert_eq!(c.assignment().len(), texts.len());
        let mut seen = vec![0; texts.len()];
        for (id, members) in c.clusters().enumerate() {
            prop_assert!(!members.is_empty());
            for &m in members {
                prop_assert_eq!(c.cluster_of(m), id);
                seen[m] += 1;
            }
        }
        prop_assert!(seen.iter().all(|&n| n == 1));
        // Ids follow first appearance.
        let firsts: Vec<usize> = c.clusters().map(|m| m[0]).collect();
        prop_assert!(firsts.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn exact_duplicates_share_a_cluster(texts in quotations()) {
        let items: Vec<_> = texts.iter().map(|t| ClusterItem::new(t)).collect();
        let c = cluster(&items, &ClusterConfig::default());
        for i in 0..texts.len() {
            for j in 0..i {
                if texts[i] == texts[j] {
                    prop_assert_eq!(c.cluster_of(i), c.cluster_of(j));
                }
            }
        }
    }

    #[test]
    fn the_partition_does_not_depend_on_input_order(
        texts in quotations(),
        seed in any::<u64>(),
    ) {
        let labels: Vec<usize> = (0..texts.len()).collect();
        let mut order = labels.clone();
        // A seeded Fisher-Yates shuffle.
        let mut state = seed | 1;
        for i in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let items: Vec<_> = texts.iter().map(|t| ClusterItem::new(t)).collect();
        let shuffled: Vec<_> = order.iter().map(|&i| ClusterItem::new(&texts[i])).collect();
        let a = cluster(&items, &ClusterConfig::default());
        let b = cluster(&shuffled, &ClusterConfig::default());
        prop_assert_eq!(partition(a.assignment(), &labels), partition(b.assignment(), &order));
    }

    #[test]
    fn adding_documents_one_by_one_equals_all_at_once(
        texts in prop::collection::vec(quotation(), 1..12),
        split in 0usize..12,
    ) {
        let documents: Vec<Document> = texts
            .chunks(2)
            .enumerate()
            .map(|(i, pair)| {
                let body: Vec<String> = pair.iter().map(|t| format!("\"{t}\" Trump said.")).collect();
                Document::new(format!("d{i}"), body.join("\n"))
            })
            .collect();
        let mut batch = Tracker::new();
        batch.extend(documents.clone()).unwrap();
        let mut incremental = Tracker::new();
        let split = split.min(documents.len());
        incremental.extend(documents[..split].iter().cloned()).unwrap();
        // Ask for clusters in between: the later answer must not depend on the earlier one.
        let _ = incremental.clusters();
        for d in documents[split..].iter().rev() {
            incremental.add(d.clone()).unwrap();
        }
        let json = |t: &Tracker| serde_json::to_string(&t.report()).unwrap();
        prop_assert_eq!(json(&batch), json(&incremental));
    }
}

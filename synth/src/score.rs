//! Scoring a clustering against the generator's truth.

use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;

/// Quality of a clustering against the truth.
///
/// B-cubed scores average over items (how much of an item's predicted cluster shares its truth
/// class, and the reverse); pairwise scores count pairs of items put together.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// B-cubed precision: mean over items of the share of its predicted cluster in its class.
    pub bcubed_precision: f64,
    /// B-cubed recall: mean over items of the share of its class in its predicted cluster.
    pub bcubed_recall: f64,
    /// Harmonic mean of B-cubed precision and recall.
    pub bcubed_f1: f64,
    /// Share of predicted same-cluster pairs that are same-class pairs (1 when none predicted).
    pub pairwise_precision: f64,
    /// Share of same-class pairs that are predicted same-cluster (1 when there are none).
    pub pairwise_recall: f64,
    /// Harmonic mean of pairwise precision and recall.
    pub pairwise_f1: f64,
    /// Number of predicted clusters.
    pub clusters: usize,
    /// Size of the largest predicted cluster (the first seen, on ties).
    pub largest_cluster: usize,
    /// Share of the largest predicted cluster taken by its largest truth class.
    pub largest_cluster_purity: f64,
}

/// Scores the cluster labels `predicted` against the class labels `truth`, item by item.
///
/// Label values only matter through equality. Linear time (contingency counts). An empty input
/// scores 1.0 everywhere, with no clusters.
///
/// # Panics
///
/// If the slices differ in length.
pub fn score<P: Eq + Hash, T: Eq + Hash>(predicted: &[P], truth: &[T]) -> Scores {
    assert_eq!(
        predicted.len(),
        truth.len(),
        "synth::score: predicted labels {} items, truth {}",
        predicted.len(),
        truth.len()
    );
    if predicted.is_empty() {
        return Scores::EMPTY;
    }
    let counts = Contingency::of(predicted, truth);
    let (bcubed_precision, bcubed_recall) = counts.bcubed(predicted.len());
    let (pairwise_precision, pairwise_recall) = counts.pairwise();
    let (largest_cluster, largest_cluster_purity) = counts.largest_cluster();
    Scores {
        bcubed_precision,
        bcubed_recall,
        bcubed_f1: f1(bcubed_precision, bcubed_recall),
        pairwise_precision,
        pairwise_recall,
        pairwise_f1: f1(pairwise_precision, pairwise_recall),
        clusters: counts.p_size.len(),
        largest_cluster,
        largest_cluster_purity,
    }
}

impl Scores {
    /// The scores of an empty input: 1.0 everywhere, with no clusters.
    const EMPTY: Scores = Scores {
        bcubed_precision: 1.0,
        bcubed_recall: 1.0,
        bcubed_f1: 1.0,
        pairwise_precision: 1.0,
        pairwise_recall: 1.0,
        pairwise_f1: 1.0,
        clusters: 0,
        largest_cluster: 0,
        largest_cluster_purity: 1.0,
    };
}

/// How many items each predicted cluster, each true cluster and each pair of them hold, the
/// labels numbered in order of first appearance.
struct Contingency {
    p_size: Vec<u64>,
    t_size: Vec<u64>,
    /// Each (predicted, true) pair of labels with its count, in label order: the sums over
    /// them are then the same on every run (a map's order differs from process to process, and
    /// so would the last digits of a float sum).
    cells: Vec<((u32, u32), u64)>,
}

impl Contingency {
    fn of<P: Eq + Hash, T: Eq + Hash>(predicted: &[P], truth: &[T]) -> Contingency {
        let mut p_ids: HashMap<&P, u32> = HashMap::new();
        let mut t_ids: HashMap<&T, u32> = HashMap::new();
        let mut p_size: Vec<u64> = Vec::new();
        let mut t_size: Vec<u64> = Vec::new();
        let mut cells: HashMap<(u32, u32), u64> = HashMap::new();
        for (p, t) in predicted.iter().zip(truth) {
            let p = number(&mut p_ids, &mut p_size, p);
            let t = number(&mut t_ids, &mut t_size, t);
            *cells.entry((p, t)).or_insert(0) += 1;
        }
        let mut cells: Vec<((u32, u32), u64)> = cells.into_iter().collect();
        cells.sort_unstable();
        Contingency {
            p_size,
            t_size,
            cells,
        }
    }

    /// B-cubed precision and recall over the `n` items counted.
    fn bcubed(&self, n: usize) -> (f64, f64) {
        let (mut precision, mut recall) = (0.0, 0.0);
        for &((p, t), c) in &self.cells {
            let cf = c as f64;
            precision += cf * cf / self.p_size[p as usize] as f64;
            recall += cf * cf / self.t_size[t as usize] as f64;
        }
        (precision / n as f64, recall / n as f64)
    }

    /// Pairwise precision and recall: the share of the predicted same-cluster pairs that are
    /// same-class, and of the same-class pairs that are predicted same-cluster (1 over none).
    fn pairwise(&self) -> (f64, f64) {
        let together: f64 = self.cells.iter().map(|&(_, c)| pairs(c)).sum();
        let predicted_pairs: f64 = self.p_size.iter().map(|&k| pairs(k)).sum();
        let truth_pairs: f64 = self.t_size.iter().map(|&k| pairs(k)).sum();
        let share = |all: f64| if all == 0.0 { 1.0 } else { together / all };
        (share(predicted_pairs), share(truth_pairs))
    }

    /// The size of the largest predicted cluster (the first, on ties) and the share of it taken
    /// by its largest class.
    fn largest_cluster(&self) -> (usize, f64) {
        let mut best_class = vec![0u64; self.p_size.len()];
        for &((p, _), c) in &self.cells {
            best_class[p as usize] = best_class[p as usize].max(c);
        }
        let mut largest = 0;
        for (i, &k) in self.p_size.iter().enumerate() {
            if k > self.p_size[largest] {
                largest = i;
            }
        }
        let size = self.p_size[largest];
        (size as usize, best_class[largest] as f64 / size as f64)
    }
}

/// The number of unordered pairs of `k` items.
fn pairs(k: u64) -> f64 {
    (k * k.saturating_sub(1) / 2) as f64
}

/// The number of `label` (a new one if it is new), its count in `sizes` raised by one.
fn number<'a, L: Eq + Hash>(
    ids: &mut HashMap<&'a L, u32>,
    sizes: &mut Vec<u64>,
    label: &'a L,
) -> u32 {
    let next = ids.len() as u32;
    let id = *ids.entry(label).or_insert(next);
    if id as usize == sizes.len() {
        sizes.push(0);
    }
    sizes[id as usize] += 1;
    id
}

impl fmt::Display for Scores {
    /// One line, e.g. `B³ P 0.991 R 0.985 F1 0.988 | pairwise P 0.950 R 0.900 F1 0.924 |
    /// 1234 clusters, largest 345 (purity 1.000)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "B³ P {:.3} R {:.3} F1 {:.3} | pairwise P {:.3} R {:.3} F1 {:.3} | {} clusters, largest {} (purity {:.3})",
            self.bcubed_precision,
            self.bcubed_recall,
            self.bcubed_f1,
            self.pairwise_precision,
            self.pairwise_recall,
            self.pairwise_f1,
            self.clusters,
            self.largest_cluster,
            self.largest_cluster_purity
        )
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{generate, SynthConfig};

    /// The sums run in label order, not a map's (which differs between maps and processes):
    /// the same clustering scores the same to the last bit.
    #[test]
    fn scores_are_the_same_every_time() {
        let quotes = generate(&SynthConfig::new(5000, 3));
        let truth: Vec<u32> = quotes.iter().map(|q| q.statement).collect();
        // A clustering that is wrong in many small ways: every seventh item in a cluster of its
        // own, every fifth class cut in two.
        let predicted: Vec<u64> = truth
            .iter()
            .enumerate()
            .map(|(i, &t)| match (i % 7, t % 5) {
                (0, _) => 1_000_000 + i as u64,
                (_, 0) => u64::from(t) * 2 + (i % 2) as u64,
                _ => u64::from(t) * 2,
            })
            .collect();
        let bits = |s: &Scores| {
            [s.bcubed_precision, s.bcubed_recall, s.pairwise_precision].map(f64::to_bits)
        };
        let first = bits(&score(&predicted, &truth));
        for _ in 0..20 {
            assert_eq!(bits(&score(&predicted, &truth)), first);
        }
    }

    #[test]
    fn score_perfect() {
        let quotes = generate(&SynthConfig::new(2000, 1));
        let truth: Vec<u32> = quotes.iter().map(|q| q.statement).collect();
        let s = score(&truth, &truth);
        assert_eq!(s.bcubed_precision, 1.0);
        assert_eq!(s.bcubed_recall, 1.0);
        assert_eq!(s.bcubed_f1, 1.0);
        assert_eq!(s.pairwise_precision, 1.0);
        assert_eq!(s.pairwise_recall, 1.0);
        assert_eq!(s.pairwise_f1, 1.0);
        assert_eq!(s.largest_cluster_purity, 1.0);
        // Labels only matter through equality.
        let renamed: Vec<String> = truth.iter().map(|t| format!("c{}", t * 7 + 3)).collect();
        assert_eq!(score(&renamed, &truth), s);
    }

    #[test]
    fn score_all_singletons() {
        let quotes = generate(&SynthConfig::new(2000, 2));
        let truth: Vec<u32> = quotes.iter().map(|q| q.statement).collect();
        let s = score(&(0..truth.len()).collect::<Vec<_>>(), &truth);
        assert_eq!(s.pairwise_recall, 0.0);
        assert_eq!(s.pairwise_f1, 0.0);
        assert_eq!(s.bcubed_precision, 1.0);
        assert!(s.bcubed_recall < 1.0);
        assert_eq!(s.clusters, truth.len());
        assert_eq!(s.largest_cluster, 1);
    }

    #[test]
    fn score_one_cluster() {
        let quotes = generate(&SynthConfig::new(2000, 3));
        let truth: Vec<u32> = quotes.iter().map(|q| q.statement).collect();
        let s = score(&vec![0u8; truth.len()], &truth);
        assert!(s.pairwise_precision < 1.0);
        assert_eq!(s.pairwise_recall, 1.0);
        assert_eq!(s.bcubed_recall, 1.0);
        assert_eq!(s.clusters, 1);
        assert_eq!(s.largest_cluster, truth.len());
        assert!(s.largest_cluster_purity < 0.5);
    }

    #[test]
    fn score_by_hand() {
        // Predicted {0,1,2,3} {4}; truth {0,1} {2,3,4}.
        let s = score(&[0, 0, 0, 0, 1], &["a", "a", "b", "b", "b"]);
        let close = |x: f64, y: f64| (x - y).abs() < 1e-12;
        // B³ precision: (2/4 + 2/4 + 2/4 + 2/4 + 1/1) / 5.
        assert!(close(s.bcubed_precision, 0.6));
        // B³ recall: (2/2 + 2/2 + 2/3 + 2/3 + 1/3) / 5.
        assert!(close(s.bcubed_recall, 11.0 / 15.0));
        assert!(close(s.bcubed_f1, 0.66));
        // Pairs: predicted 6, truth 1 + 3, both 2.
        assert!(close(s.pairwise_precision, 1.0 / 3.0));
        assert!(close(s.pairwise_recall, 0.5));
        assert!(close(s.pairwise_f1, 0.4));
        assert_eq!((s.clusters, s.largest_cluster), (2, 4));
        assert!(close(s.largest_cluster_purity, 0.5));
        assert_eq!(
            s.to_string(),
            "B³ P 0.600 R 0.733 F1 0.660 | pairwise P 0.333 R 0.500 F1 0.400 | 2 clusters, largest 4 (purity 0.500)"
        );
    }

    #[test]
    fn score_empty() {
        let s = score::<u32, u32>(&[], &[]);
        assert_eq!(s.bcubed_f1, 1.0);
        assert_eq!(s.clusters, 0);
    }

    #[test]
    #[should_panic(expected = "synth::score")]
    fn score_length_mismatch() {
        score(&[1, 2], &[1]);
    }
}

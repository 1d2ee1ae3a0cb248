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
    let n = predicted.len();
    if n == 0 {
        return Scores {
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
    let Contingency {
        p_size,
        t_size,
        cells,
    } = Contingency::of(predicted, truth);

    let pairs = |k: u64| (k * k.saturating_sub(1) / 2) as f64;
    let (mut b_p, mut b_r, mut together) = (0.0, 0.0, 0.0);
    let mut best_class = vec![0u64; p_size.len()];
    for (&(p, t), &c) in &cells {
        let cf = c as f64;
        b_p += cf * cf / p_size[p as usize] as f64;
        b_r += cf * cf / t_size[t as usize] as f64;
        together += pairs(c);
        best_class[p as usize] = best_class[p as usize].max(c);
    }
    let b_p = b_p / n as f64;
    let b_r = b_r / n as f64;
    let predicted_pairs: f64 = p_size.iter().map(|&k| pairs(k)).sum();
    let truth_pairs: f64 = t_size.iter().map(|&k| pairs(k)).sum();
    let pw_p = if predicted_pairs == 0.0 {
        1.0
    } else {
        together / predicted_pairs
    };
    let pw_r = if truth_pairs == 0.0 {
        1.0
    } else {
        together / truth_pairs
    };
    let mut largest = 0;
    for (i, &k) in p_size.iter().enumerate() {
        if k > p_size[largest] {
            largest = i;
        }
    }
    Scores {
        bcubed_precision: b_p,
        bcubed_recall: b_r,
        bcubed_f1: f1(b_p, b_r),
        pairwise_precision: pw_p,
        pairwise_recall: pw_r,
        pairwise_f1: f1(pw_p, pw_r),
        clusters: p_size.len(),
        largest_cluster: p_size[largest] as usize,
        largest_cluster_purity: best_class[largest] as f64 / p_size[largest] as f64,
    }
}

/// How many items each predicted cluster, each true cluster and each pair of them hold, the
/// labels numbered in order of first appearance.
struct Contingency {
    p_size: Vec<u64>,
    t_size: Vec<u64>,
    cells: HashMap<(u32, u32), u64>,
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
        Contingency {
            p_size,
            t_size,
            cells,
        }
    }
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

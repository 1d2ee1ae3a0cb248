//! The figures: extraction, attribution, B-cubed clusters and outlet recall.

use std::collections::{HashMap, HashSet};

use super::gold::{Gold, Matching};
use super::speaker::speaker_ok;

/// B-cubed precision, recall and F1 of (gold cluster, predicted cluster) items, and their
/// number; 0 over no items, as in the reference.
#[derive(Default, Clone, Copy)]
pub(super) struct BCubed {
    precision: f64,
    recall: f64,
    f1: f64,
    n: usize,
}

pub(super) fn bcubed(items: &[(Option<&str>, usize)]) -> BCubed {
    let mut both: HashMap<(Option<&str>, usize), usize> = HashMap::new();
    let mut by_gold: HashMap<Option<&str>, usize> = HashMap::new();
    let mut by_ours: HashMap<usize, usize> = HashMap::new();
    for &(g, p) in items {
        *both.entry((g, p)).or_default() += 1;
        *by_gold.entry(g).or_default() += 1;
        *by_ours.entry(p).or_default() += 1;
    }
    // Summed in item order, as the reference sums.
    let (mut precision, mut recall) = (0.0, 0.0);
    for k in items {
        precision += both[k] as f64 / by_ours[&k.1] as f64;
        recall += both[k] as f64 / by_gold[&k.0] as f64;
    }
    let n = items.len().max(1) as f64;
    let (precision, recall) = (precision / n, recall / n);
    BCubed {
        precision,
        recall,
        f1: f1(precision, recall),
        n: items.len(),
    }
}

/// `a / b`, or 0 over nothing (as the reference).
pub(super) fn share(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// A figure rounded to 3 decimals as Python's `round(x, 3)`: the nearest, ties to even, on the
/// exact binary value (which Rust's formatting also rounds).
pub(super) fn round3(x: f64) -> f64 {
    format!("{x:.3}").parse().unwrap_or(x)
}

#[derive(Default)]
pub(super) struct Scores {
    /// Gold quotations scored (not scare).
    gold: usize,
    /// Detections scored (not matching a scare quote).
    predicted: usize,
    matched: usize,
    /// Detections matching a gold scare quote (neutral).
    scare: usize,
    precision: f64,
    recall: f64,
    f1: f64,
    full: usize,
    full_matched: usize,
    full_recall: f64,
    /// Full/fragment agreement on matched full and fragment gold quotations (not a reference
    /// figure; 1 over none).
    kind: f64,
    /// Matched gold quotations with a gold speaker, and how many of them we got right.
    speaker_n: usize,
    speaker_right: usize,
    /// Those of them to which we gave a speaker, and how many of those are right.
    speaker_given: usize,
    speaker_given_right: usize,
    speaker: f64,
    speaker_precision: f64,
    /// Whether the gold names clusters at all.
    has_clusters: bool,
    clusters: BCubed,
    clusters_no_paraphrase: BCubed,
    outlet_recall: Option<f64>,
    outlet_recall_no_paraphrase: Option<f64>,
}

impl Scores {
    pub(super) fn get(&self, name: &str) -> Result<f64, String> {
        Ok(match name {
            "precision" => self.precision,
            "recall" => self.recall,
            "f1" => self.f1,
            "full-recall" => self.full_recall,
            "kind" => self.kind,
            "speaker" => self.speaker,
            "speaker-precision" => self.speaker_precision,
            // The reference's cluster_f1_no_paraphrase.
            "cluster-f1" if self.has_clusters => self.clusters_no_paraphrase.f1,
            "cluster-precision" if self.has_clusters => self.clusters_no_paraphrase.precision,
            // The reference's outlet_recall_no_paraphrase.
            "outlet-recall" if self.has_clusters => self.outlet_recall_no_paraphrase.unwrap_or(0.0),
            "cluster-f1" | "cluster-precision" | "outlet-recall" => {
                return Err(format!("gate --min-{name}: the gold has no clusters"))
            }
            _ => return Err(format!("unknown gate --min-{name}")),
        })
    }

    /// The reference's `--json` object: the same keys in the same order, figures rounded to 3
    /// decimals, printed as Python's `json.dumps` prints them.
    pub(super) fn json(&self) -> String {
        use serde_json::Value;
        let r = |x: f64| Value::from(round3(x));
        let outlet = |x: Option<f64>| x.map_or(Value::Null, r);
        let fields: [(&str, Value); 18] = [
            ("gold", self.gold.into()),
            ("predicted", self.predicted.into()),
            ("matched", self.matched.into()),
            ("extract_p", r(self.precision)),
            ("extract_r", r(self.recall)),
            ("extract_f1", r(self.f1)),
            ("full_quote_recall", r(self.full_recall)),
            ("speaker_acc", r(self.speaker)),
            ("speaker_p", r(self.speaker_precision)),
            ("speaker_n", self.speaker_n.into()),
            ("cluster_p", r(self.clusters.precision)),
            ("cluster_r", r(self.clusters.recall)),
            ("cluster_f1", r(self.clusters.f1)),
            (
                "cluster_f1_no_paraphrase",
                r(self.clusters_no_paraphrase.f1),
            ),
            (
                "cluster_p_no_paraphrase",
                r(self.clusters_no_paraphrase.precision),
            ),
            (
                "cluster_r_no_paraphrase",
                r(self.clusters_no_paraphrase.recall),
            ),
            ("outlet_recall", outlet(self.outlet_recall)),
            (
                "outlet_recall_no_paraphrase",
                outlet(self.outlet_recall_no_paraphrase),
            ),
        ];
        let fields: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}: {v}", Value::from(*k)))
            .collect();
        format!("{{{}}}", fields.join(", "))
    }

    pub(super) fn print(&self) {
        println!(
            "matched {} of {} gold (+{} scare), {} detected; full {}/{}; speakers right {}/{} \
             (gave {}, {} right)",
            self.matched,
            self.gold,
            self.scare,
            self.predicted + self.scare,
            self.full_matched,
            self.full,
            self.speaker_right,
            self.speaker_n,
            self.speaker_given,
            self.speaker_given_right
        );
        println!(
            "extraction  precision {:.3}  recall {:.3}  F1 {:.3}",
            self.precision, self.recall, self.f1
        );
        println!(
            "full-quote recall {:.3}   full/fragment agreement {:.3}",
            self.full_recall, self.kind
        );
        println!(
            "speaker accuracy {:.3}  (of matched gold with a speaker)   speaker precision {:.3}  \
             (of those to which we gave one)",
            self.speaker, self.speaker_precision
        );
        if !self.has_clusters {
            return;
        }
        let b = self.clusters_no_paraphrase;
        println!(
            "clusters B-cubed  precision {:.3}  recall {:.3}  F1 {:.3}  ({} quotations, no paraphrases)",
            b.precision, b.recall, b.f1, b.n
        );
        let b = self.clusters;
        println!(
            "clusters B-cubed with paraphrases  precision {:.3}  recall {:.3}  F1 {:.3}  ({})",
            b.precision, b.recall, b.f1, b.n
        );
        let shown = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.3}"));
        println!(
            "outlet recall {}   without paraphrases {}   (gold clusters in two outlets or more)",
            shown(self.outlet_recall),
            shown(self.outlet_recall_no_paraphrase)
        );
    }
}

/// Every figure, over the gold quotations and detections of `m`.
pub(super) fn score(
    m: &Matching,
    aliases: &HashMap<String, Vec<String>>,
    outlets: &HashMap<&str, &str>,
) -> Scores {
    let gold = m.gold;
    // The gold scored, and of it the matched, in gold order (as the reference iterates).
    let scored: Vec<usize> = (0..gold.len()).filter(|&g| !gold[g].is("scare")).collect();
    let matched: Vec<(usize, usize)> = scored
        .iter()
        .filter_map(|&g| m.gold_match[g].map(|d| (g, d)))
        .collect();
    let scare = scare_detections(m);
    let predicted = m.detected.len() - scare;
    let precision = share(matched.len(), predicted);
    let recall = share(matched.len(), scored.len());
    let full = count_full(gold, scored.iter().copied());
    let full_matched = count_full(gold, matched.iter().map(|&(g, _)| g));
    let speakers = speakers(m, &matched, aliases);
    let outlet_of = |g: usize| outlets.get(gold[g].doc.as_str()).copied().unwrap_or("");
    Scores {
        gold: scored.len(),
        predicted,
        matched: matched.len(),
        scare,
        precision,
        recall,
        f1: f1(precision, recall),
        full,
        full_matched,
        full_recall: share(full_matched, full),
        kind: kind_agreement(m),
        speaker_n: speakers.n,
        speaker_right: speakers.right,
        speaker_given: speakers.given,
        speaker_given_right: speakers.given_right,
        speaker: share(speakers.right, speakers.n),
        speaker_precision: share(speakers.given_right, speakers.given),
        has_clusters: names_clusters(gold),
        clusters: bcubed(&cluster_items(m, &matched, true)),
        clusters_no_paraphrase: bcubed(&cluster_items(m, &matched, false)),
        outlet_recall: outlet_recall(m, &scored, outlet_of),
        outlet_recall_no_paraphrase: outlet_recall(
            m,
            &without_paraphrases(gold, &scored),
            outlet_of,
        ),
    }
}

/// How many detections match a gold scare quote (neutral: neither right nor wrong).
fn scare_detections(m: &Matching) -> usize {
    m.det_match
        .iter()
        .filter(|d| d.is_some_and(|g| m.gold[g].is("scare")))
        .count()
}

/// How many of the gold quotations `indices` are full quotations.
fn count_full(gold: &[Gold], indices: impl Iterator<Item = usize>) -> usize {
    indices.filter(|&g| gold[g].is("full")).count()
}

/// Whether the gold names clusters at all.
fn names_clusters(gold: &[Gold]) -> bool {
    gold.iter()
        .any(|g| g.cluster.as_deref().is_some_and(|c| !c.is_empty()))
}

/// The (gold cluster, predicted cluster) of each matched pair, paraphrases left out unless
/// `with_paraphrases`.
fn cluster_items<'g>(
    m: &Matching<'g>,
    matched: &[(usize, usize)],
    with_paraphrases: bool,
) -> Vec<(Option<&'g str>, usize)> {
    matched
        .iter()
        .filter(|&&(g, _)| with_paraphrases || !m.gold[g].is("paraphrase"))
        .map(|&(g, d)| (m.gold[g].cluster.as_deref(), m.detected[d].cluster))
        .collect()
}

/// The gold quotations of `scored` that are not paraphrases.
fn without_paraphrases(gold: &[Gold], scored: &[usize]) -> Vec<usize> {
    scored
        .iter()
        .copied()
        .filter(|&g| !gold[g].is("paraphrase"))
        .collect()
}

/// The harmonic mean of `precision` and `recall` (0 when both are 0).
fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

/// Full/fragment agreement on the matched full and fragment gold quotations (1 over none).
fn kind_agreement(m: &Matching) -> f64 {
    let gold = m.gold;
    let kinds: Vec<bool> = (0..gold.len())
        .filter(|&g| gold[g].is("full") || gold[g].is("fragment"))
        .filter_map(|g| m.gold_match[g].map(|d| gold[g].is(m.detected[d].kind)))
        .collect();
    if kinds.is_empty() {
        1.0
    } else {
        share(kinds.iter().filter(|k| **k).count(), kinds.len())
    }
}

/// The speaker counts over the matched gold quotations.
struct SpeakerCounts {
    /// With a gold speaker (the reference's rule says which count).
    n: usize,
    /// Of those, ours right.
    right: usize,
    /// Of those, with a gold speaker and ours not empty: the ones precision counts.
    given: usize,
    given_right: usize,
}

/// Counts the speakers right (and given) over the `matched` (gold, detection) pairs.
fn speakers(
    m: &Matching,
    matched: &[(usize, usize)],
    aliases: &HashMap<String, Vec<String>>,
) -> SpeakerCounts {
    let (gold, detected) = (m.gold, m.detected);
    let mut counts = SpeakerCounts {
        n: 0,
        right: 0,
        given: 0,
        given_right: 0,
    };
    for &(g, d) in matched {
        let (gs, ours) = (gold[g].speaker.as_deref(), detected[d].speaker.as_deref());
        let Some(right) = speaker_ok(ours, gs, aliases) else {
            continue;
        };
        counts.n += 1;
        counts.right += usize::from(right);
        if gs.is_some_and(|s| !s.is_empty()) && ours.is_some_and(|s| !s.is_empty()) {
            counts.given += 1;
            counts.given_right += usize::from(right);
        }
    }
    counts
}

/// Over the gold clusters of the gold quotations `scored` printed by two outlets or more: the
/// share of their outlets found in the predicted cluster holding most of their matched
/// quotations (the first such cluster, in gold order, on a tie), or `None` without such gold
/// clusters.
fn outlet_recall<'a>(
    m: &Matching,
    scored: &[usize],
    outlet_of: impl Fn(usize) -> &'a str,
) -> Option<f64> {
    let (gold, detected, gold_match) = (m.gold, m.detected, &m.gold_match);
    let mut order: Vec<Option<&str>> = Vec::new();
    let mut by_cluster: HashMap<Option<&str>, Vec<usize>> = HashMap::new();
    for &g in scored {
        let members = by_cluster.entry(gold[g].cluster.as_deref()).or_default();
        if members.is_empty() {
            order.push(gold[g].cluster.as_deref());
        }
        members.push(g);
    }
    let (mut outlets_seen, mut found) = (0, 0);
    for cluster in order {
        let members = &by_cluster[&cluster];
        let outlets: HashSet<&str> = members.iter().map(|&g| outlet_of(g)).collect();
        if outlets.len() < 2 {
            continue;
        }
        outlets_seen += outlets.len();
        // Predicted clusters with their counts, in order of first appearance.
        let mut got: Vec<(usize, usize)> = Vec::new();
        for &g in members {
            let Some(d) = gold_match[g] else { continue };
            let c = detected[d].cluster;
            match got.iter_mut().find(|(p, _)| *p == c) {
                Some(entry) => entry.1 += 1,
                None => got.push((c, 1)),
            }
        }
        // The first of the most frequent, as Python's `Counter.most_common(1)`.
        let Some(best) = got
            .iter()
            .fold(None, |best: Option<(usize, usize)>, &(c, n)| match best {
                Some((_, m)) if m >= n => best,
                _ => Some((c, n)),
            })
            .map(|(c, _)| c)
        else {
            continue;
        };
        let in_best: HashSet<&str> = members
            .iter()
            .filter(|&&g| gold_match[g].is_some_and(|d| detected[d].cluster == best))
            .map(|&g| outlet_of(g))
            .collect();
        found += outlets.intersection(&in_best).count();
    }
    (outlets_seen > 0).then(|| found as f64 / outlets_seen as f64)
}

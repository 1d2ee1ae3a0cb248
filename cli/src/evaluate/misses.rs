//! What `--misses` and `--clusters` print.

use std::collections::{BTreeMap, HashMap};

use super::gold::{Gold, Matching};
use super::speaker::speaker_ok;

/// The gold quotations missed, the detections matching no gold and the wrong or missing
/// speakers, each section with its heading.
pub(super) fn print_misses(m: &Matching, aliases: &HashMap<String, Vec<String>>) {
    let (gold, detected) = (m.gold, m.detected);
    let (gold_match, det_match) = (&m.gold_match, &m.det_match);
    println!("\n-- missed gold --");
    for (g, found) in gold.iter().zip(gold_match) {
        if found.is_none() && !g.is("scare") {
            println!(
                "MISS {} [{}] {:?}",
                g.doc,
                g.kind.as_deref().unwrap_or("?"),
                g.text
            );
        }
    }
    println!("\n-- detections matching no gold --");
    for (d, found) in detected.iter().zip(det_match) {
        if found.is_none() {
            println!("FP   {} {:?}", d.doc, d.text);
        }
    }
    println!("\n-- wrong or missing speakers --");
    for (g, found) in gold.iter().zip(gold_match) {
        let (Some(gs), Some(d)) = (&g.speaker, found) else {
            continue;
        };
        if g.is("scare") {
            continue;
        }
        let ours = &detected[*d].speaker;
        if speaker_ok(ours.as_deref(), Some(gs), aliases) != Some(true) {
            println!(
                "SPK  {}@{} gold {:?} ours {:?}: {:?}",
                g.doc, g.start, gs, ours, g.text
            );
        }
    }
}

/// The gold quotations that clustering is measured on: somebody's own words, recognisable.
pub(super) fn quoted(g: &Gold) -> bool {
    !g.is("scare") && !g.is("paraphrase")
}

/// The paragraph (0-based, counted by blank-line or line breaks) a byte offset falls in.
pub(super) fn paragraph_of(text: &str, byte: usize) -> usize {
    text.get(..byte.min(text.len()))
        .unwrap_or(text)
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .count()
        .saturating_sub(1)
}

/// Every gold cluster our clustering split (with its pieces) and every cluster of ours that
/// merged gold clusters, over the matched gold quotations clustering is measured on.
pub(super) fn print_splits(m: &Matching, texts: &HashMap<String, String>) {
    let splits = Splits::new(m, texts);
    splits.print_split();
    splits.print_merged();
}

/// The matched gold quotations clustering is measured on, as (gold, detection) pairs grouped
/// by gold cluster and by cluster of ours, both in order.
struct Splits<'a> {
    m: &'a Matching<'a>,
    texts: &'a HashMap<String, String>,
    by_gold: BTreeMap<&'a str, Vec<(usize, usize)>>,
    by_ours: BTreeMap<usize, Vec<(usize, usize)>>,
}

impl<'a> Splits<'a> {
    /// Groups the matched pairs of `m` whose gold quotation is [`quoted`].
    fn new(m: &'a Matching<'a>, texts: &'a HashMap<String, String>) -> Self {
        let mut by_gold: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
        let mut by_ours: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
        for (g, d) in m.pairs().filter(|&(g, _)| quoted(&m.gold[g])) {
            by_gold.entry(cluster_of(m, g)).or_default().push((g, d));
            by_ours
                .entry(m.detected[d].cluster)
                .or_default()
                .push((g, d));
        }
        Splits {
            m,
            texts,
            by_gold,
            by_ours,
        }
    }

    /// Each gold cluster spread over several of ours, with its quotations under each of ours.
    fn print_split(&self) {
        let detected = self.m.detected;
        println!("\n-- gold clusters split --");
        for (name, members) in &self.by_gold {
            let mut ours: Vec<usize> = members.iter().map(|&(_, d)| detected[d].cluster).collect();
            ours.sort_unstable();
            ours.dedup();
            if ours.len() < 2 {
                continue;
            }
            println!("SPLIT {name} into {} of ours", ours.len());
            for c in ours {
                println!("   ours #{c}");
                for &(g, d) in members.iter().filter(|&&(_, d)| detected[d].cluster == c) {
                    println!("{}", self.line(g, d));
                }
            }
        }
    }

    /// Each cluster of ours holding several gold clusters, with its quotations.
    fn print_merged(&self) {
        println!("\n-- clusters of ours merging gold clusters --");
        for (c, members) in &self.by_ours {
            let mut golds: Vec<&str> = members
                .iter()
                .map(|&(g, _)| cluster_of(self.m, g))
                .collect();
            golds.sort_unstable();
            golds.dedup();
            if golds.len() < 2 {
                continue;
            }
            println!("MERGE ours #{c}: {golds:?}");
            for &(g, d) in members {
                println!(
                    "   {} {}",
                    cluster_of(self.m, g),
                    self.line(g, d).trim_start()
                );
            }
        }
    }

    /// The line listing a matched pair: where the detection is, the gold kind and speakers, and
    /// our text.
    fn line(&self, g: usize, d: usize) -> String {
        let (gq, dq) = (&self.m.gold[g], &self.m.detected[d]);
        let text = self.texts.get(&dq.doc).map_or("", String::as_str);
        format!(
            "      {} p{} [{}] spk={:?} ours={:?}: {:?}",
            dq.doc,
            paragraph_of(text, dq.start),
            gq.kind.as_deref().unwrap_or("?"),
            gq.speaker,
            dq.speaker,
            dq.text
        )
    }
}

/// The gold cluster of gold quotation `g` (empty when it has none).
fn cluster_of<'a>(m: &Matching<'a>, g: usize) -> &'a str {
    m.gold[g].cluster.as_deref().unwrap_or("")
}

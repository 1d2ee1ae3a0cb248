//! What `--misses` and `--clusters` print.

use std::collections::HashMap;

use super::gold::{Detected, Gold};
use super::speaker::speaker_ok;

pub(super) fn print_misses(
    gold: &[Gold],
    detected: &[Detected],
    gold_match: &[Option<usize>],
    det_match: &[Option<usize>],
    aliases: &HashMap<String, Vec<String>>,
) {
    println!("\n-- missed gold --");
    for (g, m) in gold.iter().zip(gold_match) {
        if m.is_none() && !g.is("scare") {
            println!(
                "MISS {} [{}] {:?}",
                g.doc,
                g.kind.as_deref().unwrap_or("?"),
                g.text
            );
        }
    }
    println!("\n-- detections matching no gold --");
    for (d, m) in detected.iter().zip(det_match) {
        if m.is_none() {
            println!("FP   {} {:?}", d.doc, d.text);
        }
    }
    println!("\n-- wrong or missing speakers --");
    for (g, m) in gold.iter().zip(gold_match) {
        let (Some(gs), Some(d)) = (&g.speaker, m) else {
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
pub(super) fn print_splits(
    gold: &[Gold],
    detected: &[Detected],
    gold_match: &[Option<usize>],
    texts: &HashMap<String, String>,
) {
    let line = |g: usize, d: usize| {
        let (gq, dq) = (&gold[g], &detected[d]);
        let text = texts.get(&dq.doc).map_or("", String::as_str);
        format!(
            "      {} p{} [{}] spk={:?} ours={:?}: {:?}",
            dq.doc,
            paragraph_of(text, dq.start),
            gq.kind.as_deref().unwrap_or("?"),
            gq.speaker,
            dq.speaker,
            dq.text
        )
    };
    let cluster_of = |g: usize| gold[g].cluster.as_deref().unwrap_or("");
    let mut by_gold: std::collections::BTreeMap<&str, Vec<(usize, usize)>> = Default::default();
    let mut by_ours: std::collections::BTreeMap<usize, Vec<(usize, usize)>> = Default::default();
    for (g, d) in gold_match
        .iter()
        .enumerate()
        .filter_map(|(g, m)| m.map(|d| (g, d)))
        .filter(|&(g, _)| quoted(&gold[g]))
    {
        by_gold.entry(cluster_of(g)).or_default().push((g, d));
        by_ours.entry(detected[d].cluster).or_default().push((g, d));
    }
    println!("\n-- gold clusters split --");
    for (name, members) in &by_gold {
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
                println!("{}", line(g, d));
            }
        }
    }
    println!("\n-- clusters of ours merging gold clusters --");
    for (c, members) in &by_ours {
        let mut golds: Vec<&str> = members.iter().map(|&(g, _)| cluster_of(g)).collect();
        golds.sort_unstable();
        golds.dedup();
        if golds.len() < 2 {
            continue;
        }
        println!("MERGE ours #{c}: {golds:?}");
        for &(g, d) in members {
            println!("   {} {}", cluster_of(g), line(g, d).trim_start());
        }
    }
}

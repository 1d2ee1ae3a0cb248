//! Steps 2–4 of clustering: candidate pairs of phrases verified by alignment, variants joined,
//! and each group of fragments attached to its one best parent.

use super::align::{self, Costs};
use super::fragments::attach_fragments;
use super::index::{candidates, Phrases};
use super::union_find::UnionFind;
use super::ClusterConfig;

/// Joins variants, then attaches each group of fragments to its one best parent. Returns the
/// final root phrase of every phrase.
pub(super) fn link_phrases(
    phrases: &Phrases,
    postings: &[(u64, u32)],
    config: &ClusterConfig,
) -> (Vec<u32>, Vec<(u32, u32)>) {
    let costs = Costs::new(config.typo_cost, phrases.ellipsis());
    let mut pairs = candidates(
        phrases,
        postings,
        config.max_postings,
        config.max_candidates,
    );
    // A pair found from both sides is verified once.
    for p in &mut pairs {
        if p.0 > p.1 {
            *p = (p.1, p.0, p.2);
        }
    }
    pairs.sort_unstable();
    pairs.dedup_by_key(|p| (p.0, p.1));
    let verify = |&(a, b, _): &(u32, u32, u32)| verify_pair(phrases, costs, config, a, b);
    #[cfg(feature = "parallel")]
    let links: Vec<Link> = {
        use rayon::prelude::*;
        pairs.par_iter().filter_map(verify).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let links: Vec<Link> = pairs.iter().filter_map(verify).collect();

    let mut sets = UnionFind::new(phrases.len());
    let mut fragments: Vec<(u32, u32, f64)> = Vec::new();
    let mut overlaps: Vec<(u32, u32)> = Vec::new();
    for link in links {
        match link {
            Link::Variant(a, b) => sets.union(a, b),
            Link::Fragment(part, whole, fit) => fragments.push((part, whole, fit)),
            Link::Overlap(a, b) => overlaps.push((a, b)),
        }
    }
    (attach_fragments(phrases, &mut sets, &fragments), overlaps)
}

/// A verified relation between two phrases.
pub(super) enum Link {
    Variant(u32, u32),
    /// The first fits inside the second, this well.
    Fragment(u32, u32, f64),
    /// The two share a long run of words, and each holds words the other lacks.
    Overlap(u32, u32),
}

/// Aligns a candidate pair.
pub(super) fn verify_pair(
    phrases: &Phrases,
    costs: Costs,
    config: &ClusterConfig,
    a: u32,
    b: u32,
) -> Option<Link> {
    let (wa, wb) = (phrases.words(a), phrases.words(b));
    let ((short, s_id), (long, l_id)) =
        if (wa.len(), phrases.key[a as usize]) <= (wb.len(), phrases.key[b as usize]) {
            ((wa, a), (wb, b))
        } else {
            ((wb, b), (wa, a))
        };
    let words = &phrases.vocabulary;
    let linked = if short.len() * 10 >= long.len() * 8 {
        if align::edit_bound(short, long) >= config.variant_similarity {
            return Some(Link::Variant(s_id, l_id));
        }
        align::reaches(config.variant_similarity, costs, |c| {
            align::similarity(short, long, c, words)
        })
        .map(|_| Link::Variant(s_id, l_id))
    } else {
        align::reaches(config.fragment_similarity, costs, |c| {
            align::containment(short, long, c, words)
        })
        .map(|fit| Link::Fragment(s_id, l_id, fit))
    };
    // Overlapping pieces: each holds words the other lacks, but they print one run of the
    // statement word for word. Pieces of one statement are of a size (half an answer, the
    // whole answer); a wording more than twice as long as the other is more often a text
    // that ran on past its quotation (an unclosed mark) and shares runs with several
    // statements, which it would join.
    linked.or_else(|| {
        (short.len() >= config.overlap_words
            && long.len() <= 2 * short.len()
            && align::longest_shared_run(short, long, costs.ellipsis) >= config.overlap_words)
            .then_some(Link::Overlap(s_id, l_id))
    })
}

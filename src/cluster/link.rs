//! Steps 2–4 of clustering: candidate pairs of phrases verified by alignment, variants joined,
//! and each group of fragments attached to its one best parent.

use super::align::{self, Costs};
use super::fragments::{attach_fragments, Fragment};
use super::index::{PhraseId, Phrases};
use super::union_find::UnionFind;
use super::ClusterConfig;

/// The verified relations among the candidate `pairs` of the index (see
/// [`candidates`](super::index::candidates)), each with its smaller phrase first.
pub(super) fn verified_links(
    phrases: &Phrases,
    mut pairs: Vec<(PhraseId, PhraseId)>,
    config: &ClusterConfig,
) -> Vec<Link> {
    let costs = Costs::new(config.typo_cost, phrases.ellipsis());
    // A pair found from both sides (each pair has its smaller phrase first) is verified once.
    pairs.sort_unstable();
    pairs.dedup();
    // A pair already joined by the variants found so far needs no alignment: whatever it
    // is, a variant, a fragment or an overlapping piece of its own statement changes nothing
    // (the later steps skip a link within one group). So the pairs are verified a batch at a
    // time, in their sorted order, each batch in parallel, and the variants each batch finds
    // are joined before the next is read. The result is the one verifying every pair gives;
    // the batches, of a fixed size, make it the same on any number of threads.
    let mut sets = UnionFind::new(phrases.len());
    let mut links = Vec::new();
    let mut open = Vec::new();
    for batch in pairs.chunks(BATCH) {
        open.clear();
        open.extend(batch.iter().filter(|&&(a, b)| sets.find(a) != sets.find(b)));
        let verify = |&(a, b): &(PhraseId, PhraseId)| verify_pair(phrases, costs, config, a, b);
        #[cfg(feature = "parallel")]
        let found: Vec<Link> = {
            use rayon::prelude::*;
            open.par_iter().filter_map(verify).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let found: Vec<Link> = open.iter().filter_map(verify).collect();
        for link in &found {
            if let Link::Variant(a, b) = *link {
                sets.union(a, b);
            }
        }
        links.extend(found);
    }
    links
}

/// How many candidate pairs are verified at once (see [`verified_links`]): enough to keep
/// every thread busy, few enough that the variants found join the next batch's pairs early.
const BATCH: usize = 1 << 14;

/// Joins variants, then attaches each group of fragments to its one best parent. Returns the
/// root phrase of every phrase, and the overlapping pieces, for a later step. The result does
/// not depend on the order of `links`.
pub(super) fn join_links(
    phrases: &Phrases,
    links: impl IntoIterator<Item = Link>,
) -> (Vec<PhraseId>, Vec<(PhraseId, PhraseId)>) {
    let mut sets = UnionFind::new(phrases.len());
    let mut fragments: Vec<Fragment> = Vec::new();
    let mut overlaps: Vec<(PhraseId, PhraseId)> = Vec::new();
    for link in links {
        match link {
            Link::Variant(a, b) => sets.union(a, b),
            Link::Fragment(fragment) => fragments.push(fragment),
            Link::Overlap(a, b) => overlaps.push((a, b)),
        }
    }
    (attach_fragments(phrases, &mut sets, &fragments), overlaps)
}

/// A verified relation between two phrases.
pub(super) enum Link {
    Variant(PhraseId, PhraseId),
    Fragment(Fragment),
    /// The two share a long run of words, and each holds words the other lacks.
    Overlap(PhraseId, PhraseId),
}

/// Aligns a candidate pair.
pub(super) fn verify_pair(
    phrases: &Phrases,
    costs: Costs,
    config: &ClusterConfig,
    a: PhraseId,
    b: PhraseId,
) -> Option<Link> {
    let (wa, wb) = (phrases.words(a), phrases.words(b));
    let ((short, s_id), (long, l_id)) = if (wa.len(), phrases.key(a)) <= (wb.len(), phrases.key(b))
    {
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
        if align::fit_bound(short, long, costs.ellipsis) >= config.fragment_similarity {
            return Some(Link::Fragment(Fragment {
                part: s_id,
                whole: l_id,
            }));
        }
        align::reaches(config.fragment_similarity, costs, |c| {
            align::containment(short, long, c, words)
        })
        .map(|_| {
            Link::Fragment(Fragment {
                part: s_id,
                whole: l_id,
            })
        })
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

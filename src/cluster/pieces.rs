//! Pieces of one statement printed apart: quotations a text shows going on from one another
//! (step 6), and wordings that overlap (step 7).

use super::index::{PhraseId, Phrases};
use super::union_find::UnionFind;
use super::ClusterItem;

/// Quotations that go on from one another (`"A," Trump wrote. "B"`) share a cluster, with
/// their statements; a short one (a quoted term) joins two statements only where at most one
/// has wordings of its own.
pub(super) fn join_continuations(
    phrases: &Phrases,
    roots: &[PhraseId],
    items: &[ClusterItem<'_>],
    phrase_of: &[PhraseId],
    min_words: usize,
    short_too: bool,
) -> Vec<PhraseId> {
    // A statement is established by its wordings of some length; short fragments do not count.
    // Counted in an array by phrase: roots are phrases.
    let mut wordings = vec![0usize; phrases.len()];
    for (p, &r) in phrases.ids().zip(roots) {
        if phrases.words(p).len() >= min_words {
            wordings[r.index()] += 1;
        }
    }
    let long = |p: PhraseId| phrases.words(p).len() >= min_words;
    // Links between statements, in an order that depends on content only.
    let mut links: Vec<(u64, u64, PhraseId, PhraseId, bool)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let j = item.continues.filter(|&j| j < items.len() && j != i)?;
            let (pj, pi) = (phrase_of[j], phrase_of[i]);
            let (a, b) = (roots[pj.index()], roots[pi.index()]);
            let (ka, kb) = (phrases.key(pj), phrases.key(pi));
            let both_long = long(pj) && long(pi);
            (a != b && (short_too || both_long)).then_some((
                ka.min(kb),
                ka.max(kb),
                a,
                b,
                both_long,
            ))
        })
        .collect();
    links.sort_unstable();
    let mut sets = UnionFind::new(phrases.len());
    // Whether each set holds a statement with several wordings.
    let mut settled: Vec<bool> = wordings.iter().map(|&n| n > 1).collect();
    for (_, _, a, b, both_long) in links {
        let (ra, rb) = (sets.find(a), sets.find(b));
        // Two sentences of a speaker printed one after the other are one statement even when
        // other outlets printed each on its own (`"A," he said. "B"` of a letter quoted in
        // pieces); a short fragment (a quoted term) is too weak a bridge between two
        // statements that each have wordings of their own.
        if ra == rb || (!both_long && settled[ra.index()] && settled[rb.index()]) {
            continue;
        }
        let either = settled[ra.index()] || settled[rb.index()];
        sets.union(ra, rb);
        let root = sets.find(ra);
        settled[root.index()] = either;
    }
    roots.iter().map(|&r| sets.find(r)).collect()
}

/// Statements two overlapping pieces belong to are one. Joined last, on the statements the
/// other relations made, so that an overlap never changes which statement a fragment joins
/// (a text run on past its quotation overlaps several statements' pieces, and must not
/// become the parent that gathers them).
///
/// Two statements whose quotations name different speakers stay apart: one speaker echoing
/// another's phrase (`not happy with the strikes on Kyiv`) is two statements.
pub(super) fn join_overlaps(
    phrases: &Phrases,
    roots: &[PhraseId],
    overlaps: &[(PhraseId, PhraseId)],
    items: &[ClusterItem<'_>],
    phrase_of: &[PhraseId],
) -> Vec<PhraseId> {
    if overlaps.is_empty() {
        return roots.to_vec();
    }
    // Each statement's speaker: the one all its attributed quotations name, if they agree.
    #[derive(Clone, Copy, PartialEq)]
    enum Said<'a> {
        Nobody,
        One(&'a str),
        Several,
    }
    let mut said = vec![Said::Nobody; roots.len()];
    for (item, &p) in items.iter().zip(phrase_of) {
        let s = &mut said[roots[p.index()].index()];
        *s = match (*s, item.speaker) {
            (old, None) => old,
            (Said::Nobody, Some(x)) => Said::One(x),
            (Said::One(y), Some(x)) if x == y => Said::One(y),
            _ => Said::Several,
        };
    }
    // In an order that depends on content only: which joins a speaker's statements first
    // then does not depend on the input's order.
    let mut links: Vec<(u64, u64, PhraseId, PhraseId)> = overlaps
        .iter()
        .map(|&(a, b)| {
            let (ka, kb) = (phrases.key(a), phrases.key(b));
            (ka.min(kb), ka.max(kb), roots[a.index()], roots[b.index()])
        })
        .collect();
    links.sort_unstable();
    let mut sets = UnionFind::new(roots.len());
    for (_, _, ra, rb) in links {
        let (x, y) = (sets.find(ra), sets.find(rb));
        let apart = match (said[x.index()], said[y.index()]) {
            (Said::One(p), Said::One(q)) => p != q,
            (Said::Several, _) | (_, Said::Several) => true,
            _ => false,
        };
        if x == y || apart {
            continue;
        }
        let merged = match (said[x.index()], said[y.index()]) {
            (Said::Nobody, s) | (s, _) => s,
        };
        sets.union(x, y);
        said[sets.find(x).index()] = merged;
    }
    roots.iter().map(|&r| sets.find(r)).collect()
}

//! Fragments: which statement a part of a wording belongs to (step 4 for fragments long
//! enough to index, step 5 for one- and two-word ones).

use std::collections::BTreeSet;

use super::align::{self, Costs};
use super::index::{FxMap, Phrases};
use super::union_find::UnionFind;
use super::{ClusterConfig, ClusterItem};
use crate::text::hash::TextMap;

/// Statistics of a group of variants, for choosing a fragment's parent.
#[derive(Debug, Clone, Copy)]
pub(super) struct Group {
    support: u64,
    longest: usize,
    /// The smallest content key of its phrases: a tie-breaker independent of input order.
    key: u64,
}

pub(super) fn group_stats(phrases: &Phrases, sets: &mut UnionFind) -> Vec<Group> {
    let empty = Group {
        support: 0,
        longest: 0,
        key: u64::MAX,
    };
    let mut stats = vec![empty; phrases.len()];
    for p in 0..phrases.len() {
        let g = &mut stats[sets.find(p as u32) as usize];
        g.support += u64::from(phrases.count[p]);
        g.longest = g.longest.max(phrases.words(p as u32).len());
        g.key = g.key.min(phrases.key[p]);
    }
    stats
}

/// Each fragment group joins the best supported group it is a fragment of (then the longest,
/// then by content); parents are strictly longer, so following parents always ends.
pub(super) fn attach_fragments(
    phrases: &Phrases,
    sets: &mut UnionFind,
    fragments: &[(u32, u32, f64)],
) -> Vec<u32> {
    let stats = group_stats(phrases, sets);
    let mut parent: FxMap<u32, u32> = FxMap::default();
    for &(child, whole, _) in fragments {
        let (c, w) = (sets.find(child), sets.find(whole));
        if c == w || stats[w as usize].longest <= stats[c as usize].longest {
            continue;
        }
        let better = |old: u32| {
            let (o, n) = (&stats[old as usize], &stats[w as usize]);
            (n.support, n.longest, std::cmp::Reverse(n.key))
                > (o.support, o.longest, std::cmp::Reverse(o.key))
        };
        match parent.get(&c) {
            Some(&old) if !better(old) => {}
            _ => {
                parent.insert(c, w);
            }
        }
    }
    (0..phrases.len() as u32)
        .map(|p| {
            let mut root = sets.find(p);
            while let Some(&up) = parent.get(&root) {
                root = up;
            }
            root
        })
        .collect()
}

/// A statement is represented by its longest wordings.
const WORDINGS: usize = 8;
/// A speaker with more statements than this cannot make a short fragment unambiguous.
const STATEMENTS: usize = 64;

/// What tells a short quotation's statement: its document (`true`) or its speaker (`false`).
type Context<'a> = (bool, &'a str);

/// The contexts of a quotation, its document first.
fn contexts<'a>(item: &ClusterItem<'a>) -> impl Iterator<Item = Context<'a>> {
    [
        item.document.map(|d| (true, d)),
        item.speaker.map(|s| (false, s)),
    ]
    .into_iter()
    .flatten()
}

/// Short phrases (below `min_words`) join a statement only when the documents and speakers of
/// their quotations point to exactly one statement that contains them.
pub(super) fn attach_short(
    phrases: &Phrases,
    roots: &[u32],
    items: &[ClusterItem<'_>],
    phrase_of: &[u32],
    config: &ClusterConfig,
) -> Vec<u32> {
    let mut roots = roots.to_vec();
    let is_short = |p: u32| phrases.words(p).len() < config.min_words;
    // The short phrases to place: below `min_words`, but with a word.
    let to_place = |p: u32| is_short(p) && !phrases.words(p).is_empty();
    let quoted = || items.iter().zip(phrase_of.iter().copied());
    let by_context = statements_by_context(quoted, &roots, is_short, to_place);
    if by_context.is_empty() {
        return roots;
    }
    let holders = Holders {
        phrases,
        wordings: longest_wordings(phrases, &roots, is_short),
        costs: Costs::new(config.typo_cost, phrases.ellipsis()),
    };
    // Each quotation of a short phrase votes for the one statement its document, or else its
    // speaker, points to.
    let mut votes: FxMap<u32, FxMap<u32, usize>> = FxMap::default();
    for (item, p) in quoted().filter(|&(_, p)| to_place(p)) {
        let short = phrases.words(p);
        let vote = contexts(item).find_map(|context| {
            let statements = by_context.get(&context).filter(|s| s.len() <= STATEMENTS)?;
            holders.only_one(short, statements)
        });
        if let Some(v) = vote {
            *votes.entry(p).or_default().entry(v).or_default() += 1;
        }
    }
    for (p, tally) in votes {
        if let Some(target) = clear_majority(phrases, tally) {
            roots[p as usize] = target;
        }
    }
    roots
}

/// The statements quoted in each document, and by each speaker, that a short quotation to
/// place comes with.
fn statements_by_context<'a, Q>(
    quoted: impl Fn() -> Q,
    roots: &[u32],
    is_short: impl Fn(u32) -> bool,
    to_place: impl Fn(u32) -> bool,
) -> TextMap<Context<'a>, BTreeSet<u32>>
where
    Q: Iterator<Item = (&'a ClusterItem<'a>, u32)>,
{
    // Only the statements of those documents and speakers are worth listing (most corpora
    // have few short quotations, and a hundred thousand documents need not each get a list).
    // Keyed by document ids and speakers, which the input chooses: the seeded hash.
    let mut by_context: TextMap<Context<'a>, BTreeSet<u32>> = Default::default();
    for (item, _) in quoted().filter(|&(_, p)| to_place(p)) {
        for context in contexts(item) {
            by_context.entry(context).or_default();
        }
    }
    if by_context.is_empty() {
        return by_context;
    }
    for (item, p) in quoted().filter(|&(_, p)| !is_short(p)) {
        for context in contexts(item) {
            if let Some(statements) = by_context.get_mut(&context) {
                statements.insert(roots[p as usize]);
            }
        }
    }
    by_context
}

/// What tells whether a statement holds a short phrase: its longest wordings.
struct Holders<'p> {
    phrases: &'p Phrases,
    wordings: FxMap<u32, Vec<u32>>,
    costs: Costs,
}

impl Holders<'_> {
    /// The one statement of `statements` that holds `short`, if exactly one does.
    fn only_one(&self, short: &[u32], statements: &BTreeSet<u32>) -> Option<u32> {
        let mut holding = statements.iter().copied().filter(|statement| {
            self.wordings[statement].iter().any(|&w| {
                let whole = self.phrases.words(w);
                align::containment(short, whole, self.costs, &self.phrases.vocabulary) >= 1.0 - 1e-9
                    || same_words_together(short, whole)
            })
        });
        let one = holding.next()?;
        holding.next().is_none().then_some(one)
    }
}

/// Each statement's longest wordings (at most [`WORDINGS`]), short phrases left out, by root.
fn longest_wordings(
    phrases: &Phrases,
    roots: &[u32],
    is_short: impl Fn(u32) -> bool,
) -> FxMap<u32, Vec<u32>> {
    let mut wordings: FxMap<u32, Vec<u32>> = FxMap::default();
    for p in (0..phrases.len() as u32).filter(|&p| !is_short(p)) {
        wordings.entry(roots[p as usize]).or_default().push(p);
    }
    for list in wordings.values_mut() {
        list.sort_by_key(|&p| {
            (
                std::cmp::Reverse(phrases.words(p).len()),
                phrases.key[p as usize],
            )
        });
        list.truncate(WORDINGS);
    }
    wordings
}

/// The statement a short phrase's votes choose: one with twice the votes of any other (a
/// paraphrase of the same statement, not recognised as such, may draw a stray vote).
fn clear_majority(phrases: &Phrases, tally: FxMap<u32, usize>) -> Option<u32> {
    let mut ranked: Vec<(usize, u64, u32)> = tally
        .into_iter()
        .map(|(statement, n)| (n, phrases.key[statement as usize], statement))
        .collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    let runner_up = ranked.get(1).map_or(0, |r| r.0);
    ranked
        .first()
        .filter(|r| r.0 >= 2 * runner_up)
        .map(|&(_, _, target)| target)
}

/// Whether the words of a short phrase stand together in `whole` in some order: a headline's
/// `STOP, Vladimir!` for a post's `Vladimir, STOP!`.
pub(super) fn same_words_together(short: &[u32], whole: &[u32]) -> bool {
    let mut sorted = short.to_vec();
    sorted.sort_unstable();
    whole.windows(short.len()).any(|w| {
        let mut window = w.to_vec();
        window.sort_unstable();
        window == sorted
    })
}

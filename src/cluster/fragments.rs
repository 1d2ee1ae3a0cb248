//! Fragments: which statement a part of a wording belongs to (step 4 for fragments long
//! enough to index, step 5 for one- and two-word ones).

use std::collections::BTreeSet;

use super::align::{self, Costs};
use super::index::{FxMap, PhraseId, Phrases};
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

pub(super) fn group_stats(phrases: &Phrases, sets: &mut UnionFind<PhraseId>) -> Vec<Group> {
    let empty = Group {
        support: 0,
        longest: 0,
        key: u64::MAX,
    };
    let mut stats = vec![empty; phrases.len()];
    for p in phrases.ids() {
        let g = &mut stats[sets.find(p).index()];
        g.support += u64::from(phrases.count(p));
        g.longest = g.longest.max(phrases.words(p).len());
        g.key = g.key.min(phrases.key(p));
    }
    stats
}

/// Each fragment group joins the best supported group it is a fragment of (then the longest,
/// then by content); parents are strictly longer, so following parents always ends.
pub(super) fn attach_fragments(
    phrases: &Phrases,
    sets: &mut UnionFind<PhraseId>,
    fragments: &[Fragment],
) -> Vec<PhraseId> {
    let stats = group_stats(phrases, sets);
    let mut parent: FxMap<PhraseId, PhraseId> = FxMap::default();
    for fragment in fragments {
        let (c, w) = (sets.find(fragment.part), sets.find(fragment.whole));
        if c == w || stats[w.index()].longest <= stats[c.index()].longest {
            continue;
        }
        let better = |old: PhraseId| {
            let (o, n) = (&stats[old.index()], &stats[w.index()]);
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
    phrases
        .ids()
        .map(|p| {
            let mut root = sets.find(p);
            while let Some(&up) = parent.get(&root) {
                root = up;
            }
            root
        })
        .collect()
}

/// A verified fragment: phrase `part` fits inside phrase `whole`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fragment {
    pub(super) part: PhraseId,
    pub(super) whole: PhraseId,
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
    roots: &[PhraseId],
    items: &[ClusterItem<'_>],
    phrase_of: &[PhraseId],
    config: &ClusterConfig,
) -> Vec<PhraseId> {
    let mut roots = roots.to_vec();
    let is_short = |p: PhraseId| phrases.words(p).len() < config.min_words;
    // The short phrases to place: below `min_words`, but with a word.
    let to_place = |p: PhraseId| is_short(p) && !phrases.words(p).is_empty();
    let quoted = || items.iter().zip(phrase_of.iter().copied());
    let by_context = statements_by_context(quoted, &roots, is_short, to_place);
    if by_context.is_empty() {
        return roots;
    }
    let mut holders = Holders {
        phrases,
        wordings: longest_wordings(phrases, &roots, is_short),
        costs: Costs::new(config.typo_cost, phrases.ellipsis()),
        holds: FxMap::default(),
    };
    // Each quotation of a short phrase votes for the one statement its document, or else its
    // speaker, points to.
    let mut votes: FxMap<PhraseId, FxMap<PhraseId, usize>> = FxMap::default();
    for (item, p) in quoted().filter(|&(_, p)| to_place(p)) {
        let vote = contexts(item).find_map(|context| {
            let statements = by_context.get(&context).filter(|s| s.len() <= STATEMENTS)?;
            holders.only_one(p, statements)
        });
        if let Some(v) = vote {
            *votes.entry(p).or_default().entry(v).or_default() += 1;
        }
    }
    for (p, tally) in votes {
        if let Some(target) = clear_majority(phrases, tally) {
            roots[p.index()] = target;
        }
    }
    roots
}

/// The statements quoted in each document, and by each speaker, that a short quotation to
/// place comes with (of a context with more than [`STATEMENTS`], one more than that only: it
/// places nothing either way).
fn statements_by_context<'a, Q>(
    quoted: impl Fn() -> Q,
    roots: &[PhraseId],
    is_short: impl Fn(PhraseId) -> bool,
    to_place: impl Fn(PhraseId) -> bool,
) -> TextMap<Context<'a>, BTreeSet<PhraseId>>
where
    Q: Iterator<Item = (&'a ClusterItem<'a>, PhraseId)>,
{
    // Only the statements of those documents and speakers are worth listing (most corpora
    // have few short quotations, and a hundred thousand documents need not each get a list).
    // Keyed by document ids and speakers, which the input chooses: the seeded hash.
    let mut by_context: TextMap<Context<'a>, BTreeSet<PhraseId>> = Default::default();
    for (item, _) in quoted().filter(|&(_, p)| to_place(p)) {
        for context in contexts(item) {
            by_context.entry(context).or_default();
        }
    }
    if by_context.is_empty() {
        return by_context;
    }
    // A context with more than STATEMENTS statements points to none, so once it has one more
    // it is left as it is (a speaker quoted across a corpus may have thousands).
    for (item, p) in quoted().filter(|&(_, p)| !is_short(p)) {
        for context in contexts(item) {
            if let Some(statements) = by_context.get_mut(&context) {
                if statements.len() <= STATEMENTS {
                    statements.insert(roots[p.index()]);
                }
            }
        }
    }
    by_context
}

/// What tells whether a statement holds a short phrase: its longest wordings.
struct Holders<'p> {
    phrases: &'p Phrases,
    wordings: FxMap<PhraseId, Vec<PhraseId>>,
    costs: Costs,
    /// Whether each (short phrase, statement) pair asked about holds. Every quotation of a
    /// short phrase asks about the statements of its document and speaker, and the quotations
    /// of one phrase share most of them: each pair's alignments are made once. (On 20,000
    /// make_corpus documents this step took a third of the run without it.)
    holds: FxMap<(PhraseId, PhraseId), bool>,
}

impl Holders<'_> {
    /// The one statement of `statements` that holds short phrase `p`, if exactly one does.
    fn only_one(&mut self, p: PhraseId, statements: &BTreeSet<PhraseId>) -> Option<PhraseId> {
        let mut one = None;
        for &statement in statements {
            if self.holds(p, statement) {
                if one.is_some() {
                    return None;
                }
                one = Some(statement);
            }
        }
        one
    }

    /// Whether `statement` holds short phrase `p`: one of its wordings contains it.
    fn holds(&mut self, p: PhraseId, statement: PhraseId) -> bool {
        let (phrases, wordings, costs) = (self.phrases, &self.wordings, self.costs);
        *self.holds.entry((p, statement)).or_insert_with(|| {
            let short = phrases.words(p);
            wordings[&statement].iter().any(|&w| {
                let whole = phrases.words(w);
                align::fits_exactly(short, whole, costs, &phrases.vocabulary)
                    || same_words_together(short, whole)
            })
        })
    }
}

/// Each statement's longest wordings (at most [`WORDINGS`]), short phrases left out, by root.
fn longest_wordings(
    phrases: &Phrases,
    roots: &[PhraseId],
    is_short: impl Fn(PhraseId) -> bool,
) -> FxMap<PhraseId, Vec<PhraseId>> {
    let mut wordings: FxMap<PhraseId, Vec<PhraseId>> = FxMap::default();
    for p in phrases.ids().filter(|&p| !is_short(p)) {
        wordings.entry(roots[p.index()]).or_default().push(p);
    }
    for list in wordings.values_mut() {
        list.sort_by_key(|&p| (std::cmp::Reverse(phrases.words(p).len()), phrases.key(p)));
        list.truncate(WORDINGS);
    }
    wordings
}

/// The statement a short phrase's votes choose: one with twice the votes of any other (a
/// paraphrase of the same statement, not recognised as such, may draw a stray vote).
fn clear_majority(phrases: &Phrases, tally: FxMap<PhraseId, usize>) -> Option<PhraseId> {
    let mut ranked: Vec<(usize, u64, PhraseId)> = tally
        .into_iter()
        .map(|(statement, n)| (n, phrases.key(statement), statement))
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
///
/// Each window of `whole` is sorted in one buffer, on the stack for a phrase of eight words
/// or fewer (short phrases have fewer than [`ClusterConfig::min_words`], 3 by default), not in
/// a vector of its own: at a million synthetic quotations, allocating those was most of the
/// time of placing the short quotations.
pub(super) fn same_words_together(short: &[u32], whole: &[u32]) -> bool {
    const MOST: usize = 8;
    let n = short.len();
    let (mut stack, mut heap) = ([0u32; 2 * MOST], Vec::new());
    let buffer: &mut [u32] = if n <= MOST {
        &mut stack[..2 * n]
    } else {
        heap.resize(2 * n, 0);
        &mut heap
    };
    let (wanted, window) = buffer.split_at_mut(n);
    wanted.copy_from_slice(short);
    wanted.sort_unstable();
    whole.windows(n).any(|w| {
        window.copy_from_slice(w);
        window.sort_unstable();
        window == wanted
    })
}

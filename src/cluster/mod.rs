//! Clustering: every quotation grouped with the original statement it reproduces.
//!
//! 1. Each quotation is put in matching form ([`normalize`](crate::normalize())); identical forms
//!    are one *phrase*.
//! 2. Candidate pairs of phrases come from an index of word pairs, capped for common pairs, so
//!    the cost stays near-linear (see [`ClusterConfig::max_postings`]).
//! 3. Each candidate pair is verified by word alignment: two wordings of similar length are
//!    *variants* when near-identical ([`ClusterConfig::variant_similarity`]); a shorter one is a
//!    *fragment* of the longer when it fits inside it, (nearly) contiguously
//!    ([`ClusterConfig::fragment_similarity`]).
//! 4. Variants are joined (union-find). Each group of variants that is a fragment of other groups
//!    joins exactly one of them: the best supported (most quotations, then longest) — never all
//!    of them, so that a fragment cannot chain different statements together.
//! 5. Very short fragments (one or two words, such as `STOP!`) are too ambiguous to index: they
//!    join a statement only when the documents or speakers they come with point to exactly one.
//! 6. Quotations a text shows going on from one another ([`ClusterItem::continues`]: the
//!    sentences of a letter printed one after the other) join their statements, so that a
//!    statement other outlets quoted sentence by sentence is still one.
//! 7. Overlapping pieces (a run of [`ClusterConfig::overlap_words`] words printed word for
//!    word by both, each holding words the other lacks) join their statements, unless those
//!    name two speakers.
//! 8. A statement quoted in another language joins its translation where the words that
//!    survive translation make it plain (see [`ClusterItem::language`]).

mod align;
mod index;
mod translate;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use align::Costs;
use index::{candidates, FxMap, Phrases};

/// The thresholds and limits of clustering, with defaults chosen by measurement on the shared
/// news corpora and on synthetic quotations (see `benches/README.md`).
///
/// ```
/// use quotetrace::ClusterConfig;
///
/// let strict = ClusterConfig::default().variant_similarity(0.9);
/// assert!(strict.variant_similarity > ClusterConfig::default().variant_similarity);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClusterConfig {
    /// Two wordings of similar length are variants of one statement when their word-level
    /// similarity (1 − edit distance / length) is at least this. Default 0.75.
    pub variant_similarity: f64,
    /// A shorter wording is a fragment of a longer one when it fits inside it with at least
    /// this similarity. Default 0.8.
    pub fragment_similarity: f64,
    /// Wordings shorter than this many words are linked only where the evidence is
    /// unambiguous: the same document or the same speaker. Default 3.
    pub min_words: usize,
    /// The cost of a spelling difference within a word (`Zelenskyy`/`Zelensky`), where a
    /// different word costs 1. Default 0.3.
    pub typo_cost: f64,
    /// Word pairs found in more than this many distinct wordings are too common to find
    /// candidates with. Default 1000: a statement quoted in hundreds of wordings still finds
    /// its variants, while `of the` and `we are` are left out.
    pub max_postings: usize,
    /// How many candidates each wording is verified against, most shared word pairs first.
    /// Default 12.
    pub max_candidates: usize,
    /// Two wordings that print this many words of a statement word for word, in a row, are
    /// pieces of one statement even when each holds words the other lacks (one outlet prints
    /// the question and the first half of the answer, another the whole answer), unless their
    /// quotations name two different speakers. Default 7: stock phrases (`at the end of the
    /// day`, `thank you very much for`) are shorter, and so are the spans the synthetic
    /// benchmark's different statements share (3 to 6 words).
    #[serde(default = "default_overlap_words")]
    pub overlap_words: usize,
}

impl ClusterConfig {
    /// With `variant_similarity` set.
    pub fn variant_similarity(self, value: f64) -> Self {
        ClusterConfig {
            variant_similarity: value,
            ..self
        }
    }

    /// With `fragment_similarity` set.
    pub fn fragment_similarity(self, value: f64) -> Self {
        ClusterConfig {
            fragment_similarity: value,
            ..self
        }
    }

    /// With `min_words` set.
    pub fn min_words(self, value: usize) -> Self {
        ClusterConfig {
            min_words: value,
            ..self
        }
    }

    /// With `typo_cost` set.
    pub fn typo_cost(self, value: f64) -> Self {
        ClusterConfig {
            typo_cost: value,
            ..self
        }
    }

    /// With `max_postings` set.
    pub fn max_postings(self, value: usize) -> Self {
        ClusterConfig {
            max_postings: value,
            ..self
        }
    }

    /// With `max_candidates` set.
    pub fn max_candidates(self, value: usize) -> Self {
        ClusterConfig {
            max_candidates: value,
            ..self
        }
    }

    /// With `overlap_words` set.
    pub fn overlap_words(self, value: usize) -> Self {
        ClusterConfig {
            overlap_words: value,
            ..self
        }
    }
}

/// [`ClusterConfig::overlap_words`] for a configuration written before it existed.
fn default_overlap_words() -> usize {
    ClusterConfig::default().overlap_words
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            variant_similarity: 0.75,
            fragment_similarity: 0.8,
            min_words: 3,
            typo_cost: 0.3,
            max_postings: 1000,
            max_candidates: 12,
            overlap_words: 7,
        }
    }
}

/// One quotation to cluster: its text, and where it comes from.
///
/// ```
/// use quotetrace::ClusterItem;
///
/// let first = ClusterItem::new("I am not happy,").in_document("a").said_by("Donald Trump");
/// let second = ClusterItem::new("Vladimir, STOP!").in_document("a").said_by("Donald Trump").continuing(0);
/// assert_eq!(second.continues, Some(0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClusterItem<'a> {
    /// The quotation's text.
    pub text: &'a str,
    /// The document it was found in, if known: short fragments link within a document.
    pub document: Option<&'a str>,
    /// Its speaker, if known: short fragments link within a speaker's statements.
    pub speaker: Option<&'a str>,
    /// The index of the item this one goes on from, when the text shows they are one statement
    /// interrupted by attribution (`"A," Trump wrote. "B"`): the two then share a cluster,
    /// and so do the statements each belongs to, unless one of the two is shorter than
    /// [`ClusterConfig::min_words`] and each statement has wordings of its own.
    pub continues: Option<usize>,
    /// The language it is in (ISO 639-1, `en`, `de`), if known: a statement quoted in two
    /// languages is linked as a translation only where both are known.
    pub language: Option<&'a str>,
    /// When it was published (seconds since the Unix epoch), if known: translations are
    /// linked within a week.
    pub published: Option<i64>,
}

impl<'a> ClusterItem<'a> {
    /// An item with text only.
    pub fn new(text: &'a str) -> Self {
        ClusterItem {
            text,
            document: None,
            speaker: None,
            continues: None,
            language: None,
            published: None,
        }
    }

    /// The item, found in `document`.
    pub fn in_document(self, document: &'a str) -> Self {
        ClusterItem {
            document: Some(document),
            ..self
        }
    }

    /// The item, said by `speaker`.
    pub fn said_by(self, speaker: &'a str) -> Self {
        ClusterItem {
            speaker: Some(speaker),
            ..self
        }
    }

    /// The item, in language `code` (ISO 639-1).
    pub fn in_language(self, code: &'a str) -> Self {
        ClusterItem {
            language: Some(code),
            ..self
        }
    }

    /// The item, published at `seconds` since the Unix epoch.
    pub fn published_at(self, seconds: i64) -> Self {
        ClusterItem {
            published: Some(seconds),
            ..self
        }
    }

    /// The item, going on from item `previous`.
    pub fn continuing(self, previous: usize) -> Self {
        ClusterItem {
            continues: Some(previous),
            ..self
        }
    }
}

/// The result of clustering: which cluster each item belongs to.
///
/// Clusters are numbered by first appearance in the input order, so a caller that orders its
/// quotations canonically (the [`Tracker`](crate::Tracker) orders them by publication time,
/// document id and position) gets the same ids whatever order they arrived in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clustering {
    assignment: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl Clustering {
    /// The cluster of item `i`.
    pub fn cluster_of(&self, i: usize) -> usize {
        self.assignment[i]
    }

    /// The cluster of every item, in input order.
    pub fn assignment(&self) -> &[usize] {
        &self.assignment
    }

    /// The items of each cluster, clusters by id, items in input order.
    pub fn clusters(&self) -> impl ExactSizeIterator<Item = &[usize]> + '_ {
        self.members.iter().map(Vec::as_slice)
    }

    /// How many clusters there are.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there are no clusters (no items).
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

/// Clusters `items`: every item gets exactly one cluster, and items with the same matching form
/// always share one.
///
/// ```
/// use quotetrace::{cluster, ClusterConfig, ClusterItem};
///
/// let texts = [
///     "Let's get the Peace Deal DONE!",
///     "I am not happy with the Russian strikes on KYIV. Vladimir, STOP! Lets get the Peace Deal done!",
///     "Lets get the peace deal done",
///     "I wasn't happy with it",
/// ];
/// let items: Vec<_> = texts.iter().map(|t| ClusterItem::new(t)).collect();
/// let clustering = cluster(&items, &ClusterConfig::default());
/// assert_eq!(clustering.cluster_of(0), clustering.cluster_of(1));
/// assert_eq!(clustering.cluster_of(0), clustering.cluster_of(2));
/// assert_ne!(clustering.cluster_of(0), clustering.cluster_of(3));
/// ```
pub fn cluster(items: &[ClusterItem<'_>], config: &ClusterConfig) -> Clustering {
    cluster_indexed(items, config).0
}

/// Clusters `items` like [`cluster`], and keeps the index it clustered with, to find the
/// statement of any other text later ([`ClusterIndex::find`]).
pub fn cluster_indexed(
    items: &[ClusterItem<'_>],
    config: &ClusterConfig,
) -> (Clustering, ClusterIndex) {
    let mut phrases = Phrases::default();
    let phrase_of = phrases.add_all(items.iter().map(|item| item.text));
    // The languages of the input: in each, two forms of one word match as a spelling does
    // (every language's stems apply to every pair of words: a phrase's language is not kept
    // beside its words).
    let languages: BTreeSet<&str> = items
        .iter()
        .filter_map(|item| item.language)
        .filter(|l| crate::text::stem::known(l))
        .collect();
    if !languages.is_empty() {
        phrases
            .vocabulary
            .add_stems(&languages.into_iter().collect::<Vec<_>>());
    }
    let postings = index::postings(&phrases, config.min_words.max(2), config.max_postings);
    let (groups, overlaps) = link_phrases(&phrases, &postings, config);
    // Statements joined by continuations first, so that a short fragment finds the one
    // statement two pieces make; then the continuations that involve short fragments.
    let roots = join_continuations(
        &phrases,
        &groups,
        items,
        &phrase_of,
        config.min_words,
        false,
    );
    let roots = attach_short(&phrases, &roots, items, &phrase_of, config);
    let roots = join_continuations(&phrases, &roots, items, &phrase_of, config.min_words, true);
    let roots = join_overlaps(&phrases, &roots, &overlaps, items, &phrase_of);
    let roots = translate::link_translations(&phrases, &roots, items, &phrase_of);
    let clustering = number_by_first_appearance(&phrase_of, &roots);
    let mut cluster_of_phrase = vec![usize::MAX; phrases.len()];
    for (i, &p) in phrase_of.iter().enumerate() {
        cluster_of_phrase[p as usize] = clustering.cluster_of(i);
    }
    let support = clustering.clusters().map(<[usize]>::len).collect();
    let index = ClusterIndex {
        phrases,
        postings,
        phrase_of,
        cluster_of_phrase,
        support,
        config: config.clone(),
    };
    (clustering, index)
}

/// The index a clustering was made with: the wordings in matching form and their word pairs.
#[derive(Debug, Clone, Default)]
pub struct ClusterIndex {
    phrases: Phrases,
    postings: Vec<(u64, u32)>,
    /// Each clustered item's phrase.
    phrase_of: Vec<u32>,
    cluster_of_phrase: Vec<usize>,
    /// How many quotations each cluster holds.
    support: Vec<usize>,
    config: ClusterConfig,
}

/// The statement a text belongs to, and how closely.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Found {
    /// The cluster id.
    pub cluster: usize,
    /// How closely the text matches its nearest wording in the cluster: 1 for the same words,
    /// less for a drifted wording or a fragment that fits less than perfectly.
    pub similarity: f64,
}

impl ClusterIndex {
    /// The phrase (distinct matching form) of clustered item `item`: two items have one phrase
    /// exactly when their words in matching form are the same.
    pub(crate) fn phrase_of(&self, item: usize) -> u32 {
        self.phrase_of[item]
    }

    /// How many phrases there are (phrase ids run from 0 to this).
    pub(crate) fn phrases(&self) -> usize {
        self.phrases.len()
    }

    /// How many words phrase `phrase` has in matching form.
    pub(crate) fn phrase_words(&self, phrase: u32) -> usize {
        self.phrases.words(phrase).len()
    }

    /// The cluster of the wording nearest to `text`, looked up through the clustering's own
    /// index of word pairs (no scan over the clusters): `text` may be a variant, a fragment or a
    /// longer version of a clustered quotation. `None` when nothing is near enough.
    ///
    /// ```
    /// use quotetrace::{cluster_indexed, ClusterConfig, ClusterItem};
    ///
    /// let texts = ["I am not happy with the Russian strikes on KYIV. Vladimir, STOP!",
    ///              "We will rebuild every home in Kyiv"];
    /// let items: Vec<_> = texts.iter().map(|t| ClusterItem::new(t)).collect();
    /// let (clustering, index) = cluster_indexed(&items, &ClusterConfig::default());
    /// let found = index.find("not happy with the russian strikes on kyiv").unwrap();
    /// assert_eq!(found.cluster, clustering.cluster_of(0));
    /// assert!(index.find("an unrelated sentence about football").is_none());
    /// ```
    pub fn find(&self, text: &str) -> Option<Found> {
        let config = &self.config;
        let (candidates, words, strings) = index::look_up(
            &self.phrases,
            &self.postings,
            text,
            config.max_postings,
            config.max_candidates,
        );
        // Unknown words take ids no phrase has.
        let query: Vec<u32> = words
            .iter()
            .enumerate()
            .map(|(i, w)| w.unwrap_or(u32::MAX - i as u32))
            .collect();
        let costs = Costs::new(config.typo_cost, self.phrases.ellipsis());
        let words_of = &index::Query {
            vocabulary: &self.phrases.vocabulary,
            words: &strings,
        };
        candidates
            .into_iter()
            .filter_map(|p| {
                let wording = self.phrases.words(p);
                let whole = align::similarity(&query, wording, costs, words_of);
                let part = align::containment(&query, wording, costs, words_of);
                let within = align::containment(wording, &query, costs, words_of);
                let score = whole.max(part).max(within * 0.9);
                (score >= config.variant_similarity.min(config.fragment_similarity))
                    .then_some((score, p))
            })
            // The nearest wording; between equally near ones, the statement quoted most.
            .max_by(|a, b| {
                let support = |p: u32| {
                    self.support
                        .get(self.cluster_of_phrase[p as usize])
                        .copied()
                };
                a.0.total_cmp(&b.0)
                    .then(support(a.1).cmp(&support(b.1)))
                    .then(self.phrases.key[b.1 as usize].cmp(&self.phrases.key[a.1 as usize]))
            })
            .map(|(similarity, p)| Found {
                cluster: self.cluster_of_phrase[p as usize],
                similarity,
            })
    }
}

/// Joins variants, then attaches each group of fragments to its one best parent. Returns the
/// final root phrase of every phrase.
fn link_phrases(
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
enum Link {
    Variant(u32, u32),
    /// The first fits inside the second, this well.
    Fragment(u32, u32, f64),
    /// The two share a long run of words, and each holds words the other lacks.
    Overlap(u32, u32),
}

/// Aligns a candidate pair.
fn verify_pair(
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

/// Statistics of a group of variants, for choosing a fragment's parent.
#[derive(Debug, Clone, Copy)]
struct Group {
    support: u64,
    longest: usize,
    /// The smallest content key of its phrases: a tie-breaker independent of input order.
    key: u64,
}

fn group_stats(phrases: &Phrases, sets: &mut UnionFind) -> Vec<Group> {
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
fn attach_fragments(
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

/// Short phrases (below `min_words`) join a statement only when the documents and speakers of
/// their quotations point to exactly one statement that contains them.
fn attach_short(
    phrases: &Phrases,
    roots: &[u32],
    items: &[ClusterItem<'_>],
    phrase_of: &[u32],
    config: &ClusterConfig,
) -> Vec<u32> {
    /// A statement is represented by its longest wordings.
    const WORDINGS: usize = 8;
    /// A speaker with more statements than this cannot make a short fragment unambiguous.
    const STATEMENTS: usize = 64;
    let costs = Costs::new(config.typo_cost, phrases.ellipsis());
    let mut roots = roots.to_vec();
    let is_short = |p: u32| phrases.words(p).len() < config.min_words;
    // The documents and speakers that short quotations come with: only their statements are
    // worth listing (most corpora have few short quotations, and a hundred thousand documents
    // need not each get a list).
    // Keyed by document ids and speakers, which the input chooses: the seeded hash.
    let mut by_context: crate::text::hash::TextMap<(bool, &str), BTreeSet<u32>> =
        Default::default();
    for (item, &p) in items.iter().zip(phrase_of) {
        if is_short(p) && !phrases.words(p).is_empty() {
            let contexts = [
                item.document.map(|d| (true, d)),
                item.speaker.map(|s| (false, s)),
            ];
            for context in contexts.into_iter().flatten() {
                by_context.entry(context).or_default();
            }
        }
    }
    if by_context.is_empty() {
        return roots;
    }
    let mut wordings: FxMap<u32, Vec<u32>> = FxMap::default();
    for p in 0..phrases.len() as u32 {
        if !is_short(p) {
            wordings.entry(roots[p as usize]).or_default().push(p);
        }
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
    // The statements quoted in each of those documents and by each of those speakers.
    for (item, &p) in items.iter().zip(phrase_of) {
        if is_short(p) {
            continue;
        }
        let root = roots[p as usize];
        let contexts = [
            item.document.map(|d| (true, d)),
            item.speaker.map(|s| (false, s)),
        ];
        for context in contexts.into_iter().flatten() {
            if let Some(statements) = by_context.get_mut(&context) {
                statements.insert(root);
            }
        }
    }
    // Each quotation of a short phrase votes for the one statement its document, or else its
    // speaker, points to; the phrase joins a statement only if no vote disagrees.
    let fitting = |short: &[u32], statements: &BTreeSet<u32>| -> Vec<u32> {
        statements
            .iter()
            .copied()
            .filter(|statement| {
                wordings[statement].iter().any(|&w| {
                    let whole = phrases.words(w);
                    align::containment(short, whole, costs, &phrases.vocabulary) >= 1.0 - 1e-9
                        || same_words_together(short, whole)
                })
            })
            .collect()
    };
    let mut votes: FxMap<u32, FxMap<u32, usize>> = FxMap::default();
    for (item, &p) in items.iter().zip(phrase_of) {
        let short = phrases.words(p);
        if !is_short(p) || short.is_empty() {
            continue;
        }
        let contexts = [
            item.document.map(|d| (true, d)),
            item.speaker.map(|s| (false, s)),
        ];
        let vote = contexts.into_iter().flatten().find_map(|context| {
            let statements = by_context.get(&context).filter(|s| s.len() <= STATEMENTS)?;
            match fitting(short, statements).as_slice() {
                [one] => Some(*one),
                _ => None,
            }
        });
        if let Some(v) = vote {
            *votes.entry(p).or_default().entry(v).or_default() += 1;
        }
    }
    // A clear majority wins: twice the votes of any other statement (a paraphrase of the same
    // statement, not recognised as such, may draw a stray vote).
    for (p, tally) in votes {
        let mut ranked: Vec<(usize, u64, u32)> = tally
            .into_iter()
            .map(|(statement, n)| (n, phrases.key[statement as usize], statement))
            .collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        let runner_up = ranked.get(1).map_or(0, |r| r.0);
        if let Some(&(_, _, target)) = ranked.first().filter(|r| r.0 >= 2 * runner_up) {
            roots[p as usize] = target;
        }
    }
    roots
}

/// Whether the words of a short phrase stand together in `whole` in some order: a headline's
/// `STOP, Vladimir!` for a post's `Vladimir, STOP!`.
fn same_words_together(short: &[u32], whole: &[u32]) -> bool {
    let mut sorted = short.to_vec();
    sorted.sort_unstable();
    whole.windows(short.len()).any(|w| {
        let mut window = w.to_vec();
        window.sort_unstable();
        window == sorted
    })
}

/// Quotations that go on from one another (`"A," Trump wrote. "B"`) share a cluster, with
/// their statements; a short one (a quoted term) joins two statements only where at most one
/// has wordings of its own.
fn join_continuations(
    phrases: &Phrases,
    roots: &[u32],
    items: &[ClusterItem<'_>],
    phrase_of: &[u32],
    min_words: usize,
    short_too: bool,
) -> Vec<u32> {
    // A statement is established by its wordings of some length; short fragments do not count.
    // Counted in an array by phrase: roots are phrases.
    let mut wordings = vec![0usize; phrases.len()];
    for (p, &r) in roots.iter().enumerate() {
        if phrases.words(p as u32).len() >= min_words {
            wordings[r as usize] += 1;
        }
    }
    let long = |p: u32| phrases.words(p).len() >= min_words;
    // Links between statements, in an order that depends on content only.
    let mut links: Vec<(u64, u64, u32, u32, bool)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let j = item.continues.filter(|&j| j < items.len() && j != i)?;
            let (pj, pi) = (phrase_of[j], phrase_of[i]);
            let (a, b) = (roots[pj as usize], roots[pi as usize]);
            let (ka, kb) = (phrases.key[pj as usize], phrases.key[pi as usize]);
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
        if ra == rb || (!both_long && settled[ra as usize] && settled[rb as usize]) {
            continue;
        }
        let either = settled[ra as usize] || settled[rb as usize];
        sets.union(ra, rb);
        let root = sets.find(ra);
        settled[root as usize] = either;
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
fn join_overlaps(
    phrases: &Phrases,
    roots: &[u32],
    overlaps: &[(u32, u32)],
    items: &[ClusterItem<'_>],
    phrase_of: &[u32],
) -> Vec<u32> {
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
        let s = &mut said[roots[p as usize] as usize];
        *s = match (*s, item.speaker) {
            (old, None) => old,
            (Said::Nobody, Some(x)) => Said::One(x),
            (Said::One(y), Some(x)) if x == y => Said::One(y),
            _ => Said::Several,
        };
    }
    // In an order that depends on content only: which joins a speaker's statements first
    // then does not depend on the input's order.
    let mut links: Vec<(u64, u64, u32, u32)> = overlaps
        .iter()
        .map(|&(a, b)| {
            let (ka, kb) = (phrases.key[a as usize], phrases.key[b as usize]);
            (ka.min(kb), ka.max(kb), roots[a as usize], roots[b as usize])
        })
        .collect();
    links.sort_unstable();
    let mut sets = UnionFind::new(roots.len());
    for (_, _, ra, rb) in links {
        let (x, y) = (sets.find(ra), sets.find(rb));
        let apart = match (said[x as usize], said[y as usize]) {
            (Said::One(p), Said::One(q)) => p != q,
            (Said::Several, _) | (_, Said::Several) => true,
            _ => false,
        };
        if x == y || apart {
            continue;
        }
        let merged = match (said[x as usize], said[y as usize]) {
            (Said::Nobody, s) | (s, _) => s,
        };
        sets.union(x, y);
        said[sets.find(x) as usize] = merged;
    }
    roots.iter().map(|&r| sets.find(r)).collect()
}

/// Cluster ids by first appearance in input order.
fn number_by_first_appearance(phrase_of: &[u32], roots: &[u32]) -> Clustering {
    // Each root's cluster id, in an array by phrase rather than a map: a million clusters
    // cost a pass over a list, not a million probes of a table that outgrows the caches.
    const NONE: usize = usize::MAX;
    let mut ids = vec![NONE; roots.len()];
    let mut sizes: Vec<usize> = Vec::new();
    let assignment: Vec<usize> = phrase_of
        .iter()
        .map(|&p| {
            let root = roots[p as usize] as usize;
            if ids[root] == NONE {
                ids[root] = sizes.len();
                sizes.push(0);
            }
            sizes[ids[root]] += 1;
            ids[root]
        })
        .collect();
    // Each cluster's list allocated once, at its size.
    let mut members: Vec<Vec<usize>> = sizes.into_iter().map(Vec::with_capacity).collect();
    for (i, &id) in assignment.iter().enumerate() {
        members[id].push(i);
    }
    Clustering {
        assignment,
        members,
    }
}

/// Disjoint sets with path halving and union by size.
struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let up = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = up;
            x = up;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a as usize] < self.size[b as usize] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b as usize] = a;
        self.size[a as usize] += self.size[b as usize];
    }
}

#[cfg(test)]
mod tests;

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
mod fragments;
mod index;
mod link;
mod pieces;
mod translate;
mod union_find;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use align::Costs;
use fragments::attach_short;
use index::Phrases;
pub(crate) use index::{blocking_of, PhraseId};
use pieces::{join_continuations, join_overlaps};

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

/// What the index of word pairs reads of one quotation, worked out from its text alone: the
/// blocking keys a program that spreads clustering over machines shuffles quotations by, so
/// that the candidates [`cluster`] would compare meet in one place.
///
/// Two quotations are compared only when they share a word pair found in at most
/// [`ClusterConfig::max_postings`] distinct wordings; each wording is looked up by its
/// rarest such pairs (see `src/cluster/index.rs`).
///
/// ```
/// use quotetrace::cluster::{blocking, ClusterConfig};
///
/// let config = ClusterConfig::default();
/// let a = blocking("Let's get the Peace Deal DONE!", &config);
/// let b = blocking("Lets get the peace deal done", &config);
/// // Case, apostrophes and punctuation fall away in matching form: one wording, one key.
/// assert_eq!(a.words, 6);
/// assert_eq!(a, b);
/// // One word changed: the pairs away from it are still shared.
/// let c = blocking("Lets get the peace deal finished", &config);
/// assert_ne!(a.phrase, c.phrase);
/// let shared = a.pairs.iter().filter(|p| c.pairs.contains(p)).count();
/// assert_eq!((a.pairs.len(), shared), (5, 4));
/// // Too short to be indexed: two words.
/// assert!(blocking("Vladimir, STOP!", &config).pairs.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Blocking {
    /// The content key of its matching form: two quotations have one key when their words in
    /// matching form are the same (and, but for a chance of one in 2⁶⁴, only then). The key
    /// breaks ties wherever clustering must not depend on the input's order.
    pub phrase: u64,
    /// How many words its matching form has.
    pub words: usize,
    /// The hashes of the word pairs it is indexed by, sorted, each once: none when it has
    /// fewer than [`ClusterConfig::min_words`] (and at least two) words, and none across an
    /// ellipsis.
    pub pairs: Vec<u64>,
}

/// The blocking keys of `text` under `config` (see [`Blocking`]).
pub fn blocking(text: &str, config: &ClusterConfig) -> Blocking {
    let (phrase, words, pairs) = index::blocking_of(text, config.min_words.max(2));
    Blocking {
        phrase,
        words,
        pairs,
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
    clustered(items, config, false).0
}

/// Clusters `items` like [`cluster`], and keeps the index it clustered with, to find the
/// statement of any other text later ([`ClusterIndex::find`]).
pub fn cluster_indexed(
    items: &[ClusterItem<'_>],
    config: &ClusterConfig,
) -> (Clustering, ClusterIndex) {
    clustered(items, config, true)
}

/// [`cluster_indexed`]; without `keep_postings`, the index lacks its postings (it finds
/// nothing), which are dropped as soon as the candidates no longer need them: at a million
/// quotations, 190 MB less while the candidates are counted, the clustering's peak.
fn clustered(
    items: &[ClusterItem<'_>],
    config: &ClusterConfig,
    keep_postings: bool,
) -> (Clustering, ClusterIndex) {
    let mut phrases = Phrases::default();
    let phrase_of = phrases.add_all(items.iter().map(|item| item.text));
    if !keep_postings {
        phrases.forget_lookup();
    }
    add_stems(&mut phrases, items.iter().filter_map(|item| item.language));
    let (lists, postings) = index::lists(
        &phrases,
        config.min_words.max(2),
        config.max_postings,
        keep_postings,
    );
    // Each pair as the smaller phrase and the larger (8 bytes, where the number of word pairs
    // shared would make it 12): found from both sides, it is verified once.
    let pairs = index::candidates(&phrases, lists, config.max_candidates, |a, b, _| {
        (a.min(b), a.max(b))
    });
    let links = link::verified_links(&phrases, pairs, config);
    let roots = form(&phrases, links, items, &phrase_of, config);
    let roots = translate::link_translations(&phrases, &roots, items, &phrase_of);
    let clustering = number_by_first_appearance(&phrase_of, &roots);
    let mut cluster_of_phrase = vec![usize::MAX; phrases.len()];
    for (i, &p) in phrase_of.iter().enumerate() {
        cluster_of_phrase[p.index()] = clustering.cluster_of(i);
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

/// Steps 4 to 7: the statements the verified `links` make, before translations join them.
/// Returns the root phrase of every phrase.
fn form(
    phrases: &Phrases,
    links: impl IntoIterator<Item = link::Link>,
    items: &[ClusterItem<'_>],
    phrase_of: &[PhraseId],
    config: &ClusterConfig,
) -> Vec<PhraseId> {
    let (groups, overlaps) = link::join_links(phrases, links);
    // Statements joined by continuations first, so that a short fragment finds the one
    // statement two pieces make; then the continuations that involve short fragments.
    let roots = join_continuations(phrases, &groups, items, phrase_of, config.min_words, false);
    let roots = attach_short(phrases, &roots, items, phrase_of, config);
    let roots = join_continuations(phrases, &roots, items, phrase_of, config.min_words, true);
    join_overlaps(phrases, &roots, &overlaps, items, phrase_of)
}

/// Gives the phrases' words their stems in each of `languages` that has a stemmer: in each, two
/// forms of one word match as a spelling does (every language's stems apply to every pair of
/// words: a phrase's language is not kept beside its words).
fn add_stems<'l>(phrases: &mut Phrases, languages: impl Iterator<Item = &'l str>) {
    let languages: BTreeSet<&str> = languages.filter(|l| crate::text::stem::known(l)).collect();
    if !languages.is_empty() {
        phrases
            .vocabulary
            .add_stems(&languages.into_iter().collect::<Vec<_>>());
    }
}

/// A pair of wordings [`cluster`] compares: `other` is one of the phrases that share the most
/// indexed word pairs with `phrase` (see [`candidates`]). Phrases are named by their content
/// keys ([`Blocking::phrase`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Candidate {
    /// The phrase whose partners these are.
    pub phrase: u64,
    /// One of its partners.
    pub other: u64,
    /// How many of `phrase`'s rarest usable word pairs `other` has too.
    pub shared: u32,
}

/// The candidate pairs [`cluster`] verifies among `texts`: for each distinct wording, the
/// others that share the most of its rarest usable word pairs, at most
/// [`ClusterConfig::max_candidates`], most shared first (ties: the smaller phrase key).
///
/// A program that spreads clustering over machines finds the same pairs from the [`blocking`]
/// keys alone: of each phrase's word pairs found in more than one and at most
/// [`ClusterConfig::max_postings`] phrases, it reads the 8 found in the fewest (ties: the
/// smaller pair hash, as an unsigned number), and keeps a partner when it has at least a third
/// of them (and at least one). This function is what such a program checks itself against.
///
/// ```
/// use quotetrace::cluster::{blocking, candidates, ClusterConfig};
///
/// let config = ClusterConfig::default();
/// let texts = [
///     "We will rebuild every home in Kyiv",
///     "we will rebuild every home in kyiv!",
///     "We will rebuild every single home in Kyiv",
///     "The weather was fine in London",
/// ];
/// let found = candidates(texts, &config);
/// let (same, longer) = (blocking(texts[0], &config).phrase, blocking(texts[2], &config).phrase);
/// // The first two are one wording; the third shares most of its pairs.
/// assert!(found.iter().any(|c| (c.phrase, c.other) == (same, longer)));
/// // Nothing shares a word pair with the fourth.
/// let weather = blocking(texts[3], &config).phrase;
/// assert!(found.iter().all(|c| c.phrase != weather && c.other != weather));
/// ```
pub fn candidates<'t>(
    texts: impl IntoIterator<Item = &'t str>,
    config: &ClusterConfig,
) -> Vec<Candidate> {
    let mut phrases = Phrases::default();
    phrases.add_all(texts);
    let (lists, _) = index::lists(
        &phrases,
        config.min_words.max(2),
        config.max_postings,
        false,
    );
    let mut found = index::candidates(&phrases, lists, config.max_candidates, |a, b, n| (a, b, n));
    // By phrase in order of first appearance, each phrase's partners best first.
    found.sort_by_key(|&(phrase, ..)| phrase);
    found
        .into_iter()
        .map(|(a, b, shared)| Candidate {
            phrase: phrases.key(a),
            other: phrases.key(b),
            shared,
        })
        .collect()
}

/// What the alignment of a candidate pair found (see [`relate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Relation {
    /// Near-identical wordings of similar length ([`ClusterConfig::variant_similarity`]).
    Variant,
    /// The first fits inside the second ([`ClusterConfig::fragment_similarity`]).
    PartOf,
    /// The second fits inside the first.
    Contains,
    /// Each holds words the other lacks, but they print a long run of one statement word for
    /// word ([`ClusterConfig::overlap_words`]).
    Overlap,
}

/// How each pair of texts is related, as [`cluster`] verifies its candidate pairs: `None` for
/// a pair that is none of the [`Relation`]s. `languages` are the languages of the quotations
/// being clustered (ISO 639-1): in each that has a stemmer, two forms of one word match as two
/// spellings do, so a program that verifies its pairs in batches passes every batch the
/// languages of the whole input to get the answers [`cluster`] gets.
///
/// ```
/// use quotetrace::cluster::{relate, ClusterConfig, Relation};
///
/// let pairs = [
///     ("Lets get the Peace Deal DONE!", "Let's get the peace deal done"),
///     ("the peace deal", "Lets get the peace deal done, and soon"),
///     ("Lets get the peace deal done", "The weather was fine in London"),
/// ];
/// let found = relate(pairs, &["en"], &ClusterConfig::default());
/// assert_eq!(found, [Some(Relation::Variant), Some(Relation::PartOf), None]);
/// ```
pub fn relate<'t>(
    pairs: impl IntoIterator<Item = (&'t str, &'t str)>,
    languages: &[&str],
    config: &ClusterConfig,
) -> Vec<Option<Relation>> {
    let mut phrases = Phrases::default();
    let ids = phrases.add_all(pairs.into_iter().flat_map(|(a, b)| [a, b]));
    add_stems(&mut phrases, languages.iter().copied());
    let costs = align::Costs::new(config.typo_cost, phrases.ellipsis());
    ids.chunks_exact(2)
        .map(|pair| {
            let (a, b) = (pair[0], pair[1]);
            link::verify_pair(&phrases, costs, config, a, b).map(|found| match found {
                link::Link::Variant(..) => Relation::Variant,
                link::Link::Fragment(f) if f.part == a => Relation::PartOf,
                link::Link::Fragment(_) => Relation::Contains,
                link::Link::Overlap(..) => Relation::Overlap,
            })
        })
        .collect()
}

/// The statements [`cluster`] forms from verified relations found elsewhere, before
/// translations join them: steps 4 to 7 of clustering, for a program that finds and verifies
/// the candidate pairs itself ([`candidates`], [`relate`]) and hands each group of quotations
/// that can only join among themselves to this function.
///
/// `links` are `(phrase, other, relation)`, phrases named by their [`Blocking::phrase`] keys
/// (a link naming a phrase none of `items` has is left out); `languages` are those of all the
/// quotations being clustered, as for [`relate`]. With the links [`relate`] finds among the
/// [`candidates`] of `items`, the result is [`cluster`]'s for items whose statements no
/// translation joins.
///
/// ```
/// use quotetrace::cluster::{blocking, cluster, cluster_linked, ClusterConfig, ClusterItem, Relation};
///
/// let config = ClusterConfig::default();
/// let texts = ["Lets get the Peace Deal DONE!", "Let's get the peace deal done", "STOP"];
/// let items: Vec<_> = texts.iter().map(|t| ClusterItem::new(t)).collect();
/// let key = |t: &str| blocking(t, &config).phrase;
/// let links = [(key(texts[0]), key(texts[1]), Relation::Variant)];
/// let clustering = cluster_linked(&items, links, &[], &config);
/// assert_eq!(clustering.assignment(), [0, 0, 1]);
/// assert_eq!(clustering, cluster(&items, &config));
/// ```
pub fn cluster_linked(
    items: &[ClusterItem<'_>],
    links: impl IntoIterator<Item = (u64, u64, Relation)>,
    languages: &[&str],
    config: &ClusterConfig,
) -> Clustering {
    let mut phrases = Phrases::default();
    let phrase_of = phrases.add_all(items.iter().map(|item| item.text));
    add_stems(&mut phrases, languages.iter().copied());
    let by_key: index::FxMap<u64, PhraseId> = phrases.ids().map(|p| (phrases.key(p), p)).collect();
    let links = links.into_iter().filter_map(|(a, b, relation)| {
        let (a, b) = (*by_key.get(&a)?, *by_key.get(&b)?);
        Some(match relation {
            Relation::Variant => link::Link::Variant(a, b),
            Relation::PartOf => link::Link::Fragment(fragments::Fragment { part: a, whole: b }),
            Relation::Contains => link::Link::Fragment(fragments::Fragment { part: b, whole: a }),
            Relation::Overlap => link::Link::Overlap(a, b),
        })
    });
    let roots = form(&phrases, links, items, &phrase_of, config);
    number_by_first_appearance(&phrase_of, &roots)
}

/// What linking translations reads of one statement (see [`translatable`]): the anchors a
/// program that spreads clustering over machines shuffles statements by, and what it checks
/// a pair against. Linking weighs each anchor by how many statements of the whole input hold
/// it, so this step reads all statements at once, and only these summaries of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Translatable {
    /// The smallest content key of its wordings ([`Blocking::phrase`]): its name, and the
    /// tie-breaker.
    pub key: u64,
    /// How many quotations it has.
    pub support: u64,
    /// Its speaker by surname (lower case, accents folded), where three in four of its
    /// attributed quotations name one; `None` where none names anyone.
    pub speaker: Option<String>,
    /// The language most of its quotations are in (ties: the first by code).
    pub language: String,
    /// When it was first printed (seconds since the Unix epoch), if known.
    pub earliest: Option<i64>,
    /// The hashes of its words' anchors (their first four letters, accents folded, or the
    /// whole of a number), sorted, each once.
    pub anchors: Vec<u64>,
}

/// What linking translations reads of each cluster of `clustering` (of `items`): `None` for a
/// cluster whose quotations have no language, or whose attributed quotations name two
/// speakers without three in four naming one — such a statement joins no translation.
///
/// ```
/// use quotetrace::cluster::{cluster, translatable, ClusterConfig, ClusterItem};
///
/// let items = [
///     ClusterItem::new("Liverpool 2024: alles an diesem Verein").in_language("de"),
///     ClusterItem::new("nobody said which language this was in"),
/// ];
/// let clustering = cluster(&items, &ClusterConfig::default());
/// let summaries = translatable(&items, &clustering);
/// let german = summaries[0].as_ref().unwrap();
/// assert_eq!((german.language.as_str(), german.support), ("de", 1));
/// // `Live`, `2024`, `alle`, `dies`, `Vere`: `an` is too short to say anything.
/// assert_eq!(german.anchors.len(), 5);
/// assert!(summaries[1].is_none());
/// ```
pub fn translatable(
    items: &[ClusterItem<'_>],
    clustering: &Clustering,
) -> Vec<Option<Translatable>> {
    if clustering.assignment().len() != items.len() {
        // Not a clustering of these items: nothing can be said of its clusters.
        return vec![None; clustering.len()];
    }
    let mut phrases = Phrases::default();
    let phrase_of = phrases.add_all(items.iter().map(|item| item.text));
    // Each phrase's root: the phrase of its cluster's first item; and each root's cluster.
    let mut roots = vec![PhraseId::new(0); phrases.len()];
    let mut cluster_of_root = vec![usize::MAX; phrases.len()];
    for (c, members) in clustering.clusters().enumerate() {
        let root = phrase_of[members[0]];
        cluster_of_root[root.index()] = c;
        for &i in members {
            roots[phrase_of[i].index()] = root;
        }
    }
    let mut summaries = vec![None; clustering.len()];
    for s in translate::statements(&phrases, &roots, items, &phrase_of) {
        summaries[cluster_of_root[s.root.index()]] = Some(Translatable {
            key: s.key,
            support: s.support,
            speaker: s.speaker,
            language: s.language.to_string(),
            earliest: s.earliest,
            anchors: s.anchors,
        });
    }
    summaries
}

/// Joins the statements that `links` name as translations of one another, each statement
/// given by its [`Translatable::key`], [`Translatable::speaker`] and
/// [`Translatable::language`], each link `(i, j)` saying that statement `i` names `j`,
/// better supported than itself, as its best partner. The links are joined in an order that
/// depends on content only, each join checked against everything both sides hold already: no
/// two speakers, and no language twice. Returns for each statement the smallest index of the
/// statements it is now one with.
///
/// ```
/// use quotetrace::cluster::join_translations;
///
/// let statements = [(1, Some("bruni"), "en"), (2, None, "es"), (3, Some("meloni"), "it")];
/// // The Spanish one is the translation of both: it joins the first, which then has a
/// // speaker the third's contradicts.
/// assert_eq!(join_translations(&statements, &[(1, 0), (1, 2)]), [0, 0, 2]);
/// ```
pub fn join_translations(
    statements: &[(u64, Option<&str>, &str)],
    links: &[(usize, usize)],
) -> Vec<usize> {
    let n = statements.len();
    let links = links
        .iter()
        .filter(|&&(i, j)| i < n && j < n)
        .map(|&(i, j)| (statements[i].0, statements[j].0, i, j))
        .collect();
    let mut sets = translate::join_translations(statements.iter().map(|&(_, s, l)| (s, l)), links);
    let mut smallest = vec![usize::MAX; n];
    let roots: Vec<usize> = (0..n).map(|i| sets.find(i)).collect();
    for (i, &r) in roots.iter().enumerate() {
        smallest[r] = smallest[r].min(i);
    }
    roots.iter().map(|&r| smallest[r]).collect()
}

/// The index a clustering was made with: the wordings in matching form and their word pairs.
#[derive(Debug, Clone, Default)]
pub struct ClusterIndex {
    phrases: Phrases,
    postings: Vec<index::Posting>,
    /// Each clustered item's phrase.
    phrase_of: Vec<PhraseId>,
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
    pub(crate) fn phrase_of(&self, item: usize) -> PhraseId {
        self.phrase_of[item]
    }

    /// How many phrases there are (phrase ids run from 0 to this).
    pub(crate) fn phrases(&self) -> usize {
        self.phrases.len()
    }

    /// How many words phrase `phrase` has in matching form.
    pub(crate) fn phrase_words(&self, phrase: PhraseId) -> usize {
        self.phrases.words(phrase).len()
    }

    /// The cluster of the wording nearest to `text`, looked up through the clustering's own
    /// index of word pairs (no scan over the clusters): `text` may be a variant, a fragment or a
    /// longer version of a clustered quotation. `None` when nothing is near enough.
    ///
    /// ```
    /// use quotetrace::cluster::{cluster_indexed, ClusterConfig, ClusterItem};
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
                let support =
                    |p: PhraseId| self.support.get(self.cluster_of_phrase[p.index()]).copied();
                a.0.total_cmp(&b.0)
                    .then(support(a.1).cmp(&support(b.1)))
                    .then(self.phrases.key(b.1).cmp(&self.phrases.key(a.1)))
            })
            .map(|(similarity, p)| Found {
                cluster: self.cluster_of_phrase[p.index()],
                similarity,
            })
    }
}

/// Cluster ids by first appearance in input order.
fn number_by_first_appearance(phrase_of: &[PhraseId], roots: &[PhraseId]) -> Clustering {
    // Each root's cluster id, in an array by phrase rather than a map: a million clusters
    // cost a pass over a list, not a million probes of a table that outgrows the caches.
    const NONE: usize = usize::MAX;
    let mut ids = vec![NONE; roots.len()];
    let mut sizes: Vec<usize> = Vec::new();
    let assignment: Vec<usize> = phrase_of
        .iter()
        .map(|&p| {
            let root = roots[p.index()].index();
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

#[cfg(test)]
mod tests;

//! Translations: a statement quoted in one language joins the same statement quoted in another,
//! where the evidence is plain.
//!
//! Fuzzy matching cannot tie `Ich liebe absolut alles an diesem Verein` to `I love absolutely
//! everything about this club`, but some words survive translation: numbers, names
//! (`Liverpool`, `Francesco`/`Francis`) and the words languages share (`absolut`/`absolutely`,
//! `Energie`/`energy`/`énergie`). A word's *anchor* is its first [`ANCHOR_CHARS`] letters with
//! accents folded away, or the whole of a number. Two statements are one when
//! - no two speakers are named for them (where both have one, it is the same: the one three
//!   in four of each statement's attributed quotations name, compared by surname),
//! - they are in different languages, printed within [`WINDOW`] of one another,
//! - and they share at least [`MIN_SHARED`] anchors that are rare among the statements, making
//!   up at least [`MIN_COVER`] of the shorter one's anchors (each weighted by its rarity).
//!
//! Measured on the shared `world` corpus, the evidence holds between the Romance languages and
//! English, whose statements share Latin words (`conferenza`, `conferencia`, `conference`),
//! and rarely between German or Dutch and the rest, where one word in common (`Energie`) is
//! shared with the same speaker's other statements too: those are left apart.
//!
//! Each statement names its one best such partner among those better supported than itself
//! (more quotations; the best covered), and the pairs are joined in an order that depends on
//! content only, each join checked against everything both sides already hold: no two
//! speakers, and no language twice, so that one shared name cannot chain statements together.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use super::index::{FxMap, PhraseId, Phrases};
use super::union_find::UnionFind;
use super::ClusterItem;
use crate::text::hash::word_hash;

/// How many letters of a longer word make its anchor: few enough to survive the change of
/// endings between languages (`epis`: episcopal, episcopale, episcopal, episcopal).
pub(crate) const ANCHOR_CHARS: usize = 4;
/// How many rare anchors two statements must share.
pub(crate) const MIN_SHARED: usize = 3;
/// The share of the shorter statement's anchors, by weight, the shared ones must make up.
pub(crate) const MIN_COVER: f64 = 0.3;
/// An anchor held by more statements than this (or than a quarter of them, when that is more
/// than 8) is a common word, and finds no partners: this bounds the work per statement
/// whatever the input.
const MAX_HOLDERS: usize = 64;
/// How far apart in time two quotations of one statement may be printed: a week, in seconds.
pub(crate) const WINDOW: u64 = 7 * 24 * 3600;

/// What a statement brings to translation linking.
pub(super) struct Statement<'a> {
    pub(super) root: PhraseId,
    pub(super) support: u64,
    pub(super) key: u64,
    pub(super) speaker: Option<String>,
    pub(super) language: &'a str,
    pub(super) earliest: Option<i64>,
    /// Its distinct anchors, sorted.
    pub(super) anchors: Vec<u64>,
}

/// Accents folded away: `Jürgen` is `Jurgen`, `énergie` is `energie`.
fn unaccented(word: &str) -> impl Iterator<Item = char> + '_ {
    word.nfd().filter(|c| !('\u{300}'..='\u{36f}').contains(c))
}

/// Who a speaker is, for telling whether two statements have one: the last word of the name,
/// in small letters without accents (`Jürgen Klopp`, `Jurgen Klopp` and `Klopp` are one; the
/// outlets of different languages spell a first name differently more often than a surname).
fn speaker_key(name: &str) -> String {
    let last = name.split_whitespace().next_back().unwrap_or(name);
    unaccented(last).flat_map(char::to_lowercase).collect()
}

/// The anchor of a word in matching form, if it has one.
fn anchor(word: &str) -> Option<u64> {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return Some(word_hash(word));
    }
    let folded: String = unaccented(word).take(ANCHOR_CHARS).collect();
    (folded.chars().count() == ANCHOR_CHARS && word.chars().count() > ANCHOR_CHARS)
        .then(|| word_hash(&folded))
}

/// What the quotations of one statement say of it: how many there are, how many name each
/// speaker, their languages, the earliest time.
#[derive(Default)]
struct Seen<'a> {
    support: u64,
    speakers: BTreeMap<String, usize>,
    languages: BTreeMap<&'a str, usize>,
    earliest: Option<i64>,
}

/// The statements whose language is known, each with its anchors.
pub(super) fn statements<'a>(
    phrases: &Phrases,
    roots: &[PhraseId],
    items: &[ClusterItem<'a>],
    phrase_of: &[PhraseId],
) -> Vec<Statement<'a>> {
    let mut seen: BTreeMap<PhraseId, Seen<'a>> = BTreeMap::new();
    for (item, &p) in items.iter().zip(phrase_of) {
        let s = seen.entry(roots[p.index()]).or_default();
        s.support += 1;
        if let Some(x) = item.speaker.map(speaker_key) {
            *s.speakers.entry(x).or_default() += 1;
        }
        if let Some(l) = item.language {
            *s.languages.entry(l).or_default() += 1;
        }
        if let Some(t) = item.published {
            s.earliest = Some(s.earliest.map_or(t, |e| e.min(t)));
        }
    }
    let (mut anchors, keys) = anchors_and_keys(phrases, roots, |root| {
        seen.get(&root).is_some_and(|s| !s.languages.is_empty())
    });
    seen.into_iter()
        .filter_map(|(root, s)| {
            // The language most of its quotations are in; the first by name on a tie.
            let language = s
                .languages
                .iter()
                .max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l)))
                .map(|(l, _)| *l)?;
            let speaker = main_speaker(&s.speakers)?;
            let mut list = anchors.remove(&root).unwrap_or_default();
            list.sort_unstable();
            list.dedup();
            Some(Statement {
                root,
                support: s.support,
                key: keys.get(&root).copied().unwrap_or(u64::MAX),
                speaker,
                language,
                earliest: s.earliest,
                anchors: list,
            })
        })
        .collect()
}

/// The speaker three in four of a statement's attributed quotations name (one quotation given
/// to the wrong person does not unsay who said the rest): `Some(None)` when none names one,
/// `None` when the speaker cannot be told.
fn main_speaker(speakers: &BTreeMap<String, usize>) -> Option<Option<String>> {
    let named: usize = speakers.values().sum();
    match speakers
        .iter()
        .max_by_key(|(k, n)| (**n, std::cmp::Reverse(*k)))
    {
        None => Some(None),
        Some((top, n)) if 4 * n >= 3 * named => Some(Some(top.clone())),
        Some(_) => None,
    }
}

/// The anchors of each statement `wanted` accepts (by root phrase, unsorted), and the smallest
/// content key of its phrases: a tie-breaker that does not depend on which phrase is its root,
/// nor so on the input's order.
fn anchors_and_keys(
    phrases: &Phrases,
    roots: &[PhraseId],
    wanted: impl Fn(PhraseId) -> bool,
) -> (FxMap<PhraseId, Vec<u64>>, FxMap<PhraseId, u64>) {
    let mut anchors: FxMap<PhraseId, Vec<u64>> = FxMap::default();
    // By word id.
    let mut anchor_of: FxMap<u32, Option<u64>> = FxMap::default();
    let mut keys: FxMap<PhraseId, u64> = FxMap::default();
    for (p, &root) in phrases.ids().zip(roots) {
        if !wanted(root) {
            continue;
        }
        let key = keys.entry(root).or_insert(u64::MAX);
        *key = (*key).min(phrases.key(p));
        let list = anchors.entry(root).or_default();
        for &w in phrases.words(p) {
            let a = *anchor_of
                .entry(w)
                .or_insert_with(|| phrases.vocabulary.word(w).and_then(anchor));
            list.extend(a);
        }
    }
    (anchors, keys)
}

/// Joins each statement to its one best translation among better supported statements;
/// returns every phrase's new root.
pub(crate) fn link_translations(
    phrases: &Phrases,
    roots: &[PhraseId],
    items: &[ClusterItem<'_>],
    phrase_of: &[PhraseId],
) -> Vec<PhraseId> {
    if items.iter().all(|i| i.language.is_none()) {
        return roots.to_vec();
    }
    let statements = statements(phrases, roots, items, phrase_of);
    let links = best_partners(&statements);
    let mut sets = join_translations(
        statements
            .iter()
            .map(|s| (s.speaker.as_deref(), s.language)),
        links,
    );
    // Each statement's root phrase, then the root of the set it joined.
    let mut by_root: FxMap<PhraseId, PhraseId> = FxMap::default();
    for (i, s) in statements.iter().enumerate() {
        by_root.insert(s.root, statements[sets.find(i)].root);
    }
    roots
        .iter()
        .map(|&r| by_root.get(&r).copied().unwrap_or(r))
        .collect()
}

/// Each statement's best partner among better supported ones in other languages and the same
/// week: the one whose rare anchors shared cover the most of the two statements' anchor
/// weight. As (key, partner's key, statement, partner).
fn best_partners(statements: &[Statement<'_>]) -> Vec<(u64, u64, usize, usize)> {
    // The statements holding each anchor: a rare one says more.
    let mut holders: FxMap<u64, Vec<usize>> = FxMap::default();
    for (i, s) in statements.iter().enumerate() {
        for &a in &s.anchors {
            holders.entry(a).or_default().push(i);
        }
    }
    let n = statements.len() as f64;
    let weight = |a: &u64| (1.0 + n / holders[a].len() as f64).ln();
    let total: Vec<f64> = statements
        .iter()
        .map(|s| s.anchors.iter().map(weight).sum())
        .collect();
    let common = (statements.len() / 4).clamp(8, MAX_HOLDERS);
    let bigger = |a: &Statement<'_>, b: &Statement<'_>| {
        (b.support, std::cmp::Reverse(b.key)) > (a.support, std::cmp::Reverse(a.key))
    };
    let mut links: Vec<(u64, u64, usize, usize)> = Vec::new();
    for (i, s) in statements.iter().enumerate() {
        // The rare anchors shared, by count and by weight, with each possible partner.
        let mut shared: BTreeMap<usize, (usize, f64)> = BTreeMap::new();
        for a in s.anchors.iter().filter(|a| holders[*a].len() <= common) {
            for &j in &holders[a] {
                let t = &statements[j];
                let near = match (s.earliest, t.earliest) {
                    (Some(x), Some(y)) => x.abs_diff(y) <= WINDOW,
                    _ => true,
                };
                if t.language != s.language && near && bigger(s, t) {
                    let e = shared.entry(j).or_default();
                    e.0 += 1;
                    e.1 += weight(a);
                }
            }
        }
        let cover = |j: usize, w: f64| w / total[i].min(total[j]);
        let best = shared
            .into_iter()
            .filter(|&(j, (count, w))| count >= MIN_SHARED && cover(j, w) >= MIN_COVER)
            .max_by(|&(a, (_, wa)), &(b, (_, wb))| {
                cover(a, wa)
                    .total_cmp(&cover(b, wb))
                    .then(statements[b].key.cmp(&statements[a].key))
            });
        if let Some((j, _)) = best {
            links.push((s.key, statements[j].key, i, j));
        }
    }
    links
}

/// The links joined in an order that depends on content only, each join checked against all
/// that the two sides hold already: no two speakers named, and no language twice (two
/// statements of one language are not both the translation of a third: that is for the
/// matching within a language to tell).
pub(super) fn join_translations<'s>(
    statements: impl Iterator<Item = (Option<&'s str>, &'s str)>,
    mut links: Vec<(u64, u64, usize, usize)>,
) -> UnionFind<usize> {
    let (mut speaker, mut languages): (Vec<Option<&str>>, Vec<Vec<&str>>) =
        statements.map(|(s, l)| (s, vec![l])).unzip();
    links.sort_unstable();
    let mut sets = UnionFind::new(speaker.len());
    for (_, _, i, j) in links {
        let (a, b) = (sets.find(i), sets.find(j));
        let conflict = matches!((speaker[a], speaker[b]), (Some(x), Some(y)) if x != y);
        if a == b || conflict || languages[a].iter().any(|l| languages[b].contains(l)) {
            continue;
        }
        sets.union(a, b);
        let root = sets.find(a);
        let (other, mut held) = (a + b - root, std::mem::take(&mut languages[a + b - root]));
        languages[root].append(&mut held);
        speaker[root] = speaker[root].or(speaker[other]);
    }
    sets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{cluster, ClusterConfig};

    const ES: &str = "El Papa nunca ha pretendido ofender ni expresarse en términos homófobos \
                      en la conferencia episcopal italiana";
    const EN: &str = "The Pope never intended to offend or express himself in homophobic terms \
                      at the Italian episcopal conference";
    const DAY: i64 = 24 * 3600;

    fn pair(es: ClusterItem<'static>, en: ClusterItem<'static>) -> bool {
        let items = [en, en.in_document("b"), es];
        let c = cluster(&items, &ClusterConfig::default());
        c.cluster_of(2) == c.cluster_of(0)
    }

    #[test]
    fn a_statement_joins_its_translation_by_the_words_they_share() {
        let es = ClusterItem::new(ES)
            .in_language("es")
            .said_by("Matteo Bruni");
        let en = ClusterItem::new(EN).in_language("en").said_by("Bruni");
        assert!(pair(es, en));
        // A speaker told in one language only does not keep them apart.
        assert!(pair(ClusterItem::new(ES).in_language("es"), en));
    }

    #[test]
    fn translations_are_linked_only_where_the_evidence_is_plain() {
        let es = ClusterItem::new(ES).in_language("es").said_by("Bruni");
        let en = ClusterItem::new(EN).in_language("en").said_by("Bruni");
        // Two speakers.
        assert!(!pair(es, en.said_by("Giorgia Meloni")));
        // One language (a paraphrase within a language is not a translation).
        assert!(!pair(es.in_language("en"), en));
        // No language known.
        assert!(!pair(ClusterItem::new(ES), ClusterItem::new(EN)));
        // Printed a month apart.
        assert!(!pair(es.published_at(0), en.published_at(30 * DAY)));
        assert!(pair(es.published_at(0), en.published_at(2 * DAY)));
        // Too few words in common.
        let few = ClusterItem::new("Il ne voulait offenser personne, ni la conférence")
            .in_language("fr")
            .said_by("Bruni");
        assert!(!pair(few, en));
    }

    #[test]
    fn one_statement_is_the_translation_of_one_statement_per_language() {
        // Two Spanish statements share the Latin words of one English statement: they are not
        // both its translation, whatever the order they come in.
        let other = "La conferencia episcopal italiana se reunirá en otoño";
        let en = ClusterItem::new(EN).in_language("en").said_by("Bruni");
        let items = [
            en,
            en.in_document("b"),
            ClusterItem::new(ES).in_language("es"),
            ClusterItem::new(other).in_language("es"),
        ];
        let c = cluster(&items, &ClusterConfig::default());
        assert_ne!(c.cluster_of(2), c.cluster_of(3));
        let mut reversed = items;
        reversed.reverse();
        let r = cluster(&reversed, &ClusterConfig::default());
        for i in 0..4 {
            for j in 0..4 {
                let same = c.cluster_of(i) == c.cluster_of(j);
                assert_eq!(same, r.cluster_of(3 - i) == r.cluster_of(3 - j));
            }
        }
    }

    #[test]
    fn a_statement_without_a_speaker_does_not_join_two_speakers() {
        // Meloni's Italian words and Bruni's English words both share the Spanish statement's
        // Latin words; the Spanish one names nobody. It joins one of them, never both.
        let es = ClusterItem::new(ES).in_language("es");
        let it = ClusterItem::new(
            "Il Papa non ha mai inteso offendere o esprimersi in termini omofobi alla \
             conferenza episcopale italiana",
        )
        .in_language("it")
        .said_by("Giorgia Meloni");
        let en = ClusterItem::new(EN).in_language("en").said_by("Bruni");
        let items = [es, en, en.in_document("b"), it, it.in_document("c")];
        let c = cluster(&items, &ClusterConfig::default());
        assert_ne!(c.cluster_of(1), c.cluster_of(3));
    }

    #[test]
    fn anchors_survive_the_change_of_endings_and_accents() {
        assert_eq!(anchor("episcopale"), anchor("episcopal"));
        assert_eq!(anchor("énergie"), anchor("energy"));
        assert_eq!(anchor("2024"), anchor("2024"));
        assert_ne!(anchor("2024"), anchor("2023"));
        assert_eq!(anchor("club"), None, "a short word is no evidence");
        assert_eq!(speaker_key("Jürgen Klopp"), speaker_key("Klopp"));
        assert_eq!(speaker_key("Jurgen Klopp"), "klopp");
    }
}

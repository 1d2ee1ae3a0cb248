//! How a quotation's wording drifted from the statement's canonical wording: a word-level
//! alignment whose differences are classified the way an editor would name them.
//!
//! Words are the text's whitespace-separated pieces, with their punctuation (`DONE!`, `“Let’s`),
//! compared on a key that ignores case, punctuation and apostrophes; what the key ignores becomes
//! a `case` or `punctuation` edit of its own.

use std::ops::Range;

use itertools::Itertools;
use serde::{Deserialize, Serialize};

use crate::text::spelling::{typo_shaped, Shape};

/// What kind of change an [`Edit`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EditKind {
    /// Only letter case differs: `DONE` → `done`.
    Case,
    /// Only punctuation, quote marks or apostrophes differ: `Let’s` → `Lets`, `!` → `.`.
    Punctuation,
    /// A small change of spelling within a word: `Zelenskyy` → `Zelensky`.
    Spelling,
    /// Another form of the same word, by the stemmer of the statement's language:
    /// `apologies` → `apology`, `resigning` → `resigned`.
    Inflection,
    /// A different word.
    Substitution,
    /// Words added.
    Insertion,
    /// Words dropped inside the statement.
    Omission,
    /// Words missing at the start or end: the quotation is a fragment.
    Truncation,
    /// Words left out and marked by an ellipsis (`…`, `...`).
    Ellipsis,
    /// A longer stretch left out without a mark: two parts joined.
    Splice,
    /// The whole wording is in another language than the canonical one (the edit names both
    /// languages): not aligned word by word.
    Translation,
    /// The wording shares too few words with the canonical one to align: reworded as a whole,
    /// not a chain of substitutions.
    Paraphrase,
}

/// One change from the canonical wording to a variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Edit {
    /// What kind of change.
    pub kind: EditKind,
    /// The words of the canonical wording it concerns, as word indices (empty for an insertion:
    /// the words are added before the word at `canonical.start`).
    pub canonical: Range<usize>,
    /// Those canonical words, as written.
    pub canonical_text: String,
    /// What the variant has in their place, as written (empty when they are gone).
    pub variant_text: String,
    /// For a [`EditKind::Translation`]: the canonical wording's language (ISO 639-1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_language: Option<String>,
    /// For a [`EditKind::Translation`]: the variant's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_language: Option<String>,
}

impl Edit {
    fn new(
        kind: EditKind,
        canonical: Range<usize>,
        canonical_text: String,
        variant_text: String,
    ) -> Self {
        Edit {
            kind,
            canonical,
            canonical_text,
            variant_text,
            canonical_language: None,
            variant_language: None,
        }
    }
}

/// The drift of one variant from the canonical wording.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Drift {
    /// The changes, in the order of the canonical wording.
    pub edits: Vec<Edit>,
    /// How far the variant drifted: 0 for an identical wording. The edits' weights per
    /// canonical word: case 0.1, punctuation 0.05, spelling 0.3, a word substituted, added or
    /// dropped 1, an ellipsis 0.2, a splice 0.5 and a truncated word 0.1 — so a faithful
    /// fragment drifts little and a reworded one much.
    pub score: f64,
}

impl Drift {
    /// Whether the variant was found to say the statement in other words as a whole (one
    /// [`EditKind::Paraphrase`] edit).
    pub(crate) fn is_paraphrase(&self) -> bool {
        matches!(self.edits.as_slice(), [e] if e.kind == EditKind::Paraphrase)
    }

    /// The variant's words, rebuilt by applying the edits to the canonical wording's words.
    ///
    /// ```
    /// use quotetrace::{drift, words};
    ///
    /// let canonical = "Lets get the Peace Deal DONE!";
    /// let variant = "Let’s get the peace deal done";
    /// assert_eq!(drift(canonical, variant).apply(canonical), words(variant));
    /// ```
    pub fn apply<'a>(&'a self, canonical: &'a str) -> Vec<&'a str> {
        let source = words(canonical);
        let mut out = Vec::with_capacity(source.len());
        let mut at = 0;
        for edit in &self.edits {
            let start = edit.canonical.start.min(source.len());
            out.extend(source.get(at..start).unwrap_or(&[]));
            out.extend(words(&edit.variant_text));
            at = at.max(edit.canonical.end.min(source.len()));
        }
        out.extend(source.get(at..).unwrap_or(&[]));
        out
    }
}

/// The words of `text` as [`drift`] sees them: its whitespace-separated pieces.
pub fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// How `variant` drifted from `canonical`, edit by edit.
///
/// ```
/// use quotetrace::{drift, EditKind};
///
/// let canonical = "I am not happy with the Russian strikes on KYIV. Vladimir, STOP! \
///                  Lets get the Peace Deal DONE!";
/// let d = drift(canonical, "I am not happy with the Russian strikes on Kyiv");
/// let kinds: Vec<EditKind> = d.edits.iter().map(|e| e.kind).collect();
/// assert_eq!(kinds, [EditKind::Case, EditKind::Truncation]);
///
/// let d = drift(canonical, "I am not happy ... Vladimir, STOP!");
/// assert!(d.edits.iter().any(|e| e.kind == EditKind::Ellipsis));
/// ```
pub fn drift(canonical: &str, variant: &str) -> Drift {
    drift_in(canonical, variant, None)
}

/// [`drift`], telling inflections apart by the stemmer of `language` (ISO 639-1).
pub(crate) fn drift_in(canonical: &str, variant: &str, language: Option<&str>) -> Drift {
    let word = |w| Word::new(w, language);
    let c: Vec<Word<'_>> = words(canonical).into_iter().map(word).collect();
    let v: Vec<Word<'_>> = words(variant).into_iter().map(word).collect();
    if c.len().saturating_mul(v.len()) > MAX_CELLS {
        return wholesale(&c, &v);
    }
    let steps = align(&c, &v);
    // Fewer than half the variant's words align with the same (or a misspelt) word: it says
    // the statement in other words, and a list of substitutions would only be noise.
    let kept = steps
        .iter()
        .filter(|s| matches!(s, Step::Pair(i, j) if pair_cost(&c[*i], &v[*j]) < 1.0))
        .count();
    if v.len() >= 2 && 2 * kept < v.len() {
        return whole(EditKind::Paraphrase, &c, &v);
    }
    let edits = classify(&c, &v, &steps);
    // `+ 0.0`: an empty sum of floats is -0.0.
    let weight: f64 = edits.iter().map(weight).sum::<f64>() + 0.0;
    Drift {
        score: weight / c.len().max(1) as f64,
        edits,
    }
}

/// The largest alignment computed word by word (about 2,000 words against 2,000): quotations are
/// far shorter, and a text beyond it is compared as one substitution so that the cost stays
/// bounded whatever the input.
const MAX_CELLS: usize = 4_000_000;

/// The drift of a variant in another language than the canonical wording: one edit of kind
/// [`EditKind::Translation`] naming both languages.
pub(crate) fn translation(canonical: &str, variant: &str, languages: (&str, &str)) -> Drift {
    let c: Vec<Word<'_>> = words(canonical)
        .into_iter()
        .map(|w| Word::new(w, None))
        .collect();
    let v: Vec<Word<'_>> = words(variant)
        .into_iter()
        .map(|w| Word::new(w, None))
        .collect();
    let mut d = whole(EditKind::Translation, &c, &v);
    for e in &mut d.edits {
        e.canonical_language = Some(languages.0.to_string());
        e.variant_language = Some(languages.1.to_string());
    }
    d
}

/// One edit of `kind` over the whole of both wordings.
fn whole(kind: EditKind, c: &[Word<'_>], v: &[Word<'_>]) -> Drift {
    let edits = vec![Edit::new(kind, 0..c.len(), join(c), join(v))];
    Drift {
        score: edits.iter().map(weight).sum::<f64>() / c.len().max(1) as f64,
        edits,
    }
}

fn wholesale(c: &[Word<'_>], v: &[Word<'_>]) -> Drift {
    let same = c.len() == v.len() && c.iter().zip(v).all(|(a, b)| a.surface == b.surface);
    let edits = if same {
        Vec::new()
    } else {
        vec![Edit::new(
            EditKind::Substitution,
            0..c.len(),
            join(c),
            join(v),
        )]
    };
    let score = if same { 0.0 } else { 1.0 };
    Drift { edits, score }
}

/// A word with its matching key: letters and digits in lower case.
#[derive(Debug)]
struct Word<'a> {
    surface: &'a str,
    key: String,
    /// A hash of the key, compared before the key itself.
    hash: u64,
    /// What the typo rule needs to know of the key.
    shape: Shape,
    ellipsis: bool,
    /// The key's stem in the statement's language, 0 for none.
    stem: u64,
}

impl<'a> Word<'a> {
    fn new(surface: &'a str, language: Option<&str>) -> Self {
        let key: String = surface
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        let ellipsis = key.is_empty() && (surface.contains('…') || surface.contains("..."));
        let hash = crate::text::hash::word_hash(&key);
        let stem = language
            .and_then(|l| crate::text::stem::stem(l, &key))
            .unwrap_or(0);
        Word {
            surface,
            stem,
            shape: Shape::of(&key),
            hash,
            key,
            ellipsis,
        }
    }

    fn same(&self, other: &Word<'_>) -> bool {
        self.hash == other.hash && self.key == other.key
    }
}

/// One step of the alignment.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// Canonical word `i` and variant word `j` stand for each other.
    Pair(usize, usize),
    /// Canonical word `i` is gone.
    Gone(usize),
    /// Variant word `j` is new.
    New(usize),
    /// Variant word `j`, an ellipsis, stands for canonical words `range`.
    Ellipsis(Range<usize>, usize),
}

const SPELLING: f64 = 0.3;
/// Aligning a fragment: what leaving out the beginning, or the end, of the canonical wording
/// costs.
const CUT: f64 = 0.5;
/// Leaving out a run of words inside the statement, unmarked: one price whatever its length, so
/// that two joined parts align as such.
const SPLICE: f64 = 1.5;
const TRUNCATED: f64 = 0.1;

fn pair_cost(a: &Word<'_>, b: &Word<'_>) -> f64 {
    if a.same(b) {
        0.0
    } else if near(a, b) || inflected(a, b) {
        SPELLING
    } else {
        1.0
    }
}

/// Whether two different words are forms of one.
fn inflected(a: &Word<'_>, b: &Word<'_>) -> bool {
    a.stem != 0 && a.stem == b.stem
}

fn near(a: &Word<'_>, b: &Word<'_>) -> bool {
    typo_shaped(&a.key, a.shape, &b.key, b.shape)
}

/// The cheapest alignment of the two wordings: words missing at either end of the canonical one
/// cost little (a fragment), an ellipsis in the variant stands for any run of canonical words.
fn align(c: &[Word<'_>], v: &[Word<'_>]) -> Vec<Step> {
    let (n, m) = (c.len(), v.len());
    let width = m + 1;
    let mut cost = vec![f64::INFINITY; (n + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    // Starting later in the canonical wording costs one price whatever the length, so that a
    // fragment aligns where its words are, not where starting is cheapest.
    for i in 1..=n {
        cost[at(i, 0)] = CUT;
    }
    cost[at(0, 0)] = 0.0;
    for j in 1..=m {
        // The cheapest cell of column j - 1 so far, for an ellipsis's free skip, and of column
        // j above row i, for a splice.
        let mut skip = f64::INFINITY;
        let mut above = f64::INFINITY;
        for i in 0..=n {
            skip = skip.min(cost[at(i, j - 1)]);
            let mut best = cost[at(i, j - 1)] + 1.0;
            if v[j - 1].ellipsis {
                best = best.min(skip);
            }
            if i > 0 {
                best = best
                    .min(cost[at(i - 1, j - 1)] + pair_cost(&c[i - 1], &v[j - 1]))
                    .min(cost[at(i - 1, j)] + 1.0);
                // A splice joins two parts: after the last word it would be a truncation.
                if j < m {
                    best = best.min(above + SPLICE);
                }
                above = above.min(cost[at(i - 1, j)]);
            }
            cost[at(i, j)] = best;
        }
    }
    // Words missing at the end of the canonical wording cost as little as at the start.
    let ending = |i: usize| cost[at(i, m)] + if i < n { CUT } else { 0.0 };
    let end = (0..=n)
        .min_by(|&a, &b| ending(a).total_cmp(&ending(b)).then(b.cmp(&a)))
        .unwrap_or(n);
    let mut steps: Vec<Step> = (end..n).rev().map(Step::Gone).collect();
    let (mut i, mut j) = (end, m);
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    while j > 0 {
        let here = cost[at(i, j)];
        if i > 0
            && close(
                here,
                cost[at(i - 1, j - 1)] + pair_cost(&c[i - 1], &v[j - 1]),
            )
        {
            steps.push(Step::Pair(i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if i > 0 && close(here, cost[at(i - 1, j)] + 1.0) {
            steps.push(Step::Gone(i - 1));
            i -= 1;
        } else if close(here, cost[at(i, j - 1)] + 1.0) {
            steps.push(Step::New(j - 1));
            j -= 1;
        } else if let Some(from) = (0..i.saturating_sub(1))
            .rev()
            .find(|&k| j < m && close(here, cost[at(k, j)] + SPLICE))
        {
            steps.extend((from..i).rev().map(Step::Gone));
            i = from;
        } else if v[j - 1].ellipsis {
            // An ellipsis: it skipped from the row where the cost it carries was reached.
            let from = (0..=i)
                .rev()
                .find(|&k| close(here, cost[at(k, j - 1)]))
                .unwrap_or(i);
            steps.push(Step::Ellipsis(from..i, j - 1));
            i = from;
            j -= 1;
        } else {
            // Unreachable for exact costs; rounding can only make the insertion the choice.
            steps.push(Step::New(j - 1));
            j -= 1;
        }
    }
    steps.extend((0..i).rev().map(Step::Gone));
    steps.reverse();
    steps
}

fn join(ws: &[Word<'_>]) -> String {
    ws.iter().map(|w| w.surface).join(" ")
}

/// Names the differences along the alignment.
fn classify(c: &[Word<'_>], v: &[Word<'_>], steps: &[Step]) -> Vec<Edit> {
    let first_kept = steps.iter().position(|s| !matches!(s, Step::Gone(_)));
    let last_kept = steps.iter().rposition(|s| !matches!(s, Step::Gone(_)));
    let mut edits = Vec::new();
    let mut k = 0;
    while k < steps.len() {
        match &steps[k] {
            Step::Pair(i, j) => {
                let (a, b) = (&c[*i], &v[*j]);
                if a.surface != b.surface {
                    edits.push(Edit::new(
                        pair_kind(a, b),
                        *i..i + 1,
                        a.surface.to_string(),
                        b.surface.to_string(),
                    ));
                }
                k += 1;
            }
            Step::Gone(i) => {
                let run = steps[k..]
                    .iter()
                    .take_while(|s| matches!(s, Step::Gone(_)))
                    .count();
                let range = *i..i + run;
                let at_edge =
                    first_kept.map_or(true, |f| k < f) || last_kept.map_or(true, |l| k > l);
                let kind = if at_edge {
                    EditKind::Truncation
                } else if run >= 4 {
                    EditKind::Splice
                } else {
                    EditKind::Omission
                };
                let text = join(&c[range.clone()]);
                edits.push(Edit::new(kind, range, text, String::new()));
                k += run;
            }
            Step::New(j) => {
                let run = steps[k..]
                    .iter()
                    .take_while(|s| matches!(s, Step::New(_)))
                    .count();
                let before = steps[k..]
                    .iter()
                    .find_map(|s| match s {
                        Step::Pair(i, _) | Step::Gone(i) => Some(*i),
                        Step::Ellipsis(r, _) => Some(r.start),
                        Step::New(_) => None,
                    })
                    .unwrap_or(c.len());
                let kind = if v[*j..j + run].iter().all(|w| w.key.is_empty()) {
                    EditKind::Punctuation
                } else {
                    EditKind::Insertion
                };
                edits.push(Edit::new(
                    kind,
                    before..before,
                    String::new(),
                    join(&v[*j..j + run]),
                ));
                k += run;
            }
            Step::Ellipsis(range, j) => {
                edits.push(Edit::new(
                    EditKind::Ellipsis,
                    range.clone(),
                    join(&c[range.clone()]),
                    v[*j].surface.to_string(),
                ));
                k += 1;
            }
        }
    }
    edits
}

fn pair_kind(a: &Word<'_>, b: &Word<'_>) -> EditKind {
    if a.same(b) {
        let letters = |w: &Word<'_>| -> String {
            w.surface.chars().filter(|c| c.is_alphanumeric()).collect()
        };
        if letters(a) != letters(b) {
            EditKind::Case
        } else {
            EditKind::Punctuation
        }
    } else if inflected(a, b) {
        EditKind::Inflection
    } else if near(a, b) {
        EditKind::Spelling
    } else {
        EditKind::Substitution
    }
}

fn weight(edit: &Edit) -> f64 {
    let canonical_words = edit.canonical.len() as f64;
    let variant_words = words(&edit.variant_text).len() as f64;
    match edit.kind {
        EditKind::Case => 0.1,
        EditKind::Punctuation => 0.05,
        EditKind::Spelling | EditKind::Inflection => SPELLING,
        EditKind::Substitution => 1.0,
        EditKind::Insertion => variant_words,
        EditKind::Omission => canonical_words,
        EditKind::Truncation => canonical_words * TRUNCATED,
        EditKind::Ellipsis => 0.2,
        EditKind::Splice => 0.5,
        // The whole wording changed: as far as a wording can drift.
        EditKind::Translation | EditKind::Paraphrase => canonical_words.max(1.0),
    }
}

#[cfg(test)]
mod tests;

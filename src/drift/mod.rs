//! How a quotation's wording drifted from the statement's canonical wording: a word-level
//! alignment whose differences are classified the way an editor would name them.
//!
//! Words are the text's whitespace-separated pieces, with their punctuation (`DONE!`, `“Let’s`),
//! compared on a key that ignores case, punctuation and apostrophes; what the key ignores becomes
//! a `case` or `punctuation` edit of its own.

use std::ops::Range;

mod align;
mod classify;

use align::{align, pair_cost, Step, Word};
use classify::{classify, join, weight};
use serde::{Deserialize, Serialize};

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

impl EditKind {
    /// The kind in a word or two, for people: `case`, `words dropped`, `translation`.
    ///
    /// ```
    /// use quotetrace::EditKind;
    /// assert_eq!(EditKind::Omission.describe(), "words dropped");
    /// assert_eq!(EditKind::Case.to_string(), "case");
    /// ```
    pub fn describe(self) -> &'static str {
        match self {
            EditKind::Case => "case",
            EditKind::Punctuation => "punctuation",
            EditKind::Spelling => "spelling",
            EditKind::Inflection => "inflection",
            EditKind::Substitution => "word changed",
            EditKind::Insertion => "words added",
            EditKind::Omission => "words dropped",
            EditKind::Truncation => "cut",
            EditKind::Ellipsis => "ellipsis",
            EditKind::Splice => "spliced",
            EditKind::Translation => "translation",
            EditKind::Paraphrase => "paraphrase",
        }
    }
}

/// [`EditKind::describe`].
impl std::fmt::Display for EditKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.describe())
    }
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
    /// use quotetrace::drift::{drift, words};
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

#[cfg(test)]
mod tests;

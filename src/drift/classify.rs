//! Naming the differences along an alignment, as an editor would, and weighing them.

use itertools::Itertools;

use super::align::{inflected, near, Step, Word, SPELLING, TRUNCATED};
use super::{words, Edit, EditKind};

pub(super) fn join(ws: &[Word<'_>]) -> String {
    ws.iter().map(|w| w.surface).join(" ")
}

/// Names the differences along the alignment.
pub(super) fn classify(c: &[Word<'_>], v: &[Word<'_>], steps: &[Step]) -> Vec<Edit> {
    let first_kept = steps.iter().position(|s| !matches!(s, Step::Gone(_)));
    let last_kept = steps.iter().rposition(|s| !matches!(s, Step::Gone(_)));
    let mut edits = Vec::new();
    let mut k = 0;
    while k < steps.len() {
        let (edit, taken) = match &steps[k] {
            Step::Pair(i, j) => {
                let (a, b) = (&c[*i], &v[*j]);
                let edit = (a.surface != b.surface).then(|| {
                    let (canonical, variant) = (a.surface.to_string(), b.surface.to_string());
                    Edit::new(pair_kind(a, b), *i..i + 1, canonical, variant)
                });
                (edit, 1)
            }
            Step::Gone(i) => {
                let run = run_of(&steps[k..], |s| matches!(s, Step::Gone(_)));
                let at_edge = first_kept.is_none_or(|f| k < f) || last_kept.is_none_or(|l| k > l);
                (Some(gone(c, *i..i + run, at_edge)), run)
            }
            Step::New(j) => {
                let run = run_of(&steps[k..], |s| matches!(s, Step::New(_)));
                // The canonical word the new ones stand before.
                let before = steps[k..]
                    .iter()
                    .find_map(|s| match s {
                        Step::Pair(i, _) | Step::Gone(i) => Some(*i),
                        Step::Ellipsis(r, _) => Some(r.start),
                        Step::New(_) => None,
                    })
                    .unwrap_or(c.len());
                (Some(new(&v[*j..j + run], before)), run)
            }
            Step::Ellipsis(range, j) => {
                let canonical = join(&c[range.clone()]);
                let edit = Edit::new(
                    EditKind::Ellipsis,
                    range.clone(),
                    canonical,
                    v[*j].surface.to_string(),
                );
                (Some(edit), 1)
            }
        };
        edits.extend(edit);
        k += taken;
    }
    edits
}

/// How many steps from the first are of the kind `is` accepts.
fn run_of(steps: &[Step], is: impl Fn(&Step) -> bool) -> usize {
    steps.iter().take_while(|s| is(s)).count()
}

/// Canonical words `range` left out: cut at either end (`at_edge`), a long run inside spliced
/// out, a short one omitted.
fn gone(c: &[Word<'_>], range: std::ops::Range<usize>, at_edge: bool) -> Edit {
    let kind = if at_edge {
        EditKind::Truncation
    } else if range.len() >= 4 {
        EditKind::Splice
    } else {
        EditKind::Omission
    };
    let text = join(&c[range.clone()]);
    Edit::new(kind, range, text, String::new())
}

/// Variant words `added`, new before canonical word `before`: marks alone are punctuation.
fn new(added: &[Word<'_>], before: usize) -> Edit {
    let kind = if added.iter().all(|w| w.key.is_empty()) {
        EditKind::Punctuation
    } else {
        EditKind::Insertion
    };
    Edit::new(kind, before..before, String::new(), join(added))
}

pub(super) fn pair_kind(a: &Word<'_>, b: &Word<'_>) -> EditKind {
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

pub(super) fn weight(edit: &Edit) -> f64 {
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

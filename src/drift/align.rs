//! The word-by-word alignment of a variant with the canonical wording: what each word costs,
//! and the cheapest way to turn one into the other.

use std::ops::Range;

use crate::text::spelling::{typo_shaped, Shape};

/// A word with its matching key: letters and digits in lower case.
#[derive(Debug)]
pub(super) struct Word<'a> {
    pub(super) surface: &'a str,
    pub(super) key: String,
    /// A hash of the key, compared before the key itself.
    pub(super) hash: u64,
    /// What the typo rule needs to know of the key.
    pub(super) shape: Shape,
    pub(super) ellipsis: bool,
    /// The key's stem in the statement's language, 0 for none.
    pub(super) stem: u64,
}

impl<'a> Word<'a> {
    pub(super) fn new(surface: &'a str, language: Option<&str>) -> Self {
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

    pub(super) fn same(&self, other: &Word<'_>) -> bool {
        self.hash == other.hash && self.key == other.key
    }
}

/// One step of the alignment.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Step {
    /// Canonical word `i` and variant word `j` stand for each other.
    Pair(usize, usize),
    /// Canonical word `i` is gone.
    Gone(usize),
    /// Variant word `j` is new.
    New(usize),
    /// Variant word `j`, an ellipsis, stands for canonical words `range`.
    Ellipsis(Range<usize>, usize),
}

pub(super) const SPELLING: f64 = 0.3;
/// Aligning a fragment: what leaving out the beginning, or the end, of the canonical wording
/// costs.
pub(super) const CUT: f64 = 0.5;
/// Leaving out a run of words inside the statement, unmarked: one price whatever its length, so
/// that two joined parts align as such.
pub(super) const SPLICE: f64 = 1.5;
pub(super) const TRUNCATED: f64 = 0.1;

pub(super) fn pair_cost(a: &Word<'_>, b: &Word<'_>) -> f64 {
    if a.same(b) {
        0.0
    } else if near(a, b) || inflected(a, b) {
        SPELLING
    } else {
        1.0
    }
}

/// Whether two different words are forms of one.
pub(super) fn inflected(a: &Word<'_>, b: &Word<'_>) -> bool {
    a.stem != 0 && a.stem == b.stem
}

pub(super) fn near(a: &Word<'_>, b: &Word<'_>) -> bool {
    typo_shaped(&a.key, a.shape, &b.key, b.shape)
}

/// The cheapest alignment of the two wordings: words missing at either end of the canonical one
/// cost little (a fragment), an ellipsis in the variant stands for any run of canonical words.
pub(super) fn align(c: &[Word<'_>], v: &[Word<'_>]) -> Vec<Step> {
    let table = Costs::fill(c, v);
    table.trace_back(c, v)
}

/// The cost of the cheapest alignment of each prefix of the canonical wording (rows) with each
/// prefix of the variant (columns).
struct Costs {
    cost: Vec<f64>,
    width: usize,
}

impl Costs {
    fn at(&self, i: usize, j: usize) -> f64 {
        self.cost[i * self.width + j]
    }

    fn fill(c: &[Word<'_>], v: &[Word<'_>]) -> Costs {
        let (n, m) = (c.len(), v.len());
        let width = m + 1;
        let mut cost = vec![f64::INFINITY; (n + 1) * width];
        let at = |i: usize, j: usize| i * width + j;
        // Starting later in the canonical wording costs one price whatever the length, so that
        // a fragment aligns where its words are, not where starting is cheapest.
        for i in 1..=n {
            cost[at(i, 0)] = CUT;
        }
        cost[at(0, 0)] = 0.0;
        for j in 1..=m {
            // The cheapest cell of column j - 1 so far, for an ellipsis's free skip, and of
            // column j above row i, for a splice.
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
        Costs { cost, width }
    }

    /// The steps of the cheapest alignment, read back from the last column.
    fn trace_back(&self, c: &[Word<'_>], v: &[Word<'_>]) -> Vec<Step> {
        let (n, m) = (c.len(), v.len());
        // Words missing at the end of the canonical wording cost as little as at the start.
        let ending = |i: usize| self.at(i, m) + if i < n { CUT } else { 0.0 };
        let end = (0..=n)
            .min_by(|&a, &b| ending(a).total_cmp(&ending(b)).then(b.cmp(&a)))
            .unwrap_or(n);
        let mut steps: Vec<Step> = (end..n).rev().map(Step::Gone).collect();
        let (mut i, mut j) = (end, m);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        while j > 0 {
            let here = self.at(i, j);
            if i > 0
                && close(
                    here,
                    self.at(i - 1, j - 1) + pair_cost(&c[i - 1], &v[j - 1]),
                )
            {
                steps.push(Step::Pair(i - 1, j - 1));
                i -= 1;
                j -= 1;
            } else if i > 0 && close(here, self.at(i - 1, j) + 1.0) {
                steps.push(Step::Gone(i - 1));
                i -= 1;
            } else if close(here, self.at(i, j - 1) + 1.0) {
                steps.push(Step::New(j - 1));
                j -= 1;
            } else if let Some(from) = (0..i.saturating_sub(1))
                .rev()
                .find(|&k| j < m && close(here, self.at(k, j) + SPLICE))
            {
                steps.extend((from..i).rev().map(Step::Gone));
                i = from;
            } else if v[j - 1].ellipsis {
                // An ellipsis: it skipped from the row where the cost it carries was reached.
                let from = (0..=i)
                    .rev()
                    .find(|&k| close(here, self.at(k, j - 1)))
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
}

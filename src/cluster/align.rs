//! Word-level alignment of two quotations in matching form: how near-identical two wordings are,
//! and how well a short one fits inside a longer one.
//!
//! Words are compared as interned ids; two different words cost a full edit unless they are
//! spellings of one word (`zelenskyy`/`zelensky`, `soliders`/`soldiers`), which cost
//! [`ClusterConfig::typo_cost`](super::ClusterConfig).

use std::cell::RefCell;

/// The words of the vocabulary, for the spelling comparison of two different ids.
pub(crate) trait Spelling {
    /// Whether words `a` and `b` (different ids) are one word spelled two ways.
    fn near(&self, a: u32, b: u32) -> bool;
}

/// Costs of the alignment.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Costs {
    pub(crate) typo: f64,
    /// The id of the ellipsis word, which in a fragment stands for any run of words.
    pub(crate) ellipsis: Option<u32>,
    pub(crate) typos: Typos,
    /// The least score worth knowing exactly: an alignment that can no longer reach it stops
    /// and scores 0. The cost of the cheapest cell of a row never falls in the rows after it,
    /// so once it is past what the score allows, no alignment left can reach it; a pair that
    /// is no relation at all (most of those the index proposes but do not link) is then
    /// settled in its first rows. `-∞` (the default): every score exact.
    pub(crate) floor: f64,
}

/// Which different words count as spelling variants. Comparing spellings is the costly part
/// of an alignment, so a decision first tries the two bounds that need none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Typos {
    /// Compare the spellings.
    Check,
    /// No two different words are spellings of one (a lower bound of the score).
    Never,
    /// Any two different words are (an upper bound).
    Always,
}

impl Costs {
    pub(crate) fn new(typo: f64, ellipsis: Option<u32>) -> Self {
        Costs {
            typo,
            ellipsis,
            typos: Typos::Check,
            floor: f64::NEG_INFINITY,
        }
    }

    fn with(self, typos: Typos) -> Self {
        Costs { typos, ..self }
    }

    /// With [`Costs::floor`] set.
    fn at_least(self, floor: f64) -> Self {
        Costs { floor, ..self }
    }

    /// Whether a score of 1 − `cost` / `length` is below the floor: a cost that only grows
    /// from here can then no longer reach it.
    fn beyond(self, cost: f64, length: usize) -> bool {
        1.0 - cost / (length as f64) < self.floor
    }
}

/// The lesser of two costs. `f64::min` answers for NaN too, at several instructions a call;
/// no cost here is NaN (nor −0), and this is one instruction in the alignments' inner loops,
/// which call it several times a cell: clustering 200,000 synthetic quotations took a sixth
/// fewer instructions with it.
#[inline(always)]
fn min2(a: f64, b: f64) -> f64 {
    if b < a {
        b
    } else {
        a
    }
}

/// The least of three costs ([`min2`]).
#[inline(always)]
fn min3(a: f64, b: f64, c: f64) -> f64 {
    min2(min2(a, b), c)
}

fn substitution(a: u32, b: u32, costs: Costs, words: &impl Spelling) -> f64 {
    if a == b {
        return 0.0;
    }
    let near = match costs.typos {
        Typos::Never => false,
        Typos::Always => true,
        Typos::Check => words.near(a, b),
    };
    if near {
        costs.typo
    } else {
        1.0
    }
}

/// Whether `score` reaches `threshold`, comparing spellings only when the bounds without
/// comparing them do not decide.
pub(crate) fn reaches(threshold: f64, costs: Costs, score: impl Fn(Costs) -> f64) -> Option<f64> {
    let costs = costs.at_least(threshold);
    let low = score(costs.with(Typos::Never));
    if low >= threshold {
        return Some(low);
    }
    if score(costs.with(Typos::Always)) < threshold {
        return None;
    }
    let exact = score(costs.with(Typos::Check));
    (exact >= threshold).then_some(exact)
}

/// A lower bound of [`similarity`] read off the common beginning and end of two wordings: the
/// words between cost at most one edit each. Most variants differ in one place only (a typo, a
/// word dropped or changed), and this settles them without an alignment.
pub(crate) fn edit_bound(a: &[u32], b: &[u32]) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    1.0 - edit_cost_bound(a, b) as f64 / longest as f64
}

/// A lower bound of [`containment`] read off the places where `part`'s first or last word
/// stands in `whole`, two ways: laid there word against word, each word that differs costs at
/// most one edit; and as the stretch from a place of its first word to a place of its last, the
/// words between their common beginning and end cost at most one edit each (a word dropped or
/// added inside, as [`edit_bound`] reads two wordings). Most fragments are cut from their
/// statement as printed, or with a word or two changed, dropped or added, and this settles
/// them without an alignment. 0 when `part` holds an ellipsis (whose pieces [`containment`]
/// fits one by one) or is empty.
pub(crate) fn fit_bound(part: &[u32], whole: &[u32], ellipsis: Option<u32>) -> f64 {
    let (Some(&first), Some(&last)) = (part.first(), part.last()) else {
        return 0.0;
    };
    if part.len() > whole.len() || ellipsis.is_some_and(|e| part.contains(&e)) {
        return 0.0;
    }
    let n = part.len();
    let mismatches = |offset: usize| {
        part.iter()
            .zip(&whole[offset..])
            .filter(|(a, b)| a != b)
            .count()
    };
    let span = n - 1;
    let laid = whole[..whole.len() - span]
        .iter()
        .zip(&whole[span..])
        .enumerate()
        .filter(|(_, (&w, &v))| w == first || v == last)
        .map(|(offset, _)| mismatches(offset));
    // Stretches a quarter longer or shorter than `part` at most: a bound from a stretch whose
    // length differs more is below any threshold.
    let slack = n / 4;
    let stretched = whole
        .iter()
        .enumerate()
        .filter(|(_, &w)| w == first)
        .flat_map(|(start, _)| {
            let ends = start + n.saturating_sub(slack + 1)..(start + n + slack).min(whole.len());
            ends.filter(|&end| whole[end] == last)
                .map(move |end| edit_cost_bound(part, &whole[start..=end]))
        });
    laid.chain(stretched)
        .min()
        .map_or(0.0, |cost| 1.0 - cost as f64 / n as f64)
}

/// How many edits at most turn `a` into `b`: the words between their common beginning and end
/// (the more of the two), one edit each.
fn edit_cost_bound(a: &[u32], b: &[u32]) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    (a.len() - prefix - suffix).max(b.len() - prefix - suffix)
}

/// The largest table of runs [`longest_shared_run`] fills (2,000 words against 2,000, as for
/// drift): quotations are far shorter, and two longer texts are not compared.
const MAX_RUN_CELLS: usize = 4_000_000;

/// The length of the longest run of words `a` and `b` share, word for word, in the same
/// order (the ellipsis word, which stands for words left out, ends a run); 0 for texts too
/// long to compare.
pub(crate) fn longest_shared_run(a: &[u32], b: &[u32], ellipsis: Option<u32>) -> usize {
    if a.len().saturating_mul(b.len()) > MAX_RUN_CELLS {
        return 0;
    }
    // One row of the table of runs ending at each pair of positions.
    let mut row = vec![0usize; b.len() + 1];
    let mut best = 0;
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y && Some(x) != ellipsis {
                diagonal + 1
            } else {
                0
            };
            best = best.max(row[j + 1]);
            diagonal = above;
        }
    }
    best
}

/// Similarity of two whole wordings: 1 − (weighted edit distance) / (longer length). Only
/// alignments within a band around the diagonal are considered, which is exact whenever the
/// similarity is high enough to matter.
pub(crate) fn similarity(a: &[u32], b: &[u32], costs: Costs, words: &impl Spelling) -> f64 {
    let (n, m) = (a.len(), b.len());
    let longest = n.max(m);
    if longest == 0 {
        return 1.0;
    }
    let band = n.abs_diff(m) + 3;
    // Two rows in one allocation; cells outside the band are infinite.
    let mut rows = vec![f64::INFINITY; 2 * (m + 1)];
    let (mut prev, mut row) = rows.split_at_mut(m + 1);
    for (j, cell) in prev.iter_mut().enumerate().take(band.min(m) + 1) {
        *cell = j as f64;
    }
    for i in 1..=n {
        let lo = i.saturating_sub(band).max(1);
        let hi = (i + band).min(m);
        // The cell before the band: the first column while the band touches it, else out of
        // the band. Cells past the band were never written. Only the band is filled, not the
        // whole row (a fifth of the row for two twenty-word wordings).
        row[lo - 1] = if i <= band { i as f64 } else { f64::INFINITY };
        let mut cheapest = row[lo - 1];
        for j in lo..=hi {
            let diagonal = prev[j - 1] + substitution(a[i - 1], b[j - 1], costs, words);
            row[j] = min3(diagonal, prev[j] + 1.0, row[j - 1] + 1.0);
            cheapest = min2(cheapest, row[j]);
        }
        if costs.beyond(cheapest, longest) {
            return 0.0;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    1.0 - prev[m] / longest as f64
}

/// How well `part` fits inside `whole`: 1 − (cost of aligning all of `part` to some stretch of
/// `whole`) / (length of `part`). Words of `whole` skipped inside the stretch cost a full edit,
/// so the fit must be (nearly) contiguous; an ellipsis in `part` skips any run of `whole` for
/// free, so `I am not happy … STOP` fits a post with the words between left out.
pub(crate) fn containment(part: &[u32], whole: &[u32], costs: Costs, words: &impl Spelling) -> f64 {
    let in_order = fit(part, whole, costs, words);
    let Some(ellipsis) = costs.ellipsis.filter(|e| part.contains(e)) else {
        return in_order;
    };
    // The pieces around an ellipsis must occur in order: fitting them in order may cost
    // nothing more than fitting each where it fits best.
    let (mut cost, mut counted) = (0.0, 0usize);
    let exact = costs.at_least(f64::NEG_INFINITY);
    for piece in part.split(|&w| w == ellipsis).filter(|p| !p.is_empty()) {
        cost += (1.0 - fit(piece, whole, exact, words)) * piece.len() as f64;
        counted += piece.len();
    }
    let independent = 1.0 - cost / counted.max(1) as f64;
    if in_order + 0.05 >= independent {
        in_order
    } else {
        0.0
    }
}

/// Whether `part` fits inside `whole` at no cost: a [`containment`] of 1 (to within 10⁻⁹).
///
/// Where no cost is negative, the alignment stops at its first row that costs anything; and
/// where a typo costs more than the margin, only the same words fit at no cost, so no two
/// spellings are compared. (Placing the short quotations of a million synthetic ones, each
/// asked of the longest wordings of the statements around it, took 1.1 s without this, most
/// of it comparing spellings.)
pub(crate) fn fits_exactly(
    part: &[u32],
    whole: &[u32],
    mut costs: Costs,
    words: &impl Spelling,
) -> bool {
    const EXACT: f64 = 1.0 - 1e-9;
    // A negative typo cost (the configuration allows one) would let a row's cheapest cell
    // fall again, which stopping early and the bound on missing words assume it never does.
    if costs.typo >= 0.0 {
        costs = costs.at_least(EXACT);
    }
    if costs.typo > 1e-9 * part.len() as f64 {
        costs = costs.with(Typos::Never);
    }
    containment(part, whole, costs, words) >= EXACT
}

/// What it costs a fragment to leave out one run of words of the statement: a splice
/// (`Not necessary … Vladimir, STOP!` printed without its ellipsis) is one edit and a half.
const SPLICE: f64 = 1.5;

fn fit(part: &[u32], whole: &[u32], costs: Costs, words: &impl Spelling) -> f64 {
    let counted = part.iter().filter(|&&w| Some(w) != costs.ellipsis).count();
    if counted == 0 {
        return 0.0;
    }
    // Settled without the alignment when the words `whole` lacks cost too much already (the
    // margin keeps a bound summed in another order from deciding a score the alignment
    // would put exactly at the floor).
    if costs.floor > f64::NEG_INFINITY
        && costs.beyond(missing_cost(part, whole, costs, words) - 1e-9, counted)
    {
        return 0.0;
    }
    let m = whole.len();
    // Two layers: before and after the one splice a fragment may contain. Starting anywhere in
    // `whole` is free. Four rows, in one buffer.
    with_rows(4 * (m + 1), 0.0, |rows| {
        fit_rows(part, whole, costs, words, counted, rows)
    })
}

/// [`fit`] of `part` (`counted` words besides ellipses) in `whole`, in `rows` (four rows of
/// `whole.len() + 1` cells, all 0).
fn fit_rows(
    part: &[u32],
    whole: &[u32],
    costs: Costs,
    words: &impl Spelling,
    counted: usize,
    rows: &mut [f64],
) -> f64 {
    let m = whole.len();
    let (mut prev, rest) = rows.split_at_mut(m + 1);
    let (mut row, rest) = rest.split_at_mut(m + 1);
    let (mut prev_spliced, mut row_spliced) = rest.split_at_mut(m + 1);
    prev_spliced.fill(SPLICE);
    let mut cheapest = 0.0;
    for &word in part {
        cheapest = if Some(word) == costs.ellipsis {
            // Skip any run of `whole`: the best cost so far carries forward.
            min2(
                carry_forward(prev, row),
                carry_forward(prev_spliced, row_spliced),
            )
        } else {
            align_word(
                word,
                whole,
                [prev, prev_spliced],
                [row, row_spliced],
                costs,
                words,
            )
        };
        std::mem::swap(&mut prev, &mut row);
        std::mem::swap(&mut prev_spliced, &mut row_spliced);
        if costs.beyond(cheapest, counted) {
            return 0.0;
        }
    }
    // Ending anywhere is free.
    1.0 - cheapest / counted as f64
}

/// A lower bound of the cost of aligning `part` inside `whole`: each word of `part` that
/// `whole` lacks is either changed into one of its words (at least a typo when one is a
/// spelling of it, else a full edit) or dropped (a full edit). Only the words `whole` lacks
/// are compared; this is what most fragments that are no part of a statement fail on (at a
/// million synthetic quotations, of the 127,000 pairs whose alignment with spellings compared
/// was needed, 121,000 fell short). Bounding every alignment of [`reaches`] so took the
/// clustering of 200,000 synthetic quotations from 10.17 G to 9.58 G instructions; bounding
/// only those with spellings compared, to 10.06 G; bounding [`similarity`] too cost more
/// than it saved (variants seldom lack many words).
fn missing_cost(part: &[u32], whole: &[u32], costs: Costs, words: &impl Spelling) -> f64 {
    let typo = costs.typo.min(1.0);
    part.iter()
        .filter(|&&w| Some(w) != costs.ellipsis && !whole.contains(&w))
        .map(|&w| match costs.typos {
            Typos::Never => 1.0,
            Typos::Always => typo,
            Typos::Check if whole.iter().any(|&v| words.near(w, v)) => typo,
            Typos::Check => 1.0,
        })
        .sum()
}

thread_local! {
    /// The rows of the alignments made on this thread, kept from one to the next.
    static ROWS: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
}

/// Calls `align` with `len` cells set to `value`, in a buffer kept on this thread: most
/// fragments' alignments are settled in a few rows, and allocating and freeing their rows
/// was a good part of the work (clustering 200,000 synthetic quotations took 2% fewer
/// instructions with it; [`similarity`]'s two banded rows gain nothing from it).
fn with_rows<T>(len: usize, value: f64, align: impl FnOnce(&mut [f64]) -> T) -> T {
    ROWS.with(|rows| match rows.try_borrow_mut() {
        Ok(mut rows) => {
            rows.clear();
            rows.resize(len, value);
            align(&mut rows)
        }
        // (No alignment is made inside another; were one, it would have rows of its own.)
        Err(_) => align(&mut vec![value; len]),
    })
}

/// Carries the best cost so far forward along `row`; returns its cheapest cell.
fn carry_forward(prev: &[f64], row: &mut [f64]) -> f64 {
    row[0] = prev[0];
    for j in 1..row.len() {
        row[j] = min2(prev[j], row[j - 1]);
    }
    row.iter().copied().fold(f64::INFINITY, min2)
}

/// One row of the alignment in both layers: `word` of the fragment against every position of
/// `whole`, from the rows before (`prev`: unspliced, spliced) into `row`. A splice enters the
/// spliced layer from anywhere earlier in the unspliced one, at a price. Returns the cheapest
/// cell of the two rows.
///
/// One pass over the row does what four did (the splice's entry costs, each layer's row, the
/// minimum of both), and compares the two words once for both layers: `fit` was a quarter of
/// the clustering's time at a million quotations.
fn align_word(
    word: u32,
    whole: &[u32],
    [prev, prev_spliced]: [&[f64]; 2],
    [row, row_spliced]: [&mut [f64]; 2],
    costs: Costs,
    words: &impl Spelling,
) -> f64 {
    // Along the row: the cheapest unspliced cost so far, the spliced layer's entry one column
    // back, and the cells to the upper left and to the left in each layer (carried, not read
    // back: the loop runs without bounds checks).
    let mut best = prev[0];
    let mut jumped_before = min2(prev_spliced[0], best + SPLICE);
    let (mut diagonal, mut left) = (prev[0], prev[0] + 1.0);
    let mut left_spliced = jumped_before + 1.0;
    row[0] = left;
    row_spliced[0] = left_spliced;
    let mut cheapest = min2(left, left_spliced);
    let columns = whole
        .iter()
        .zip(&prev[1..])
        .zip(&prev_spliced[1..])
        .zip(&mut row[1..])
        .zip(&mut row_spliced[1..]);
    for ((((&other, &up), &up_spliced), cell), cell_spliced) in columns {
        best = min2(best, up);
        let jumped = min2(up_spliced, best + SPLICE);
        let cost = substitution(word, other, costs, words);
        left = min3(diagonal + cost, up + 1.0, left + 1.0);
        left_spliced = min3(jumped_before + cost, jumped + 1.0, left_spliced + 1.0);
        *cell = left;
        *cell_spliced = left_spliced;
        cheapest = min3(cheapest, left, left_spliced);
        (diagonal, jumped_before) = (up, jumped);
    }
    cheapest
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Words(Vec<&'static str>);

    impl Spelling for Words {
        fn near(&self, a: u32, b: u32) -> bool {
            crate::text::spelling::typo(self.0[a as usize], self.0[b as usize])
        }
    }

    fn ids(words: &mut Words, text: &str) -> Vec<u32> {
        text.split(' ')
            .map(|w| match words.0.iter().position(|x| *x == w) {
                Some(i) => i as u32,
                None => {
                    words.0.push(Box::leak(w.to_string().into_boxed_str()));
                    (words.0.len() - 1) as u32
                }
            })
            .collect()
    }

    const COSTS: Costs = Costs {
        typo: 0.3,
        ellipsis: None,
        typos: Typos::Check,
        floor: f64::NEG_INFINITY,
    };

    #[test]
    fn a_typo_is_a_small_edit() {
        let mut w = Words(vec![]);
        let a = ids(&mut w, "5000 soldiers a week are dying");
        let b = ids(&mut w, "5000 soliders a week are dying");
        let c = ids(&mut w, "5000 farmers a week are dying");
        let typo = similarity(&a, &b, COSTS, &w);
        let word = similarity(&a, &c, COSTS, &w);
        assert!((typo - 0.95).abs() < 1e-9, "{typo}");
        assert!(word < typo);
    }

    #[test]
    fn the_edit_bound_never_exceeds_the_similarity() {
        let mut w = Words(vec![]);
        let rows = [
            ("a b c d e f", "a b x d e f"),
            ("a b c d e f", "a b d e f"),
            ("a b c d e f", "x b c d e y"),
            ("a b c", "c b a"),
            ("a a a", "a a"),
        ];
        for (x, y) in rows {
            let (x, y) = (ids(&mut w, x), ids(&mut w, y));
            assert!(edit_bound(&x, &y) <= similarity(&x, &y, COSTS, &w) + 1e-9);
        }
        let (x, y) = (
            ids(&mut w, "a b c d e f g h i j"),
            ids(&mut w, "a b c d x f g h i j"),
        );
        assert!((edit_bound(&x, &y) - 0.9).abs() < 1e-9);
    }

    #[test]
    fn banded_similarity_equals_full_edit_distance() {
        let mut w = Words(vec![]);
        let a = ids(&mut w, "i am not happy with the russian strikes on kyiv");
        let b = ids(&mut w, "i am happy with russian strikes on kyiv today");
        // Three edits (drop `not`, drop `the`, add `today`) over ten words.
        assert!((similarity(&a, &b, COSTS, &w) - 0.7).abs() < 1e-9);
        assert_eq!(similarity(&a, &a, COSTS, &w), 1.0);
    }

    #[test]
    fn fragments_fit_inside_their_statement() {
        let mut w = Words(vec![]);
        let post = ids(
            &mut w,
            "i am not happy with the russian strikes on kyiv vladimir stop",
        );
        let piece = ids(&mut w, "not happy with the russian strikes");
        let loose = ids(&mut w, "not happy with strikes on kyiv");
        let other = ids(&mut w, "i was not happy with it");
        assert_eq!(containment(&piece, &post, COSTS, &w), 1.0);
        assert!(containment(&loose, &post, COSTS, &w) < 0.8);
        assert!(containment(&other, &post, COSTS, &w) < 0.7);
    }

    #[test]
    fn the_missing_words_bound_never_exceeds_the_alignment() {
        let mut w = Words(vec![]);
        let post = ids(
            &mut w,
            "i am not happy with the russian strikes on kyiv vladimir stop",
        );
        for part in [
            "not happy with the russian strikes",
            "not happy with strikes on kyiv",
            "i was not happy with it",
            "the rusian strikes on kyv",
            "weather in london was fine",
        ] {
            let part = ids(&mut w, part);
            for typos in [Typos::Never, Typos::Always, Typos::Check] {
                let costs = COSTS.with(typos);
                let cost = (1.0 - fit(&part, &post, costs, &w)) * part.len() as f64;
                assert!(missing_cost(&part, &post, costs, &w) <= cost + 1e-9);
            }
        }
        // A fragment of words the statement lacks is settled by the bound alone.
        let other = ids(&mut w, "weather in london was fine");
        assert_eq!(fit(&other, &post, COSTS.at_least(0.8), &w), 0.0);
        assert!(missing_cost(&other, &post, COSTS, &w) >= 5.0);
    }

    #[test]
    fn an_ellipsis_skips_the_words_left_out() {
        let mut w = Words(vec![]);
        let post = ids(
            &mut w,
            "i am not happy with the russian strikes on kyiv vladimir stop",
        );
        let cut = ids(&mut w, "i am not happy … vladimir stop");
        let ellipsis = w.0.iter().position(|x| *x == "…").map(|i| i as u32);
        let costs = Costs::new(0.3, ellipsis);
        assert_eq!(containment(&cut, &post, costs, &w), 1.0);
    }

    #[test]
    fn a_splice_costs_little_a_shuffle_much() {
        let mut w = Words(vec![]);
        let post = ids(&mut w, "not necessary and very bad timing vladimir stop 5000 soldiers a week are dying lets get the peace deal done");
        let spliced = ids(
            &mut w,
            "not necessary and very bad timing vladimir stop lets get the peace deal done",
        );
        let shuffled = ids(
            &mut w,
            "peace deal done not necessary vladimir stop bad timing",
        );
        assert!(containment(&spliced, &post, COSTS, &w) > 0.85);
        assert!(containment(&shuffled, &post, COSTS, &w) < 0.7);
    }

    #[test]
    fn fitting_exactly_answers_as_a_containment_of_one() {
        let mut w = Words(vec![]);
        let whole = ids(
            &mut w,
            "goodbye soldiers today and lets get the peace deal done",
        );
        let parts: Vec<Vec<u32>> = [
            "peace deal",
            "the peace deal done",
            "peace dael",
            "soliders today",
            "hello soliders",
            "deal peace",
            "lets … done",
            "nothing here",
        ]
        .into_iter()
        .map(|text| ids(&mut w, text))
        .collect();
        let ellipsis = w.0.iter().position(|x| *x == "…").map(|e| e as u32);
        for typo in [0.3, 0.0, -1.0] {
            let costs = Costs::new(typo, ellipsis);
            for part in &parts {
                assert_eq!(
                    fits_exactly(part, &whole, costs, &w),
                    containment(part, &whole, costs, &w) >= 1.0 - 1e-9,
                    "{part:?} at typo cost {typo}"
                );
            }
        }
        // `hello` is no spelling of `goodbye`: at no cost for the typo the two do not fit, and
        // at a negative one the typo pays for the other word.
        let part = ids(&mut w, "hello soliders");
        assert!(!fits_exactly(&part, &whole, Costs::new(0.0, None), &w));
        assert!(fits_exactly(&part, &whole, Costs::new(-1.0, None), &w));
    }
}

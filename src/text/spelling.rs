//! The typo rule: whether two different words are one word mistyped.
//!
//! News copy misspells a word by one edit — a letter added, dropped, changed, or two neighbours
//! swapped (`soliders`) — or by two in a long word (`Zelenskyy`, `Zelensky`). Short words differ
//! in meaning with a letter (`not`, `now`), numbers are never typos of each other, and no typo
//! changes the first and the last letter at once, so those pairs are never typos. Clustering,
//! [`whence`](crate::Tracker::whence) and drift all ask this one function. (Speakers' names
//! across documents have a rule of their own, for transliterations such as `Zelenskyy` and
//! `Zelenskiy`: [`crate::attribute::canonical_speakers`].)

/// What the rule needs to know of a word before comparing letters; a vocabulary keeps one per
/// word, so that most pairs are told apart without reading them again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape {
    chars: u16,
    first: char,
    last: char,
    digit: bool,
}

impl Shape {
    pub(crate) fn of(word: &str) -> Shape {
        Shape {
            chars: word.chars().count().min(usize::from(u16::MAX)) as u16,
            first: word.chars().next().unwrap_or(' '),
            last: word.chars().next_back().unwrap_or(' '),
            digit: word.bytes().any(|b| b.is_ascii_digit()),
        }
    }
}

/// Whether `a` and `b` (words in matching form) are one word mistyped.
pub(crate) fn typo(a: &str, b: &str) -> bool {
    typo_shaped(a, Shape::of(a), b, Shape::of(b))
}

/// [`typo`] for words whose [`Shape`]s are known.
pub(crate) fn typo_shaped(a: &str, x: Shape, b: &str, y: Shape) -> bool {
    allowed_edits(x, y).is_some_and(|allowed| within_edits(a, b, allowed))
}

/// How many edits apart two words of shapes `x` and `y` may be and still be one word mistyped;
/// `None` when their shapes already say they are not (most pairs: a vocabulary asks this before
/// reading the words).
pub(crate) fn allowed_edits(x: Shape, y: Shape) -> Option<usize> {
    let shorter = x.chars.min(y.chars);
    if x.digit || y.digit || shorter < 4 || x.chars.abs_diff(y.chars) > 2 {
        return None;
    }
    if x.first != y.first && x.last != y.last {
        return None;
    }
    Some(if shorter >= 8 { 2 } else { 1 })
}

/// Whether two words are at most `allowed` edits apart (optimal string alignment).
pub(crate) fn within_edits(a: &str, b: &str, allowed: usize) -> bool {
    match osa_within(a.as_bytes(), b.as_bytes(), allowed) {
        Some(within) => within,
        None => strsim::osa_distance(a, b) <= allowed,
    }
}

/// Whether the optimal-string-alignment distance of two short ASCII words is at most `k`,
/// without allocating; `None` for words it does not handle (non-ASCII, over 47 bytes).
fn osa_within(a: &[u8], b: &[u8], k: usize) -> Option<bool> {
    const MAX: usize = 48;
    if !a.is_ascii() || !b.is_ascii() || a.len() >= MAX || b.len() >= MAX {
        return None;
    }
    let m = b.len();
    let mut before = [0usize; MAX];
    let mut prev: [usize; MAX] = std::array::from_fn(|j| j);
    let mut row = [0usize; MAX];
    for i in 1..=a.len() {
        row[0] = i;
        let mut best = row[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
            best = best.min(d);
        }
        if best > k {
            return Some(false);
        }
        before = prev;
        prev = row;
    }
    Some(prev[m] <= k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling() {
        assert!(typo("zelenskyy", "zelensky"));
        assert!(typo("soliders", "soldiers"));
        assert!(!typo("not", "now"));
        assert!(!typo("5000", "5001"));
        assert!(!typo("happy", "harsh"));
    }

    #[test]
    fn no_typo_changes_both_ends() {
        assert!(typo("peace", "peice"));
        // Two edits, as a long word may have, but at both ends.
        assert!(within_edits("sanctions", "xanctionz", 2));
        assert!(!typo("sanctions", "xanctionz"));
        assert!(typo("sanctions", "sanctoins"));
    }

    #[test]
    fn bounded_distance_agrees_with_strsim() {
        let words = [
            "soldiers",
            "soliders",
            "soldier",
            "zelensky",
            "zelenskyy",
            "zelenskiy",
            "happy",
            "hpapy",
            "harsh",
            "peace",
            "place",
            "abcdefgh",
            "badcfehg",
        ];
        for a in words {
            for b in words {
                for k in 0..3 {
                    let exact = strsim::osa_distance(a, b) <= k;
                    assert_eq!(
                        osa_within(a.as_bytes(), b.as_bytes(), k),
                        Some(exact),
                        "{a} {b} {k}"
                    );
                }
            }
        }
    }
}

//! Drifts that cut the statement: prefix, suffix, middle, ellipsis, piece and fragment.

use super::statement::Gen;
use super::tokens::{fix_edges, Pre, Punct, Tok, Word, SENT_START};
use super::Variation;

impl Gen<'_> {
    /// Tidies the ends of a cut: a trailing comma often goes, a lower-case start sometimes
    /// gets a capital.
    fn tidy_cut(&mut self, t: &mut [Tok], capitalise: f64) {
        let last = t.len() - 1;
        if t[last].punct.is_clause() {
            let r = self.rng.f64();
            if r < 0.6 {
                t[last].punct = Punct::None;
            } else if r < 0.75 {
                t[last].punct = Punct::Period;
            }
        }
        if t[0].flags & SENT_START == 0 && self.rng.chance(capitalise) {
            t[0].flags |= SENT_START;
        }
        fix_edges(t);
    }

    pub(super) fn truncate(&mut self, drift: Variation, t: &mut Vec<Tok>) -> bool {
        let n = t.len();
        let middle = drift == Variation::Middle;
        if n < if middle { 7 } else { 6 } {
            return false;
        }
        let frac = 0.4 + 0.5 * self.rng.f64();
        let mut m = ((n as f64 * frac).round() as usize).clamp(5, n - 1);
        if middle {
            m = m.min(n - 2);
        }
        match drift {
            Variation::Prefix => t.truncate(m),
            Variation::Suffix => {
                t.drain(..n - m);
            }
            _ => {
                let s = 1 + self.rng.below(n - m - 1);
                t.truncate(s + m);
                t.drain(..s);
            }
        }
        self.tidy_cut(t, 0.3);
        true
    }

    pub(super) fn ellipsis(&mut self, t: &mut Vec<Tok>) -> bool {
        let n = t.len();
        if n < 6 {
            return false;
        }
        let len = 1 + self.rng.below(((n as f64 * 0.4) as usize).max(1));
        let a = 1 + self.rng.below(n - 1 - len);
        t.drain(a..a + len);
        t[a].pre = match self.rng.below(3) {
            0 => Pre::Dots,
            1 => Pre::Ellipsis,
            _ => Pre::EllipsisTight,
        };
        fix_edges(t);
        true
    }

    /// Keeps one sentence or clause of 4+ words.
    pub(super) fn piece(&mut self, t: &mut Vec<Tok>) -> bool {
        let n = t.len();
        let toks: &[Tok] = t;
        let segments = || {
            let mut start = 0;
            (0..n).filter_map(move |i| {
                if i + 1 == n || toks[i].punct != Punct::None {
                    let seg = (start, i + 1);
                    start = i + 1;
                    Some(seg)
                } else {
                    None
                }
            })
        };
        let fits = |&(a, b): &(usize, usize)| b - a >= 4 && b - a < n;
        let count = segments().filter(fits).count();
        if count == 0 {
            return false;
        }
        let k = self.rng.below(count);
        let (a, b) = segments().filter(fits).nth(k).expect("counted");
        t.truncate(b);
        t.drain(..a);
        self.tidy_cut(t, 0.4);
        true
    }

    pub(super) fn fragment(&mut self, t: &mut Vec<Tok>) {
        let n = t.len();
        let len = if n >= 2 && self.rng.chance(0.4) { 2 } else { 1 };
        let starts = n - len + 1;
        // The salient word: the rarest of a few content words.
        let mut s = self.rng.below(starts);
        let mut rank = None;
        for _ in 0..3 {
            if let Some(i) = self.find(&t[..starts], |_, x| x.is_content()) {
                let (Word::Vocab(r) | Word::Name(r)) = t[i].word else {
                    unreachable!("content word")
                };
                if rank < Some(r) {
                    (s, rank) = (i, Some(r));
                }
            }
        }
        t.truncate(s + len);
        t.drain(..s);
        let last = t.len() - 1;
        if !matches!(t[last].punct, Punct::Excl | Punct::Question) || self.rng.chance(0.5) {
            t[last].punct = Punct::None;
        }
        fix_edges(t);
    }
}

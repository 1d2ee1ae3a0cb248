//! Drifts: how an occurrence is derived from its base statement. The cuts (prefix, suffix,
//! middle, ellipsis, piece, fragment) are in `cut.rs`; the edits of words, marks and case here.

use super::random::Rng;
use super::statement::Gen;
use super::tokens::{
    big_number, remove_span, Apostrophe, Case, Pre, Punct, Tok, Word, NUM_COMMAS, QCLOSE, QOPEN,
    QUOTE_MARKS, SENT_START,
};
use super::Variation;

/// Weights (per 100) of the drift of a repeated statement's occurrence.
const PRIMARY: [(Variation, u32); 14] = [
    (Variation::Exact, 25),
    (Variation::QuoteMarks, 10),
    (Variation::Case, 10),
    (Variation::Punctuation, 11),
    (Variation::Typo, 8),
    (Variation::WordDropped, 6),
    (Variation::WordAdded, 4),
    (Variation::WordChanged, 4),
    (Variation::Prefix, 4),
    (Variation::Suffix, 3),
    (Variation::Middle, 3),
    (Variation::Ellipsis, 4),
    (Variation::Piece, 6),
    (Variation::Fragment, 2),
];

/// Weights of a second, combined drift.
const SECONDARY: [(Variation, u32); 7] = [
    (Variation::QuoteMarks, 10),
    (Variation::Case, 10),
    (Variation::Punctuation, 10),
    (Variation::Typo, 8),
    (Variation::WordDropped, 6),
    (Variation::WordAdded, 4),
    (Variation::WordChanged, 4),
];

/// Chance that a drifted occurrence (not a fragment) gets a second drift: about 20% of all
/// occurrences.
const COMBINE: f64 = 0.20 / 0.73;

fn pick(table: &[(Variation, u32)], rng: &mut Rng) -> Variation {
    let total: u32 = table.iter().map(|e| e.1).sum();
    let mut r = rng.below(total as usize) as u32;
    for &(d, w) in table {
        if r < w {
            return d;
        }
        r -= w;
    }
    table[table.len() - 1].0
}

/// Order in which two combined drifts are applied: cuts first, surface changes last.
fn apply_rank(d: Variation) -> u8 {
    match d {
        Variation::Piece
        | Variation::Prefix
        | Variation::Suffix
        | Variation::Middle
        | Variation::Fragment => 0,
        Variation::Ellipsis => 1,
        Variation::WordDropped => 2,
        Variation::WordAdded => 3,
        Variation::WordChanged => 4,
        Variation::Typo => 5,
        Variation::QuoteMarks => 6,
        Variation::Punctuation => 7,
        Variation::Case => 8,
        Variation::Exact | Variation::Singleton => 9,
    }
}

impl Gen<'_> {
    /// One occurrence of `base` into `buf`; returns its drift.
    pub(super) fn occurrence(&mut self, base: &[Tok], buf: &mut Vec<Tok>) -> Variation {
        buf.clear();
        buf.extend_from_slice(base);
        let first = pick(&PRIMARY, &mut self.rng);
        if first == Variation::Exact || first == Variation::Fragment || !self.rng.chance(COMBINE) {
            return self.apply(first, buf);
        }
        let mut second = pick(&SECONDARY, &mut self.rng);
        while second == first {
            second = pick(&SECONDARY, &mut self.rng);
        }
        if apply_rank(second) < apply_rank(first) {
            self.apply(second, buf);
            self.apply(first, buf)
        } else {
            let kind = self.apply(first, buf);
            self.apply(second, buf);
            kind
        }
    }

    /// Applies `drift` to `t`, or a fallback when it cannot apply; returns the one applied.
    fn apply(&mut self, drift: Variation, t: &mut Vec<Tok>) -> Variation {
        let done = match drift {
            Variation::Exact | Variation::Singleton => true,
            Variation::QuoteMarks => {
                self.quote_marks(t);
                true
            }
            Variation::Case => {
                self.case(t);
                true
            }
            Variation::Punctuation => {
                self.punctuation(t);
                true
            }
            Variation::Typo => self.typo(t),
            Variation::WordDropped => self.word_dropped(t),
            Variation::WordAdded => {
                self.word_added(t);
                true
            }
            Variation::WordChanged => self.word_changed(t),
            Variation::Prefix | Variation::Suffix | Variation::Middle => self.truncate(drift, t),
            Variation::Ellipsis => self.ellipsis(t),
            Variation::Piece => {
                if !self.piece(t) {
                    return self.apply(Variation::Prefix, t);
                }
                true
            }
            Variation::Fragment => {
                self.fragment(t);
                true
            }
        };
        if done {
            drift
        } else if drift == Variation::WordChanged {
            self.apply(Variation::Typo, t)
        } else {
            self.apply(Variation::Punctuation, t)
        }
    }

    /// A random index satisfying `ok`, if there is one.
    pub(super) fn find(&mut self, t: &[Tok], ok: impl Fn(usize, &Tok) -> bool) -> Option<usize> {
        let n = t.len();
        if n == 0 {
            return None;
        }
        let start = self.rng.below(n);
        (0..n).map(|k| (start + k) % n).find(|&i| ok(i, &t[i]))
    }

    fn quote_marks(&mut self, t: &mut [Tok]) {
        let n = t.len();
        let has_apos = t.iter().any(|x| matches!(x.word, Word::Apos(_)));
        let quoted = t.iter().position(|x| x.flags & QOPEN != 0);
        if has_apos && (quoted.is_none() || self.rng.chance(0.7)) {
            if self.rng.chance(0.75) {
                for x in t.iter_mut().filter(|x| matches!(x.word, Word::Apos(_))) {
                    x.apos = match x.apos {
                        Apostrophe::Straight => Apostrophe::Curly,
                        _ => Apostrophe::Straight,
                    };
                }
            } else if let Some(i) = self.find(t, |_, x| {
                matches!(x.word, Word::Apos(_)) && x.apos != Apostrophe::Dropped
            }) {
                t[i].apos = Apostrophe::Dropped;
            } else {
                t.iter_mut().for_each(|x| x.apos = Apostrophe::Straight);
            }
        } else if let Some(a) = quoted {
            if self.rng.chance(0.4) {
                for x in t.iter_mut() {
                    x.flags &= !(QOPEN | QCLOSE);
                }
            } else {
                let style = (t[a].quote as usize + 1 + self.rng.below(3)) % QUOTE_MARKS.len();
                t.iter_mut().for_each(|x| x.quote = style as u8);
            }
        } else {
            let a = self.rng.below(n);
            let mut b = a + self.rng.below(3);
            while b > a && (b >= n || t[a..b].iter().any(|x| x.punct.is_final())) {
                b -= 1;
            }
            let style = self.rng.below(QUOTE_MARKS.len()) as u8;
            t[a].flags |= QOPEN;
            t[b].flags |= QCLOSE;
            t[a].quote = style;
            t[b].quote = style;
        }
    }

    fn case(&mut self, t: &mut [Tok]) {
        let r = self.rng.f64();
        if r < 0.40 {
            let i = self
                .find(t, |_, x| x.is_content())
                .or_else(|| self.find(t, |_, x| !matches!(x.word, Word::Num(_))))
                .unwrap_or(0);
            t[i].case = Case::Upper;
            if i + 1 < t.len() && self.rng.chance(0.3) {
                t[i + 1].case = Case::Upper;
            }
        } else if r < 0.70 {
            t.iter_mut().for_each(|x| x.case = Case::Lower);
        } else if r < 0.88 {
            t.iter_mut().for_each(|x| x.case = Case::Title);
        } else if r < 0.94 {
            t.iter_mut().for_each(|x| x.case = Case::Upper);
        } else {
            t[0].case = if t[0].flags & SENT_START != 0 || matches!(t[0].word, Word::Name(_)) {
                Case::Lower
            } else {
                Case::Title
            };
        }
    }

    fn punctuation(&mut self, t: &mut [Tok]) {
        let ops = if self.rng.chance(0.25) { 2 } else { 1 };
        let mut done = 0;
        for _ in 0..16 {
            if done == ops {
                break;
            }
            if self.punctuation_op(t) {
                done += 1;
            }
        }
        if done == 0 {
            let last = t.len() - 1;
            t[last].punct = if t[last].punct == Punct::Excl {
                Punct::None
            } else {
                Punct::Excl
            };
        }
    }

    /// One random change of punctuation (or of a number's format); returns whether it applied.
    fn punctuation_op(&mut self, t: &mut [Tok]) -> bool {
        if self.rng.chance(0.35) && self.toggle_number_commas(t) {
            return true;
        }
        match self.rng.below(6) {
            0 => self.change_end_mark(t),
            1 => self.drop_clause_mark(t),
            2 => self.add_comma(t),
            3 => self.replace_comma(t),
            4 => self.add_dash(t),
            _ => self.change_sentence_end(t),
        }
    }

    /// Writes a big number with thousands commas or without, if there is one.
    fn toggle_number_commas(&mut self, t: &mut [Tok]) -> bool {
        match self.find(t, |_, x| big_number(x)) {
            Some(i) => {
                t[i].flags ^= NUM_COMMAS;
                true
            }
            None => false,
        }
    }

    /// Changes, adds or drops the mark after the last word; always applies.
    fn change_end_mark(&mut self, t: &mut [Tok]) -> bool {
        let last = t.len() - 1;
        let r = self.rng.below(100);
        t[last].punct = match t[last].punct {
            Punct::Period if r < 25 => Punct::Excl,
            Punct::Period if r < 60 => Punct::Comma,
            Punct::Excl if r < 40 => Punct::Period,
            Punct::Excl if r < 60 => Punct::Comma,
            Punct::Question if r < 50 => Punct::Period,
            Punct::Period | Punct::Excl | Punct::Question => Punct::None,
            _ => Punct::Period,
        };
        true
    }

    /// Drops a comma, semicolon or colon before the last word, if there is one.
    fn drop_clause_mark(&mut self, t: &mut [Tok]) -> bool {
        let last = t.len() - 1;
        match self.find(t, |i, x| i < last && x.punct.is_clause()) {
            Some(i) => {
                t[i].punct = Punct::None;
                true
            }
            None => false,
        }
    }

    /// Puts a comma after an unpunctuated word followed by a plain space, if there is one.
    fn add_comma(&mut self, t: &mut [Tok]) -> bool {
        let last = t.len() - 1;
        match self.find(t, |i, x| {
            i < last && x.punct == Punct::None && t[i + 1].pre == Pre::Space
        }) {
            Some(i) => {
                t[i].punct = Punct::Comma;
                true
            }
            None => false,
        }
    }

    /// Turns a comma before the last word into a semicolon or a dash, if there is one.
    fn replace_comma(&mut self, t: &mut [Tok]) -> bool {
        let last = t.len() - 1;
        match self.find(t, |i, x| i < last && x.punct == Punct::Comma) {
            Some(i) => {
                if self.rng.chance(0.5) {
                    t[i].punct = Punct::Semicolon;
                } else {
                    t[i].punct = Punct::None;
                    t[i + 1].pre = Pre::Dash;
                }
                true
            }
            None => false,
        }
    }

    /// Replaces a plain space after an unpunctuated word by a dash, if there is one.
    fn add_dash(&mut self, t: &mut [Tok]) -> bool {
        match self.find(t, |i, x| {
            i > 0 && x.pre == Pre::Space && t[i - 1].punct == Punct::None
        }) {
            Some(i) => {
                t[i].pre = if self.rng.chance(0.7) {
                    Pre::Dash
                } else {
                    Pre::DashTight
                };
                true
            }
            None => false,
        }
    }

    /// Changes the mark ending an inner sentence (joining it to the next when it becomes a
    /// comma or semicolon), if there is one.
    fn change_sentence_end(&mut self, t: &mut [Tok]) -> bool {
        let last = t.len() - 1;
        match self.find(t, |i, x| i < last && x.punct.is_final()) {
            Some(i) => {
                let to = match self.rng.below(3) {
                    0 => Punct::Comma,
                    1 => Punct::Semicolon,
                    _ if t[i].punct == Punct::Excl => Punct::Period,
                    _ => Punct::Excl,
                };
                if !to.is_final() {
                    t[i + 1].flags &= !SENT_START;
                }
                t[i].punct = to;
                true
            }
            None => false,
        }
    }

    fn typo(&mut self, t: &mut [Tok]) -> bool {
        let v = self.v;
        let Some(i) = self.find(t, |_, x| {
            matches!(x.word, Word::Vocab(_) | Word::Func(_) | Word::Name(_))
                && x.typo[0] == 0
                && v.word(x.word).len() >= 4
        }) else {
            return false;
        };
        let w = v.word(t[i].word).as_bytes();
        let len = w.len();
        let letter = b'a' + self.rng.below(26) as u8;
        t[i].typo = match self.rng.range(1, 4) {
            1 => [1, self.rng.below(len + 1) as u8, letter],
            2 => [2, self.rng.below(len) as u8, 0],
            4 => {
                let p = self.rng.below(len - 1);
                if w[p] != w[p + 1] {
                    [4, p as u8, 0]
                } else {
                    let other = if w[p] == letter {
                        b'a' + (letter - b'a' + 1) % 26
                    } else {
                        letter
                    };
                    [3, p as u8, other]
                }
            }
            _ => {
                let p = self.rng.below(len);
                let orig = w[p].to_ascii_lowercase();
                let other = if orig == letter {
                    b'a' + (letter - b'a' + 1) % 26
                } else {
                    letter
                };
                [3, p as u8, other]
            }
        };
        true
    }

    fn word_dropped(&mut self, t: &mut Vec<Tok>) -> bool {
        // Cuts keep 4+ words, even when combined with this.
        if t.len() < 5 {
            return false;
        }
        let i = if self.rng.chance(0.5) {
            self.find(t, |_, x| x.is_func())
        } else {
            None
        };
        let i = i.unwrap_or_else(|| self.rng.below(t.len()));
        remove_span(t, i, i + 1);
        true
    }

    fn word_added(&mut self, t: &mut Vec<Tok>) {
        let n = t.len();
        let word = if self.rng.chance(0.5) {
            Word::Func(self.v.fillers[self.rng.below(self.v.fillers.len())])
        } else {
            self.vocab_word()
        };
        let mut tok = Tok::new(word);
        let i = self.rng.range(1, n);
        if i < n && t[i].flags & SENT_START != 0 {
            t[i].flags &= !SENT_START;
            tok.flags |= SENT_START;
        }
        if i == n {
            tok.punct = t[n - 1].punct;
            t[n - 1].punct = Punct::None;
        }
        // Inside a re-cased run, the new word takes the case of its neighbours.
        if i == n || t[i].case == t[i - 1].case {
            tok.case = t[i - 1].case;
        }
        t.insert(i, tok);
    }

    fn word_changed(&mut self, t: &mut [Tok]) -> bool {
        let Some(i) = self.find(t, |_, x| {
            matches!(x.word, Word::Vocab(_) | Word::Func(_) | Word::Name(_))
        }) else {
            return false;
        };
        let old = t[i].word;
        let mut new = old;
        while new == old {
            new = if t[i].is_func() {
                self.func_word()
            } else {
                self.vocab_word()
            };
        }
        t[i].word = new;
        t[i].typo = [0; 3];
        true
    }
}

//! The generator's state, and the base statements it invents.

use super::random::Rng;
use super::tokens::{
    big_number, Apostrophe, Pre, Punct, Tok, Word, NUM_COMMAS, QCLOSE, QOPEN, QUOTE_MARKS,
    SENT_START,
};
use super::words::{Vocab, APOS, NAMES};

/// The generator: one random stream, and the vocabulary it draws words from. Its methods are
/// spread over the modules of the stage they belong to (statements here, drifts, cuts, rendering).
pub(super) struct Gen<'v> {
    pub(super) rng: Rng,
    pub(super) v: &'v Vocab,
    pub(super) min_words: usize,
    pub(super) max_words: usize,
}

impl Gen<'_> {
    pub(super) fn vocab_word(&mut self) -> Word {
        Word::Vocab(self.v.dist.sample(&mut self.rng) as u32)
    }

    pub(super) fn func_word(&mut self) -> Word {
        Word::Func(self.v.func_dist.sample(&mut self.rng) as u8)
    }

    fn name(&mut self) -> Word {
        Word::Name(self.rng.range(NAMES.start, NAMES.end - 1) as u32)
    }

    fn number(&mut self) -> Word {
        let r = &mut self.rng;
        let v = match r.below(100) {
            0..=39 => r.range(2, 99),
            40..=54 => r.range(100, 999),
            55..=64 => r.range(1990, 2030),
            65..=84 => r.range(1, 99) * 1000,
            85..=94 => r.range(10, 999) * 1000 + r.below(10) * 100,
            _ => r.range(1, 500) * 10_000,
        };
        Word::Num(v as u32)
    }

    /// A base statement's tokens into `out`; returns the ring index of a statement it shares a
    /// span with, if any.
    pub(super) fn statement(
        &mut self,
        out: &mut Vec<Tok>,
        ring: &[(Vec<Tok>, u32)],
    ) -> Option<usize> {
        out.clear();
        let (lens, sentences) = self.sentence_lengths();
        for &len in &lens[..sentences] {
            self.sentence(out, len);
        }
        self.contractions(out);
        self.inner_quote(out);
        self.shared_span(out, ring)
    }

    /// How many words each sentence of a statement has (at most four sentences), and how many
    /// sentences there are.
    fn sentence_lengths(&mut self) -> ([usize; 4], usize) {
        let (lo, hi) = (self.min_words, self.max_words);
        let n = if self.rng.chance(0.7) {
            let a = lo.max(10).min(hi);
            let b = hi.min(30).max(a);
            self.rng.range(a, b)
        } else {
            self.rng.range(lo, hi)
        };
        let sentences = 1 + self.rng.below((n / 7).clamp(1, 4));
        let mut lens = [0usize; 4];
        for (i, len) in lens.iter_mut().enumerate().take(sentences) {
            *len = n / sentences + usize::from(i < n % sentences);
        }
        for i in 0..sentences.saturating_sub(1) {
            if self.rng.chance(0.5) {
                let d = self.rng.below((lens[i] - 3) / 2 + 1);
                lens[i] -= d;
                lens[i + 1] += d;
            } else {
                let d = self.rng.below((lens[i + 1] - 3) / 2 + 1);
                lens[i + 1] -= d;
                lens[i] += d;
            }
        }
        (lens, sentences)
    }

    /// One sentence of `len` words onto `out`: function words, names (some with a surname),
    /// numbers and vocabulary, then its punctuation.
    fn sentence(&mut self, out: &mut Vec<Tok>, len: usize) {
        let start = out.len();
        let mut i = 0;
        while i < len {
            let r = self.rng.f64();
            let mut w = if r < 0.43 {
                self.func_word()
            } else if r < 0.455 {
                self.name()
            } else if r < 0.47 {
                self.number()
            } else {
                self.vocab_word()
            };
            // No "the the".
            while out.len() > start && out[out.len() - 1].word == w {
                w = if r < 0.43 {
                    self.func_word()
                } else {
                    self.vocab_word()
                };
            }
            let mut tok = Tok::new(w);
            if big_number(&tok) && self.rng.chance(0.5) {
                tok.flags |= NUM_COMMAS;
            }
            out.push(tok);
            i += 1;
            if matches!(w, Word::Name(_)) && i < len && self.rng.chance(0.4) {
                let surname = self.name();
                out.push(Tok::new(surname));
                i += 1;
            }
        }
        out[start].flags |= SENT_START;
        self.punctuate(out, start);
    }

    /// The punctuation of the sentence `out[start..]`: a few commas, semicolons, colons and
    /// dashes inside, a full stop, exclamation or question mark at the end.
    fn punctuate(&mut self, out: &mut [Tok], start: usize) {
        let end = out.len() - 1;
        // Sentences seldom end on "the" or "and".
        if out[end].is_func() && end > start {
            out[end].word = self.vocab_word();
        }
        for j in start..end {
            let r = self.rng.f64();
            out[j].punct = if r < 0.07 {
                Punct::Comma
            } else if r < 0.075 {
                Punct::Semicolon
            } else if r < 0.08 {
                Punct::Colon
            } else {
                Punct::None
            };
            if out[j].punct == Punct::None && self.rng.chance(0.01) {
                out[j + 1].pre = Pre::Dash;
            }
        }
        out[end].punct = match self.rng.below(100) {
            0..=79 => Punct::Period,
            80..=91 => Punct::Excl,
            _ => Punct::Question,
        };
    }

    /// Contractions, whose apostrophes outlets vary.
    fn contractions(&mut self, out: &mut [Tok]) {
        if !self.rng.chance(0.35) {
            return;
        }
        let n = out.len();
        let form = if self.rng.chance(0.6) {
            Apostrophe::Straight
        } else {
            Apostrophe::Curly
        };
        let times = if self.rng.chance(0.15) { 2 } else { 1 };
        for _ in 0..times {
            let i = self.rng.below(n);
            if out[i].word.is_num_or_name() {
                continue;
            }
            out[i].word = Word::Apos(self.rng.below(APOS.len()) as u8);
            out[i].apos = form;
        }
    }

    /// A word or phrase in inner quotes.
    fn inner_quote(&mut self, out: &mut [Tok]) {
        let n = out.len();
        if !(n >= 3 && self.rng.chance(0.04)) {
            return;
        }
        let a = self.rng.below(n - 1);
        let mut b = a + self.rng.below(3);
        while b > a && (b >= n || out[a..b].iter().any(|t| t.punct.is_final())) {
            b -= 1;
        }
        out[a].flags |= QOPEN;
        out[b].flags |= QCLOSE;
        let style = self.rng.below(QUOTE_MARKS.len()) as u8;
        out[a].quote = style;
        out[b].quote = style;
    }

    /// A span shared with another, recent statement of `ring`: returns which.
    fn shared_span(&mut self, out: &mut [Tok], ring: &[(Vec<Tok>, u32)]) -> Option<usize> {
        let n = out.len();
        if ring.is_empty() || n < 4 || !self.rng.chance(0.05) {
            return None;
        }
        let src = self.rng.below(ring.len());
        let other = &ring[src].0;
        let len = self.rng.range(3, 6).min(other.len()).min(n - 1);
        if len < 3 {
            return None;
        }
        let a = self.rng.below(other.len() - len + 1);
        let b = self.rng.below(n - len + 1);
        for j in 0..len {
            out[b + j].word = other[a + j].word;
            out[b + j].apos = other[a + j].apos;
            out[b + j].flags = (out[b + j].flags & !NUM_COMMAS) | (other[a + j].flags & NUM_COMMAS);
        }
        Some(src)
    }
}

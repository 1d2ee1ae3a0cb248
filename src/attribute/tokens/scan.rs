//! Splitting prose into tokens: words (with their shape and class worked out once), marks and
//! the quotations' own marks, at byte speed on ASCII.

use std::ops::Range;

use super::*;
use crate::text::letters::{alnum_run_end, is_alphanumeric};

/// What an ASCII byte is to the tokenizer.
const SPACE: u8 = 0;
const PUNCT: u8 = 1;
const ALNUM: u8 = 2;

/// [`SPACE`] (as `char::is_whitespace`), [`ALNUM`] or [`PUNCT`] for each ASCII byte; bytes
/// from 0x80 are not ASCII, and never [`ALNUM`] here.
static ASCII: [u8; 256] = {
    let mut table = [PUNCT; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c >= 0x80 {
            table[b] = SPACE + 3; // neither: decoded as a char
        } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            table[b] = SPACE;
        } else if c.is_ascii_alphanumeric() {
            table[b] = ALNUM;
        }
        b += 1;
    }
    table
};

/// The character at byte `i` of `s` (a char boundary), and its length.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = s[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// Splits `text[range]` into tokens, offsets relative to `text`.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let mut tokenizer = Tokenizer::new(text);
    tokenizer.run(range);
    tokenizer.finish()
}

/// Splits the prose of `text` into tokens: everything outside the quotations (`outer` spans,
/// in order and not overlapping), each of which stands as its opening and closing mark alone.
/// The words inside a quotation are the speaker's, not the reporter's: attribution never reads
/// them, and skipping them is a third of the work on news text.
pub(crate) fn tokenize_prose<'t>(
    text: &'t str,
    quotes: impl Iterator<Item = (Range<usize>, bool)>,
) -> Vec<Token<'t>> {
    let mut tokenizer = Tokenizer::new(text);
    let mut at = 0;
    for (outer, closed) in quotes {
        tokenizer.run(at..outer.start);
        let quote = &text[outer.clone()];
        let open = quote.chars().next();
        if let Some(open) = open {
            tokenizer.mark(outer.start..outer.start + open.len_utf8(), open);
        }
        // Only a closing mark apart from the opening one (a quotation not found by `detect`
        // may be a single character).
        let open_len = open.map_or(0, char::len_utf8);
        let close = quote
            .chars()
            .next_back()
            .filter(|c| closed && quote.len() >= open_len + c.len_utf8());
        if let Some(close) = close {
            let at = outer.end - close.len_utf8();
            // A closing mark opens a line when only white space with a line break precedes it.
            let before = text[..at].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
            tokenizer.line_start = before.ends_with('\n');
            tokenizer.mark(at..outer.end, close);
        }
        at = outer.end;
    }
    tokenizer.run(at..text.len());
    tokenizer.finish()
}

struct Tokenizer<'t> {
    text: &'t str,
    /// The word lists, fetched once rather than at every word.
    lexicon: &'static lexicon::Table,
    out: Vec<Token<'t>>,
    /// A line break since the last token.
    line_start: bool,
}

impl<'t> Tokenizer<'t> {
    fn new(text: &'t str) -> Self {
        Tokenizer {
            text,
            lexicon: lexicon::table(),
            out: Vec::with_capacity(text.len() / 6),
            line_start: true,
        }
    }

    /// A token of one character `c`, not a word (a mark or a sign), at `range`.
    fn mark(&mut self, range: Range<usize>, c: char) {
        let line_start = std::mem::take(&mut self.line_start);
        self.out.push(Token {
            text: &self.text[range.clone()],
            start: range.start,
            line_start,
            class: Class::Other,
            flags: 0,
            shape: shape_of(c),
        });
    }

    /// Tokenizes `text[range]`. Attribution reads every word of a text's prose, so this is its
    /// hot loop: ASCII, most news, takes a byte path, with words scanned eight bytes at a time;
    /// anything else the `char` one, with the same result. What the byte path, the eight-byte
    /// scan ([`alnum_run_end`]) and the flags read in place buy, measured when introduced:
    /// tokenizing the demo articles fell from 176.8M to 140.4M instructions.
    fn run(&mut self, range: Range<usize>) {
        let text = self.text;
        // The prose ends at `range.end`: no word reads past it into a quotation.
        let prose = &text[..range.end];
        let bytes = prose.as_bytes();
        let mut i = range.start;
        while let Some(&b) = bytes.get(i) {
            if b == b' ' {
                i += 1;
                continue;
            }
            let (first, len) = if b < 0x80 {
                match ASCII[usize::from(b)] {
                    ALNUM => (char::from(b), 1),
                    SPACE => {
                        self.line_start |= b == b'\n';
                        i += 1;
                        continue;
                    }
                    _ => {
                        self.mark(i..i + 1, char::from(b));
                        i += 1;
                        continue;
                    }
                }
            } else {
                let Some(c) = prose[i..].chars().next() else {
                    break;
                };
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                if !is_alphanumeric(c) {
                    self.mark(i..i + c.len_utf8(), c);
                    i += c.len_utf8();
                    continue;
                }
                (c, c.len_utf8())
            };
            i = self.word(prose, i, i + len, first);
        }
    }

    /// Reads the word starting at `start` (its first character `first`, ending no sooner than
    /// `at_least`) in `prose`, the text up to where its prose ends; returns where it ends.
    #[inline]
    fn word(&mut self, prose: &'t str, start: usize, at_least: usize, first: char) -> usize {
        let (end, hyphen, joined) = word_end(prose, start, at_least);
        let word = &prose[start..end];
        let mut shape = shape_of(first);
        if hyphen {
            shape |= HYPHEN;
        }
        if joined {
            shape |= JOINED;
        }
        // (Only a joined word holds an apostrophe: the endings are not looked for in the
        // others, most words: `read` over polnear-train fell from 426.0M to 421.6M
        // instructions.)
        if joined && (word.ends_with("'s") || word.ends_with("’s")) {
            shape |= POSSESSIVE;
        }
        let line_start = std::mem::take(&mut self.line_start);
        // ` date 2024-01-26 Jurgen Klopp will …`: a date stamp opening a line is page
        // furniture, and the line's first sentence starts after it.
        // (Tested in the cheap order: few words are dates.)
        if is_iso_date(word) && (line_start || self.out.last().is_none_or(|t| t.line_start)) {
            shape |= STOP;
        }
        self.out.push(Token {
            text: word,
            start,
            line_start,
            class: Class::Other,
            flags: self.lexicon.flags_in(self.text, start..end),
            shape,
        });
        end
    }

    /// The tokens, classified.
    fn finish(self) -> Vec<Token<'t>> {
        let mut out = self.out;
        for i in 0..out.len() {
            let t = &out[i];
            if !t.is_word() {
                continue;
            }
            // Most words: small letters, no title after them, in none of the lists that make a
            // title, an organisation or a name particle. `class_of` reads them so: a modifier
            // unless short or a determiner (`the`, `his`, exactly so written). Answered here,
            // without the call.
            let naming = lexicon::ORGANISATION | lexicon::TITLE | lexicon::PARTICLE;
            let plain = t.flags & naming == 0 && t.shape & (LOWER | HYPHEN) == LOWER;
            out[i].class = if plain && !out.get(i + 1).is_some_and(is_title_word) {
                let determiner = t.has(lexicon::DETERMINER) && t.is_ascii_lowercase();
                if t.text.len() > 2 && !determiner {
                    Class::Modifier
                } else {
                    Class::Other
                }
            } else {
                class_of(&out, i)
            };
        }
        out
    }
}

/// Where the word starting at `start` of `prose`, whose first character ends at `from`, ends,
/// whether it holds a hyphen, and whether it holds anything but letters and digits: letters and digits, with `'`, `’`, `-`, `.` inside when a
/// letter or digit follows; and a final dot for `U.S.`, `Gen.`, an initial (`Elijah E.
/// Cummings`) or a word closing a parenthesis (`(D-Mo.)`).
#[inline]
fn word_end(prose: &str, start: usize, from: usize) -> (usize, bool, bool) {
    let bytes = prose.as_bytes();
    let mut end = from;
    let mut hyphen = false;
    let mut joined = false;
    loop {
        end = alnum_run_end(bytes, end);
        let Some(&d) = bytes.get(end) else {
            break;
        };
        if d < 0x80 {
            // `Russia's`, `Secretary-General`, `U.S`: a joiner, if a letter or digit follows.
            if matches!(d, b'\'' | b'-' | b'.')
                && char_at(prose, end + 1).is_some_and(|(e, _)| is_alphanumeric(e))
            {
                hyphen |= d == b'-';
                joined = true;
                end += 1;
                continue;
            }
            break;
        }
        let Some((c, len)) = char_at(prose, end) else {
            break;
        };
        if is_alphanumeric(c) {
            end += len;
            continue;
        }
        if matches!(c, '’' | '‑')
            && char_at(prose, end + len).is_some_and(|(e, _)| is_alphanumeric(e))
        {
            joined = true;
            end += len;
            continue;
        }
        break;
    }
    if bytes.get(end) == Some(&b'.') {
        let word = &prose[start..end];
        let initial = word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
        if initial
            || word.contains('.')
            || is_abbreviation(word)
            || bytes.get(end + 1) == Some(&b')')
        {
            joined = true;
            end += 1;
        }
    }
    (end, hyphen, joined)
}

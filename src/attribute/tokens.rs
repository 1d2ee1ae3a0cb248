//! A small tokenizer for the prose around quotations: words (with the dots of `U.S.` and `Gen.`,
//! the apostrophe of `Russia's`, the hyphen of `Secretary-General`) and single punctuation marks.

use std::ops::Range;

use super::names::{class_of, Class};
use crate::lexicon;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'t> {
    pub(crate) text: &'t str,
    /// Where it starts in the text (it ends `text.len()` bytes later).
    pub(crate) start: usize,
    /// The first token of its line: a paragraph break comes before it.
    pub(crate) line_start: bool,
    /// Its part in name phrases.
    pub(crate) class: Class,
    /// What the word lists say of it (in lower case).
    pub(crate) flags: lexicon::Flags,
    /// What its first character is: [`WORD`], [`UPPER`], [`LOWER`] bits.
    shape: u8,
}

/// The first character is a letter or digit.
const WORD: u8 = 1;
/// It is an upper-case letter.
const UPPER: u8 = 1 << 1;
/// It is a lower-case letter.
const LOWER: u8 = 1 << 2;
/// The word holds a hyphen: `Secretary-General`, `US-Präsident`.
const HYPHEN: u8 = 1 << 3;
/// A mark that ends a sentence: `.`, `!`, `?`, `…`.
const STOP: u8 = 1 << 4;
/// A word with a possessive ending: `Russia's`, `Trump’s`.
const POSSESSIVE: u8 = 1 << 5;

/// The shape bits of a token starting with `c`.
fn shape_of(c: char) -> u8 {
    if c.is_ascii() {
        return match c {
            'A'..='Z' => WORD | UPPER,
            'a'..='z' => WORD | LOWER,
            '0'..='9' => WORD,
            '.' | '!' | '?' => STOP,
            _ => 0,
        };
    }
    // General Punctuation (`“`, `’`, `—`, `…`) and the guillemets hold no letters or digits:
    // most quotation marks are told without the Unicode tables.
    if matches!(c, '\u{2000}'..='\u{206f}' | '«' | '»') {
        return if c == '…' { STOP } else { 0 };
    }
    let mut shape = 0;
    if c.is_alphanumeric() {
        shape |= WORD;
    }
    if c.is_uppercase() {
        shape |= UPPER;
    }
    if c.is_lowercase() {
        shape |= LOWER;
    }
    shape
}

impl<'t> Token<'t> {
    /// The token `s[range]`, where `s` starts at byte `base` of the text; classified later.
    fn at(s: &'t str, base: usize, range: Range<usize>, line_start: bool, first: char) -> Self {
        Token {
            text: &s[range.clone()],
            start: base + range.start,
            line_start,
            class: Class::Other,
            flags: 0,
            shape: shape_of(first),
        }
    }

    /// Its byte range in the text.
    pub(crate) fn span(&self) -> Range<usize> {
        self.start..self.end()
    }

    /// Where it ends in the text.
    pub(crate) fn end(&self) -> usize {
        self.start + self.text.len()
    }

    pub(crate) fn is_word(&self) -> bool {
        self.shape & WORD != 0
    }

    pub(crate) fn is_capitalised(&self) -> bool {
        self.shape & UPPER != 0
    }

    pub(crate) fn is_lowercase_word(&self) -> bool {
        self.shape & LOWER != 0
    }

    /// Whether it is written in ASCII small letters only, as the short word lists are (`the`,
    /// not `The` or `tHe`).
    pub(crate) fn is_ascii_lowercase(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_lowercase())
    }

    /// Whether the word holds a hyphen.
    pub(crate) fn has_hyphen(&self) -> bool {
        self.shape & HYPHEN != 0
    }

    /// Whether the word lists give it `flag`.
    pub(crate) fn has(&self, flag: lexicon::Flags) -> bool {
        self.flags & flag != 0
    }

    pub(crate) fn is(&self, s: &str) -> bool {
        self.text == s
    }

    /// The word without a possessive ending: `Russia's` → `Russia`.
    pub(crate) fn stem(&self) -> &'t str {
        self.text
            .strip_suffix("'s")
            .or_else(|| self.text.strip_suffix("’s"))
            .unwrap_or(self.text)
    }

    pub(crate) fn is_possessive(&self) -> bool {
        self.shape & POSSESSIVE != 0
    }

    /// Ends a sentence: `.`, `!`, `?` (a word's own dot, as in `U.S.`, stays in the word).
    pub(crate) fn ends_sentence(&self) -> bool {
        self.shape & STOP != 0
    }

    /// A word in capitals: an acronym (`NATO`) or a dateline (`WASHINGTON`).
    pub(crate) fn is_all_caps(&self) -> bool {
        self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !self.text.chars().any(char::is_lowercase)
    }
}

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Sen", "Rep", "Gov", "St", "Jr", "Sr", "Col", "Capt",
    "Prof", "Sgt", "Adm", "Maj", "Rev", "Gens", "Reps", "Sens", "Mt", "No", "vs", "Jan", "Feb",
    "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Inc", "Co", "Corp", "Ltd",
];

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
    out: Vec<Token<'t>>,
    /// A line break since the last token.
    line_start: bool,
}

impl<'t> Tokenizer<'t> {
    fn new(text: &'t str) -> Self {
        Tokenizer {
            text,
            out: Vec::with_capacity(text.len() / 6),
            line_start: true,
        }
    }

    /// A single-character token at `range`.
    fn mark(&mut self, range: Range<usize>, c: char) {
        let line_start = std::mem::take(&mut self.line_start);
        self.out.push(Token::at(self.text, 0, range, line_start, c));
    }

    /// Tokenizes `text[range]` (Attribution reads every word of a text's prose, so this is its
    /// hot loop: ASCII, most news, takes a byte path; anything else the `char` one, with the
    /// same result.)
    fn run(&mut self, range: Range<usize>) {
        let base = range.start;
        let s = &self.text[range];
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (c, len) = if b < 0x80 {
                match ASCII[usize::from(b)] {
                    SPACE => {
                        self.line_start |= b == b'\n';
                        i += 1;
                        continue;
                    }
                    PUNCT => {
                        let line_start = std::mem::take(&mut self.line_start);
                        self.out
                            .push(Token::at(s, base, i..i + 1, line_start, char::from(b)));
                        i += 1;
                        continue;
                    }
                    _ => (char::from(b), 1),
                }
            } else {
                let Some(c) = s[i..].chars().next() else {
                    break;
                };
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                if !c.is_alphanumeric() {
                    let line_start = std::mem::take(&mut self.line_start);
                    self.out
                        .push(Token::at(s, base, i..i + c.len_utf8(), line_start, c));
                    i += c.len_utf8();
                    continue;
                }
                (c, c.len_utf8())
            };
            let line_start = std::mem::take(&mut self.line_start);
            let mut end = i + len;
            let mut hyphen = false;
            loop {
                while end < bytes.len() && ASCII[usize::from(bytes[end])] == ALNUM {
                    end += 1;
                }
                let Some((d, dlen)) = char_at(s, end) else {
                    break;
                };
                if !d.is_ascii() && d.is_alphanumeric() {
                    end += dlen;
                    continue;
                }
                // Keep `'`, `’`, `-`, `.` inside a word when a letter or digit follows.
                let joins = matches!(d, '\'' | '’' | '-' | '.' | '‑');
                if joins && char_at(s, end + dlen).is_some_and(|(e, _)| e.is_alphanumeric()) {
                    hyphen |= d == '-';
                    end += dlen;
                    continue;
                }
                break;
            }
            // `U.S.`, `Gen.`: a word with inner dots, or an abbreviation, keeps its final dot.
            let word = &s[i..end];
            // An initial (`Elijah E. Cummings`) keeps its dot too.
            let initial = word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
            // So does a word closing a parenthesis: `(D-Mo.)`.
            if bytes.get(end) == Some(&b'.')
                && (initial
                    || word.contains('.')
                    || ABBREVIATIONS.contains(&word)
                    || bytes.get(end + 1) == Some(&b')'))
            {
                end += 1;
            }
            let text = &s[i..end];
            let mut shape = shape_of(c);
            if hyphen {
                shape |= HYPHEN;
            }
            if text.ends_with("'s") || text.ends_with("’s") {
                shape |= POSSESSIVE;
            }
            self.out.push(Token {
                text,
                start: base + i,
                line_start,
                class: Class::Other,
                flags: lexicon::flags(text),
                shape,
            });
            i = end;
        }
    }

    /// The tokens, classified.
    fn finish(self) -> Vec<Token<'t>> {
        let mut out = self.out;
        for i in 0..out.len() {
            if out[i].is_word() {
                out[i].class = class_of(&out, i);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_inner_marks() {
        let text = "U.S. President Donald Trump's post, Lt. Gen. Kellogg said.";
        let words: Vec<&str> = tokenize(text, 0..text.len())
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            words,
            [
                "U.S.",
                "President",
                "Donald",
                "Trump's",
                "post",
                ",",
                "Lt.",
                "Gen.",
                "Kellogg",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn punctuation_beyond_ascii_has_the_shape_the_unicode_tables_give() {
        for c in ('\u{2000}'..='\u{206f}').chain(['«', '»']) {
            let mut shape = 0;
            if c == '…' {
                shape |= STOP;
            }
            if c.is_alphanumeric() {
                shape |= WORD;
            }
            if c.is_uppercase() {
                shape |= UPPER;
            }
            if c.is_lowercase() {
                shape |= LOWER;
            }
            assert_eq!(shape_of(c), shape, "{c:?}");
        }
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "« Russia’s army » said";
        for t in tokenize(text, 0..text.len()) {
            assert_eq!(&text[t.span()], t.text);
        }
    }

    #[test]
    fn prose_keeps_the_marks_and_skips_the_words_inside() {
        let text = "Trump wrote: \u{201c}Vladimir, STOP!\u{201d}\nHe added \"more\" later.";
        let first = text.find('\u{201c}').unwrap()..text.find('\n').unwrap();
        let second = text.find('"').unwrap()..text.rfind('"').unwrap() + 1;
        let quotes = [(first, true), (second, true)];
        let words: Vec<&str> = tokenize_prose(text, quotes.clone().into_iter())
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            words,
            [
                "Trump", "wrote", ":", "\u{201c}", "\u{201d}", "He", "added", "\"", "\"", "later",
                "."
            ]
        );
        let tokens = tokenize_prose(text, quotes.into_iter());
        assert!(
            tokens[5].line_start,
            "the line break after the quotation is kept"
        );
        for t in &tokens {
            assert_eq!(&text[t.span()], t.text);
        }
    }
}

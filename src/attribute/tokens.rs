//! A small tokenizer for the prose around quotations: words (with the dots of `U.S.` and `Gen.`,
//! the apostrophe of `Russia's`, the hyphen of `Secretary-General`) and single punctuation marks.

use std::ops::Range;

use super::names::{class_of, is_title_word, Class};
use crate::text::lexicon;

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

/// The shape bits of a token starting with each ASCII byte.
static ASCII_SHAPES: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'A'..=b'Z' => WORD | UPPER,
            b'a'..=b'z' => WORD | LOWER,
            b'0'..=b'9' => WORD,
            b'.' | b'!' | b'?' => STOP,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// The shape bits of a token starting with `c`.
#[inline]
fn shape_of(c: char) -> u8 {
    if let Some(&shape) = ASCII_SHAPES.get(c as usize) {
        return shape;
    }
    if holds_no_letters(c) {
        return if c == '…' { STOP } else { 0 };
    }
    shape_from_tables(c)
}

/// General Punctuation (`“`, `’`, `—`, `…`) and the guillemets: characters that are no letter or
/// digit, known without the Unicode tables (most quotation marks and apostrophes).
#[inline]
fn holds_no_letters(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206f}' | '«' | '»')
}

/// The shape bits of a token starting with `c`, from the Unicode tables.
fn shape_from_tables(c: char) -> u8 {
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
    shape
}

impl<'t> Token<'t> {
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

    /// Whether it opens with an elided article or preposition before a small letter:
    /// `L'entraîneur`, `D’après`, `Dell'anno` (but not `O'Keefe`, nor `Sa'id`).
    pub(crate) fn is_elided(&self) -> bool {
        const ELIDED: &[&str] = &[
            "l", "d", "j", "m", "n", "s", "t", "c", "qu", "dell", "nell", "dall", "all", "sull",
            "coll", "un",
        ];
        let Some(at) = self.text.find(['\'', '’']) else {
            return false;
        };
        let after = self.text[at..].chars().nth(1);
        let prefix = &self.text[..at];
        after.is_some_and(char::is_lowercase)
            && ELIDED.iter().any(|e| prefix.eq_ignore_ascii_case(e))
    }

    pub(crate) fn is_lowercase_word(&self) -> bool {
        self.shape & LOWER != 0
    }

    /// Whether it is written in ASCII small letters only, as the short word lists are (`the`,
    /// not `The` or `tHe`).
    pub(crate) fn is_ascii_lowercase(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_lowercase())
    }

    /// Whether the word lists give it `flag` as it is written, in small letters: what
    /// `lexicon::flags_exact` says of its text, read from the flags it already has (the lists
    /// hold small letters only, so a word with a capital is in none of them as written).
    fn has_as_written(&self, flag: lexicon::Flags) -> bool {
        self.has(flag) && !self.text.chars().any(char::is_uppercase)
    }

    /// May stand between a subject and its verb: `later`, `also`, `quickly`.
    pub(crate) fn is_verb_adverb(&self) -> bool {
        (self.is_lowercase_word() && self.text.ends_with("ly"))
            || self.has_as_written(lexicon::ADVERB)
    }

    /// Opens a clause of its own: `after`, `when`, `with`.
    pub(crate) fn is_clause_word(&self) -> bool {
        self.has_as_written(lexicon::CLAUSE)
    }

    /// Names something said: `claim`, `post`, `remarks`.
    pub(crate) fn is_statement_noun(&self) -> bool {
        self.has_as_written(lexicon::STATEMENT)
    }

    /// A personal pronoun standing for a person named before (`he`, `She`, `sie`, `elle`),
    /// in small letters or with a capital, not in capitals (`HE`).
    pub(crate) fn is_person_pronoun(&self) -> bool {
        self.has(lexicon::PRONOUN) && !self.text.chars().skip(1).any(char::is_uppercase)
    }

    /// Reads `according to` (`laut`, `selon`, `según`, `d’après`).
    pub(crate) fn is_according(&self) -> bool {
        // The lists write an elision with `'`; the text may write it `’`, which the table
        // never holds (see `lexicon::Table::others_apostrophe`): `d’après` is folded to
        // `d'après` in a buffer and looked up again.
        if self.has(lexicon::ACCORDING) {
            return true;
        }
        let Some((elided, rest)) = self.text.split_once('’') else {
            return false;
        };
        let mut buffer = [0u8; 32];
        let folded = elided.len() + 1 + rest.len();
        if folded > buffer.len() {
            return false;
        }
        buffer[..elided.len()].copy_from_slice(elided.as_bytes());
        buffer[elided.len()] = b'\'';
        buffer[elided.len() + 1..folded].copy_from_slice(rest.as_bytes());
        std::str::from_utf8(&buffer[..folded])
            .is_ok_and(|word| lexicon::flags(word) & lexicon::ACCORDING != 0)
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

/// `2024-01-26`, `2024-01`: a date as machines write it.
fn is_iso_date(word: &str) -> bool {
    let b = word.as_bytes();
    matches!(b.len(), 7 | 10)
        && b[0].is_ascii_digit()
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// Whether `word` is an abbreviation whose dot does not end a sentence (a `match`, which
/// compiles to a test of the length and then of a few words, rather than a list to walk).
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Gen"
            | "Lt"
            | "Sen"
            | "Rep"
            | "Gov"
            | "St"
            | "Jr"
            | "Sr"
            | "Col"
            | "Capt"
            | "Prof"
            | "Sgt"
            | "Adm"
            | "Maj"
            | "Rev"
            | "Gens"
            | "Reps"
            | "Sens"
            | "Mt"
            | "No"
            | "vs"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Sept"
            | "Sep"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Inc"
            | "Co"
            | "Corp"
            | "Ltd"
    )
}

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
    /// anything else the `char` one, with the same result.
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
            let (end, hyphen) = word_end(prose, i, i + len);
            let word = &prose[i..end];
            let mut shape = shape_of(first);
            if hyphen {
                shape |= HYPHEN;
            }
            if word.ends_with("'s") || word.ends_with("’s") {
                shape |= POSSESSIVE;
            }
            let line_start = std::mem::take(&mut self.line_start);
            // ` date 2024-01-26 Jurgen Klopp will …`: a date stamp opening a line is page
            // furniture, and the line's first sentence starts after it.
            // (Tested in the cheap order: few words are dates.)
            if is_iso_date(word) && (line_start || self.out.last().map_or(true, |t| t.line_start)) {
                shape |= STOP;
            }
            self.out.push(Token {
                text: word,
                start: i,
                line_start,
                class: Class::Other,
                flags: self.lexicon.flags_in(text, i..end),
                shape,
            });
            i = end;
        }
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
/// and whether it holds a hyphen: letters and digits, with `'`, `’`, `-`, `.` inside when a
/// letter or digit follows; and a final dot for `U.S.`, `Gen.`, an initial (`Elijah E.
/// Cummings`) or a word closing a parenthesis (`(D-Mo.)`).
#[inline]
fn word_end(prose: &str, start: usize, from: usize) -> (usize, bool) {
    let bytes = prose.as_bytes();
    let mut end = from;
    let mut hyphen = false;
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
                end += 1;
                continue;
            }
            break;
        }
        let Some((c, len)) = char_at(prose, end) else {
            break;
        };
        if is_alphanumeric(c)
            || (matches!(c, '’' | '‑')
                && char_at(prose, end + len).is_some_and(|(e, _)| is_alphanumeric(e)))
        {
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
            end += 1;
        }
    }
    (end, hyphen)
}

/// `char::is_alphanumeric`, answering for ASCII and General Punctuation (`’`, `“`, `—`)
/// without the Unicode tables.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !holds_no_letters(c) && c.is_alphanumeric()
}

/// Eight bytes at once, each told by its high bit.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is an ASCII letter or digit.
#[inline]
fn ascii_alnum_bits(x: u64) -> u64 {
    let each = |b: u8| u64::from_le_bytes([b; 8]);
    let ascii = !x & HIGH_BITS;
    // With seven bits a byte the sums never carry into the next byte, and the high bit of each
    // says whether the byte reached the bound.
    let y = x & !HIGH_BITS;
    let digit = (y + each(0x80 - b'0')) & !(y + each(0x80 - b'9' - 1));
    let folded = y | each(0x20);
    let letter = (folded + each(0x80 - b'a')) & !(folded + each(0x80 - b'z' - 1));
    (digit | letter) & ascii
}

/// Where the run of ASCII letters and digits from `at` ends, eight bytes at a time.
#[inline]
fn alnum_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut eight = [0; 8];
        eight.copy_from_slice(chunk);
        let other = !ascii_alnum_bits(u64::from_le_bytes(eight)) & HIGH_BITS;
        if other != 0 {
            return at + (other.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elided_articles() {
        let elided = |text: &str| tokenize(text, 0..text.len())[0].is_elided();
        assert!(elided("L'entraîneur"));
        assert!(elided("D’après"));
        assert!(elided("dell'anno"));
        assert!(!elided("O'Keefe"));
        assert!(!elided("Sa'id"));
        assert!(!elided("Trump's"));
        assert!(!elided("Klopp"));
    }

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
            assert_eq!(shape_of(c), shape_from_tables(c), "{c:?}");
        }
    }

    #[test]
    fn eight_bytes_at_once_tell_letters_and_digits_as_one_at_a_time() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = [b'x'; 8];
                eight[at] = b;
                eight[(at + 3) % 8] = 0xff - b;
                let bits = ascii_alnum_bits(u64::from_le_bytes(eight));
                for (k, &byte) in eight.iter().enumerate() {
                    let told = bits >> (8 * k + 7) & 1 == 1;
                    assert_eq!(told, byte.is_ascii_alphanumeric(), "{byte:#x} at {k}");
                }
            }
        }
        let text = b"Secretary-General said";
        for from in 0..text.len() {
            let scalar = (from..text.len())
                .find(|&i| !text[i].is_ascii_alphanumeric())
                .unwrap_or(text.len());
            assert_eq!(alnum_run_end(text, from), scalar, "{from}");
        }
    }

    #[test]
    fn classes_set_in_the_loop_are_those_class_of_gives() {
        let text = "WASHINGTON - The Ukrainian president and his aides said on Monday that \
                    Russia's defense ministry, the ministry of Charles de Gaulle's era and \
                    ex-president Zelensky's team had a claim; US-Präsident Trump, der \
                    Sprecher, and Sen. Elijah E. Cummings (D-Md.) quickly replied.";
        let tokens = tokenize(text, 0..text.len());
        for (i, t) in tokens.iter().enumerate() {
            assert_eq!(t.class, class_of(&tokens, i), "{}", t.text);
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

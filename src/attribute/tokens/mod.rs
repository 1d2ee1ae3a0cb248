//! A small tokenizer for the prose around quotations: words (with the dots of `U.S.` and `Gen.`,
//! the apostrophe of `Russia's`, the hyphen of `Secretary-General`) and single punctuation marks.

use std::ops::Range;

use crate::text::letters::holds_no_letters;
use crate::text::lexicon;

mod scan;

#[cfg(test)]
pub(crate) use scan::tokenize;
pub(crate) use scan::tokenize_prose;

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
/// A word holding more than letters and digits: a joiner (`Russia's`, `Secretary-General`,
/// `U.S`) or a final dot (`Gen.`).
const JOINED: u8 = 1 << 6;

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
        // (A word holds an apostrophe only if the tokenizer marked it joined: asked of every
        // capital, the mark spares the search.)
        if self.is_word() && !self.is_joined() {
            return false;
        }
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

    /// Whether the word holds more than one run of letters and digits (a joiner or a final
    /// dot): `c'est`, `Secretary-General`, `Gen.`.
    pub(crate) fn is_joined(&self) -> bool {
        self.shape & JOINED != 0
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

    /// A speech verb as prose writes it, in small letters: `said`, `wrote`, `dijo`, `sagte`
    /// (a capitalised one opens a sentence or a headline: see `patterns::is_verb`).
    pub(crate) fn is_speech_verb(&self) -> bool {
        self.is_lowercase_word() && self.has(lexicon::SPEECH)
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
        // (A word holds `’` only if the tokenizer marked it joined.)
        if self.is_word() && !self.is_joined() {
            return false;
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
        // (The tokenizer marked the words with the ending: most are not, and keep their text
        // without the two tests. What that buys: `read` over polnear-train fell from 432.6M to
        // 431.3M instructions.)
        if !self.is_possessive() {
            return self.text;
        }
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

/// What part a word can play in a name phrase, worked out once per word when the text is
/// tokenized (`class_of`), and read by every pattern after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Name,
    Title,
    Particle,
    Possessive,
    OrgNoun,
    Modifier,
    Other,
}

/// The class of `tokens[i]`, from the word and the one after it.
// (Inlined into the tokenizer's `finish`, its one caller outside tests: left to the compiler,
// the call went in and out with unrelated changes, and cost 4.3M instructions on
// polnear-train when out.)
#[inline(always)]
pub(crate) fn class_of(tokens: &[Token<'_>], i: usize) -> Class {
    let t = &tokens[i];
    if !t.is_word() {
        return Class::Other;
    }
    let title_next = || tokens.get(i + 1).is_some_and(is_title_word);
    if t.flags == 0 && !t.has_hyphen() && t.is_lowercase_word() {
        // Most words: in no list, so a modifier (or a demonym before a title).
        if title_next() && lexicon::is_demonym(t.text) {
            return Class::Title;
        }
        return if t.text.len() > 2 {
            Class::Modifier
        } else {
            Class::Other
        };
    }
    if t.is_lowercase_word() && t.has(lexicon::ORGANISATION) {
        return Class::OrgNoun;
    }
    // `US-Präsident`, `Erfolgstrainer`: a compound's last part may be the title.
    if t.has(lexicon::TITLE)
        || (t.has_hyphen() && lexicon::is_title(t.text))
        || (t.is_capitalised() && lexicon::ends_in_title(t.text))
        || (title_next() && lexicon::is_demonym(t.text))
    {
        return Class::Title;
    }
    if t.is_capitalised() {
        return class_of_capitalised(tokens, i);
    }
    if t.has(lexicon::PARTICLE) {
        return Class::Particle;
    }
    // `the`, `his`, `their` (exactly so written).
    let determiner = t.has(lexicon::DETERMINER) && t.is_ascii_lowercase();
    if t.is_lowercase_word() && t.text.len() > 2 && !determiner {
        return Class::Modifier;
    }
    Class::Other
}

/// The class of a capitalised word `tokens[i]`: a name, a possessive name, or (a dateline, page
/// furniture, an article or pronoun, a speech verb) no part of a name.
fn class_of_capitalised(tokens: &[Token<'_>], i: usize) -> Class {
    let t = &tokens[i];
    // `Trump Tells Putin …`: a headline's verbs are capitalised too. A word in capitals
    // opening a line is a dateline (`WASHINGTON/KYIV, April 24 -`) or, before another such
    // word, page furniture (`READ MORE`, `VEA TAMBIÉN`).
    let dateline = t.line_start
        && t.is_all_caps()
        && (t.text.len() >= 4
            || tokens
                .get(i + 1)
                .is_some_and(|n| n.is_word() && n.is_all_caps()));
    if dateline || opens_no_name(tokens, i) || t.has(lexicon::SPEECH) {
        return Class::Other;
    }
    if t.is_possessive() {
        Class::Possessive
    } else {
        Class::Name
    }
}

/// Whether the capitalised word `tokens[i]` is one the word lists say is no name here: an
/// article, a pronoun, a clause word opening its sentence, an abbreviation that names nothing.
fn opens_no_name(tokens: &[Token<'_>], i: usize) -> bool {
    let t = &tokens[i];
    if t.is_possessive() {
        return lexicon::is_not_name(t.stem());
    }
    // An article, a pronoun or (first in its sentence) a preposition of any language
    // (`El`, `Ella`, `Like Corker, Menendez …`) opens a sentence, not a name; inside
    // one a preposition may be part of a name (`Doctors Without Borders`).
    let first = t.line_start || i == 0 || tokens[i - 1].ends_sentence();
    // (An initial after a name is a name's: `Julie A. Diaz`, not the article `a`.)
    // (The dot first: this is asked of every capitalised word, and few end with one.)
    let initial = t.text.ends_with('.')
        && t.text.chars().count() == 2
        && i > 0
        && tokens[i - 1].class == Class::Name;
    !initial
        && (t.has(lexicon::NOT_NAME | lexicon::ARTICLE | lexicon::PRONOUN)
            || t.is_elided()
            || (first && t.has(lexicon::CLAUSE))
            || (t.text.ends_with('.') && lexicon::is_not_name(t.text)))
}

/// Whether `t` is a title as a word alone (`president`) or as a compound's part (`US-Präsident`).
pub(crate) fn is_title_word(t: &Token<'_>) -> bool {
    t.has(lexicon::TITLE) || (t.has_hyphen() && lexicon::is_title(t.text))
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
    fn the_marks_of_a_word_say_what_it_holds() {
        let text = "L'entraîneur d’après Trump’s U.S. Gen. Secretary-General 53-year-old \
                    US‑Präsident c'est (D-Mo.) Julie A. Diaz - ' ’ 2024-01-26 Ж ok";
        for t in tokenize(text, 0..text.len()).iter().filter(|t| t.is_word()) {
            let other = t.text.chars().any(|c| !c.is_alphanumeric());
            assert_eq!(t.is_joined(), other, "{}", t.text);
            assert_eq!(t.has_hyphen(), t.text.contains('-'), "{}", t.text);
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

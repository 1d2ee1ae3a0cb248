//! A small tokenizer for the prose around quotations: words (with the dots of `U.S.` and `Gen.`,
//! the apostrophe of `Russia's`, the hyphen of `Secretary-General`) and single punctuation marks.

use std::ops::Range;

use super::names::{class_of, Class};
use crate::lexicon;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'t> {
    pub(crate) text: &'t str,
    pub(crate) span: Range<usize>,
    /// The first token of its line: a paragraph break comes before it.
    pub(crate) line_start: bool,
    /// Its part in name phrases.
    pub(crate) class: Class,
    /// What the word lists say of it (in lower case).
    pub(crate) flags: lexicon::Flags,
}

impl<'t> Token<'t> {
    /// The token `s[range]`, where `s` starts at byte `base` of the text; classified later.
    fn at(s: &'t str, base: usize, range: Range<usize>, line_start: bool) -> Self {
        Token {
            text: &s[range.clone()],
            span: base + range.start..base + range.end,
            line_start,
            class: Class::Other,
            flags: 0,
        }
    }

    pub(crate) fn is_word(&self) -> bool {
        self.text.starts_with(char::is_alphanumeric)
    }

    pub(crate) fn is_capitalised(&self) -> bool {
        self.text.starts_with(char::is_uppercase)
    }

    pub(crate) fn is_lowercase_word(&self) -> bool {
        self.text.starts_with(char::is_lowercase)
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
        self.stem().len() != self.text.len()
    }

    /// Ends a sentence: `.`, `!`, `?` (a word's own dot, as in `U.S.`, stays in the word).
    pub(crate) fn ends_sentence(&self) -> bool {
        matches!(self.text, "." | "!" | "?" | "…")
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

/// Splits `text[range]` into tokens, offsets relative to `text`.
pub(crate) fn tokenize(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let base = range.start;
    let s = &text[range];
    let mut out = Vec::new();
    let mut iter = s.char_indices().peekable();
    let mut line_start = true;
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            line_start |= c == '\n';
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token::at(s, base, i..i + c.len_utf8(), line_start));
            line_start = false;
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
                continue;
            }
            // Keep `'`, `’`, `-`, `.` inside a word when a letter or digit follows.
            let joins = matches!(d, '\'' | '’' | '-' | '.' | '‑');
            let after = s[j + d.len_utf8()..].chars().next();
            if joins && after.is_some_and(char::is_alphanumeric) {
                end = j + d.len_utf8();
                iter.next();
                continue;
            }
            break;
        }
        // `U.S.`, `Gen.`: a word with inner dots, or an abbreviation, keeps its final dot.
        let word = &s[i..end];
        // An initial (`Elijah E. Cummings`) keeps its dot too.
        let initial = word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
        // So does a word closing a parenthesis: `(D-Mo.)`.
        if s[end..].starts_with('.')
            && (initial
                || word.contains('.')
                || ABBREVIATIONS.contains(&word)
                || s[end + 1..].starts_with(')'))
        {
            end += 1;
            iter.next();
        }
        out.push(Token::at(s, base, i..end, line_start));
        line_start = false;
    }
    for t in out.iter_mut().filter(|t| t.is_word()) {
        t.flags = lexicon::flags(t.text);
    }
    let classes: Vec<Class> = (0..out.len()).map(|i| class_of(&out, i)).collect();
    for (t, c) in out.iter_mut().zip(classes) {
        t.class = c;
    }
    out
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
    fn offsets_point_into_the_text() {
        let text = "« Russia’s army » said";
        for t in tokenize(text, 0..text.len()) {
            assert_eq!(&text[t.span.clone()], t.text);
        }
    }
}

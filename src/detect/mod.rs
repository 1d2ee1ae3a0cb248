//! Quotation detection: where the quotations of a text are, in which marks, and of what kind.

mod marks;
mod scan;

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use marks::QuoteStyle;

/// Whether `c` is one of the characters that can be a quotation mark.
pub(crate) fn is_quote_mark(c: char) -> bool {
    marks::is_mark(c)
}

use crate::text::lexicon;

/// Whether a quotation is a whole utterance or a piece woven into the reporter's sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteKind {
    /// A sentence or more of the speaker's words: `"Vladimir, STOP!" Trump wrote.`
    Full,
    /// A partial quote inside the reporter's sentence: `called the strikes "not necessary"`.
    Fragment,
}

/// In words: `full quotation`, `fragment`.
impl std::fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            QuoteKind::Full => "full quotation",
            QuoteKind::Fragment => "fragment",
        })
    }
}

/// A quotation found inside another one: `“He said ‘stop’ twice”`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nested {
    /// Byte range of the inner quotation's text, marks excluded.
    pub span: Range<usize>,
    /// The marks it was written with.
    pub style: QuoteStyle,
}

/// A quotation found in a text: where it is and how it was written.
///
/// `span` never includes the outer marks, so `&text[q.span.clone()]` is the quoted wording. A
/// quotation that runs over several paragraphs (news style: the paragraph is left open and the next
/// one reopens with a new mark) is one quotation whose text includes the paragraph break and the
/// reopening mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quotation {
    /// Byte range of the quoted text in the document, marks excluded.
    pub span: Range<usize>,
    /// Byte range from the opening mark to the closing mark included (to the end of the text for
    /// an unclosed quotation).
    pub outer: Range<usize>,
    /// The marks it was opened with.
    pub style: QuoteStyle,
    /// Full quotation or fragment.
    pub kind: QuoteKind,
    /// False when no closing mark was found: the quotation then ends where its paragraph (or the
    /// document) ends, or where the next quotation opens.
    pub closed: bool,
    /// How many paragraphs it spans (1 for most).
    pub paragraphs: usize,
    /// Quotations inside this one.
    pub nested: Vec<Nested>,
}

impl Quotation {
    /// The quoted wording, borrowed from the document text it was found in.
    ///
    /// Returns an empty string if `text` is not that document (the span is out of bounds).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.clone()).unwrap_or("")
    }
}

/// Finds the quotations of `text`, in order of position.
///
/// Top-level quotations never overlap; nested ones are kept inside their parent. The scan is linear
/// in the length of `text` and never panics.
///
/// ```
/// use quotetrace::{detect, QuoteKind, QuoteStyle};
///
/// let text = "Trump tells Putin to 'STOP!'\n\
///             “I am not happy,” Trump wrote. “Vladimir, STOP!”";
/// let quotes = detect(text);
/// let words: Vec<&str> = quotes.iter().map(|q| q.text(text)).collect();
/// assert_eq!(words, ["STOP!", "I am not happy,", "Vladimir, STOP!"]);
/// assert_eq!(quotes[0].style, QuoteStyle::StraightSingle);
/// assert_eq!(quotes[0].kind, QuoteKind::Fragment);
/// assert_eq!(quotes[1].kind, QuoteKind::Full);
/// ```
pub fn detect(text: &str) -> Vec<Quotation> {
    scan::scan(text)
}

/// The quotation the scan found as `raw`, classified. Called by the scan as it finds each
/// one, so that the list it builds is the one returned (converting a list of raw quotations
/// afterwards cost a reallocation per document).
pub(crate) fn quotation(text: &str, raw: scan::RawQuote) -> Quotation {
    let kind = classify_kind(text, &raw);
    let outer_end = raw.close.as_ref().map_or(raw.content.end, |c| c.end);
    Quotation {
        outer: raw.open.at..outer_end,
        style: marks::style_of(raw.open.ch),
        kind,
        closed: raw.close.is_some(),
        paragraphs: raw.paragraphs,
        span: raw.content,
        nested: raw.nested,
    }
}

/// Drops what the marks enclose but nobody said: nothing, punctuation, a lone letter between
/// apostrophes (rock 'n' roll), a URL.
pub(crate) fn worth_reporting(text: &str, raw: &scan::RawQuote) -> bool {
    let content = &text[raw.content.clone()];
    let alnum = content
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(2)
        .count();
    let needed = if raw.open.family() == marks::Family::Single {
        2
    } else {
        1
    };
    alnum >= needed && !looks_like_url(content)
}

fn looks_like_url(s: &str) -> bool {
    !s.contains(' ') && (s.starts_with("http") || s.starts_with("www.") || s.starts_with('/'))
}

/// Full when the quotation stands as a sentence of its own; a fragment when it is woven into the
/// reporter's sentence (after an ordinary word, or starting in lower case).
fn classify_kind(text: &str, raw: &scan::RawQuote) -> QuoteKind {
    if raw.paragraphs > 1 {
        return QuoteKind::Full;
    }
    let content = &text[raw.content.clone()];
    let Some(first) = content.chars().find(|c| c.is_alphanumeric()) else {
        return QuoteKind::Fragment;
    };
    let before = text[..raw.open.at].trim_end_matches([' ', '\t', '\u{a0}']);
    let prev = before.chars().next_back();
    // The wording without its closing marks and brackets, trimmed once for both tests below.
    let last = content
        .trim_end()
        .trim_end_matches(['"', '\'', '’', '”', ')']);
    let ends_sentence = last.ends_with(['.', '!', '?', ',', '…', ':', ';']);
    // Only one, three and four words matter below: the words are counted as far as a test
    // needs, most often only to the second word's first character.
    let words = |n| has_words(content, n);
    if !words(2) {
        // `told Putin to 'STOP!'`: one word is a piece of a statement, never all of it.
        return QuoteKind::Fragment;
    }
    let whole_sentence = last.ends_with(['.', '!', '?']);
    if first.is_lowercase() {
        // `"…," he said, "and we will go on."`: the rest of a sentence the speaker began.
        let resumes = prev == Some(',') && ends_sentence && words(3);
        return if resumes {
            QuoteKind::Full
        } else {
            QuoteKind::Fragment
        };
    }
    match prev {
        None | Some('\n' | '\r') => QuoteKind::Full,
        Some(c) if c.is_alphanumeric() => {
            let word = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            // `the post was "I am not happy … STOP!"`: a capitalised sentence stands whole.
            if whole_sentence || (lexicon::is_speech_verb(word) && (ends_sentence || words(4))) {
                QuoteKind::Full
            } else {
                QuoteKind::Fragment
            }
        }
        Some(_) => QuoteKind::Full,
    }
}

/// Whether `s` holds at least `n` words as `split_whitespace` gives them, read only as far as
/// the `n`th word's first character. (Rather than counting the first four words of every
/// quotation: `read` over polnear-train fell from 431.3M to 429.4M instructions.)
fn has_words(s: &str, n: usize) -> bool {
    let mut count = 0;
    let mut in_word = false;
    for c in s.chars() {
        let space = c.is_whitespace();
        if !space && !in_word {
            count += 1;
            if count >= n {
                return true;
            }
        }
        in_word = !space;
    }
    false
}

#[cfg(test)]
mod tests;

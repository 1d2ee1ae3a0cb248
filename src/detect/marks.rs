//! Classification of the characters that may be quotation marks.
//!
//! A mark's meaning depends on the mark itself (`“` usually opens, `”` usually closes) and on what
//! stands beside it: a mark with a space before it and a letter after it opens, one with a letter
//! before it and a space or punctuation after it closes. This module answers those local questions;
//! `scan` decides with the state of the quotations already open.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// The quotation-mark style a quotation was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteStyle {
    /// Straight double quotes: `"…"`.
    Straight,
    /// Curly (typographic) double quotes: `“…”`.
    Curly,
    /// Low-high double quotes, as in German and Polish: `„…“`, `„…”`.
    Low,
    /// Straight single quotes: `'…'`.
    StraightSingle,
    /// Curly single quotes: `‘…’`.
    CurlySingle,
    /// Low-high single quotes: `‚…‘`.
    LowSingle,
    /// Double guillemets, French or German way round: `«…»`, `»…«`.
    Guillemets,
    /// Single guillemets: `‹…›`, `›…‹`.
    SingleGuillemets,
    /// CJK corner brackets: `「…」`, or white corner brackets `『…』`.
    Corner,
}

/// The marks as they are most often written, around an ellipsis: `“…”`, `«…»`.
///
/// ```
/// use quotetrace::QuoteStyle;
/// assert_eq!(QuoteStyle::Low.to_string(), "„…“");
/// ```
impl std::fmt::Display for QuoteStyle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            QuoteStyle::Straight => "\"…\"",
            QuoteStyle::Curly => "“…”",
            QuoteStyle::Low => "„…“",
            QuoteStyle::StraightSingle => "'…'",
            QuoteStyle::CurlySingle => "‘…’",
            QuoteStyle::LowSingle => "‚…‘",
            QuoteStyle::Guillemets => "«…»",
            QuoteStyle::SingleGuillemets => "‹…›",
            QuoteStyle::Corner => "「…」",
        })
    }
}

impl QuoteStyle {
    /// Whether this is one of the single-quote styles, whose marks double as apostrophes.
    pub fn is_single(self) -> bool {
        matches!(
            self,
            QuoteStyle::StraightSingle | QuoteStyle::CurlySingle | QuoteStyle::LowSingle
        )
    }
}

/// Which marks can close which openings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

/// A character that may be a quotation mark, at a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    pub(crate) ch: char,
    pub(crate) at: usize,
    /// Space or an opening bracket before it, something visible after it.
    pub(crate) left_flanking: bool,
    /// Something visible before it, space or punctuation after it.
    pub(crate) right_flanking: bool,
    /// A letter or digit on both sides: an apostrophe (Let's, Russia’s, rock'n'roll).
    pub(crate) in_word: bool,
    /// Space (or nothing) on both sides.
    pub(crate) isolated: bool,
}

impl Mark {
    pub(crate) fn end(&self) -> usize {
        self.at + self.ch.len_utf8()
    }

    pub(crate) fn range(&self) -> Range<usize> {
        self.at..self.end()
    }

    pub(crate) fn family(&self) -> Family {
        family_of(self.ch).unwrap_or(Family::Double)
    }
}

pub(crate) fn family_of(ch: char) -> Option<Family> {
    Some(match ch {
        '"' | '“' | '”' | '„' | '‟' => Family::Double,
        '\'' | '‘' | '’' | '‚' | '‛' => Family::Single,
        '«' | '»' => Family::Guillemet,
        '‹' | '›' => Family::SingleGuillemet,
        '「' | '」' => Family::Corner,
        '『' | '』' => Family::WhiteCorner,
        _ => return None,
    })
}

pub(crate) fn is_mark(ch: char) -> bool {
    family_of(ch).is_some()
}

/// The style a quotation gets from its opening mark.
pub(crate) fn style_of(open: char) -> QuoteStyle {
    match open {
        '"' => QuoteStyle::Straight,
        '“' | '”' | '‟' => QuoteStyle::Curly,
        '„' => QuoteStyle::Low,
        '\'' => QuoteStyle::StraightSingle,
        '‘' | '’' | '‛' => QuoteStyle::CurlySingle,
        '‚' => QuoteStyle::LowSingle,
        '«' | '»' => QuoteStyle::Guillemets,
        '‹' | '›' => QuoteStyle::SingleGuillemets,
        _ => QuoteStyle::Corner,
    }
}

/// Characters after which a mark starts something: space, brackets, dashes, slashes, colons.
fn opens_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '<' | '-' | '–' | '—' | '/' | ':' | '*' | '_'
                )
                || (is_mark(c) && c != '\'' && c != '’')
        }
    }
}

/// Characters before which a mark ends something: space, sentence punctuation, closing brackets.
fn closes_context(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '>'
                        | '-'
                        | '–'
                        | '—'
                        | '/'
                        | '…'
                        | '*'
                        | '_'
                )
                || is_mark(c)
        }
    }
}

pub(crate) fn classify(ch: char, at: usize, prev: Option<char>, next: Option<char>) -> Mark {
    let visible_before = prev.is_some_and(|c| !c.is_whitespace());
    let visible_after = next.is_some_and(|c| !c.is_whitespace());
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    Mark {
        ch,
        at,
        left_flanking: visible_after && opens_context(prev),
        right_flanking: visible_before && closes_context(next),
        in_word: alnum(prev) && alnum(next),
        isolated: !visible_before && !visible_after,
    }
}

/// `'90s`, `’85`: an apostrophe standing for the century, not an opening mark. `rest` is the text
/// after the mark.
pub(crate) fn is_elided_year(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 2
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && match b.get(2) {
            None => true,
            Some(c) => *c == b's' || !c.is_ascii_alphanumeric(),
        }
}

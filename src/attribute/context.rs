//! The prose beside each quotation, found in one pass over the text: the sentence before the
//! opening mark, the one after the closing mark, the sentence before that, and the paragraph.

use std::ops::Range;

use super::tokens::Token;
use crate::detect::Quotation;

/// How far from a quotation the attribution may stand, in bytes.
pub(super) const CONTEXT: usize = 240;

/// The most words of a sentence that attribution looks at.
const MAX_TOKENS: usize = 60;

/// The prose beside one quotation.
pub(super) struct Around<'a, 't> {
    /// All the prose since the previous quotation.
    pub(super) prose: &'a [Token<'t>],
    /// The part of `prose` within the quotation's paragraph.
    pub(super) left: &'a [Token<'t>],
    /// Where the previous quotation ended (the start of `prose`).
    pub(super) prose_start: usize,
    /// The quotation's paragraph.
    pub(super) paragraph: Range<usize>,
    pub(super) context: Context<'a, 't>,
}

/// The quotations of a text in turn, each with the prose beside it; asked for in order.
///
/// Each of the four positions looked up per quotation only moves forward, so each has its own
/// cursor: all the lookups together step through the tokens four times, whatever the number of
/// quotations (a binary search each would add a log factor, and a cache miss per step, on a
/// document of a million short quotations).
pub(super) struct Walk<'a, 't> {
    text: &'t str,
    tokens: &'a [Token<'t>],
    quotes: &'a [Quotation],
    prose_from: Cursor,
    prose_to: Cursor,
    right_from: Cursor,
    right_to: Cursor,
    paragraphs: Paragraphs<'t>,
    prose_start: usize,
    /// Whether the text labels several lines with a name and a colon.
    labels: bool,
}

impl<'a, 't> Walk<'a, 't> {
    pub(super) fn new(text: &'t str, tokens: &'a [Token<'t>], quotes: &'a [Quotation]) -> Self {
        let labels = tokens
            .windows(2)
            .filter(|w| super::is_label(&w[0], &w[1]))
            .nth(1)
            .is_some();
        Walk {
            text,
            tokens,
            quotes,
            prose_from: Cursor::default(),
            prose_to: Cursor::default(),
            right_from: Cursor::default(),
            right_to: Cursor::default(),
            paragraphs: Paragraphs::new(text),
            prose_start: 0,
            labels,
        }
    }

    /// The prose beside quotation `i`, which must follow the one asked for last.
    pub(super) fn around(&mut self, i: usize) -> Around<'a, 't> {
        let (text, tokens, q) = (self.text, self.tokens, &self.quotes[i]);
        let prose_start = self.prose_start;
        let prose = &tokens
            [self.prose_from.seek(tokens, prose_start)..self.prose_to.seek(tokens, q.outer.start)];
        let paragraph = self.paragraphs.at(q.outer.start);
        let headline = self.paragraphs.headline();
        let left_start = paragraph.start.max(prose_start);
        let left = &prose[prose.partition_point(|t| t.start < left_start)..];
        let right = right_context(text, q.outer.end, self.quotes.get(i + 1));
        let line_ends = right.end == text.len() || text[right.end..].starts_with('\n');
        let right = &tokens
            [self.right_from.seek(tokens, right.start)..self.right_to.seek(tokens, right.end)];
        let right_closes = line_ends || right.iter().any(Token::ends_sentence);
        let own = sentence_tail(left);
        // The sentence before, without the stop that ends it.
        let earlier = left[..left.len() - own.len()]
            .split_last()
            .map_or(&[][..], |(_, rest)| rest);
        // The sentence starts before `left` when an earlier quotation of this paragraph sits
        // inside it: `"We are ready," Zelensky said, while critics called the offer "…"`.
        let after_quote_mid_sentence = i > 0
            && left_start == prose_start
            && own.len() == left.len()
            && !self.quotes[i - 1]
                .text(text)
                .trim_end()
                .ends_with(['.', '!', '?']);
        let context = Context {
            whole_sentence: !after_quote_mid_sentence,
            left: own,
            before_sentence: sentence_tail(earlier),
            right: sentence_head(right),
            right_closes,
            headline,
            follows_quote: i > 0 && left_start == prose_start && only_joiners(left),
            labels: self.labels,
        };
        self.prose_start = q.outer.end;
        Around {
            prose,
            left,
            prose_start,
            paragraph,
            context,
        }
    }
}

/// The index of the first token starting at or after a position, for positions that mostly only
/// move forward: it steps on from the last answer, and searches afresh only when asked for an
/// earlier position.
#[derive(Default)]
pub(super) struct Cursor {
    /// The last position asked for.
    at: usize,
    /// The answer for it.
    index: usize,
}

impl Cursor {
    pub(super) fn seek(&mut self, tokens: &[Token<'_>], at: usize) -> usize {
        if at < self.at {
            self.index = tokens.partition_point(|t| t.start < at);
        } else {
            self.index = gallop(tokens, self.index, at);
        }
        self.at = at;
        self.index
    }
}

/// The index of the first token from `from` on starting at or after `at`, the tokens before
/// `from` all starting before it: steps of 1, 2, 4, … tokens, then a binary search within the
/// last step. Each cursor crosses all the prose between two quotations, and stepping a token
/// at a time cost about 15M instructions on polnear-train; this costs the logarithm of each
/// distance (`read` fell from 440.3M to 427.3M instructions, with `Paragraphs` beside it).
fn gallop(tokens: &[Token<'_>], from: usize, at: usize) -> usize {
    let rest = tokens.get(from..).unwrap_or_default();
    // Every token of `rest[..before]` starts before `at`.
    let mut before = 0;
    let mut step = 1;
    while rest.get(step - 1).is_some_and(|t| t.start < at) {
        before = step;
        step *= 2;
    }
    let end = step.min(rest.len());
    from + before + rest[before..end].partition_point(|t| t.start < at)
}

/// The paragraph (line) holding a position, found moving forward through the text so that all
/// the lookups together read the text once, however many quotations a paragraph holds.
pub(super) struct Paragraphs<'t> {
    text: &'t str,
    current: Range<usize>,
    /// Whether `current` reads as a headline, worked out once per paragraph however many
    /// quotations it holds.
    headline: Option<bool>,
    /// Whether `current` has been found yet.
    started: bool,
}

impl<'t> Paragraphs<'t> {
    fn new(text: &'t str) -> Self {
        Paragraphs {
            text,
            current: 0..0,
            headline: None,
            started: false,
        }
    }

    /// The paragraph holding `at`, which must not be before the previous `at`.
    fn at(&mut self, at: usize) -> Range<usize> {
        if !self.started || at > self.current.end {
            let from = if self.started { self.current.end } else { 0 };
            // (memchr's vector searches rather than std's word-at-a-time ones.)
            let bytes = self.text.as_bytes();
            let start = memchr::memrchr(b'\n', &bytes[from..at]).map_or(from, |i| from + i + 1);
            let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
            self.current = start..end;
            self.headline = None;
            self.started = true;
        }
        self.current.clone()
    }

    /// Whether the paragraph last returned by [`at`](Self::at) reads as a headline.
    fn headline(&mut self) -> bool {
        let (text, current) = (self.text, self.current.clone());
        *self
            .headline
            .get_or_insert_with(|| is_headline(text, current))
    }
}

/// The prose beside one quotation.
pub(super) struct Context<'a, 't> {
    /// The sentence before the opening mark, within the paragraph.
    pub(super) left: &'a [Token<'t>],
    /// The sentence after the closing mark, up to the next quotation.
    pub(super) right: &'a [Token<'t>],
    /// Whether `right` runs to the end of its sentence.
    pub(super) right_closes: bool,
    /// A short paragraph without a sentence end: a title, where verbs are capitalised and
    /// attribution is telegraphic (`Trump to Putin: 'Vladimir, STOP!'`).
    pub(super) headline: bool,
    /// Only `and`, `or` or a comma since the previous quotation of the sentence.
    pub(super) follows_quote: bool,
    /// Whether `left` starts where the quotation's sentence starts (not right after an earlier
    /// quotation inside the same sentence).
    pub(super) whole_sentence: bool,
    /// The sentence before the quotation's own, within the paragraph and after the previous
    /// quotation (without its final stop).
    pub(super) before_sentence: &'a [Token<'t>],
    /// Whether the text labels several lines with a name and a colon (`Bullingham: '…'`).
    pub(super) labels: bool,
}

fn is_headline(text: &str, paragraph: Range<usize>) -> bool {
    let p = text[paragraph].trim();
    let end = p.trim_end_matches(|c: char| crate::detect::is_quote_mark(c) || c == ')');
    p.len() < 200 && !end.ends_with(['.', ':']) && !p.contains(". ")
}

fn only_joiners(tokens: &[Token<'_>]) -> bool {
    tokens
        .iter()
        .all(|t| matches!(t.text, "," | "and" | "or" | "as" | "&" | ";"))
}

/// The prose after the closing mark, up to the next quotation or the paragraph's end.
fn right_context(text: &str, from: usize, next: Option<&Quotation>) -> Range<usize> {
    let limit = next.map_or(text.len(), |n| n.outer.start).max(from);
    let to = floor_boundary(text, limit.min(from + CONTEXT));
    let end = text[from..to].find('\n').map_or(to, |i| from + i);
    from..end
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The last sentence of the left context, the first of the right.
pub(super) fn sentence_tail<'a, 't>(tokens: &'a [Token<'t>]) -> &'a [Token<'t>] {
    let after_end = tokens
        .iter()
        .rposition(Token::ends_sentence)
        .map_or(0, |i| i + 1);
    let line = tokens.iter().rposition(|t| t.line_start).unwrap_or(0);
    let start = after_end.max(line);
    let start = start.max(tokens.len().saturating_sub(MAX_TOKENS));
    &tokens[start..]
}

fn sentence_head<'a, 't>(tokens: &'a [Token<'t>]) -> &'a [Token<'t>] {
    let end = tokens
        .iter()
        .position(Token::ends_sentence)
        .unwrap_or(tokens.len());
    &tokens[..end]
}

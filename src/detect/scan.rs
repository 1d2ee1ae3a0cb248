//! The pairing of opening and closing marks, one paragraph at a time.
//!
//! Every mark is looked at once and the stack of open quotations is at most [`MAX_DEPTH`] deep, so
//! the scan is linear in the text whatever the marks: a stray or mismatched mark costs a constant.

use std::ops::Range;

use super::marks::{classify, family_of, is_elided_year, Family, Mark};
use super::{Nested, Quotation};

/// Deeper nesting than this is not news text; further openings are ignored.
const MAX_DEPTH: usize = 8;

/// A quotation as the scan found it, before it is classified.
#[derive(Debug, Clone)]
pub(crate) struct RawQuote {
    pub(crate) open: Mark,
    pub(crate) content: Range<usize>,
    pub(crate) close: Option<Range<usize>>,
    pub(crate) nested: Vec<Nested>,
    pub(crate) paragraphs: usize,
}

#[derive(Debug)]
struct Open {
    mark: Mark,
    content_start: usize,
    nested: Vec<Nested>,
    paragraphs: usize,
}

impl Open {
    fn family(&self) -> Family {
        self.mark.family()
    }

    /// Whether `m` is a mark that can end this quotation.
    fn closed_by(&self, m: &Mark) -> bool {
        match (self.mark.ch, m.ch) {
            (_, '„' | '‟' | '‚' | '‛') => false,
            ('«', c) => c == '»',
            ('»', c) => c == '«',
            ('‹', c) => c == '›',
            ('›', c) => c == '‹',
            ('「', c) => c == '」',
            ('『', c) => c == '』',
            (o, c) => family_of(o) == family_of(c),
        }
    }
}

/// Finds every top-level quotation of `text` worth reporting, in order.
pub(crate) fn scan(text: &str) -> Vec<Quotation> {
    let mut scanner = Scanner {
        text,
        stack: Vec::new(),
        out: Vec::new(),
        pending_end: None,
    };
    let mut marks = Vec::new();
    for (start, end) in paragraphs(text) {
        scanner.paragraph(start, end, &mut marks);
    }
    scanner.finish(true);
    scanner.out
}

/// Byte ranges of the non-blank lines of `text`: a news paragraph is a line.
fn paragraphs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || loop {
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        // (memchr's vector search: std's `find` took 9.3M instructions on polnear-train here.)
        let end = memchr::memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |i| pos + i);
        pos = end + 1;
        if !text[start..end].trim().is_empty() {
            return Some((start, end));
        }
    })
}

struct Scanner<'t> {
    text: &'t str,
    stack: Vec<Open>,
    out: Vec<Quotation>,
    /// Where the previous paragraph ended, while its open quotation waits to see whether the next
    /// paragraph reopens it (news style for a quotation running over paragraphs).
    pending_end: Option<usize>,
}

impl Scanner<'_> {
    fn paragraph(&mut self, start: usize, end: usize, marks: &mut Vec<Mark>) {
        collect_marks(self.text, start, end, marks);
        let mut first = 0;
        if let Some(prev_end) = self.pending_end.take() {
            let lead = self.text[start..end].trim_start();
            let reopened = marks.first().filter(|m| {
                m.at == end - lead.len()
                    && m.left_flanking
                    && self.stack.first().is_some_and(|o| reopens(o, m))
            });
            if reopened.is_some() {
                // The quotation goes on: its reopening mark is part of its text.
                self.stack.truncate(1);
                self.stack[0].paragraphs += 1;
                first = 1;
            } else {
                self.end_paragraph(prev_end, false);
            }
        }
        let last_closer = last_single_closer(marks);
        for (i, &m) in marks.iter().enumerate().skip(first) {
            let rest = &self.text[m.end()..end];
            match m.family() {
                Family::Double => self.double(m),
                Family::Single => self.single(m, rest, last_closer.is_some_and(|l| i < l)),
                Family::Guillemet | Family::SingleGuillemet => self.guillemet(m),
                Family::Corner | Family::WhiteCorner => self.corner(m),
            }
        }
        if !self.stack.is_empty() {
            self.pending_end = Some(end);
        }
    }

    /// At the end of the document, or of a paragraph not continued by the next.
    fn finish(&mut self, last: bool) {
        if let Some(end) = self.pending_end.take() {
            self.end_paragraph(end, last);
        }
    }

    /// Ends every open quotation at the paragraph end `end`. An unclosed single quote is usually an
    /// elision ('em, ’til), so it is kept only where the text is cut off mid-sentence.
    fn end_paragraph(&mut self, end: usize, last: bool) {
        self.stack.truncate(1);
        if let Some(open) = self.stack.pop() {
            let cut_off = last && !self.text.trim_end().ends_with(['.', '!', '?', '…']);
            if cut_off || open.family() != Family::Single || open.paragraphs > 0 {
                self.emit(open, end, None);
            }
        }
    }

    fn double(&mut self, m: Mark) {
        let open = self
            .stack
            .iter()
            .rposition(|o| o.family() == Family::Double);
        let clearly_opens = m.left_flanking && !m.right_flanking;
        let wants_close = match m.ch {
            '”' => true,
            '“' | '"' => !clearly_opens,
            _ => false,
        };
        if let (Some(i), true) = (open, wants_close) {
            return self.close(i, m);
        }
        let can_open = match m.ch {
            '„' | '‟' => true,
            '“' => m.left_flanking || !m.right_flanking,
            '"' => m.left_flanking || (!m.right_flanking && !m.isolated && open.is_none()),
            _ => clearly_opens, // ” as an opener: Swedish style, or a slip
        };
        if can_open {
            if let Some(i) = open {
                // A clear opening while one is open: the earlier quotation lost its closing mark.
                self.cut_at(i, m.at);
            }
            self.push(m);
        }
    }

    fn single(&mut self, m: Mark, rest: &str, later_closer: bool) {
        if m.in_word || (m.left_flanking && is_elided_year(rest)) {
            return; // an apostrophe: Let's, Russia’s, '90s
        }
        let open = self
            .stack
            .iter()
            .rposition(|o| o.family() == Family::Single);
        let can_close = m.right_flanking && matches!(m.ch, '\'' | '’' | '‘');
        if let (Some(i), true) = (open, can_close) {
            // `the soldiers’ families’ …`: after an s, with a word following and another closing
            // candidate later in the paragraph, the mark is a plural possessive.
            let possessive = later_closer
                && self.text[..m.at].ends_with(['s', 'S'])
                && rest.starts_with(' ')
                && rest[1..].starts_with(char::is_alphabetic);
            if !possessive {
                self.close(i, m);
            }
            return;
        }
        if m.left_flanking && matches!(m.ch, '\'' | '‘' | '’' | '‚' | '‛') {
            if let Some(i) = open {
                // Two openings in a row: the first was an elision ('em, ’til), not a quotation.
                self.stack.truncate(i);
            }
            self.push(m);
        }
    }

    fn guillemet(&mut self, m: Mark) {
        if let Some(i) = self.stack.iter().rposition(|o| o.closed_by(&m)) {
            // `»…«` closes only where the closing side fits, so that `«a» … «b»` pairs right.
            if self.stack[i].mark.ch == '«' || self.stack[i].mark.ch == '‹' || m.right_flanking {
                return self.close(i, m);
            }
        }
        let opens = match m.ch {
            '«' | '‹' => true,
            _ => m.left_flanking && !m.right_flanking,
        };
        if opens {
            if let Some(i) = self.stack.iter().rposition(|o| o.mark.ch == m.ch) {
                self.cut_at(i, m.at);
            }
            self.push(m);
        }
    }

    fn corner(&mut self, m: Mark) {
        match m.ch {
            '「' | '『' => self.push(m),
            _ => {
                if let Some(i) = self.stack.iter().rposition(|o| o.closed_by(&m)) {
                    self.close(i, m);
                }
            }
        }
    }

    fn push(&mut self, m: Mark) {
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(Open {
                mark: m,
                content_start: m.end(),
                nested: Vec::new(),
                paragraphs: 0,
            });
        }
    }

    /// Closes the quotation at stack index `i` with mark `m`; any opened inside it and still open
    /// were stray marks and are forgotten.
    fn close(&mut self, i: usize, m: Mark) {
        self.stack.truncate(i + 1);
        if let Some(open) = self.stack.pop() {
            self.emit(open, m.at, Some(m.range()));
        }
    }

    /// Ends the quotation at index `i` unclosed just before byte `at`.
    fn cut_at(&mut self, i: usize, at: usize) {
        self.stack.truncate(i + 1);
        if let Some(open) = self.stack.pop() {
            self.emit(open, at, None);
        }
    }

    fn emit(&mut self, open: Open, end: usize, close: Option<Range<usize>>) {
        let content = trim_span(self.text, open.content_start..end.max(open.content_start));
        if content.is_empty() {
            return;
        }
        if let Some(parent) = self.stack.last_mut() {
            parent.nested.push(Nested {
                span: content,
                style: super::marks::style_of(open.mark.ch),
            });
            return;
        }
        let raw = RawQuote {
            open: open.mark,
            content,
            close,
            nested: open.nested,
            paragraphs: open.paragraphs + 1,
        };
        // Dropped here rather than after the scan: a text of a million empty pairs of marks
        // then costs no list of a million quotations.
        if super::worth_reporting(self.text, &raw) {
            self.out.push(super::quotation(self.text, raw));
        }
    }
}

/// Whether the paragraph-initial mark `m` reopens the quotation `o` left open by the paragraph
/// before: a mark of the same family that could itself open.
fn reopens(o: &Open, m: &Mark) -> bool {
    o.family() == m.family() && !matches!(m.ch, '”' | '»' | '›' | '」' | '』')
        || (o.mark.ch == '»' && m.ch == '»')
}

/// Removes the whitespace at both ends of `span`.
pub(crate) fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// The possible marks of the paragraph `text[start..end]`, with their neighbourhoods. Marks inside
/// HTML tags (`<a href="…">`) are not quotation marks.
fn collect_marks(text: &str, start: usize, end: usize, out: &mut Vec<Mark>) {
    out.clear();
    let para = &text[start..end];
    let bytes = para.as_bytes();
    // Room for every candidate at once: a paragraph of a million marks would otherwise grow
    // the vector by doubling, and hold the old and the new block at the peak. (Only for long
    // paragraphs: counting every byte of the others cost 11M instructions on polnear-train,
    // and the list kept from paragraph to paragraph seldom grows.)
    if bytes.len() > COUNTED_PARAGRAPH {
        out.reserve_exact(bytes.iter().filter(|&&b| MAY_START[usize::from(b)]).count());
    }
    let mut tag_end = 0;
    let mut i = 0;
    // Only a few bytes can begin a mark or a tag: the rest of the text is skipped without
    // decoding it.
    let mut candidates = Candidates::new(bytes);
    while let Some(next) = candidates.next(i) {
        i = next;
        let Some(c) = para[i..].chars().next() else {
            break;
        };
        let next = para[i + c.len_utf8()..].chars().next();
        if c == '<' && i >= tag_end && next.is_some_and(|n| n.is_ascii_alphabetic() || n == '/') {
            tag_end = html_tag_end(para, i).unwrap_or(0);
        }
        if i >= tag_end && is_candidate(c) {
            let prev = para[..i].chars().next_back();
            out.push(classify(c, start + i, prev, next));
        }
        i += c.len_utf8();
    }
}

/// Paragraphs longer than this have their candidates counted before they are collected.
const COUNTED_PARAGRAPH: usize = 4096;

/// The bytes of a paragraph that may begin a mark or a tag ([`MAY_START`]), found with two
/// of memchr's vector searches, each for three bytes: `"`, `'` and `<`, and the lead bytes
/// `0xC2`, `0xE2` and `0xE3` of the curly marks and guillemets. Each search is run again only
/// once the scan has passed what it found. (It replaced a test of eight bytes at a time:
/// `detect` over polnear-train fell from 60.8M to 37.5M instructions, with the two changes
/// beside it.)
struct Candidates<'b> {
    bytes: &'b [u8],
    /// The next `"`, `'` or `<` at or after where the scan last asked, if any.
    ascii: Option<usize>,
    /// The next lead byte at or after where the scan last asked, if any.
    lead: Option<usize>,
}

impl<'b> Candidates<'b> {
    fn new(bytes: &'b [u8]) -> Self {
        Candidates {
            bytes,
            ascii: memchr::memchr3(b'"', b'\'', b'<', bytes),
            lead: memchr::memchr3(0xC2, 0xE2, 0xE3, bytes),
        }
    }

    /// The first candidate at or after `from`, which must not be before the last `from`.
    fn next(&mut self, from: usize) -> Option<usize> {
        let rest = self.bytes.get(from..).unwrap_or_default();
        if self.ascii.is_some_and(|at| at < from) {
            self.ascii = memchr::memchr3(b'"', b'\'', b'<', rest).map(|k| from + k);
        }
        if self.lead.is_some_and(|at| at < from) {
            self.lead = memchr::memchr3(0xC2, 0xE2, 0xE3, rest).map(|k| from + k);
        }
        match (self.ascii, self.lead) {
            (Some(a), Some(l)) => Some(a.min(l)),
            (a, l) => a.or(l),
        }
    }
}

/// The bytes that may begin a quote mark or an HTML tag: `"`, `'`, `<`, and the lead bytes of
/// the two- and three-byte marks (`«` `»`; `“` `”` `‘` `’` `„` `‹` `›`; `「` `」` `『` `』`).
static MAY_START: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[b'<' as usize] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table
};

fn is_candidate(c: char) -> bool {
    family_of(c).is_some()
}

/// The end of an HTML tag starting at `at`, if the line closes it soon: a `<` in prose stays text.
fn html_tag_end(para: &str, at: usize) -> Option<usize> {
    const MAX_TAG: usize = 1024;
    let mut window_end = (at + MAX_TAG).min(para.len());
    while !para.is_char_boundary(window_end) {
        window_end -= 1;
    }
    // Stopping at the next `<` keeps the cost linear on text full of `<`.
    let window = &para[at + 1..window_end];
    let stop = window.find(['<', '>'])?;
    (window.as_bytes()[stop] == b'>').then_some(at + 1 + stop + 1)
}

/// The last single-quote mark of the paragraph that could close a quotation: a mark before it
/// has a later closer.
fn last_single_closer(marks: &[Mark]) -> Option<usize> {
    marks
        .iter()
        .rposition(|m| m.family() == Family::Single && m.right_flanking && !m.in_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_found_at_every_offset() {
        let marks = ["\"", "'", "<", "«", "“", "「", "é"];
        for mark in marks {
            for before in 0..20 {
                for after in [0, 1, 7, 8, 9] {
                    let text = format!("{}{mark}{}", "a".repeat(before), "b".repeat(after));
                    let bytes = text.as_bytes();
                    let naive = |from: usize| {
                        (from..bytes.len()).find(|&i| MAY_START[usize::from(bytes[i])])
                    };
                    for from in 0..=bytes.len() {
                        let fresh = Candidates::new(bytes).next(from);
                        assert_eq!(fresh, naive(from), "{text:?} {from}");
                    }
                    // Asked in order, as the scan asks, by one searcher.
                    let mut candidates = Candidates::new(bytes);
                    for from in 0..=bytes.len() + 1 {
                        assert_eq!(candidates.next(from), naive(from), "{text:?} {from}");
                    }
                }
            }
        }
    }
}

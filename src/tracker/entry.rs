//! A document as the tracker keeps it: its quotations with their attributions, packed, and
//! what later steps read of its text, worked out when it is added so that the text itself may
//! be let go.

use std::num::NonZeroUsize;
use std::ops::Range;

use super::reading::{read, Reading};
use crate::attribute::{Attribution, Method};
use crate::detect::{Nested, Quotation, QuoteKind, QuoteStyle};
use crate::document::Document;
use crate::text::hash::HashIndex;
use crate::text::lexicon::LANGUAGES;

/// A document read: its quotations and attributions as found, and what the tracker keeps of
/// its text. Made on any thread; kept, packed, by [`Read::keep`].
pub(super) struct Read {
    pub(super) document: Document,
    found: Vec<Reading>,
    /// The quoted texts back to back when the document's text is not kept.
    quoted: Option<String>,
}

impl Read {
    /// Detects and attributes the quotations of `document`, and reads what the tracker needs
    /// of its text later; the text itself is dropped unless `keep_text`.
    pub(super) fn new(mut document: Document, keep_text: bool) -> Read {
        let text = document.text.as_str();
        let found = read(text);
        let quoted = (!keep_text).then(|| {
            // At its size: grown by doubling, it would hold up to twice the texts.
            let size = found.iter().map(|r| r.quotation.text(text).len()).sum();
            let mut quoted = String::with_capacity(size);
            for r in &found {
                quoted.push_str(r.quotation.text(text));
            }
            quoted
        });
        if !keep_text {
            document.text = String::new();
        }
        Read {
            document,
            found,
            quoted,
        }
    }

    /// How many quotations were found.
    pub(super) fn quotations(&self) -> usize {
        self.found.len()
    }

    /// The entry kept of it, its speakers' names and cues kept once in `names`.
    pub(super) fn keep(self, names: &mut Names) -> Entry {
        let mut kept = Vec::with_capacity(self.found.len());
        let mut nested = Vec::new();
        let mut quoted_at = 0;
        for (k, r) in self.found.into_iter().enumerate() {
            let (q, a) = (r.quotation, r.attribution);
            let cue_span = a.cue_span.clone();
            kept.push(Kept {
                span: (q.span.start, q.span.end),
                outer: (q.outer.start, q.outer.end),
                cue_span: cue_span.as_ref().map_or((0, 0), |c| (c.start, c.end)),
                paragraphs: q.paragraphs,
                quoted_at,
                speaker: a.speaker.as_deref().map(|s| names.id(s)),
                cue: a.cue.as_deref().map(|s| names.id(s)),
                style: q.style,
                kind: q.kind,
                closed: q.closed,
                has_cue_span: cue_span.is_some(),
                method: a.method,
                goes_on: r.goes_on,
                language: r.language.and_then(language_number),
            });
            quoted_at += q.span.len();
            if !q.nested.is_empty() {
                nested.push((k, q.nested));
            }
        }
        Entry {
            document: self.document,
            kept,
            quoted: self.quoted,
            nested,
        }
    }
}

/// A document as the tracker keeps it.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) document: Document,
    /// Its quotations and their attributions, in text order.
    kept: Vec<Kept>,
    /// The quoted texts back to back, when the document's text is not kept
    /// (`Tracker::keep_texts(false)`): a tenth of the text, say, rather than all of it.
    quoted: Option<String>,
    /// The quotations nested in others, by the outer one's place: few documents have any, and
    /// a list for each quotation would cost more than all of them.
    nested: Vec<(usize, Vec<Nested>)>,
}

/// A quotation and its attribution packed as an entry keeps them: 88 bytes and no allocation,
/// where a [`Quotation`] and an [`Attribution`] side by side take 152 bytes and a string
/// each for the speaker and the cue. On the 100,000-document corpus of
/// `benches/track_corpus.sh` (888,000 quotations) the peak fell from 442 to 318 MiB.
#[derive(Debug, Clone)]
struct Kept {
    span: (usize, usize),
    outer: (usize, usize),
    /// The cue's range when `has_cue_span`.
    cue_span: (usize, usize),
    paragraphs: usize,
    /// Where its text starts in [`Entry::quoted`].
    quoted_at: usize,
    speaker: Option<Name>,
    cue: Option<Name>,
    style: QuoteStyle,
    kind: QuoteKind,
    closed: bool,
    has_cue_span: bool,
    method: Option<Method>,
    /// Whether the text shows it going on from the quotation before (`"A," he wrote. "B"`).
    goes_on: bool,
    /// Its language's place in [`LANGUAGES`].
    language: Option<u8>,
}

impl Entry {
    /// How many quotations it has.
    pub(super) fn len(&self) -> usize {
        self.kept.len()
    }

    /// The text of quotation `k`.
    pub(super) fn text(&self, k: usize) -> &str {
        let kept = &self.kept[k];
        let (start, end) = kept.span;
        match &self.quoted {
            None => self.document.text.get(start..end).unwrap_or(""),
            Some(quoted) => &quoted[kept.quoted_at..kept.quoted_at + (end - start)],
        }
    }

    /// The byte range of quotation `k`'s text in the document.
    pub(super) fn span(&self, k: usize) -> Range<usize> {
        let (start, end) = self.kept[k].span;
        start..end
    }

    /// Quotation `k`'s kind.
    pub(super) fn kind(&self, k: usize) -> QuoteKind {
        self.kept[k].kind
    }

    /// The speaker quotation `k`'s document names, as written there.
    pub(super) fn speaker<'a>(&self, k: usize, names: &'a Names) -> Option<&'a str> {
        self.kept[k].speaker.map(|n| names.get(n))
    }

    /// How quotation `k`'s speaker was found in its document.
    pub(super) fn method(&self, k: usize) -> Option<Method> {
        self.kept[k].method
    }

    /// The cue that attributes quotation `k`.
    pub(super) fn cue<'a>(&self, k: usize, names: &'a Names) -> Option<&'a str> {
        self.kept[k].cue.map(|n| names.get(n))
    }

    /// Whether the text shows quotation `k` going on from the one before.
    pub(super) fn goes_on(&self, k: usize) -> bool {
        self.kept[k].goes_on
    }

    /// Quotation `k`'s language: by its own words when they are enough, else by its
    /// document's.
    pub(super) fn language(&self, k: usize) -> Option<&'static str> {
        self.kept[k]
            .language
            .and_then(|l| LANGUAGES.get(usize::from(l)))
            .map(|g| g.code)
    }

    /// Quotation `k` as it was found.
    pub(super) fn quotation(&self, k: usize) -> Quotation {
        let kept = &self.kept[k];
        let nested = match self.nested.binary_search_by_key(&k, |n| n.0) {
            Ok(i) => self.nested[i].1.clone(),
            Err(_) => Vec::new(),
        };
        Quotation {
            span: kept.span.0..kept.span.1,
            outer: kept.outer.0..kept.outer.1,
            style: kept.style,
            kind: kept.kind,
            closed: kept.closed,
            paragraphs: kept.paragraphs,
            nested,
        }
    }

    /// Quotation `k`'s attribution as it was found.
    pub(super) fn attribution(&self, k: usize, names: &Names) -> Attribution {
        let kept = &self.kept[k];
        Attribution {
            speaker: self.speaker(k, names).map(str::to_string),
            cue: self.cue(k, names).map(str::to_string),
            cue_span: kept
                .has_cue_span
                .then_some(kept.cue_span.0..kept.cue_span.1),
            method: kept.method,
        }
    }
}

/// The place of the language `code` in [`LANGUAGES`].
fn language_number(code: &'static str) -> Option<u8> {
    let place = LANGUAGES.iter().position(|g| g.code == code)?;
    u8::try_from(place).ok()
}

/// A string kept in [`Names`]: its place there, plus one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Name(NonZeroUsize);

/// The speakers' names and the cues of all the tracker's quotations, each kept once: a few
/// thousand strings for a million quotations.
#[derive(Debug, Clone, Default)]
pub(super) struct Names {
    strings: Vec<Box<str>>,
    /// Places in `strings` by a hash of the string.
    index: HashIndex,
}

impl Names {
    /// The name of `s`, kept if it is new.
    fn id(&mut self, s: &str) -> Name {
        let hash = self.index.hash(s);
        let strings = &self.strings;
        let place = match self
            .index
            .insert_unless(hash, strings.len(), |i| &*strings[i] == s)
        {
            Ok(()) => {
                self.strings.push(s.into());
                self.strings.len() - 1
            }
            Err(found) => found,
        };
        Name(NonZeroUsize::MIN.saturating_add(place))
    }

    /// The string named `name`.
    fn get(&self, name: Name) -> &str {
        self.strings.get(name.0.get() - 1).map_or("", |s| &**s)
    }
}

/// [`Read::new`] for each of `documents`, in order: on all cores with the `parallel` feature
/// (each document is read on its own, so the results are the same either way).
pub(super) fn read_all(documents: Vec<Document>, keep_text: bool) -> Vec<Read> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        documents
            .into_par_iter()
            .map(|d| Read::new(d, keep_text))
            .collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        documents
            .into_iter()
            .map(|d| Read::new(d, keep_text))
            .collect()
    }
}

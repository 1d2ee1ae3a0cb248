//! Speaker attribution: who said each quotation, and the words that say so.
//!
//! The rules read the prose beside a quotation, in the patterns of news writing:
//! `"…," Trump wrote.` · `"…," said Zelensky.` · `Trump said: "…"` · `according to Ukraine's
//! emergency services` · `he added` (a pronoun points to the person last named as a speaker or
//! subject) · `the Ukrainian leader said` (a description points to the person last named with that
//! title). A quotation without such words takes the speaker of its paragraph when the paragraph has
//! one, or of the quotation it continues from the paragraph before. Anything less certain is left
//! without a speaker: no speaker is better than a wrong one.

mod names;
mod people;
mod tokens;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::detect::{paragraph_bounds, Quotation};
use crate::lexicon;
use names::{subject_after, subject_before, Subject};
use people::People;
use tokens::{tokenize, Token};

pub use people::canonical_speakers;

/// How a speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Method {
    /// Named beside the quotation: `"…," Trump wrote.`
    Named,
    /// A pronoun beside it, resolved: `he added`.
    Pronoun,
    /// A description beside it, resolved: `the Ukrainian leader said`.
    Description,
    /// The speaker of the other quotations of the same paragraph.
    Paragraph,
    /// The speaker of the quotation it continues, in the paragraph before.
    Continuation,
}

/// Who said a quotation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attribution {
    /// The speaker's name with titles removed (`Donald Trump`), or an organisation as written
    /// (`Russia's defense ministry`). Within a document a surname is expanded to the full name
    /// found elsewhere in it.
    pub speaker: Option<String>,
    /// The word or words that attribute it: `wrote`, `said`, `according to`.
    pub cue: Option<String>,
    /// Byte range of the cue in the document.
    pub cue_span: Option<Range<usize>>,
    /// How the speaker was found.
    pub method: Option<Method>,
}

/// How far from a quotation the attribution may stand, in bytes.
const CONTEXT: usize = 240;

/// Attributes each of `quotes` (as returned by [`detect`](crate::detect) for `text`).
///
/// The result is parallel to `quotes`.
///
/// ```
/// use quotetrace::{attribute, detect};
///
/// let text = "U.S. President Donald Trump criticised the strikes.\n\
///             “I am not happy,” Trump wrote. “Vladimir, STOP!”\n\
///             “Not now,” he added.";
/// let quotes = detect(text);
/// let speakers: Vec<_> = attribute(text, &quotes)
///     .into_iter()
///     .map(|a| a.speaker)
///     .collect();
/// let trump = Some("Donald Trump".to_string());
/// assert_eq!(speakers, [trump.clone(), trump.clone(), trump]);
/// ```
pub fn attribute(text: &str, quotes: &[Quotation]) -> Vec<Attribution> {
    let mut people = People::default();
    let mut out = vec![Attribution::default(); quotes.len()];
    let mut prose_start = 0;
    for (i, q) in quotes.iter().enumerate() {
        // All the prose since the last quotation names people; only its last lines attribute.
        let prose = tokenize(text, prose_start..q.outer.start.max(prose_start));
        people.observe(&prose);
        let left = left_context(text, prose_start, q.outer.start);
        let first_left = prose.partition_point(|t| t.span.start < left.start);
        let left_tokens = &prose[first_left..];
        let right = right_context(text, q.outer.end, quotes.get(i + 1));
        let right_tokens = tokenize(text, right);
        out[i] = explicit(&right_tokens, left_tokens, q, &mut people);
        prose_start = q.outer.end;
    }
    fill_from_neighbours(text, quotes, &mut out);
    for a in &mut out {
        if let Some(name) = &a.speaker {
            a.speaker = Some(people.full_name(name));
        }
    }
    out
}

/// The prose of the quotation's sentence before its opening mark, within its paragraph.
fn left_context(text: &str, from: usize, to: usize) -> Range<usize> {
    let from = from.max(floor_boundary(text, to.saturating_sub(CONTEXT)));
    let start = text[from..to].rfind('\n').map_or(from, |i| from + i + 1);
    start..to
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
fn sentence_tail<'a, 't>(tokens: &'a [Token<'t>]) -> &'a [Token<'t>] {
    let start = tokens
        .iter()
        .rposition(Token::ends_sentence)
        .map_or(0, |i| i + 1);
    &tokens[start..]
}

fn sentence_head<'a, 't>(tokens: &'a [Token<'t>]) -> &'a [Token<'t>] {
    let end = tokens
        .iter()
        .position(Token::ends_sentence)
        .unwrap_or(tokens.len());
    &tokens[..end]
}

/// An attribution stated beside the quotation. Full quotations look right first (`"…," Trump
/// wrote`), fragments left first (`Trump called it "not necessary"`).
fn explicit(
    right: &[Token<'_>],
    left: &[Token<'_>],
    q: &Quotation,
    people: &mut People,
) -> Attribution {
    let right = sentence_head(right);
    let left = sentence_tail(left);
    let found = if q.kind == crate::QuoteKind::Full {
        after_quote(right).or_else(|| before_quote(left))
    } else {
        before_quote(left).or_else(|| after_quote(right))
    };
    let Some((subject, cue)) = found else {
        return Attribution::default();
    };
    let (speaker, method) = match subject {
        Subject::Person { name, titles } => {
            people.mention(&name, &titles);
            (Some(name), Method::Named)
        }
        Subject::Organisation(name) => (Some(name), Method::Named),
        Subject::Pronoun => (people.last_person(), Method::Pronoun),
        Subject::Description(roles) => (people.described(&roles), Method::Description),
    };
    if let Some(name) = &speaker {
        people.mention(name, &[]);
    }
    Attribution {
        cue: speaker.as_ref().map(|_| cue.0),
        cue_span: speaker.as_ref().map(|_| cue.1),
        method: speaker.as_ref().map(|_| method),
        speaker,
    }
}

type Cue = (String, Range<usize>);

/// `, Trump wrote` · `, said Zelensky` · `, according to the ministry` right after the quotation.
fn after_quote(tokens: &[Token<'_>]) -> Option<(Subject, Cue)> {
    let start = tokens
        .iter()
        .position(|t| !matches!(t.text, "," | "-" | "–" | "—" | ")" | "("))?;
    let tokens = &tokens[start..];
    if let Some(found) = according_to(tokens, 0) {
        return Some(found);
    }
    let first = tokens.first()?;
    if lexicon::is_speech_verb(first.text) && first.is_lowercase_word() {
        let subject = subject_after(tokens, 1)?;
        return Some((subject, cue(first)));
    }
    // The subject is at most a name with its titles, then the verb: look a few words ahead.
    let verb = tokens
        .iter()
        .take(9)
        .position(|t| t.is_lowercase_word() && lexicon::is_speech_verb(t.text) && !t.is("read"))?;
    let subject = subject_before(tokens, verb)?;
    // The whole stretch before the verb must be that subject, not `… the man Trump met said`.
    let consumed = tokens[..verb]
        .iter()
        .filter(|t| t.is_word() && !lexicon::is_verb_adverb(t.text))
        .count();
    let words = match &subject {
        Subject::Person { name, titles } => name.split(' ').count() + titles.len(),
        Subject::Organisation(name) => name.split(' ').count(),
        Subject::Pronoun => 1,
        Subject::Description(roles) => roles.len() + 1,
    };
    (consumed <= words + 1).then(|| (subject, cue(&tokens[verb])))
}

/// `Trump said: "…"` · `Trump called the attacks "…"` · `according to the ministry, "…"`.
fn before_quote(tokens: &[Token<'_>]) -> Option<(Subject, Cue)> {
    if let Some(at) = tokens
        .windows(2)
        .rposition(|w| w[0].text.eq_ignore_ascii_case("according") && w[1].is("to"))
    {
        if let Some(found) = according_to(tokens, at) {
            return Some(found);
        }
    }
    let verb = tokens
        .iter()
        .rposition(|t| t.is_lowercase_word() && lexicon::is_speech_verb(t.text))?;
    let subject = subject_before(tokens, verb)?;
    Some((subject, cue(&tokens[verb])))
}

fn according_to(tokens: &[Token<'_>], at: usize) -> Option<(Subject, Cue)> {
    let (a, b) = (tokens.get(at)?, tokens.get(at + 1)?);
    if !(a.text.eq_ignore_ascii_case("according") && b.is("to")) {
        return None;
    }
    let subject = subject_after(tokens, at + 2)?;
    Some((
        subject,
        ("according to".to_string(), a.span.start..b.span.end),
    ))
}

fn cue(t: &Token<'_>) -> Cue {
    (t.text.to_string(), t.span.clone())
}

/// Quotations without words of their own take the one speaker of their paragraph, or the speaker
/// of the quotation they continue when they open the next paragraph.
fn fill_from_neighbours(text: &str, quotes: &[Quotation], out: &mut [Attribution]) {
    let paragraph = |q: &Quotation| paragraph_bounds(text, q.outer.start);
    let mut i = 0;
    while i < quotes.len() {
        let bounds = paragraph(&quotes[i]);
        let mut j = i;
        while j < quotes.len() && quotes[j].outer.start < bounds.end {
            j += 1;
        }
        let mut speakers = out[i..j].iter().filter_map(|a| a.speaker.as_ref());
        let only = match (speakers.next(), speakers.next()) {
            (Some(first), None) => Some(first.clone()),
            (Some(first), Some(_)) => {
                let first = first.clone();
                out[i..j]
                    .iter()
                    .filter_map(|a| a.speaker.as_ref())
                    .all(|s| *s == first)
                    .then_some(first)
            }
            _ => None,
        };
        for k in i..j {
            if out[k].speaker.is_some() {
                continue;
            }
            if let Some(name) = &only {
                out[k].speaker = Some(name.clone());
                out[k].method = Some(Method::Paragraph);
            } else if k == i && k > 0 && continues(text, &quotes[k - 1], &quotes[k]) {
                out[k].speaker = out[k - 1].speaker.clone();
                out[k].method = out[k].speaker.as_ref().map(|_| Method::Continuation);
            }
        }
        i = j.max(i + 1);
    }
}

/// Whether `q` opens the paragraph right after the one where `prev` ends.
fn continues(text: &str, prev: &Quotation, q: &Quotation) -> bool {
    let gap = &text[prev.outer.end..q.outer.start];
    match gap.find('\n') {
        Some(nl) => gap[nl..].trim().is_empty(),
        None => false,
    }
}

#[cfg(test)]
mod tests;

//! The patterns of news attribution, read from the tokens beside a quotation.

use std::ops::Range;

use super::names::{subject_after, subject_before, Subject};
use super::tokens::Token;
use crate::lexicon;

/// The attributing words: their text and byte range.
pub(crate) type Cue = (String, Range<usize>);

/// Dashes and brackets that may stand between a closing mark and its attribution.
fn is_joiner(t: &Token<'_>) -> bool {
    matches!(t.text, "," | "-" | "–" | "—" | "―" | ")" | "(")
}

fn is_verb(t: &Token<'_>, headline: bool) -> bool {
    (t.is_lowercase_word() || (headline && t.is_capitalised()))
        && lexicon::is_speech_verb(t.text)
        && !t.is("read")
}

fn cue(t: &Token<'_>) -> Cue {
    (t.text.to_string(), t.span.clone())
}

/// `, Trump wrote` · `, said Zelensky` · `, according to the ministry` · `― Carlos Raúl` right after
/// the quotation; in a headline also `: Trump makes …`.
pub(crate) fn after_quote(tokens: &[Token<'_>], headline: bool) -> Option<(Subject, Cue)> {
    let start = tokens
        .iter()
        .position(|t| !(is_joiner(t) || (headline && t.is(":"))))?;
    let dashed = tokens[..start].iter().any(|t| !t.is(",") && !t.is(")"));
    let tokens = &tokens[start..];
    if let Some(found) = according_to(tokens, 0) {
        return Some(found);
    }
    let first = tokens.first()?;
    if is_verb(first, false) {
        let subject = subject_after(tokens, 1)?;
        return Some((subject, cue(first)));
    }
    // The subject is at most a name with its titles, then the verb: look a few words ahead.
    if let Some(verb) = tokens.iter().take(9).position(|t| is_verb(t, false)) {
        if let Some(subject) = subject_before(tokens, verb) {
            if spans_whole(tokens, verb, &subject) {
                return Some((subject, cue(&tokens[verb])));
            }
        }
    }
    // `"…" ― Francisco Herrero`, and a headline's `'Vladimir, STOP!': Trump makes …`
    if dashed || headline {
        if let Some(subject @ Subject::Person { .. }) = subject_after(tokens, 0) {
            let mark = &tokens[start.saturating_sub(1).min(tokens.len() - 1)];
            return Some((subject, ("—".to_string(), mark.span.clone())));
        }
    }
    None
}

/// Whether the words before the verb are all the subject's, not `the man Trump met said`.
fn spans_whole(tokens: &[Token<'_>], verb: usize, subject: &Subject) -> bool {
    let consumed = tokens[..verb]
        .iter()
        .filter(|t| t.is_word() && !lexicon::is_verb_adverb(t.text))
        .count();
    let words = match subject {
        Subject::Person { name, titles } => name.split(' ').count() + titles.len(),
        Subject::Organisation(name) => name.split(' ').count(),
        Subject::Pronoun => 1,
        Subject::Description(roles) => roles.len() + 1,
    };
    consumed <= words + 1
}

/// `Trump said: "…"` · `Trump called the attacks "…"` · `according to the ministry, "…"` ·
/// `described by Zelensky as "…"` · `Trump's claim that "…"` · `Trump took to social media and
/// said, "…"` (the sentence's subject) · in a headline, `Trump 'not happy'`.
pub(crate) fn before_quote(tokens: &[Token<'_>], headline: bool) -> Option<(Subject, Cue)> {
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
        .enumerate()
        .rposition(|(i, t)| is_verb(t, headline && i > 0));
    if let Some(verb) = verb {
        let v = &tokens[verb];
        if tokens.get(verb + 1).is_some_and(|t| t.is("by")) {
            if let Some(subject) = subject_after(tokens, verb + 2) {
                return Some((subject, cue(v)));
            }
        }
        let subject = subject_before(tokens, verb).or_else(|| sentence_subject(&tokens[..verb]));
        if let Some(subject) = subject {
            return Some((subject, cue(v)));
        }
    }
    if let Some(found) = possessive_statement(tokens) {
        return Some(found);
    }
    let colon = tokens.last().is_some_and(|t| t.is(":"));
    if colon || headline {
        if let Some(subject) = sentence_subject(tokens) {
            let last = tokens.last()?;
            return Some((subject, (last.text.to_string(), last.span.clone())));
        }
    }
    None
}

/// `Trump's claim that "…"`, `Trump’s statement: "…"`.
fn possessive_statement(tokens: &[Token<'_>]) -> Option<(Subject, Cue)> {
    let tail = tokens.len().saturating_sub(4);
    let noun = (tail..tokens.len())
        .rev()
        .find(|&i| lexicon::is_statement_noun(tokens[i].text))?;
    let owner = noun.checked_sub(1).map(|i| &tokens[i])?;
    if !(owner.is_possessive() && owner.is_capitalised()) {
        return None;
    }
    let stem = owner.stem();
    let lower = stem.to_lowercase();
    if lexicon::is_not_name(&lower) || lexicon::is_title(&lower) {
        return None;
    }
    let subject = Subject::Person {
        name: stem.to_string(),
        titles: Vec::new(),
    };
    Some((subject, cue(&tokens[noun])))
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

/// The subject a sentence opens with, after an opening adverbial such as `On Thursday,`.
pub(crate) fn sentence_subject(tokens: &[Token<'_>]) -> Option<Subject> {
    subject_after(tokens, 0).or_else(|| {
        let comma = tokens.iter().take(7).position(|t| t.is(","))?;
        subject_after(tokens, comma + 1)
    })
}

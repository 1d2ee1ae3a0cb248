//! The patterns of news attribution, read from the tokens beside a quotation.

use std::ops::Range;

use super::names::{subject_after, subject_after_to, subject_after_verb, subject_before, Subject};
use super::tokens::Token;
use crate::text::lexicon;

mod after;
mod before;

pub(crate) use after::after_quote;
pub(crate) use before::{before_quote, introduced_by};

/// The attributing words: their text and byte range.
pub(crate) type Cue = (String, Range<usize>);

/// Dashes and brackets that may stand between a closing mark and its attribution.
fn is_joiner(t: &Token<'_>) -> bool {
    matches!(t.text, "," | "-" | "–" | "—" | "―" | ")" | "(")
}

/// A speech verb that attributes: in small letters, or in a title-case headline, which
/// capitalises its verbs too (`Trump Tells Putin`; but `States` is nearly always `United
/// States`). Never `read`, which introduces a text, not its speaker (`the sign read`).
fn is_verb(t: &Token<'_>, headline: bool) -> bool {
    let headline_verb = headline && t.is_capitalised() && !t.is("States") && t.has(lexicon::SPEECH);
    (t.is_speech_verb() || headline_verb) && !t.is("read")
}

fn cue(t: &Token<'_>) -> Cue {
    (t.text.to_string(), t.span())
}

/// `The prime minister, Keir Starmer, also paid tribute`: a description opening the sentence,
/// then the name it describes set off by commas.
fn described_then_named(tokens: &[Token<'_>]) -> Option<Subject> {
    let (Subject::Description(_), end) = subject_after_to(tokens, 0)? else {
        return None;
    };
    if !tokens.get(end)?.is(",") {
        return None;
    }
    match subject_after_to(tokens, end + 1)? {
        (person @ Subject::Person { .. }, after) if tokens.get(after)?.is(",") => Some(person),
        _ => None,
    }
}

/// The subject after a sentence's opening phrase: `On Thursday, Trump …`. In `Speaking at a
/// rally in Salem, New Hampshire, Trump went after Bush` the phrase runs on past its first
/// comma: the subject is the first one after a comma with a lower-case word (its verb) after
/// it, else the first one after a comma among the first 16 words.
fn after_opening_phrase(tokens: &[Token<'_>]) -> Option<Subject> {
    let mut first = None;
    let commas = tokens
        .iter()
        .take(24)
        .enumerate()
        .filter(|(_, t)| t.is(","));
    for (c, _) in commas {
        let Some((subject, end)) = subject_after_to(tokens, c + 1) else {
            continue;
        };
        let next = tokens.get(end);
        // (`Trump, flanked by Pence, Vance and others, went on`: `and` is no verb.)
        if next.is_some_and(|t| t.is_lowercase_word() && !t.is_clause_word()) {
            return Some(subject);
        }
        if first.is_none() && c < 16 {
            first = Some(subject);
        }
    }
    first
}

/// `as The New Yorker put it`, at the start of `tokens`.
fn as_put_it(tokens: &[Token<'_>]) -> Option<(Subject, Cue)> {
    if !tokens.first()?.text.eq_ignore_ascii_case("as") {
        return None;
    }
    let put = tokens.iter().take(8).position(|t| t.is("put"))?;
    if !tokens.get(put + 1)?.is("it") {
        return None;
    }
    let subject = subject_before(tokens, put)?;
    Some((
        subject,
        (
            "put it".to_string(),
            tokens[put].start..tokens[put + 1].end(),
        ),
    ))
}

/// `Trump's claim that "…"`, `Trump’s statement: "…"`.
fn possessive_statement(tokens: &[Token<'_>]) -> Option<(Subject, Cue)> {
    let tail = tokens.len().saturating_sub(4);
    let noun = (tail..tokens.len())
        .rev()
        .find(|&i| tokens[i].is_statement_noun())?;
    let owner = noun.checked_sub(1).map(|i| &tokens[i])?;
    if !(owner.is_possessive() && owner.is_capitalised()) {
        return None;
    }
    let stem = owner.stem();
    let mut buffer = [0u8; 32];
    let lower = lexicon::lower(stem, &mut buffer);
    if lexicon::is_not_name(&lower) || lexicon::is_title(&lower) {
        return None;
    }
    let subject = Subject::Person {
        name: stem.to_string(),
        titles: Vec::new(),
    };
    Some((subject, cue(&tokens[noun])))
}

/// `according to X`, `selon X`, `laut X` at `tokens[at]`; right after a quotation also the
/// words that attribute only there (`«…», so der Trainer`).
fn according_to(tokens: &[Token<'_>], at: usize, after_quote: bool) -> Option<(Subject, Cue)> {
    let a = tokens.get(at)?;
    let after = after_quote && a.is_lowercase_word() && a.has(lexicon::AFTER_QUOTE);
    if a.is_according() || after {
        let subject = subject_after_verb(tokens, at + 1)?;
        return Some((subject, cue(a)));
    }
    let b = tokens.get(at + 1)?;
    if !(a.text.eq_ignore_ascii_case("according") && b.is("to")) {
        return None;
    }
    let subject = subject_after_verb(tokens, at + 2)?;
    let span = a.start..b.end();
    Some((subject, (format!("{} {}", a.text, b.text), span)))
}

/// The subject a sentence opens with, after an opening adverbial such as `On Thursday,`.
pub(crate) fn sentence_subject(tokens: &[Token<'_>]) -> Option<Subject> {
    // `Trump's message to Putin follows …, saying`: the owner of the words.
    let mut buffer = [0u8; 32];
    if let [owner, rest @ ..] = tokens {
        let words = rest.iter().take(2).take_while(|t| t.is_lowercase_word());
        let owns_words = owner.is_possessive()
            && owner.is_capitalised()
            && words.into_iter().any(|t| t.is_statement_noun());
        if owns_words {
            // (Lowered only then: most sentences open otherwise.)
            let stem = lexicon::lower(owner.stem(), &mut buffer);
            if !lexicon::is_not_name(&stem) && !lexicon::is_title(&stem) {
                return Some(Subject::Person {
                    name: owner.stem().to_string(),
                    titles: Vec::new(),
                });
            }
        }
    }
    // `The post then turned to …:`, `His statement read`: the words of whoever was last quoted.
    if let [det, noun, ..] = tokens {
        let det = lexicon::lower(det.text, &mut buffer);
        if matches!(det.as_ref(), "the" | "his" | "her" | "their") && noun.is_statement_noun() {
            return Some(Subject::Pronoun);
        }
    }
    // `WASHINGTON, April 24 (Wire) - Donald Trump on Thursday …`: past a dateline too.
    described_then_named(tokens)
        .or_else(|| subject_after(tokens, 0))
        .or_else(|| after_opening_phrase(tokens))
        .or_else(|| {
            let dash = tokens
                .iter()
                .take(16)
                .position(|t| matches!(t.text, "-" | "–" | "—"))?;
            subject_after(tokens, dash + 1)
        })
}

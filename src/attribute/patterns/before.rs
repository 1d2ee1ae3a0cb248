//! The patterns that attribute a quotation from the words before it.

use super::after::{inverted_pronoun, subject_words};
use super::{according_to, as_put_it, cue, is_verb, possessive_statement, sentence_subject, Cue};
use crate::attribute::names::{subject_after_verb, subject_after_verb_to, subject_before, Subject};
use crate::attribute::tokens::{Class, Token};
use crate::text::lexicon;

/// `Trump said: "…"` · `Trump called the attacks "…"` · `according to the ministry, "…"` ·
/// `described by Zelensky as "…"` · `Trump's claim that "…"` · `Trump took to social media and
/// said, "…"` (the sentence's subject) · in a headline, `Trump 'not happy'`.
///
/// `whole` says whether `tokens` start where their sentence starts; if not (the prose after an
/// earlier quotation of the same sentence), the sentence's subject is out of sight and is not
/// guessed.
pub(crate) fn before_quote(
    tokens: &[Token<'_>],
    headline: bool,
    whole: bool,
) -> Option<(Subject, Cue)> {
    if let Some(at) = tokens
        .iter()
        .rposition(|t| t.text.eq_ignore_ascii_case("according") || t.is_according())
    {
        if let Some(found) = according_to(tokens, at, false) {
            return Some(found);
        }
    }
    if let Some(found) = verb_first(tokens, whole) {
        return Some(found);
    }
    // `Trump's claims`, `the remarks`: after a possessive or a determiner the word is a noun.
    let noun = |i: usize| {
        i > 0 && {
            let p = &tokens[i - 1];
            p.is_possessive() || matches!(p.text, "the" | "his" | "her" | "their" | "a" | "its")
        }
    };
    let verb = tokens
        .iter()
        .enumerate()
        .rposition(|(i, t)| is_verb(t, headline && i > 0) && !noun(i));
    if let Some(verb) = verb {
        let v = &tokens[verb];
        let subject = subject_after_its_verb(tokens, verb)
            .or_else(|| subject_before_its_verb(tokens, verb, headline, whole));
        if let Some(subject) = subject {
            return Some((subject, cue(v)));
        }
    }
    possessive_statement(tokens).or_else(|| {
        let at = tokens
            .iter()
            .rposition(|t| t.text.eq_ignore_ascii_case("as"))?;
        as_put_it(&tokens[at..])
    })
}

/// The subject of the sentence `tokens` end, when `whole` says its start is in sight. Without
/// it, the subject reported speaking earlier in the same sentence stands in for it: `"…,"
/// Macron remarked, calling on Moscow to "stop lying."`.
fn subject_in_sight(tokens: &[Token<'_>], whole: bool) -> Option<Subject> {
    if whole {
        sentence_subject(tokens)
    } else {
        tokens
            .iter()
            .position(|x| is_verb(x, false))
            .and_then(|v| subject_before(tokens, v))
    }
}

/// `Stated Stone: “…”`, `Continued Stone, “…”`: a verb opening the sentence, then its subject,
/// then the quotation (`Praising Biden, Trump said: …` opens with a participle).
fn verb_first(tokens: &[Token<'_>], whole: bool) -> Option<(Subject, Cue)> {
    let verb = tokens.first()?;
    let finite = verb.is_capitalised() && !verb.text.ends_with("ing");
    if !(whole && finite && verb.has(lexicon::SPEECH)) {
        return None;
    }
    let (subject @ Subject::Person { .. }, end) = subject_after_verb_to(tokens, 1)? else {
        return None;
    };
    let last = end + 1 == tokens.len();
    (last && tokens.get(end).is_some_and(|t| t.is(":") || t.is(","))).then(|| (subject, cue(verb)))
}

/// A subject after the speech verb `tokens[verb]`: `schrieb er`, `a-t-il dit` (German and French
/// put the subject after its verb; in English `said he` is rare and `said he was` a clause of its
/// own); `Dazu sagte Anna Berger:`, `ha aggiunto il portavoce:` (where subjects follow their
/// verbs); `described by Zelensky`.
fn subject_after_its_verb(tokens: &[Token<'_>], verb: usize) -> Option<Subject> {
    let v = &tokens[verb];
    if let Some((subject, _)) = inverted_pronoun(&tokens[verb..]) {
        return Some(subject);
    }
    if v.has(lexicon::INVERTS) {
        let subject = subject_after_verb(tokens, verb + 1);
        if let Some(
            subject @ (Subject::Person { .. } | Subject::Organisation(_) | Subject::Description(_)),
        ) = subject
        {
            return Some(subject);
        }
    }
    if tokens.get(verb + 1).is_some_and(|t| t.is("by")) {
        return subject_after_verb(tokens, verb + 2);
    }
    None
}

/// The subject before the speech verb `tokens[verb]`, its own or the sentence's.
fn subject_before_its_verb(
    tokens: &[Token<'_>],
    verb: usize,
    headline: bool,
    whole: bool,
) -> Option<Subject> {
    let v = &tokens[verb];
    let before = &tokens[..verb];
    if v.text.ends_with("ing") {
        return clause_subject(tokens, verb)
            .or_else(|| speaker_said_before(tokens, verb))
            .or_else(|| subject_in_sight(before, whole));
    }
    // `…, claiming Russia was`, `…, Calls Timing`: a verb after a comma shares the sentence's
    // subject.
    let shared =
        verb > 1 && tokens[verb - 1].is(",") && (headline || !tokens[verb - 2].is_capitalised());
    if shared {
        subject_in_sight(before, whole).or_else(|| subject_before(tokens, verb))
    } else {
        // A verb with a subject of its own (`critics called`) never borrows another.
        subject_before(tokens, verb)
            .or_else(|| whole.then(|| subject_in_sight(before, whole)).flatten())
    }
}

/// `…, with Sen. John McCain calling it a “…”`, `– Ryan saying he was “…”`: a name opening a
/// clause of its own before the participle `tokens[verb]` is its subject. (After a verb or a
/// preposition it is an object: `a letter to Lynch asking`.)
fn clause_subject(tokens: &[Token<'_>], verb: usize) -> Option<Subject> {
    let named = verb > 0 && tokens[verb - 1].class == Class::Name;
    let subject = named.then(|| subject_before(tokens, verb)).flatten()?;
    let opens = verb
        .checked_sub(subject_words(&subject) + 1)
        .map(|i| &tokens[i])
        .is_some_and(|t| matches!(t.text, "with" | "-" | "–" | "—" | ";"));
    let named = matches!(subject, Subject::Person { .. } | Subject::Organisation(_));
    (opens && named).then_some(subject)
}

/// `…, Spicer said, adding, "…"`: the participle `tokens[verb]` goes on from the speech verb
/// before it.
fn speaker_said_before(tokens: &[Token<'_>], verb: usize) -> Option<Subject> {
    let said = verb.checked_sub(2).filter(|&s| {
        tokens[verb - 1].is(",") && is_verb(&tokens[s], false) && !tokens[s].text.ends_with("ing")
    })?;
    subject_before(tokens, said)
        .filter(|s| matches!(s, Subject::Person { .. } | Subject::Organisation(_)))
}

/// The weakest pattern, tried after all others: a sentence that ends in a colon before the
/// quotation (`Trump wrote on Truth Social:`), or a headline (`Trump to Putin: 'STOP'`), is
/// the words of the sentence's subject, or, with none, of a person named just before the
/// colon (`More from Jones:`).
pub(crate) fn introduced_by(
    tokens: &[Token<'_>],
    headline: bool,
    whole: bool,
) -> Option<(Subject, Cue)> {
    let last = tokens.last()?;
    if !whole {
        return None;
    }
    if !(last.is(":") || headline) {
        return None;
    }
    // Else a person named just before the colon, with no subject of the sentence to speak
    // for: `Pollsters agree - Carl Bialik:`, `More from Jones:`; not the object of a
    // preposition (`a blunt message to Trump:`, `writing at The New York Post:`).
    let named_last = || {
        let colon = tokens.len() - 1;
        let person = subject_before(tokens, colon)?;
        let mut before = colon.checked_sub(subject_words(&person) + 1);
        if let Some(b) = before.filter(|&b| tokens[b].has(lexicon::ARTICLE)) {
            before = b.checked_sub(1);
        }
        let object = before.is_some_and(|b| tokens[b].is_clause_word() && !tokens[b].is("from"));
        (last.is(":") && !object && matches!(person, Subject::Person { .. })).then_some(person)
    };
    let subject = sentence_subject(tokens).or_else(named_last)?;
    Some((subject, (last.text.to_string(), last.span())))
}

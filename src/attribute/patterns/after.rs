//! The patterns that attribute a quotation from the words after it.

use super::{according_to, as_put_it, cue, is_joiner, is_verb, Cue};
use crate::attribute::names::{
    skip_parenthesis, subject_after, subject_after_to, subject_after_verb, subject_after_verb_to,
    subject_before, title_of, Subject,
};
use crate::attribute::tokens::Token;
use crate::text::lexicon;

/// `, Trump wrote` · `, said Zelensky` · `, according to the ministry` · `― Carlos Raúl` right after
/// the quotation; in a headline also `: Trump makes …`.
///
/// `closes` says whether `tokens` run to the end of their sentence (not only to the next
/// quotation or the end of the window read).
pub(crate) fn after_quote(
    tokens: &[Token<'_>],
    headline: bool,
    closes: bool,
) -> Option<(Subject, Cue)> {
    let start = tokens
        .iter()
        .position(|t| !(is_joiner(t) || (headline && t.is(":"))))?;
    let dashed = tokens[..start].iter().any(|t| !t.is(",") && !t.is(")"));
    let joiner = start.checked_sub(1).map(|i| tokens[i].clone());
    let tokens = &tokens[start..];
    if let Some(found) = according_to(tokens, 0, true) {
        return Some(found);
    }
    if let Some(found) = as_put_it(tokens) {
        return Some(found);
    }
    if let Some(found) = inverted_pronoun(tokens) {
        return Some(found);
    }
    // The perfect tense: `a déclaré Trump`, `ha detto il portavoce`, `heeft gezegd`.
    let tokens = &tokens[auxiliary(tokens)..];
    let first = tokens.first()?;
    // `, said Zelensky`; but `, suggesting Ukraine's leader …` is a participle, not inverted.
    if is_verb(first, false) && !first.text.ends_with("ing") {
        return verb_then_subject(tokens);
    }
    // The subject is at most a name with its titles, then the verb: look a few words ahead.
    let near_verb = tokens.iter().take(12).position(|t| is_verb(t, false));
    if let Some(verb) = near_verb.filter(|&verb| is_passive(tokens, verb)) {
        // `Putin was told by Trump`: the passive names the speaker after `by`, if at all.
        let by = tokens.get(verb + 1).is_some_and(|t| t.is("by"));
        return by
            .then(|| subject_after_verb(tokens, verb + 2))
            .flatten()
            .map(|subject| (subject, cue(&tokens[verb])));
    }
    let found = near_verb.and_then(|verb| subject_then_verb(tokens, verb));
    if let Some(found) = found.or_else(|| name_apposition_verb(tokens)) {
        return Some(found);
    }
    // `"…" ― Francisco Herrero`, and a headline's `'Vladimir, STOP!': Trump makes …`
    if dashed || headline {
        if let Some(found) = person_after_mark(tokens, joiner.as_ref()) {
            return Some(found);
        }
    }
    if closes {
        closing_attribution(tokens)
    } else {
        None
    }
}

/// `said Zelensky`: the speech verb `tokens[0]` before its subject.
fn verb_then_subject(tokens: &[Token<'_>]) -> Option<(Subject, Cue)> {
    let verb = tokens.first()?;
    match subject_after_speech(tokens, 0) {
        Some((subject, _)) => Some((subject, cue(verb))),
        // `«…», ha detto ai canali del club`: a language that drops its subjects means the
        // person last spoken of.
        None if verb.has(lexicon::PRO_DROP) => Some((Subject::Pronoun, cue(verb))),
        None => None,
    }
}

/// `― Francisco Herrero`: a person's name alone after the quotation, its cue the mark before
/// it (`joiner`), or none.
fn person_after_mark(tokens: &[Token<'_>], joiner: Option<&Token<'_>>) -> Option<(Subject, Cue)> {
    let subject @ Subject::Person { .. } = subject_after(tokens, 0)? else {
        return None;
    };
    let cue = match joiner {
        Some(mark) => (mark.text.to_string(), mark.span()),
        None => (String::new(), tokens[0].start..tokens[0].start),
    };
    Some((subject, cue))
}

/// How many adverbs (two at most) stand at `tokens[at]`, where a verb's own words go on:
/// `a également affirmé`, `ha precisato ieri`.
fn adverbs_at(tokens: &[Token<'_>], at: usize) -> usize {
    tokens.get(at..).map_or(0, |rest| {
        rest.iter()
            .take(2)
            .take_while(|t| t.is_verb_adverb())
            .count()
    })
}

/// Where the speech verb stands when `tokens` open with an auxiliary before it (the perfect
/// tense: `a déclaré Trump`, `ha detto il portavoce`, `heeft gezegd`, `a également affirmé`,
/// adverbs between), else 0.
fn auxiliary(tokens: &[Token<'_>]) -> usize {
    if !tokens.first().is_some_and(|t| t.has(lexicon::AUXILIARY)) {
        return 0;
    }
    let verb = 1 + adverbs_at(tokens, 1);
    match tokens.get(verb) {
        Some(v) if is_verb(v, false) => verb,
        _ => 0,
    }
}

/// The subject after the speech verb at `tokens[verb]`, past adverbs (`ha precisato ieri il
/// portavoce`), and the index after it; a description followed by the name it describes, set
/// off by commas, is that person (`ha precisato il direttore della sala stampa, Matteo Bruni,`).
fn subject_after_speech(tokens: &[Token<'_>], verb: usize) -> Option<(Subject, usize)> {
    let at = verb + 1 + adverbs_at(tokens, verb + 1);
    let (subject, end) = subject_after_verb_to(tokens, at)?;
    if let Subject::Description(_) = subject {
        // (The description may run on: `the director of the press office of the Holy See`.)
        let comma = tokens[end..]
            .iter()
            .take(10)
            .position(|t| t.is(",") || t.ends_sentence() || is_verb(t, false))
            .map(|i| end + i)
            // (`the mayor of Springfield, Illinois`: a place after a comma is no name.)
            .filter(|&c| tokens[c].is(",") && c > 0 && tokens[c - 1].is_lowercase_word());
        if let Some(comma) = comma {
            if let Some((person @ Subject::Person { .. }, after)) =
                subject_after_to(tokens, comma + 1)
            {
                if tokens
                    .get(after)
                    .is_none_or(|t| t.is(",") || t.ends_sentence())
                {
                    return Some((person, after));
                }
            }
        }
    }
    Some((subject, end))
}

/// `“We’re extremely happy” about the decision, said RoseAnn DeMoro.` · `…, Nefzi said.` ·
/// `«…» cette année, a assuré Klopp.`: an attribution that closes the quotation's sentence
/// after a comma covers the quotation, though other words stand between.
fn closing_attribution(tokens: &[Token<'_>]) -> Option<(Subject, Cue)> {
    let commas = tokens.iter().enumerate().filter(|(_, t)| t.is(","));
    for (c, _) in commas {
        let rest = &tokens[c + 1..];
        let verb = auxiliary(rest);
        // `, said RoseAnn DeMoro.`: the verb, then a subject that ends the sentence or is
        // set off by a comma.
        let Some(first) = rest.get(verb) else {
            break;
        };
        if is_verb(first, false) && !first.text.ends_with("ing") {
            let subject = subject_after_speech(rest, verb);
            if let Some((subject @ (Subject::Person { .. } | Subject::Organisation(_)), end)) =
                subject
            {
                if rest.get(end).is_none_or(|t| t.is(",")) {
                    return Some((subject, cue(first)));
                }
            }
        }
        // `, Nefzi said.`: a subject, then the verb closing the sentence.
        let Some(v) = rest.iter().take(8).position(|t| is_verb(t, false)) else {
            continue;
        };
        if v + 1 != rest.len() || rest[v].text.ends_with("ing") {
            continue;
        }
        if let Some(subject @ (Subject::Person { .. } | Subject::Organisation(_))) =
            subject_before(rest, v)
        {
            if subject_words(&subject) == v {
                return Some((subject, cue(&rest[v])));
            }
        }
    }
    None
}

/// A pronoun after its verb, at the start of `tokens`: `schrieb sie`, `zei hij`, and the
/// French compounds `a-t-elle écrit`, `dit-il`, `ajoute-t-il`.
pub(super) fn inverted_pronoun(tokens: &[Token<'_>]) -> Option<(Subject, Cue)> {
    let first = tokens.first()?;
    if first.has_hyphen() {
        let mut parts = first.text.split('-');
        let verb = lexicon::flags(parts.next()?);
        let pronoun = parts
            .next_back()
            .is_some_and(|p| lexicon::flags(p) & lexicon::INVERTED_PRONOUN != 0);
        if !pronoun {
            return None;
        }
        if verb & lexicon::SPEECH != 0 {
            return Some((Subject::Pronoun, cue(first)));
        }
        let next = tokens.get(1)?;
        return (verb & lexicon::AUXILIARY != 0 && is_verb(next, false))
            .then(|| (Subject::Pronoun, cue(next)));
    }
    let pronoun = tokens.get(1)?;
    (is_verb(first, false) && pronoun.has(lexicon::INVERTED_PRONOUN) && !pronoun.is_capitalised())
        .then(|| (Subject::Pronoun, cue(first)))
}

/// The index after a parenthesis that opens at `at` (`(R-Ohio)`), or `at` itself.
fn skip_parenthesis_forward(tokens: &[Token<'_>], at: usize) -> usize {
    if !tokens.get(at).is_some_and(|t| t.is("(")) {
        return at;
    }
    let window = at + 1..tokens.len().min(at + 8);
    match tokens[window.clone()].iter().position(|t| t.is(")")) {
        Some(i) => window.start + i + 1,
        None => at,
    }
}

/// Whether the words before the verb are all the subject's, not `the man Trump met said`.
fn spans_whole(tokens: &[Token<'_>], verb: usize, subject: &Subject) -> bool {
    let verb = skip_parenthesis(tokens, verb);
    let words = || {
        tokens[..verb]
            .iter()
            .filter(|t| t.is_word() && !t.is_verb_adverb())
    };
    // `after Putin criticized`: a clause of its own, not the quotation's attribution (but the
    // `of` of `Secretary of State Anna Berg said` is the title's).
    let clause = (0..verb).any(|i| tokens[i].is_clause_word() && !title_of(tokens, i));
    if clause {
        return false;
    }
    let consumed = words().count();
    // `a visibly impassioned Macron said`: an article and an adjective may come along; and
    // up to four role words (`election law expert Rick Hasen tweeted`), but no participle,
    // which makes a clause of its own (`many voters backing Trump said`).
    let participle = words()
        .any(|t| t.is_lowercase_word() && (t.text.ends_with("ing") || t.text.ends_with("ed")));
    let extra = if participle { 2 } else { 4 };
    consumed <= subject_words(subject) + extra
}

pub(super) fn subject_words(subject: &Subject) -> usize {
    match subject {
        Subject::Person { name, titles } => name.split(' ').count() + titles.len(),
        Subject::Organisation(name) => name.split(' ').count(),
        Subject::Pronoun => 1,
        Subject::Description(roles) => roles.len() + 1,
    }
}

/// Whether the verb `tokens[verb]` is in the passive (`was told`).
fn is_passive(tokens: &[Token<'_>], verb: usize) -> bool {
    verb > 0
        && matches!(
            tokens[verb - 1].text,
            "was" | "were" | "been" | "is" | "are" | "being"
        )
}

/// `…, Trump wrote`: the subject, then the verb `tokens[verb]`, the subject spanning all the
/// words before it or set off by a comma.
fn subject_then_verb(tokens: &[Token<'_>], verb: usize) -> Option<(Subject, Cue)> {
    let subject = subject_before(tokens, verb)?;
    // `…, Macron says` ends a headline: the comma sets the subject off.
    let set_off = verb >= 2 && {
        let words = subject_words(&subject);
        verb.checked_sub(words + 1)
            .is_some_and(|c| tokens[c].is(","))
    };
    (set_off || spans_whole(tokens, verb, &subject)).then(|| (subject, cue(&tokens[verb])))
}

/// `Rep. Jim Jordan (R-Ohio), an oversight panel member, said`: a name, then an apposition set
/// off by commas, then the verb.
fn name_apposition_verb(tokens: &[Token<'_>]) -> Option<(Subject, Cue)> {
    let verb = tokens.iter().take(30).position(|t| is_verb(t, false))?;
    let set_off = verb > 2 && tokens[verb - 1].is(",");
    let Some(subject @ Subject::Person { .. }) =
        set_off.then(|| subject_after(tokens, 0)).flatten()
    else {
        return None;
    };
    let after_name = skip_parenthesis_forward(tokens, subject_words(&subject));
    tokens
        .get(after_name)
        .is_some_and(|t| t.is(","))
        .then(|| (subject, cue(&tokens[verb])))
}

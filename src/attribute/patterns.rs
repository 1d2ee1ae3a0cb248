//! The patterns of news attribution, read from the tokens beside a quotation.

use std::ops::Range;

use super::names::{
    skip_parenthesis, subject_after, subject_after_to, subject_after_verb, subject_after_verb_to,
    subject_before, title_of, Subject,
};
use super::tokens::{Class, Token};
use crate::text::lexicon;

/// The attributing words: their text and byte range.
pub(crate) type Cue = (String, Range<usize>);

/// Dashes and brackets that may stand between a closing mark and its attribution.
fn is_joiner(t: &Token<'_>) -> bool {
    matches!(t.text, "," | "-" | "–" | "—" | "―" | ")" | "(")
}

fn is_verb(t: &Token<'_>, headline: bool) -> bool {
    // A title-case headline capitalises its verbs (`Trump Tells Putin`), but `States` is
    // nearly always `United States`.
    let headline_verb = headline && t.is_capitalised() && !t.is("States");
    (t.is_lowercase_word() || headline_verb) && t.has(lexicon::SPEECH) && !t.is("read")
}

fn cue(t: &Token<'_>) -> Cue {
    (t.text.to_string(), t.span())
}

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
fn inverted_pronoun(tokens: &[Token<'_>]) -> Option<(Subject, Cue)> {
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

fn subject_words(subject: &Subject) -> usize {
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

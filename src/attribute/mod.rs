//! Speaker attribution: who said each quotation, and the words that say so.
//!
//! The rules read the prose beside a quotation, in the patterns of news writing:
//! `"…," Trump wrote.` · `"…," said Zelensky.` · `Trump said: "…"` · `according to Ukraine's
//! emergency services` · `he added` (a pronoun points to the person last named as a speaker or
//! subject) · `the Ukrainian leader said` (a description points to the person last named with that
//! title). A quotation without such words takes the speaker of its paragraph when the paragraph has
//! one, or of the quotation it continues from the paragraph before. Anything less certain is left
//! without a speaker: no speaker is better than a wrong one.

mod capitals;
mod context;
mod continuation;
mod language;
mod names;
mod patterns;
mod people;
mod speakers;
mod tokens;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::detect::Quotation;
use crate::text::lexicon;
use capitals::{mid_sentence_capitals, titled_names};
use context::{sentence_tail, Context, Walk};
use names::Subject;
use patterns::{after_quote, before_quote, introduced_by, sentence_subject, Cue};
use people::{Deferred, Pending, People};
use tokens::{tokenize_prose, Token};

use continuation::continues;
pub(crate) use continuation::goes_on;
pub use speakers::{canonical_speakers, canonical_speakers_counted};

/// How a speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Method {
    /// Named beside the quotation: `"…," Trump wrote.`
    Named,
    /// The subject of the sentence a fragment is woven into: `Reid went after Trump as a "…"`.
    Subject,
    /// A pronoun beside it, resolved: `he added`.
    Pronoun,
    /// A description beside it, resolved: `the Ukrainian leader said`.
    Description,
    /// The speaker of the other quotations of the same paragraph.
    Paragraph,
    /// The speaker of the quotation it continues, in the paragraph before.
    Continuation,
    /// The speaker of its statement, named by every other outlet or passage that attributes
    /// it: given by the [`Tracker`](crate::Tracker), which sees every document, to a quotation
    /// its own document attributes to no one.
    Statement,
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

/// Attributes each of `quotes` (as returned by [`detect`](crate::detect()) for `text`).
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
    match prose_of(text, quotes) {
        Prose::Unread => Vec::new(),
        Prose::Unordered => attribute_those_that_fit(text, quotes),
        Prose::Tokens(tokens) => attribute_prose(text, quotes, &tokens),
    }
}

/// What [`attribute`] reads of `text` around `quotes`.
enum Prose<'t> {
    /// Nothing: there is nothing to attribute.
    Unread,
    /// The quotations are not in order within the text: those that are, are attributed.
    Unordered,
    /// The prose's tokens.
    Tokens(Vec<Token<'t>>),
}

fn prose_of<'t>(text: &'t str, quotes: &[Quotation]) -> Prose<'t> {
    if quotes.is_empty() {
        Prose::Unread
    } else if !in_order_within(text, quotes) {
        Prose::Unordered
    } else {
        Prose::Tokens(tokenize_prose(
            text,
            quotes.iter().map(|q| (q.outer.clone(), q.closed)),
        ))
    }
}

/// What [`attribute`] gives for `quotes`, and the language of `text` as
/// `lexicon::language_in(text, min)` tells it (`None` when there are no quotes), read from the
/// prose's tokens rather than from the text again; `own` is the profile of each quotation's
/// wording (`lexicon::Profile::of(q.text(text))`), parallel to `quotes`.
pub(crate) fn attribute_with_language(
    text: &str,
    quotes: &[Quotation],
    own: &[lexicon::Profile],
    min: usize,
) -> (Vec<Attribution>, Option<&'static str>) {
    match prose_of(text, quotes) {
        Prose::Unread => (Vec::new(), None),
        Prose::Unordered => (
            attribute_those_that_fit(text, quotes),
            lexicon::language_in(text, min),
        ),
        Prose::Tokens(tokens) => {
            let language = language::of_document(text, &tokens, quotes, own, min);
            (attribute_prose(text, quotes, &tokens), language)
        }
    }
}

/// [`attribute`] for quotations in order and within `text`, whose prose is `tokens`.
fn attribute_prose<'t>(
    text: &'t str,
    quotes: &[Quotation],
    tokens: &[Token<'t>],
) -> Vec<Attribution> {
    let mut people = people_of(text, tokens);
    let mut walk = Walk::new(text, tokens, quotes);
    let mut out = vec![Attribution::default(); quotes.len()];
    // Quotations the words beside them attribute to nobody the text names (`critics said`):
    // they borrow no speaker from their neighbours.
    let mut blocked = vec![false; quotes.len()];
    let mut about: Vec<Option<Subject>> = vec![None; quotes.len()];
    // Where each quotation's paragraph ends, for the pass over neighbours.
    let mut paragraph_end = Vec::with_capacity(quotes.len());
    for (i, q) in quotes.iter().enumerate() {
        let around = walk.around(i);
        // All the prose since the last quotation names people; only its last lines attribute.
        people.observe(around.prose);
        paragraph_end.push(around.paragraph.end);
        people.now_attributing(i);
        let (found, attributed) = explicit(&around.context, q, &mut people);
        out[i] = found;
        blocked[i] = attributed && out[i].speaker.is_none();
        if blocked[i] {
            continue;
        }
        about[i] = fall_back(i, q, &around, &mut people, &mut out);
    }
    resolve_deferred(&mut people, &mut out);
    fill_from_neighbours(text, quotes, &paragraph_end, &blocked, &mut out);
    // The weakest reading last, and its speaker then passed on to the neighbours as well.
    if lend_sole_persons(about, &blocked, &mut people, &mut out) {
        fill_from_neighbours(text, quotes, &paragraph_end, &blocked, &mut out);
    }
    for a in &mut out {
        if let Some(full) = a.speaker.as_deref().and_then(|name| people.full_name(name)) {
            a.speaker = Some(full.to_string());
        }
    }
    out
}

/// The readings for quotation `i` when the words beside it give no speaker: a series of
/// fragments (`as “not necessary” and “very bad timing”`) shares one, and a quotation
/// opening its paragraph may be introduced by the paragraph before. Returns the one person
/// the sentence before names, kept for when nothing else gives a speaker.
fn fall_back(
    i: usize,
    q: &Quotation,
    around: &context::Around<'_, '_>,
    people: &mut People<'_>,
    out: &mut [Attribution],
) -> Option<Subject> {
    // `The announcement felt to Klopp like no relief. “…”`: the sentence before names the
    // one person it is about.
    let own = around.context.left;
    let about = if out[i].speaker.is_none() && q.kind == crate::QuoteKind::Full && own.is_empty() {
        sole_person(around.context.before_sentence)
    } else {
        None
    };
    if out[i].speaker.is_none() && around.context.follows_quote && out[i - 1].speaker.is_some() {
        out[i] = Attribution {
            method: Some(Method::Paragraph),
            cue: None,
            cue_span: None,
            speaker: out[i - 1].speaker.clone(),
        };
    }
    if out[i].speaker.is_none()
        && around.left.is_empty()
        && around.paragraph.start > around.prose_start
    {
        out[i] = from_paragraph_before(around.prose, around.paragraph.start, q, people);
    }
    about
}

/// The people of `text`, ready to be followed through its prose: where every noun is
/// capitalised (German), the capitalised words that are names are told apart first. Only
/// lower-case words tell the language (a capital opens a sentence or a name).
fn people_of<'t>(text: &'t str, tokens: &[Token<'t>]) -> People<'t> {
    let mut people = People::new(text, mid_sentence_capitals(text, tokens));
    // (The flags first: most words are in no profile. Read so, the first 2,000 tokens cost
    // 40% of the instructions they did on polnear-train, 4.9M rather than 12.3M.)
    let opening = &tokens[..tokens.len().min(2000)];
    let words = opening
        .iter()
        .filter(|t| t.flags & lexicon::PROFILES != 0 && t.is_lowercase_word());
    if lexicon::language_of(words.map(|t| t.flags)).nouns_capitalised {
        people.capitals_are_nouns(titled_names(tokens));
    }
    people
}

/// Quotations still without a speaker take the one person the sentence before them names
/// (`about`, found while walking the text); returns whether any did.
fn lend_sole_persons(
    about: Vec<Option<Subject>>,
    blocked: &[bool],
    people: &mut People<'_>,
    out: &mut [Attribution],
) -> bool {
    let mut lent = false;
    for (i, subject) in about.into_iter().enumerate() {
        if let (None, false, Some(subject)) = (&out[i].speaker, blocked[i], subject) {
            out[i] = resolve(subject, None, Method::Continuation, people);
            lent |= out[i].speaker.is_some();
        }
    }
    lent
}

/// Whether `quotes` are in order, apart, and within `text`, as [`detect()`](crate::detect())
/// returns them.
fn in_order_within(text: &str, quotes: &[Quotation]) -> bool {
    quotes
        .windows(2)
        .all(|w| w[0].outer.end <= w[1].outer.start)
        && quotes.iter().all(|q| fits(text, q))
}

fn fits(text: &str, q: &Quotation) -> bool {
    q.outer.start <= q.outer.end
        && text.get(q.outer.clone()).is_some()
        && text.get(q.span.clone()).is_some()
}

/// Quotations that do not belong to `text` (out of bounds, overlapping, out of order) get no
/// attribution; the others are attributed as if those were absent.
fn attribute_those_that_fit(text: &str, quotes: &[Quotation]) -> Vec<Attribution> {
    let mut kept: Vec<usize> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        let after_last = kept
            .last()
            .is_none_or(|&k| quotes[k].outer.end <= q.outer.start);
        if fits(text, q) && after_last {
            kept.push(i);
        }
    }
    let subset: Vec<Quotation> = kept.iter().map(|&i| quotes[i].clone()).collect();
    let mut out = vec![Attribution::default(); quotes.len()];
    for (a, &i) in attribute(text, &subset).into_iter().zip(&kept) {
        out[i] = a;
    }
    out
}

/// `the American president said` before the text names him: resolved with the whole text.
/// A pronoun before anyone is named: the first person named as a speaker after it.
fn resolve_deferred(people: &mut People<'_>, out: &mut [Attribution]) {
    for Deferred {
        quote,
        subject,
        cue,
    } in people.take_deferred()
    {
        if out[quote].speaker.is_some() {
            continue;
        }
        if let Some(name) = people.resolve_deferred(&subject) {
            let (cue, cue_span) = cue.unzip();
            out[quote] = Attribution {
                speaker: Some(name),
                cue,
                cue_span,
                method: Some(match subject {
                    Pending::Description(_) => Method::Description,
                    Pending::Pronoun => Method::Pronoun,
                }),
            };
        }
    }
}

/// A speech verb right after a lower-case noun (`critics called`, `officials said`): somebody
/// speaks whom the text does not name.
fn someone_unnamed_speaks(tokens: &[Token<'_>]) -> bool {
    tokens.windows(2).any(|w| {
        let (noun, verb) = (&w[0], &w[1]);
        verb.is_speech_verb()
            && noun.is_lowercase_word()
            && noun.text.len() > 3
            && noun.text.ends_with('s')
            && !noun.is_verb_adverb()
            && !noun.is_clause_word()
    })
}

/// The attribution the prose around the quotation gives: stated beside it (full quotations
/// look right first, `"…," Trump wrote`, fragments left first, `Trump called it "not
/// necessary"`), or else implied by its sentence.
///
/// Returns the attribution, and whether the text attributes the quotation at all (to someone
/// named or not): if it does, the neighbours' speakers are not borrowed.
fn explicit(context: &Context<'_, '_>, q: &Quotation, people: &mut People) -> (Attribution, bool) {
    // `a so-called "peace plan"`: a scare quote, nobody's words.
    if context
        .left
        .last()
        .is_some_and(|t| t.text.eq_ignore_ascii_case("so-called"))
    {
        return (Attribution::default(), true);
    }
    note_label(context, people);
    if let Some(stated) = stated(context, q, people) {
        return stated;
    }
    (implied(context, q, people), false)
}

/// `Bullingham: '…'`: a name alone before a colon opening its line labels the words that
/// follow, as live blogs and transcripts write; it is a name without being met elsewhere. (One
/// such line alone may be page furniture, `Pictured: '…'`: the name must be met elsewhere, or
/// the text must label several lines so.)
fn note_label(context: &Context<'_, '_>, people: &mut People) {
    if let [name, colon] = context.left {
        let label = is_label(name, colon) && !name.is_all_caps();
        if label && (context.labels || people.is_known(name.stem())) {
            people.mention(name.stem(), &[]);
        }
    }
}

/// The attribution the words beside the quotation state, with `true`: its speaker, or none
/// when they name someone we cannot (`"…," Trump's spokesman said`, `critics called the offer
/// "…"`; no guess from the neighbours then). `None` when they state none.
fn stated(
    context: &Context<'_, '_>,
    q: &Quotation,
    people: &mut People,
) -> Option<(Attribution, bool)> {
    let (left, right, headline) = (context.left, context.right, context.headline);
    let whole = context.whole_sentence;
    // The nearest words first; when they name no one (`he added` with no `he` in sight), the
    // others. (The patterns only read the tokens, so each is tried only when the ones before
    // named nobody.)
    let after = || after_quote(right, headline, context.right_closes);
    let before = || before_quote(left, headline, whole);
    let introduced = || introduced_by(left, headline, whole);
    let patterns: [&dyn Fn() -> Option<(Subject, Cue)>; 3] = if q.kind == crate::QuoteKind::Full {
        [&after, &before, &introduced]
    } else {
        [&before, &after, &introduced]
    };
    let mut attributed = false;
    for (subject, cue) in patterns.iter().filter_map(|pattern| pattern()) {
        let a = resolve(subject, Some(cue), Method::Named, people);
        if a.speaker.is_some() {
            return Some((a, true));
        }
        attributed = true;
    }
    (attributed || someone_unnamed_speaks(left) || someone_unnamed_speaks(right))
        .then(|| (Attribution::default(), true))
}

/// The attribution the sentence implies when no words of saying stand beside the quotation,
/// or none.
fn implied(context: &Context<'_, '_>, q: &Quotation, people: &mut People) -> Attribution {
    let (left, right) = (context.left, context.right);
    // `Reid has gone after Trump as a “…”`: a fragment with no verb of saying is the words
    // of the sentence's subject.
    if q.kind == crate::QuoteKind::Fragment && context.whole_sentence {
        if let Some(subject @ (Subject::Person { .. } | Subject::Organisation(_))) =
            sentence_subject(left)
        {
            return resolve(subject, None, Method::Subject, people);
        }
    }
    // `…, Schiff said. "…"` or `Trump addressed the Kremlin directly. "…"`: a quotation
    // opening a sentence after one that reports a speaker or is about a person.
    if q.kind == crate::QuoteKind::Full && left.is_empty() {
        let before = context.before_sentence;
        let subject = if before.iter().any(Token::is_speech_verb) {
            before_quote(before, false, true).map(|(s, _)| s)
        } else {
            person_written_about(before)
        };
        if let Some(subject) = subject {
            return resolve(subject, None, Method::Continuation, people);
        }
    }
    // `Trump’s “Vladimir, STOP!” post`: the owner of the words, around them.
    if let (Some(owner), Some(noun)) = (left.last(), right.first()) {
        if owner.is_possessive() && owner.is_capitalised() && noun.is_statement_noun() {
            let subject = Subject::Person {
                name: owner.stem().to_string(),
                titles: Vec::new(),
            };
            return resolve(subject, None, Method::Named, people);
        }
    }
    Attribution::default()
}

/// The one person a sentence names, wherever it stands in it: `The announcement felt to Klopp
/// like no relief. “…”`. None when it names anyone else too.
fn sole_person(sentence: &[Token<'_>]) -> Option<Subject> {
    let mut found = None;
    for i in 0..sentence.len() {
        let opens = i == 0 || !sentence[i - 1].is_capitalised();
        if !(opens && sentence[i].class == tokens::Class::Name) {
            continue;
        }
        match (names::person_after(sentence, i), &found) {
            (Some((_, name)), None) => found = Some(name),
            _ => return None,
        }
    }
    let name = found?;
    let mut text = String::new();
    names::push_joined(&mut text, &sentence[name]);
    Some(Subject::Person {
        name: text,
        titles: Vec::new(),
    })
}

/// `Bullingham:` opening a line: a speaker's label in a live blog or a transcript.
fn is_label(name: &Token<'_>, colon: &Token<'_>) -> bool {
    // (A single letter is an interview's `Q:` or `A:`.) The letters are counted last, only for
    // a name opening its line before a colon: `Walk::new` asks this of every pair of tokens of
    // the prose, and counting first was 5% of `read`'s instructions on polnear-train (28.6M of
    // 542.9M).
    name.line_start
        && colon.is(":")
        && name.class == tokens::Class::Name
        && name.text.chars().count() > 1
}

/// A quotation opening its paragraph, after a paragraph that introduces it (`… posting a
/// message on social media:`) or that reports its speaker (`Rutte said Thursday it was Russia
/// that needed to move.`).
fn from_paragraph_before(
    prose: &[Token<'_>],
    paragraph_start: usize,
    q: &Quotation,
    people: &mut People,
) -> Attribution {
    let before = &prose[..prose.partition_point(|t| t.start < paragraph_start)];
    let trimmed = match before.last() {
        Some(t) if t.ends_sentence() => &before[..before.len() - 1],
        _ => before,
    };
    let introduces = before.last().is_some_and(|t| t.is(":"));
    if !introduces && q.kind != crate::QuoteKind::Full {
        return Attribution::default();
    }
    let sentence = sentence_tail(trimmed);
    let has_verb = sentence.iter().any(Token::is_speech_verb);
    if introduces {
        let found =
            before_quote(sentence, false, true).or_else(|| introduced_by(sentence, false, true));
        return match found {
            Some((subject, cue)) => resolve(subject, Some(cue), Method::Named, people),
            None => Attribution::default(),
        };
    }
    // `Rutte said Thursday it was Russia that had to move.` or `Trump took to social media.`,
    // then the quotation: the words of the person the paragraph was about.
    let subject = if has_verb {
        before_quote(sentence, false, true).map(|(s, _)| s)
    } else {
        person_written_about(sentence)
    };
    match subject {
        Some(subject) => resolve(subject, None, Method::Continuation, people),
        None => Attribution::default(),
    }
}

/// The person a sentence is about, its subject (`Trump addressed the Kremlin directly.`); a
/// line of a name alone is a byline, not a sentence about anyone (but an embedded post's
/// credit line, `— Donald J. Trump (@…) April 23, 2025`, is its author's).
fn person_written_about(sentence: &[Token<'_>]) -> Option<Subject> {
    let credit = sentence
        .first()
        .is_some_and(|t| matches!(t.text, "—" | "–" | "-" | "―"));
    if !(credit || sentence.iter().any(|t| t.is_lowercase_word())) {
        return None;
    }
    sentence_subject(sentence).filter(|s| matches!(s, Subject::Person { .. }))
}

/// Turns a subject into a speaker, resolving pronouns and descriptions.
fn resolve(subject: Subject, cue: Option<Cue>, named: Method, people: &mut People) -> Attribution {
    // Whether the speaker has been noted already (with its titles).
    let mut noted = false;
    let (speaker, method) = match subject {
        Subject::Person { name, .. } if !people.is_known(&name) => return Attribution::default(),
        Subject::Person { name, titles } => {
            people.mention(&name, &titles);
            noted = true;
            (Some(name), named)
        }
        Subject::Organisation(name) => (Some(name), named),
        Subject::Pronoun => match people.last_person() {
            Some(name) => (Some(name), Method::Pronoun),
            None => {
                if people.before_anyone() {
                    people.defer(Pending::Pronoun, cue);
                }
                return Attribution::default();
            }
        },
        Subject::Description(roles) => match people.described(&roles) {
            Some(name) => (Some(name), Method::Description),
            None => {
                people.defer(Pending::Description(roles), cue);
                return Attribution::default();
            }
        },
    };
    let Some(speaker) = speaker else {
        return Attribution::default();
    };
    if !noted {
        people.mention(&speaker, &[]);
    }
    let (cue, cue_span) = cue.unzip();
    Attribution {
        cue,
        cue_span,
        method: Some(method),
        speaker: Some(speaker),
    }
}

/// Quotations without words of their own take the one speaker of their paragraph, or the speaker
/// of the quotation they continue when they open the next paragraph (`paragraph_end` is where
/// each quotation's paragraph ends).
fn fill_from_neighbours(
    text: &str,
    quotes: &[Quotation],
    paragraph_end: &[usize],
    blocked: &[bool],
    out: &mut [Attribution],
) {
    let mut i = 0;
    while i < quotes.len() {
        let mut j = i;
        while j < quotes.len() && quotes[j].outer.start < paragraph_end[i] {
            j += 1;
        }
        // The paragraph's one speaker, as the index of a quotation naming it: copied only to
        // the quotations that need it (usually none: every quotation named its speaker).
        let mut speakers = (i..j).filter(|&k| out[k].speaker.is_some());
        let only = speakers
            .next()
            .filter(|&first| speakers.all(|k| out[k].speaker == out[first].speaker));
        for k in i..j {
            if out[k].speaker.is_some() || blocked[k] {
                continue;
            }
            if let Some(first) = only {
                out[k].speaker = out[first].speaker.clone();
                out[k].method = Some(Method::Paragraph);
            } else if k == i && k > 0 && continues(text, &quotes[k - 1], &quotes[k]) {
                out[k].speaker = out[k - 1].speaker.clone();
                out[k].method = out[k].speaker.as_ref().map(|_| Method::Continuation);
            }
        }
        i = j.max(i + 1);
    }
}

#[cfg(test)]
mod tests;

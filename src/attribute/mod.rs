//! Speaker attribution: who said each quotation, and the words that say so.
//!
//! The rules read the prose beside a quotation, in the patterns of news writing:
//! `"…," Trump wrote.` · `"…," said Zelensky.` · `Trump said: "…"` · `according to Ukraine's
//! emergency services` · `he added` (a pronoun points to the person last named as a speaker or
//! subject) · `the Ukrainian leader said` (a description points to the person last named with that
//! title). A quotation without such words takes the speaker of its paragraph when the paragraph has
//! one, or of the quotation it continues from the paragraph before. Anything less certain is left
//! without a speaker: no speaker is better than a wrong one.

mod continuation;
mod names;
mod patterns;
mod people;
mod speakers;
mod tokens;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::detect::Quotation;
use crate::text::hash::TextSet;
use crate::text::lexicon;
use names::Subject;
use patterns::{after_quote, before_quote, introduced_by, sentence_subject, Cue};
use people::{Deferred, Pending, People};
use tokens::{tokenize_prose, Token};

use continuation::continues;
pub(crate) use continuation::goes_on;
pub use speakers::canonical_speakers;

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

/// How far from a quotation the attribution may stand, in bytes.
const CONTEXT: usize = 240;

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
    if quotes.is_empty() {
        // Nothing to attribute: the prose need not be read.
        return Vec::new();
    }
    // Quotations that do not belong to `text` (out of bounds, overlapping, out of order) get no
    // attribution; the others are attributed as if those were absent.
    let fits = |q: &Quotation| {
        q.outer.start <= q.outer.end
            && text.get(q.outer.clone()).is_some()
            && text.get(q.span.clone()).is_some()
    };
    let ordered = quotes
        .windows(2)
        .all(|w| w[0].outer.end <= w[1].outer.start);
    if !(ordered && quotes.iter().all(fits)) {
        let mut kept: Vec<usize> = Vec::new();
        for (i, q) in quotes.iter().enumerate() {
            let after_last = kept
                .last()
                .map_or(true, |&k| quotes[k].outer.end <= q.outer.start);
            if fits(q) && after_last {
                kept.push(i);
            }
        }
        let subset: Vec<Quotation> = kept.iter().map(|&i| quotes[i].clone()).collect();
        let mut out = vec![Attribution::default(); quotes.len()];
        for (a, &i) in attribute(text, &subset).into_iter().zip(&kept) {
            out[i] = a;
        }
        return out;
    }
    let tokens = tokenize_prose(text, quotes.iter().map(|q| (q.outer.clone(), q.closed)));
    let mut people = People::new(text, mid_sentence_capitals(text, &tokens));
    // Only lower-case words tell the language (a capital opens a sentence or a name).
    let words = tokens.iter().take(2000).filter(|t| t.is_lowercase_word());
    if lexicon::language_of(words.map(|t| t.flags)).nouns_capitalised {
        people.capitals_are_nouns(titled_names(&tokens));
    }
    // Each of the four positions looked up per quotation only moves forward, so each has its own
    // cursor: all the lookups together step through the tokens four times, whatever the number
    // of quotations (a binary search each would add a log factor, and a cache miss per step, on
    // a document of a million short quotations).
    let (mut prose_from, mut prose_to, mut right_from, mut right_to) = (
        Cursor::default(),
        Cursor::default(),
        Cursor::default(),
        Cursor::default(),
    );
    let mut out = vec![Attribution::default(); quotes.len()];
    let mut prose_start = 0;
    let mut blocked = vec![false; quotes.len()];
    let mut about: Vec<Option<Subject>> = vec![None; quotes.len()];
    // Where each quotation's paragraph ends, for the pass over neighbours.
    let mut paragraph_end = Vec::with_capacity(quotes.len());
    let mut paragraphs = Paragraphs::new(text);
    let labels = tokens
        .windows(2)
        .filter(|w| is_label(&w[0], &w[1]))
        .nth(1)
        .is_some();
    for (i, q) in quotes.iter().enumerate() {
        // All the prose since the last quotation names people; only its last lines attribute.
        let prose =
            &tokens[prose_from.seek(&tokens, prose_start)..prose_to.seek(&tokens, q.outer.start)];
        people.observe(prose);
        let paragraph = paragraphs.at(q.outer.start);
        paragraph_end.push(paragraph.end);
        let headline = paragraphs.headline();
        let left_start = paragraph.start.max(prose_start);
        let left = &prose[prose.partition_point(|t| t.start < left_start)..];
        let right = right_context(text, q.outer.end, quotes.get(i + 1));
        let line_ends = right.end == text.len() || text[right.end..].starts_with('\n');
        let right =
            &tokens[right_from.seek(&tokens, right.start)..right_to.seek(&tokens, right.end)];
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
            && !quotes[i - 1]
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
            labels,
        };
        people.now_attributing(i);
        let (found, attributed) = explicit(&context, q, &mut people);
        out[i] = found;
        blocked[i] = attributed && out[i].speaker.is_none();
        // `The announcement felt to Klopp like no relief. “…”`: the one person the sentence
        // before names, kept for when nothing else gives a speaker (read only for quotations
        // the words beside them leave without one).
        let unattributed = out[i].speaker.is_none() && !blocked[i];
        if unattributed && q.kind == crate::QuoteKind::Full && own.is_empty() {
            about[i] = sole_person(context.before_sentence);
        }
        if blocked[i] {
            prose_start = q.outer.end;
            continue;
        }
        if out[i].speaker.is_none() && context.follows_quote && out[i - 1].speaker.is_some() {
            // `as “not necessary” and “very bad timing”`: one speaker for the series.
            out[i] = Attribution {
                method: Some(Method::Paragraph),
                cue: None,
                cue_span: None,
                speaker: out[i - 1].speaker.clone(),
            };
        }
        if out[i].speaker.is_none() && left.is_empty() && paragraph.start > prose_start {
            out[i] = from_paragraph_before(prose, paragraph.start, q, &mut people);
        }
        prose_start = q.outer.end;
    }
    // `the American president said` before the text names him: resolved with the whole text.
    // A pronoun before anyone is named: the first person named as a speaker after it.
    for Deferred {
        quote,
        subject,
        cue,
    } in people.take_deferred()
    {
        if out[quote].speaker.is_none() {
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
    fill_from_neighbours(text, quotes, &paragraph_end, &blocked, &mut out);
    // The weakest reading last, and its speaker then passed on to the neighbours as well.
    let mut more = false;
    for (i, subject) in about.into_iter().enumerate() {
        if let (None, false, Some(subject)) = (&out[i].speaker, blocked[i], subject) {
            out[i] = resolve(subject, None, Method::Continuation, &mut people);
            more |= out[i].speaker.is_some();
        }
    }
    if more {
        fill_from_neighbours(text, quotes, &paragraph_end, &blocked, &mut out);
    }
    for a in &mut out {
        if let Some(full) = a.speaker.as_deref().and_then(|name| people.full_name(name)) {
            a.speaker = Some(full.to_string());
        }
    }
    out
}

/// The words of names where every noun is capitalised: capitalised words that follow a title
/// (`US-Präsident Donald Trump`), and two capitalised words without an article right after a
/// speech verb or opening the sentence right before one (`sagte Anna Berger`, `Anna Berger
/// sagte`), and one such word closing the clause after a speech verb (`, sagte Klopp.`): a
/// noun comes with its article, a person's name without.
fn titled_names<'t>(tokens: &[Token<'t>]) -> TextSet<&'t str> {
    let mut names = TextSet::default();
    let mut after_title = false;
    for (i, t) in tokens.iter().enumerate() {
        // The last part of a compound decides (`US-Präsident`); a word without a hyphen is
        // its own last part, whose flags it carries.
        let title = if t.has_hyphen() {
            t.text.rsplit('-').next().is_some_and(lexicon::is_title)
        } else {
            // `Liverpools Erfolgstrainer Jürgen Klopp`: a compound ending in a title is one.
            t.is_word()
                && (t.has(lexicon::TITLE) || (t.is_capitalised() && lexicon::ends_in_title(t.text)))
        };
        if title {
            after_title = true;
        } else if after_title && t.is_capitalised() {
            names.insert(t.stem());
        } else {
            after_title = false;
        }
        if t.is_lowercase_word() && t.has(lexicon::SPEECH) {
            let bare = |pair: &[Token<'t>]| {
                pair.iter().all(|w| {
                    w.is_capitalised()
                        && !w.has(lexicon::NOT_NAME | lexicon::ARTICLE | lexicon::TITLE)
                })
            };
            // Before the verb, only a pair that opens its sentence: in `Auf seiner Plattform
            // Truth Social schrieb er` the subject follows the verb.
            let opens = |start: usize| {
                tokens[start].line_start
                    || start
                        .checked_sub(1)
                        .map_or(true, |p| tokens[p].ends_sentence())
            };
            let before = i
                .checked_sub(2)
                .filter(|&start| opens(start))
                .and_then(|start| tokens.get(start..i));
            for pair in [tokens.get(i + 1..i + 3), before] {
                if let Some(pair) = pair.filter(|p| bare(p)) {
                    names.insert(pair[0].stem());
                    names.insert(pair[1].stem());
                }
            }
            // `«…», sagte Klopp.`: one bare capitalised word closing the clause after the verb
            // (a noun there would come with its article: `sagte der Trainer`).
            if let Some(word) = tokens.get(i + 1).filter(|w| bare(std::slice::from_ref(*w))) {
                if tokens.get(i + 2).map_or(true, |n| !n.is_word()) {
                    names.insert(word.stem());
                }
            }
        }
    }
    names
}

/// Capitalised words found inside sentences: names, as opposed to words capitalised only because
/// they open a sentence (`Pushback came from Paris`).
fn mid_sentence_capitals<'t>(text: &str, tokens: &[Token<'t>]) -> TextSet<&'t str> {
    let capitals = tokens.iter().filter(|t| t.is_capitalised()).count();
    let mut names = TextSet::with_capacity_and_hasher(capitals, Default::default());
    for (i, t) in tokens.iter().enumerate() {
        if !t.is_capitalised() {
            continue;
        }
        // `Zelenskyy's line`: only names take a possessive with a capital.
        if t.is_possessive() {
            names.insert(t.stem());
            continue;
        }
        let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else {
            continue;
        };
        // After a closing mark (`…," Trump wrote`) a word is inside a sentence; after an
        // opening one it may open the quoted sentence.
        let after_opening = || {
            let mark = crate::detect::is_quote_mark(prev.text.chars().next().unwrap_or(' '));
            let closing = text[..prev.start]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace());
            mark && !closing
        };
        if !prev.ends_sentence()
            && !prev.is(":")
            && !after_opening()
            && !text
                .get(prev.end()..t.start)
                .is_some_and(|gap| gap.contains('\n'))
        {
            names.insert(t.stem());
        }
    }
    names
}

/// The index of the first token starting at or after a position, for positions that mostly only
/// move forward: it steps on from the last answer, and searches afresh only when asked for an
/// earlier position.
#[derive(Default)]
struct Cursor {
    /// The last position asked for.
    at: usize,
    /// The answer for it.
    index: usize,
}

impl Cursor {
    fn seek(&mut self, tokens: &[Token<'_>], at: usize) -> usize {
        if at < self.at {
            self.index = tokens.partition_point(|t| t.start < at);
        } else {
            while tokens.get(self.index).is_some_and(|t| t.start < at) {
                self.index += 1;
            }
        }
        self.at = at;
        self.index
    }
}

/// The paragraph (line) holding a position, found moving forward through the text so that all
/// the lookups together read the text once, however many quotations a paragraph holds.
struct Paragraphs<'t> {
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
            let start = self.text[from..at]
                .rfind('\n')
                .map_or(from, |i| from + i + 1);
            let end = self.text[at..]
                .find('\n')
                .map_or(self.text.len(), |i| at + i);
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
struct Context<'a, 't> {
    /// The sentence before the opening mark, within the paragraph.
    left: &'a [Token<'t>],
    /// The sentence after the closing mark, up to the next quotation.
    right: &'a [Token<'t>],
    /// Whether `right` runs to the end of its sentence.
    right_closes: bool,
    /// A short paragraph without a sentence end: a title, where verbs are capitalised and
    /// attribution is telegraphic (`Trump to Putin: 'Vladimir, STOP!'`).
    headline: bool,
    /// Only `and`, `or` or a comma since the previous quotation of the sentence.
    follows_quote: bool,
    /// Whether `left` starts where the quotation's sentence starts (not right after an earlier
    /// quotation inside the same sentence).
    whole_sentence: bool,
    /// The sentence before the quotation's own, within the paragraph and after the previous
    /// quotation (without its final stop).
    before_sentence: &'a [Token<'t>],
    /// Whether the text labels several lines with a name and a colon (`Bullingham: '…'`).
    labels: bool,
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
fn sentence_tail<'a, 't>(tokens: &'a [Token<'t>]) -> &'a [Token<'t>] {
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

/// The most words of a sentence that attribution looks at.
const MAX_TOKENS: usize = 60;

/// A speech verb right after a lower-case noun (`critics called`, `officials said`): somebody
/// speaks whom the text does not name.
fn someone_unnamed_speaks(tokens: &[Token<'_>]) -> bool {
    tokens.windows(2).any(|w| {
        let (noun, verb) = (&w[0], &w[1]);
        is_speech_verb_token(verb)
            && noun.is_lowercase_word()
            && noun.text.len() > 3
            && noun.text.ends_with('s')
            && !noun.is_verb_adverb()
            && !noun.is_clause_word()
    })
}

/// An attribution stated beside the quotation. Full quotations look right first (`"…," Trump
/// wrote`), fragments left first (`Trump called it "not necessary"`).
///
/// Returns the attribution, and whether the text attributes the quotation at all (to someone
/// named or not): if it does, the neighbours' speakers are not borrowed.
fn explicit(context: &Context<'_, '_>, q: &Quotation, people: &mut People) -> (Attribution, bool) {
    let (left, right, headline) = (context.left, context.right, context.headline);
    let whole = context.whole_sentence;
    // `a so-called "peace plan"`: a scare quote, nobody's words.
    if left
        .last()
        .is_some_and(|t| t.text.eq_ignore_ascii_case("so-called"))
    {
        return (Attribution::default(), true);
    }
    // `Bullingham: '…'`: a name alone before a colon opening its line labels the words that
    // follow, as live blogs and transcripts write; it is a name without being met elsewhere.
    // (One such line alone may be page furniture, `Pictured: '…'`: the name must be met
    // elsewhere, or the text must label several lines so.)
    if let [name, colon] = left {
        let label = is_label(name, colon) && !name.is_all_caps();
        if label && (context.labels || people.is_known(name.stem())) {
            people.mention(name.stem(), &[]);
        }
    }
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
            return (a, true);
        }
        attributed = true;
    }
    // `"…," Trump's spokesman said`, `critics called the offer "…"`: the text says who spoke,
    // someone we cannot name; no guess from the neighbours then.
    if attributed || someone_unnamed_speaks(left) || someone_unnamed_speaks(right) {
        return (Attribution::default(), true);
    }
    // `Reid has gone after Trump as a “…”`: a fragment with no verb of saying is the words
    // of the sentence's subject.
    if q.kind == crate::QuoteKind::Fragment && whole {
        if let Some(subject @ (Subject::Person { .. } | Subject::Organisation(_))) =
            sentence_subject(left)
        {
            return (resolve(subject, None, Method::Subject, people), false);
        }
    }
    // `…, Schiff said. "…"` or `Trump addressed the Kremlin directly. "…"`: a quotation
    // opening a sentence after one that reports a speaker or is about a person.
    if q.kind == crate::QuoteKind::Full && left.is_empty() {
        let before = context.before_sentence;
        let subject = if before.iter().any(is_speech_verb_token) {
            before_quote(before, false, true).map(|(s, _)| s)
        } else {
            person_written_about(before)
        };
        if let Some(subject) = subject {
            return (resolve(subject, None, Method::Continuation, people), false);
        }
    }
    // `Trump’s “Vladimir, STOP!” post`: the owner of the words, around them.
    if let (Some(owner), Some(noun)) = (left.last(), right.first()) {
        if owner.is_possessive() && owner.is_capitalised() && noun.is_statement_noun() {
            let subject = Subject::Person {
                name: owner.stem().to_string(),
                titles: Vec::new(),
            };
            return (resolve(subject, None, Method::Named, people), false);
        }
    }
    (Attribution::default(), false)
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
    // (A single letter is an interview's `Q:` or `A:`.)
    let letters = name.text.chars().count();
    name.line_start && colon.is(":") && name.class == tokens::Class::Name && letters > 1
}

fn is_speech_verb_token(t: &Token<'_>) -> bool {
    t.is_lowercase_word() && t.has(lexicon::SPEECH)
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
    let has_verb = sentence
        .iter()
        .any(|t| t.is_lowercase_word() && t.has(lexicon::SPEECH));
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

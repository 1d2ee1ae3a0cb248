//! Which capitalised words of a text are names: those inside sentences, and, where every noun
//! is capitalised (German), those a title or a speech verb marks as a person's.

use super::tokens::Token;
use crate::text::hash::TextSet;
use crate::text::lexicon;

/// The words of names where every noun is capitalised: capitalised words that follow a title
/// (`US-Präsident Donald Trump`), and two capitalised words without an article right after a
/// speech verb or opening the sentence right before one (`sagte Anna Berger`, `Anna Berger
/// sagte`), and one such word closing the clause after a speech verb (`, sagte Klopp.`): a
/// noun comes with its article, a person's name without.
pub(super) fn titled_names<'t>(tokens: &[Token<'t>]) -> TextSet<&'t str> {
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
        if t.is_speech_verb() {
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
                        .is_none_or(|p| tokens[p].ends_sentence())
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
                if tokens.get(i + 2).is_none_or(|n| !n.is_word()) {
                    names.insert(word.stem());
                }
            }
        }
    }
    names
}

/// Capitalised words found inside sentences: names, as opposed to words capitalised only because
/// they open a sentence (`Pushback came from Paris`).
pub(super) fn mid_sentence_capitals<'t>(text: &str, tokens: &[Token<'t>]) -> TextSet<&'t str> {
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
        // A line break between the two: after a word only white space stands before `t`,
        // all of it read by the tokenizer, which marked a line break there as `t.line_start`;
        // after a mark, a quotation's words may have been skipped, and the text is read.
        // (Asked of every capitalised word: told so after a word, `read` over polnear-train
        // fell from 433.9M to 432.6M instructions.)
        let line_break = || {
            if prev.is_word() {
                t.line_start
            } else {
                text.get(prev.end()..t.start)
                    .is_some_and(|gap| gap.contains('\n'))
            }
        };
        if !prev.ends_sentence() && !prev.is(":") && !after_opening() && !line_break() {
            names.insert(t.stem());
        }
    }
    names
}

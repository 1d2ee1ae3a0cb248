//! The language of a document, told from the words attribution has already read: what
//! [`lexicon::language_in`] says of the whole text, without reading its prose a second time.

use super::tokens::Token;
use crate::detect::Quotation;
use crate::text::letters;
use crate::text::lexicon::{self, Profile};

/// The language of `text` as `lexicon::language_in(text, min)` tells it, from the tokens of its
/// prose (`tokens`, as `tokenize_prose` gives them for `quotes`, which are in order and within
/// the text) and the profiles of the quotations' own wording (`own`, parallel to `quotes`).
///
/// Each word of the prose was looked up in the word lists when it was tokenized, and each
/// quotation's wording is counted for its own language anyway: only the few words holding a
/// joiner (`c'est`, `Secretary-General`, split apart by `language_in`) and the marks around
/// each quotation are read again. What this buys, measured when it replaced a second reading of
/// the document: `read` over polnear-train fell from 676.0M to 542.9M instructions (world: 13.5M
/// to 10.7M).
pub(super) fn of_document(
    text: &str,
    tokens: &[Token<'_>],
    quotes: &[Quotation],
    own: &[Profile],
    min: usize,
) -> Option<&'static str> {
    // The pieces are counted apart, so they must not cut a run of letters and digits, which
    // `language_in` reads as one word (a quotation found by `detect` starts and ends with a
    // mark).
    let cuts_word = |at: usize| {
        let alphanumeric = |c: Option<char>| c.is_some_and(letters::is_alphanumeric);
        alphanumeric(text[..at].chars().next_back()) && alphanumeric(text[at..].chars().next())
    };
    let pieces_apart = quotes.len() == own.len()
        && quotes.iter().all(|q| {
            let nested = q.outer.start <= q.span.start && q.span.end <= q.outer.end;
            let cuts = || [q.outer.start, q.span.start, q.span.end, q.outer.end];
            nested && !cuts().into_iter().any(cuts_word)
        });
    if !pieces_apart {
        return lexicon::language_in(text, min);
    }
    let mut profile = Profile::default();
    let mut tokens = tokens.iter().peekable();
    for (q, own) in quotes.iter().zip(own) {
        while let Some(t) = tokens.next_if(|t| t.start < q.outer.start) {
            add_token(&mut profile, text, t);
        }
        if profile.is_full() {
            return profile.language(min);
        }
        // The quotation's marks stand in the prose as tokens of their own: its text is read
        // here instead, its wording as its own profile counted it.
        while tokens.next_if(|t| t.start < q.outer.end).is_some() {}
        profile.add_span(text, q.outer.start..q.span.start);
        if !profile.add(own) {
            profile.add_span(text, q.span.clone());
        }
        profile.add_span(text, q.span.end..q.outer.end);
    }
    for t in tokens {
        if profile.is_full() {
            break;
        }
        add_token(&mut profile, text, t);
    }
    profile.language(min)
}

/// Counts the lower-case words of a token of the prose (of `text`) as `language_in` reads
/// them.
#[inline]
fn add_token(profile: &mut Profile, text: &str, t: &Token<'_>) {
    // (A mark is no word, whatever its case.)
    if !t.is_word() {
        return;
    }
    if t.is_joined() {
        // `c'est`: `c` and `est`.
        profile.add_span(text, t.span());
    } else if t.is_lowercase_word() {
        // A run of letters and digits, whose flags the tokenizer looked up as `flags` would.
        profile.add_word(t.flags);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::tokens::tokenize_prose;

    /// The document's language as `of_document` tells it, for the quotations `detect` finds or
    /// for `quotes` when given.
    fn told(text: &str, quotes: Option<Vec<Quotation>>) -> Option<&'static str> {
        let quotes = quotes.unwrap_or_else(|| crate::detect(text));
        let tokens = tokenize_prose(text, quotes.iter().map(|q| (q.outer.clone(), q.closed)));
        let own: Vec<Profile> = quotes.iter().map(|q| Profile::of(q.text(text))).collect();
        of_document(text, &tokens, &quotes, &own, 3)
    }

    #[test]
    fn the_language_of_a_document_is_the_one_its_whole_text_tells() {
        let long_french = "c'est le plan qu’il a présenté, et les ministres l'ont lu. ".repeat(200);
        let long_english = "the minister's plan was ready for the vote. ".repeat(300);
        let texts = [
            "The minister said: \"c'est le plan, et les élus l'ont lu\" and then \"le vote\"."
                .to_string(),
            "«Das ist ein guter Tag», sagte der Bürgermeister, «und die Brücke ist neu.»"
                .to_string(),
            "U.S. Secretary-General ex-president d’après la loi, \"the end of the war\" was near."
                .to_string(),
            format!("{long_english}\"{long_french}\" {long_english}"),
            format!("\"{long_french}\" {long_english}"),
            format!("{long_french} \"and the end of the war\" {long_english}"),
            "“Unclosed and the end of the".to_string(),
            String::new(),
        ];
        for text in &texts {
            assert_eq!(
                told(text, None),
                lexicon::language_in(text, 3),
                "{text:.80}"
            );
        }
    }

    #[test]
    fn pieces_that_cut_a_word_are_read_as_one_text() {
        // Made-up quotations starting or ending inside a word (never `detect`'s).
        let text = "the plan was ready andthe vote was der die das";
        for (start, end) in [(12, 22), (20, 30), (0, 3), (5, text.len())] {
            let quote = Quotation {
                span: start..end,
                outer: start..end,
                style: crate::detect::QuoteStyle::Curly,
                kind: crate::detect::QuoteKind::Full,
                closed: true,
                paragraphs: 1,
                nested: Vec::new(),
            };
            assert_eq!(told(text, Some(vec![quote])), lexicon::language_in(text, 3));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_tells_the_language_its_whole_text_tells(
            words in proptest::collection::vec(
                "(the|was|der|und|les|c'est|l’été|que|el|het|Gen\\.|U\\.S\\.|ex-president|a|\"|“|”|«|»|'|\n|, )",
                0..80,
            ),
        ) {
            let text = words.join(" ");
            proptest::prop_assert_eq!(told(&text, None), lexicon::language_in(&text, 3));
        }
    }
}

//! When a quotation carries on from the one before it: the one rule that lends a speaker across
//! a paragraph break ([`continues`]) and that tells clustering two quotations are one statement
//! ([`goes_on`]).

use crate::detect::{Quotation, QuoteKind};

use super::{Attribution, Method};

/// Where `q` stands after `prev` in `text`: `None` in the same paragraph; `Some(Some(rest))`
/// when `q` opens the paragraph right after the one `prev` ends, `rest` being what follows
/// `prev` in its paragraph; `Some(None)` when other paragraphs or text stand between.
fn paragraph_rest<'t>(text: &'t str, prev: &Quotation, q: &Quotation) -> Option<Option<&'t str>> {
    let gap = text.get(prev.outer.end..q.outer.start).unwrap_or("");
    let (rest, after) = gap.split_once('\n')?;
    Some(after.trim().is_empty().then_some(rest))
}

/// Whether `q` opens the paragraph right after the one where `prev` ends.
pub(super) fn continues(text: &str, prev: &Quotation, q: &Quotation) -> bool {
    matches!(paragraph_rest(text, prev, q), Some(Some(_)))
}

/// Whether quotation `next` goes on from the one before it in the same text, the last of
/// `before` (all the text's quotations before `next`): the same speaker quoted again within one
/// paragraph (`"A," Trump wrote. "B"`, `as "difficult" and "impudent"`, `Macron asked, adding
/// that "…"`), or a paragraph that opens by carrying on what the paragraph before ended with:
/// - a full quotation with no words of its own, or with `he added` (`"…," Trump added.`);
/// - any quotation the text attributes by a pronoun or a description (`"…," he said.`, `the
///   president wrote`) after a paragraph whose only quotation was the speaker's (`Trump accused
///   him of "inflammatory statements".`): the words that introduced the statement, then the
///   statement. A paragraph that weaves several quotations gave an account of its own, and a
///   speaker named again starts a new one.
pub(crate) fn goes_on(
    text: &str,
    before: &[(Quotation, Attribution)],
    next: (&Quotation, &Attribution),
) -> bool {
    let Some(((pq, pa), earlier)) = before.split_last() else {
        return false;
    };
    let (nq, na) = next;
    if pa.speaker.is_none() || pa.speaker != na.speaker || pq.outer.end > nq.outer.start {
        return false;
    }
    // Within one paragraph it goes on; across paragraphs, `next` must open the paragraph that
    // follows `prev`'s, and `prev` stand near its paragraph's end.
    match paragraph_rest(text, pq, nq) {
        None => return true,
        Some(Some(rest)) if rest.len() <= 120 => {}
        Some(_) => return false,
    }
    let full = pq.kind == QuoteKind::Full && nq.kind == QuoteKind::Full;
    // `"…," Trump added.` in the next paragraph goes on just as a bare quotation does.
    let goes_on_cue = na
        .cue
        .as_deref()
        .is_none_or(|c| matches!(c, "added" | "adds" | "continued" | "continues"));
    let anaphoric = matches!(na.method, Some(Method::Pronoun | Method::Description));
    let alone = earlier.last().is_none_or(|(q, _)| {
        text.get(q.outer.end..pq.outer.start)
            .is_none_or(|between| between.contains('\n'))
    });
    (full && goes_on_cue) || (anaphoric && alone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{attribute, detect};

    /// For each quotation of `text` after the first, whether it goes on from the one before.
    fn going_on(text: &str) -> Vec<bool> {
        let quotes = detect(text);
        let found: Vec<(Quotation, Attribution)> = quotes
            .iter()
            .cloned()
            .zip(attribute(text, &quotes))
            .collect();
        (1..found.len())
            .map(|i| goes_on(text, &found[..i], (&found[i].0, &found[i].1)))
            .collect()
    }

    #[test]
    fn the_same_speaker_quoted_on_in_one_paragraph_goes_on() {
        let text = "Mayor Anna Berg called it “a grave mistake” and “a waste”. “We will keep the \
            docks open,” Berg said. “Every worker will be paid,” she said.";
        assert_eq!(going_on(text), [true, true, true]);
    }

    #[test]
    fn a_paragraph_carrying_on_with_he_added_goes_on_but_a_new_name_does_not() {
        let text = "“We will keep the docks open,” Mayor Anna Berg said.\n\n\
            “Every worker will be paid,” she added.\n\n\
            “The vote was wrong,” council leader Tom Reed said.";
        assert_eq!(going_on(text), [true, false]);
    }

    #[test]
    fn a_paragraph_between_breaks_the_run() {
        let text = "“We will keep the docks open,” Mayor Anna Berg said.\n\n\
            The council met on Monday.\n\n\
            “Every worker will be paid,” she added.";
        assert_eq!(going_on(text), [false]);
    }

    #[test]
    fn continues_asks_only_whether_the_next_paragraph_opens_with_it() {
        let text = "He said “one thing” today.\n“Another thing,” he said.\n\nNext.\n“A third.”";
        let q = detect(text);
        assert!(continues(text, &q[0], &q[1]));
        assert!(!continues(text, &q[1], &q[2]));
    }
}

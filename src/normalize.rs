//! The matching form of a quotation: the words it is made of, with every difference that does not
//! change what was said folded away. The original text is never changed; this is a view of it.
//!
//! Folded: Unicode compatibility forms (NFKC: full-width letters, ligatures, `…`), case, quote
//! marks and apostrophes (`Let’s`, `Let's` and `Lets` are one word), dashes, punctuation and
//! whitespace runs, and digit grouping (`5,000` is `5000`). An ellipsis (`…`, `...`, `[…]`) is kept
//! as a word of its own, [`ELLIPSIS`], because it says that words were left out.

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::text::letters::{alnum_run_end, ascii_run_end, is_alphanumeric};

/// The word an ellipsis becomes in the matching form.
pub const ELLIPSIS: &str = "…";

/// The words of `text` in matching form.
///
/// ```
/// use quotetrace::normalize;
///
/// assert_eq!(normalize("Let’s get the Peace Deal DONE!"), ["lets", "get", "the", "peace", "deal", "done"]);
/// assert_eq!(normalize("Lets get the peace deal done"), normalize("Let's get the Peace Deal DONE!"));
/// assert_eq!(normalize("5,000 soldiers … dying"), ["5000", "soldiers", "…", "dying"]);
/// ```
pub fn normalize(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_word(text, |w| words.push(w.to_string()));
    words
}

/// Calls `f` with each word of `text` in matching form, reusing one buffer: the allocation-free
/// core of [`normalize`].
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    // NFKC only where it can change something. ASCII is already in normal form, and so is
    // most other text, which the quick check (one table lookup per character) tells without
    // decomposing and recomposing it: that halved the time of reading a million synthetic
    // quotations (curly apostrophes and accents, all in normal form) into the clustering.
    if in_nfkc(text) {
        walk(text, &mut f);
    } else {
        walk(&text.nfkc().collect::<String>(), &mut f);
    }
}

/// Whether `text` is in NFKC by the quick check, asked of its runs of non-ASCII characters
/// only: ASCII is in every normal form, and its characters (combining class 0) restart the
/// check's ordering of combining marks, so each run answers as it would inside the whole text.
/// What it buys: most quotations are ASCII with a curly apostrophe or two, and the check no
/// longer decodes and looks up their every character (reading 200,000 synthetic quotations
/// into words: 1.626 G instructions, 1.597 G with this).
fn in_nfkc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        at = ascii_run_end(bytes, at);
        if at == bytes.len() {
            return true;
        }
        let end = bytes[at..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |run| at + run);
        // Both ends are char boundaries: ASCII bytes are whole characters.
        if is_nfkc_quick(text[at..end].chars()) != IsNormalized::Yes {
            return false;
        }
        at = end;
    }
}

/// The character at byte `i` of `text` (a char boundary), read as a byte when it is ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// The words of `text`, in normal form, to `f`. Runs of ASCII letters and digits, most of
/// every quotation, are read eight bytes at a time and lowercased in place; every other
/// character one at a time. (Reading every text as `char`s, each looked at with the one after
/// it, was a sixth of the instructions of clustering a million quotations.)
fn walk(text: &str, f: &mut impl FnMut(&str)) {
    let mut word = String::new();
    let flush = |word: &mut String, f: &mut dyn FnMut(&str)| {
        if !word.is_empty() {
            f(word);
            word.clear();
        }
    };
    let bytes = text.as_bytes();
    let mut prev: Option<char> = None;
    let mut dots = 0;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if c.is_ascii_alphanumeric() {
            let end = alnum_run_end(bytes, i + 1);
            let from = word.len();
            word.push_str(&text[i..end]);
            word[from..].make_ascii_lowercase();
            prev = Some(char::from(bytes[end - 1]));
            dots = 0;
            i = end;
            continue;
        }
        if c.is_ascii() && !matches!(c, '.' | ',' | '\'' | '`') {
            // ASCII space and punctuation, bar stops, commas and apostrophes, only end a word:
            // the tests below, for marks that may not, are skipped for most separators.
            flush(&mut word, f);
            prev = Some(c);
            dots = 0;
            i += 1;
            continue;
        }
        i += c.len_utf8();
        let next = char_at(text, i);
        if c == '.' {
            dots += 1;
            if dots == 3 {
                flush(&mut word, f);
                f(ELLIPSIS);
                dots = 0;
            } else if next != Some('.') {
                // `5.5` keeps its digits together; a sentence's stop only ends a word.
                let digits = prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                if !digits {
                    flush(&mut word, f);
                }
                dots = 0;
            }
            prev = Some(c);
            continue;
        }
        dots = 0;
        if is_alphanumeric(c) {
            word.extend(c.to_lowercase());
        } else if is_apostrophe(c) {
            // Inside a word an apostrophe is dropped (`Let's` → `lets`); elsewhere it is a mark.
            let inside = prev.is_some_and(is_alphanumeric) && next.is_some_and(is_alphanumeric);
            if !inside {
                flush(&mut word, f);
            }
        } else if c == ',' && is_digit_group(prev, next) {
            // `5,000`: a thousands separator, not a pause.
        } else if c == '…' {
            flush(&mut word, f);
            f(ELLIPSIS);
        } else {
            flush(&mut word, f);
        }
        prev = Some(c);
    }
    flush(&mut word, f);
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | '′')
}

fn is_digit_group(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_that_say_the_same_are_equal() {
        let same: &[(&str, &str)] = &[
            (
                "Let’s get the Peace Deal DONE!",
                "Lets get the peace deal done",
            ),
            (
                "Let's get the Peace Deal DONE!",
                "“Let’s get the Peace Deal DONE”",
            ),
            ("5,000 soldiers a week", "5000 soldiers a week"),
            ("Vladimir, STOP!", "vladimir — stop"),
            ("ＦＵＬＬ width", "full width"),
            ("don't", "dont"),
        ];
        for (a, b) in same {
            assert_eq!(normalize(a), normalize(b), "{a} / {b}");
        }
    }

    #[test]
    fn ellipses_are_kept_as_words() {
        for text in [
            "I am not happy ... Vladimir",
            "I am not happy … Vladimir",
            "I am not happy...Vladimir",
        ] {
            assert_eq!(
                normalize(text),
                ["i", "am", "not", "happy", ELLIPSIS, "vladimir"],
                "{text}"
            );
        }
    }

    #[test]
    fn sentences_and_numbers() {
        assert_eq!(
            normalize("It rose 5.5 percent. Then fell."),
            ["it", "rose", "55", "percent", "then", "fell"]
        );
        assert_eq!(normalize("U.S. troops"), ["u", "s", "troops"]);
        assert!(normalize("  ,,, !! ").is_empty());
    }

    #[test]
    fn words_mixing_ascii_runs_with_other_letters_stay_whole() {
        assert_eq!(
            normalize("Zürich’s Łódź-based ÉCOLE naïve2 Ⅻ ﬁne"),
            ["zürichs", "łódź", "based", "école", "naïve2", "xii", "fine"]
        );
        assert_eq!(normalize("ÀB’cD 3,5..."), ["àbcd", "35", ELLIPSIS]);
    }
}

//! Inflection: whether two words are forms of one (`apology`, `apologies`; `resigned`,
//! `resigning`), by the Snowball stemmer of a language (the `rust-stemmers` crate: the
//! Snowball project's algorithms compiled to Rust, with no C code and no data files).

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// The languages with a stemmer, by ISO 639-1 code: those of [`crate::text::lexicon`].
const ALGORITHMS: [(&str, Algorithm); 7] = [
    ("en", Algorithm::English),
    ("de", Algorithm::German),
    ("fr", Algorithm::French),
    ("es", Algorithm::Spanish),
    ("it", Algorithm::Italian),
    ("pt", Algorithm::Portuguese),
    ("nl", Algorithm::Dutch),
];

/// The shortest word whose inflections are told: shorter words (`is`, `was`, `stop`) are
/// too often different words once stemmed.
const MIN_CHARS: usize = 5;

fn stemmer(language: &str) -> Option<&'static Stemmer> {
    static STEMMERS: OnceLock<Vec<Stemmer>> = OnceLock::new();
    let stemmers = STEMMERS.get_or_init(|| {
        ALGORITHMS
            .iter()
            .map(|&(_, algorithm)| Stemmer::create(algorithm))
            .collect()
    });
    let i = ALGORITHMS.iter().position(|(code, _)| *code == language)?;
    stemmers.get(i)
}

/// Whether `language` has a stemmer.
pub(crate) fn known(language: &str) -> bool {
    stemmer(language).is_some()
}

/// The stem of `word` (in small letters) in `language`, as a non-zero hash (stable across runs); `None` where the
/// language has no stemmer, or the word is short or holds anything but Latin letters.
pub(crate) fn stem(language: &str, word: &str) -> Option<u64> {
    let stemmer = stemmer(language)?;
    // Latin letters only: the Snowball algorithms of these languages are written for them.
    let latin =
        |c: char| c.is_alphabetic() && (c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c));
    if word.chars().count() < MIN_CHARS || !word.chars().all(latin) {
        return None;
    }
    // Never 0, which stands for no stem.
    Some(crate::text::hash::word_hash(&stemmer.stem(word)).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inflected(language: &str, a: &str, b: &str) -> bool {
        matches!((stem(language, a), stem(language, b)), (Some(x), Some(y)) if x == y)
    }

    #[test]
    fn forms_of_one_word_share_a_stem_in_their_language() {
        assert!(inflected("en", "apology", "apologies"));
        assert!(inflected("en", "resigned", "resigning"));
        assert!(inflected("de", "entscheidung", "entscheidungen"));
        assert!(inflected("fr", "décision", "décisions"));
        assert!(!inflected("en", "apology", "apologetic-ish"));
        assert!(
            !inflected("en", "stop", "stopping"),
            "short words are left alone"
        );
        assert!(
            !inflected("xx", "apology", "apologies"),
            "no stemmer, no inflection"
        );
        assert!(!inflected("en", "resign", "design"));
    }
}

//! Helpers on words that several stages share: the one place for each of these rules.
//!
//! - [`hash`]: the stable word hash and the hash tables keyed by words of the input;
//! - [`letters`]: letters and digits told apart at byte speed, where words start and end;
//! - [`lexicon`]: the per-language tables (cues, titles, pronouns, function words) and language
//!   detection;
//! - [`spelling`]: the typo rule, when two words are one word mistyped;
//! - [`stem`]: the Snowball stemmers, when two words are forms of one.

pub(crate) mod hash;
pub(crate) mod letters;
pub(crate) mod lexicon;
pub(crate) mod spelling;
pub(crate) mod stem;

//! quotetrace: placeholder crate docs (rewritten below).
#![warn(missing_docs)]

mod attribute;
mod corpus;
mod detect;
mod document;
mod error;
mod lexicon;
mod tracker;

pub use attribute::{attribute, canonical_speakers, Attribution, Method};
pub use corpus::*;
pub use detect::{detect, Nested, Quotation, QuoteKind, QuoteStyle};
pub use document::*;
pub use error::*;
pub use tracker::{DocumentOut, DuplicateDocument, Output, Quote, QuoteOut, Tracker};

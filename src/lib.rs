//! quotetrace finds the quotations in news articles, says who is quoted, groups every quotation
//! with the statement it reproduces across outlets, and reports each statement's provenance:
//! which outlets printed it, who was first, and how each wording drifted.
//!
//! ```
//! use quotetrace::{Document, Timestamp, Tracker};
//!
//! let mut tracker = Tracker::new();
//! tracker.add(
//!     Document::new(
//!         "wire-1",
//!         "U.S. President Donald Trump rebuked Vladimir Putin on Thursday.\n\
//!          \"I am not happy with the Russian strikes on KYIV,\" Trump wrote. \"Vladimir, STOP!\"",
//!     )
//!     .with_outlet("wire.example")
//!     .with_published(Timestamp::parse("2025-04-24T14:05")?),
//! )?;
//! tracker.add(Document::new(
//!     "blog-7",
//!     "Trump tells Putin to 'STOP!'\n\n“We will rebuild,” said Zelenskyy.",
//! ))?;
//!
//! for quote in tracker.quotes() {
//!     println!("{:?} — {}", quote.speaker, quote.text);
//! }
//! let quotes: Vec<_> = tracker.quotes().collect();
//! assert_eq!(quotes[0].text, "I am not happy with the Russian strikes on KYIV,");
//! assert_eq!(quotes[0].speaker, Some("Donald Trump"));
//! assert_eq!(quotes[1].text, "Vladimir, STOP!");
//! assert_eq!(quotes[3].speaker, Some("Zelenskyy"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Words used here
//!
//! - **document** — one text quotetrace reads (an article, a post), with its outlet, URL and
//!   publication time: [`Document`].
//! - **quotation** — words a text prints between quote marks: [`Quotation`] where detection found
//!   it, [`tracker::Quote`] once the tracker has attributed and clustered it, and [`QuoteRecord`]
//!   in the report (`quotes` in the JSON).
//! - **full quotation** / **fragment** — a quotation that stands as a sentence of its own, or one
//!   woven into the reporter's sentence (`called it "a grave mistake"`): [`QuoteKind`].
//! - **speaker** and **cue** — who is quoted and the words that say so (`said`, `according to`):
//!   [`Attribution`].
//! - **statement** — what was said once, by one speaker, that outlets then quote: the group of
//!   quotations that reproduce it, wholly or in part ([`Statement`] in the report, `clusters` in
//!   the JSON and in [`Report::clusters`]; [`tracker::Cluster`] as the tracker holds it;
//!   *clustering* is the stage that forms them).
//! - **canonical wording** — the statement's own words, chosen from or put together from what
//!   outlets printed ([`Statement::canonical`]).
//! - **variant** — one distinct wording a statement was printed in ([`Variant`]).
//! - **piece** — a part of a statement printed on its own (one sentence of a letter); where no
//!   outlet printed the whole, the canonical wording is *assembled* from its pieces
//!   ([`Statement::assembled`]).
//! - **drift** and **edit** — how a variant differs from the canonical wording, as edits an
//!   editor would name (case, punctuation, spelling, cut, word changed, translation): [`Drift`],
//!   [`Edit`], [`EditKind`].
//! - **outlet** — the publication that printed a document; **lineage** — outlets that printed
//!   the same non-canonical wording, a hint that one copied another ([`Statement::lineage`]).
//!
//! # The stages
//!
//! Data flows one way, and each stage is a module whose documentation gives its rules:
//!
//! - **documents** — [`Document`] (id, outlet, URL, [`Timestamp`], text) and loading a corpus
//!   from disk: [`load`], [`load_with`] and [`parse_jsonl`], with errors ([`LoadError`]) that
//!   name the file and line.
//! - [**detection**](mod@detect) — [`detect()`] finds every [`Quotation`] of a text: its byte span
//!   (marks excluded), its [`QuoteStyle`] (`"…"`, `“…”`, `'…'`, `‘…’`, `«…»`, `‹…›`, `„…“`,
//!   `「…」`), its [`QuoteKind`], whether it was closed, and the quotations nested inside it.
//!   Apostrophes (Let's, Russia’s, '90s, rock 'n' roll, dogs') are told from quote marks; a
//!   quotation running over paragraphs is one; a quotation cut off by the end of the text or by
//!   a missing mark ends with its paragraph. The scan is linear in the text and never panics.
//! - [**attribution**](mod@attribute) — [`attribute()`] gives each quotation an
//!   [`Attribution`]: the speaker (titles removed, a surname expanded to the full name used in
//!   the text, organisations as written), the cue and the [`Method`](attribute::Method) that
//!   found it. Pronouns and descriptions (`he added`, `the Ukrainian leader said`) are resolved
//!   to people named in the text; when nothing says who spoke, the speaker is left empty rather
//!   than guessed.
//! - [**matching form**](mod@normalize) — [`normalize()`] folds what does not change what was
//!   said: Unicode compatibility forms, case, quote marks, apostrophes, dashes and punctuation.
//! - [**clustering**](mod@cluster) — [`cluster()`] groups every quotation with the statement it
//!   reproduces: variants, fragments, ellipses, splices, continuations, overlapping pieces and
//!   translations, through an index of word pairs, near-linearly ([`ClusterConfig`] holds the
//!   thresholds).
//! - [**drift**](mod@drift) — [`drift()`] aligns a variant with the canonical wording word by
//!   word and names each [`Edit`], with a drift score.
//! - [**provenance**](mod@tracker) — a [`Tracker`] runs it all over many documents, kept in
//!   chronological order so that ids and statements are the same whatever order the documents
//!   came in. Its [`Report`] ([`report`]) gives, per [`Statement`], the outlets in order, where
//!   it was first seen, each [`Variant`] with its drift, and lineage hints;
//!   [`Tracker::whence`] answers *where does this quote come from?*
//!
//! # Examples
//!
//! - `cargo run --release --example track [CORPUS]`: each statement more than one outlet printed,
//!   with its outlets and drift (the bundled demo corpus by default).
//! - `cargo run --example whence -- CORPUS "text"`: the statement a quotation comes from.
//! - `cargo run --example quotes -- ARTICLE.txt`: one text's quotations, with how each speaker was
//!   found.
//! - `cargo run --release --example cluster_lines -- FILE`: one quotation per line in,
//!   `line<TAB>cluster` out, with the rate.
//! - `cargo run --release --example cluster_synth -- 1000000`: clustering scale and quality on
//!   synthetic quotations with known truth.
//!
//! The `quotetrace` command (`cli/` in the repository) runs the whole job from the shell:
//! `quotetrace track CORPUS [--json]`, `quotetrace whence CORPUS "text"`, and `quotetrace
//! evaluate CORPUS` against gold annotations.
//!
//! # Feature flags
//!
//! - `parallel` (default): detect and attribute the documents of `Tracker::extend` and verify
//!   clustering candidates on all cores with rayon; the result is the same as on one thread.
//! - `synth`: re-exports the `quotetrace-synth` crate (a seeded generator of quotations with
//!   ground truth, for benchmarks and tests) as `quotetrace::synth`.
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// The stages, in the order data flows through them; each module's docs give its rules.
pub mod attribute;
pub mod cluster;
pub mod corpus;
pub mod detect;
pub mod drift;
pub mod normalize;
pub mod report;
pub mod tracker;

// Documents and loading them, with their errors.
mod document;
mod error;

// Helpers on words that several stages share.
mod text;

/// The synthetic generator, re-exported from the `quotetrace-synth` crate for dependents that
/// still ask for the `synth` feature; new code depends on `quotetrace-synth` itself.
#[cfg(feature = "synth")]
#[cfg_attr(docsrs, doc(cfg(feature = "synth")))]
pub use quotetrace_synth as synth;

// The crate's face: what most programs need, each stage's entry point and its main types.
// Everything else is in its stage's module.
pub use attribute::{attribute, Attribution};
pub use cluster::{cluster, ClusterConfig, ClusterItem};
pub use corpus::{load, load_with, parse_jsonl, LoadOptions, Loaded};
pub use detect::{detect, Quotation, QuoteKind, QuoteStyle};
pub use document::{Document, Timestamp};
pub use drift::{drift, Drift, Edit, EditKind};
pub use error::{LoadError, TimestampError, TimestampErrorKind};
pub use normalize::normalize;
pub use report::{QuoteRecord, Report, Statement, Variant};
pub use tracker::{read, Reading, Tracker, Whence};

#[doc(hidden)]
pub use deprecated::*;

/// The names that stood at the crate root before they moved to their stage's module, kept so
/// that dependents compile (with a warning naming the new path).
#[allow(missing_docs)]
mod deprecated {
    use std::collections::HashMap;

    #[deprecated(note = "use quotetrace::attribute::Method")]
    pub type Method = crate::attribute::Method;
    #[deprecated(note = "use quotetrace::cluster::ClusterIndex")]
    pub type ClusterIndex = crate::cluster::ClusterIndex;
    #[deprecated(note = "use quotetrace::cluster::Clustering")]
    pub type Clustering = crate::cluster::Clustering;
    #[deprecated(note = "use quotetrace::cluster::Found")]
    pub type Found = crate::cluster::Found;
    #[deprecated(note = "use quotetrace::detect::Nested")]
    pub type Nested = crate::detect::Nested;
    #[deprecated(note = "use quotetrace::report::DocumentInfo")]
    pub type DocumentInfo = crate::report::DocumentInfo;
    #[deprecated(note = "use quotetrace::report::FirstSeen")]
    pub type FirstSeen = crate::report::FirstSeen;
    #[deprecated(note = "use quotetrace::report::OutletSummary")]
    pub type OutletSummary = crate::report::OutletSummary;
    #[deprecated(note = "use quotetrace::tracker::Cluster")]
    pub type Cluster<'a> = crate::tracker::Cluster<'a>;
    #[deprecated(note = "use quotetrace::tracker::Quote")]
    pub type Quote<'a> = crate::tracker::Quote<'a>;
    #[deprecated(note = "use quotetrace::tracker::DuplicateDocument")]
    pub type DuplicateDocument = crate::tracker::DuplicateDocument;
    #[deprecated(note = "use quotetrace::normalize::ELLIPSIS")]
    pub const ELLIPSIS: &str = crate::normalize::ELLIPSIS;

    #[deprecated(note = "use quotetrace::attribute::canonical_speakers")]
    pub fn canonical_speakers<'a>(
        names: impl IntoIterator<Item = &'a str>,
    ) -> HashMap<String, String> {
        crate::attribute::canonical_speakers(names)
    }

    #[deprecated(note = "use quotetrace::cluster::cluster_indexed")]
    pub fn cluster_indexed(
        items: &[crate::ClusterItem<'_>],
        config: &crate::ClusterConfig,
    ) -> (crate::cluster::Clustering, crate::cluster::ClusterIndex) {
        crate::cluster::cluster_indexed(items, config)
    }

    #[deprecated(note = "use quotetrace::drift::words")]
    pub fn words(text: &str) -> Vec<&str> {
        crate::drift::words(text)
    }
}

// The README's examples are compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

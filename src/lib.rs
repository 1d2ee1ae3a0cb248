//! quotetrace finds the quotations in news articles, says who is quoted, and (in coming
//! releases) traces how one statement's wording drifts from outlet to outlet.
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
//! # The stages
//!
//! Data flows one way, and each stage can be used on its own:
//!
//! - **documents** — [`Document`] (id, outlet, URL, [`Timestamp`], text) and loading a corpus
//!   from disk: [`load`], [`load_with`] and [`parse_jsonl`], with errors ([`LoadError`]) that
//!   name the file and line.
//! - **detection** — [`detect`] finds every [`Quotation`] of a text: its byte span (marks
//!   excluded), its [`QuoteStyle`] (`"…"`, `“…”`, `'…'`, `‘…’`, `«…»`, `‹…›`, `„…“`, `「…」`),
//!   its [`QuoteKind`] (a full quotation or a fragment woven into the reporter's sentence),
//!   whether it was closed, and the quotations nested inside it. Apostrophes (Let's, Russia’s,
//!   '90s, rock 'n' roll, dogs') are told from quote marks; a quotation running over paragraphs
//!   is one; a quotation cut off by the end of the text or by a missing mark ends with its
//!   paragraph. The scan is linear in the text and never panics.
//! - **attribution** — [`attribute`] gives each quotation an [`Attribution`]: the speaker (titles
//!   removed, a surname expanded to the full name used in the text, organisations as written),
//!   the cue (`wrote`, `said`, `according to`) and the [`Method`] that found it. Pronouns and
//!   descriptions (`he added`, `the Ukrainian leader said`) are resolved to people named in the
//!   text; when nothing says who spoke, the speaker is left empty rather than guessed.
//!   [`canonical_speakers`] merges spellings of one name across documents.
//! - **matching form** — [`normalize`] folds what does not change what was said: Unicode
//!   compatibility forms, case, quote marks, apostrophes, dashes and punctuation.
//! - **clustering** — [`cluster`] groups every quotation with the statement it reproduces:
//!   variants (re-cased, re-punctuated, a typo, a word changed), fragments, ellipses and splices,
//!   through an index of word pairs, near-linearly ([`ClusterConfig`] holds the thresholds;
//!   [`cluster_indexed`] keeps the [`ClusterIndex`] to look texts up later).
//! - **drift** — [`drift`] aligns a variant with the canonical wording word by word and names
//!   each [`Edit`] ([`EditKind`]: case, punctuation, spelling, substitution, insertion,
//!   omission, truncation, ellipsis, splice), with a drift score.
//! - **provenance** — [`Tracker`] runs it all over many documents, kept in chronological order so
//!   that ids and clusters are the same whatever order the documents came in. Its [`Report`]
//!   gives, per statement ([`Statement`]), the outlets in order, where it was first seen, each
//!   [`Variant`] with its drift, and lineage hints; [`Tracker::whence`] answers *where does this
//!   quote come from?*
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
//! - `parallel` (default): verify clustering candidates on all cores with rayon; the result is
//!   the same as on one thread.
//! - `synth`: re-exports the `quotetrace-synth` crate (a seeded generator of quotations with
//!   ground truth, for benchmarks and tests) as `quotetrace::synth`.
#![warn(missing_docs)]

mod attribute;
mod cluster;
mod corpus;
mod detect;
mod document;
mod drift;
mod error;
mod normalize;
mod report;
mod text;
/// The synthetic generator, re-exported from the `quotetrace-synth` crate for dependents that
/// still ask for the `synth` feature; new code depends on `quotetrace-synth` itself.
#[cfg(feature = "synth")]
pub use quotetrace_synth as synth;
mod tracker;

pub use attribute::{attribute, canonical_speakers, Attribution, Method};
pub use cluster::{
    cluster, cluster_indexed, ClusterConfig, ClusterIndex, ClusterItem, Clustering, Found,
};
pub use corpus::*;
pub use detect::{detect, Nested, Quotation, QuoteKind, QuoteStyle};
pub use document::*;
pub use drift::{drift, words, Drift, Edit, EditKind};
pub use error::*;
pub use normalize::{normalize, ELLIPSIS};
pub use report::{DocumentInfo, FirstSeen, OutletSummary, QuoteRecord, Report, Statement, Variant};
pub use tracker::{Cluster, DuplicateDocument, Quote, Tracker, Whence};

// The README's examples are compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

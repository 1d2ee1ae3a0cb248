//! What can go wrong reading a corpus or a timestamp, and where.
//!
//! Every [`LoadError`] names the file and, where there is one, the 1-based line, so a message
//! such as `corpus.jsonl: line 12: missing field "text"` says where to look.

use std::io;
use std::path::{Path, PathBuf};

/// Why a string is not a [`Timestamp`](crate::Timestamp), and which string it was.
///
/// ```
/// use quotetrace::{Timestamp, TimestampErrorKind};
///
/// let err = Timestamp::parse("2023-02-29").unwrap_err();
/// assert_eq!(err.kind(), &TimestampErrorKind::Format);
/// assert!(err.to_string().starts_with(r#"invalid timestamp "2023-02-29": "#));
/// assert!(err.reason().contains("day"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid timestamp {}: {reason}", shorten(value))]
pub struct TimestampError {
    value: String,
    kind: TimestampErrorKind,
    reason: String,
}

impl TimestampError {
    pub(crate) fn new(value: &str, kind: TimestampErrorKind, reason: String) -> Self {
        TimestampError {
            value: value.to_owned(),
            kind,
            reason,
        }
    }

    /// The string that failed to parse.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// What kind of thing was wrong with it.
    pub fn kind(&self) -> &TimestampErrorKind {
        &self.kind
    }

    /// What was wrong with it, in words: which field is out of range, or where the shape broke.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// What kind of thing was wrong with a timestamp string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimestampErrorKind {
    /// Not a date or date and time of the accepted forms, or one naming a month, day, time or
    /// offset that does not exist ([`TimestampError::reason`] says which).
    Format,
    /// A time-zone name (`[Europe/Paris]`) without an offset: quotetrace carries no time-zone
    /// database to resolve it.
    ZoneWithoutOffset,
    /// An offset with seconds (`+05:30:15`), which the normalised form cannot write back.
    OffsetSeconds,
}

/// A bad value can be a whole line of garbage; quote only its start in messages.
fn shorten(value: &str) -> String {
    const MAX_CHARS: usize = 40;
    match value.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{:?}…", &value[..cut]),
        None => format!("{value:?}"),
    }
}

/// A corpus, or one of its lines or documents, could not be loaded.
///
/// Each variant names the file it concerns (for a manifest entry, the manifest) and, where it
/// applies, the 1-based line; [`path`](Self::path) and [`line`](Self::line) give them whatever
/// the variant.
///
/// ```
/// use quotetrace::{parse_jsonl, LoadError, LoadOptions};
///
/// let input = "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\"}\n";
/// let err = parse_jsonl(input, "corpus.jsonl", &LoadOptions::new()).unwrap_err();
/// assert!(matches!(err, LoadError::MissingField { field: "text", .. }));
/// assert_eq!(err.line(), Some(2));
/// assert_eq!(err.to_string(), r#"corpus.jsonl: line 2: missing field "text""#);
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// A file or folder could not be read.
    #[error("{}: {source}", .path.display())]
    #[non_exhaustive]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A file is not valid UTF-8 (and lossy decoding was not asked for).
    #[error("{}: {}invalid UTF-8 at byte {byte_offset}", .path.display(), at_line(*.line))]
    #[non_exhaustive]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// The line holding the first bad byte.
        line: Option<usize>,
        /// The offset of the first bad byte from the start of the file.
        byte_offset: usize,
    },
    /// A JSON Lines line is not well-formed JSON, or not a JSON object.
    #[error("{}: line {line}{}: malformed JSON: {message}", .path.display(), at_column(*.column))]
    #[non_exhaustive]
    Json {
        /// The file.
        path: PathBuf,
        /// The line.
        line: usize,
        /// The 1-based column where parsing stopped, if known.
        column: Option<usize>,
        /// What the JSON parser expected.
        message: String,
    },
    /// A required field is absent.
    #[error("{}: line {line}: missing field \"{field}\"", .path.display())]
    #[non_exhaustive]
    MissingField {
        /// The file.
        path: PathBuf,
        /// The line.
        line: usize,
        /// The field's name.
        field: &'static str,
    },
    /// A field holds the wrong kind of value, e.g. a number where a string belongs.
    #[error("{}: line {line}: field \"{field}\": {message}", .path.display())]
    #[non_exhaustive]
    BadField {
        /// The file.
        path: PathBuf,
        /// The line.
        line: usize,
        /// The field's name.
        field: &'static str,
        /// What was wrong with its value.
        message: String,
    },
    /// The `published` field is not a valid [`Timestamp`](crate::Timestamp).
    #[error("{}: line {line}: field \"published\": {source}", .path.display())]
    #[non_exhaustive]
    BadDate {
        /// The file.
        path: PathBuf,
        /// The line.
        line: usize,
        /// The value as written.
        value: String,
        /// What was wrong with it.
        source: TimestampError,
    },
    /// A manifest names a document whose text file does not exist.
    #[error("{}: line {line}: document {id:?} not found at {}", .path.display(), .expected.display())]
    #[non_exhaustive]
    MissingDocument {
        /// The manifest.
        path: PathBuf,
        /// The manifest line naming the document.
        line: usize,
        /// The document's id.
        id: String,
        /// Where its text was looked for.
        expected: PathBuf,
    },
    /// A manifest names a document whose text file cannot be read for a reason other than its
    /// absence (a folder in its place, no permission, a name too long, a failing disk).
    #[error("{}: line {line}: document {id:?} could not be read from {}: {source}", .path.display(), .file.display())]
    #[non_exhaustive]
    UnreadableDocument {
        /// The manifest.
        path: PathBuf,
        /// The manifest line naming the document.
        line: usize,
        /// The document's id.
        id: String,
        /// Its text file.
        file: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// Two documents have the same id; the first one is kept.
    #[error("{}: {}duplicate document id {id:?}{}", .path.display(), at_line(*.line), first_seen(*.first_line))]
    #[non_exhaustive]
    DuplicateId {
        /// The file with the second occurrence.
        path: PathBuf,
        /// The line of the second occurrence, if it is on one.
        line: Option<usize>,
        /// The repeated id.
        id: String,
        /// The line of the first occurrence, if it is in the same file.
        first_line: Option<usize>,
    },
    /// The path is neither a JSON Lines file nor a folder of documents.
    #[error(
        "{}: not a corpus (expected a .jsonl file, or a folder with manifest.jsonl, docs/ or .txt files)",
        .path.display()
    )]
    #[non_exhaustive]
    NotACorpus {
        /// The path given.
        path: PathBuf,
    },
}

fn at_line(line: Option<usize>) -> String {
    line.map_or_else(String::new, |line| format!("line {line}: "))
}

fn at_column(column: Option<usize>) -> String {
    column.map_or_else(String::new, |column| format!(", column {column}"))
}

fn first_seen(line: Option<usize>) -> String {
    line.map_or_else(String::new, |line| format!(" (first on line {line})"))
}

impl LoadError {
    /// The file or folder the error concerns.
    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. }
            | Self::InvalidUtf8 { path, .. }
            | Self::Json { path, .. }
            | Self::MissingField { path, .. }
            | Self::BadField { path, .. }
            | Self::BadDate { path, .. }
            | Self::MissingDocument { path, .. }
            | Self::UnreadableDocument { path, .. }
            | Self::DuplicateId { path, .. }
            | Self::NotACorpus { path } => path,
        }
    }

    /// The 1-based line the error is on, if it concerns one line of a file.
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::Io { .. } | Self::NotACorpus { .. } => None,
            Self::InvalidUtf8 { line, .. } | Self::DuplicateId { line, .. } => *line,
            Self::Json { line, .. }
            | Self::MissingField { line, .. }
            | Self::BadField { line, .. }
            | Self::BadDate { line, .. }
            | Self::MissingDocument { line, .. }
            | Self::UnreadableDocument { line, .. } => Some(*line),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path() -> PathBuf {
        PathBuf::from("corpus.jsonl")
    }

    #[test]
    fn every_variant_names_file_and_line() {
        let date = crate::Timestamp::parse("2025-02-30").unwrap_err();
        let not_found = io::Error::new(io::ErrorKind::NotFound, "not found");
        // (error, rendering, line)
        let table = [
            (LoadError::Io { path: path(), source: not_found }, "corpus.jsonl: not found", None),
            (
                LoadError::InvalidUtf8 { path: path(), line: Some(3), byte_offset: 40 },
                "corpus.jsonl: line 3: invalid UTF-8 at byte 40",
                Some(3),
            ),
            (
                LoadError::InvalidUtf8 { path: path(), line: None, byte_offset: 7 },
                "corpus.jsonl: invalid UTF-8 at byte 7",
                None,
            ),
            (
                LoadError::Json { path: path(), line: 4, column: Some(9), message: "EOF".into() },
                "corpus.jsonl: line 4, column 9: malformed JSON: EOF",
                Some(4),
            ),
            (
                LoadError::MissingField { path: path(), line: 12, field: "text" },
                r#"corpus.jsonl: line 12: missing field "text""#,
                Some(12),
            ),
            (
                LoadError::BadField { path: path(), line: 2, field: "id", message: "bad".into() },
                r#"corpus.jsonl: line 2: field "id": bad"#,
                Some(2),
            ),
            (
                LoadError::BadDate { path: path(), line: 5, value: "2025-02-30".into(), source: date },
                r#"corpus.jsonl: line 5: field "published": invalid timestamp "2025-02-30": parsed date is not valid: parameter 'day' for `2025-02` is invalid, must be in range `1..=28`"#,
                Some(5),
            ),
            (
                LoadError::MissingDocument {
                    path: path(),
                    line: 1,
                    id: "a".into(),
                    expected: PathBuf::from("docs/a.txt"),
                },
                r#"corpus.jsonl: line 1: document "a" not found at docs/a.txt"#,
                Some(1),
            ),
            (
                LoadError::UnreadableDocument {
                    path: path(),
                    line: 3,
                    id: "b".into(),
                    file: PathBuf::from("docs/b.txt"),
                    source: io::Error::new(io::ErrorKind::PermissionDenied, "permission denied"),
                },
                r#"corpus.jsonl: line 3: document "b" could not be read from docs/b.txt: permission denied"#,
                Some(3),
            ),
            (
                LoadError::DuplicateId { path: path(), line: Some(7), id: "a".into(), first_line: Some(2) },
                r#"corpus.jsonl: line 7: duplicate document id "a" (first on line 2)"#,
                Some(7),
            ),
            (
                LoadError::NotACorpus { path: path() },
                "corpus.jsonl: not a corpus (expected a .jsonl file, or a folder with manifest.jsonl, docs/ or .txt files)",
                None,
            ),
        ];
        for (error, rendering, line) in table {
            assert_eq!(error.to_string(), rendering);
            assert_eq!(error.line(), line, "{rendering}");
            assert_eq!(error.path(), Path::new("corpus.jsonl"));
        }
    }

    #[test]
    fn sources_are_chained() {
        use std::error::Error;
        let date = crate::Timestamp::parse("x").unwrap_err();
        let error = LoadError::BadDate {
            path: path(),
            line: 1,
            value: "x".into(),
            source: date,
        };
        assert!(error.source().is_some());
    }

    #[test]
    fn long_bad_timestamps_are_shortened() {
        let long = "9".repeat(1000);
        let message = crate::Timestamp::parse(&long).unwrap_err().to_string();
        assert!(message.len() < 200, "{message}");
        assert!(message.contains('…'));
    }
}

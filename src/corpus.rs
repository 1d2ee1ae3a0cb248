//! Loading documents from disk: a JSON Lines file, a corpus folder with a manifest, or a plain
//! folder of `.txt` files.
//!
//! Every file is read whole and parsed in one pass, so loading takes time linear in its size.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::document::{Document, Timestamp};
use crate::error::LoadError;

/// How forgiving loading is.
///
/// ```
/// use quotetrace::LoadOptions;
///
/// let options = LoadOptions::new().lenient(true).lossy_utf8(true);
/// assert!(options.lenient && options.lossy_utf8);
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct LoadOptions {
    /// Keep going past bad lines and documents, collecting their errors in [`Loaded::errors`].
    /// An unreadable input or one that is not a corpus still fails the whole load.
    pub lenient: bool,
    /// Decode invalid UTF-8 with U+FFFD replacement characters instead of failing. Note that
    /// this changes byte offsets after the first bad byte.
    pub lossy_utf8: bool,
}

impl LoadOptions {
    /// Strict loading: the first error fails the load.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`LoadOptions::lenient`].
    #[must_use]
    pub fn lenient(mut self, yes: bool) -> Self {
        self.lenient = yes;
        self
    }

    /// Sets [`LoadOptions::lossy_utf8`].
    #[must_use]
    pub fn lossy_utf8(mut self, yes: bool) -> Self {
        self.lossy_utf8 = yes;
        self
    }
}

/// The result of a load: the documents read, and in lenient mode what could not be read.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The documents, in file order (manifest order, or file-name order for a plain folder).
    pub documents: Vec<Document>,
    /// One error per line or document skipped; always empty in strict mode.
    pub errors: Vec<LoadError>,
}

/// Loads every document at `path`, failing on the first problem.
///
/// `path` may be:
/// - a `.jsonl`, `.ndjson` or `.json` file with one document per line:
///   `{"id": .., "outlet": .., "url": .., "published": .., "text": ..}` (`id` and `text`
///   required, the others optional or null);
/// - a corpus folder with `manifest.jsonl` (the same fields but `text`) and `docs/<id>.txt`;
/// - a folder of `.txt` files, in `docs/` if it exists, each a document named by its file stem.
///
/// # Errors
///
/// The first problem found: an unreadable file, a malformed or incomplete line, a missing or
/// non-UTF-8 document, a repeated id. Each [`LoadError`] names the file and line.
///
/// ```no_run
/// let documents = quotetrace::load("corpora/seeds")?;
/// println!("{} documents", documents.len());
/// # Ok::<(), quotetrace::LoadError>(())
/// ```
pub fn load(path: impl AsRef<Path>) -> Result<Vec<Document>, LoadError> {
    load_with(path, &LoadOptions::new()).map(|loaded| loaded.documents)
}

/// Loads every document at `path` (see [`load`]) with the given options.
///
/// # Errors
///
/// In strict mode, as [`load`]. In lenient mode, only when `path` cannot be read or is not a
/// corpus ([`LoadError::Io`], [`LoadError::NotACorpus`]), or a folder cannot be listed.
///
/// ```no_run
/// use quotetrace::{load_with, LoadOptions};
///
/// let loaded = load_with("scraped.jsonl", &LoadOptions::new().lenient(true))?;
/// for error in &loaded.errors {
///     eprintln!("skipped: {error}");
/// }
/// # Ok::<(), quotetrace::LoadError>(())
/// ```
pub fn load_with(path: impl AsRef<Path>, options: &LoadOptions) -> Result<Loaded, LoadError> {
    let path = path.as_ref();
    let metadata = fs::metadata(path).map_err(|source| io_error(path, source))?;
    if metadata.is_dir() {
        load_folder(path, options)
    } else if has_extension(path, &["jsonl", "ndjson", "json"]) {
        let bytes = fs::read(path).map_err(|source| io_error(path, source))?;
        parse_jsonl(bytes, path, options)
    } else {
        Err(LoadError::NotACorpus { path: path.into() })
    }
}

/// Parses documents from JSON Lines held in memory; `source_name` is the path errors will name.
///
/// # Errors
///
/// In strict mode, the first bad line; in lenient mode, never.
///
/// ```
/// use quotetrace::{parse_jsonl, LoadOptions};
///
/// let input = r#"{"id": "a", "text": "“Stop,” he said.", "published": "2025-04-24"}
/// {"id": "b", "text": 42}
/// "#;
/// let loaded = parse_jsonl(input, "inline.jsonl", &LoadOptions::new().lenient(true))?;
/// assert_eq!(loaded.documents.len(), 1);
/// assert_eq!(loaded.errors[0].to_string(),
///            r#"inline.jsonl: line 2: field "text": expected a string, found a number"#);
/// # Ok::<(), quotetrace::LoadError>(())
/// ```
pub fn parse_jsonl(
    input: impl AsRef<[u8]>,
    source_name: impl AsRef<Path>,
    options: &LoadOptions,
) -> Result<Loaded, LoadError> {
    let path = source_name.as_ref();
    let mut collector = Collector::new(options);
    for (ctx, line) in json_lines(input.as_ref(), path, options) {
        let document = line.and_then(|line| parse_document(&line, &ctx));
        match document {
            Ok(document) => {
                if collector.claim_id(&document.id, path, Some(ctx.line))? {
                    collector.loaded.documents.push(document);
                }
            }
            Err(error) => collector.reject(error)?,
        }
    }
    Ok(collector.loaded)
}

fn load_folder(folder: &Path, options: &LoadOptions) -> Result<Loaded, LoadError> {
    let manifest = folder.join("manifest.jsonl");
    if manifest.is_file() {
        return load_manifest(&manifest, &folder.join("docs"), options);
    }
    let docs = folder.join("docs");
    let has_docs_folder = docs.is_dir();
    let files = txt_files(if has_docs_folder { &docs } else { folder })?;
    if files.is_empty() && !has_docs_folder {
        return Err(LoadError::NotACorpus {
            path: folder.into(),
        });
    }
    let mut collector = Collector::new(options);
    for file in files {
        // A file stem that is not UTF-8 still needs a usable id; a collision this causes is
        // reported as a duplicate.
        let id = file.file_stem().unwrap_or_default().to_string_lossy();
        let text = read_text(&file, options);
        match text {
            Ok(text) => {
                if collector.claim_id(&id, &file, None)? {
                    collector.loaded.documents.push(Document::new(id, text));
                }
            }
            Err(error) => collector.reject(error)?,
        }
    }
    Ok(collector.loaded)
}

fn load_manifest(manifest: &Path, docs: &Path, options: &LoadOptions) -> Result<Loaded, LoadError> {
    let bytes = fs::read(manifest).map_err(|source| io_error(manifest, source))?;
    let mut collector = Collector::new(options);
    for (ctx, line) in json_lines(&bytes, manifest, options) {
        let entry = match line.and_then(|line| parse_manifest_entry(&line, &ctx)) {
            Ok(entry) => entry,
            Err(error) => {
                collector.reject(error)?;
                continue;
            }
        };
        // Claimed before reading, so a repeated entry never reads its file twice.
        if !collector.claim_id(&entry.id, manifest, Some(ctx.line))? {
            continue;
        }
        let file = docs.join(format!("{}.txt", entry.id));
        match read_text(&file, options) {
            Ok(text) => collector.loaded.documents.push(Document { text, ..entry }),
            Err(LoadError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                collector.reject(LoadError::MissingDocument {
                    path: manifest.into(),
                    line: ctx.line,
                    id: entry.id,
                    expected: file,
                })?;
            }
            Err(LoadError::Io { source, .. }) => {
                collector.reject(LoadError::UnreadableDocument {
                    path: manifest.into(),
                    line: ctx.line,
                    id: entry.id,
                    file,
                    source,
                })?;
            }
            Err(error) => collector.reject(error)?,
        }
    }
    Ok(collector.loaded)
}

/// Gathers documents, and in lenient mode errors, while keeping ids unique.
struct Collector<'a> {
    options: &'a LoadOptions,
    loaded: Loaded,
    first_lines: HashMap<String, Option<usize>>,
}

impl<'a> Collector<'a> {
    fn new(options: &'a LoadOptions) -> Self {
        Collector {
            options,
            loaded: Loaded::default(),
            first_lines: HashMap::new(),
        }
    }

    /// Strict mode fails on the error; lenient mode records it and goes on.
    fn reject(&mut self, error: LoadError) -> Result<(), LoadError> {
        if self.options.lenient {
            self.loaded.errors.push(error);
            Ok(())
        } else {
            Err(error)
        }
    }

    /// Whether `id` is new; a repeat is rejected, so the first document with an id wins.
    fn claim_id(&mut self, id: &str, path: &Path, line: Option<usize>) -> Result<bool, LoadError> {
        if let Some(&first_line) = self.first_lines.get(id) {
            self.reject(LoadError::DuplicateId {
                path: path.into(),
                line,
                id: id.to_owned(),
                first_line,
            })?;
            return Ok(false);
        }
        self.first_lines.insert(id.to_owned(), line);
        Ok(true)
    }
}

/// Where a JSON Lines line came from, for its errors.
struct LineContext<'a> {
    path: &'a Path,
    line: usize,
}

/// The non-blank lines of a JSON Lines file, numbered from 1 and decoded as UTF-8.
fn json_lines<'a>(
    bytes: &'a [u8],
    path: &'a Path,
    options: &'a LoadOptions,
) -> impl Iterator<Item = (LineContext<'a>, Result<Cow<'a, str>, LoadError>)> + 'a {
    // Editors on Windows may start a file with a byte-order mark, which JSON does not allow.
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let skipped = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let mut offset = skipped;
    bytes[skipped..]
        .split(|&b| b == b'\n')
        .enumerate()
        .filter_map(move |(index, line)| {
            let start = offset;
            offset += line.len() + 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                return None;
            }
            let ctx = LineContext {
                path,
                line: index + 1,
            };
            let text = decode(line, options).map_err(|valid_up_to| LoadError::InvalidUtf8 {
                path: path.into(),
                line: Some(index + 1),
                byte_offset: start + valid_up_to,
            });
            Some((ctx, text))
        })
}

/// Decodes UTF-8, or on failure returns the length of the valid prefix.
fn decode<'a>(bytes: &'a [u8], options: &LoadOptions) -> Result<Cow<'a, str>, usize> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) if options.lossy_utf8 => Ok(String::from_utf8_lossy(bytes)),
        Err(error) => Err(error.valid_up_to()),
    }
}

/// Reads a document's text, keeping the bytes exactly (no trimming, no BOM removal), since
/// gold annotations and reports address the text by byte offset.
fn read_text(path: &Path, options: &LoadOptions) -> Result<String, LoadError> {
    let bytes = fs::read(path).map_err(|source| io_error(path, source))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) if options.lossy_utf8 => Ok(String::from_utf8_lossy(error.as_bytes()).into()),
        Err(error) => {
            let valid_up_to = error.utf8_error().valid_up_to();
            let bytes = error.as_bytes();
            let newlines = bytes[..valid_up_to].iter().filter(|&&b| b == b'\n').count();
            Err(LoadError::InvalidUtf8 {
                path: path.into(),
                line: Some(newlines + 1),
                byte_offset: valid_up_to,
            })
        }
    }
}

/// The `.txt` files directly inside `folder`, sorted by file name.
fn txt_files(folder: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let entries = fs::read_dir(folder).map_err(|source| io_error(folder, source))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|source| io_error(folder, source))?.path();
        if has_extension(&path, &["txt"]) && path.is_file() {
            files.push(path);
        }
    }
    files.sort_unstable_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}

fn has_extension(path: &Path, accepted: &[&str]) -> bool {
    let extension = path.extension().and_then(OsStr::to_str).unwrap_or("");
    accepted.iter().any(|a| extension.eq_ignore_ascii_case(a))
}

fn io_error(path: &Path, source: io::Error) -> LoadError {
    LoadError::Io {
        path: path.into(),
        source,
    }
}

fn parse_document(line: &str, ctx: &LineContext<'_>) -> Result<Document, LoadError> {
    let mut object = parse_object(line, ctx)?;
    let id = take_id(&mut object, ctx)?;
    let text = take_string(&mut object, "text", ctx)?.ok_or_else(|| ctx.missing("text"))?;
    Ok(Document {
        text,
        ..take_metadata(id, &mut object, ctx)?
    })
}

/// A manifest line: a document without its text.
fn parse_manifest_entry(line: &str, ctx: &LineContext<'_>) -> Result<Document, LoadError> {
    let mut object = parse_object(line, ctx)?;
    let id = take_id(&mut object, ctx)?;
    // The id becomes a file name; one that leaves docs/ must not be followed.
    if id == "." || id == ".." || id.contains(['/', '\\', '\0']) {
        return Err(ctx.bad_field("id", "must be a file stem, without '/' or '\\'"));
    }
    take_metadata(id, &mut object, ctx)
}

fn take_metadata(
    id: String,
    object: &mut Map<String, Value>,
    ctx: &LineContext<'_>,
) -> Result<Document, LoadError> {
    Ok(Document {
        outlet: take_string(object, "outlet", ctx)?,
        url: take_string(object, "url", ctx)?,
        published: take_timestamp(object, ctx)?,
        ..Document::new(id, "")
    })
}

fn parse_object(line: &str, ctx: &LineContext<'_>) -> Result<Map<String, Value>, LoadError> {
    match serde_json::from_str(line) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(other) => Err(LoadError::Json {
            path: ctx.path.into(),
            line: ctx.line,
            column: None,
            message: format!("expected an object, found {}", describe(&other)),
        }),
        Err(error) => {
            // serde_json ends its message with a position within the line it was given,
            // which would contradict the line number in ours.
            let message = error.to_string();
            let position = format!(" at line {} column {}", error.line(), error.column());
            let message = message
                .strip_suffix(&position)
                .unwrap_or(&message)
                .to_owned();
            Err(LoadError::Json {
                path: ctx.path.into(),
                line: ctx.line,
                column: Some(error.column()).filter(|&column| column > 0),
                message,
            })
        }
    }
}

fn take_id(object: &mut Map<String, Value>, ctx: &LineContext<'_>) -> Result<String, LoadError> {
    let id = take_string(object, "id", ctx)?.ok_or_else(|| ctx.missing("id"))?;
    if id.is_empty() {
        return Err(ctx.bad_field("id", "must not be empty"));
    }
    Ok(id)
}

/// Removes a string field; absent and null are both `None`.
fn take_string(
    object: &mut Map<String, Value>,
    field: &'static str,
    ctx: &LineContext<'_>,
) -> Result<Option<String>, LoadError> {
    match object.remove(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(value)) => Ok(Some(value)),
        Some(other) => Err(ctx.bad_field(
            field,
            &format!("expected a string, found {}", describe(&other)),
        )),
    }
}

fn take_timestamp(
    object: &mut Map<String, Value>,
    ctx: &LineContext<'_>,
) -> Result<Option<Timestamp>, LoadError> {
    let Some(value) = take_string(object, "published", ctx)? else {
        return Ok(None);
    };
    match Timestamp::parse(&value) {
        Ok(timestamp) => Ok(Some(timestamp)),
        Err(source) => Err(LoadError::BadDate {
            path: ctx.path.into(),
            line: ctx.line,
            value,
            source,
        }),
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl LineContext<'_> {
    fn missing(&self, field: &'static str) -> LoadError {
        LoadError::MissingField {
            path: self.path.into(),
            line: self.line,
            field,
        }
    }

    fn bad_field(&self, field: &'static str, message: &str) -> LoadError {
        LoadError::BadField {
            path: self.path.into(),
            line: self.line,
            field,
            message: message.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lenient() -> LoadOptions {
        LoadOptions::new().lenient(true)
    }

    #[test]
    fn manifest_ids_cannot_leave_the_docs_folder() {
        let ctx = LineContext {
            path: Path::new("manifest.jsonl"),
            line: 1,
        };
        for id in ["..", ".", "../secret", "a/b", "a\\\\b"] {
            let line = format!(r#"{{"id":"{id}"}}"#);
            let error = parse_manifest_entry(&line, &ctx).unwrap_err();
            assert!(
                matches!(error, LoadError::BadField { field: "id", .. }),
                "{id}: {error}"
            );
        }
        let entry = parse_manifest_entry(r#"{"id":"07_antiwar-2","outlet":null}"#, &ctx).unwrap();
        assert_eq!(entry.id, "07_antiwar-2");
    }

    proptest! {
        #[test]
        fn never_panics_on_any_bytes(input in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = parse_jsonl(&input, "fuzz.jsonl", &lenient());
            let _ = parse_jsonl(&input, "fuzz.jsonl", &LoadOptions::new().lossy_utf8(true));
        }

        #[test]
        fn never_panics_on_near_json(input in r#"[{}\[\]",:\n idtexpublshd0-9\\u\x{FFFD}]{0,80}"#) {
            let _ = parse_jsonl(&input, "fuzz.jsonl", &lenient());
        }
    }
}

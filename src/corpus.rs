//! Loading documents from disk: a JSON Lines file, a corpus folder with a manifest, or a plain
//! folder of `.txt` files.
//!
//! [`load`] and [`load_with`] read a corpus into memory; [`read`] gives its documents one at a
//! time, so that a corpus of any size is read in the memory of one document. Either way each
//! line and file is read once, in a time linear in its size, and every error names the file
//! and line it is about.

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
    collect(read(path, options)?, options)
}

/// The documents of [`Documents`], with the errors a lenient load goes past.
fn collect(mut documents: Documents<'_>, options: &LoadOptions) -> Result<Loaded, LoadError> {
    let mut loaded = Loaded::default();
    while let Some(item) = documents.next() {
        match item {
            Ok(document) => loaded.documents.push(document),
            // A stream that stops after an error in lenient mode could not go on (the file
            // could not be read any further): that fails the load.
            Err(error) if options.lenient && !documents.stopped => loaded.errors.push(error),
            Err(error) => return Err(error),
        }
    }
    Ok(loaded)
}

/// The documents at `path` (see [`load`]), read one at a time as they are asked for: a corpus
/// of any size is read in the memory of one document (and the ids seen, to refuse a repeat).
///
/// Each item is a document or the error of one line or document. In strict mode the first
/// error ends the stream; in lenient mode the stream goes on past bad lines and documents, and
/// ends after an error only when the input cannot be read any further.
///
/// # Errors
///
/// When `path` cannot be read, is not a corpus, or (a folder) cannot be listed.
///
/// ```no_run
/// use quotetrace::corpus::read;
/// use quotetrace::{LoadOptions, Tracker};
///
/// let mut tracker = Tracker::new().keep_texts(false);
/// for document in read("news.jsonl", &LoadOptions::new())? {
///     tracker.add(document?).expect("ids are unique: the reader refuses repeats");
/// }
/// # Ok::<(), quotetrace::LoadError>(())
/// ```
pub fn read(
    path: impl AsRef<Path>,
    options: &LoadOptions,
) -> Result<Documents<'static>, LoadError> {
    let path = path.as_ref();
    let metadata = fs::metadata(path).map_err(|source| io_error(path, source))?;
    let source = if metadata.is_dir() {
        folder(path)?
    } else if has_extension(path, &["jsonl", "ndjson", "json"]) {
        Source::Documents(Lines::open(path)?)
    } else {
        return Err(LoadError::NotACorpus { path: path.into() });
    };
    Ok(Documents::new(source, options))
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
    let lines = Lines::new(Box::new(input.as_ref()), source_name.as_ref());
    collect(Documents::new(Source::Documents(lines), options), options)
}

/// The documents of a corpus, one at a time: see [`read`].
pub struct Documents<'a> {
    source: Source<'a>,
    options: LoadOptions,
    /// The line (if any) of each id seen, to refuse a repeat.
    first_lines: HashMap<String, Option<usize>>,
    /// No more items: the end was reached, or an error ended the stream.
    stopped: bool,
}

impl std::fmt::Debug for Documents<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Documents")
            .field("options", &self.options)
            .field("ids_seen", &self.first_lines.len())
            .field("stopped", &self.stopped)
            .finish_non_exhaustive()
    }
}

/// Where documents come from.
enum Source<'a> {
    /// JSON Lines of whole documents.
    Documents(Lines<'a>),
    /// A manifest's lines, each naming its text in `docs`.
    Manifest { lines: Lines<'a>, docs: PathBuf },
    /// A folder's `.txt` files, each a document named by its file stem.
    Files(std::vec::IntoIter<PathBuf>),
}

/// What reading one line or file gave.
enum Step {
    Document(Document),
    /// A line or document that could not be read: the stream goes on in lenient mode.
    Bad(LoadError),
    /// The input cannot be read any further.
    Fatal(LoadError),
    /// No more documents.
    End,
}

impl<'a> Documents<'a> {
    fn new(source: Source<'a>, options: &LoadOptions) -> Self {
        Documents {
            source,
            options: options.clone(),
            first_lines: HashMap::new(),
            stopped: false,
        }
    }

    fn step(&mut self) -> Step {
        let (options, seen) = (&self.options, &mut self.first_lines);
        match &mut self.source {
            Source::Documents(lines) => {
                let Some((line, document)) = lines.next(options, parse_document) else {
                    return lines.end();
                };
                match document.and_then(|d| claim(seen, d, &lines.path, Some(line))) {
                    Ok(d) => Step::Document(d),
                    Err(e) => Step::Bad(e),
                }
            }
            Source::Manifest { lines, docs } => {
                let Some((line, entry)) = lines.next(options, parse_manifest_entry) else {
                    return lines.end();
                };
                // Claimed before reading, so a repeated entry never reads its file twice.
                match entry.and_then(|e| claim(seen, e, &lines.path, Some(line))) {
                    Ok(entry) => manifest_document(entry, &lines.path, line, docs, options),
                    Err(e) => Step::Bad(e),
                }
            }
            Source::Files(files) => {
                let Some(file) = files.next() else {
                    return Step::End;
                };
                // A file stem that is not UTF-8 still needs a usable id; a collision this
                // causes is reported as a duplicate.
                let id = file.file_stem().unwrap_or_default().to_string_lossy();
                let document = read_text(&file, options).map(|text| Document::new(id, text));
                match document.and_then(|d| claim(seen, d, &file, None)) {
                    Ok(d) => Step::Document(d),
                    Err(e) => Step::Bad(e),
                }
            }
        }
    }
}

/// `document`, if its id is new (`seen` gets it); a repeat is an error naming both places, so
/// that the first document with an id wins.
fn claim(
    seen: &mut HashMap<String, Option<usize>>,
    document: Document,
    path: &Path,
    line: Option<usize>,
) -> Result<Document, LoadError> {
    if let Some(&first_line) = seen.get(&document.id) {
        return Err(LoadError::DuplicateId {
            path: path.into(),
            line,
            id: document.id,
            first_line,
        });
    }
    seen.insert(document.id.clone(), line);
    Ok(document)
}

impl Documents<'_> {
    /// Whether the stream has ended: after its last document, or after an error that ends it
    /// (any error in strict mode; in lenient mode one after which the input cannot be read).
    pub fn stopped(&self) -> bool {
        self.stopped
    }

    /// For a JSON Lines input, how many of its bytes have been read so far (for a progress
    /// display beside the file's size); `None` for a folder.
    pub fn bytes_read(&self) -> Option<u64> {
        match &self.source {
            Source::Documents(lines) => Some(lines.offset as u64),
            Source::Manifest { .. } | Source::Files(_) => None,
        }
    }
}

impl Iterator for Documents<'_> {
    type Item = Result<Document, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stopped {
            return None;
        }
        match self.step() {
            Step::Document(document) => Some(Ok(document)),
            Step::Bad(error) => {
                self.stopped = !self.options.lenient;
                Some(Err(error))
            }
            Step::Fatal(error) => {
                self.stopped = true;
                Some(Err(error))
            }
            Step::End => {
                self.stopped = true;
                None
            }
        }
    }
}

/// The documents of a folder: a manifest's, or its `.txt` files (in `docs/` if there is one).
fn folder(folder: &Path) -> Result<Source<'static>, LoadError> {
    let manifest = folder.join("manifest.jsonl");
    if manifest.is_file() {
        return Ok(Source::Manifest {
            lines: Lines::open(&manifest)?,
            docs: folder.join("docs"),
        });
    }
    let docs = folder.join("docs");
    let has_docs_folder = docs.is_dir();
    let files = txt_files(if has_docs_folder { &docs } else { folder })?;
    if files.is_empty() && !has_docs_folder {
        return Err(LoadError::NotACorpus {
            path: folder.into(),
        });
    }
    Ok(Source::Files(files.into_iter()))
}

/// The document a manifest's `entry` (on `line`) names, with its text read from `docs`.
fn manifest_document(
    entry: Document,
    manifest: &Path,
    line: usize,
    docs: &Path,
    options: &LoadOptions,
) -> Step {
    let file = docs.join(format!("{}.txt", entry.id));
    match read_text(&file, options) {
        Ok(text) => Step::Document(Document { text, ..entry }),
        Err(LoadError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            Step::Bad(LoadError::MissingDocument {
                path: manifest.into(),
                line,
                id: entry.id,
                expected: file,
            })
        }
        Err(LoadError::Io { source, .. }) => Step::Bad(LoadError::UnreadableDocument {
            path: manifest.into(),
            line,
            id: entry.id,
            file,
            source,
        }),
        Err(error) => Step::Bad(error),
    }
}

/// Where a JSON Lines line came from, for its errors.
struct LineContext<'a> {
    path: &'a Path,
    line: usize,
}

/// The non-blank lines of a JSON Lines input, numbered from 1 and decoded as UTF-8, read one
/// at a time.
struct Lines<'a> {
    reader: Box<dyn io::BufRead + 'a>,
    path: PathBuf,
    /// The number of the line last read.
    line: usize,
    /// Where the next line starts, in bytes from the start of the input.
    offset: usize,
    buffer: Vec<u8>,
    /// Why the input could not be read further, told once as the last item.
    failed: Option<io::Error>,
}

impl<'a> Lines<'a> {
    fn new(reader: Box<dyn io::BufRead + 'a>, path: &Path) -> Self {
        Lines {
            reader,
            path: path.into(),
            line: 0,
            offset: 0,
            buffer: Vec::new(),
            failed: None,
        }
    }

    fn open(path: &Path) -> Result<Lines<'static>, LoadError> {
        let file = fs::File::open(path).map_err(|source| io_error(path, source))?;
        Ok(Lines::new(
            Box::new(io::BufReader::with_capacity(1 << 16, file)),
            path,
        ))
    }

    /// The next non-blank line's number, and what `parse` reads of it; `None` at the end of
    /// the input or when it cannot be read further (see [`end`](Self::end)).
    fn next<T>(
        &mut self,
        options: &LoadOptions,
        parse: impl FnOnce(&str, &LineContext<'_>) -> Result<T, LoadError>,
    ) -> Option<(usize, Result<T, LoadError>)> {
        // Editors on Windows may start a file with a byte-order mark, which JSON does not allow.
        const BOM: &[u8] = b"\xEF\xBB\xBF";
        loop {
            self.buffer.clear();
            let read = match self.reader.read_until(b'\n', &mut self.buffer) {
                Ok(0) => return None,
                Ok(read) => read,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.failed = Some(e);
                    return None;
                }
            };
            let start = self.offset;
            self.offset += read;
            self.line += 1;
            let mut bytes = self.buffer.as_slice();
            bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
            let mut skipped = 0;
            if self.line == 1 && bytes.starts_with(BOM) {
                bytes = &bytes[BOM.len()..];
                skipped = BOM.len();
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let ctx = LineContext {
                path: &self.path,
                line: self.line,
            };
            let parsed = match decode(bytes, options) {
                Ok(text) => parse(&text, &ctx),
                Err(valid_up_to) => Err(LoadError::InvalidUtf8 {
                    path: self.path.clone(),
                    line: Some(self.line),
                    byte_offset: start + skipped + valid_up_to,
                }),
            };
            return Some((self.line, parsed));
        }
    }

    /// What follows the last line: nothing, or why the input could not be read further.
    fn end(&mut self) -> Step {
        match self.failed.take() {
            Some(source) => Step::Fatal(io_error(&self.path, source)),
            None => Step::End,
        }
    }
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

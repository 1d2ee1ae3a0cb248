//! The `quotetrace._quotetrace` extension module: what the Python package `quotetrace` is made
//! of. Its face is small: [`detect`], a [`Tracker`] to add documents to and report on, and
//! [`process_batch`] for Arrow record batches (Spark's `mapInArrow`, Ray's `map_batches`).
//!
//! Every call into the library runs inside [`guarded`], so that no input can bring the
//! interpreter down: a panic becomes a `quotetrace.QuotetraceError`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

mod arrow;

pyo3::create_exception!(
    _quotetrace,
    QuotetraceError,
    PyException,
    "Something went wrong inside quotetrace (a bug: please report it with the input)."
);
pyo3::create_exception!(
    _quotetrace,
    DuplicateDocumentError,
    PyValueError,
    "A document was added whose id the tracker already holds."
);

/// Runs `f`, turning a panic into a `QuotetraceError` rather than letting it unwind into the
/// interpreter.
fn guarded<T>(what: &str, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(QuotetraceError::new_err(format!(
                "internal error in {what}: {message}"
            )))
        }
    }
}

/// The character offset of each byte offset of `text` that starts a character, for turning the
/// library's UTF-8 byte offsets into Python string indices.
pub(crate) struct CharOffsets<'t> {
    text: &'t str,
}

impl<'t> CharOffsets<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        CharOffsets { text }
    }

    /// The number of characters before byte `at` (all of them if `at` is past the end).
    pub(crate) fn of(&self, at: usize) -> usize {
        let prefix = self.text.get(..at).unwrap_or(self.text);
        prefix.chars().count()
    }
}

/// A quotation found by [`detect`], with who said it.
#[pyclass(module = "quotetrace", frozen, get_all)]
#[derive(Clone)]
pub struct Quotation {
    /// The quoted words, marks excluded.
    text: String,
    /// Where they start in the text (a Python string index: `text[start:end]` is the quotation).
    start: usize,
    /// Where they end in the text.
    end: usize,
    /// `"full"` (a sentence or more of the speaker's words) or `"fragment"` (a piece woven into
    /// the reporter's sentence).
    kind: String,
    /// The marks it was opened with: `"straight"`, `"curly"`, `"low"`, `"guillemets"`, …
    style: String,
    /// False when no closing mark was found.
    closed: bool,
    /// How many paragraphs it spans.
    paragraphs: usize,
    /// The speaker, a person or an organisation, if the text says who.
    speaker: Option<String>,
    /// The word or words attributing it: `said`, `wrote`, `according to`.
    cue: Option<String>,
    /// How the speaker was found: `"named"`, `"pronoun"`, `"paragraph"`, …
    method: Option<String>,
}

#[pymethods]
impl Quotation {
    fn __repr__(&self) -> String {
        // Python's own spelling of the values (quotes, None), not Rust's.
        let repr = |s: Option<&str>| match s {
            None => "None".to_string(),
            Some(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        };
        format!(
            "Quotation(text={}, start={}, end={}, kind={}, speaker={})",
            repr(Some(&self.text)),
            self.start,
            self.end,
            repr(Some(&self.kind)),
            repr(self.speaker.as_deref())
        )
    }
}

pub(crate) use quotetrace_arrow::serde_name;

/// The quotations of `text`, in order, each with its speaker and cue where the text gives them.
///
/// >>> [q.text for q in detect('"Vladimir, STOP!" Trump wrote.')]
/// ['Vladimir, STOP!']
#[pyfunction]
fn detect(py: Python<'_>, text: &str) -> PyResult<Vec<Quotation>> {
    py.detach(|| {
        guarded("detect", || {
            let quotes = quotetrace::detect(text);
            let attributions = quotetrace::attribute(text, &quotes);
            let offsets = CharOffsets::new(text);
            Ok(quotes
                .iter()
                .zip(attributions)
                .map(|(q, a)| Quotation {
                    text: q.text(text).to_string(),
                    start: offsets.of(q.span.start),
                    end: offsets.of(q.span.end),
                    kind: serde_name(&q.kind),
                    style: serde_name(&q.style),
                    closed: q.closed,
                    paragraphs: q.paragraphs,
                    speaker: a.speaker,
                    cue: a.cue,
                    method: a.method.as_ref().map(serde_name),
                })
                .collect())
        })
    })
}

/// A publication time given from Python: an ISO 8601 string, or a `datetime.date` or
/// `datetime.datetime` (read through its `isoformat()`).
fn timestamp(value: &Bound<'_, PyAny>, id: &str) -> PyResult<quotetrace::Timestamp> {
    let written: String = if let Ok(s) = value.extract::<String>() {
        s
    } else if value.hasattr("isoformat")? {
        value.call_method0("isoformat")?.extract()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "document {id:?}: published must be an ISO 8601 string, a date or a datetime, not {}",
            value.get_type().name()?
        )));
    };
    quotetrace::Timestamp::parse(&written)
        .map_err(|e| PyValueError::new_err(format!("document {id:?}: published: {e}")))
}

/// A document from its parts as Python gives them.
fn document(
    id: String,
    text: String,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<&Bound<'_, PyAny>>,
) -> PyResult<quotetrace::Document> {
    let mut document = quotetrace::Document::new(id, text);
    document.outlet = outlet;
    document.url = url;
    if let Some(p) = published.filter(|p| !p.is_none()) {
        document.published = Some(timestamp(p, &document.id)?);
    }
    Ok(document)
}

/// Collects news documents, attributes and clusters their quotations, and reports where each
/// statement came from and how its wording drifted.
///
/// >>> t = Tracker()
/// >>> t.add("a", '"Vladimir, STOP!" Trump wrote.', outlet="one")
/// >>> t.report()["clusters"][0]["canonical"]
/// 'Vladimir, STOP!'
#[pyclass(module = "quotetrace")]
pub struct Tracker {
    inner: quotetrace::Tracker,
}

#[pymethods]
impl Tracker {
    /// A new, empty tracker. With `keep_texts=False` it keeps only what its answers need (the
    /// quotations and the documents' metadata, not their texts): a fraction of the memory.
    #[new]
    #[pyo3(signature = (*, keep_texts = true))]
    fn new(keep_texts: bool) -> Self {
        Tracker {
            inner: quotetrace::Tracker::new().keep_texts(keep_texts),
        }
    }

    /// Adds one document: detects and attributes its quotations. Raises
    /// `DuplicateDocumentError` if a document with this id was added before, `ValueError` if
    /// `published` cannot be read.
    #[pyo3(signature = (id, text, *, outlet = None, url = None, published = None))]
    fn add(
        &mut self,
        py: Python<'_>,
        id: String,
        text: String,
        outlet: Option<String>,
        url: Option<String>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let document = document(id, text, outlet, url, published)?;
        let inner = &mut self.inner;
        py.detach(|| guarded("Tracker.add", || Ok(inner.add(document))))?
            .map_err(|e| DuplicateDocumentError::new_err(e.to_string()))
    }

    /// Adds every document of `documents`, an iterable of mappings with the keys `id` and
    /// `text` and optionally `outlet`, `url` and `published`. Documents are read in batches on
    /// all cores. On a bad document it raises, naming it and its place; the documents before
    /// it are kept.
    fn add_many(&mut self, py: Python<'_>, documents: &Bound<'_, PyAny>) -> PyResult<()> {
        const BATCH: usize = 1024;
        let mut batch = Vec::with_capacity(BATCH);
        for (place, item) in documents.try_iter()?.enumerate() {
            match item.and_then(|item| document_from_mapping(&item, place)) {
                Ok(document) => batch.push(document),
                Err(e) => {
                    // The documents before the bad one are kept.
                    self.extend(py, batch)?;
                    return Err(e);
                }
            }
            if batch.len() == BATCH {
                self.extend(py, std::mem::take(&mut batch))?;
            }
        }
        self.extend(py, batch)
    }

    /// How many documents it holds.
    fn __len__(&self) -> usize {
        self.inner.documents().count()
    }

    /// The provenance report as plain dicts and lists, the shape of `quotetrace track --json`:
    /// `documents`, `quotes`, `clusters` (the statements, each with its variants, drift,
    /// outlets and first appearance) and `outlets`. Offsets are UTF-8 byte offsets, as in the
    /// JSON.
    fn report<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let inner = &self.inner;
        let json = py.detach(|| {
            guarded("Tracker.report", || {
                serde_json::to_string(&inner.report_streamed())
                    .map_err(|e| QuotetraceError::new_err(e.to_string()))
            })
        })?;
        loads(py, &json)
    }

    /// The statement `text` belongs to (typed by hand, drifted, or a fragment), or None:
    /// a dict with `similarity` (1 for the same words) and `statement` (as in the report).
    fn whence<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
        let inner = &self.inner;
        let found = py.detach(|| {
            guarded("Tracker.whence", || {
                inner
                    .whence(text)
                    .map(|w| {
                        serde_json::to_string(&w.statement)
                            .map(|statement| (w.similarity, statement))
                            .map_err(|e| QuotetraceError::new_err(e.to_string()))
                    })
                    .transpose()
            })
        })?;
        match found {
            None => Ok(py.None().into_bound(py)),
            Some((similarity, statement)) => {
                let answer = PyDict::new(py);
                answer.set_item("similarity", similarity)?;
                answer.set_item("statement", loads(py, &statement)?)?;
                Ok(answer.into_any())
            }
        }
    }

    /// The report as pyarrow Tables, keyed by name: `quotations` (one row per quotation with
    /// its statement, speaker, outlet, date, URL and offsets: the rows of
    /// `quotetrace track --jsonl`), `statements`, `variants` and `outlets`.
    /// `to_pandas()` or `polars.from_arrow` read them directly.
    fn frames<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let inner = &self.inner;
        let tables = py.detach(|| guarded("Tracker.frames", || arrow::frames(&inner.report())))?;
        let frames = PyDict::new(py);
        for (name, batch) in tables {
            frames.set_item(name, arrow::to_table(py, batch)?)?;
        }
        Ok(frames)
    }

    /// Writes the tables of `frames()` into folder `dir` (made if missing) as Parquet files,
    /// `quotations.parquet`, `statements.parquet`, `variants.parquet` and `outlets.parquet`
    /// (the files of `quotetrace track --parquet DIR`); returns their paths. Raises `OSError`
    /// when the folder or a file cannot be written.
    fn write_parquet(&self, py: Python<'_>, dir: std::path::PathBuf) -> PyResult<Vec<String>> {
        let inner = &self.inner;
        py.detach(|| {
            guarded("Tracker.write_parquet", || {
                arrow::write_parquet(&inner.report(), &dir)
            })
        })
    }
}

impl Tracker {
    fn extend(&mut self, py: Python<'_>, batch: Vec<quotetrace::Document>) -> PyResult<()> {
        let inner = &mut self.inner;
        py.detach(|| guarded("Tracker.add_many", || Ok(inner.extend(batch))))?
            .map_err(|e| DuplicateDocumentError::new_err(e.to_string()))
    }
}

/// A document from one item of `add_many`: a mapping with `id`, `text` and optionally
/// `outlet`, `url`, `published`.
fn document_from_mapping(item: &Bound<'_, PyAny>, place: usize) -> PyResult<quotetrace::Document> {
    let bad = |what: String| PyValueError::new_err(format!("document {place} (from 0): {what}"));
    let field = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        match item.get_item(key) {
            Ok(v) if v.is_none() => Ok(None),
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyKeyError>(item.py()) => Ok(None),
            Err(_) => Err(bad(format!(
                "expected a mapping with \"id\" and \"text\", got {}",
                item.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))),
        }
    };
    let string = |key: &str| -> PyResult<Option<String>> {
        field(key)?
            .map(|v| {
                v.extract::<String>()
                    .map_err(|_| bad(format!("{key:?} must be a string")))
            })
            .transpose()
    };
    let id = string("id")?.ok_or_else(|| bad("no \"id\"".to_string()))?;
    let text = string("text")?.ok_or_else(|| bad(format!("{id:?} has no \"text\"")))?;
    let published = field("published")?;
    document(
        id,
        text,
        string("outlet")?,
        string("url")?,
        published.as_ref(),
    )
    .map_err(|e| bad(e.to_string()))
}

/// `json.loads(text)`.
fn loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

/// The quotations of a record batch of documents (columns `id` and `text`, and optionally
/// `outlet`, `url` and `published`; any Arrow string layout, dates and timestamps for
/// `published`), one row each: `document`, `quote` (its id, `document#n`), `position` (from 0
/// in its document), `outlet`, `url`, `published`, `start` and `end` (UTF-8 byte offsets in
/// the text), `text`, `kind`, `style`, `closed`, `speaker`, `cue`, `method`, `language`,
/// `goes_on` (it continues the quotation before it), and the keys clustering blocks on:
/// `phrase` (the content key of its matching form), `words`, `pairs` (the hashes of the
/// word pairs it is indexed by); and `sort_key`, bytes that sort as the `Tracker` orders
/// quotations. Read as `Tracker` reads a document, on all cores; the rows are in the order of
/// the documents, then of position.
/// Takes a pyarrow RecordBatch or anything with `__arrow_c_array__`; returns a pyarrow
/// RecordBatch.
#[pyfunction]
fn process_batch<'py>(
    py: Python<'py>,
    batch: pyo3_arrow::PyRecordBatch,
) -> PyResult<Bound<'py, PyAny>> {
    let batch = batch.into_inner();
    let out = py.detach(|| guarded("process_batch", || arrow::process_batch(&batch)))?;
    pyo3_arrow::PyRecordBatch::new(out).into_pyarrow(py)
}

/// The candidate pairs clustering verifies among `texts`, as `(phrase, other, shared)`: for
/// each distinct wording (named by its `phrase` key, as `process_batch` gives it), the others
/// sharing the most of its rarest word pairs, most first. What a distributed clustering checks
/// its own candidate generation against.
#[pyfunction]
fn candidates(py: Python<'_>, texts: Vec<String>) -> PyResult<Vec<(u64, u64, u32)>> {
    py.detach(|| {
        guarded("candidates", || {
            let config = quotetrace::ClusterConfig::default();
            let found = quotetrace::cluster::candidates(texts.iter().map(String::as_str), &config);
            Ok(found
                .into_iter()
                .map(|c| (c.phrase, c.other, c.shared))
                .collect())
        })
    })
}

/// The rows of `batch` (columns `text` and `other_text`, the two wordings of each candidate
/// pair) whose wordings clustering relates, with every other column and `relation`:
/// `variant`, `part_of`, `contains` or `overlap`. `languages` are those of all the quotations
/// being clustered, the same for every batch, so that each batch gets the answers one pass
/// over all pairs would.
#[pyfunction]
fn relate_batch<'py>(
    py: Python<'py>,
    batch: pyo3_arrow::PyRecordBatch,
    languages: Vec<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let batch = batch.into_inner();
    let languages: Vec<&str> = languages.iter().map(String::as_str).collect();
    let out = py.detach(|| guarded("relate_batch", || arrow::relate_batch(&batch, &languages)))?;
    pyo3_arrow::PyRecordBatch::new(out).into_pyarrow(py)
}

/// The statement of each quotation of `items`, formed group by group from the verified
/// `links` among them (the output of `relate_batch`, with a `group` column): rows `quote` and
/// `statement`, the `sort_key` of the statement's first quotation. `items` are
/// `process_batch` rows with a `group` column and speakers spelled as across the corpus;
/// `languages` are those of all the quotations being clustered.
#[pyfunction]
fn form_batch<'py>(
    py: Python<'py>,
    items: pyo3_arrow::PyRecordBatch,
    links: pyo3_arrow::PyRecordBatch,
    languages: Vec<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let (items, links) = (items.into_inner(), links.into_inner());
    let languages: Vec<&str> = languages.iter().map(String::as_str).collect();
    let out = py.detach(|| {
        guarded("form_batch", || {
            arrow::form_batch(&items, &links, &languages)
        })
    })?;
    pyo3_arrow::PyRecordBatch::new(out).into_pyarrow(py)
}

/// The statements of `quotations` (`process_batch` rows with a `statement` column, their
/// speakers spelled as across the corpus), a row each as `Tracker.frames()`' statements
/// table holds them, with `lent` (the speaker each lends to its quotations that name none) and
/// `wordings` (its rows of the variants table).
#[pyfunction]
fn summarize_batch<'py>(
    py: Python<'py>,
    quotations: pyo3_arrow::PyRecordBatch,
) -> PyResult<Bound<'py, PyAny>> {
    let quotations = quotations.into_inner();
    let out = py.detach(|| guarded("summarize_batch", || arrow::summarize_batch(&quotations)))?;
    pyo3_arrow::PyRecordBatch::new(out).into_pyarrow(py)
}

/// One spelling per person across a corpus, from each name's number of uses: a dict from
/// every name to its canonical spelling (`Zelenskyy` and `Zelensky` to `Volodymyr Zelensky`),
/// as the `Tracker` spells speakers.
#[pyfunction]
fn canonical_speakers(
    py: Python<'_>,
    counts: Vec<(String, usize)>,
) -> PyResult<std::collections::HashMap<String, String>> {
    py.detach(|| {
        guarded("canonical_speakers", || {
            Ok(quotetrace::attribute::canonical_speakers_counted(
                counts.iter().map(|(n, k)| (n.as_str(), *k)),
            ))
        })
    })
}

/// Joins the statements that `links` name as translations of one another: `statements` are
/// `(key, speaker, language)` as `form_batch` gives them, each link `(i, j)` says statement
/// `i` names `j` as its best partner. Returns for each statement the smallest index of those
/// it is now one with.
#[pyfunction]
fn join_translations(
    py: Python<'_>,
    statements: Vec<(u64, Option<String>, String)>,
    links: Vec<(usize, usize)>,
) -> PyResult<Vec<usize>> {
    py.detach(|| {
        guarded("join_translations", || {
            let statements: Vec<(u64, Option<&str>, &str)> = statements
                .iter()
                .map(|(k, s, l)| (*k, s.as_deref(), l.as_str()))
                .collect();
            Ok(quotetrace::cluster::join_translations(&statements, &links))
        })
    })
}

#[pymodule]
fn _quotetrace(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(detect, m)?)?;
    m.add_function(wrap_pyfunction!(process_batch, m)?)?;
    m.add_function(wrap_pyfunction!(candidates, m)?)?;
    m.add_function(wrap_pyfunction!(relate_batch, m)?)?;
    m.add_function(wrap_pyfunction!(form_batch, m)?)?;
    m.add_function(wrap_pyfunction!(summarize_batch, m)?)?;
    m.add_function(wrap_pyfunction!(canonical_speakers, m)?)?;
    m.add_function(wrap_pyfunction!(join_translations, m)?)?;
    m.add_class::<Quotation>()?;
    m.add_class::<Tracker>()?;
    m.add("QuotetraceError", py.get_type::<QuotetraceError>())?;
    m.add(
        "DuplicateDocumentError",
        py.get_type::<DuplicateDocumentError>(),
    )?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

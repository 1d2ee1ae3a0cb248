"""Type stubs of the extension module; the docstrings are those of the compiled functions."""

import os
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, Optional, Union

import pyarrow

__version__: str

class QuotetraceError(Exception):
    """Something went wrong inside quotetrace (a bug: please report it with the input)."""

class DuplicateDocumentError(ValueError):
    """A document was added whose id the tracker already holds."""

class Quotation:
    """A quotation found by `detect`, with who said it."""

    text: str
    """The quoted words, marks excluded."""
    start: int
    """Where they start in the text, as a Python string index: `text[start:end]`."""
    end: int
    """Where they end in the text."""
    kind: str
    """`"full"` (a sentence or more of the speaker's words) or `"fragment"`."""
    style: str
    """The marks it was opened with: `"straight"`, `"curly"`, `"low"`, `"guillemets"`, …"""
    closed: bool
    """False when no closing mark was found."""
    paragraphs: int
    """How many paragraphs it spans."""
    speaker: Optional[str]
    """The speaker, a person or an organisation, if the text says who."""
    cue: Optional[str]
    """The word or words attributing it: `said`, `wrote`, `according to`."""
    method: Optional[str]
    """How the speaker was found: `"named"`, `"pronoun"`, `"paragraph"`, …"""

def detect(text: str) -> list[Quotation]:
    """The quotations of `text`, in order, each with its speaker and cue where the text gives
    them."""

Published = Union[str, date, datetime, None]

class Tracker:
    """Collects news documents, attributes and clusters their quotations, and reports where
    each statement came from and how its wording drifted."""

    def __init__(self, *, keep_texts: bool = True) -> None:
        """A new, empty tracker. With `keep_texts=False` it keeps only what its answers need."""
    def add(
        self,
        id: str,
        text: str,
        *,
        outlet: Optional[str] = None,
        url: Optional[str] = None,
        published: Published = None,
    ) -> None:
        """Adds one document. Raises `DuplicateDocumentError` if its id was added before,
        `ValueError` if `published` cannot be read."""
    def add_many(self, documents: Iterable[Mapping[str, Any]]) -> None:
        """Adds every document of `documents` (mappings with `id`, `text` and optionally
        `outlet`, `url`, `published`). On a bad document it raises, naming it and its place;
        the documents before it are kept."""
    def __len__(self) -> int:
        """How many documents it holds."""
    def report(self) -> dict[str, Any]:
        """The provenance report as dicts and lists, the shape of `quotetrace track --json`."""
    def whence(self, text: str) -> Optional[dict[str, Any]]:
        """The statement `text` belongs to, with `similarity` and `statement`, or None."""
    def frames(self) -> dict[str, pyarrow.Table]:
        """The report as pyarrow Tables: `quotations`, `statements`, `variants`, `outlets`."""
    def write_parquet(self, dir: Union[str, os.PathLike[str]]) -> list[str]:
        """Writes the tables of `frames()` into folder `dir` as Parquet files; their paths."""

def process_batch(batch: Any) -> pyarrow.RecordBatch:
    """The quotations of a record batch of documents (`id`, `text`, and optionally `outlet`,
    `url`, `published`), one row each, with their speakers, spans, kinds, styles, languages,
    continuations, blocking keys (`phrase`, `words`, `pairs`) and `sort_key` (bytes that
    sort as the Tracker orders quotations)."""

def candidates(texts: Iterable[str]) -> list[tuple[int, int, int]]:
    """The candidate pairs clustering verifies among `texts`, as `(phrase, other, shared)`:
    for each distinct wording, the others sharing the most of its rarest word pairs."""

def relate_batch(batch: Any, languages: Iterable[str]) -> pyarrow.RecordBatch:
    """The rows of `batch` (columns `text`, `other_text`) whose wordings clustering relates,
    with their other columns and `relation`: `variant`, `part_of`, `contains` or `overlap`."""

def form_batch(items: Any, links: Any, languages: Iterable[str]) -> pyarrow.RecordBatch:
    """The statement of each quotation of `items` (`process_batch` rows with a `group`
    column), formed group by group from the verified `links` among them: rows `quote` and
    `statement` (the `sort_key` of the statement's first quotation)."""

def summarize_batch(quotations: Any) -> pyarrow.RecordBatch:
    """The statements of `quotations` (`process_batch` rows with a `statement` column, their
    speakers spelled as across the corpus), a row each as `Tracker.frames()`' statements table
    holds them, with `lent` (the speaker each lends to its quotations that name none) and
    `wordings` (its rows of the variants table)."""

def canonical_speakers(counts: Iterable[tuple[str, int]]) -> dict[str, str]:
    """One spelling per person, from each name's number of uses: every name's canonical
    spelling, as the Tracker spells speakers."""

def join_translations(statements: Iterable[tuple[int, Optional[str], str]],
                      links: Iterable[tuple[int, int]]) -> list[int]:
    """Joins the statements (`(key, speaker, language)`) that `links` (`(i, j)`: `i` names
    `j` as its best partner) name as translations; each statement's smallest fellow index."""

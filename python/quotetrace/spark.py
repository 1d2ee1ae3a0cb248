"""quotetrace on Apache Spark, for corpora beyond one machine.

Detection and attribution run per partition: each executor hands its documents to
:func:`quotetrace.process_batch` an Arrow batch at a time through ``mapInArrow``, so no row
passes through Python. The blocking keys that come back with each quotation (its ``phrase``
key and its word ``pairs``) are what clustering shuffles by, so that the quotations it
compares meet in one partition.

Spark has no unsigned integers: the keys, which are 64-bit hashes, come out as ``long`` with
the same bits (a key above 2**63 - 1 reads as negative). :func:`unsigned` orders them as the
single-machine index does.

    from pyspark.sql import SparkSession
    import quotetrace.spark

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    documents = spark.read.json("manifest.jsonl")  # id, outlet, url, published, text
    quotations = quotetrace.spark.quotations(documents)
    quotations.groupBy("speaker").count().show()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import pyarrow as pa

if TYPE_CHECKING:  # pyspark is needed only by who calls this module
    from pyspark.sql import Column, DataFrame

__all__ = ["QUOTATIONS_SCHEMA", "quotations", "unsigned"]

#: The quotations DataFrame's schema: :func:`quotetrace.process_batch`'s columns, with the
#: unsigned keys as Spark's signed ``long`` of the same bits.
QUOTATIONS_SCHEMA = (
    "document string, quote string, position long, outlet string, url string, "
    "published string, start long, end long, text string, kind string, style string, "
    "closed boolean, speaker string, cue string, method string, language string, "
    "goes_on boolean, phrase long, words long, pairs array<long>"
)

_DOCUMENT_COLUMNS = ("id", "outlet", "url", "published", "text")


def _signed(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The batch with its uint64 keys reinterpreted as int64 (same bits), as Spark reads them."""
    phrase = batch.column("phrase").view(pa.int64())
    pairs = batch.column("pairs")
    pairs = pa.ListArray.from_arrays(pairs.offsets, pairs.values.view(pa.int64()))
    columns = [phrase if name == "phrase" else pairs if name == "pairs" else batch.column(name)
               for name in batch.schema.names]
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def _read_partition(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    import quotetrace  # on the executor

    for batch in batches:
        yield _signed(quotetrace.process_batch(batch))


def quotations(documents: "DataFrame") -> "DataFrame":
    """The quotations of `documents`, one row each, read on the executors.

    `documents` has columns ``id`` and ``text`` (strings), and may have ``outlet``, ``url``
    and ``published`` (an ISO 8601 string or a timestamp); other columns are left out. The
    rows are those :func:`quotetrace.process_batch` gives, in :data:`QUOTATIONS_SCHEMA`: the
    same quotations, speakers, spans and keys the single-machine :class:`quotetrace.Tracker`
    reads.

    A document that cannot be read (a null id, a publication time that is not one) fails the
    job with the :class:`ValueError` that names it.
    """
    missing = [c for c in ("id", "text") if c not in documents.columns]
    if missing:
        raise ValueError(f"the documents have no {', '.join(map(repr, missing))} column")
    columns = [c for c in _DOCUMENT_COLUMNS if c in documents.columns]
    return documents.select(*columns).mapInArrow(_read_partition, QUOTATIONS_SCHEMA)


def unsigned(key: "Column | str") -> "Column":
    """A ``long`` key as a column that sorts as its unsigned 64-bit value does.

    Flipping the sign bit maps the unsigned order onto the signed one, so ``orderBy`` and
    ``min`` on the result order keys as the single-machine index does.
    """
    from pyspark.sql import functions as F

    column = F.col(key) if isinstance(key, str) else key
    return column.bitwiseXOR(F.lit(-(2**63)))

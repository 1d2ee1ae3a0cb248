"""The Spark path in local[2] mode against the single-machine Tracker, on the shared corpora.

Run by `.ci/run` (which installs pyspark and a Java runtime); elsewhere it is skipped when
pyspark or the corpora are missing. `QUOTETRACE_CORPORA` names the corpora's folder (by default
`../shared/corpora` beside the repository).
"""

import os
import pathlib
import sys

import pyarrow as pa
import pytest

import quotetrace
from documents import read_corpus

if os.environ.get("CI"):
    import pyspark  # noqa: F401  (CI must run these tests, not skip them)
else:
    pytest.importorskip("pyspark")

import quotetrace.spark  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
CORPORA = pathlib.Path(os.environ.get("QUOTETRACE_CORPORA", REPO.parent / "shared" / "corpora"))
CORPUS_NAMES = ["seeds", "stop", "world", "polnear-dev"]


def corpus(name):
    """A shared corpus's documents as mappings (read here, never copied into the repository)."""
    folder = CORPORA / name
    if not folder.is_dir():
        if os.environ.get("QUOTETRACE_CORPORA"):
            pytest.fail(f"no corpus {name} in {CORPORA}")
        pytest.skip(f"no corpus {name} in {CORPORA}")
    return read_corpus(folder)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("quotetrace-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "4")
               .getOrCreate())
    yield session
    session.stop()


def documents_frame(spark, documents, partitions=4):
    schema = "id string, outlet string, url string, published string, text string"
    rows = [(d["id"], d.get("outlet"), d.get("url"), d.get("published"), d["text"])
            for d in documents]
    return spark.createDataFrame(rows, schema).repartition(partitions)


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_spark_quotations_are_the_trackers(spark, name):
    documents = corpus(name)
    rows = quotetrace.spark.quotations(documents_frame(spark, documents)).collect()
    tracker = quotetrace.Tracker()
    tracker.add_many(documents)
    expected = {q["id"]: (q["doc"], q["start"], q["end"], q["text"], q["kind"], q["language"])
                for q in tracker.report()["quotes"]}
    got = {r.quote: (r.document, r.start, r.end, r.text, r.kind, r.language) for r in rows}
    assert len(got) == len(rows)  # each quotation once, whatever the partitions
    assert got == expected
    # The keys have their unsigned bits: the same as process_batch's on the driver.
    local = quotetrace.process_batch(pa.RecordBatch.from_pylist(documents[:20])).to_pylist()
    by_quote = {r.quote: r for r in rows}
    for q in local:
        r = by_quote[q["quote"]]
        assert r.phrase % 2**64 == q["phrase"]
        assert [p % 2**64 for p in r.pairs] == q["pairs"]
        assert (r.speaker, r.cue, r.goes_on, r.words) == (q["speaker"], q["cue"], q["goes_on"],
                                                          q["words"])


def test_spark_quotations_name_what_is_wrong(spark):
    frame = spark.createDataFrame([("a",)], "id string")
    with pytest.raises(ValueError, match="'text'"):
        quotetrace.spark.quotations(frame)
    bad = spark.createDataFrame([("a", "x", "yesterday")], "id string, text string, "
                                "published string")
    with pytest.raises(Exception, match='document "a": published'):
        quotetrace.spark.quotations(bad).collect()


def test_unsigned_orders_keys_as_unsigned_numbers(spark):
    from pyspark.sql import functions as F

    keys = [0, 1, 2**63 - 1, -(2**63), -1]  # as signed longs: 0, 1, 2**63-1, 2**63, 2**64-1
    frame = spark.createDataFrame([(k,) for k in keys], "key long")
    ordered = [r.key for r in frame.orderBy(quotetrace.spark.unsigned("key")).collect()]
    assert ordered == keys
    assert frame.agg(F.min(quotetrace.spark.unsigned(F.col("key")))).first()[0] == -(2**63)


def signed(key):
    """An unsigned 64-bit key as the Spark long of the same bits."""
    return key - 2**64 if key >= 2**63 else key


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_spark_candidates_and_links_are_the_single_machines(spark, name):
    documents = corpus(name)
    quotations = quotetrace.spark.quotations(documents_frame(spark, documents)).cache()
    # On one machine: the index's candidates among the Tracker's quotations, and each pair
    # verified by the Rust code in one batch.
    tracker = quotetrace.Tracker()
    tracker.add_many(documents)
    texts = [q["text"] for q in tracker.report()["quotes"]]
    expected = {(signed(p), signed(o)): n for p, o, n in quotetrace.candidates(texts)}
    assert len(expected) > 20
    got = {(r.phrase, r.other): r.shared
           for r in quotetrace.spark.candidates(quotations).collect()}
    assert got == expected

    local = quotetrace.process_batch(pa.RecordBatch.from_pylist(documents)).to_pylist()
    text_of = {signed(q["phrase"]): q["text"] for q in local}
    pairs = sorted({tuple(sorted(pair)) for pair in expected})
    batch = pa.RecordBatch.from_pylist([{"phrase": a, "other": b, "text": text_of[a],
                                         "other_text": text_of[b]} for a, b in pairs])
    languages = sorted({q["language"] for q in local if q["language"]})
    related = quotetrace.relate_batch(batch, languages).to_pylist()
    expected_links = {(r["phrase"], r["other"]): r["relation"] for r in related}
    assert expected_links  # something to compare on every corpus
    got_links = {(r.phrase, r.other): r.relation
                 for r in quotetrace.spark.links(quotations).collect()}
    assert got_links == expected_links
    quotations.unpersist()


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_spark_track_is_the_trackers(spark, name):
    """The same statements, ids, members, canonical wordings, speakers and drift; on seeds,
    through the stages one by one."""
    documents = corpus(name)
    if name == "seeds":
        quotations = quotetrace.spark.quotations(documents_frame(spark, documents)).cache()
        statements = quotetrace.spark.statements(quotations)
        tracked = quotetrace.spark.tables(quotations, statements)
    else:
        tracked = quotetrace.spark.track(documents_frame(spark, documents))
    tracker = quotetrace.Tracker()
    tracker.add_many(documents)
    frames = tracker.frames()

    def rows(frame):
        return [r.asDict(recursive=True) for r in frame.collect()]

    expected = {q["quote"]: q for q in frames["quotations"].to_pylist()}
    got = {q["quote"]: q for q in rows(tracked.quotations)}
    assert list(frames["quotations"].column_names) == tracked.quotations.columns
    # Statements quoted more than once.
    assert len({q["statement"] for q in expected.values()}) < len(expected)
    assert got == expected
    expected = frames["statements"].to_pylist()
    assert list(frames["statements"].column_names) == tracked.statements.columns
    assert sorted(rows(tracked.statements), key=lambda s: s["statement"]) == expected
    expected = frames["variants"].to_pylist()
    assert list(frames["variants"].column_names) == tracked.variants.columns
    assert sorted(rows(tracked.variants), key=lambda v: (v["statement"], v["quotes"])) == \
        sorted(expected, key=lambda v: (v["statement"], v["quotes"]))

"""The Python package against the built wheel: its API, its errors on bad input, and Arrow
round trips. Run by `.ci/run` after `pip install ./python`."""

import datetime
import json
import pathlib
import subprocess

import pyarrow as pa
import pytest

import quotetrace
from documents import read_corpus

DEMO = pathlib.Path(__file__).resolve().parents[2] / "examples" / "data"


def demo_documents():
    """The bundled demo corpus (written by us) as add_many mappings."""
    return read_corpus(DEMO)


def test_detect_gives_python_string_indices_and_speakers():
    text = "Café owners met. „Wir halten den Hafen offen“, sagte Anna Berg."
    found = quotetrace.detect(text)
    assert [q.text for q in found] == ["Wir halten den Hafen offen"]
    q = found[0]
    assert text[q.start : q.end] == q.text  # characters, not UTF-8 bytes
    assert (q.kind, q.style, q.closed, q.speaker) == ("full", "low", True, "Anna Berg")
    assert "Anna Berg" in repr(q) and "Some(" not in repr(q)


def test_detect_on_text_without_quotations_and_hostile_text():
    assert quotetrace.detect("") == []
    assert quotetrace.detect("no marks here at all") == []
    # Marks only, lone surrogates cannot reach Rust, control characters can.
    for text in ['"' * 1000, "“'" * 500, "\x00\x01\u202e\"a\"", "'tis 'the' season's"]:
        assert isinstance(quotetrace.detect(text), list)


def test_tracker_report_matches_the_command_line_json(tmp_path):
    tracker = quotetrace.Tracker()
    tracker.add_many(demo_documents())
    assert len(tracker) == len(demo_documents())
    report = tracker.report()
    assert set(report) == {"documents", "quotes", "clusters", "outlets"}
    binary = pathlib.Path(__file__).resolve().parents[2] / "target" / "release" / "quotetrace"
    if binary.exists():
        cli = json.loads(subprocess.run([str(binary), "track", str(DEMO), "--json", "--quiet"],
                                        check=True, capture_output=True).stdout)
        assert report == cli


def test_documents_in_any_order_give_the_same_report():
    documents = demo_documents()
    forward, backward = quotetrace.Tracker(), quotetrace.Tracker(keep_texts=False)
    forward.add_many(documents)
    backward.add_many(reversed(documents))
    assert forward.report() == backward.report()


def test_add_takes_dates_and_datetimes():
    tracker = quotetrace.Tracker()
    tracker.add("a", '"Vladimir, STOP!" Trump wrote.', outlet="one",
                published=datetime.date(2025, 4, 24))
    tracker.add("b", '"Vladimir, stop," Trump said.', outlet="two",
                published=datetime.datetime(2025, 4, 25, 9, 30, tzinfo=datetime.timezone.utc))
    report = tracker.report()
    assert [d["published"] for d in report["documents"]] == ["2025-04-24", "2025-04-25T09:30Z"]
    (statement,) = report["clusters"]
    assert statement["first_seen"]["doc"] == "a"
    assert statement["outlets"] == ["one", "two"]


def test_whence_finds_a_drifted_wording():
    tracker = quotetrace.Tracker()
    tracker.add("a", '"Lets get the Peace Deal DONE!" Trump wrote.', outlet="one")
    found = tracker.whence("lets get the peace deal done")
    assert found["statement"]["canonical"] == "Lets get the Peace Deal DONE!"
    assert 0 < found["similarity"] <= 1
    assert tracker.whence("something else entirely, about the weather") is None


def test_bad_input_raises_naming_the_document():
    tracker = quotetrace.Tracker()
    tracker.add("a", '"One," she said.')
    with pytest.raises(quotetrace.DuplicateDocumentError, match='"a"'):
        tracker.add("a", "again")
    assert issubclass(quotetrace.DuplicateDocumentError, ValueError)
    with pytest.raises(ValueError, match='document "b": published'):
        tracker.add("b", "text", published="24 April 2025")
    with pytest.raises(TypeError, match="published"):
        tracker.add("c", "text", published=12)
    documents = [{"id": "d", "text": '"Two," he said.'}, {"id": "e"}, {"id": "f", "text": "x"}]
    with pytest.raises(ValueError, match=r'document 1 .*"e" has no "text"'):
        tracker.add_many(documents)
    # What came before the bad document is kept; nothing after it.
    assert [d["id"] for d in tracker.report()["documents"]] == ["a", "d"]
    with pytest.raises(ValueError, match="expected a mapping"):
        tracker.add_many([42])
    with pytest.raises(ValueError, match='"outlet" must be a string'):
        tracker.add_many([{"id": "g", "text": "x", "outlet": 3}])


def test_frames_are_the_report_as_tables():
    tracker = quotetrace.Tracker()
    tracker.add_many(demo_documents())
    report, frames = tracker.report(), tracker.frames()
    assert set(frames) == {"quotations", "statements", "variants", "outlets"}
    assert all(isinstance(t, pa.Table) for t in frames.values())
    quotations = frames["quotations"].to_pylist()
    assert [q["quote"] for q in quotations] == [q["id"] for q in report["quotes"]]
    assert [q["statement"] for q in quotations] == [q["cluster"] for q in report["quotes"]]
    keys = {s["id"]: s["key"] for s in report["clusters"]}
    assert all(q["statement_key"] == keys[q["statement"]] for q in quotations)
    statements = frames["statements"].to_pandas()
    assert list(statements["canonical"]) == [s["canonical"] for s in report["clusters"]]
    assert list(statements["quotations"]) == [len(s["quotes"]) for s in report["clusters"]]
    variants = frames["variants"].num_rows
    assert variants == sum(len(s["variants"]) for s in report["clusters"])
    outlets = frames["outlets"].to_pylist()
    assert [o["outlet"] for o in outlets] == [o["outlet"] for o in report["outlets"]]


def test_process_batch_gives_the_quotations_of_every_row():
    documents = demo_documents()
    batch = pa.RecordBatch.from_pylist(documents)
    out = quotetrace.process_batch(batch)
    assert isinstance(out, pa.RecordBatch)
    rows = out.to_pylist()
    expected = [(d["id"], q.text, q.speaker) for d in documents
                for q in quotetrace.detect(d["text"])]
    assert [(r["document"], r["text"], r["speaker"]) for r in rows] == expected
    texts = {d["id"]: d["text"].encode() for d in documents}
    for r in rows:
        assert texts[r["document"]][r["start"] : r["end"]].decode() == r["text"]  # UTF-8 bytes
        assert r["quote"] == f"{r['document']}#{r['position'] + 1}"
    # Large strings, string views, a table's batch and timestamps read the same.
    large = pa.RecordBatch.from_arrays(
        [pa.array([d["id"] for d in documents], pa.large_string()),
         pa.array([d["text"] for d in documents], pa.large_string())], names=["id", "text"])
    assert quotetrace.process_batch(large).column("text") == out.column("text")
    stamped = pa.record_batch({"id": ["x"], "text": ['"Stop," Mayor Anna Berg said.'],
                               "published": pa.array([datetime.datetime(2025, 4, 24, 9)],
                                                     pa.timestamp("us"))})
    assert quotetrace.process_batch(stamped).column("published").to_pylist() == \
        ["2025-04-24T09:00"]


def test_process_batch_rejects_what_it_cannot_read():
    with pytest.raises(ValueError, match='no "text" column'):
        quotetrace.process_batch(pa.record_batch({"id": ["a"]}))
    with pytest.raises(ValueError, match="row 0: the id is null"):
        quotetrace.process_batch(pa.record_batch({"id": pa.array([None], pa.string()),
                                                  "text": ["x"]}))
    with pytest.raises(ValueError, match='row 0, document "a": published'):
        quotetrace.process_batch(pa.record_batch({"id": ["a"], "text": ["x"],
                                                  "published": ["yesterday"]}))
    with pytest.raises(ValueError, match='column "text" must hold strings'):
        quotetrace.process_batch(pa.record_batch({"id": ["a"], "text": [1]}))
    empty = quotetrace.process_batch(pa.record_batch({"id": pa.array([], pa.string()),
                                                      "text": pa.array([], pa.string())}))
    assert empty.num_rows == 0


def test_process_batch_gives_the_tracker_reading_and_blocking_keys():
    rows = quotetrace.process_batch(pa.RecordBatch.from_pylist(demo_documents())).to_pylist()
    tracker = quotetrace.Tracker()
    tracker.add_many(demo_documents())
    language = {q["id"]: q.get("language") for q in tracker.report()["quotes"]}
    assert {r["quote"]: r["language"] for r in rows} == language
    assert {"en", "de"} <= set(language.values())
    # Some quotations go on from the one before them, never a document's first.
    assert any(r["goes_on"] for r in rows)
    assert not any(r["goes_on"] for r in rows if r["position"] == 0)
    # One matching form, one phrase key and one set of pairs; the pairs are sorted and distinct.
    by_phrase = {}
    for r in rows:
        assert r["pairs"] == sorted(set(r["pairs"]))
        assert r["words"] >= 3 or not r["pairs"]
        by_phrase.setdefault(r["phrase"], set()).add(tuple(r["pairs"]))
    assert all(len(pairs) == 1 for pairs in by_phrase.values())
    assert len(by_phrase) < len(rows)  # the demo's outlets print some wordings alike


def test_write_parquet_writes_the_frames(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    tracker = quotetrace.Tracker()
    tracker.add_many(demo_documents())
    files = tracker.write_parquet(tmp_path / "tables")
    assert sorted(pathlib.Path(f).name for f in files) == [
        "outlets.parquet", "quotations.parquet", "statements.parquet", "variants.parquet"]
    frames = tracker.frames()
    for f in files:
        name = pathlib.Path(f).stem
        assert pq.read_table(f).equals(frames[name]), name
    binary = pathlib.Path(__file__).resolve().parents[2] / "target" / "release" / "quotetrace"
    if binary.exists():  # the command line writes the same tables
        subprocess.run([str(binary), "track", str(DEMO), "--parquet", str(tmp_path / "cli"),
                        "--quiet"], check=True)
        for f in files:
            name = pathlib.Path(f).name
            assert pq.read_table(tmp_path / "cli" / name).equals(pq.read_table(f)), name
    with pytest.raises(OSError, match="no-such"):
        tracker.write_parquet("/proc/no-such/tables")


def test_candidate_pairs_are_verified_a_batch_at_a_time():
    texts = ["We will rebuild every home in Kyiv", "we will rebuild every home in kyiv!",
             "We will rebuild every single home in Kyiv", "every home in Kyiv",
             "The weather was fine in London"]
    found = quotetrace.candidates(texts)
    # One quotation per document, in order: each text's phrase key.
    keys = [q["phrase"] for q in quotetrace.process_batch(
        pa.RecordBatch.from_pylist([{"id": str(i), "text": f'"{t}" she said.'}
                                    for i, t in enumerate(texts)])).to_pylist()]
    assert len(keys) == len(texts) and keys[0] == keys[1]
    assert (keys[0], keys[2]) in {(p, o) for p, o, _ in found}
    assert all(keys[4] not in (p, o) for p, o, _ in found)
    batch = pa.RecordBatch.from_pylist([
        {"pair": 1, "text": texts[0], "other_text": texts[2]},
        {"pair": 2, "text": texts[3], "other_text": texts[0]},
        {"pair": 3, "text": texts[0], "other_text": texts[4]},
        {"pair": 4, "text": None, "other_text": texts[4]},
    ])
    related = quotetrace.relate_batch(batch, ["en"]).to_pylist()
    assert related == [{"pair": 1, "relation": "variant"}, {"pair": 2, "relation": "part_of"}]
    with pytest.raises(ValueError, match='no "other_text" column'):
        quotetrace.relate_batch(pa.RecordBatch.from_pylist([{"text": "a"}]), [])

"""The Spark path in local mode, stage by stage: wall time and shuffle written per stage.

    python3 benches/spark_stages.py DOCUMENTS.jsonl [--cores 2] [--partitions 8]

DOCUMENTS.jsonl holds one document per line (``id``, ``outlet``, ``url``, ``published``,
``text``): a corpus of ``../shared/tools/make_corpus.py``, or synthetic quotations written as
documents by ``cargo run --release --example synth_documents -- QUOTES SEED OUT.jsonl``. Each
stage's result is checkpointed before the next starts, so each time is that stage's own; the
shuffle sizes are read from Spark's monitoring API (the stages each step ran). A benchmark, not
a test: it prints, it does not judge. Needs the built package (``pip install ./python``),
pyspark and a Java runtime.
"""

import argparse
import json
import os
import sys
import time
import urllib.request


def stage_shuffles(ui, app, seen):
    """The shuffle bytes written and read by the completed stages not in `seen` (then seen)."""
    with urllib.request.urlopen(f"{ui}/api/v1/applications/{app}/stages?status=complete") as r:
        stages = json.load(r)
    new = [s for s in stages if (s["stageId"], s["attemptId"]) not in seen]
    seen.update((s["stageId"], s["attemptId"]) for s in new)
    return (sum(s.get("shuffleWriteBytes", 0) for s in new),
            sum(s.get("shuffleReadBytes", 0) for s in new))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents")
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    import quotetrace.spark as qs

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(f"local[{args.cores}]").appName("quotetrace-bench")
             .config("spark.sql.shuffle.partitions", str(args.partitions))
             .config("spark.driver.memory", "8g")
             .config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    ui, app = spark.sparkContext.uiWebUrl, spark.sparkContext.applicationId
    seen = set()
    stage_shuffles(ui, app, seen)
    rows = []

    def stage(name, make):
        start = time.perf_counter()
        frame = make().localCheckpoint()
        n = frame.count()
        wall = time.perf_counter() - start
        written, read = stage_shuffles(ui, app, seen)
        rows.append((name, wall, n, written, read))
        print(f"{name:<12} {wall:8.1f} s {n:>10} rows  shuffle write {written / 1e6:8.1f} MB"
              f"  read {read / 1e6:8.1f} MB", flush=True)
        return frame

    size = os.path.getsize(args.documents)
    documents = stage("read", lambda: spark.read.json(args.documents)
                      .repartition(args.partitions))
    quotations = stage("quotations", lambda: qs.quotations(documents))
    candidates = stage("candidates", lambda: qs.candidates(quotations))
    links = stage("links", lambda: qs.links(quotations, candidates))
    statements = stage("statements", lambda: qs.statements(quotations, links))
    # The statements table holds the summaries the other two tables are joined from.
    tables = stage("tables", lambda: qs.tables(quotations, statements).statements)
    total = sum(r[1] for r in rows)
    groups = tables.count()
    print(f"{'total':<12} {total:8.1f} s  {size / 1e6:.0f} MB of documents, "
          f"{quotations.count()} quotations, {candidates.count()} candidate pairs, "
          f"{links.count()} links, {groups} statements; local[{args.cores}], "
          f"{args.partitions} partitions")
    spark.stop()


if __name__ == "__main__":
    main()

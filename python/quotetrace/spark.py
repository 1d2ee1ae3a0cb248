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

:func:`track` runs the whole pipeline and gives the single-machine report's tables;
:func:`quotations`, :func:`candidates`, :func:`links` and :func:`statements` are its stages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, NamedTuple

import pyarrow as pa

if TYPE_CHECKING:  # pyspark is needed only by who calls this module
    from pyspark.sql import Column, DataFrame

__all__ = ["QUOTATIONS_SCHEMA", "STATEMENTS_SCHEMA", "TRACKED_QUOTATIONS", "VARIANTS_SCHEMA",
           "Tracked", "candidates", "components", "links", "quotations", "statements", "tables",
           "track", "unsigned"]

# The single-machine index's limits (`quotetrace::ClusterConfig`'s defaults and the index's
# rule for reading a phrase's pairs): the candidates below are its candidates only with these.
#: Word pairs found in more phrases than this are too common to find candidates with.
MAX_POSTINGS = 1000
#: How many partners each phrase is verified against.
MAX_CANDIDATES = 12
#: How many of its usable word pairs (the rarest) a phrase looks its partners up by.
RAREST = 8
#: Quotations of fewer words are placed by the documents and speakers they come with.
MIN_WORDS = 3
# Translation linking's (src/cluster/translate.rs): the rare anchors two statements must share,
# the share of the shorter's anchors (by weight) they make up, the most statements an anchor
# may be held by to count, and the most time between the two (a week, in seconds).
MIN_SHARED = 3
MIN_COVER = 0.3
MAX_HOLDERS = 64
WINDOW = 7 * 24 * 3600

#: The quotations DataFrame's schema: :func:`quotetrace.process_batch`'s columns, with the
#: unsigned keys as Spark's signed ``long`` of the same bits.
QUOTATIONS_SCHEMA = (
    "document string, quote string, position long, outlet string, url string, "
    "published string, start long, end long, text string, kind string, style string, "
    "closed boolean, speaker string, cue string, method string, language string, "
    "goes_on boolean, phrase long, words long, pairs array<long>, sort_key binary"
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


def candidates(quotations: "DataFrame") -> "DataFrame":
    """The candidate pairs of phrases that clustering verifies, found by shuffling the word
    pairs as the single-machine index reads its postings.

    `quotations` is a :func:`quotations` DataFrame. The result has a row ``phrase, other,
    shared`` for each phrase and each of its partners: the phrases sharing the most of its
    rarest usable word pairs, at most :data:`MAX_CANDIDATES`, with the number shared; the same
    pairs :func:`quotetrace.candidates` finds on one machine.

    The stages: each phrase's word pairs, once (postings); each pair's number of phrases
    (a shuffle by pair); per phrase the :data:`RAREST` pairs found in more than one phrase and
    at most :data:`MAX_POSTINGS` (a window by phrase); those pairs joined back to their
    postings (the shuffle by pair that brings candidates together), counted per partner, kept
    when they share a third of the pairs read, and ranked (a window by phrase).
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    phrases = (quotations.where(F.size("pairs") > 0).select("phrase", "pairs")
               .dropDuplicates(["phrase"]))
    postings = phrases.select("phrase", F.explode("pairs").alias("pair"))
    counts = (postings.groupBy("pair").agg(F.count("*").alias("n"))
              .where((F.col("n") > 1) & (F.col("n") <= MAX_POSTINGS)))
    usable = postings.join(counts, "pair")
    by_rarity = Window.partitionBy("phrase").orderBy("n", unsigned("pair"))
    rarest = (usable.withColumn("rank", F.row_number().over(by_rarity))
              .where(F.col("rank") <= RAREST).select("phrase", "pair"))
    needed = rarest.groupBy("phrase").agg(
        F.greatest(F.lit(1), F.ceil(F.count("*") / 3)).alias("needed"))
    partners = usable.select("pair", F.col("phrase").alias("other"))
    shared = (rarest.join(partners, "pair").where(F.col("phrase") != F.col("other"))
              .groupBy("phrase", "other").agg(F.count("*").alias("shared")))
    by_sharing = Window.partitionBy("phrase").orderBy(F.desc("shared"), unsigned("other"))
    return (shared.join(needed, "phrase").where(F.col("shared") >= F.col("needed"))
            .withColumn("rank", F.row_number().over(by_sharing))
            .where(F.col("rank") <= MAX_CANDIDATES).select("phrase", "other", "shared"))


def _relate_partitions(languages: list[str]):
    def relate(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import quotetrace  # on the executor

        for batch in batches:
            yield quotetrace.relate_batch(batch, languages)

    return relate


def links(quotations: "DataFrame", found: "DataFrame | None" = None) -> "DataFrame":
    """The verified relations between phrases: :func:`candidates`, each pair once, aligned by
    the Rust code on the executors (:func:`quotetrace.relate_batch`).

    The result has a row ``phrase, other, relation`` for each candidate pair whose wordings
    are related, ``phrase`` the smaller of the two keys (as signed longs): ``variant``,
    ``part_of`` (``phrase`` is a fragment of ``other``), ``contains`` or ``overlap``. Each
    pair's two wordings are joined to it by phrase key; the quotations' languages, collected
    first (a handful of codes), go to every batch so that each verifies as the single-machine
    clustering does. `found` are the :func:`candidates`, found when not given.
    """
    from pyspark.sql import functions as F

    languages = sorted(r.language for r in quotations.select("language").distinct().collect()
                       if r.language is not None)
    if found is None:
        found = candidates(quotations)
    pairs = (found
             .select(F.least("phrase", "other").alias("phrase"),
                     F.greatest("phrase", "other").alias("other"))
             .distinct())
    wording = quotations.groupBy("phrase").agg(F.min("text").alias("text"))
    other_wording = wording.select(F.col("phrase").alias("other"),
                                   F.col("text").alias("other_text"))
    return (pairs.join(wording, "phrase").join(other_wording, "other")
            .select("phrase", "other", "text", "other_text")
            .mapInArrow(_relate_partitions(languages),
                        "phrase long, other long, relation string"))


def components(edges: "DataFrame") -> "DataFrame":
    """The connected components of the graph whose edges are the rows ``src, dst`` (longs) of
    `edges`: a row ``node, component`` for each node on an edge, ``component`` the smallest
    node of its component.

    An iterative join in Spark SQL: the alternating *large-star* and *small-star* steps of
    Kiveris et al., "Connected Components in MapReduce and Beyond" (SoCC 2014), which
    GraphFrames' ``connectedComponents`` uses too, repeated until every component is a star
    around its smallest node: O(log² n) rounds of joins, each shuffling the edges once. Not
    GraphFrames itself: its jar comes from spark-packages, not from PyPI, and a pip install
    should be all quotetrace on Spark needs.
    """
    from pyspark.sql import functions as F

    lo, hi = F.least("src", "dst"), F.greatest("src", "dst")
    # Each edge once, as (hi, lo): hi the larger node.
    directed = edges.where(F.col("src") != F.col("dst")).select(hi.alias("hi"), lo.alias("lo"))
    directed = directed.distinct().localCheckpoint()
    while True:
        # A star forest: every larger node has one edge, to a node that is no larger node's.
        stars = directed.groupBy("hi").count().where(F.col("count") > 1).limit(1).count() == 0
        if stars and directed.select("lo").intersect(directed.select("hi")).limit(1).count() == 0:
            break
        both = directed.union(directed.select(F.col("lo").alias("hi"), F.col("hi").alias("lo")))
        # Large star: every node's larger neighbours go to the smallest node it sees.
        seen = both.groupBy("hi").agg(F.least(F.col("hi"), F.min("lo")).alias("m"))
        large = (both.where(F.col("lo") > F.col("hi")).join(seen, "hi")
                 .select(F.col("lo").alias("src"), F.col("m").alias("dst")))
        large = large.where(F.col("src") != F.col("dst")).select(hi.alias("hi"), lo.alias("lo"))
        large = large.distinct()
        # Small star: every node and its smaller neighbours go to the smallest of them.
        smallest = large.groupBy("hi").agg(F.min("lo").alias("m"))
        small = large.join(smallest, "hi")
        small = (small.select(F.col("lo").alias("src"), F.col("m").alias("dst"))
                 .union(small.select(F.col("hi").alias("src"), F.col("m").alias("dst"))))
        small = small.where(F.col("src") != F.col("dst")).select(hi.alias("hi"), lo.alias("lo"))
        directed = small.distinct().localCheckpoint()
    return (directed.select(F.col("hi").alias("node"), F.col("lo").alias("component"))
            .union(directed.select(F.col("lo").alias("node"), F.col("lo").alias("component")))
            .distinct())


_FORM_SCHEMA = ("quote string, statement binary, key long, support long, speaker string, "
                "language string, earliest long, anchors array<long>")


def _one_batch(table: pa.Table) -> pa.RecordBatch:
    batches = table.combine_chunks().to_batches()
    return batches[0] if batches else pa.RecordBatch.from_pylist([], schema=table.schema)


def _form_partitions(languages: list[str]):
    def form(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import pyarrow.compute as pc

        import quotetrace  # on the executor

        # A group's rows may span batches: the partition is formed at once.
        table = pa.Table.from_batches(list(batches))
        if table.num_rows == 0:
            return
        items = _one_batch(table.filter(pc.is_valid(table["quote"])))
        links = _one_batch(table.filter(pc.is_valid(table["relation"])))
        yield quotetrace.form_batch(items, links, languages)

    return form


def statements(quotations: "DataFrame", verified: "DataFrame | None" = None) -> "DataFrame":
    """The statement of every quotation, formed as the single-machine clustering forms them
    from the verified links, but for translations: a row ``quote, statement`` per quotation,
    statements numbered from 0 by first appearance as the :class:`quotetrace.Tracker` numbers
    them.

    `quotations` is a :func:`quotations` DataFrame; `verified` its :func:`links` (found when
    not given). The stages: the speakers' spellings made one across the corpus (the names
    and their counts are collected, one row per name, and spelled by
    :func:`quotetrace.canonical_speakers`); the groups of quotations that can only join among
    themselves, by :func:`components` of a graph whose edges are the verified links, the
    continuations (a quotation and the one before it that it goes on from) and, for every
    document and speaker with a quotation too short to index, that context and each of its
    quotations; each group formed by :func:`quotetrace.form_batch` on the executors; and the
    statements numbered by their first quotation's ``sort_key``.
    """
    return _statements(_spelled(quotations), verified)


def _spelled(quotations: "DataFrame") -> "DataFrame":
    """`quotations` with their speakers spelled as across the corpus (the names and their
    counts are collected, one row per name, and spelled by
    :func:`quotetrace.canonical_speakers`), checkpointed."""
    from pyspark.sql import functions as F

    import quotetrace

    spark = quotations.sparkSession
    counts = (quotations.where(F.col("speaker").isNotNull()).groupBy("speaker").count()
              .collect())
    spelled = quotetrace.canonical_speakers([(r.speaker, r["count"]) for r in counts])
    spellings = spark.createDataFrame([(k, v) for k, v in spelled.items() if k != v] or
                                      [(None, None)], "speaker string, spelled string")
    # Checkpointed: every later stage reads the quotations, and each read would run the
    # detection again.
    return (quotations.join(F.broadcast(spellings), "speaker", "left")
            .withColumn("speaker", F.coalesce("spelled", "speaker")).drop("spelled")
            .localCheckpoint())


def _statements(q: "DataFrame", verified: "DataFrame | None") -> "DataFrame":
    """:func:`statements` of quotations :func:`_spelled` already."""
    from pyspark.sql import functions as F

    if verified is None:
        verified = links(q)
    languages = sorted(r.language for r in q.select("language").distinct().collect()
                       if r.language is not None)

    # The edges of the groups.
    previous = q.select("document", (F.col("position") + 1).alias("position"),
                        F.col("phrase").alias("dst"))
    continuations = (q.where("goes_on").select("document", "position", F.col("phrase").alias("src"))
                     .join(previous, ["document", "position"]).select("src", "dst"))
    short = q.where((F.col("words") > 0) & (F.col("words") < MIN_WORDS))
    contexts = []
    for column in ("document", "speaker"):
        node = F.xxhash64(F.lit(column), F.col(column)).alias("dst")
        held = short.where(F.col(column).isNotNull()).select(column).distinct()
        contexts.append(q.join(held, column).select(F.col("phrase").alias("src"), node))
    edges = verified.select(F.col("phrase").alias("src"), F.col("other").alias("dst"))
    for more in [continuations, *contexts]:
        edges = edges.union(more)
    groups = components(edges)

    group_of = F.coalesce(F.col("component"), F.col("phrase")).alias("group")
    items = (q.join(groups, q["phrase"] == groups["node"], "left")
             .select(group_of, "quote", "document", "position", "text", "speaker", "goes_on",
                     "sort_key", "language", "published"))
    linked = (verified.join(groups, verified["phrase"] == groups["node"])
              .select(F.col("component").alias("group"), "phrase", "other", "relation"))
    rows = (items.unionByName(linked, allowMissingColumns=True).repartition("group")
            .mapInArrow(_form_partitions(languages), _FORM_SCHEMA).localCheckpoint())
    quoted = rows.where(F.col("quote").isNotNull()).select("quote", "statement")
    joined = _translations(rows.where(F.col("quote").isNull()))
    quoted = (quoted.join(joined, "statement", "left")
              .select("quote", F.coalesce("joined", "statement").alias("statement")))
    firsts = quoted.select("statement").distinct().orderBy("statement")
    numbered = firsts.rdd.zipWithIndex().map(lambda r: (r[0][0], r[1])).toDF(
        "statement binary, id long")
    return quoted.join(numbered, "statement").select("quote", F.col("id").alias("statement"))


def _sum_in_anchor_order(anchor: str, weight: str) -> "Column":
    """The sum of `weight` over a group's rows, added in the unsigned order of `anchor`, as the
    single-machine linking adds them (so that the sums are equal to the last bit)."""
    from pyspark.sql import functions as F

    terms = F.array_sort(F.collect_list(F.struct(unsigned(anchor).alias("a"),
                                                 F.col(weight).alias("w"))))
    return F.aggregate(terms, F.lit(0.0).cast("double"), lambda total, t: total + t["w"])


def _translations(summaries: "DataFrame") -> "DataFrame":
    """The statements that translation linking joins: a row ``statement, joined`` for each
    statement joined to others, ``joined`` the smallest ``statement`` of those it is one with.

    `summaries` are :func:`quotetrace.form_batch`'s statement rows. Each anchor is weighed by
    how many statements hold it (the weights are computed on the driver, one per holder count,
    with the logarithm the Rust code uses); each statement names its best partner among the
    better supported statements in another language, printed within a week, sharing enough
    rare anchors; the partners' connected components are joined by
    :func:`quotetrace.join_translations` on the executors.
    """
    import math

    from pyspark.sql import Window
    from pyspark.sql import functions as F

    spark = summaries.sparkSession
    empty = spark.createDataFrame([], "statement binary, joined binary")
    n = summaries.count()
    if n == 0:
        return empty
    anchors = summaries.select("key", F.explode("anchors").alias("anchor"))
    holders = anchors.groupBy("anchor").agg(F.count("*").alias("h"))
    counts = sorted(r.h for r in holders.select("h").distinct().collect())
    weights = spark.createDataFrame([(h, math.log(1.0 + n / h)) for h in counts],
                                    "h long, weight double")
    weighted = anchors.join(holders, "anchor").join(F.broadcast(weights), "h")
    totals = weighted.groupBy("key").agg(_sum_in_anchor_order("anchor", "weight").alias("total"))
    common = min(max(n // 4, 8), MAX_HOLDERS)
    held = anchors.select(F.col("key").alias("other"), "anchor")
    shared = weighted.where(F.col("h") <= common).join(held, "anchor")
    s = summaries.select("key", "support", "language", "earliest")
    t = s.select(*[F.col(c).alias("t_" + c) for c in s.columns])
    near = F.when(F.col("earliest").isNull() | F.col("t_earliest").isNull(), True).otherwise(
        F.abs(F.col("earliest") - F.col("t_earliest")) <= WINDOW)
    bigger = (F.col("t_support") > F.col("support")) | (
        (F.col("t_support") == F.col("support")) & (unsigned("t_key") < unsigned("key")))
    pairs = (shared.join(s, "key").join(t, F.col("other") == F.col("t_key"))
             .where((F.col("language") != F.col("t_language")) & near & bigger)
             .groupBy("key", "other")
             .agg(F.count("*").alias("count"), _sum_in_anchor_order("anchor", "weight")
                  .alias("w")))
    other_total = totals.select(F.col("key").alias("other"), F.col("total").alias("t_total"))
    cover = F.col("w") / F.least("total", "t_total")
    best = Window.partitionBy("key").orderBy(F.desc("cover"), unsigned("other"))
    partners = (pairs.join(totals, "key").join(other_total, "other")
                .withColumn("cover", cover)
                .where((F.col("count") >= MIN_SHARED) & (F.col("cover") >= MIN_COVER))
                .withColumn("rank", F.row_number().over(best)).where(F.col("rank") == 1)
                .select("key", "other").localCheckpoint())
    if partners.limit(1).count() == 0:
        return empty
    groups = components(partners.select(F.col("key").alias("src"), F.col("other").alias("dst")))
    statements = (summaries.join(groups, summaries["key"] == groups["node"])
                  .select("component", "key", "speaker", "language", "statement"))
    linked = partners.join(groups, partners["key"] == groups["node"]).select(
        "component", "key", "other")
    rows = (statements.unionByName(linked, allowMissingColumns=True).repartition("component")
            .mapInArrow(_join_partitions, "key long, joined long"))
    named = summaries.select("key", "statement")
    joined_name = (rows.join(named, "key").groupBy("joined")
                   .agg(F.min("statement").alias("name")))
    return (rows.join(named, "key").join(joined_name, "joined")
            .select("statement", F.col("name").alias("joined")))


def _join_partitions(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    import quotetrace  # on the executor

    table = pa.Table.from_batches(list(batches))
    if table.num_rows == 0:
        return
    statements: dict[int, list] = {}
    links: dict[int, list] = {}
    for row in table.to_pylist():
        if row["other"] is None:
            statements.setdefault(row["component"], []).append(row)
        else:
            links.setdefault(row["component"], []).append(row)
    keys, joined = [], []
    for component, members in statements.items():
        index = {m["key"]: i for i, m in enumerate(members)}
        pairs = [(index[link["key"]], index[link["other"]]) for link in links.get(component, [])]
        fellows = quotetrace.join_translations(
            [(m["key"] % 2**64, m["speaker"], m["language"]) for m in members], pairs)
        keys += [m["key"] for m in members]
        joined += [members[f]["key"] for f in fellows]
    yield pa.RecordBatch.from_pydict({"key": pa.array(keys, pa.int64()),
                                      "joined": pa.array(joined, pa.int64())})


#: The statements table's schema (:meth:`quotetrace.Tracker.frames`' ``statements``).
STATEMENTS_SCHEMA = (
    "statement long, key string, canonical string, speaker string, language string, "
    "assembled boolean, quotations long, variants long, outlets array<string>, "
    "quotes array<string>, first_document string, first_outlet string, "
    "first_published string"
)
#: The variants table's schema (:meth:`quotetrace.Tracker.frames`' ``variants``).
VARIANTS_SCHEMA = (
    "statement long, statement_key string, text string, drift_score double, "
    "quotes array<string>, outlets array<string>, edits array<string>"
)
# What :func:`quotetrace.summarize_batch` gives: a statement's row, the speaker it lends, and
# its rows of the variants table.
_SUMMARY_SCHEMA = f"{STATEMENTS_SCHEMA}, lent string, wordings array<struct<{VARIANTS_SCHEMA}>>"
#: The columns of the quotations table (:meth:`quotetrace.Tracker.frames`' ``quotations``).
TRACKED_QUOTATIONS = ("quote", "statement", "statement_key", "document", "outlet", "url",
                      "published", "start", "end", "text", "speaker", "cue", "kind", "language",
                      "canonical")


class Tracked(NamedTuple):
    """What :func:`track` finds: the tables of :meth:`quotetrace.Tracker.frames`, as
    DataFrames."""

    #: A row per quotation, with its statement, speaker and the statement's wording.
    quotations: "DataFrame"
    #: A row per statement: canonical wording, speaker, language, outlets, first appearance.
    statements: "DataFrame"
    #: A row per distinct wording of a statement, with its drift.
    variants: "DataFrame"


def _summarize_partitions(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    import quotetrace  # on the executor

    # A statement's rows may span batches: the partition is summarised at once.
    table = pa.Table.from_batches(list(batches))
    if table.num_rows:
        yield quotetrace.summarize_batch(_one_batch(table))


def track(documents: "DataFrame") -> Tracked:
    """The quotations of `documents`, their statements and the statements' wordings, as the
    single-machine :class:`quotetrace.Tracker` reports them (:meth:`~quotetrace.Tracker.frames`'
    tables, ``outlets`` aside): the same statements, ids, canonical wordings, speakers, variants
    and drift.

    `documents` is as :func:`quotations` takes it. The stages: :func:`quotations` (detection
    and attribution per partition), the speakers' spellings made one, :func:`statements` (the
    blocking keys shuffled, candidates verified, groups formed by connected components), then
    each statement's quotations gathered in one partition and summarised by
    :func:`quotetrace.summarize_batch` on the executors: canonical wording, speaker, variants
    and their drift. Statements whose keys are the same are told apart by ``-2``, ``-3`` after
    the key, in order of id, as in the single-machine report.

        tracked = quotetrace.spark.track(spark.read.json("manifest.jsonl"))
        tracked.statements.orderBy("statement").show()
        tracked.quotations.write.parquet("out/quotations")
    """
    q = _spelled(quotations(documents))
    return _tables(q, _statements(q, None))


def tables(quotations: "DataFrame", statements: "DataFrame") -> Tracked:
    """:func:`track`'s last stage: the tables of `quotations` (a :func:`quotations` DataFrame)
    grouped into `statements` (its :func:`statements`)."""
    return _tables(_spelled(quotations), statements)


def _tables(q: "DataFrame", numbered: "DataFrame") -> Tracked:
    """:func:`tables` of quotations :func:`_spelled` already."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    members = q.join(numbered, "quote")
    summarized = (members.select("statement", "quote", "document", "start", "end", "text", "kind",
                                 "sort_key", "outlet", "url", "published", "speaker", "language")
                  .repartition("statement")
                  .mapInArrow(_summarize_partitions, _SUMMARY_SCHEMA))
    repeat = F.row_number().over(Window.partitionBy("key").orderBy("statement"))
    distinct_key = F.when(F.col("repeat") > 1, F.concat_ws("-", "key", F.col("repeat")
                                                            .cast("string"))).otherwise(F.col("key"))
    summarized = (summarized.withColumn("repeat", repeat).withColumn("key", distinct_key)
                  .drop("repeat").localCheckpoint())
    statements = summarized.select(*[c.split()[0] for c in STATEMENTS_SCHEMA.split(", ")])
    variants = (summarized.select("key", F.explode("wordings").alias("w")).select("w.*", "key")
                .withColumn("statement_key", F.col("key")).drop("key"))
    told = summarized.select("statement", F.col("key").alias("statement_key"), "canonical", "lent")
    tracked = (members.join(told, "statement")
               .withColumn("speaker", F.coalesce("speaker", "lent"))
               .select(*TRACKED_QUOTATIONS))
    return Tracked(tracked, statements, variants)

"""Spark batch mode: the single-machine pipeline's results, computed by PySpark jobs.

`run_spark(inputs, out)` reads JSON Lines (also .gz), WARC and Parquet, runs the per-article stages
in `mapPartitions` (one `Annotator` per partition, so models load once per partition), then the
cross-document pass of `marsad run` (marsad.batch.cross), and writes Parquet tables `documents`,
`mentions`, `entities`, `events`, `merged_events`, `stories`, `skipped` (see docs/spark.md).

The results are those of `marsad.pipeline.run` on the same input in the same order, because every
step that makes the single-machine run depend on the order of articles is recomputed here as a
Spark job over the input position (`pos` = file index << 32 | record index):

* **Outlet leftovers.** Cleaning drops a short line that the outlet printed in at least
  `OUTLET_LINE_MIN_DOCS` earlier *stored* articles. Each article's counts are a window over
  (outlet, line key) ordered by position. Which articles are stored depends on cleaning (an
  article whose clean body equals an earlier one is not stored), so the counts are first estimated
  from every article, then recomputed from the stored ones, and the articles whose leftover lines
  changed are cleaned again, until nothing changes. An article depends only on articles before it,
  so this converges to the sequential result (usually after one extra round, which redoes nothing).
* **Identical bodies** (`same_as`): the first article by position with a content hash is stored;
  a later one with another id is not; one with the same id replaces it (SQLite's REPLACE).
* **Near-duplicates**: the same MinHash signatures and LSH bands (`marsad.cluster.duplicates`);
  candidate pairs come from a join on (band, key) with the candidate earlier in input order, are
  confirmed by signature similarity, and the best candidate (highest similarity, ties to the
  largest id, as in `pipeline._near_duplicate_of`) is followed to its canonical document by
  pointer jumping, so `duplicate_of` is always the earliest stored document of the group.
* **Cross-document pass** (marsad.batch.cross), run on the executors over blocks that provably do not
  interact: entity clustering grouped by entity type (it never crosses types), the {old: canonical}
  pairs applied by joins to mentions, entities (variants folded) and event actors; event merging per
  (family, modality, date component, country part) block in the store's (date_start, id) order, then
  the dispute ids merged in other blocks remapped by a join; denials linked per component of families
  joined by extractor links; stories as connected components (label propagation) of the document,
  dispute and actor edges that build_stories unions. Why each block is exact: docs/spark.md.

Nothing is collected to the driver but counts.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import sys
import time
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from marsad.cluster import duplicates
from marsad.ingest.meta import Metadata, load_metadata
from marsad.ingest.readers import _iter_file, _jsonl_record, _walk
from marsad.pipeline import OUTLET_LINE_MIN_DOCS, Annotator, raw_hash, short_line_keys
from marsad.records import Document, Entity, Event, Mention, RawArticle, Skipped
from marsad.text.clean import REPEAT_MAX_WORDS, extract_html, line_key
from marsad.text.normalize import normalize_text
from marsad.text.outlets import outlet_from_lines, outlet_from_url

log = logging.getLogger(__name__)

POS_BITS = 32  # pos = file index << POS_BITS | record index: input order as one sortable integer
MAX_ROUNDS = 8  # outlet-leftover rounds; converges in 1-2 on real corpora
PARQUET_SUFFIXES = (".parquet", ".parq")
DOCUMENT_FIELDS = ("id", "source", "outlet", "url", "title", "dateline", "published", "text", "removed",
                   "duplicate_of", "content_hash", "sentences", "mentions", "times", "places", "events")


class SparkUnavailable(RuntimeError):
    """PySpark or Java is missing."""


# ---------------------------------------------------------------------------- session


def java_available() -> bool:
    return bool(os.environ.get("JAVA_HOME") or shutil.which("java"))


def spark_session(master: str = "local[*]", partitions: int | None = None, app: str = "marsad"):  # noqa: ANN201
    """A quiet, offline Spark session: no UI, no package downloads, loopback only, WARN logs,
    few shuffle partitions, and executors running this very Python."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise SparkUnavailable("PySpark is not installed (pip install 'marsad[spark]')") from err
    if not java_available():
        raise SparkUnavailable("Java is not installed (Spark needs a JRE 17+: make system-deps)")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    shuffle = partitions or _default_parallelism(master)
    builder = (
        SparkSession.builder.master(master).appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", str(shuffle))
        .config("spark.default.parallelism", str(shuffle))
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.python.worker.reuse", "true")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.extraJavaOptions", "-Dlog4j2.level=WARN")
    )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("WARN")
    return session


def _default_parallelism(master: str) -> int:
    inside = master[master.find("[") + 1:master.find("]")] if "[" in master else "1"
    cores = os.cpu_count() or 1 if inside in ("*", "") else int(inside.split(",")[0])
    return max(2, 2 * cores)


# ---------------------------------------------------------------------------- reading


def input_files(paths: Iterable[Path | str]) -> tuple[list[Path], list[Skipped]]:
    """Files under `paths` in the order `iter_inputs` reads them."""
    files: list[Path] = []
    missing: list[Skipped] = []
    for raw_path in paths:
        path = Path(raw_path)
        if not path.exists():
            missing.append(Skipped(str(path), "no such file or folder"))
        elif path.is_dir():
            files.extend(_walk(path, Metadata()))
        else:
            files.append(path)
    return files, missing


def _read_file(item: tuple[int, str], metadata: Metadata) -> Iterator[tuple[int, RawArticle | Skipped]]:
    index, path = item
    for number, found in enumerate(_iter_file(Path(path))):
        if isinstance(found, RawArticle):
            metadata.apply(found)
        yield (index << POS_BITS) | number, found


def _parquet_row(row: Any, paths: dict[str, tuple[int, str]], metadata: Metadata) -> tuple[int, RawArticle | Skipped]:
    record = row.asDict()
    file_path, number = record.pop("_file_path"), record.pop("_row_index")
    index, path = paths[_local_path(file_path)]
    line = json.dumps(record, ensure_ascii=False, default=str).encode("utf-8")
    found = _jsonl_record(line, f"{path}#{number + 1}", Path(path).name)
    if isinstance(found, RawArticle):
        metadata.apply(found)
    return (index << POS_BITS) | number, found


def _local_path(uri: str) -> str:
    parsed = urlparse(uri)
    return os.path.abspath(unquote(parsed.path) if parsed.scheme else uri)


def read_inputs(spark, paths: Iterable[Path | str], metadata: Metadata | None = None):  # noqa: ANN001, ANN201
    """RDD of (pos, RawArticle | Skipped) for every input, one task per file (Parquet by Spark's
    own reader, split by row groups), plus the Skipped of missing paths."""
    metadata = metadata or Metadata()
    files, missing = input_files(paths)
    sc = spark.sparkContext
    parquet = [(i, str(p)) for i, p in enumerate(files) if p.name.lower().endswith(PARQUET_SUFFIXES)]
    other = [(i, str(p)) for i, p in enumerate(files) if not p.name.lower().endswith(PARQUET_SUFFIXES)]
    parts = []
    if other:
        parts.append(sc.parallelize(other, len(other)).flatMap(lambda item: _read_file(item, metadata)))
    if parquet:
        lookup = {os.path.abspath(p): (i, p) for i, p in parquet}
        frame = spark.read.parquet(*[p for _, p in parquet]).select(
            "*", "_metadata.file_path", "_metadata.row_index")
        frame = frame.withColumnRenamed("file_path", "_file_path").withColumnRenamed("row_index", "_row_index")
        parts.append(frame.rdd.map(lambda row: _parquet_row(row, lookup, metadata)))
    if missing:
        base = len(files) << POS_BITS
        parts.append(sc.parallelize([(base + n, item) for n, item in enumerate(missing)], 1))
    if not parts:
        return sc.emptyRDD()
    return parts[0] if len(parts) == 1 else sc.union(parts)


# ---------------------------------------------------------------------------- per-article work


@dataclass
class Survey:
    """What the order-dependent steps need to know of a raw article before it is cleaned."""

    source: str
    digest: str
    query_outlet: str | None  # the outlet cleaning asks about (metadata, URL or page)
    query_keys: list[str]  # keys of the short lines cleaning may ask about
    count_outlet: str | None  # the outlet this article's lines are counted under, estimated
    short_keys: list[str]  # the keys it adds to its outlet's counts once stored


def survey(raw: RawArticle) -> Survey:
    text, site = raw.text, None
    if raw.html is not None:
        text, _, _, site = extract_html(raw.html, raw.url)
    query_outlet = raw.outlet or outlet_from_url(raw.url) or site
    lines = [line.strip() for line in normalize_text(text).split("\n")] if text else []
    lines = [line for line in lines if line]
    query_keys = sorted({line_key(line) for line in lines if len(line.split()) <= REPEAT_MAX_WORDS} - {""}) \
        if query_outlet else []
    return Survey(raw.source, raw_hash(raw), query_outlet, query_keys, query_outlet or outlet_from_lines(lines),
                  sorted(set(short_line_keys(raw))))


@dataclass
class Result:
    """One processed article, as the later Spark jobs need it."""

    source: str
    digest: str
    used: tuple[str, ...] = ()  # the outlet leftover keys cleaning was given
    document: Document | None = None
    entities: list[Entity] = field(default_factory=list)
    signature: bytes | None = None
    short_keys: list[str] = field(default_factory=list)
    error: str | None = None


def process_partition(items: Iterable[tuple[int, tuple[RawArticle, dict[str, int] | None]]],
                      stage_names: list[str] | None) -> Iterator[tuple[int, Result]]:
    """mapPartitions body: the Annotator (and every model it loads) is built once per partition."""
    counts: dict[str, int] = {}
    annotator = Annotator(stage_names, outlet_lines=lambda _outlet, key: counts.get(key, 0))
    for pos, (raw, leftover_counts) in items:
        counts.clear()
        counts.update(leftover_counts or {})
        processed = annotator.process(raw, raw_hash(raw))
        yield pos, Result(processed.source, processed.raw_hash, tuple(sorted(counts)), processed.document,
                          processed.entities, processed.signature, sorted(set(processed.short_lines)),
                          processed.error)


# ---------------------------------------------------------------------------- Spark types from records


def _spark_type(hint: Any):  # noqa: ANN202
    from pyspark.sql import types as T

    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _spark_type(args[0]) if len(args) == 1 else T.StringType()
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        inner = _spark_type(item)
        return T.ArrayType(inner) if not isinstance(inner, T.StringType) or item is str else T.StringType()
    if hint is bool:
        return T.BooleanType()
    if hint is int:
        return T.LongType()
    if hint is float:
        return T.DoubleType()
    if hint is str:
        return T.StringType()
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return record_schema(hint)
    return T.StringType()  # dicts and anything untyped: a JSON string


def record_schema(cls: type, names: Iterable[str] | None = None):  # noqa: ANN201
    """The Spark schema of a record class, from its type hints: scalars typed, nested records as
    structs, lists as arrays, free-form dicts as JSON strings."""
    from pyspark.sql import types as T

    hints = typing.get_type_hints(cls)
    chosen = list(names) if names is not None else [f.name for f in dataclasses.fields(cls)]
    return T.StructType([T.StructField(name, _spark_type(hints[name]), True) for name in chosen])


def _to_spark(dtype: Any, value: Any) -> Any:
    from pyspark.sql import types as T

    if value is None:
        return None
    if isinstance(dtype, T.StructType):
        if dataclasses.is_dataclass(value):
            return tuple(_to_spark(f.dataType, getattr(value, f.name, None)) for f in dtype.fields)
        return tuple(_to_spark(f.dataType, value.get(f.name)) for f in dtype.fields)
    if isinstance(dtype, T.ArrayType):
        return [_to_spark(dtype.elementType, item) for item in value]
    if isinstance(dtype, T.StringType):
        return value if isinstance(value, str) else json.dumps(dataclasses.asdict(value) if dataclasses.is_dataclass(
            value) else value, ensure_ascii=False)
    if isinstance(dtype, T.DoubleType):
        return float(value)
    if isinstance(dtype, T.LongType):
        return int(value)
    return value


def _row(schema: Any, record: Any, extra: dict[str, Any] | None = None) -> tuple:
    extra = extra or {}
    return tuple(extra[f.name] if f.name in extra else
                 _to_spark(f.dataType, getattr(record, f.name, None)) for f in schema.fields)


# ---------------------------------------------------------------------------- the run


@dataclass
class SparkSummary:
    read: int = 0
    stored: int = 0
    same_as: int = 0
    unchanged: int = 0
    near_duplicates: int = 0
    skipped: int = 0
    entities: int = 0
    mentions: int = 0
    events: int = 0
    folded: int = 0
    merged_events: int = 0
    stories: int = 0
    rounds: int = 0
    reprocessed: int = 0
    cross_document: list[str] = field(default_factory=list)
    tables: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def run_spark(inputs: Iterable[Path | str], out: Path | str, master: str = "local[*]",
              partitions: int | None = None, meta_path: Path | None = None,
              stage_names: list[str] | None = None, spark=None) -> SparkSummary:  # noqa: ANN001
    """Read, annotate and write the Parquet tables under `out` (replaced if present)."""
    started = time.perf_counter()
    own_session = spark is None
    spark = spark or spark_session(master, partitions)
    try:
        summary = _run(spark, list(inputs), Path(out), partitions or spark.sparkContext.defaultParallelism,
                       load_metadata(meta_path), stage_names)
    finally:
        if own_session:
            spark.stop()
    summary.seconds = time.perf_counter() - started
    return summary


def _run(spark, inputs: list, out: Path, partitions: int, metadata: Metadata,  # noqa: ANN001, PLR0915
         stage_names: list[str] | None) -> SparkSummary:
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    summary = SparkSummary()
    keep = StorageLevel.MEMORY_AND_DISK
    items = read_inputs(spark, inputs, metadata).persist(keep)
    skipped = items.filter(lambda kv: isinstance(kv[1], Skipped))

    # One copy of each input: the same source with the same content later in the input is "unchanged".
    raws = items.filter(lambda kv: isinstance(kv[1], RawArticle)).partitionBy(partitions).persist(keep)
    surveys = raws.mapValues(survey).persist(keep)
    ident = spark.createDataFrame(surveys.map(lambda kv: (kv[0], kv[1].source, kv[1].digest)),
                                  "pos long, source string, digest string")
    repeat = ident.withColumn("n", F.row_number().over(Window.partitionBy("source", "digest").orderBy("pos"))) \
        .where("n > 1").select("pos")
    summary.unchanged = repeat.count()
    if summary.unchanged:
        repeated = repeat.rdd.map(lambda r: (r.pos, None)).partitionBy(partitions)
        raws = raws.subtractByKey(repeated, partitions).persist(keep)
        surveys = surveys.subtractByKey(repeated, partitions).persist(keep)

    query_schema = "pos long, outlet string, key string"
    queries = spark.createDataFrame(surveys.flatMap(
        lambda kv: [(kv[0], kv[1].query_outlet, key) for key in kv[1].query_keys]), query_schema).persist(keep)
    estimated = spark.createDataFrame(surveys.flatMap(
        lambda kv: [(kv[0], kv[1].count_outlet, key) for key in kv[1].short_keys] if kv[1].count_outlet else []),
        query_schema)

    def leftovers(contributions):  # noqa: ANN001, ANN202 - DataFrames of (pos, outlet, key)
        """pos -> {key: count} for each query line printed by the outlet in ≥ MIN earlier stored articles."""
        rows = queries.withColumn("is_contrib", F.lit(0)).unionByName(
            contributions.withColumn("is_contrib", F.lit(1)))
        window = Window.partitionBy("outlet", "key").orderBy("pos", "is_contrib") \
            .rowsBetween(Window.unboundedPreceding, Window.currentRow)
        counted = rows.withColumn("earlier", F.sum("is_contrib").over(window)) \
            .where((F.col("is_contrib") == 0) & (F.col("earlier") >= OUTLET_LINE_MIN_DOCS))
        return counted.groupBy("pos").agg(F.map_from_entries(F.collect_list(F.struct("key", "earlier"))).alias("c"))

    def process(subset, counts_frame):  # noqa: ANN001, ANN202
        counts = counts_frame.rdd.map(lambda r: (r.pos, dict(r.c))).partitionBy(partitions)
        joined = subset.leftOuterJoin(counts, partitions)
        return joined.mapPartitions(lambda part: process_partition(part, stage_names), preservesPartitioning=True)

    results = process(raws, leftovers(estimated)).persist(keep)
    status_schema = T.StructType([T.StructField("pos", T.LongType()), T.StructField("id", T.StringType()),
                                  T.StructField("content_hash", T.StringType()),
                                  T.StructField("outlet", T.StringType()),
                                  T.StructField("short_keys", T.ArrayType(T.StringType())),
                                  T.StructField("used", T.ArrayType(T.StringType()))])

    def status_of(results):  # noqa: ANN001, ANN202
        return spark.createDataFrame(results.map(lambda kv: (
            kv[0], kv[1].document.id if kv[1].document else None,
            kv[1].document.content_hash if kv[1].document else None,
            kv[1].document.outlet if kv[1].document else None, kv[1].short_keys, list(kv[1].used))), status_schema)

    for round_number in range(1, MAX_ROUNDS + 1):
        summary.rounds = round_number
        stored = _stored(status_of(results))
        contributions = stored.where(F.col("outlet").isNotNull()).select(
            "pos", "outlet", F.explode("short_keys").alias("key"))
        now = leftovers(contributions).select("pos", F.array_sort(F.map_keys("c")).alias("keys"))
        changed = status_of(results).select("pos", F.array_sort("used").alias("used")).join(now, "pos", "left") \
            .where(F.coalesce(F.col("keys"), F.array().cast("array<string>")) != F.col("used")).select("pos")
        redo_count = changed.count()
        if not redo_count:
            break
        summary.reprocessed += redo_count
        log.info("outlet leftovers: round %d re-cleans %d articles", round_number, redo_count)
        redo = changed.rdd.map(lambda r: (r.pos, None)).partitionBy(partitions)
        subset = raws.join(redo, partitions).mapValues(lambda pair: pair[0])
        counts_frame = leftovers(contributions).join(changed, "pos")
        again = process(subset, counts_frame)
        previous = results
        results = previous.subtractByKey(redo, partitions).union(again).partitionBy(partitions).persist(keep)
        results.count()
        previous.unpersist()
    else:
        log.warning("outlet leftovers did not settle in %d rounds; results may differ from a sequential run",
                    MAX_ROUNDS)

    final_pos = _stored(status_of(results)).rdd.map(lambda r: (r.pos, None)).partitionBy(partitions)
    kept = results.join(final_pos, partitions).persist(keep)  # (pos, (Result, None)): the stored articles
    # A later article with the same id replaces the earlier one (single-machine INSERT OR REPLACE).
    last_of_id = spark.createDataFrame(kept.map(lambda kv: (kv[0], kv[1][0].document.id)), "pos long, id string") \
        .withColumn("n", F.row_number().over(Window.partitionBy("id").orderBy(F.desc("pos")))).where("n = 1")
    docs = kept.join(last_of_id.rdd.map(lambda r: (r.pos, None)).partitionBy(partitions), partitions) \
        .mapValues(lambda pair: pair[0][0]).persist(keep)

    duplicate_of = _near_duplicates(spark, docs, partitions)
    dup_rdd = duplicate_of.rdd.map(lambda r: (r.pos, r.duplicate_of)).partitionBy(partitions)
    documents = docs.leftOuterJoin(dup_rdd, partitions).mapValues(_with_duplicate).persist(keep)

    out.mkdir(parents=True, exist_ok=True)
    doc_schema = record_schema(Document, DOCUMENT_FIELDS).add("position", T.LongType())
    doc_frame = spark.createDataFrame(documents.map(lambda kv: _row(doc_schema, kv[1], {"position": kv[0]})),
                                      doc_schema)
    _write(doc_frame.orderBy("position"), out / "documents", summary)

    skipped_schema = "position long, source string, reason string"
    skipped_rows = skipped.map(lambda kv: (kv[0], kv[1].source, kv[1].reason)).union(
        results.filter(lambda kv: kv[1].document is None).map(lambda kv: (kv[0], kv[1].source, kv[1].error)))
    _write(spark.createDataFrame(skipped_rows, skipped_schema).orderBy("position"), out / "skipped", summary)

    # The per-document records, before the cross-document pass (run_cross_document's input).
    mention_rows = documents.flatMap(lambda kv: [(kv[0], kv[1].id, m) for m in _unique_mentions(kv[1])]).persist(keep)
    entity_records = kept.flatMap(lambda kv: [(e.id, (kv[0], e)) for e in kv[1][0].entities]) \
        .groupByKey(partitions).map(lambda kv: _merge_entities(kv[1])).map(lambda pe: (pe[1].id, pe)).persist(keep)
    # One record per event id: a later document's event with the same id replaces it, as in the store.
    event_records = documents.flatMap(lambda kv: [(e.id, (kv[0], kv[1].id, e)) for e in _unique_events(kv[1])]) \
        .reduceByKey(lambda a, b: a if a[0] > b[0] else b, partitions).persist(keep)
    summary.cross_document = cross_document(spark, out, summary, partitions, mention_rows, entity_records,
                                            event_records)
    for rdd in (mention_rows, entity_records, event_records):
        rdd.unpersist()

    figures = spark.read.parquet(str(out / "documents")).agg(
        F.count("*").alias("n"), F.count("duplicate_of").alias("dups")).first()
    summary.stored, summary.near_duplicates = figures.n, figures.dups
    summary.read = items.count()
    summary.skipped = spark.read.parquet(str(out / "skipped")).count()
    summary.same_as = results.filter(lambda kv: kv[1].document is not None).count() - kept.count()
    summary.mentions = spark.read.parquet(str(out / "mentions")).count()
    summary.events = spark.read.parquet(str(out / "events")).count()
    summary.entities = spark.read.parquet(str(out / "entities")).count()
    for rdd in (items, raws, surveys, results, kept, docs, documents):
        rdd.unpersist()
    queries.unpersist()
    return summary


def _stored(status):  # noqa: ANN001, ANN202
    """Rows that the single-machine run stores: no error, and the first of their content hash
    (or sharing that first article's id, which then replaces it)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    ok = status.where(F.col("id").isNotNull())
    by_hash = Window.partitionBy("content_hash").orderBy("pos")
    ok = ok.withColumn("first_id", F.first("id").over(by_hash))
    return ok.where(F.col("id") == F.col("first_id"))


def _with_duplicate(pair: tuple[Result, str | None]) -> Document:
    result, duplicate_of = pair
    doc = result.document
    assert doc is not None
    doc.duplicate_of = duplicate_of
    return doc


def _unique_mentions(doc: Document) -> list[Mention]:
    seen: dict[tuple[int, int], Mention] = {}
    for mention in doc.mentions:  # INSERT OR IGNORE on (doc, start, end): the first stays
        seen.setdefault((mention.start, mention.end), mention)
    return list(seen.values())


def _unique_events(doc: Document) -> list[Event]:
    return list({event.id: event for event in doc.events}.values())


def _merge_entities(found: Iterable[tuple[int, Entity]]) -> tuple[int, Entity]:
    """Fold an entity's records in input order with the store's own merge rule."""
    from marsad.store.sqlite import _merge_entity

    ordered = sorted(found, key=lambda pe: pe[0])
    merged = ordered[0][1]
    for _, entity in ordered[1:]:
        merged = _merge_entity(merged, entity)
    return ordered[0][0], merged


def _write(frame, path: Path, summary: SparkSummary) -> None:  # noqa: ANN001
    frame.write.mode("overwrite").parquet(str(path))
    summary.tables[path.name] = str(path)


# ---------------------------------------------------------------------------- near-duplicates


def _bands_of(pos: int, result: Result) -> list[tuple[tuple[int, bytes], tuple[int, str]]]:
    if result.signature is None or result.document is None:
        return []
    sig = duplicates.from_bytes(result.signature)
    return [((band, key), (pos, result.document.id)) for band, key in duplicates.bands(sig)]


def _bucket_pairs(members: Iterable[tuple[int, str]]) -> Iterator[tuple[int, int]]:
    ordered = sorted(set(members))
    for i, (later_pos, later_id) in enumerate(ordered):
        for earlier_pos, earlier_id in ordered[:i]:
            if earlier_id != later_id:
                yield later_pos, earlier_pos


def _near_duplicates(spark, docs, partitions: int):  # noqa: ANN001, ANN202
    """DataFrame (pos, duplicate_of) for documents with an earlier near-duplicate."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    pairs = docs.flatMap(lambda kv: _bands_of(kv[0], kv[1])).groupByKey(partitions) \
        .flatMap(lambda kv: _bucket_pairs(kv[1])).distinct(partitions)
    sigs = docs.mapValues(lambda r: (r.document.id, r.signature))
    scored = pairs.join(sigs, partitions) \
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))) \
        .join(sigs, partitions) \
        .map(lambda kv: _score(kv[1][0], kv[1][1])) \
        .filter(lambda row: row[4] >= duplicates.DUPLICATE_THRESHOLD)
    frame = spark.createDataFrame(scored, "pos long, id string, c_pos long, c_id string, score double")
    best = frame.withColumn("rank", F.row_number().over(
        Window.partitionBy("pos").orderBy(F.desc("score"), F.desc("c_id")))).where("rank = 1").select("pos", "id", "c_id")
    return _canonical(best).select("pos", "duplicate_of")


def _score(later: tuple[int, tuple[str, bytes]], earlier: tuple[str, bytes]) -> tuple:
    later_pos, (later_id, later_sig) = later
    earlier_id, earlier_sig = earlier
    score = duplicates.similarity(duplicates.from_bytes(later_sig), duplicates.from_bytes(earlier_sig))
    return later_pos, later_id, None, earlier_id, score


def _canonical(best):  # noqa: ANN001, ANN202
    """Follow best-candidate links to the document that has none (pointer jumping)."""
    from pyspark.sql import functions as F

    links = best.select("pos", "id", F.col("c_id").alias("duplicate_of")).persist()
    for _ in range(64):
        parent = links.select(F.col("id").alias("p_id"), F.col("duplicate_of").alias("p_dup"))
        jumped = links.join(parent, links.duplicate_of == parent.p_id, "left") \
            .select("pos", "id", F.coalesce("p_dup", "duplicate_of").alias("duplicate_of"), "p_dup").persist()
        moved = jumped.where(F.col("p_dup").isNotNull()).count()
        links.unpersist()
        links = jumped.drop("p_dup").persist()
        jumped.unpersist()
        if not moved:
            break
    return links


# ---------------------------------------------------------------------------- cross-document steps


def cross_document(spark, out: Path, summary: SparkSummary, partitions: int,  # noqa: ANN001
                   mention_rows, entity_records, event_records) -> list[str]:  # noqa: ANN001
    """run_cross_document as Spark jobs (marsad.batch.cross): entities clustered and folded, then events
    merged, disputes linked, stories grouped; writes `mentions`, `entities`, `events` (with the merged
    ids and folded actors), `merged_events` and `stories`.

    `mention_rows`: RDD (position, doc id, Mention); `entity_records`: RDD (id, (first position,
    Entity)); `event_records`: RDD (id, (position, doc id, Event))."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    from marsad.batch import cross

    done: list[str] = []
    # 1. entities: cluster per type, fold, and point mentions and event actors at the canonical ids.
    entities = entity_records.mapValues(lambda pe: pe[1])
    moves = cross.entity_moves(entities, mention_rows.filter(lambda r: r[2].entity_id).map(
        lambda r: (r[2].entity_id, r[1])), partitions).persist()
    summary.folded = moves.count()
    done.append("entities")
    mention_schema = record_schema(Mention).add("doc_id", T.StringType()).add("position", T.LongType())
    mentions = spark.createDataFrame(mention_rows.map(
        lambda r: _row(mention_schema, r[2], {"doc_id": r[1], "position": r[0]})), mention_schema)
    moved = spark.createDataFrame(moves, "old string, new string")
    mentions = mentions.join(moved, mentions.entity_id == moved.old, "left") \
        .withColumn("entity_id", F.coalesce("new", "entity_id")).select(*mention_schema.fieldNames())
    _write(mentions.orderBy("position", "start", "end"), out / "mentions", summary)

    first_position = entity_records.mapValues(lambda pe: pe[0])
    folded = cross.fold_entities(entities, moves, partitions).join(first_position, partitions)
    entity_schema = record_schema(Entity).add("first_position", T.LongType())
    entity_frame = spark.createDataFrame(folded.map(
        lambda kv: _row(entity_schema, kv[1][0], {"first_position": kv[1][1]})), entity_schema)
    # The export contract's `mentions` of an entity: every mention linked to it, by document and offset.
    mention_type = "array<struct<doc:string,start:bigint,end:bigint,text:string>>"
    refs = spark.read.parquet(str(out / "mentions")).where(F.col("entity_id").isNotNull()).groupBy("entity_id").agg(
        F.array_sort(F.collect_list(F.struct(F.col("doc_id").alias("doc"), "start", "end", "text"))).alias("refs"))
    entity_frame = entity_frame.join(refs, entity_frame.id == refs.entity_id, "left").withColumn(
        "mentions", F.coalesce("refs", F.array().cast(mention_type))).drop("entity_id", "refs")
    _write(entity_frame.orderBy("id"), out / "entities", summary)

    # 2. events: merged per block, disputes linked per family component, stories as components.
    events = cross.relink_actors(event_records, moves, partitions).persist()
    merged, links = cross.merge_all(spark, events, partitions)
    merged = cross.link_all(spark, merged, partitions).persist()
    done.append("events")
    labels = cross.story_of(spark, merged, partitions).persist()
    stories, story_of = cross.group_stories(merged, labels, partitions)
    stories = stories.persist()
    done.append("stories")

    event_schema = record_schema(Event).add("doc_id", T.StringType()).add("position", T.LongType()) \
        .add("merged_id", T.StringType())
    event_frame = spark.createDataFrame(events.leftOuterJoin(links, partitions).map(lambda kv: _row(
        event_schema, kv[1][0][2], {"doc_id": kv[1][0][1], "position": kv[1][0][0], "merged_id": kv[1][1]})),
        event_schema)
    _write(event_frame.orderBy("position", "id"), out / "events", summary)

    merged_schema = record_schema(Event).add("story_id", T.StringType()).add("outlets", T.ArrayType(T.StringType())) \
        .add("disputed", T.BooleanType()).add("position", T.LongType())
    ranked = merged.leftOuterJoin(story_of, partitions).map(lambda kv: (kv[1][0][0], (kv[1][0][1], kv[1][1]))) \
        .sortByKey(numPartitions=partitions).zipWithIndex()
    merged_rows = ranked.map(lambda pair: _row(merged_schema, pair[0][1][0], {
        "story_id": pair[0][1][1], "position": pair[1], "disputed": bool(pair[0][1][0].disputes),
        "outlets": sorted({r.doc for r in pair[0][1][0].reports})}))
    _write(spark.createDataFrame(merged_rows, merged_schema).orderBy("position"), out / "merged_events", summary)

    story_schema = ("id string, title string, date_start string, date_end string, "
                    "events array<string>, docs array<string>")
    story_rows = stories.map(lambda st: (st["id"], st["title"], st["date_start"], st["date_end"], st["events"],
                                         st["docs"]))
    _write(spark.createDataFrame(story_rows, story_schema).orderBy("id"), out / "stories", summary)
    summary.merged_events = spark.read.parquet(str(out / "merged_events")).count()
    summary.stories = spark.read.parquet(str(out / "stories")).count()
    for rdd in (moves, events, merged, stories):
        rdd.unpersist()
    labels.unpersist()
    return done

"""Spark batch mode gives the single-machine pipeline's results on the same input."""

from __future__ import annotations

import gzip
import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from marsad.pipeline import run as run_pipeline
from marsad.store import Store

pytestmark = [pytest.mark.spark, pytest.mark.slow]

SNN_ARTICLES = 300


def _need_spark() -> None:
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("PySpark is not installed (pip install -e '.[spark]')")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (make system-deps): Spark needs a JRE")


@pytest.fixture(scope="module")
def spark():
    _need_spark()
    from marsad.batch.spark import spark_session

    session = spark_session("local[2]", partitions=4, app="marsad-test")
    yield session
    session.stop()


def seeds_jsonl(seeds: Path, out: Path) -> Path:
    """The seed articles as one JSON Lines file, with meta.jsonl's fields on each record."""
    meta = {}
    for line in (seeds / "meta.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            meta[record.pop("file")] = record
    with out.open("w", encoding="utf-8") as handle:
        for path in sorted(seeds.glob("*.txt")):
            record = {"text": path.read_text(encoding="utf-8"), **meta.get(path.name, {})}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            # The same article again with another URL: an identical body is stored once.
            if path == sorted(seeds.glob("*.txt"))[0]:
                handle.write(json.dumps({**record, "url": "https://example.org/copy"}, ensure_ascii=False) + "\n")
    return out


def snn_jsonl(shared: Path, out: Path, limit: int) -> Path:
    """The first `limit` saudinewsnet articles, plus near-copies of a few (one word changed, new
    id) so that near-duplicates and their canonical documents are compared too."""
    source = shared / "data" / "saudinewsnet" / "articles.jsonl.gz"
    if not source.exists():
        pytest.skip(f"needs {source}")
    with gzip.open(source, "rt", encoding="utf-8") as handle, gzip.open(out, "wt", encoding="utf-8") as sink:
        for number, line in enumerate(handle):
            if number >= limit:
                break
            sink.write(line)
            if number % 50 == 7:
                record = json.loads(line)
                words = record["text"].split(" ")
                words[len(words) // 2] = "كلمة"
                record.update(id=record["id"] + "-copy", text=" ".join(words))
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def single_machine(path: Path, db: Path) -> dict:
    run_pipeline([path], db)
    with Store(db, readonly=True) as store:
        conn = store.conn
        docs = {r["id"]: (r["text"], r["title"], r["published_date"], r["duplicate_of"])
                for r in conn.execute("SELECT id, text, title, published_date, duplicate_of FROM documents")}
        entities = sorted(r[0] for r in conn.execute("SELECT id FROM entities"))
        events = sorted(r[0] for r in conn.execute("SELECT id FROM events"))
        mentions = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    return {"docs": docs, "entities": entities, "events": events, "mentions": mentions}


def with_spark(spark, path: Path, out: Path) -> dict:  # noqa: ANN001
    from marsad.batch.spark import run_spark

    run_spark([path], out, spark=spark, partitions=4)
    docs = {r.id: (r.text, r.title, r.published.date, r.duplicate_of)
            for r in spark.read.parquet(str(out / "documents")).collect()}
    entities = sorted(r.id for r in spark.read.parquet(str(out / "entities")).select("id").collect())
    events = sorted(r.id for r in spark.read.parquet(str(out / "events")).select("id").collect())
    mentions = spark.read.parquet(str(out / "mentions")).count()
    return {"docs": docs, "entities": entities, "events": events, "mentions": mentions}


def assert_same(single: dict, batch: dict) -> None:
    assert sorted(batch["docs"]) == sorted(single["docs"])
    differing = [doc_id for doc_id in single["docs"] if single["docs"][doc_id] != batch["docs"][doc_id]]
    assert not differing, f"{len(differing)} documents differ, e.g. {differing[:3]}"
    assert batch["entities"] == single["entities"]
    assert batch["events"] == single["events"]
    assert batch["mentions"] == single["mentions"]


def test_seeds_same_as_single_machine(spark, seeds_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    path = seeds_jsonl(seeds_dir, tmp_path / "seeds.jsonl")
    single = single_machine(path, tmp_path / "seeds.db")
    batch = with_spark(spark, path, tmp_path / "spark")
    assert len(single["docs"]) == len(list(seeds_dir.glob("*.txt")))  # the copy is one document
    assert_same(single, batch)


def test_saudinewsnet_same_as_single_machine(spark, shared_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    path = snn_jsonl(shared_dir, tmp_path / "snn.jsonl.gz", SNN_ARTICLES)
    single = single_machine(path, tmp_path / "snn.db")
    batch = with_spark(spark, path, tmp_path / "spark")
    assert sum(1 for v in single["docs"].values() if v[3]) >= SNN_ARTICLES // 50  # the near-copies were found
    assert_same(single, batch)


def test_parquet_input_reads_in_row_order(spark, tmp_path: Path) -> None:  # noqa: ANN001
    from marsad.batch.spark import POS_BITS, read_inputs
    from marsad.records import RawArticle

    _need_spark()
    rows = [{"id": f"a{n}", "text": f"نص المقال رقم {n} عن الأحداث في المدينة.", "outlet": "x"} for n in range(50)]
    spark.createDataFrame(rows).coalesce(1).write.parquet(str(tmp_path / "in.parquet"))
    files = sorted((tmp_path / "in.parquet").glob("*.parquet"))
    items = sorted(read_inputs(spark, files).collect(), key=lambda kv: kv[0])
    assert [item.id for _, item in items] == [f"a{n}" for n in range(50)]
    assert all(isinstance(item, RawArticle) for _, item in items)
    assert items[3][0] & ((1 << POS_BITS) - 1) == 3


def test_missing_input_is_reported(spark, tmp_path: Path) -> None:  # noqa: ANN001
    from marsad.batch.spark import run_spark

    summary = run_spark([tmp_path / "nothing-here.jsonl"], tmp_path / "out", spark=spark, partitions=2)
    assert summary.stored == 0
    assert summary.skipped == 1
    reasons = [r.reason for r in spark.read.parquet(str(tmp_path / "out" / "skipped")).collect()]
    assert reasons == ["no such file or folder"]


def _contract_fields(section: str) -> list[str]:
    """Field names of one export file as docs/format.md lists them (table rows or backticked names)."""
    import re

    text = (Path(__file__).resolve().parents[2] / "docs" / "format.md").read_text(encoding="utf-8")
    body = text.split(f"### {section}", 1)[1].split("\n### ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \|", body, flags=re.M)
    return rows or [name for name in re.findall(r"`(\w+)`", body) if name.islower()]


def test_cli_spark_command_writes_the_contract_tables(spark, seeds_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """`marsad spark IN OUT --master local[2]` in its own process: Parquet tables whose columns are the
    export contract's (docs/format.md), with the single-machine results."""
    import dataclasses
    import subprocess
    import sys

    from marsad.batch.compare import parquet_fingerprint, store_fingerprint
    from marsad.records import Event

    path = seeds_jsonl(seeds_dir, tmp_path / "seeds.jsonl")
    out = tmp_path / "tables"
    done = subprocess.run([sys.executable, "-m", "marsad", "spark", str(path), str(out), "--master", "local[2]"],
                          capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"read {len(list(seeds_dir.glob('*.txt'))) + 1} inputs" in done.stdout
    for table in ("documents", "mentions", "entities", "events", "skipped"):
        assert (out / table).is_dir(), table

    documents = set(spark.read.parquet(str(out / "documents")).columns)
    assert set(_contract_fields("documents.jsonl")) <= documents
    assert {"id", "text", "published", "duplicate_of", "mentions", "events"} <= documents
    entities = spark.read.parquet(str(out / "entities"))
    entity_fields = _contract_fields("entities.jsonl")
    assert {"id", "name_ar", "variants", "mentions"} <= set(entity_fields) <= set(entities.columns)
    first = entities.where("size(mentions) > 0").first()
    assert first is not None and set(first.mentions[0].asDict()) == {"doc", "start", "end", "text"}
    events = set(spark.read.parquet(str(out / "events")).columns)
    assert {f.name for f in dataclasses.fields(Event)} <= events
    assert {"doc_id", "start", "end", "text", "type", "entity_id"} <= set(spark.read.parquet(str(out / "mentions")).columns)

    single_machine(path, tmp_path / "seeds.db")
    assert parquet_fingerprint(spark, out) == store_fingerprint(tmp_path / "seeds.db")


def test_cli_spark_needs_an_output(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from marsad.cli import app

    result = CliRunner().invoke(app, ["spark", str(tmp_path / "in.jsonl")])
    assert result.exit_code == 2
    assert "output folder" in result.output

"""The CLI end to end on the bundled sample: run, re-run, stats, show, export contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
runner = CliRunner()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "m.db"
    result = runner.invoke(app, ["run", str(SAMPLE), "--meta", str(SAMPLE / "meta.jsonl"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "stored 8" in result.output and "skipped 0" in result.output
    return db


def test_rerun_reports_everything_unchanged(sample_db: Path) -> None:
    result = runner.invoke(app, ["run", str(SAMPLE), "--meta", str(SAMPLE / "meta.jsonl"), "--db", str(sample_db)])
    assert result.exit_code == 0 and "stored 0, unchanged 8" in result.output


def test_bad_inputs_are_listed_in_summary_and_stats(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "ok.txt").write_text("أعلنت وزارة الصحة في بيان أن ثلاثة أشخاص أصيبوا في حادث سير على الطريق.", "utf-8")
    db = tmp_path / "m.db"
    result = runner.invoke(app, ["run", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 0
    assert "stored 1" in result.output and "skipped 2" in result.output
    assert "empty file" in result.output and "binary" in result.output
    stats = runner.invoke(app, ["stats", "--db", str(db)])
    assert "empty file" in stats.output and "binary" in stats.output


def test_missing_meta_or_db_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(SAMPLE), "--meta", str(tmp_path / "none.jsonl"), "--db",
                                 str(tmp_path / "m.db")])
    assert result.exit_code == 2 and "no metadata file" in result.output
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no database" in result.output


def test_stats_json(sample_db: Path) -> None:
    result = runner.invoke(app, ["stats", "--db", str(sample_db), "--json"])
    figures = json.loads(result.output)
    assert figures["documents"] == 8 and figures["near_duplicates"] == 1


def test_show_prints_the_clean_article(sample_db: Path) -> None:
    documents = json.loads(runner.invoke(app, ["stats", "--db", str(sample_db), "--json"]).output)
    assert documents["documents"]
    from marsad.store import Store

    with Store(sample_db, readonly=True) as store:
        doc = next(store.iter_documents())
    result = runner.invoke(app, ["show", doc.id[:8], "--db", str(sample_db)])
    assert result.exit_code == 0 and doc.text.split("\n")[0][:30] in result.output
    assert runner.invoke(app, ["show", "nope", "--db", str(sample_db)]).exit_code == 2


def test_export_follows_the_contract(sample_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(sample_db), "--out", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in (tmp_path / "documents.jsonl").read_text("utf-8").splitlines()]
    assert len(docs) == 8
    for doc in docs:
        assert {"id", "source", "outlet", "title", "dateline", "published", "text", "removed",
                "duplicate_of"} <= set(doc)
        assert set(doc["published"]) == {"date", "time", "precision", "basis"}
    assert sum(1 for d in docs if d["duplicate_of"]) == 1
    assert all(d["published"]["date"] for d in docs), "every sample article has a date (metadata or text)"
    for name in ("entities.jsonl", "events.jsonl"):
        assert (tmp_path / name).exists()
    for line in (tmp_path / "entities.jsonl").read_text("utf-8").splitlines():
        entity = json.loads(line)
        text = {d["id"]: d["text"] for d in docs}
        for mention in entity["mentions"]:
            assert text[mention["doc"]][mention["start"]:mention["end"]] == mention["text"]
    bad = runner.invoke(app, ["export", "--db", str(sample_db), "--out", str(tmp_path), "--format", "xml"])
    assert bad.exit_code == 2 and "unknown format" in bad.output


def test_help_everywhere() -> None:
    for command in ([], ["run"], ["export"], ["stats"], ["show"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_events_listing_and_filters(sample_db: Path) -> None:
    listing = runner.invoke(app, ["events", "--db", str(sample_db), "--limit", "1000"])
    assert listing.exit_code == 0, listing.output
    total = int(listing.output.strip().splitlines()[-1].split(" of ")[1].split()[0])
    assert total > 0
    as_json = runner.invoke(app, ["events", "--db", str(sample_db), "--json", "--type", "Battles"])
    records = [json.loads(line) for line in as_json.output.splitlines()]
    assert records and all(r["type"] == "Battles" for r in records)
    late = runner.invoke(app, ["events", "--db", str(sample_db), "--json", "--since", "2019-06"])
    assert all((json.loads(line)["date"]["end"] or "9999") >= "2019-06-01" for line in late.output.splitlines())
    bad = runner.invoke(app, ["events", "--db", str(sample_db), "--since", "2019-13"])
    assert bad.exit_code == 2 and "month" in bad.output
    unknown = runner.invoke(app, ["events", "--db", str(sample_db), "--near", "لامكانيستان"])
    assert unknown.exit_code == 2 and "cannot place" in unknown.output

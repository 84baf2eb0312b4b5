"""The store: idempotent re-runs, crash safety, schema versioning."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad import pipeline
from marsad.records import Document, Entity
from marsad.store import SCHEMA_VERSION, Store, StoreError

LINES = [
    "أعلنت وزارة الصحة في بيان أمس أن ثلاثة أشخاص أصيبوا بجروح في حادث سير على الطريق الدولي.",
    "وقال مسؤول في الوزارة إن حالة المصابين مستقرة وإن التحقيق جار لمعرفة أسباب الحادث وملابساته.",
]


def write_articles(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        words = " ".join(f"كلمة{n}_{k}" for k in range(12))
        (folder / f"a{n:04d}.txt").write_text(f"{LINES[0]}\nمقال رقم {n}: {words}.\n{LINES[1]}", encoding="utf-8")


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "inputs", "lsh_bands", "mentions", "events", "documents_fts")}


def stored_so_far(db: Path) -> int:
    """Documents stored by a run still in progress; 0 until its schema exists (the file appears first)."""
    if not db.exists():
        return 0
    try:
        return table_counts(db)["documents"]
    except sqlite3.OperationalError:
        return 0


def test_rerun_changes_nothing(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 5)
    db = tmp_path / "m.db"
    first = pipeline.run([tmp_path / "in"], db)
    before = table_counts(db)
    second = pipeline.run([tmp_path / "in"], db)
    assert first.stored == 5 and second.stored == 0 and second.unchanged == 5
    assert table_counts(db) == before


def test_identical_bodies_are_one_document(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 1)
    (tmp_path / "in" / "copy.txt").write_text((tmp_path / "in" / "a0000.txt").read_text("utf-8") + "\n\nشارك",
                                             encoding="utf-8")
    summary = pipeline.run([tmp_path / "in"], tmp_path / "m.db")
    assert summary.stored == 1 and summary.same_as == 1


def test_near_duplicate_is_flagged(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = " ".join(LINES * 3)
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("الدولي", "السريع", 1), encoding="utf-8")
    (folder / "c.txt").write_text("خبر مختلف تماماً عن اجتماع وزراء الخارجية العرب في القاهرة لبحث الأزمة.", "utf-8")
    db = tmp_path / "m.db"
    summary = pipeline.run([folder], db)
    assert summary.near_duplicates == 1
    with Store(db, readonly=True) as store:
        flagged = store.conn.execute("SELECT source, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL"
                                     ).fetchall()
        first_id = store.conn.execute("SELECT id FROM documents WHERE source LIKE '%a.txt'").fetchone()[0]
    assert len(flagged) == 1 and flagged[0]["source"].endswith("b.txt") and flagged[0]["duplicate_of"] == first_id


def test_crash_mid_run_leaves_stored_articles_whole_and_rerun_completes(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    write_articles(tmp_path / "in", 6)
    db = tmp_path / "m.db"
    real_save = Store.save_document
    calls = {"n": 0}

    def crash_on_fourth(self: Store, doc: Document, *args: object, **kwargs: object) -> None:
        calls["n"] += 1
        real_save(self, doc, *args, **kwargs)  # half of the work is written inside the transaction...
        if calls["n"] == 4:
            raise KeyboardInterrupt  # ...then the run dies before the commit
    monkeypatch.setattr(Store, "save_document", crash_on_fourth)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([tmp_path / "in"], db)
    counts = table_counts(db)
    assert counts["documents"] == 3 and counts["documents_fts"] == 3 and counts["inputs"] == 3
    monkeypatch.setattr(Store, "save_document", real_save)
    summary = pipeline.run([tmp_path / "in"], db)
    assert summary.stored == 3 and summary.unchanged == 3
    assert table_counts(db)["documents"] == 6


def test_killed_process_leaves_a_consistent_database(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    write_articles(tmp_path / "in", 400)
    db = tmp_path / "m.db"
    command = [sys.executable, "-m", "marsad", "-q", "run", str(tmp_path / "in"), "--db", str(db)]
    process = subprocess.Popen(command)
    deadline = time.time() + 30
    while time.time() < deadline and stored_so_far(db) < 20:
        time.sleep(0.1)
    process.kill()
    process.wait()
    partial = table_counts(db)
    assert partial["documents"] == partial["documents_fts"] == partial["inputs"]
    subprocess.run(command, check=True)
    assert table_counts(db)["documents"] == 400


def test_schema_version_and_foreign_files(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with Store(db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        Store(db)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a marsad database"):
        Store(junk)
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "missing.db", readonly=True)


def test_entities_accumulate_variants_without_losing_facts(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        with store.transaction():
            store.save_entity(Entity("p1", "PERS", "ترمب", name_en="Donald Trump", wikidata="Q22686"))
            store.save_entity(Entity("p1", "PERS", "ترامب", name_en="Tramb", name_en_romanised=True))
        (record,) = list(store.iter_records("entities"))
    assert record["name_en"] == "Donald Trump" and record["wikidata"] == "Q22686"
    assert {"ترمب", "ترامب"} <= set(record["variants"])


def test_version_1_file_is_migrated_to_the_indexed_schema(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path):
        pass
    conn = sqlite3.connect(path)  # make it look like a version 1 file with the API's old copies
    conn.execute("DROP INDEX events_dates")
    conn.execute("CREATE INDEX events_date_id ON events(date_start, id)")
    conn.execute("CREATE INDEX api_events_date_id ON events(date_start, id)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store(path) as store:
        names = {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    assert {"events_dates", "merged_dates", "merged_end", "events_end", "events_type_dates"} <= names
    assert not any(name.startswith("api_") for name in names) and "events_date_id" not in names


def _document(number: int, body: str) -> Document:
    doc = Document(id=f"d{number}", source=f"s{number}.txt", text=body, title=f"عنوان {number}")
    doc.content_hash = f"hash-{body}"
    return doc


def fts_rows(store: Store) -> set[tuple[int, str]]:
    return {(row[0], row[1]) for row in store.conn.execute("SELECT rowid, doc_id FROM documents_fts")}


def document_rows(store: Store) -> set[tuple[int, str]]:
    return {(row[0], row[1]) for row in store.conn.execute("SELECT rowid, id FROM documents")}


def test_full_text_rows_follow_their_documents_through_restores_and_deletes(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        with store.transaction():
            for number, body in enumerate(["قصف مدينة حلب", "اجتماع في الرياض", "مظاهرة في درعا"]):
                store.save_document(_document(number, body))
        with store.transaction():
            store.save_document(_document(1, "اجتماع ثان في الرياض"))  # re-stored with a new body
            store.save_document(_document(7, "قصف مدينة حلب"))  # the same body as d0 under another id
            store.delete_layers("d2")
            store.conn.execute("DELETE FROM documents WHERE id = 'd2'")
        assert fts_rows(store) == document_rows(store) == {(r, i) for r, i in document_rows(store)}
        assert {doc_id for _, doc_id in fts_rows(store)} == {"d1", "d7"}
        hits = store.conn.execute("SELECT doc_id FROM documents_fts WHERE documents_fts MATCH 'ثان'").fetchall()
        assert [row[0] for row in hits] == ["d1"]


def test_version_2_file_gets_its_full_text_rows_rekeyed(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store, store.transaction():
        for number, body in enumerate(["قصف مدينة حلب", "اجتماع في الرياض"]):
            store.save_document(_document(number, body))
    conn = sqlite3.connect(path)  # version 2 files numbered their full-text rows independently
    conn.execute("DELETE FROM documents_fts")
    conn.execute("INSERT INTO documents_fts(rowid, doc_id, title, body) VALUES (40, 'd1', '', 'الرياض')")
    conn.execute("INSERT INTO documents_fts(rowid, doc_id, title, body) VALUES (41, 'd0', '', 'حلب')")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert fts_rows(store) == document_rows(store)
        assert store.conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'حلب'").fetchone()[0] == 1


def test_older_file_gets_event_summaries(tmp_path: Path) -> None:
    from marsad.records import Event, EventDate
    from marsad.store.sqlite import event_summary

    path = tmp_path / "old.db"
    event = Event(id="e1", type="Protests", sub_type="Peaceful protest", date=EventDate("2023-03-01", "2023-03-01", "day"))
    with Store(path) as store, store.transaction():
        store.save_document(_document(1, "مظاهرة في درعا"))
        store._save_event("d1", event)
        store.insert_merged_event(event, None)
    conn = sqlite3.connect(path)  # a version 2 file: no summary column
    for table in ("events", "merged_events"):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN summary")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Store(path) as store:
        for table in ("events", "merged_events"):
            (summary,) = store.conn.execute(f"SELECT summary FROM {table}").fetchone()
            assert summary == event_summary(event) and '"type":"Protests"' in summary

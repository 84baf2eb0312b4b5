"""The SQLite store: one file holds documents, their layers, entities, events and the run log.

* WAL mode and one transaction per article: a kill mid-run leaves every stored article whole,
  and a re-run picks up where it stopped.
* Identity: an input (source + hash of its raw content) seen before is skipped, so a re-run on
  the same input changes nothing; two inputs with the same clean body are one document.
* The schema is versioned with `PRAGMA user_version`; `migrate` brings an older file forward.
* Full-text search indexes the *matching form* of title and body (FTS5 alone would miss
  hamza/ta marbuta variants and break words at diacritics).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.records import Document, Entity, Event
from marsad.text.normalize import match_form

SCHEMA_VERSION = 3  # 2: the API's query indexes moved into the schema; 3: FTS rows keyed by document rowid

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    outlet TEXT,
    url TEXT,
    title TEXT,
    dateline TEXT,
    published_date TEXT,
    published_precision TEXT,
    text TEXT NOT NULL,
    duplicate_of TEXT,
    record TEXT NOT NULL,
    minhash BLOB,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published_date);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet);

-- Every input seen, with what became of it: stored, same_as (identical body), unchanged, skipped.
CREATE TABLE IF NOT EXISTS inputs (
    source TEXT PRIMARY KEY,
    raw_hash TEXT,
    status TEXT NOT NULL,
    doc_id TEXT,
    reason TEXT,
    seen_at TEXT NOT NULL
);

-- MinHash LSH bands of every stored document: near-duplicate candidates without an in-memory index.
CREATE TABLE IF NOT EXISTS lsh_bands (
    band INTEGER NOT NULL,
    key BLOB NOT NULL,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (band, key, doc_id)
) WITHOUT ROWID;
-- Re-storing a document deletes its bands by doc_id: without this index that is a scan of every band.
CREATE INDEX IF NOT EXISTS lsh_bands_doc ON lsh_bands(doc_id);

-- Short lines per outlet, counted once per article: lines an outlet prints on every page are leftovers.
CREATE TABLE IF NOT EXISTS outlet_lines (
    outlet TEXT NOT NULL,
    line_key TEXT NOT NULL,
    docs INTEGER NOT NULL,
    PRIMARY KEY (outlet, line_key)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name_ar TEXT NOT NULL,
    name_en TEXT,
    lat REAL,
    lon REAL,
    record TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    entity_id TEXT,
    PRIMARY KEY (doc_id, start, end)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    type TEXT NOT NULL,
    sub_type TEXT,
    date_start TEXT,
    date_end TEXT,
    lat REAL,
    lon REAL,
    killed INTEGER,
    injured INTEGER,
    merged_id TEXT,
    record TEXT NOT NULL,
    summary TEXT
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_merged ON events(merged_id);
-- The API's filters and cursors (docs/api.md, "Indexes"): date order with the id as tie-breaker,
-- type within dates, the bounding box, tolls; "ending on or after a date" compares an expression.
-- date_end rides along in the date and type indexes so that a capped count of "overlaps these
-- dates" reads the index alone instead of one table row per match (schema 3).
CREATE INDEX IF NOT EXISTS events_dates ON events(date_start, id, date_end);
CREATE INDEX IF NOT EXISTS events_type_dates ON events(type, date_start, date_end);
CREATE INDEX IF NOT EXISTS events_geo ON events(lat, lon);
CREATE INDEX IF NOT EXISTS events_killed ON events(killed, id);
CREATE INDEX IF NOT EXISTS events_end ON events(coalesce(date_end, date_start), date_start);

-- Events merged across outlets (one real event, several reports), with disputes and stories.
CREATE TABLE IF NOT EXISTS merged_events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    sub_type TEXT,
    date_start TEXT,
    date_end TEXT,
    lat REAL,
    lon REAL,
    killed INTEGER,
    injured INTEGER,
    outlets TEXT,
    actors TEXT,
    disputed INTEGER NOT NULL DEFAULT 0,
    story_id TEXT,
    record TEXT NOT NULL,
    summary TEXT
);
CREATE INDEX IF NOT EXISTS merged_dates ON merged_events(date_start, id, date_end);
CREATE INDEX IF NOT EXISTS merged_type_dates ON merged_events(type, date_start, date_end);
CREATE INDEX IF NOT EXISTS merged_geo ON merged_events(lat, lon);
CREATE INDEX IF NOT EXISTS merged_killed ON merged_events(killed, id);
CREATE INDEX IF NOT EXISTS merged_story ON merged_events(story_id);
CREATE INDEX IF NOT EXISTS merged_end ON merged_events(coalesce(date_end, date_start), date_start);

CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    date_start TEXT,
    date_end TEXT,
    record TEXT NOT NULL
);

-- A row's rowid is its document's rowid (schema 3): FTS5 cannot index doc_id, and deleting by it
-- scanned the whole index on every re-stored or deleted document.
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(doc_id UNINDEXED, title, body, tokenize='unicode61');
"""

_RETIRED_INDEXES = """
DROP INDEX IF EXISTS merged_date;
DROP INDEX IF EXISTS api_merged_date_id; DROP INDEX IF EXISTS api_merged_killed; DROP INDEX IF EXISTS api_merged_story;
DROP INDEX IF EXISTS api_merged_end; DROP INDEX IF EXISTS api_events_date_id; DROP INDEX IF EXISTS api_events_type;
DROP INDEX IF EXISTS api_events_geo; DROP INDEX IF EXISTS api_events_killed; DROP INDEX IF EXISTS api_events_end;
DROP INDEX IF EXISTS merged_date_id; DROP INDEX IF EXISTS merged_type;
DROP INDEX IF EXISTS events_date_id; DROP INDEX IF EXISTS events_type;
"""


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class StoreError(RuntimeError):
    """The database cannot be opened or is not a marsad database."""


class Store:
    """A marsad database. Use as a context manager or call `close()`."""

    def __init__(self, path: Path | str, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        if readonly and not self.path.exists():
            raise StoreError(f"no database at {self.path}")
        if not readonly:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        uri = f"file:{self.path}?mode=ro" if readonly else f"file:{self.path}"
        try:
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA busy_timeout = 10000")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self.migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a marsad database ({err})") from err

    # ---------------------------------------------------------------- lifecycle

    def migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema {version}, newer than this marsad ({SCHEMA_VERSION})")
        if 0 < version < 3:  # older files carry narrower date/type indexes and, maybe, the API's copies
            self.conn.executescript(_RETIRED_INDEXES)
        add_summaries = version > 0 and not self._has_column("events", "summary")
        if add_summaries:
            for table in ("events", "merged_events"):
                self.conn.execute(f"ALTER TABLE {table} ADD COLUMN summary TEXT")
        self.conn.executescript(_SCHEMA)
        if 0 < version < 3:
            self._rekey_fts()
        if add_summaries:
            self._fill_summaries()
        self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _rekey_fts(self) -> None:
        """Schema 3: rebuild the full-text rows under their documents' rowids, a page at a time."""
        with self.transaction():
            self.conn.execute("DELETE FROM documents_fts")
            for rows in self._pages("documents", "rowid, id, title, text", key="rowid", after=-1):
                self.conn.executemany(_FTS_INSERT, [_fts_row(*row) for row in rows])

    def _has_column(self, table: str, column: str) -> bool:
        return any(row[1] == column for row in self.conn.execute(f"PRAGMA table_info({table})"))

    def _fill_summaries(self) -> None:
        """Schema 3: the summary row of every stored event, a page at a time."""
        for table in ("events", "merged_events"):
            with self.transaction():
                for rows in self._pages(table, "id, record"):
                    self.conn.executemany(
                        f"UPDATE {table} SET summary = ? WHERE id = ?",
                        [(event_summary(Event.from_dict(json.loads(row[1]))), row[0]) for row in rows])

    def _pages(self, table: str, columns: str, key: str = "id", after: Any = "",
               batch: int = 500) -> Iterator[list[sqlite3.Row]]:
        """Rows of `table` in `key` order, a page at a time (keyset paging: memory stays flat and rows
        updated behind the cursor are not read again)."""
        while True:
            rows = self.conn.execute(f"SELECT {columns} FROM {table} WHERE {key} > ? ORDER BY {key} LIMIT ?",
                                     (after, batch)).fetchall()
            if not rows:
                return
            yield rows
            after = rows[-1][key]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # ---------------------------------------------------------------- inputs

    def input_status(self, source: str, raw_hash: str) -> str | None:
        """The status of an input already seen with this exact content, else None."""
        row = self.conn.execute("SELECT raw_hash, status FROM inputs WHERE source = ?", (source,)).fetchone()
        if row is None or row["raw_hash"] != raw_hash:
            return None
        return row["status"]

    def record_input(self, source: str, raw_hash: str | None, status: str, doc_id: str | None = None,
                     reason: str | None = None) -> None:
        self.conn.execute(
            "INSERT INTO inputs(source, raw_hash, status, doc_id, reason, seen_at) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT(source) DO UPDATE SET raw_hash=excluded.raw_hash, status=excluded.status, "
            "doc_id=excluded.doc_id, reason=excluded.reason, seen_at=excluded.seen_at",
            (source, raw_hash, status, doc_id, reason, _now()),
        )

    def skipped(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT source, reason, seen_at FROM inputs WHERE status = 'skipped' ORDER BY source").fetchall()

    # ---------------------------------------------------------------- documents

    def doc_id_for_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row["id"] if row else None

    def source_of(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT source FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row["source"] if row else None

    def save_document(self, doc: Document, entities: Iterable[Entity] = (), minhash: bytes | None = None,
                      bands: Iterable[tuple[int, bytes]] = ()) -> None:
        """Insert or replace one document with all its layers (call inside `transaction`)."""
        self.delete_layers(doc.id)
        # A different row with the same body is replaced below: its layers go with it.
        for (other,) in self.conn.execute("SELECT id FROM documents WHERE content_hash = ? AND id != ?",
                                          (doc.content_hash, doc.id)).fetchall():
            self.delete_layers(other)
        cursor = self.conn.execute(
            "INSERT OR REPLACE INTO documents(id, content_hash, source, outlet, url, title, dateline, "
            "published_date, published_precision, text, duplicate_of, record, minhash, ingested_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, doc.content_hash, doc.source, doc.outlet, doc.url, doc.title, doc.dateline,
             doc.published.date, doc.published.precision, doc.text, doc.duplicate_of,
             json.dumps(doc.to_dict(), ensure_ascii=False), minhash, _now()),
        )
        self.conn.execute(_FTS_INSERT, _fts_row(cursor.lastrowid, doc.id, doc.title, doc.text))
        self.conn.executemany(
            "INSERT OR IGNORE INTO mentions(doc_id, start, end, text, type, entity_id) VALUES (?,?,?,?,?,?)",
            [(doc.id, m.start, m.end, m.text, m.type, m.entity_id) for m in doc.mentions],
        )
        for event in doc.events:
            self._save_event(doc.id, event)
        for entity in entities:
            self.save_entity(entity)
        self.conn.executemany("INSERT OR IGNORE INTO lsh_bands(band, key, doc_id) VALUES (?,?,?)",
                              [(band, key, doc.id) for band, key in bands])

    def delete_layers(self, doc_id: str) -> None:
        """Remove a document's mentions, events, bands and full-text row (not the document row)."""
        for table in ("mentions", "events", "lsh_bands"):
            self.conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        row = self.conn.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is not None:
            self.conn.execute("DELETE FROM documents_fts WHERE rowid = ?", (row[0],))

    def _save_event(self, doc_id: str, event: Event) -> None:
        location = event.location
        self.conn.execute(
            "INSERT OR REPLACE INTO events(id, doc_id, type, sub_type, date_start, date_end, lat, lon, killed, "
            "injured, record, summary) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (event.id, doc_id, event.type, event.sub_type, event.date.start, event.date.end,
             location.lat if location else None, location.lon if location else None,
             event.killed.value if event.killed else None, event.injured.value if event.injured else None,
             json.dumps(event.to_dict(), ensure_ascii=False), event_summary(event)),
        )

    def save_entity(self, entity: Entity) -> None:
        """Upsert an entity; variants accumulate, known facts are not overwritten by blanks."""
        row = self.conn.execute("SELECT record FROM entities WHERE id = ?", (entity.id,)).fetchone()
        if row is not None:
            entity = _merge_entity(Entity.from_dict(json.loads(row["record"])), entity)
        self.conn.execute(
            "INSERT OR REPLACE INTO entities(id, type, name_ar, name_en, lat, lon, record) VALUES (?,?,?,?,?,?,?)",
            (entity.id, entity.type, entity.name_ar, entity.name_en, entity.lat, entity.lon,
             json.dumps(entity.to_dict(), ensure_ascii=False)),
        )

    def get_document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            row = self.conn.execute("SELECT record FROM documents WHERE id LIKE ? || '%' LIMIT 2",
                                    (doc_id,)).fetchone()
        return Document.from_dict(json.loads(row["record"])) if row else None

    def iter_documents(self, batch: int = 200) -> Iterator[Document]:
        """All documents in id order, read in pages so memory stays flat."""
        for rows in self._pages("documents", "id, record", batch=batch):
            for row in rows:
                yield Document.from_dict(json.loads(row["record"]))

    def iter_records(self, table: str, batch: int = 500) -> Iterator[dict[str, Any]]:
        """The JSON `record` column of entities / events / merged_events / stories, paged by id."""
        if table not in ("entities", "events", "merged_events", "stories"):
            raise ValueError(f"unknown table {table}")
        for rows in self._pages(table, "id, record", batch=batch):
            for row in rows:
                yield json.loads(row["record"])

    def mentions_of(self, entity_id: str) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT doc_id, start, end, text FROM mentions WHERE entity_id = ? "
                                 "ORDER BY doc_id, start", (entity_id,)).fetchall()

    # ---------------------------------------------------------------- near-duplicates

    def lsh_candidates(self, bands: Iterable[tuple[int, bytes]], exclude: str) -> list[tuple[str, bytes]]:
        """Documents sharing at least one LSH band with the given bands, with their MinHash."""
        bands = list(bands)
        if not bands:
            return []
        found: set[str] = set()
        for band, key in bands:
            for row in self.conn.execute("SELECT doc_id FROM lsh_bands WHERE band = ? AND key = ?", (band, key)):
                if row["doc_id"] != exclude:
                    found.add(row["doc_id"])
        result = []
        for doc_id in sorted(found):
            row = self.conn.execute("SELECT minhash, duplicate_of FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row and row["minhash"]:
                result.append((row["duplicate_of"] or doc_id, row["minhash"]))
        return result

    # ---------------------------------------------------------------- outlet leftovers

    def outlet_line_docs(self, outlet: str | None, line_key: str) -> int:
        if not outlet:
            return 0
        row = self.conn.execute("SELECT docs FROM outlet_lines WHERE outlet = ? AND line_key = ?",
                                (outlet, line_key)).fetchone()
        return row["docs"] if row else 0

    def count_outlet_lines(self, outlet: str | None, line_keys: Iterable[str]) -> None:
        if not outlet:
            return
        self.conn.executemany(
            "INSERT INTO outlet_lines(outlet, line_key, docs) VALUES (?,?,1) "
            "ON CONFLICT(outlet, line_key) DO UPDATE SET docs = docs + 1",
            [(outlet, key) for key in set(line_keys)],
        )

    # ---------------------------------------------------------------- cross-document tables

    def replace_merged(self, merged: Iterable[Event], stories: Iterable[dict[str, Any]],
                       links: Iterable[tuple[str, str]], story_of: dict[str, str] | None = None) -> None:
        """Replace merged events and stories, and point each document event at its merged event."""
        self.clear_merged()
        for event in merged:
            self.insert_merged_event(event, (story_of or {}).get(event.id))
        for story in stories:
            self.insert_story(story)
        self.conn.executemany("UPDATE events SET merged_id = ? WHERE id = ?",
                              [(merged_id, event_id) for event_id, merged_id in links])

    def clear_merged(self) -> None:
        """Drop merged events and stories and every event's link to them (call inside `transaction`)."""
        self.conn.execute("DELETE FROM merged_events")
        self.conn.execute("DELETE FROM stories")
        self.conn.execute("UPDATE events SET merged_id = NULL")

    def insert_merged_event(self, event: Event, story: str | None) -> None:
        location = event.location
        outlets = sorted({r.doc for r in event.reports})
        actors = [a.name_en or a.name_ar for a in (event.actor1, event.actor2) if a]
        self.conn.execute(
            "INSERT OR REPLACE INTO merged_events(id, type, sub_type, date_start, date_end, lat, lon, killed, "
            "injured, outlets, actors, disputed, story_id, record, summary) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (event.id, event.type, event.sub_type, event.date.start, event.date.end,
             location.lat if location else None, location.lon if location else None,
             event.killed.value if event.killed else None, event.injured.value if event.injured else None,
             json.dumps(outlets, ensure_ascii=False), json.dumps(actors, ensure_ascii=False),
             1 if event.disputes else 0, story, json.dumps(event.to_dict(), ensure_ascii=False),
             event_summary(event)),
        )

    def insert_story(self, story: dict[str, Any]) -> None:
        self.insert_story_record(story["id"], story.get("title"), story.get("date_start"), story.get("date_end"),
                                 json.dumps(story, ensure_ascii=False))

    def insert_story_record(self, story_id: str, title: str | None, date_start: str | None, date_end: str | None,
                            record: str) -> None:
        """A story whose JSON record the caller wrote: one that spans the corpus need not be a dict."""
        self.conn.execute("INSERT OR REPLACE INTO stories(id, title, date_start, date_end, record) "
                          "VALUES (?,?,?,?,?)", (story_id, title, date_start, date_end, record))

    # ---------------------------------------------------------------- figures

    def stats(self) -> dict[str, Any]:
        def count(sql: str) -> int:
            return self.conn.execute(sql).fetchone()[0]

        by_status = {row[0]: row[1] for row in
                     self.conn.execute("SELECT status, count(*) FROM inputs GROUP BY status")}
        return {
            "documents": count("SELECT count(*) FROM documents"),
            "near_duplicates": count("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
            "inputs": by_status,
            "entities": count("SELECT count(*) FROM entities"),
            "mentions": count("SELECT count(*) FROM mentions"),
            "events": count("SELECT count(*) FROM events"),
            "merged_events": count("SELECT count(*) FROM merged_events"),
            "disputed_events": count("SELECT count(*) FROM merged_events WHERE disputed = 1"),
            "stories": count("SELECT count(*) FROM stories"),
            "outlets": {row[0] or "(unknown)": row[1] for row in self.conn.execute(
                "SELECT outlet, count(*) FROM documents GROUP BY outlet ORDER BY count(*) DESC LIMIT 20")},
            "skipped": [{"source": r["source"], "reason": r["reason"]} for r in self.skipped()],
        }


# INSERT OR REPLACE: a rowid left behind by an interrupted older writer never blocks a new row.
_FTS_INSERT = "INSERT OR REPLACE INTO documents_fts(rowid, doc_id, title, body) VALUES (?,?,?,?)"


def _fts_row(rowid: int, doc_id: str, title: str | None, text: str) -> tuple[int, str, str, str]:
    """A document's full-text row: the matching form of its title and body, under its rowid."""
    return rowid, doc_id, match_form(title or ""), match_form(text)


def event_summary(event: Event) -> str:
    """The API's summary row of an event (`/api/events?view=summary`), stored beside the record so
    that a page of summaries is spliced text, not fifty records decoded in SQL."""
    location, actor1, actor2 = event.location, event.actor1, event.actor2
    return json.dumps({
        "id": event.id, "type": event.type, "sub_type": event.sub_type,
        "date_start": event.date.start, "date_end": event.date.end,
        "lat": location.lat if location else None, "lon": location.lon if location else None,
        "killed": event.killed.value if event.killed else None,
        "injured": event.injured.value if event.injured else None,
        "disputed": bool(event.disputes),
        "place_ar": location.name_ar if location else None, "place_en": location.name_en if location else None,
        "actor1_ar": actor1.name_ar if actor1 else None, "actor1_en": actor1.name_en if actor1 else None,
        "actor2_ar": actor2.name_ar if actor2 else None, "actor2_en": actor2.name_en if actor2 else None,
        "modality": event.modality, "reports": len(event.reports),
    }, ensure_ascii=False, separators=(",", ":"))


def _merge_entity(old: Entity, new: Entity) -> Entity:
    for name in ("name_en", "lat", "lon", "kb_id", "wikidata", "role", "country"):
        if getattr(new, name) is None:
            setattr(new, name, getattr(old, name))
    if old.name_en and not old.name_en_romanised and new.name_en_romanised:
        new.name_en, new.name_en_romanised = old.name_en, False
    new.variants = sorted(set(old.variants) | set(new.variants) | {old.name_ar, new.name_ar})
    new.name_ar = old.name_ar or new.name_ar
    return new

"""Fingerprints of a run's results, to check that two runs (single machine with -j1 and -j2, Spark
with local[1] and local[2]) gave the same output without holding either in memory.

Both sides are reduced to the same canonical rows: documents as (id, text, title, published date,
duplicate_of), and the sorted ids of entities and per-document events, plus the mention count.
Each part is a count and a SHA-256 over its rows in id order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def _digest(rows: Iterable[Any]) -> dict[str, Any]:
    digest = hashlib.sha256()
    count = 0
    for row in rows:
        digest.update(json.dumps(row, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\n")
        count += 1
    return {"count": count, "sha256": digest.hexdigest()}


def store_fingerprint(db: Path | str) -> dict[str, Any]:
    """Fingerprint of a `marsad run` database."""
    from marsad.store import Store

    with Store(db, readonly=True) as store:
        conn = store.conn
        docs = conn.execute("SELECT id, text, title, published_date, duplicate_of FROM documents ORDER BY id")
        return {
            "documents": _digest(list(row) for row in docs),
            "entities": _digest(row[0] for row in conn.execute("SELECT id FROM entities ORDER BY id")),
            "events": _digest(row[0] for row in conn.execute("SELECT id FROM events ORDER BY id")),
            "mentions": conn.execute("SELECT count(*) FROM mentions").fetchone()[0],
        }


def parquet_fingerprint(spark, out: Path | str) -> dict[str, Any]:  # noqa: ANN001
    """Fingerprint of `marsad spark` tables (sorted by Spark, streamed to the driver a partition
    at a time: toLocalIterator, never collect)."""
    out = Path(out)
    docs = spark.read.parquet(str(out / "documents")).select(
        "id", "text", "title", "published.date", "duplicate_of").orderBy("id")
    return {
        "documents": _digest([r.id, r.text, r.title, r.date, r.duplicate_of] for r in docs.toLocalIterator()),
        "entities": _digest(r.id for r in spark.read.parquet(str(out / "entities")).select("id").orderBy("id")
                            .toLocalIterator()),
        "events": _digest(r.id for r in spark.read.parquet(str(out / "events")).select("id").orderBy("id")
                          .toLocalIterator()),
        "mentions": spark.read.parquet(str(out / "mentions")).count(),
    }


def _dispute_keys(disputes: Iterable[Any]) -> list:
    out = []
    if isinstance(disputes, str):  # Parquet keeps a list of free-form dicts as one JSON string
        disputes = json.loads(disputes)
    for d in disputes or []:
        d = json.loads(d) if isinstance(d, str) else d
        out.append([d.get("kind"), d.get("a"), d.get("b"), d.get("note")])
    return out


def store_cross_document(db: Path | str) -> dict[str, Any]:
    """The cross-document results of a `marsad run` database, as comparable plain values (for tests:
    held in memory): folded entities' variants, document events' actors and merged ids, merged
    events (reports, tolls, disputes, story), stories."""
    from marsad.store import Store

    with Store(db, readonly=True) as store:
        conn = store.conn
        entities = {r["id"]: sorted(json.loads(r["record"]).get("variants") or [])
                    for r in conn.execute("SELECT id, record FROM entities")}
        events = {}
        for r in conn.execute("SELECT id, merged_id, record FROM events"):
            rec = json.loads(r["record"])
            actors = [(a or {}).get("entity_id") for a in (rec.get("actor1"), rec.get("actor2"))]
            events[r["id"]] = (actors, r["merged_id"])
        merged = {}
        for r in conn.execute("SELECT id, story_id, record FROM merged_events"):
            rec = json.loads(r["record"])
            merged[r["id"]] = (sorted((x["doc"], x["start"]) for x in rec.get("reports") or []), rec.get("type"),
                               (rec.get("killed") or {}).get("value"), _dispute_keys(rec.get("disputes")),
                               r["story_id"])
        stories = {r["id"]: (sorted(json.loads(r["record"])["events"]), sorted(json.loads(r["record"])["docs"]),
                             r["title"], r["date_start"], r["date_end"])
                   for r in conn.execute("SELECT id, title, date_start, date_end, record FROM stories")}
    return {"entities": entities, "events": events, "merged": merged, "stories": stories}


def parquet_cross_document(spark, out: Path | str) -> dict[str, Any]:  # noqa: ANN001
    """The same values from `marsad spark` tables (collected: for tests on small inputs)."""
    out = Path(out)
    entities = {r.id: sorted(r.variants or []) for r in spark.read.parquet(str(out / "entities")).collect()}
    events = {r.id: ([r.actor1.entity_id if r.actor1 else None, r.actor2.entity_id if r.actor2 else None],
                     r.merged_id) for r in spark.read.parquet(str(out / "events")).collect()}
    merged = {r.id: (sorted((x.doc, x.start) for x in r.reports or []), r.type, r.killed.value if r.killed else None,
                     _dispute_keys(r.disputes), r.story_id)
              for r in spark.read.parquet(str(out / "merged_events")).collect()}
    stories = {r.id: (sorted(r.events), sorted(r.docs), r.title, r.date_start, r.date_end)
               for r in spark.read.parquet(str(out / "stories")).collect()}
    return {"entities": entities, "events": events, "merged": merged, "stories": stories}

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

"""Write endpoints' work: ingest posted articles through the pipeline, delete a document.

Both are reachable only when MARSAD_TOKEN is set (see app.py); they open their own writable
store, serialised by one lock, while the read endpoints go on reading through WAL.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import threading
from pathlib import Path
from typing import Any

from marsad.store import Store

_WRITE_LOCK = threading.Lock()
UPLOAD_DIR_NAME = "marsad-api-uploads"


def ingest_articles(db_path: Path, articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Run the pipeline on posted articles (the JSON Lines record format) and return its summary.

    The articles go through a JSON Lines file named by their content hash, so the pipeline's own
    reader, identity and near-duplicate logic apply unchanged, and posting the same batch twice
    changes nothing.
    """
    from marsad.pipeline import run as run_pipeline

    payload = "".join(json.dumps(article, ensure_ascii=False) + "\n" for article in articles)
    digest = hashlib.blake2b(payload.encode("utf-8"), digest_size=10).hexdigest()
    folder = Path(tempfile.gettempdir()) / UPLOAD_DIR_NAME
    folder.mkdir(exist_ok=True)
    path = folder / f"post-{digest}.jsonl"
    with _WRITE_LOCK:
        path.write_text(payload, encoding="utf-8")
        try:
            summary = run_pipeline([path], db_path)
        finally:
            path.unlink(missing_ok=True)
    return {"read": summary.read, "stored": summary.stored, "unchanged": summary.unchanged,
            "same_as": summary.same_as, "near_duplicates": summary.near_duplicates,
            "skipped": [{"source": s.source, "reason": s.reason} for s in summary.skipped],
            "stages": ["clean", *summary.stages], "seconds": round(summary.seconds, 3)}


def delete_document(db_path: Path, doc_id: str) -> bool:
    """Remove a document with all its layers, then redo the cross-document steps."""
    from marsad.pipeline import finalize

    with _WRITE_LOCK, Store(db_path) as store:
        if store.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
            return False
        with store.transaction() as conn:
            store.delete_layers(doc_id)
            conn.execute("DELETE FROM inputs WHERE doc_id = ?", (doc_id,))
            conn.execute("UPDATE documents SET duplicate_of = NULL WHERE duplicate_of = ?", (doc_id,))
            conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        finalize(store)
    return True

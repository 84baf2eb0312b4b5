"""Read-only SQLite connections for the API, one per thread.

FastAPI runs plain `def` endpoints in a thread pool; a thread-local connection gives each worker
thread its own read-only handle (SQLite connections must not be shared across threads while in
use), and WAL lets them read while `marsad run` or the ingest endpoint writes.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from marsad.store.sqlite import Store, StoreError
from marsad.text.normalize import match_form

log = logging.getLogger(__name__)

def ensure_indexes(path: Path) -> bool:
    """Bring a writable file to the current schema (whose indexes serve the API's queries, see
    docs/api.md) and gather planner statistics once; False when the file is read-only."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10)
    except sqlite3.OperationalError:
        return False
    conn.close()
    try:
        with Store(path) as store:
            # Statistics let the planner weigh the date, type and place indexes (once; cheap).
            if store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone() is None:
                store.conn.execute("ANALYZE")
        return True
    except (sqlite3.OperationalError, StoreError) as err:  # read-only file system, or a locked database
        log.warning("indexes not brought up to date in %s: %s", path, err)
        return False


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection with the `mf()` SQL function (the matching form of a string)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA query_only = 1")
    conn.create_function("mf", 1, _match_form_or_none, deterministic=True)
    return conn


def _match_form_or_none(value: object) -> str | None:
    return match_form(value) if isinstance(value, str) else None


class ConnectionPerThread:
    """Hands each thread its own read-only connection to one database file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def get(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect_readonly(self.path)
            self._local.conn = conn
        return conn

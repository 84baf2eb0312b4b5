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

from marsad.text.normalize import match_form

log = logging.getLogger(__name__)

# Indexes the API's queries need beyond the store's own (see docs/api.md, "Indexes"). They are
# created at startup when the file is writable; a read-only file is served without them.
API_INDEXES = (
    "CREATE INDEX IF NOT EXISTS api_merged_date_id ON merged_events(date_start, id)",
    "CREATE INDEX IF NOT EXISTS api_merged_killed ON merged_events(killed, id)",
    "CREATE INDEX IF NOT EXISTS api_merged_story ON merged_events(story_id)",
    "CREATE INDEX IF NOT EXISTS api_events_date_id ON events(date_start, id)",
    "CREATE INDEX IF NOT EXISTS api_events_type ON events(type, date_start)",
    "CREATE INDEX IF NOT EXISTS api_events_geo ON events(lat, lon)",
    "CREATE INDEX IF NOT EXISTS api_events_killed ON events(killed, id)",
    # "Events ending on or after date_from" compares this expression: indexed, it is a range scan.
    "CREATE INDEX IF NOT EXISTS api_merged_end ON merged_events(coalesce(date_end, date_start), date_start)",
    "CREATE INDEX IF NOT EXISTS api_events_end ON events(coalesce(date_end, date_start), date_start)",
)


def ensure_indexes(path: Path) -> bool:
    """Create the API's indexes if the database is writable; False when it is not."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10)
    except sqlite3.OperationalError:
        return False
    try:
        for statement in API_INDEXES:
            conn.execute(statement)
        # Statistics let the planner weigh the date, type and place indexes (once; cheap).
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone() is None:
            conn.execute("ANALYZE")
        conn.commit()
        return True
    except sqlite3.OperationalError as err:  # read-only file system, or a locked database
        log.warning("API indexes not created in %s: %s", path, err)
        return False
    finally:
        conn.close()


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

"""Event queries shared by the events endpoints and the exports."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from marsad.api.filters import (
    MAX_LIMIT,
    SORT_COLUMNS,
    TABLE,
    BadParameter,
    EventFilter,
    decode_cursor,
    encode_cursor,
    keyset_clause,
    parse_sort,
)
from marsad.api.responses import dumps

# Columns of the compact views (summary, points); identical in both event tables.
SUMMARY_COLUMNS = ("id", "type", "sub_type", "date_start", "date_end", "lat", "lon", "killed", "injured")
POINT_FIELDS = ("id", "lat", "lon", "type", "date", "killed", "injured", "disputed")
MAX_POINTS = 50_000
COUNT_GROUPS = ("type", "sub_type", "day", "month", "year", "outlet", "disputed")
# A page's `total` counts at most this many matches (then says `total_capped`): a count over a
# wide filter would otherwise cost more than the page itself. /api/events/counts is exact.
COUNT_CAP = 1_000
# Above this many matches a bounding box is read along the sort index instead of the lat/lon
# index: sorting tens of thousands of rows costs more than skipping the few outside the box.
WIDE_BOX_MATCHES = 2_000
SPAN_CACHE_SECONDS = 60.0
_span_cache: dict[tuple[str, str], tuple[float, int | None]] = {}
_span_lock = threading.Lock()


def max_span_days(conn: sqlite3.Connection, table: str) -> int | None:
    """The longest event in days (date_end - date_start), cached for a minute per database.

    Knowing it turns "ends on or after D" into "starts on or after D - span" as well, which the
    date index can serve. After an ingest the cache may be a minute stale; events longer than
    the cached span (rare: spans are at most a year) are then missed by date_from for that minute.
    """
    database = conn.execute("PRAGMA database_list").fetchone()[2]
    key = (database, table)
    now = time.monotonic()
    with _span_lock:
        cached = _span_cache.get(key)
        if cached and now - cached[0] < SPAN_CACHE_SECONDS:
            return cached[1]
    row = conn.execute(f"SELECT max(julianday(date_end) - julianday(date_start)) FROM {table} "
                       "WHERE date_end IS NOT NULL AND date_end != date_start").fetchone()
    span = int(row[0]) + 1 if row and row[0] is not None else 0
    with _span_lock:
        _span_cache[key] = (now, span)
    return span


def resolve_level(conn: sqlite3.Connection, level: str | None) -> str:
    """`merged` when the cross-document step has run, else `document` (as the exports do)."""
    if level in ("merged", "document"):
        return level
    if level not in (None, "", "auto"):
        raise BadParameter("level", f"{level!r} is not one of auto, merged, document")
    has_merged = conn.execute("SELECT 1 FROM merged_events LIMIT 1").fetchone() is not None
    return "merged" if has_merged else "document"


@dataclass
class Page:
    rows: list[sqlite3.Row]
    total: int | None
    next_cursor: str | None
    total_capped: bool = False


def query_page(conn: sqlite3.Connection, flt: EventFilter, sort: str | None, limit: int, offset: int,
               cursor: str | None, count: bool, columns: str = "id, record") -> Page:
    """One page of events in a stable order (sort column, then id), with keyset cursors."""
    if not 1 <= limit <= MAX_LIMIT:
        raise BadParameter("limit", f"must be between 1 and {MAX_LIMIT}")
    if cursor and offset:
        raise BadParameter("cursor", "use either cursor or offset, not both")
    sort_name, descending = parse_sort(sort)
    column = SORT_COLUMNS[sort_name]
    table = TABLE[flt.level]
    if flt.date_from and flt.max_span_days is None:
        flt = dataclasses.replace(flt, max_span_days=max_span_days(conn, table))
    where, params = flt.where()
    total = None
    if count or flt.bbox:
        # Capped, and served by an index: cheap even when most of the table matches.
        # A box needs WIDE_BOX_MATCHES counted to tell a wide one (read in sort order, filtered)
        # from a narrow one (read through the lat/lon index, then sorted), even when count wants less.
        cap = max(COUNT_CAP if count else 0, WIDE_BOX_MATCHES if flt.bbox else 0)
        total = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {where} LIMIT ?)",
                             [*params, cap + 1]).fetchone()[0]
        if flt.bbox and total > WIDE_BOX_MATCHES:
            where, params = dataclasses.replace(flt, geo_index=False).where()
    page_where, page_params = where, list(params)
    if cursor:
        value, row_id = decode_cursor(cursor, sort_name, descending)
        clause, extra = keyset_clause(column, descending, value, row_id)
        page_where, page_params = f"{where} AND {clause}", page_params + extra
    direction = "DESC" if descending else "ASC"
    order = f"id {direction}" if column == "id" else f"{column} {direction}, id {direction}"
    sql = (f"SELECT {columns}, {column} AS sort_value FROM {table} WHERE {page_where} "
           f"ORDER BY {order} LIMIT ? OFFSET ?")
    rows = conn.execute(sql, [*page_params, limit, offset]).fetchall()
    if not count:
        total = None
    next_cursor = None
    if len(rows) == limit:
        last = rows[-1]
        next_cursor = encode_cursor(sort_name, descending, last["sort_value"], last["id"])
    capped = total is not None and total > COUNT_CAP
    return Page(rows, COUNT_CAP if capped else total, next_cursor, capped)


_summary_stored: dict[tuple[str, str], bool] = {}


def summary_columns(conn: sqlite3.Connection, level: str) -> str:
    """SQL select list for the summary view: the stored summary row (schema 3), or for an older
    read-only file the same fields computed from the record."""
    table = TABLE[level]
    key = (conn.execute("PRAGMA database_list").fetchone()[2], table)
    if key not in _summary_stored:
        _summary_stored[key] = any(row[1] == "summary" for row in conn.execute(f"PRAGMA table_info({table})"))
    if _summary_stored[key]:
        return "id, summary"
    disputed = "disputed" if level == "merged" else "json_array_length(record, '$.disputes') > 0 AS disputed"
    return ", ".join([
        *SUMMARY_COLUMNS, disputed,
        "json_extract(record, '$.location.name_ar') AS place_ar",
        "json_extract(record, '$.location.name_en') AS place_en",
        "json_extract(record, '$.actor1.name_ar') AS actor1_ar",
        "json_extract(record, '$.actor1.name_en') AS actor1_en",
        "json_extract(record, '$.actor2.name_ar') AS actor2_ar",
        "json_extract(record, '$.actor2.name_en') AS actor2_en",
        "json_extract(record, '$.modality') AS modality",
        "json_array_length(record, '$.reports') AS reports",
    ])


def summary_json(row: sqlite3.Row) -> str:
    """One summary row as JSON text: stored, or assembled from the computed columns."""
    if "summary" in row.keys():  # noqa: SIM118 - `in` on a Row looks at its values
        return row["summary"]
    return dumps(summary_item(row))


def summary_item(row: sqlite3.Row) -> dict[str, Any]:
    item = dict(row)
    item.pop("sort_value", None)
    item["disputed"] = bool(item.get("disputed"))
    return item


def points(conn: sqlite3.Connection, flt: EventFilter, limit: int) -> list[list[Any]]:
    """Rows for the map: only events with coordinates, largest toll first so that the biggest
    circles are drawn underneath when the client draws in reverse."""
    if not 1 <= limit <= MAX_POINTS:
        raise BadParameter("limit", f"must be between 1 and {MAX_POINTS}")
    where, params = flt.where()
    disputed = "disputed" if flt.level == "merged" else "json_array_length(record, '$.disputes') > 0"
    sql = (f"SELECT id, lat, lon, type, date_start, killed, injured, {disputed} FROM {TABLE[flt.level]} "
           f"WHERE {where} AND lat IS NOT NULL AND lon IS NOT NULL ORDER BY date_start DESC, id DESC LIMIT ?")
    return [[row[0], row[1], row[2], row[3], row[4], row[5], row[6], bool(row[7])]
            for row in conn.execute(sql, [*params, limit])]


def counts(conn: sqlite3.Connection, flt: EventFilter, by: str) -> list[dict[str, Any]]:
    """Event counts grouped by one whitelisted key, with killed/injured totals."""
    if by not in COUNT_GROUPS:
        raise BadParameter("by", f"{by!r} is not one of {', '.join(COUNT_GROUPS)}")
    where, params = flt.where()
    table = TABLE[flt.level]
    if by == "outlet":
        join = ("JOIN events e ON e.merged_id = f.id JOIN documents d ON d.id = e.doc_id" if flt.level == "merged"
                else "JOIN documents d ON d.id = f.doc_id")
        inner = "id, killed, injured" if flt.level == "merged" else "id, doc_id, killed, injured"
        sql = (f"SELECT d.outlet AS key, count(DISTINCT f.id) AS events, NULL AS killed, NULL AS injured "
               f"FROM (SELECT {inner} FROM {table} WHERE {where}) f {join} GROUP BY d.outlet ORDER BY events DESC")
    else:
        key = {
            "type": "type", "sub_type": "sub_type", "day": "substr(date_start, 1, 10)",
            "month": "substr(date_start, 1, 7)", "year": "substr(date_start, 1, 4)",
            "disputed": ("disputed" if flt.level == "merged" else "json_array_length(record, '$.disputes') > 0"),
        }[by]
        sql = (f"SELECT {key} AS key, count(*) AS events, sum(killed) AS killed, sum(injured) AS injured "
               f"FROM {table} WHERE {where} GROUP BY 1 ORDER BY 1")
    return [dict(row) for row in conn.execute(sql, params)]


def iter_records(conn: sqlite3.Connection, flt: EventFilter, batch: int = 500) -> Iterator[str]:
    """Every matching event's stored JSON, in id order, read in keyset pages (for the exports)."""
    where, params = flt.where()
    last = ""
    while True:
        rows = conn.execute(f"SELECT id, record FROM {TABLE[flt.level]} WHERE {where} AND id > ? "
                            f"ORDER BY id LIMIT ?", [*params, last, batch]).fetchall()
        if not rows:
            return
        for row in rows:
            yield row["record"]
        last = rows[-1]["id"]


def get_event(conn: sqlite3.Connection, event_id: str) -> tuple[str, dict[str, Any]] | None:
    """(level, record) of a merged or document event."""
    for level, table in (("merged", "merged_events"), ("document", "events")):
        row = conn.execute(f"SELECT record FROM {table} WHERE id = ?", (event_id,)).fetchone()
        if row is not None:
            return level, json.loads(row["record"])
    return None


def document_versions(conn: sqlite3.Connection, merged_id: str) -> list[dict[str, Any]]:
    """Each article's own version of a merged event, with the article's outlet."""
    rows = conn.execute(
        "SELECT e.record, e.doc_id, d.outlet, d.title, d.published_date FROM events e "
        "LEFT JOIN documents d ON d.id = e.doc_id WHERE e.merged_id = ? ORDER BY d.published_date, e.doc_id",
        (merged_id,)).fetchall()
    return [{"doc": row["doc_id"], "outlet": row["outlet"], "title": row["title"],
             "published": row["published_date"], "event": json.loads(row["record"])} for row in rows]

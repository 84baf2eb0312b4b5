"""Event filters, sorting and cursors turned into parameterised SQL.

Nothing the client sends reaches SQL as text: values are bound parameters, table and column
names come from the whitelists below, and every value is validated first so that a bad
parameter is a clear 400, never a database error.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from marsad.text.normalize import match_form


class BadParameter(ValueError):
    """A request parameter that cannot be used; the API answers 400 with this message."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


# The two event tables: `merged` (one row per real event, across outlets) and `document` (one
# row per event as one article reports it).
LEVELS = ("merged", "document")
TABLE = {"merged": "merged_events", "document": "events"}

# sort name → column; "-" prefix means descending. Only these reach ORDER BY.
SORT_COLUMNS = {"date": "date_start", "killed": "killed", "injured": "injured", "type": "type", "id": "id"}
NUMERIC_SORTS = {"killed", "injured"}
DEFAULT_SORT = "-date"
MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def parse_date(name: str, value: str | None, end: bool = False) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD, checked, widened to a day (the first, or last when `end`)."""
    if value is None or value == "":
        return None
    if not _DATE_RE.match(value):
        raise BadParameter(name, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            return dt.date(*parts).isoformat()
        first = dt.date(parts[0], parts[1] if len(parts) == 2 else 1, 1)
    except ValueError as err:
        raise BadParameter(name, f"{value!r}: {err}") from err
    if not end:
        return first.isoformat()
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31).isoformat()
    next_month = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return (next_month - dt.timedelta(days=1)).isoformat()


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """`min_lon,min_lat,max_lon,max_lat` in degrees."""
    if not value:
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise BadParameter("bbox", "expected min_lon,min_lat,max_lon,max_lat")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError as err:
        raise BadParameter("bbox", f"{value!r} has a value that is not a number") from err
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise BadParameter("bbox", "needs -180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90")
    return min_lon, min_lat, max_lon, max_lat


def parse_sort(value: str | None) -> tuple[str, bool]:
    """(sort name, descending)."""
    value = value or DEFAULT_SORT
    name = value.removeprefix("-")
    if name not in SORT_COLUMNS:
        raise BadParameter("sort", f"{value!r} is not one of {', '.join(sorted(SORT_COLUMNS))} (prefix - for descending)")
    return name, value.startswith("-")


def _like_pattern(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass
class EventFilter:
    level: str = "merged"
    types: list[str] = field(default_factory=list)
    sub_types: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    actor: str | None = None
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    outlet: str | None = None
    disputed: bool = False
    story: str | None = None
    doc: str | None = None
    # The longest event (days from date_start to date_end) in the table, when known: bounds
    # date_start from below, so that a date range is an index range, not a scan (see events.py).
    max_span_days: int | None = None
    # False asks SQLite not to use the lat/lon index (a wide box is better read in date order).
    geo_index: bool = True

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (without the keyword, "1" when empty) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.types:
            clauses.append(f"type IN ({','.join('?' * len(self.types))})")
            params += self.types
        if self.sub_types:
            clauses.append(f"sub_type IN ({','.join('?' * len(self.sub_types))})")
            params += self.sub_types
        # An event overlaps the range when it starts before its end and ends after its start.
        if self.date_to:
            clauses.append("date_start <= ?")
            params.append(self.date_to)
        if self.date_from:
            clauses.append("coalesce(date_end, date_start) >= ?")
            params.append(self.date_from)
            if self.max_span_days is not None:
                earliest = dt.date.fromisoformat(self.date_from) - dt.timedelta(days=self.max_span_days)
                clauses.append("date_start >= ?")
                params.append(earliest.isoformat())
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            lat = "lat" if self.geo_index else "+lat"  # unary + hides the column from the index planner
            clauses.append(f"{lat} BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
            params += [min_lat, max_lat, min_lon, max_lon]
        if self.actor:
            clauses.append(self._actor_clause())
            params += [self.actor, self.actor, _like_pattern(match_form(self.actor))]
        if self.place:
            clauses.append(
                "(json_extract(record, '$.location.gazetteer_id') = ? "
                "OR mf(json_extract(record, '$.location.name_ar')) = ? "
                "OR lower(json_extract(record, '$.location.name_en')) = lower(?) "
                "OR lower(json_extract(record, '$.location.admin1')) = lower(?) "
                "OR lower(json_extract(record, '$.location.admin2')) = lower(?))")
            params += [self.place, match_form(self.place), self.place, self.place, self.place]
        if self.outlet:
            if self.level == "merged":
                clauses.append("id IN (SELECT e.merged_id FROM events e JOIN documents d ON d.id = e.doc_id "
                               "WHERE d.outlet = ?)")
            else:
                clauses.append("doc_id IN (SELECT id FROM documents WHERE outlet = ?)")
            params.append(self.outlet)
        if self.disputed:
            clauses.append("disputed = 1" if self.level == "merged"
                           else "json_array_length(record, '$.disputes') > 0")
        if self.story:
            if self.level != "merged":
                raise BadParameter("story", "stories group merged events: use level=merged")
            clauses.append("story_id = ?")
            params.append(self.story)
        if self.doc:
            if self.level == "merged":
                clauses.append("id IN (SELECT merged_id FROM events WHERE doc_id = ?)")
            else:
                clauses.append("doc_id = ?")
            params.append(self.doc)
        return (" AND ".join(clauses) or "1"), params

    @staticmethod
    def _actor_clause() -> str:
        # An entity id matches exactly; a name matches as a substring of either actor's Arabic
        # (matching form) or English name, so "الجيش السوري" finds "قوات الجيش السوري".
        names = " || '|' || ".join(
            f"coalesce({expr}, '')" for expr in (
                "mf(json_extract(record, '$.actor1.name_ar'))", "mf(json_extract(record, '$.actor2.name_ar'))",
                "lower(json_extract(record, '$.actor1.name_en'))", "lower(json_extract(record, '$.actor2.name_en'))"))
        return ("(json_extract(record, '$.actor1.entity_id') = ? OR json_extract(record, '$.actor2.entity_id') = ? "
                f"OR ({names}) LIKE ? ESCAPE '\\')")


# ---------------------------------------------------------------------------------- cursors


def encode_cursor(sort: str, descending: bool, value: Any, row_id: str) -> str:
    payload = json.dumps([sort, descending, value, row_id], ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, sort: str, descending: bool) -> tuple[Any, str]:
    """(last sort value, last id) of the page before; the cursor must match the sort."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        cursor_sort, cursor_desc, value, row_id = json.loads(raw.decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError) as err:
        raise BadParameter("cursor", "not a cursor this API returned") from err
    if cursor_sort != sort or cursor_desc != descending or not isinstance(row_id, str):
        raise BadParameter("cursor", "was made for another sort order; pass the same sort as the first page")
    expected = (int, float) if sort in NUMERIC_SORTS else (str,)
    if value is not None and (isinstance(value, bool) or not isinstance(value, expected)):
        raise BadParameter("cursor", "has a value of the wrong kind")
    return value, row_id


def keyset_clause(column: str, descending: bool, value: Any, row_id: str) -> tuple[str, list[Any]]:
    """Rows strictly after (value, id) in ORDER BY column, id (both asc or both desc).

    SQLite sorts NULL first, so NULL values come last in descending order and first in ascending
    order; the clause follows that.
    """
    if column == "id":
        return ("id < ?" if descending else "id > ?"), [row_id]
    if descending:
        if value is None:
            return f"({column} IS NULL AND id < ?)", [row_id]
        return f"({column} < ? OR ({column} = ? AND id < ?) OR {column} IS NULL)", [value, value, row_id]
    if value is None:
        return f"(({column} IS NULL AND id > ?) OR {column} IS NOT NULL)", [row_id]
    return f"({column} > ? OR ({column} = ? AND id > ?))", [value, value, row_id]

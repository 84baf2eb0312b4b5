"""Documents, entities, stories and search as the API shows them."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from marsad.api.events import document_versions
from marsad.api.filters import BadParameter
from marsad.api.search import fts_expression, query_words, snippet
from marsad.text.normalize import match_form

ENTITY_TYPES = ("PERS", "ORG", "LOC", "MISC")
# The fields on which two outlets' versions of one event can disagree.
COMPARED_FIELDS = ("type", "sub_type", "killed", "injured", "modality", "actor1", "actor2", "attributed_to")


# ------------------------------------------------------------------------------- documents


def document_spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every layer's spans in one list, sorted by offset: what the page highlights."""
    spans: list[dict[str, Any]] = []
    for mention in record.get("mentions", []):
        spans.append({"kind": "entity", "start": mention["start"], "end": mention["end"], "label": mention["type"],
                      "entity_id": mention.get("entity_id")})
    for time in record.get("times", []):
        spans.append({"kind": "time", "start": time["start"], "end": time["end"],
                      "label": time.get("value_start") or time.get("relative")})
    for place in record.get("places", []):
        location = place.get("location") or {}
        spans.append({"kind": "place", "start": place["start"], "end": place["end"],
                      "label": location.get("name_en") or location.get("name_ar"), "entity_id": place.get("entity_id")})
    for event in record.get("events", []):
        trigger = event.get("trigger")
        if trigger:
            spans.append({"kind": "event", "start": trigger["start"], "end": trigger["end"], "label": event["type"],
                          "event_id": event["id"]})
        for report in event.get("reports", []):
            if report.get("doc") in (None, record["id"]):
                spans.append({"kind": "evidence", "start": report["start"], "end": report["end"],
                              "label": event["type"], "event_id": event["id"]})
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    return spans


def get_document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    record = json.loads(row["record"])
    record["spans"] = document_spans(record)
    return record


def document_where(outlet: str | None, date_from: str | None, date_to: str | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if outlet:
        clauses.append("outlet = ?")
        params.append(outlet)
    if date_from:
        clauses.append("published_date >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("published_date <= ?")
        params.append(date_to + "\uffff")  # a date-time on the last day still counts
    return " AND ".join(clauses) or "1", params


def list_documents(conn: sqlite3.Connection, where: str, params: list[Any], limit: int,
                   offset: int) -> tuple[int, list[dict[str, Any]]]:
    total = conn.execute(f"SELECT count(*) FROM documents WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        "SELECT d.id, d.title, d.outlet, d.url, d.published_date AS published, d.duplicate_of, "
        "(SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events "
        f"FROM documents d WHERE {where} ORDER BY d.published_date DESC, d.id LIMIT ? OFFSET ?",
        [*params, limit, offset]).fetchall()
    return total, [dict(row) for row in rows]


def document_briefs(conn: sqlite3.Connection, doc_ids: list[str], with_text: bool) -> list[dict[str, Any]]:
    """Title, outlet, date (and text) of the given documents, in the given order."""
    briefs = []
    for doc_id in dict.fromkeys(doc_ids):
        row = conn.execute("SELECT id, title, outlet, url, published_date AS published, text FROM documents "
                           "WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            continue
        brief = dict(row)
        if not with_text:
            brief.pop("text")
        briefs.append(brief)
    return briefs


# ------------------------------------------------------------------------------- entities


def list_entities(conn: sqlite3.Connection, query: str | None, entity_type: str | None, limit: int,
                  offset: int) -> tuple[int, list[dict[str, Any]]]:
    clauses, params = [], []
    if entity_type:
        if entity_type not in ENTITY_TYPES:
            raise BadParameter("type", f"{entity_type!r} is not one of {', '.join(ENTITY_TYPES)}")
        clauses.append("type = ?")
        params.append(entity_type)
    if query:
        # Arabic names compare in matching form (hamza, ta marbuta); English names case-blind.
        clauses.append("(instr(mf(name_ar), ?) > 0 OR instr(lower(coalesce(name_en, '')), lower(?)) > 0 "
                       "OR instr(mf(json_extract(record, '$.variants')), ?) > 0)")
        params += [match_form(query), query, match_form(query)]
    where = " AND ".join(clauses) or "1"
    total = conn.execute(f"SELECT count(*) FROM entities WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        "SELECT id, type, name_ar, name_en, lat, lon, (SELECT count(*) FROM mentions m WHERE m.entity_id = x.id) "
        f"AS mentions FROM entities x WHERE {where} ORDER BY mentions DESC, id LIMIT ? OFFSET ?",
        [*params, limit, offset]).fetchall()
    return total, [dict(row) for row in rows]


def get_entity(conn: sqlite3.Connection, entity_id: str, max_events: int = 200) -> dict[str, Any] | None:
    """The entity with every mention (and its document's title) and the events it is an actor in."""
    row = conn.execute("SELECT record FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    record = json.loads(row["record"])
    record["mentions"] = [dict(r) for r in conn.execute(
        "SELECT m.doc_id AS doc, m.start, m.end, m.text, d.title, d.outlet, d.published_date AS published "
        "FROM mentions m LEFT JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ? ORDER BY m.doc_id, m.start",
        (entity_id,))]
    record["events"] = []
    for table, level in (("merged_events", "merged"), ("events", "document")):
        found = conn.execute(
            f"SELECT record FROM {table} WHERE json_extract(record, '$.actor1.entity_id') = ? "
            f"OR json_extract(record, '$.actor2.entity_id') = ? ORDER BY date_start DESC LIMIT ?",
            (entity_id, entity_id, max_events)).fetchall()
        if found:
            record["events"] = [json.loads(r["record"]) for r in found]
            record["events_level"] = level
            break
    return record


# ------------------------------------------------------------------------------- stories


def list_stories(conn: sqlite3.Connection, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    total = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    rows = conn.execute(
        "SELECT s.id, s.title, s.date_start, s.date_end, (SELECT count(*) FROM merged_events m "
        "WHERE m.story_id = s.id) AS events FROM stories s ORDER BY s.date_start DESC, s.id LIMIT ? OFFSET ?",
        (limit, offset)).fetchall()
    return total, [dict(row) for row in rows]


def get_story(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    """The story, its events, and for each event the outlets' versions side by side."""
    row = conn.execute("SELECT record FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    story = json.loads(row["record"])
    story["events"] = []
    for event_row in conn.execute("SELECT id, record FROM merged_events WHERE story_id = ? ORDER BY date_start, id",
                                  (story_id,)).fetchall():
        story["events"].append(compare_versions(conn, event_row["id"], json.loads(event_row["record"])))
    return story


def compare_versions(conn: sqlite3.Connection, merged_id: str, merged: dict[str, Any]) -> dict[str, Any]:
    versions = document_versions(conn, merged_id)
    return {"event": merged, "versions": versions, "disagreements": disagreements(versions),
            "disputes": merged.get("disputes", [])}


def version_value(event: dict[str, Any], name: str) -> Any:
    """A comparable value of one field of one version (tolls by figure and qualifier)."""
    value = event.get(name)
    if name in ("killed", "injured"):
        return None if not value else f"{value.get('qualifier', 'exact')}:{value.get('value')}"
    if name in ("actor1", "actor2"):
        return None if not value else (value.get("entity_id") or match_form(value.get("name_ar") or ""))
    return value


def disagreements(versions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fields whose values differ between versions (a missing value is not a disagreement,
    a denial always is)."""
    found = []
    for name in COMPARED_FIELDS:
        # One article can hold several versions (its own report and a denial it quotes).
        values = [(v["doc"], v["event"]["id"], version_value(v["event"], name)) for v in versions]
        present = {value for _, _, value in values if value is not None}
        if len(present) > 1 or (name == "modality" and "denied" in present):
            given = [(doc, event_id) for doc, event_id, value in values if value is not None]
            found.append({"field": name, "docs": sorted({doc for doc, _ in given}),
                          "events": [event_id for _, event_id in given]})
    return found


# ------------------------------------------------------------------------------- search


def search_documents(conn: sqlite3.Connection, query: str, limit: int, offset: int) -> dict[str, Any]:
    expression, groups = fts_expression(query)
    if not expression:
        raise BadParameter("q", "has no word to search for")
    total = conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (expression,)).fetchone()[0]
    rows = conn.execute(
        "SELECT f.doc_id, bm25(documents_fts, 0, 3.0, 1.0) AS score, d.title, d.outlet, d.published_date, d.text "
        "FROM documents_fts f JOIN documents d ON d.id = f.doc_id WHERE documents_fts MATCH ? "
        "ORDER BY score LIMIT ? OFFSET ?", (expression, limit, offset)).fetchall()
    items = []
    for row in rows:
        passage = snippet(row["text"], groups)
        items.append({"id": row["doc_id"], "title": row["title"], "outlet": row["outlet"],
                      "published": row["published_date"], "score": round(-row["score"], 4),
                      "snippet": passage.text, "highlights": [list(h) for h in passage.highlights]})
    return {"query": query, "words": query_words(query), "total": total, "limit": limit,
            "offset": offset, "items": items}

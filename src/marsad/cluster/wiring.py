"""The cross-document steps run over the store after a batch: events merged across outlets,
disputes linked, stories grouped, new entities clustered. Storage-free algorithms live in
cluster/events.py and cluster/entities.py; this module feeds them from SQLite and writes back."""

from __future__ import annotations

import json
import logging

from marsad.records import Event
from marsad.store import Store

log = logging.getLogger(__name__)


def run_cross_document(store: Store) -> None:
    from marsad.cluster.entity_store import merge_store_entities

    merge_store_entities(store)  # first: merged events then carry the canonical actor ids
    merge_store_events(store)


def merge_store_events(store: Store) -> None:
    from marsad.cluster.events import build_stories, link_disputes, merge_events

    # Date order keeps each event's merge candidates among the recently merged ones.
    rows = store.conn.execute("SELECT record FROM events ORDER BY date_start, id")
    merged = merge_events(Event.from_dict(json.loads(row["record"])) for row in rows)
    link_disputes(merged)
    stories = build_stories(merged)
    story_of = {event_id: story["id"] for story in stories for event_id in story["events"]}
    merged_of_report = {(report.doc, report.start): event.id for event in merged for report in event.reports}
    links = []
    for row in store.conn.execute("SELECT id, record FROM events"):
        reports = json.loads(row["record"]).get("reports") or []
        merged_id = next((merged_of_report[(r["doc"], r["start"])] for r in reports
                          if (r["doc"], r["start"]) in merged_of_report), None)
        if merged_id:
            links.append((row["id"], merged_id))
    for story in stories:
        members = [event for event in merged if event.id in set(story["events"])]
        dates = sorted(d for event in members for d in (event.date.start, event.date.end) if d)
        story.setdefault("date_start", dates[0] if dates else None)
        story.setdefault("date_end", dates[-1] if dates else None)
        story.setdefault("title", _story_title(members))
    with store.transaction():
        store.replace_merged(merged, stories, links, story_of)
    log.info("merged %d events into %d, %d stories", len(links), len(merged), len(stories))


def _story_title(events: list[Event]) -> str | None:
    """The story's most reported event, in words: type, place, date."""
    if not events:
        return None
    top = max(events, key=lambda e: (len(e.reports), e.killed.value if e.killed and e.killed.value else 0))
    place = (top.location.name_en or top.location.name_ar) if top.location else None
    return " · ".join(part for part in (top.sub_type or top.type, place, top.date.start) if part)

"""The cross-document steps run over the store after a batch: events merged across outlets,
disputes linked, stories grouped, new entities clustered. Storage-free algorithms live in
cluster/events.py and cluster/entities.py; this module feeds them from SQLite and writes back.
Events go through date windows (cluster/cross_store.py, cluster/windowed.py) so that memory does
not grow with the corpus; `merge_store_events_in_memory` is the whole-corpus reference they equal."""

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
    """Merge, link and group the stored events in date windows (bounded memory); in memory when the
    stored dates would make the windows inexact (cross_store.windowable)."""
    from marsad.cluster.cross_store import merge_store_events_windowed, windowable

    if not windowable(store):
        log.warning("event dates out of store order: merging every event in memory")
        merge_store_events_in_memory(store)
        return
    linked, merged, stories = merge_store_events_windowed(store)
    log.info("merged %d events into %d, %d stories", linked, merged, stories)


def merge_store_events_in_memory(store: Store) -> None:
    """The whole-corpus version: every event and merged event in memory at once. The reference the
    windowed one must equal (tests, benchmarks/finalize_memory.py)."""
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


def story_title_parts(event: Event) -> tuple:
    """What a story takes from one member: (reports, killed) to rank it for the title, its title,
    and its dates (cross_store computes _story_title's choice with these)."""
    killed = event.killed.value if event.killed and event.killed.value else 0
    place = (event.location.name_en or event.location.name_ar) if event.location else None
    title = " · ".join(part for part in (event.sub_type or event.type, place, event.date.start) if part)
    return len(event.reports), killed, title, event.date.start, event.date.end


def _story_title(events: list[Event]) -> str | None:
    """The story's most reported event, in words: type, place, date."""
    if not events:
        return None
    top = max(events, key=lambda e: (len(e.reports), e.killed.value if e.killed and e.killed.value else 0))
    place = (top.location.name_en or top.location.name_ar) if top.location else None
    return " · ".join(part for part in (top.sub_type or top.type, place, top.date.start) if part)

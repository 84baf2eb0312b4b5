"""Cross-document events: merge reports of one real event, link disputes, group stories.

Blocked, never all-pairs: events are bucketed by (type family, day) and by a ~25 km place cell, and
an event is compared only with the merged events of its own and the neighbouring day buckets
(±MERGE_DAYS) in its own and the 8 neighbouring cells (or, without coordinates, with the same admin1
or country key). Merging follows docs/events.md §9: same family, overlapping dates, places within
25 km (same admin1 when either is precision 3), actors that do not contradict (a null actor matches).
Everything is independent of storage: events in, merged events out.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable

from marsad.events.lexicon import FAMILY, RANK
from marsad.events.tolls import merged_figures, summarise_tolls
from marsad.records import Event, Toll

MERGE_DAYS = 2
MAX_KM = 25.0
CELL_DEG = 0.25  # about 25 km of latitude: neighbours within MAX_KM are in adjacent cells
STORY_DAYS = 7


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _km(a: Event, b: Event) -> float | None:
    la, lb = a.location, b.location
    if not la or not lb or la.lat is None or lb.lat is None or la.lon is None or lb.lon is None:
        return None
    p1, p2 = math.radians(la.lat), math.radians(lb.lat)
    dp, dl = p2 - p1, math.radians(lb.lon - la.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _places_agree(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        return True
    if 3 in (a.location.precision, b.location.precision):
        return bool(a.location.admin1) and a.location.admin1 == b.location.admin1 or (
            a.location.name_ar == b.location.name_ar)
    km = _km(a, b)
    if km is not None:
        return km <= MAX_KM
    return a.location.name_ar == b.location.name_ar


def _dates_agree(a: Event, b: Event, slack_days: int = MERGE_DAYS) -> bool:
    a0, a1 = _day(a.date.start), _day(a.date.end or a.date.start)
    b0, b1 = _day(b.date.start), _day(b.date.end or b.date.start)
    if None in (a0, a1, b0, b1):
        return True
    slack = dt.timedelta(days=slack_days)
    return a0 - slack <= b1 and b0 - slack <= a1  # type: ignore[operator]


def _actor_key(actor) -> str | None:
    if actor is None:
        return None
    return actor.entity_id or actor.name_en or actor.name_ar


def _actors_agree(a: Event, b: Event) -> bool:
    """A null actor matches anything; named actor1s must not differ."""
    ka, kb = _actor_key(a.actor1), _actor_key(b.actor1)
    return ka is None or kb is None or ka == kb


def _family(event: Event) -> str:
    return FAMILY.get(event.type, event.type)


def same_event(a: Event, b: Event) -> bool:
    if _family(a) != _family(b) or not _dates_agree(a, b) or not _places_agree(a, b):
        return False
    if a.type != b.type and "Battles" not in (a.type, b.type):
        return False
    if a.location is None and b.location is None and _actor_key(a.actor1) is None:
        return False  # nothing ties two placeless, actorless reports together
    return _actors_agree(a, b)


def _cell(event: Event) -> tuple:
    loc = event.location
    if loc is not None and loc.lat is not None and loc.lon is not None:
        return ("xy", int(math.floor(loc.lat / CELL_DEG)), int(math.floor(loc.lon / CELL_DEG)))
    if loc is not None:
        return ("admin", loc.admin1 or loc.name_ar)
    return ("none",)


def _neighbour_cells(cell: tuple) -> list[tuple]:
    if cell[0] != "xy":
        return [cell]
    _, y, x = cell
    return [("xy", y + dy, x + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]


def _day_bucket(event: Event) -> int:
    day = _day(event.date.start)
    return day.toordinal() if day else 0


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge reports of the same real event across documents; events are streamed in once.

    Denied, planned and hypothetical records never absorb reported ones (they are linked by
    `link_disputes` instead). The merged event keeps every report, every toll with its source, and
    the ACLED/UCDP figures with their rules in `notes`.
    """
    merged: list[Event] = []
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for event in events:
        target = _find_target(event, merged, blocks)
        if target is None:
            merged.append(copy.deepcopy(event))
            index = len(merged) - 1
            _register(merged[index], index, blocks)
            continue
        _absorb(merged[target], event)
    for event in merged:
        _settle_figures(event)
    return merged


def _block_keys(event: Event, day: int, cell: tuple) -> tuple:
    return (_family(event), event.modality, day, cell)


def _register(event: Event, index: int, blocks: dict[tuple, list[int]]) -> None:
    blocks[_block_keys(event, _day_bucket(event), _cell(event))].append(index)


def _find_target(event: Event, merged: list[Event], blocks: dict[tuple, list[int]]) -> int | None:
    day = _day_bucket(event)
    for cell in _neighbour_cells(_cell(event)) + ([("none",)] if event.location else []):
        for offset in range(-MERGE_DAYS, MERGE_DAYS + 1):
            for index in blocks.get(_block_keys(event, day + offset if day else 0, cell), ()):
                if same_event(merged[index], event):
                    return index
    if event.location is None:
        # A placeless report may join a placed event of the same family on those days.
        for key, indices in blocks.items():
            if key[0] == _family(event) and key[1] == event.modality and (not day or abs(key[2] - day) <= MERGE_DAYS):
                for index in indices:
                    if same_event(merged[index], event):
                        return index
    return None


def _absorb(target: Event, other: Event) -> None:
    seen = {(r.doc, r.start) for r in target.reports}
    target.reports.extend(r for r in other.reports if (r.doc, r.start) not in seen)
    for toll in other.tolls:
        target.tolls.append(toll)
    if RANK.get((other.type, other.sub_type or ""), 99) < RANK.get((target.type, target.sub_type or ""), 99):
        target.type, target.sub_type = other.type, other.sub_type
    target.actor1 = target.actor1 or other.actor1
    target.actor2 = target.actor2 or other.actor2
    if target.location is None or (other.location and (other.location.precision or 3) < (target.location.precision or 3)):
        target.location = other.location or target.location
    if target.date.precision != "day" and other.date.precision == "day":
        target.date = other.date
    target.target_civilians = target.target_civilians or other.target_civilians
    sources = [s for s in (target.attributed_to, other.attributed_to) if s]
    target.attributed_to = "; ".join(dict.fromkeys("; ".join(sources).split("; "))) if sources else None
    target.disputes.extend(other.disputes)


def _settle_figures(event: Event) -> None:
    """killed = ACLED's lowest credible report over the sources; notes carry low/best/high."""
    kills = [t for t in event.tolls if t is not event.injured and not _is_injury(event, t)]
    if len(kills) < 2:
        return
    figures = merged_figures(kills)
    lowest = min((t for t in kills if t.value is not None), key=lambda t: t.value or 0, default=None)
    if lowest is not None:
        event.killed = lowest
    event.notes = (f"tolls by source: {summarise_tolls(kills)} | acled={figures['acled']['value']} "
                   f"({figures['acled']['rule']}); low={_v(figures['low'])}; best={_v(figures['best'])} "
                   f"({(figures['best'] or {}).get('rule')}); high={_v(figures['high'])}")
    _toll_disputes(event, kills)


def _is_injury(event: Event, toll: Toll) -> bool:
    text = (toll.text or "")
    return any(stem in text for stem in ("جرح", "جريح", "إصاب", "اصاب", "أصيب", "مصاب"))


def _v(figure: dict | None) -> int | None:
    return None if figure is None else figure["value"]


def _toll_disputes(event: Event, kills: list[Toll]) -> None:
    known = [t for t in kills if t.value is not None]
    values = {(t.value, t.source) for t in known}
    if len({v for v, _ in values}) > 1 and not any(d.get("kind") == "toll" for d in event.disputes):
        event.disputes.append({"kind": "toll", "a": event.id, "b": event.id,
                               "note": summarise_tolls(known)})


def link_disputes(events: list[Event]) -> list[dict]:
    """Denials linked to the reports they deny, across documents; returns the new links.

    A `denied` record disputes a `reported` record of the same family whose dates and places agree
    and whose actor1 does not contradict it. Links are written into both records' `disputes`.
    """
    reported_by_family: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.modality == "reported":
            reported_by_family[_family(event)].append(event)
    links = []
    for denied in (e for e in events if e.modality == "denied"):
        for claim in reported_by_family.get(_family(denied), ()):
            if claim.doc == denied.doc and any(d.get("b") == denied.id for d in claim.disputes):
                continue  # already linked inside the document
            if _dates_agree(claim, denied, 7) and _places_agree(claim, denied) and _actors_agree(claim, denied):
                link = {"kind": "denial", "a": claim.id, "b": denied.id,
                        "note": f"{denied.attributed_to or 'a source'} denies what "
                                f"{claim.attributed_to or 'the report'} reports"}
                claim.disputes.append(link)
                denied.disputes.append(link)
                links.append(link)
                break
    return links


def build_stories(events: list[Event], window_days: int = STORY_DAYS) -> list[dict]:
    """Stories: connected components over merged events that share a document, a dispute, or a
    named actor within `window_days`. Blocked by actor key, so the cost grows with shared names,
    not with the square of the corpus."""
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    by_id = {e.id: i for i, e in enumerate(events)}
    by_doc: dict[str, int] = {}
    by_actor: dict[str, list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        for report in event.reports:
            if report.doc in by_doc:
                union(i, by_doc[report.doc])
            by_doc.setdefault(report.doc, i)
        for dispute in event.disputes:
            for role in ("a", "b"):
                if dispute.get(role) in by_id:
                    union(i, by_id[dispute[role]])
        for actor in (event.actor1, event.actor2):
            key = _actor_key(actor)
            if key and not key.startswith("Civilians"):
                for j in by_actor[key]:
                    if _dates_agree(events[j], event, window_days):
                        union(i, j)
                        break
                by_actor[key].append(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        groups[find(i)].append(i)
    stories = []
    for members in groups.values():
        ids = sorted(events[i].id for i in members)
        docs = sorted({r.doc for i in members for r in events[i].reports})
        story_id = "st-" + hashlib.blake2b(ids[0].encode(), digest_size=6).hexdigest()
        stories.append({"id": story_id, "events": ids, "docs": docs})
    return stories


__all__ = ["merge_events", "link_disputes", "build_stories", "same_event"]

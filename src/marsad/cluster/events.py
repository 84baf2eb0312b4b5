"""Cross-document events: merge reports of one real event, derive its tolls, link disputes, group stories.

Blocked, never all-pairs: events are bucketed by (type family, modality, day) and by a ~25 km place
cell, and an event is compared only with the merged events of its own and the neighbouring day buckets
(±MERGE_DAYS) in its own and the 8 neighbouring cells (or, without coordinates, with the same admin1 or
country key). Merging follows docs/events.md §9: same family, overlapping dates, places within 25 km
(same admin1 when either is precision 3), actors that do not contradict (a null or unidentified actor
matches), **and** one positive tie besides type and date (a precise place, a named actor, the same
figure): two reports that merely share a province and a day stay apart. Tolls follow §6: every figure
is kept with its source and document, and the merged event carries ACLED's conservative figure and
UCDP-style low / best / high, each with the rule that produced it (`Event.figures`).
Everything is independent of storage: events in, merged events out.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from statistics import median_low

from marsad.events.lexicon import FAMILY, RANK
from marsad.records import Actor, Event, Toll

MERGE_DAYS = 2
DENIAL_DAYS = 7
ADJACENT_CHARS = 3  # evidence sentences this close are consecutive
MAX_KM = 25.0
CELL_DEG = 0.25  # about 25 km of latitude: neighbours within MAX_KM are in adjacent cells
STORY_DAYS = 7
GENERIC_ACTORS = ("Unidentified armed group", "Unidentified")

RULE_CONSERVATIVE = "acled: lowest credible report (lower bound of at_least/about/range) over all sources"
RULE_UNKNOWN = "acled: deaths reported, no source gives a count: 0 for the CSV"
RULE_LOW = "ucdp low: lowest credible report (lower bound)"
RULE_BEST_SINGLE = "ucdp best: the only figure reported"
RULE_BEST_EXACT = "ucdp best: median of the exact counts (the most detailed sources)"
RULE_BEST_MEDIAN = "ucdp best: median of the sources' figures (no exact count)"
RULE_HIGH = "ucdp high: highest figure reported (a range's upper bound)"

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_INJURY = ("جرح", "جريح", "إصاب", "اصاب", "أصيب", "اصيب", "مصاب", "يصاب")


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


def _coarse(event: Event) -> bool:
    loc = event.location
    return loc is not None and ((loc.precision or 3) >= 3 or loc.feature in ("country", "admin1"))


def _places_agree(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        return True
    la, lb = a.location, b.location
    if la.country and lb.country and la.country != lb.country:
        return False
    if _coarse(a) or _coarse(b):
        if not la.admin1 or not lb.admin1:  # a country-level place: same country is all we know
            return True
        return la.admin1 == lb.admin1 or la.name_ar == lb.name_ar
    km = _km(a, b)
    if km is not None:
        return km <= MAX_KM
    return la.name_ar == lb.name_ar


def _places_tie(a: Event, b: Event) -> bool:
    """A positive place tie: both precise (precision 1/2) and within 25 km, or the same named place."""
    if a.location is None or b.location is None or _coarse(a) or _coarse(b):
        return False
    km = _km(a, b)
    return km <= MAX_KM if km is not None else a.location.name_ar == b.location.name_ar


def _dates_agree(a: Event, b: Event, slack_days: int = MERGE_DAYS) -> bool:
    a0, a1 = _day(a.date.start), _day(a.date.end or a.date.start)
    b0, b1 = _day(b.date.start), _day(b.date.end or b.date.start)
    if None in (a0, a1, b0, b1):
        return True
    slack = dt.timedelta(days=slack_days)
    return a0 - slack <= b1 and b0 - slack <= a1  # type: ignore[operator]


def _actor_key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.entity_id or actor.name_en or actor.name_ar


def _named(actor: Actor | None) -> bool:
    return actor is not None and not (actor.name_en or "").startswith(GENERIC_ACTORS)


def _same_actor(x: Actor, y: Actor) -> bool:
    if x.entity_id and y.entity_id:
        return x.entity_id == y.entity_id
    if x.name_en and y.name_en:
        return x.name_en == y.name_en or _civilians(x) and _civilians(y)
    return x.name_ar == y.name_ar


def _civilians(actor: Actor) -> bool:
    return (actor.name_en or "").startswith("Civilians")


def _compatible_actor(x: Actor | None, y: Actor | None) -> bool:
    return not _named(x) or not _named(y) or _same_actor(x, y)  # type: ignore[arg-type]


def _actors_agree(a: Event, b: Event, swap: bool = True) -> bool:
    """Actors do not contradict: each role null, unidentified, or the same actor; for Battles the
    roles may be swapped (each side reports the other as the attacker), never for a denial."""
    if _compatible_actor(a.actor1, b.actor1) and _compatible_actor(a.actor2, b.actor2):
        return True
    return swap and "Battles" in (a.type, b.type) and _compatible_actor(a.actor1, b.actor2) and _compatible_actor(
        a.actor2, b.actor1)


def _actor_tie(a: Event, b: Event) -> bool:
    return any(_named(x) and _named(y) and _same_actor(x, y)  # type: ignore[arg-type]
               for x in (a.actor1, a.actor2) for y in (b.actor1, b.actor2)
               if not (x and _civilians(x)))


def _bare(event: Event) -> bool:
    return event.location is None and not _named(event.actor1) and not _named(event.actor2)


def _continuation(a: Event, b: Event) -> bool:
    """One article, consecutive sentences, one of them with no place and no actor: the follow-up
    sentence that gives the toll of the event just reported (docs/events.md §8.2)."""
    if not (_bare(a) or _bare(b)):
        return False
    return any(ra.doc == rb.doc and 0 <= max(ra.start, rb.start) - min(ra.end, rb.end) <= ADJACENT_CHARS
               for ra in a.reports for rb in b.reports)


def _family(event: Event) -> str:
    return FAMILY.get(event.type, event.type)


def _kill_values(event: Event) -> set[int]:
    return {t.value for t in event.tolls if t.value is not None and toll_kind(event, t) == "killed"}


def same_event(a: Event, b: Event) -> bool:
    """Hard agreement (family, sub-type, dates, places, actors) plus one positive tie."""
    if _family(a) != _family(b) or a.modality != b.modality:
        return False
    if a.type != b.type and "Battles" not in (a.type, b.type):
        return False
    if not (_dates_agree(a, b) and _places_agree(a, b) and _actors_agree(a, b)):
        return False
    if a.type == b.type == "Diplomacy" and a.sub_type != b.sub_type and "Phone call" in (a.sub_type, b.sub_type):
        return False  # a call is never the meeting
    return _places_tie(a, b) or _weak_ties(a, b) or _continuation(a, b)


def _both_actors_same(a: Event, b: Event) -> bool:
    pairs = ((a.actor1, b.actor1), (a.actor2, b.actor2))
    if _actor_key(a.actor1) == _actor_key(a.actor2) or _actor_key(b.actor1) == _actor_key(b.actor2):
        return False  # "Islamic State vs Islamic State" is an extraction slip, not two actors
    return all(_named(x) and _named(y) and _same_actor(x, y) for x, y in pairs)  # type: ignore[arg-type]


def _weak_ties(a: Event, b: Event) -> bool:
    """Without a precise shared place: a named actor or the same exact figure ties two placed reports
    (same province); a placeless report needs both actors the same (one actor or one figure, such as
    "Islamic State" or "10", is shared by too many events of a day)."""
    if a.location is None or b.location is None:
        return _both_actors_same(a, b)
    exact = {t.value for e in (a, b) for t in e.tolls if t.qualifier == "exact" and t.value}
    return _actor_tie(a, b) or bool(_kill_values(a) & _kill_values(b) & exact)


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


# --------------------------------------------------------------------------------------------
# merging


class _Merged:
    """A merged event under construction: the record and who it was built from."""

    __slots__ = ("event", "members")

    def __init__(self, event: Event) -> None:
        self.event = event
        self.members: list[tuple[str | None, str | None, str]] = []  # (doc, attributed_to, event id)


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge reports of the same real event across documents; events are streamed in once.

    Modalities never mix (a denial is linked by `link_disputes`, not absorbed). Two records of one
    document merge only when they come from different sources (the article quotes two of them for one
    event); otherwise the extractor already judged them distinct. Disputes are re-pointed at merged ids.
    """
    groups: dict[int, _Merged] = {}
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for event in events:
        merge_one(copy.deepcopy(event), groups, blocks, len(groups))
    id_map = {member_id: m.event.id for m in groups.values() for _, _, member_id in m.members}
    out = [m.event for m in groups.values()]
    for event in out:
        remap_disputes(event, id_map)
        settle_figures(event)
    return out


def merge_one(event: Event, groups: dict[int, _Merged], blocks: dict[tuple, list[int]],
              new_index: int) -> tuple[int, bool]:
    """One step of `merge_events` (shared with cluster/windowed.py): the event (a copy the caller
    gives away) joins its best group or starts one at `new_index`; returns (group index, created)."""
    _tag_tolls(event)
    target = _find_target(event, groups, blocks)
    created = target is None
    if target is None:
        target = new_index
        groups[target] = _Merged(event)
        _register(event, target, blocks)
    else:
        _absorb(groups[target].event, event)
    groups[target].members.append((event.doc, event.attributed_to, event.id))
    return target, created


def toll_kind(event: Event, toll: Toll) -> str:
    """killed or injured: the toll's own kind, else whether it is the event's `injured`, else its words."""
    if toll.kind:
        return toll.kind
    if event.injured is not None and toll == event.injured:
        return "injured"
    text = _DIACRITICS.sub("", toll.text or "")
    return "injured" if any(stem in text for stem in _INJURY) else "killed"


def _tag_tolls(event: Event) -> None:
    for toll in event.tolls:
        toll.kind = toll_kind(event, toll)
        toll.doc = toll.doc or event.doc or (event.reports[0].doc if event.reports else None)
        toll.source = toll.source or event.attributed_to
    for toll in (event.killed, event.injured):
        if toll is not None:
            toll.doc = toll.doc or event.doc


def _block_keys(event: Event, day: int, cell: tuple) -> tuple:
    return (_family(event), event.modality, day, cell)


def _register(event: Event, index: int, blocks: dict[tuple, list[int]]) -> None:
    blocks[_block_keys(event, _day_bucket(event), _cell(event))].append(index)


def _docs_allow(group: _Merged, event: Event) -> bool:
    same_source = any(doc == event.doc and (source or None) == (event.attributed_to or None)
                      for doc, source, _ in group.members)
    return not same_source or _continuation(group.event, event)


def _score(target: Event, event: Event) -> tuple:
    km = _km(target, event)
    return (_places_tie(target, event) + _actor_tie(target, event) + _both_actors_same(target, event)
            + _continuation(target, event),
            -(km if km is not None else MAX_KM))


def _find_target(event: Event, merged: dict[int, _Merged], blocks: dict[tuple, list[int]]) -> int | None:
    day = _day_bucket(event)
    cells = _neighbour_cells(_cell(event)) + ([("none",)] if event.location else [])
    candidates = {index for cell in cells for offset in range(-MERGE_DAYS, MERGE_DAYS + 1)
                  for index in blocks.get(_block_keys(event, day + offset if day else 0, cell), ())}
    if event.location is None or _coarse(event):
        # A placeless or province-level report may join a placed event of the same family on those days.
        for key, indices in blocks.items():
            if key[0] == _family(event) and key[1] == event.modality and (not day or abs(key[2] - day) <= MERGE_DAYS):
                candidates.update(indices)
    best, best_score = None, None
    for index in sorted(candidates):
        group = merged[index]
        if not _docs_allow(group, event) or not same_event(group.event, event):
            continue
        score = _score(group.event, event)
        if best_score is None or score > best_score:
            best, best_score = index, score
    return best


def _absorb(target: Event, other: Event) -> None:
    seen = {(r.doc, r.start) for r in target.reports}
    target.reports.extend(r for r in other.reports if (r.doc, r.start) not in seen)
    target.tolls.extend(other.tolls)
    if RANK.get((other.type, other.sub_type or ""), 99) < RANK.get((target.type, target.sub_type or ""), 99):
        target.type, target.sub_type = other.type, other.sub_type
    for role in ("actor1", "actor2"):
        if not _named(getattr(target, role)) and _named(getattr(other, role)):
            setattr(target, role, getattr(other, role))
    if target.location is None or (other.location and (other.location.precision or 3) < (target.location.precision or 3)):
        target.location = other.location or target.location
    if target.date.precision != "day" and other.date.precision == "day":
        target.date = other.date
    target.target_civilians = target.target_civilians or other.target_civilians
    sources = [s for s in (target.attributed_to, other.attributed_to) if s]
    target.attributed_to = "; ".join(dict.fromkeys("; ".join(sources).split("; "))) if sources else None
    target.disputes.extend(other.disputes)


def remap_disputes(event: Event, id_map: dict[str, str], keep_tolls: bool = False) -> None:
    """Point disputes at merged ids and drop duplicates. Toll disputes are dropped (settle_figures
    redoes them over all sources) unless keep_tolls: then they were settled already and stay."""
    seen, kept = set(), []
    for dispute in event.disputes:
        if dispute.get("kind") == "toll":
            if keep_tolls:
                kept.append(dispute)
            continue
        dispute = dict(dispute, a=id_map.get(dispute.get("a"), dispute.get("a")),
                       b=id_map.get(dispute.get("b"), dispute.get("b")))
        key = (dispute.get("kind"), dispute["a"], dispute["b"])
        if key not in seen and dispute["a"] != dispute["b"]:
            seen.add(key)
            kept.append(dispute)
    event.disputes = kept


# --------------------------------------------------------------------------------------------
# tolls per source


def _lower(toll: Toll) -> int:
    return toll.value or 0


def _upper(toll: Toll) -> int:
    return toll.high if toll.qualifier == "range" and toll.high is not None else (toll.value or 0)


def _figure(toll: Toll) -> str:
    figure = "unknown" if toll.value is None else str(toll.value)
    if toll.qualifier == "range" and toll.high is not None:
        figure += f"-{toll.high}"
    return f"{toll.source or 'unattributed'}: {figure} {toll.qualifier}"


def derive_figures(tolls: list[Toll]) -> dict:
    """ACLED's conservative figure and UCDP low / best / high over one kind of toll, each with its rule.

    Figures are deduplicated per (source, document, value, qualifier): an article that repeats its
    figure in the lead and the body is one report, two outlets giving the same figure are two.
    """
    by_source, seen = [], set()
    for toll in tolls:
        key = (toll.source, toll.doc, toll.value, toll.qualifier, toll.high)
        if key in seen:
            continue
        seen.add(key)
        by_source.append(toll)
    known = [t for t in by_source if t.value is not None]
    rows = [{"source": t.source, "doc": t.doc, "value": t.value, "qualifier": t.qualifier, "high": t.high,
             "text": t.text} for t in by_source]
    if not known:
        return {"by_source": rows, "conservative": {"value": 0, "rule": RULE_UNKNOWN, "source": None},
                "low": None, "best": None, "high": None}
    lowest = min(known, key=_lower)
    lows = sorted(_lower(t) for t in known)
    exact = sorted(t.value for t in known if t.qualifier == "exact")  # type: ignore[misc]
    if len(set(lows)) == 1:
        best = {"value": lows[0], "rule": RULE_BEST_SINGLE}
    elif exact:
        best = {"value": median_low(exact), "rule": RULE_BEST_EXACT}
    else:
        best = {"value": median_low(lows), "rule": RULE_BEST_MEDIAN}
    return {
        "by_source": rows,
        "conservative": {"value": _lower(lowest), "rule": RULE_CONSERVATIVE, "source": lowest.source,
                         "doc": lowest.doc},
        "low": {"value": lows[0], "rule": RULE_LOW},
        "best": best,
        "high": {"value": max(_upper(t) for t in known), "rule": RULE_HIGH},
    }


def settle_figures(event: Event) -> None:
    """Fill `figures`, set `killed`/`injured` to the conservative report, note the rules, and add a
    toll dispute when the sources' death figures differ."""
    notes = []
    for kind in ("killed", "injured"):
        tolls = [t for t in event.tolls if toll_kind(event, t) == kind]
        if not tolls:
            continue
        figures = derive_figures(tolls)
        event.figures[kind] = figures
        chosen = figures["conservative"]
        pick = next((t for t in tolls if t.value is not None and _lower(t) == chosen["value"]), None)
        setattr(event, kind, copy.copy(pick) if pick else Toll(None, "unknown", source=tolls[0].source,
                                                                   kind=kind, doc=tolls[0].doc))
        if len(figures["by_source"]) > 1:
            spread = "/".join(str(_v(figures[k])) for k in ("low", "best", "high"))
            notes.append(f"{kind}: {'; '.join(_figure(t) for t in _dedup(tolls))}; conservative={chosen['value']} "
                         f"(lowest credible); low/best/high={spread} ({figures['best']['rule'] if figures['best'] else '-'})")
    if notes:
        event.notes = " | ".join(notes)
    _toll_dispute(event)


def _dedup(tolls: list[Toll]) -> list[Toll]:
    seen, out = set(), []
    for t in tolls:
        key = (t.source, t.doc, t.value, t.qualifier, t.high)
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


def _v(figure: dict | None) -> int | None:
    return None if figure is None else figure["value"]


def _toll_dispute(event: Event) -> None:
    known = [t for t in _dedup([t for t in event.tolls if toll_kind(event, t) == "killed"]) if t.value is not None]
    if len({(t.value, t.qualifier, t.high) for t in known}) < 2:
        return
    low = min(known, key=_lower)
    conflict = any(t.qualifier in ("exact", "at_most") and _upper(t) < max(_lower(u) for u in known) for t in known)
    sources = {t.source for t in known}
    event.disputes = [d for d in event.disputes if d.get("kind") != "toll"]
    event.disputes.append({
        "kind": "toll", "a": event.id, "b": event.id,
        "figures": [{"source": t.source, "doc": t.doc, "value": t.value, "qualifier": t.qualifier, "high": t.high}
                    for t in known],
        "compatible": not conflict,
        "note": (f"{len(known)} figures for the dead from {len(sources)} source(s): "
                 f"{'; '.join(_figure(t) for t in known)}; "
                 f"{'conflicting' if conflict else 'compatible (a floor and a higher count, possibly an update)'}; "
                 f"conservative {low.value} from {low.source or 'unattributed'}"),
    })


# --------------------------------------------------------------------------------------------
# denials


def _denial_score(claim: Event, denied: Event) -> int:
    """How strongly a reported record is the one a denial denies; 0 = no positive tie."""
    score = bool({r.doc for r in claim.reports} & {r.doc for r in denied.reports})
    if _named(claim.actor1) and _named(denied.actor1) and _same_actor(claim.actor1, denied.actor1):  # type: ignore[arg-type]
        score += 3
    if _named(claim.actor2) and _named(denied.actor2) and _same_actor(claim.actor2, denied.actor2):  # type: ignore[arg-type]
        score += 2
    if _kill_values(claim) & _kill_values(denied):
        score += 2
    if _places_tie(claim, denied):
        score += 2
    if claim.sub_type and claim.sub_type == denied.sub_type:
        score += 1
    return score if score >= 3 else 0


def denial_tie_keys(event: Event, neighbours: bool = False) -> set[str]:
    """Keys that a reported record and a denial share whenever `_denial_score` can be non-zero.

    A score of 3 needs an actor, toll or place tie (a shared document and sub-type make 2), so a
    claim that shares none of these keys with a denial is never its best candidate: the keys find
    the few candidates without reading every claim of the denial's days. A superset: sharing a key
    proves nothing, `_denial_score` decides. With `neighbours`, the latitude cells on either side
    (a place within MAX_KM lies in the same or an adjacent cell of CELL_DEG)."""
    keys = {f"k:{value}" for value in _kill_values(event)}
    for role, actor in (("1", event.actor1), ("2", event.actor2)):
        if not _named(actor):
            continue
        keys.add(f"a{role}:ar:{actor.name_ar or ''}")  # type: ignore[union-attr]  # _same_actor's last resort
        if actor.entity_id:  # type: ignore[union-attr]
            keys.add(f"a{role}:id:{actor.entity_id}")  # type: ignore[union-attr]
        if actor.name_en:  # type: ignore[union-attr]
            keys.add(f"a{role}:en:{actor.name_en}")  # type: ignore[union-attr]
        if _civilians(actor):  # type: ignore[arg-type]
            keys.add(f"a{role}:civilians")
    loc = event.location
    if loc is not None and not _coarse(event):
        keys.add(f"p:{loc.name_ar or ''}")
        if loc.lat is not None and loc.lon is not None:
            cell = math.floor(loc.lat / CELL_DEG)
            keys |= {f"lat:{c}" for c in ((cell - 1, cell, cell + 1) if neighbours else (cell,))}
    return keys


def _agree_for_denial(claim: Event, denied: Event) -> bool:
    return (_family(claim) == _family(denied) and _dates_agree(claim, denied, DENIAL_DAYS)
            and _places_agree(claim, denied) and _actors_agree(claim, denied, swap=False))


def _drop_contradicted_denials(denied: Event, by_id: dict[str, Event]) -> None:
    for dispute in list(denied.disputes):
        claim = by_id.get(dispute.get("a"))
        if dispute.get("kind") != "denial" or claim is None or claim is denied:
            continue
        if not _agree_for_denial(claim, denied):
            denied.disputes.remove(dispute)
            claim.disputes[:] = [d for d in claim.disputes if not (d.get("kind") == "denial" and d.get("b") == denied.id)]


def link_disputes(events: list[Event]) -> list[dict]:
    """Denials linked to the one reported record they deny, across documents; returns the new links.

    A `denied` record disputes a `reported` record of the same family whose dates (±7 days) and places
    agree and whose actors do not contradict it, and with at least one positive tie: the same
    document, the same named alleged perpetrator (actor1), or the same precise place and sub-type.
    Among the candidates the strongest tie wins; a denial is linked to one claim only, never to every
    event of the story. Links the extractor made inside an article are kept when they pass the same
    agreement test (dates, places, actors), dropped otherwise, and the denial is then linked afresh.
    """
    by_id = {e.id: e for e in events}
    reported_by_family: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.modality == "reported":
            reported_by_family[_family(event)].append(event)
    links = []
    for denied in (e for e in events if e.modality == "denied"):
        _drop_contradicted_denials(denied, by_id)
        if any(d.get("kind") == "denial" and d.get("a") in by_id for d in denied.disputes):
            continue
        best, best_score = None, 0
        for claim in reported_by_family.get(_family(denied), ()):
            if not _agree_for_denial(claim, denied):
                continue
            score = _denial_score(claim, denied)
            if score > best_score:
                best, best_score = claim, score
        if best is None:
            continue
        links.append(add_denial_link(best, denied))
    return links


def add_denial_link(claim: Event, denied: Event) -> dict:
    """Link a denial to the claim it denies, on both records; returns the link."""
    link = {"kind": "denial", "a": claim.id, "b": denied.id,
            "note": f"{denied.attributed_to or 'a source'} denies the "
                    f"{(claim.sub_type or claim.type).lower()} that {claim.attributed_to or 'the report'} reports"
                    + (f" ({claim.killed.value} killed)" if claim.killed and claim.killed.value else "")}
    claim.disputes.append(link)
    denied.disputes.append(link)
    return link


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


__all__ = ["merge_events", "link_disputes", "add_denial_link", "build_stories", "same_event"]

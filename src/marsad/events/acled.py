"""ACLED-style CSV rows and GeoJSON features for events (docs/events.md §10).

ACLED does not code Diplomacy and Statement; marsad keeps them in the same CSV with their own
event_type names and disorder_type `Diplomacy` / `Statement`, so that a pure ACLED file is one filter
away (`disorder_type` in Political violence / Demonstrations / Strategic developments).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time

from marsad.records import Event

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations", "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments", "Diplomacy": "Diplomacy", "Statement": "Statement",
}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
# ISO 3166 numeric and ISO3 of the countries the corpus covers; others get blank codes.
ISO = {"Syria": (760, "SYR"), "Iraq": (368, "IRQ"), "Yemen": (887, "YEM"), "Lebanon": (422, "LBN"),
       "Saudi Arabia": (682, "SAU"), "Russia": (643, "RUS"), "Turkey": (792, "TUR"), "Iran": (364, "IRN"),
       "Egypt": (818, "EGY"), "Libya": (434, "LBY"), "Jordan": (400, "JOR"), "Israel": (376, "ISR"),
       "Palestine": (275, "PSE"), "Switzerland": (756, "CHE"), "Kazakhstan": (398, "KAZ"),
       "United States": (840, "USA"), "Afghanistan": (4, "AFG"), "Tunisia": (788, "TUN"),
       "Bahrain": (48, "BHR"), "Kuwait": (414, "KWT"), "Qatar": (634, "QAT"),
       "United Arab Emirates": (784, "ARE"), "Sudan": (729, "SDN"), "Somalia": (706, "SOM")}
MIDDLE_EAST = {"Syria", "Iraq", "Yemen", "Lebanon", "Saudi Arabia", "Turkey", "Iran", "Jordan", "Israel",
               "Palestine", "Bahrain", "Kuwait", "Qatar", "United Arab Emirates", "Oman"}
STATE_WORDS = ("Military Forces", "Ministry", "Police Forces")


def _event_date(event: Event) -> str:
    """The day for precision day, else the middle of the interval (ACLED)."""
    start, end = event.date.start, event.date.end or event.date.start
    if not start:
        return ""
    if event.date.precision == "day" or start == end:
        return start[:10]
    a, b = dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
    return (a + (b - a) // 2).isoformat()


def _inter(name: str | None) -> str:
    if not name:
        return ""
    if name.startswith(STATE_WORDS):
        return "State forces"
    if name.startswith("Civilians"):
        return "Civilians"
    if name.startswith("Protesters"):
        return "Protesters"
    if "coalition" in name or name == "Hezbollah":
        return "External/Other forces"
    return "Rebel group"


def _stable_id(event: Event, iso3: str) -> str:
    digits = int(hashlib.blake2b(event.id.encode(), digest_size=5).hexdigest(), 16) % 10**9
    return f"{iso3 or 'XXX'}{digits}"


def _tags(event: Event) -> str:
    tags = []
    if event.modality != "reported":
        tags.append(f"modality={event.modality}")
    if event.status and event.status != "held":
        tags.append(f"status={event.status}")
    if event.injured is not None and event.injured.value is not None:
        tags.append(f"injured={event.injured.value}")
    for kind in sorted({d.get("kind", "") for d in event.disputes}):
        tags.append(f"dispute={kind}")
    return "; ".join(tags)


def _notes(event: Event) -> str:
    parts = [event.sub_type or event.type]
    if event.actor1:
        parts.append(f"actor1: {event.actor1.name_en or event.actor1.name_ar}")
    if event.actor2:
        parts.append(f"actor2: {event.actor2.name_en or event.actor2.name_ar}")
    if event.location:
        parts.append(f"at {event.location.name_en or event.location.name_ar}")
    per_source = [f"{t.source or 'unattributed'}: {t.value if t.value is not None else 'unknown'} ({t.qualifier})"
                  for t in event.tolls]
    if per_source:
        parts.append("tolls " + ", ".join(per_source))
    if event.notes:
        parts.append(event.notes)
    return "; ".join(parts)


def _fatalities(event: Event) -> int:
    """A merged event's conservative figure (docs/events.md §9); for one article's event, the lowest
    of its death figures. Compared by value, not identity: records loaded from the store are copies."""
    conservative = (event.figures.get("killed") or {}).get("conservative") or {}
    if conservative.get("value") is not None:
        return conservative["value"]
    kills = [t.value for t in event.tolls
             if t.value is not None and t.kind != "injured" and (t.kind == "killed" or t != event.injured)]
    fatalities = event.killed.value if event.killed and event.killed.value is not None else None
    candidates = kills + ([fatalities] if fatalities is not None else [])
    return min(candidates) if candidates else 0


def to_acled_row(event: Event, outlet: str | None = None, timestamp: int | None = None) -> dict:
    """One ACLED CSV row (all COLUMNS) for an event. `fatalities` is the lowest credible figure over
    the event's sources (a merged event's `killed` already is); unknown → 0."""
    loc = event.location
    country = loc.country if loc and loc.country else ""
    iso_num, iso3 = ISO.get(country, ("", ""))
    event_date = _event_date(event)
    actor1 = event.actor1.name_en or event.actor1.name_ar if event.actor1 else ""
    actor2 = event.actor2.name_en or event.actor2.name_ar if event.actor2 else ""
    inter1, inter2 = _inter(actor1), _inter(actor2)
    fatalities = _fatalities(event)
    sources = event.attributed_to or outlet or ""
    return {
        "event_id_cnty": _stable_id(event, iso3),
        "event_date": event_date,
        "year": event_date[:4],
        "time_precision": TIME_PRECISION.get(event.date.precision or "", ""),
        "disorder_type": DISORDER.get(event.type, event.type),
        "event_type": event.type,
        "sub_event_type": event.sub_type or "",
        "actor1": actor1,
        "assoc_actor_1": "; ".join(a.name_en or a.name_ar for a in event.assoc_actor1),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "; ".join(a.name_en or a.name_ar for a in event.assoc_actor2),
        "inter2": inter2,
        "interaction": f"{inter1} – {inter2}" if inter1 and inter2 else (f"{inter1} only" if inter1 else ""),
        "civilian_targeting": "Civilians targeted" if event.target_civilians else "",
        "iso": iso_num,
        "region": "Middle East" if country in MIDDLE_EAST else "",
        "country": country,
        "admin1": loc.admin1 or "" if loc else "",
        "admin2": loc.admin2 or "" if loc else "",
        "admin3": "",
        "location": (loc.name_en or loc.name_ar) if loc else "",
        "latitude": f"{loc.lat:.4f}" if loc and loc.lat is not None else "",
        "longitude": f"{loc.lon:.4f}" if loc and loc.lon is not None else "",
        "geo_precision": loc.precision or "" if loc else "",
        "source": sources,
        "source_scale": "Other",
        "notes": _notes(event),
        "fatalities": fatalities,
        "tags": _tags(event),
        "timestamp": timestamp if timestamp is not None else int(time.time()),
    }


def to_geojson_feature(event: Event) -> dict:
    """A GeoJSON Feature (Point, lon/lat) with the ACLED row as properties; geometry null when the
    event has no coordinates."""
    row = to_acled_row(event)
    loc = event.location
    geometry = None
    if loc is not None and loc.lat is not None and loc.lon is not None:
        geometry = {"type": "Point", "coordinates": [round(loc.lon, 4), round(loc.lat, 4)]}
    properties = {**row, "id": event.id, "modality": event.modality, "doc": event.doc,
                  "reports": len(event.reports)}
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}

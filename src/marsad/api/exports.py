"""Streamed exports of any filtered view of the events: JSON Lines, CSV (ACLED columns), GeoJSON.

The CSV and GeoJSON converters are the export contract's (`marsad.events.acled`); while that
module is absent a minimal converter keeps both formats available, and says so in a header.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import Any

from marsad.records import Event

EXPORT_FORMATS = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
                  "geojson": "application/geo+json"}
FALLBACK_CSV_COLUMNS = ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2",
                        "location", "latitude", "longitude", "fatalities", "injured", "source", "notes")


def acled_converters() -> tuple[tuple[str, ...], Callable[[Event], dict], Callable[[Event], Any], bool]:
    """(CSV columns, row converter, GeoJSON feature converter, whether they are the real ones)."""
    try:
        from marsad.events.acled import ACLED_COLUMNS, to_acled_row, to_geojson_feature
    except ImportError:
        return FALLBACK_CSV_COLUMNS, fallback_row, fallback_feature, False
    return tuple(ACLED_COLUMNS), to_acled_row, to_geojson_feature, True


def fallback_row(event: Event) -> dict[str, Any]:
    location = event.location
    return {
        "event_id": event.id, "event_date": event.date.start, "event_type": event.type,
        "sub_event_type": event.sub_type, "actor1": _actor_name(event.actor1), "actor2": _actor_name(event.actor2),
        "location": (location.name_en or location.name_ar) if location else None,
        "latitude": location.lat if location else None, "longitude": location.lon if location else None,
        "fatalities": event.killed.value if event.killed else None,
        "injured": event.injured.value if event.injured else None,
        "source": event.attributed_to, "notes": event.notes,
    }


def _actor_name(actor: Any) -> str | None:
    return (actor.name_en or actor.name_ar) if actor else None


def fallback_feature(event: Event) -> dict[str, Any] | None:
    location = event.location
    if location is None or location.lat is None or location.lon is None:
        return None
    properties = {k: v for k, v in fallback_row(event).items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [location.lon, location.lat]},
            "properties": properties}


def stream_jsonl(records: Iterator[str]) -> Iterator[bytes]:
    for record in records:
        yield (record + "\n").encode("utf-8")


def stream_csv(records: Iterator[str], columns: tuple[str, ...], to_row: Callable[[Event], dict]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for number, record in enumerate(records, 1):
        writer.writerow(to_row(Event.from_dict(json.loads(record))))
        if number % 200 == 0:  # flush in chunks: streamed, yet not one write per row
            yield _drain(buffer)
    yield _drain(buffer)


def stream_geojson(records: Iterator[str], to_feature: Callable[[Event], Any]) -> Iterator[bytes]:
    yield b'{"type":"FeatureCollection","features":[\n'
    written = 0
    for record in records:
        feature = to_feature(Event.from_dict(json.loads(record)))
        if feature is None:  # an event without coordinates has no place on a map
            continue
        yield ((",\n" if written else "") + json.dumps(feature, ensure_ascii=False)).encode("utf-8")
        written += 1
    yield b"\n]}\n"


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate()
    return data

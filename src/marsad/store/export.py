"""Exports: documents.jsonl, entities.jsonl, events.jsonl (the export contract, docs/format.md),
events.csv (ACLED's columns) and events.geojson. Everything streams from the store."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from marsad.records import Event
from marsad.store.sqlite import Store

FORMATS = ("jsonl", "csv", "geojson")

DOCUMENT_FIELDS = ("id", "source", "outlet", "url", "title", "dateline", "published", "text", "removed",
                   "duplicate_of", "sentences", "mentions", "times", "places", "events")


def document_rows(store: Store) -> Iterator[dict[str, Any]]:
    for doc in store.iter_documents():
        record = doc.to_dict()
        yield {name: record[name] for name in DOCUMENT_FIELDS}


def entity_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Entities with every mention's offsets into its document's text."""
    for record in store.iter_records("entities"):
        record["mentions"] = [{"doc": r["doc_id"], "start": r["start"], "end": r["end"], "text": r["text"]}
                              for r in store.mentions_of(record["id"])]
        yield record


def event_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Merged events when the cross-document step ran, else each document's own events."""
    has_merged = store.conn.execute("SELECT 1 FROM merged_events LIMIT 1").fetchone() is not None
    yield from store.iter_records("merged_events" if has_merged else "events")


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    count = 0
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    tmp.replace(path)  # a crash mid-export never leaves a half-written file under the final name
    return count


def write_csv(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    from marsad.events.acled import COLUMNS as ACLED_COLUMNS
    from marsad.events.acled import to_acled_row

    count = 0
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ACLED_COLUMNS), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(to_acled_row(Event.from_dict(row)))
            count += 1
    tmp.replace(path)
    return count


def write_geojson(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    from marsad.events.acled import to_geojson_feature

    count = 0
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write('{"type": "FeatureCollection", "features": [\n')
        for row in rows:
            feature = to_geojson_feature(Event.from_dict(row))
            if feature is None:
                continue
            handle.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
            count += 1
        handle.write("\n]}\n")
    tmp.replace(path)
    return count


def export(store: Store, out: Path, formats: Iterable[str] = FORMATS) -> dict[str, int]:
    """Write the chosen formats into `out`; returns the number of rows per file."""
    out.mkdir(parents=True, exist_ok=True)
    formats = set(formats)
    written: dict[str, int] = {}
    if "jsonl" in formats:
        written["documents.jsonl"] = write_jsonl(out / "documents.jsonl", document_rows(store))
        written["entities.jsonl"] = write_jsonl(out / "entities.jsonl", entity_rows(store))
        written["events.jsonl"] = write_jsonl(out / "events.jsonl", event_rows(store))
    if "csv" in formats:
        written["events.csv"] = write_csv(out / "events.csv", event_rows(store))
    if "geojson" in formats:
        written["events.geojson"] = write_geojson(out / "events.geojson", event_rows(store))
    return written

"""Geocoding accuracy on hand-annotated place mentions.

    .venv/bin/python -m marsad.geo.evaluate [--shared ../shared] [--set saudinewsnet|seeds|all]

A gold mention counts as correct when `annotate_places` returns a place mention overlapping its
span whose location lies within 25 km of the gold coordinates. The annotations (tests/geo/annotations)
hold only article ids, offsets, the words and gold places; the texts are read from ../shared.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

from marsad.geo.annotate import annotate_places
from marsad.records import Document, PlaceMention

ROOT = Path(__file__).resolve().parents[3]
ANNOTATIONS = ROOT / "tests" / "geo" / "annotations"
TOLERANCE_KM = 25.0


def default_shared() -> Path:
    return Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared")).resolve()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


@dataclass
class Outcome:
    gold: dict
    predicted: PlaceMention | None
    distance_km: float | None

    @property
    def correct(self) -> bool:
        return self.distance_km is not None and self.distance_km <= TOLERANCE_KM


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def saudinewsnet_texts(shared: Path, ids: set[str]) -> dict[str, str]:
    texts = {}
    with gzip.open(shared / "data" / "saudinewsnet" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            if article["id"] in ids:
                texts[article["id"]] = article["text"]
    return texts


def seed_texts(shared: Path, files: set[str]) -> dict[str, str]:
    return {name: (shared / "corpus" / "seeds" / name).read_text(encoding="utf-8") for name in files}


def evaluate(gold: list[dict], texts: dict[str, str], key: str) -> list[Outcome]:
    """Annotate each text once; match every gold mention to the predicted mention over its words."""
    outcomes = []
    by_doc: dict[str, list[dict]] = {}
    for g in gold:
        by_doc.setdefault(g[key], []).append(g)
    for doc_id, golds in by_doc.items():
        doc = Document(id=doc_id, source=doc_id, text=texts[doc_id])
        annotate_places(doc)
        for g in golds:
            outcomes.append(judge(g, doc.places))
    return outcomes


def judge(gold: dict, places: list[PlaceMention]) -> Outcome:
    overlapping = [p for p in places if p.start < gold["end"] and gold["start"] < p.end]
    located = [p for p in overlapping if p.location is not None and p.location.lat is not None]
    if not located:
        return Outcome(gold, overlapping[0] if overlapping else None, None)
    best = min(located, key=lambda p: km(gold["lat"], gold["lon"], p.location.lat, p.location.lon))
    return Outcome(gold, best, km(gold["lat"], gold["lon"], best.location.lat, best.location.lon))


SETS = ("saudinewsnet", "seeds", "heldout", "blind3", "blind4", "blind5")
# Sets drawn but not yet scored: only when named, until the blind score is recorded (tests/heldout_README.md).
BLIND: tuple[str, ...] = ()


def load_set(name: str, shared: Path) -> tuple[list[dict], dict[str, str], str]:
    if name == "seeds":
        gold = read_jsonl(ANNOTATIONS / "seeds_places.jsonl")
        return gold, seed_texts(shared, {g["file"] for g in gold}), "file"
    file = {"heldout": "heldout_places.jsonl", "blind3": "blind3_places.jsonl",
            "blind4": "blind4_places.jsonl", "blind5": "blind5_places.jsonl"}.get(name, "saudinewsnet_places.jsonl")
    gold = read_jsonl(ANNOTATIONS / file)
    return gold, saudinewsnet_texts(shared, {g["doc"] for g in gold}), "doc"


def report(name: str, outcomes: list[Outcome]) -> float:
    correct = sum(o.correct for o in outcomes)
    accuracy = correct / len(outcomes) if outcomes else 0.0
    print(f"{name}: {correct}/{len(outcomes)} placed within {TOLERANCE_KM:.0f} km = {accuracy:.3f}")
    for o in outcomes:
        if o.correct:
            continue
        g, p = o.gold, o.predicted
        where = g.get("doc") or g.get("file")
        if p is None:
            got = "not found"
        elif p.location is None:
            got = f"found {p.text!r}, not placed"
        else:
            got = f"{p.location.name_en} ({p.location.country}) {o.distance_km:.0f} km off"
        print(f"  {where} {g['start']}-{g['end']} {g['text']!r} gold {g['name_en']}: {got}")
    return accuracy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--set", choices=(*SETS, *BLIND, "all"),
                        default="all", help="heldout, blind3, blind4, blind5: the sets of tests/heldout_README.md")
    args = parser.parse_args()
    names = SETS if args.set == "all" else (args.set,)
    for name in names:
        gold, texts, key = load_set(name, args.shared)
        report(name, evaluate(gold, texts, key))


if __name__ == "__main__":
    main()

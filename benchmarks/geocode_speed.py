"""Speed of geocode() and annotate_places() on SaudiNewsNet text (one core).

    .venv/bin/python benchmarks/geocode_speed.py [--articles 300]

The mentions geocoded are the place names annotate_places finds in the articles (real spellings,
with their proclitics and place words), so the rate reflects news text, not a list of clean keys.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import time
from pathlib import Path

from marsad.geo import Gazetteer, annotate_places, geocode
from marsad.records import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))


def read_articles(n: int) -> list[str]:
    texts = []
    with gzip.open(SHARED / "data" / "saudinewsnet" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n:
                break
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    start = time.perf_counter()
    Gazetteer.load()
    print(f"load gazetteer: {time.perf_counter() - start:.2f} s")

    texts = read_articles(args.articles)
    chars = sum(len(t) for t in texts)
    start = time.perf_counter()
    docs = []
    for i, text in enumerate(texts):
        doc = Document(id=str(i), source="bench", text=text)
        annotate_places(doc)
        docs.append(doc)
    elapsed = time.perf_counter() - start
    print(f"annotate_places: {len(texts)} articles, {chars / 1e6:.1f} M chars in {elapsed:.2f} s = "
          f"{len(texts) / elapsed:.0f} articles/s, {chars / elapsed / 1e6:.2f} M chars/s")

    mentions = [doc.text[p.start:p.end] for doc in docs for p in doc.places]
    repeats = max(1, 50_000 // max(1, len(mentions)))
    start = time.perf_counter()
    placed = 0
    for _ in range(repeats):
        for name in mentions:
            placed += geocode(name) is not None
    elapsed = time.perf_counter() - start
    total = len(mentions) * repeats
    print(f"geocode: {total} mentions ({len(mentions)} distinct occurrences) in {elapsed:.2f} s = "
          f"{total / elapsed:,.0f} mentions/s; {placed / total:.1%} placed")


if __name__ == "__main__":
    main()

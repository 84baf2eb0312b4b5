"""Turn hand-written date annotations (TSV) into the JSONL the time tests read.

The TSV is what the annotator writes while reading the articles: article id, the expression's
words as they appear, a rough character position (to pick the right occurrence) and the gold value
in a compact form:

    2015-07-31 | 2015-07-31..2015-08-02   day (range)
    2015-07 | 2015-01..2015-03             month (range of months)
    2015                                    year
    W2015-07-20                             the ISO week starting that Monday
    h1436-09-15 | h1436-09 | h1436          Hijri day / month / year (Umm al-Qura, via hijridate)

This script only does the bookkeeping (exact offsets, calendar arithmetic); the readings are the
annotator's. Usage:

    .venv/bin/python scripts/build_time_annotations.py tests/time/annotations/saudinewsnet_dates.tsv \\
        tests/time/annotations/saudinewsnet_dates.jsonl

A TSV whose first column names seed files (NNN_xxx.txt) is read against ../shared/corpus/seeds,
with the anchor from meta.jsonl.
"""

from __future__ import annotations

import calendar
import datetime as dt
import gzip
import json
import os
import sys
from pathlib import Path

from marsad.time import hijri

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
MAX_HINT_DISTANCE = 160


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def expand(gold: str) -> tuple[str, str, str]:
    """(value_start, value_end, precision) of a compact gold value."""
    first, _, last = gold.partition("..")
    last = last or first
    a, precision = _bounds(first)
    b, _ = _bounds(last)
    return a[0].isoformat(), b[1].isoformat(), precision


def _bounds(token: str) -> tuple[tuple[dt.date, dt.date], str]:
    if token.startswith("W"):
        monday = dt.date.fromisoformat(token[1:])
        assert monday.weekday() == 0, token
        return (monday, monday + dt.timedelta(days=6)), "week"
    if token.startswith("h"):
        parts = [int(p) for p in token[1:].split("-")]
        if len(parts) == 3:
            day = hijri.hijri_to_gregorian(*parts)
            assert day, token
            return (day, day), "day"
        found = hijri.hijri_month_range(*parts) if len(parts) == 2 else hijri.hijri_year_range(parts[0])
        assert found, token
        return found, "month" if len(parts) == 2 else "year"
    parts = [int(p) for p in token.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return (day, day), "day"
    if len(parts) == 2:
        return (dt.date(parts[0], parts[1], 1), _end_of_month(*parts)), "month"
    return (dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)), "year"


def load_articles(ids: set[str]) -> dict[str, dict]:
    found = {}
    with gzip.open(SHARED / "data" / "saudinewsnet" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["id"] in ids:
                found[record["id"]] = record
    return found


def locate(text: str, words: str, hint: int) -> int:
    """Start of the occurrence of `words` nearest to `hint`."""
    starts = []
    i = text.find(words)
    while i >= 0:
        starts.append(i)
        i = text.find(words, i + 1)
    if not starts:
        raise ValueError(f"{words!r} not in article")
    best = min(starts, key=lambda s: abs(s - hint))
    if abs(best - hint) > MAX_HINT_DISTANCE:
        raise ValueError(f"{words!r} nearest occurrence {best} too far from hint {hint}")
    return best


# Seed 002 has no date in meta.jsonl; its text carries it ("الثلاثاء 03/أكتوبر/2017").
SEED_ANCHORS = {"002_55635d2804ce566b.txt": "2017-10-03"}


def load_seeds(names: set[str]) -> dict[str, dict]:
    """Seed files as article records: text and anchor date (meta.jsonl, or SEED_ANCHORS)."""
    seeds = SHARED / "corpus" / "seeds"
    meta = {}
    for line in (seeds / "meta.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        meta[record["file"]] = record
    return {
        name: {"text": (seeds / name).read_text(encoding="utf-8"), "outlet": meta[name].get("outlet"),
               "crawled": meta[name].get("published") or SEED_ANCHORS[name]}
        for name in names
    }


def main(tsv: str, out: str) -> None:
    lines = Path(tsv).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip()]
    is_seeds = rows[0][0].endswith(".txt")
    articles = (load_seeds if is_seeds else load_articles)({row[0] for row in rows})
    seen: set[tuple[str, int]] = set()
    with open(out, "w", encoding="utf-8") as f:
        for article_id, words, hint, gold in rows:
            article = articles[article_id]
            start = locate(article["text"], words, int(hint))
            if (article_id, start) in seen:
                raise ValueError(f"{article_id} {words!r} annotated twice at {start}")
            seen.add((article_id, start))
            value_start, value_end, precision = expand(gold)
            f.write(json.dumps({
                ("file" if is_seeds else "id"): article_id, "outlet": article["outlet"], "start": start, "end": start + len(words),
                "words": words, "anchor": article["crawled"][:10], "value_start": value_start,
                "value_end": value_end, "precision": precision,
            }, ensure_ascii=False) + "\n")
    print(f"{len(rows)} annotations -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])

"""Accuracy of the date resolver on hand-annotated data.

    .venv/bin/python -m marsad.time.evaluate                 # SaudiNewsNet test set (+ seeds)
    .venv/bin/python -m marsad.time.evaluate --timeml        # also the TimeML Arabic corpus

An item counts as right when a predicted expression overlaps its span and has the gold
value_start, value_end and precision. Articles are read from ../shared at run time (the
annotations hold ids, offsets and values only); MARSAD_SHARED overrides the location.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from marsad.records import TimeExpression
from marsad.time.resolver import resolve

ROOT = Path(__file__).resolve().parents[3]
ANNOTATIONS = ROOT / "tests" / "time" / "annotations"


def shared_dir() -> Path:
    return Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared")).resolve()


@dataclass
class Gold:
    doc: str
    start: int
    end: int
    words: str
    value_start: str | None
    value_end: str | None
    precision: str | None


@dataclass
class Score:
    name: str
    total: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)  # found with another value
    missed: list[str] = field(default_factory=list)  # no overlapping expression

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def report(self, limit: int = 40) -> str:
        lines = [f"{self.name}: {self.right}/{self.total} = {self.accuracy:.3f} "
                 f"(wrong value {len(self.wrong)}, missed {len(self.missed)})"]
        lines += [f"  WRONG  {case}" for case in self.wrong[:limit]]
        lines += [f"  MISSED {case}" for case in self.missed[:limit]]
        return "\n".join(lines)


def score_document(score: Score, golds: list[Gold], predicted: list[TimeExpression]) -> None:
    for gold in golds:
        score.total += 1
        overlapping = [p for p in predicted if p.start < gold.end and gold.start < p.end]
        if any((p.value_start, p.value_end, p.precision) == (gold.value_start, gold.value_end, gold.precision)
               for p in overlapping):
            score.right += 1
            continue
        expected = f"{gold.value_start}..{gold.value_end} {gold.precision}"
        if overlapping:
            got = "; ".join(f"{p.text!r} {p.value_start}..{p.value_end} {p.precision}" for p in overlapping)
            score.wrong.append(f"{gold.doc} {gold.words!r} gold {expected} | got {got}")
        else:
            score.missed.append(f"{gold.doc} {gold.words!r} gold {expected}")


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# ------------------------------------------------------------------------------------------
# SaudiNewsNet


def load_saudinewsnet(ids: set[str], shared: Path) -> dict[str, dict]:
    found: dict[str, dict] = {}
    with gzip.open(shared / "data" / "saudinewsnet" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            if not any(i in line[:40] for i in ids):  # cheap filter before parsing
                continue
            record = json.loads(line)
            if record["id"] in ids:
                found[record["id"]] = record
    return found


def evaluate_saudinewsnet(path: Path | None = None, shared: Path | None = None) -> Score:
    rows = _read_jsonl(path or ANNOTATIONS / "saudinewsnet_dates.jsonl")
    articles = load_saudinewsnet({r["id"] for r in rows}, shared or shared_dir())
    score = Score("saudinewsnet")
    for doc_id in sorted({r["id"] for r in rows}):
        article = articles[doc_id]
        doc_rows = [r for r in rows if r["id"] == doc_id]
        _check_alignment(article["text"], doc_rows, doc_id)
        anchor = dt.date.fromisoformat(doc_rows[0]["anchor"])
        golds = [Gold(doc_id, r["start"], r["end"], r["words"], r["value_start"], r["value_end"], r["precision"])
                 for r in doc_rows]
        score_document(score, golds, resolve(article["text"], anchor))
    return score


def _check_alignment(text: str, rows: list[dict], doc_id: str) -> None:
    for r in rows:
        if text[r["start"] : r["end"]] != r["words"]:
            raise ValueError(f"{doc_id}: annotation {r['words']!r} does not match text at {r['start']}")


# ------------------------------------------------------------------------------------------
# seeds


def evaluate_seeds(path: Path | None = None, seeds: Path | None = None) -> Score:
    rows = _read_jsonl(path or ANNOTATIONS / "seeds_dates.jsonl")
    seeds = seeds or shared_dir() / "corpus" / "seeds"
    score = Score("seeds")
    for name in sorted({r["file"] for r in rows}):
        text = (seeds / name).read_text(encoding="utf-8")
        doc_rows = [r for r in rows if r["file"] == name]
        _check_alignment(text, doc_rows, name)
        anchor = dt.date.fromisoformat(doc_rows[0]["anchor"])
        golds = [Gold(name, r["start"], r["end"], r["words"], r["value_start"], r["value_end"], r["precision"])
                 for r in doc_rows]
        score_document(score, golds, resolve(text, anchor))
    return score


# ------------------------------------------------------------------------------------------
# TimeML (HeidelTime-for-Arabic test corpus): DATE values only, informative

_TAG_RE = re.compile(r"<[^>]+>")
_TIMEX_RE = re.compile(r'<TIMEX3 ([^>]*)>(.*?)</TIMEX3>', re.S)
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
_CALENDAR_VALUE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")


def _timeml_value_range(value: str) -> tuple[str, str, str] | None:
    if not _CALENDAR_VALUE_RE.match(value):
        return None
    if "-W" in value:
        year, week = value.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week), 1)
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "week"
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            return dt.date(*parts).isoformat(), dt.date(*parts).isoformat(), "day"
        if len(parts) == 2:
            following = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return (dt.date(parts[0], parts[1], 1).isoformat(),
                    (following - dt.timedelta(days=1)).isoformat(), "month")
        return f"{parts[0]:04d}-01-01", f"{parts[0]:04d}-12-31", "year"
    except ValueError:
        return None


def parse_timeml(raw: str) -> tuple[str, list[tuple[int, int, str, dict[str, str]]]]:
    """Plain text and (start, end, words, attributes) of each TIMEX3."""
    body = raw.split("<TimeML>", 1)[-1].split("</TimeML>", 1)[0].lstrip("\ufeff")
    text_parts: list[str] = []
    timexes = []
    position = 0
    cursor = 0
    for m in _TIMEX_RE.finditer(body):
        before = _TAG_RE.sub("", body[cursor : m.start()])
        text_parts.append(before)
        position += len(before)
        words = _TAG_RE.sub("", m.group(2))
        timexes.append((position, position + len(words), words, dict(_ATTR_RE.findall(m.group(1)))))
        text_parts.append(words)
        position += len(words)
        cursor = m.end()
    text_parts.append(_TAG_RE.sub("", body[cursor:]))
    return "".join(text_parts), timexes


def timeml_anchor(timexes: list[tuple[int, int, str, dict[str, str]]]) -> dt.date | None:
    """The corpus has no DCT: take the day of the first DATE written without a year (اليوم,
    أمس, a weekday…), which the annotators resolved against the creation time; else None."""
    for _, _, words, attrs in timexes:
        value = attrs.get("value", "")
        if attrs.get("type") == "DATE" and re.match(r"^\d{4}-\d{2}-\d{2}$", value) and not re.search(
            r"\d{4}", words
        ):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                continue
    return None


def evaluate_timeml(shared: Path | None = None) -> Score:
    corpus = (shared or shared_dir()) / "data" / "timeml-arabic-news" / "Corpus_test"
    score = Score("timeml-arabic-news DATE")
    for path in sorted(corpus.glob("*.tml")):
        text, timexes = parse_timeml(path.read_text(encoding="utf-8"))
        anchor = timeml_anchor(timexes)
        golds = []
        for start, end, words, attrs in timexes:
            if attrs.get("type") != "DATE" or attrs.get("mod"):
                continue
            gold_range = _timeml_value_range(attrs.get("value", ""))
            if gold_range is None:
                continue  # PAST_REF, seasons, decades, centuries: outside this resolver's values
            golds.append(Gold(path.stem, start, end, words, *gold_range))
        score_document(score, golds, resolve(text, anchor))
    return score


def _kinds(score: Score) -> Counter[str]:
    return Counter(case.split("'")[1] for case in score.wrong + score.missed if "'" in case)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--timeml", action="store_true", help="also score the TimeML Arabic corpus")
    parser.add_argument("--limit", type=int, default=40, help="confusion cases to print per kind")
    args = parser.parse_args(argv)
    for evaluator in (evaluate_saudinewsnet, evaluate_seeds):
        print(evaluator().report(args.limit))
    sets = [("held-out", "heldout_dates.jsonl"), ("blind batch 3", "blind3_dates.jsonl"),
            ("blind batch 4", "blind4_dates.jsonl"), ("blind batch 5", "blind5_dates.jsonl"),
            ("blind batch 6", "blind6_dates.jsonl")]
    for label, file in sets:
        path = ANNOTATIONS / file  # the sets of tests/heldout_README.md
        if path.exists():
            print(f"{label} " + evaluate_saudinewsnet(path=path).report(args.limit))
    if args.timeml:
        print(evaluate_timeml().report(args.limit))


if __name__ == "__main__":
    main()

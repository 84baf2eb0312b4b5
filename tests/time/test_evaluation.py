"""Accuracy on hand-annotated dates (SaudiNewsNet, the seeds), read from ../shared at test time."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.time import hijri
from marsad.time.evaluate import (
    ANNOTATIONS,
    evaluate_saudinewsnet,
    evaluate_seeds,
    evaluate_timeml,
    parse_timeml,
)

MIN_SAUDINEWSNET_ACCURACY = 0.95
MIN_ANNOTATIONS = 200


def test_saudinewsnet_test_set_is_large_and_varied() -> None:
    rows = [json.loads(line) for line in (ANNOTATIONS / "saudinewsnet_dates.jsonl").read_text().splitlines()]
    assert len(rows) >= MIN_ANNOTATIONS
    assert len({r["outlet"] for r in rows}) >= 10
    assert {r["precision"] for r in rows} == {"day", "week", "month", "year"}
    assert all(len(r["words"]) <= 60 for r in rows)  # the expression's own words only


def test_saudinewsnet_accuracy(shared_dir: Path) -> None:
    # Saudi outlets date by Umm al-Qura; the arithmetic fallback is a day off on some months.
    assert hijri._Hijri is not None, "needs hijridate (Umm al-Qura tables): .venv/bin/pip install hijridate"
    score = evaluate_saudinewsnet(shared=shared_dir)
    print(score.report())
    assert score.total >= MIN_ANNOTATIONS
    assert score.accuracy >= MIN_SAUDINEWSNET_ACCURACY, score.report()


def test_every_seed_date_resolved_right(seeds_dir: Path) -> None:
    score = evaluate_seeds(seeds=seeds_dir)
    print(score.report())
    assert score.total >= 30
    assert score.right == score.total, score.report()


def test_timeml_score_is_reported(shared_dir: Path) -> None:
    """Informative only (no threshold): the corpus's gold resolves every relative expression
    against one date, whatever the weekday says."""
    score = evaluate_timeml(shared=shared_dir)
    print(score.report(limit=10))
    assert score.total > 100


def test_timeml_parser_keeps_offsets() -> None:
    text, timexes = parse_timeml('<TimeML>قال <TIMEX3 tid="t1" type="DATE" value="2015-12-23">أمس</TIMEX3> إن</TimeML>')
    assert text == "قال أمس إن"
    ((start, end, words, attrs),) = timexes
    assert text[start:end] == words == "أمس" and attrs["value"] == "2015-12-23"

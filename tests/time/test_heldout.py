"""Accuracy on the held-out date set (tests/heldout_README.md): annotated before marsad was run on it.

When batch 2 was committed the accuracy was 182/209 = 0.871 (batch 1 alone 94/104, batch 2 alone
88/105). Both batches have since been used for fixes (general rules only, see the README), reaching
207/209 = 0.990; the floor sits just under that so a regression fails. The two left are a convention
of the set ("بين 2014 و2018" annotated as two years; the resolver reads بين ... و as a range)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.time.evaluate import ANNOTATIONS, evaluate_saudinewsnet

HELDOUT = ANNOTATIONS / "heldout_dates.jsonl"
MIN_ACCURACY = 0.98
# Blind batch 3: 120/137 = 0.876 when scored blind, 133/137 = 0.971 after the fixes it prompted.
BLIND3 = ANNOTATIONS / "blind3_dates.jsonl"
MIN_BLIND3 = 0.96
# Blind batch 4: 130/149 = 0.872 when scored blind, 136/149 = 0.913 after its fixes, 139/149 = 0.933 after
# session 5's (month spans joined by حتى, a stray dot before a year).
BLIND4 = ANNOTATIONS / "blind4_dates.jsonl"
MIN_BLIND4 = 0.92
# Blind batch 5: 135/147 = 0.918 when scored blind, 141/147 = 0.959 after its fixes (the six left are
# "بين X و Y" read as one range, docs/decisions.md, where the annotators coded the two ends).
BLIND5 = ANNOTATIONS / "blind5_dates.jsonl"
MIN_BLIND5 = 0.95
# Blind batch 6: 148/165 = 0.897 when scored blind, 165/165 = 1.000 after its fixes (tests/time/test_blind6_fixes.py;
# fitted to this batch, so the floor keeps a margin).
BLIND6 = ANNOTATIONS / "blind6_dates.jsonl"
MIN_BLIND6 = 0.98


def test_heldout_dates_are_well_formed() -> None:
    rows = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 200
    assert {r["precision"] for r in rows} == {"day", "week", "month", "year"}
    assert all(r["value_start"] <= r["value_end"] for r in rows)


@pytest.mark.shared
def test_heldout_date_accuracy(shared_dir: Path) -> None:
    score = evaluate_saudinewsnet(path=HELDOUT, shared=shared_dir)
    print(score.report(limit=100))
    assert score.accuracy >= MIN_ACCURACY, score.report(limit=100)


@pytest.mark.shared
@pytest.mark.parametrize(("path", "floor"), [(BLIND3, MIN_BLIND3), (BLIND4, MIN_BLIND4), (BLIND5, MIN_BLIND5), (BLIND6, MIN_BLIND6)],
                         ids=["blind3", "blind4", "blind5", "blind6"])
def test_blind_batch_date_accuracy(shared_dir: Path, path: Path, floor: float) -> None:
    score = evaluate_saudinewsnet(path=path, shared=shared_dir)
    assert score.accuracy >= floor, score.report(limit=100)

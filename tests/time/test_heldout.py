"""Accuracy on the held-out date set (tests/heldout_README.md): annotated before marsad was run on it.

The floor sits just under the accuracy measured when batch 2 was committed (182/209 = 0.871; batch 1
alone 94/104, batch 2 alone 88/105), so a regression fails; issue 4's size target (200) is met, its
0.95 accuracy target is not (see the README)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.time.evaluate import ANNOTATIONS, evaluate_saudinewsnet

HELDOUT = ANNOTATIONS / "heldout_dates.jsonl"
MIN_ACCURACY = 0.86


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

"""Accuracy on the held-out place set (tests/heldout_README.md): annotated before marsad was run on it.

The floor sits just under the accuracy measured with the committed src/ when batch 2 was committed
(287/382 = 0.751; batch 1 176/226, batch 2 111/156), so a regression fails; issue 4's target of 0.95
is not met here (confusion cases in the README's report)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.geo.evaluate import ANNOTATIONS, evaluate, read_jsonl, saudinewsnet_texts

HELDOUT = ANNOTATIONS / "heldout_places.jsonl"
MIN_ACCURACY = 0.74


def test_heldout_places_are_well_formed() -> None:
    gold = read_jsonl(HELDOUT)
    assert len(gold) >= 380
    assert all(-90 <= g["lat"] <= 90 and -180 <= g["lon"] <= 180 and len(g["country"]) == 2 for g in gold)


@pytest.mark.shared
def test_heldout_place_accuracy(shared_dir: Path) -> None:
    gold = read_jsonl(HELDOUT)
    texts = saudinewsnet_texts(shared_dir, {g["doc"] for g in gold})
    for g in gold:
        assert texts[g["doc"]][g["start"] : g["end"]] == g["text"], g
    outcomes = evaluate(gold, texts, "doc")
    accuracy = sum(o.correct for o in outcomes) / len(outcomes)
    assert accuracy >= MIN_ACCURACY, f"{accuracy:.3f}"

"""Accuracy on the held-out place sets (tests/heldout_README.md): annotated before marsad was run on them.

Batches 1-2 scored 287/382 = 0.751 when committed and 367/382 = 0.961 after the fixes they prompted;
blind batch 3 scored 235/279 = 0.842 blind and 263/279 = 0.943 after its fixes. The floors sit just
under the current figures so that a regression fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.geo.evaluate import (
    ANNOTATIONS,
    evaluate,
    evaluate_with_places,
    precision,
    read_jsonl,
    saudinewsnet_texts,
)

HELDOUT = ANNOTATIONS / "heldout_places.jsonl"
MIN_ACCURACY = 0.95
BLIND3 = ANNOTATIONS / "blind3_places.jsonl"
MIN_BLIND3 = 0.93
# Blind batch 4: 197/228 = 0.864 when scored blind, 211/228 = 0.925 after its fixes.
BLIND4 = ANNOTATIONS / "blind4_places.jsonl"
MIN_BLIND4 = 0.91
# Blind batch 5: 296/327 = 0.905 when scored blind, 313/327 = 0.957 after its fixes.
BLIND5 = ANNOTATIONS / "blind5_places.jsonl"
MIN_BLIND5 = 0.94
# Blind batch 6: 242/262 = 0.924 (precision 0.798) when scored blind, 258/262 = 0.985 (0.804) after its fixes.
BLIND6 = ANNOTATIONS / "blind6_places.jsonl"
MIN_BLIND6 = 0.97


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


@pytest.mark.shared
@pytest.mark.parametrize(("path", "floor"), [(BLIND3, MIN_BLIND3), (BLIND4, MIN_BLIND4), (BLIND5, MIN_BLIND5),
                                            (BLIND6, MIN_BLIND6)],
                         ids=["blind3", "blind4", "blind5", "blind6"])
def test_blind_batch_place_accuracy(shared_dir: Path, path: Path, floor: float) -> None:
    gold = read_jsonl(path)
    texts = saudinewsnet_texts(shared_dir, {g["doc"] for g in gold})
    assert all(texts[g["doc"]][g["start"] : g["end"]] == g["text"] for g in gold)
    outcomes = evaluate(gold, texts, "doc")
    accuracy = sum(o.correct for o in outcomes) / len(outcomes)
    assert accuracy >= floor, f"{accuracy:.3f}"


# Place precision on the complete sets (every place in their articles is annotated; marsad.geo.evaluate):
# heldout .824, blind3 .777, blind4 .725, blind5 .759 when first measured; .922 / .862 / .831 / .811 after the
# fixes it prompted (adjectives, teams, agreements, set phrases, common words). Floors just under these.
MIN_PRECISION = {"heldout": (HELDOUT, 0.90), "blind3": (BLIND3, 0.84), "blind4": (BLIND4, 0.81),
                 "blind5": (BLIND5, 0.79), "blind6": (BLIND6, 0.78)}


@pytest.mark.shared
@pytest.mark.parametrize("name", list(MIN_PRECISION))
def test_complete_set_place_precision(shared_dir: Path, name: str) -> None:
    path, floor = MIN_PRECISION[name]
    gold = read_jsonl(path)
    texts = saudinewsnet_texts(shared_dir, {g["doc"] for g in gold})
    _, predicted = evaluate_with_places(gold, texts, "doc")
    result = precision(gold, texts, "doc", predicted)
    assert result.value >= floor, f"{result.value:.3f}"

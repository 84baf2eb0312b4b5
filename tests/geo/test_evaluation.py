"""Accuracy on the hand-annotated test sets (texts read from ../shared; skipped where absent)."""

from __future__ import annotations

from pathlib import Path

from marsad.geo.evaluate import evaluate, load_set

MIN_ACCURACY = 0.95


def accuracy(name: str, shared: Path) -> float:
    gold, texts, key = load_set(name, shared)
    outcomes = evaluate(gold, texts, key)
    return sum(o.correct for o in outcomes) / len(outcomes)


def test_saudinewsnet_places(shared_dir: Path) -> None:
    gold, _, _ = load_set("saudinewsnet", shared_dir)
    assert len(gold) >= 200
    assert accuracy("saudinewsnet", shared_dir) >= MIN_ACCURACY


def test_seed_places(seeds_dir: Path, shared_dir: Path) -> None:
    assert accuracy("seeds", shared_dir) >= MIN_ACCURACY

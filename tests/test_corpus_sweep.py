"""Every per-article stage over a sample spread across the SaudiNewsNet corpus: no article may fail
with an exception. A pipeline run skips and reports such articles, so only a sweep shows a bug that
hits one article in a hundred (an index past the last token, a character that recursed)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = 300


def _sweep_module():
    spec = importlib.util.spec_from_file_location("sweep", ROOT / "scripts" / "sweep.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_no_article_of_a_corpus_sample_fails(shared_dir: Path) -> None:
    corpus = shared_dir / "data" / "saudinewsnet" / "articles.jsonl.gz"
    if not corpus.exists():
        pytest.skip(f"needs {corpus} (the shared data beside the checkout); absent here")
    sweep = _sweep_module()
    results = list(sweep.failures(sweep.articles(corpus, stride=31_030 // SAMPLE, limit=SAMPLE)))
    assert len(results) == SAMPLE
    failed = [f"{raw.source}: {type(err).__name__}: {err}" for raw, err in results if err is not None]
    assert not failed, "\n".join(failed[:10])

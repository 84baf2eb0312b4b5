"""Training and evaluation of the NER model (`marsad train ner`).

Protocol: the dev split is the LAST `dev_fraction` of the sentences of train.txt, contiguous, and
kept out of training, which mimics the held-out tail of ANERcorp the project is judged on. The
model is selected on it; the shipped model is then retrained with the same settings on all of
train.txt (metrics.json says which). Training is deterministic (L-BFGS); `seed` orders the extra
corpora and is recorded.
"""

from __future__ import annotations

import json
import logging
import random
import shutil
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pycrfsuite

from marsad.entities.ner.conll import read_labelled
from marsad.entities.ner.evaluate import entity_scores, format_table
from marsad.entities.ner.features import FeatureExtractor
from marsad.entities.ner.stacking import second_pass_features
from marsad.entities.ner.tagger import (
    CLUSTERS_FILE,
    CONFIG_FILE,
    GAZETTEER_FILE,
    MODEL_FILE,
    PHRASES_FILE,
    RESOURCE_DIR,
    SECOND_MODEL_FILE,
    NerTagger,
    extractor_for,
)

log = logging.getLogger(__name__)
Sentence = tuple[list[str], list[str]]


@dataclass
class TrainConfig:
    c1: float = 0.05
    c2: float = 0.01
    max_iterations: int = 300
    window: int = 2
    dev_fraction: float = 0.15
    seed: int = 0
    passes: int = 2  # 2: a stacked second CRF with document-consistency features
    folds: int = 4  # jackknife folds that produce the second pass's training input
    extra: list[str] = field(default_factory=list)  # other corpora (AQMAR), train side only
    final_on_all: bool = True
    limit: int | None = None  # first N sentences only (tests, quick trials)
    kb_phrases: bool = False  # KB / place-name phrase features: +1.0 F1 one-pass, -0.7 stacked (trials)
    triggers: bool = False  # head-noun trigger features (features.TRIGGER_WORDS)


def split_dev(sentences: Sequence[Sentence], fraction: float) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): dev is the contiguous last `fraction` of the sentences."""
    n_dev = int(round(len(sentences) * fraction))
    if fraction > 0 and len(sentences) > 1:
        n_dev = max(1, min(n_dev, len(sentences) - 1))
    cut = len(sentences) - n_dev
    return list(sentences[:cut]), list(sentences[cut:])


def fit_features(xseqs: Sequence[list[list[str]]], yseqs: Sequence[list[str]], config: TrainConfig,
                 model: Path) -> None:
    """Train one CRF on feature sequences into the file `model`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in zip(xseqs, yseqs, strict=True):
        if xseq:
            trainer.append(xseq, yseq)
    trainer.select("lbfgs")
    trainer.set_params({
        "c1": config.c1,
        "c2": config.c2,
        "max_iterations": config.max_iterations,
        "feature.possible_transitions": True,
    })
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))


def fit(sentences: Sequence[Sentence], extractor: FeatureExtractor, config: TrainConfig, out: Path) -> float:
    """Train the model files in `out` (first pass, and the stacked second pass if configured);
    returns the seconds it took."""
    started = time.time()
    tokens = [t for t, _ in sentences]
    gold = [g for _, g in sentences]
    base = [extractor.sentence(t) for t in tokens]
    fit_features(base, gold, config, out / MODEL_FILE)
    second = out / SECOND_MODEL_FILE
    if config.passes < 2:
        second.unlink(missing_ok=True)
        return time.time() - started
    # The second pass must learn from first-pass tags as noisy as they are on unseen text, so
    # each fold is tagged by a first pass trained without it (jackknife).
    first_tags: list[list[str]] = []
    for start, end in _folds(len(sentences), config.folds):
        held_model = out / "fold.crfsuite.tmp"
        fit_features(base[:start] + base[end:], gold[:start] + gold[end:], config, held_model)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(held_model))
        first_tags += [tagger.tag(x) if x else [] for x in base[start:end]]
        tagger.close()
        held_model.unlink()
    stacked = second_pass_features(extractor, tokens, first_tags, base)
    fit_features(stacked, gold, config, second)
    return time.time() - started


def _folds(n: int, k: int) -> list[tuple[int, int]]:
    """k contiguous folds (contiguous so that neighbouring sentences stay together)."""
    bounds = [round(i * n / k) for i in range(k + 1)]
    return [(bounds[i], bounds[i + 1]) for i in range(k) if bounds[i] < bounds[i + 1]]


def _prepare_directory(out: Path, config: TrainConfig) -> None:
    """Put the feature resources beside the model so that the directory is self-contained."""
    out.mkdir(parents=True, exist_ok=True)
    for name in (CLUSTERS_FILE, GAZETTEER_FILE, PHRASES_FILE):
        source = RESOURCE_DIR / name
        if source.exists() and source.resolve() != (out / name).resolve():
            shutil.copyfile(source, out / name)
    (out / CONFIG_FILE).write_text(json.dumps(
        {"window": config.window, "kb_phrases": config.kb_phrases, "triggers": config.triggers}, indent=1), encoding="utf-8")


def train_ner(data: Path, out: Path, config: TrainConfig) -> dict:
    """Train, evaluate on the dev split, write model + metrics.json into `out`; returns the metrics."""
    sentences = read_labelled(data)
    if config.limit is not None:
        sentences = sentences[: config.limit]
    train, dev = split_dev(sentences, config.dev_fraction)
    extra = _read_extra(config)
    _prepare_directory(out, config)
    extractor = extractor_for(out)
    model = out / MODEL_FILE

    seconds = fit(train + extra, extractor, config, out)
    metrics: dict = {
        "data": str(data),
        "sentences": {"train": len(train), "dev": len(dev), "extra": len(extra)},
        "config": asdict(config),
        "train_seconds_dev_model": round(seconds, 1),
    }
    if dev:
        tagger = NerTagger.from_directory(out)
        predicted = tagger.tag_sentences([tokens for tokens, _ in dev])
        table = entity_scores([tags for _, tags in dev], predicted)
        print(format_table(table))
        metrics["dev"] = {kind: score.as_dict() for kind, score in table.items()}
        metrics["dev_f1"] = round(table["ALL"].f1, 4)
    if config.final_on_all and dev:
        seconds = fit(sentences + extra, extractor, config, out)
        metrics["shipped_model"] = "retrained on all of the data (train + dev) with the settings above"
        metrics["train_seconds_final_model"] = round(seconds, 1)
    else:
        metrics["shipped_model"] = "trained on the train split only (dev kept out)"
    metrics["model_bytes"] = sum(p.stat().st_size for p in (model, out / SECOND_MODEL_FILE) if p.exists())
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1, ensure_ascii=False), encoding="utf-8")
    return metrics


def _read_extra(config: TrainConfig) -> list[Sentence]:
    extra: list[Sentence] = []
    for path in config.extra:
        extra += read_labelled(Path(path))
    random.Random(config.seed).shuffle(extra)
    return extra

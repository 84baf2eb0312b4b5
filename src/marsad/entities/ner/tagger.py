"""NerTagger: the project's Arabic NER model (CRF over cached word features).

    tagger = NerTagger.load()              # the shipped model, loaded once and cached
    tagger.tag(["زار", "ماكرون", "بغداد"])   # -> ["O", "B-PERS", "B-LOC"]

Tags are BIO with ANERcorp's types: PERS, LOC, ORG, MISC.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from marsad.entities.ner.features import (
    FeatureExtractor,
    WordFeatures,
    load_clusters,
    load_gazetteer,
    load_phrases,
)
from marsad.entities.ner.linear import LinearCrf
from marsad.entities.ner.stacking import stacked_extras

RESOURCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "ner"
MODEL_FILE = "model.crfsuite"
SECOND_MODEL_FILE = "model2.crfsuite"  # optional stacked pass with document features
CLUSTERS_FILE = "word_clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv.gz"
PHRASES_FILE = "kb_phrases.tsv.gz"  # KB and place names, multi-word (absent in older models)
CONFIG_FILE = "config.json"

_loaded: dict[Path, NerTagger] = {}
_lock = threading.Lock()


class NerTagger:
    def __init__(self, model_path: Path, extractor: FeatureExtractor, second_path: Path | None = None) -> None:
        self.model_path = model_path
        self.extractor = extractor
        self._first = LinearCrf(model_path)
        self._second = LinearCrf(second_path) if second_path is not None else None

    @classmethod
    def load(cls, path: Path | None = None) -> NerTagger:
        """The model in directory `path` (default: the shipped one). Loaded once per path."""
        directory = (Path(path) if path is not None else RESOURCE_DIR).resolve()
        with _lock:
            tagger = _loaded.get(directory)
            if tagger is None:
                tagger = _loaded[directory] = cls.from_directory(directory)
            return tagger

    @classmethod
    def from_directory(cls, directory: Path) -> NerTagger:
        model = directory / MODEL_FILE
        if not model.exists():
            raise FileNotFoundError(f"no NER model at {model}; train one with `marsad train ner`")
        second = directory / SECOND_MODEL_FILE
        return cls(model, extractor_for(directory), second if second.exists() else None)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags, one per token (an empty list for no tokens)."""
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for each sentence. Give the sentences of one document together: the second pass
        uses what the first said about the same word in nearby sentences."""
        clean = [[t if isinstance(t, str) else str(t) for t in s] for s in sentences]
        words = [[self.extractor.word(t) for t in s] for s in clean]
        contexts = [self.extractor.context(w) if w else [] for w in words]
        tags = self._decode(self._first, words, contexts, None)
        if self._second is not None:
            extras = stacked_extras(self.extractor, clean, tags)
            tags = self._decode(self._second, words, contexts, extras)
        return [_repair_bio(t) for t in tags]

    def _decode(self, model: LinearCrf, words: list[list[WordFeatures]], contexts: list[list[list[str]]],
                extras: list[list[list[str]]] | None) -> list[list[str]]:
        """Viterbi tags of a batch: cached per-word scores shifted into place, plus the scores of
        the sentence-level features (gathered for the whole batch at once)."""
        dense = [self._dense(model, w) for w in words]
        if not any(len(e) for e in dense):
            return [[] for _ in words]
        flat = np.concatenate([e for e in dense if len(e)])
        sparse = [names for context in contexts for names in context]
        if extras is None:
            model.add_sparse(flat, sparse)
        else:
            model.add_sparse(flat, sparse, [names for extra in extras for names in extra])
        split, start = [], 0
        for e in dense:
            split.append(flat[start: start + len(e)])
            start += len(e)
        return model.viterbi_batch(split)

    def _dense(self, model: LinearCrf, words: list[WordFeatures]) -> np.ndarray:
        n = len(words)
        if n == 0:
            return np.zeros((0, len(model.labels)))
        window = self.extractor.window
        key = id(model)
        views = np.stack([w.scores[key] if key in w.scores else self._word_scores(model, w) for w in words])
        emissions = views[:, window].copy()
        for offset in range(1, min(window, n - 1) + 1):
            emissions[: n - offset] += views[offset:, window + offset]
            emissions[offset:] += views[: n - offset, window - offset]
        return emissions

    def _word_scores(self, model: LinearCrf, word: WordFeatures) -> np.ndarray:
        """The word's summed weights as itself and as each neighbour: one gather, one segment sum."""
        window = self.extractor.window
        get = model.rows.get
        zero = len(model.matrix) - 1  # an all-zero row: every segment is non-empty
        rows: list[int] = []
        starts: list[int] = []
        for offset in range(-window, window + 1):
            starts.append(len(rows))
            rows.append(zero)
            for name in word.as_neighbour[offset] if offset else word.own:
                row = get(name)
                if row is not None:
                    rows.append(row)
        word.scores[id(model)] = table = np.add.reduceat(model.matrix[rows], starts, axis=0)
        return table


def extractor_for(directory: Path) -> FeatureExtractor:
    """The feature extractor a model in `directory` was trained with (its resources, its window)."""
    config = {}
    if (directory / CONFIG_FILE).exists():
        config = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
    resources = Path(config.get("resources", "."))
    if not resources.is_absolute():
        resources = Path(directory) / resources  # relative to the model directory, never to the cwd
    return FeatureExtractor(
        clusters=load_clusters(resources / CLUSTERS_FILE),
        gazetteer=load_gazetteer(resources / GAZETTEER_FILE),
        window=int(config.get("window", 2)),
        phrases=load_phrases(resources / PHRASES_FILE) if config.get("kb_phrases", True) else {},
        triggers=bool(config.get("triggers", False)),
    )


def _repair_bio(tags: list[str]) -> list[str]:
    """Turn an I- that continues nothing of its type into B- (crfsuite rarely emits one, but callers
    building spans should never see it)."""
    previous = "O"
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tags[i] = "B-" + tag[2:]
        previous = tags[i]
    return tags

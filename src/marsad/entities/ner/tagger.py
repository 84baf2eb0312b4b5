"""NerTagger: the project's Arabic NER model (CRF over cached word features).

    tagger = NerTagger.load()              # the shipped model, loaded once and cached
    tagger.tag(["زار", "ماكرون", "بغداد"])   # -> ["O", "B-PERS", "B-LOC"]

Tags are BIO with ANERcorp's types: PERS, LOC, ORG, MISC.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from itertools import repeat
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
from marsad.text.cache import TwoGenerationCache

RESOURCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "ner"
MODEL_FILE = "model.crfsuite"
SECOND_MODEL_FILE = "model2.crfsuite"  # optional stacked pass with document features
CLUSTERS_FILE = "word_clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv.gz"
PHRASES_FILE = "kb_phrases.tsv.gz"  # KB and place names, multi-word (absent in older models)
CONFIG_FILE = "config.json"

_loaded: dict[Path, NerTagger] = {}
_lock = threading.Lock()


# Distinct words whose score tables the tagger keeps, per generation (two generations: a word
# seen in the old one moves to the young one; a full young one becomes the old one). An entry is
# ~1 KB (its score table for every model, its key, stem and KB starts), so the cache stays under
# ~100 MB; 40k words cover nearly every token of news text (Zipfian vocabulary).
WORD_CACHE_LIMIT = 40_000


class TaggedWord:
    """What tagging keeps of a distinct word: the keys the context features need and the summed
    weights of its views (own and as each neighbour) for every model, one table."""

    __slots__ = ("key", "stem", "kb_starts", "scores")

    def __init__(self, key: str, stem: str, kb_starts: tuple[str, ...], scores: bytes) -> None:
        self.key = key
        self.stem = stem
        self.kb_starts = kb_starts
        # float64 (2 * window + 1, models, labels), as raw bytes: smaller than an array, and a
        # batch's tables become one array with one join
        self.scores = scores


class NerTagger:
    def __init__(self, model_path: Path, extractor: FeatureExtractor, second_path: Path | None = None) -> None:
        self.model_path = model_path
        self.extractor = extractor
        self._first = LinearCrf(model_path)
        self._second = LinearCrf(second_path) if second_path is not None else None
        self._models = [self._first] if self._second is None else [self._first, self._second]
        # Every model's state weights side by side, one row per attribute any model knows (zeros
        # where a model lacks it; the last row all zeros): one lookup per feature name and one
        # gather give a word's scores under all models at once.
        names = list(dict.fromkeys(name for model in self._models for name in model.rows))
        self._rows = {name: i for i, name in enumerate(names)}
        size = len(self._first.labels)
        self._joint = np.zeros((len(names) + 1, len(self._models) * size))
        for m, model in enumerate(self._models):
            if model.rows:
                self._joint[[self._rows[name] for name in model.rows], m * size:(m + 1) * size] = \
                    model.matrix[list(model.rows.values())]
        self._words: TwoGenerationCache[str, TaggedWord] = TwoGenerationCache(None, WORD_CACHE_LIMIT)

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
        known = self._words
        unseen = {t: None for s in clean for t in s if t not in known}
        fresh = self._compute_many(list(unseen)) if unseen else {}
        word = self.word
        words = [[word(t, fresh) for t in s] for s in clean]
        if not any(words):
            return [[] for _ in words]
        contexts = [self.extractor.context(w) if w else [] for w in words]
        emissions = self._emissions(words)  # (tokens, models, labels)
        # The context features' rows in the joint matrix, looked up once for both passes
        # (unknown names read the zero row; every token has at least "bias").
        get, zero = self._rows.get, len(self._joint) - 1
        context_rows = [[get(name, zero) for name in names] for context in contexts for names in context]
        tags = self._decode(self._first, 0, emissions[:, 0], words, context_rows, None)
        if self._second is not None:
            extras = stacked_extras(self.extractor, clean, tags, words=words)
            extra_rows = [[get(name, zero) for name in names] for extra in extras for names in extra]
            tags = self._decode(self._second, 1, emissions[:, 1], words, context_rows, extra_rows)
        return [_repair_bio(t) for t in tags]

    def word(self, token: str, fresh: dict[str, TaggedWord] | None = None) -> TaggedWord:
        """The word's cached record (computed on first sight; `fresh`: records just computed)."""
        if fresh and token in fresh:
            return self._words.get(token, fresh.__getitem__)
        return self._words.get(token, self._compute)

    def _compute(self, token: str) -> TaggedWord:
        return self._compute_many([token])[token]

    def _compute_many(self, tokens: list[str]) -> dict[str, TaggedWord]:
        """Records of new words, their score tables summed in one gather and one segment sum
        for all of them (the same rows in the same order as one word at a time)."""
        features = [self.extractor.compute(t) for t in tokens]
        rows: list[int] = []
        starts: list[int] = []
        for word in features:
            self._score_rows(word, rows, starts)
        views = 2 * self.extractor.window + 1
        table = np.add.reduceat(self._joint[rows], starts, axis=0)
        table = table.reshape(len(tokens), views, len(self._models), -1)  # (words, views, models, labels)
        return {t: TaggedWord(f.key, f.stem, f.kb_starts, table[k].tobytes())
                for k, (t, f) in enumerate(zip(tokens, features, strict=True))}

    def _decode(self, model: LinearCrf, m: int, flat: np.ndarray, words: list[list[TaggedWord]],
                context_rows: list[list[int]], extra_rows: list[list[int]] | None) -> list[list[str]]:
        """Viterbi tags of a batch under model `m`: cached per-word scores shifted into place
        (`flat`, every token of the batch), plus the scores of the sentence-level features (one
        gather and one segment sum for the whole batch; a token's rows in feature order, rows of
        names only the other model knows reading zeros, so every sum is the model's own)."""
        flat = np.ascontiguousarray(flat)  # a copy: the sparse scores are added in place
        rows: list[int] = []
        starts: list[int] = []
        if extra_rows is None:
            for token_rows in context_rows:
                starts.append(len(rows))
                rows += token_rows
        else:
            for token_rows, token_extra in zip(context_rows, extra_rows, strict=True):
                starts.append(len(rows))
                rows += token_rows
                rows += token_extra
        if rows:
            size = flat.shape[1]
            flat += np.add.reduceat(self._joint[rows, m * size:(m + 1) * size], starts, axis=0)
        split, start = [], 0
        for w in words:
            split.append(flat[start: start + len(w)])
            start += len(w)
        return model.viterbi_batch(split)

    def _emissions(self, words: list[list[TaggedWord]]) -> np.ndarray:
        """Per token of the batch and model, the summed weights of its own view and its
        neighbours' views (neighbours in the same sentence only), added in the same order as
        sentence by sentence: own view, then offset 1 right and left, offset 2 right and left."""
        flat = [w for sentence in words for w in sentence]
        n = len(flat)
        window = self.extractor.window
        views = np.frombuffer(b"".join([w.scores for w in flat]), dtype=np.float64)
        views = views.reshape(n, 2 * window + 1, len(self._models), -1)
        emissions = views[:, window].copy()
        sentence = np.repeat(np.arange(len(words)), [len(s) for s in words])
        for offset in range(1, min(window, n - 1) + 1):
            same = (sentence[offset:] == sentence[:-offset])[:, None, None]
            head, tail = emissions[: n - offset], emissions[offset:]
            np.add(head, views[offset:, window + offset], out=head, where=same)
            np.add(tail, views[: n - offset, window - offset], out=tail, where=same)
        return emissions

    def _score_rows(self, word: WordFeatures, rows: list[int], starts: list[int]) -> None:
        """Append the word's rows for its views (own, and as each neighbour), one segment per
        view: the word's summed weights under every model are then one gather and one segment
        sum. Each segment opens with the zero row, so none is empty (adding 0.0 changes no sum);
        unknown names read it too."""
        window = self.extractor.window
        get = self._rows.get
        zero = len(self._joint) - 1
        for offset in range(-window, window + 1):
            names = word.as_neighbour[offset] if offset else word.own
            starts.append(len(rows))
            rows.append(zero)
            rows += map(get, names, repeat(zero, len(names)))


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

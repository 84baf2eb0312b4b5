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

import pycrfsuite

from marsad.entities.ner.features import FeatureExtractor, load_clusters, load_gazetteer

RESOURCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "ner"
MODEL_FILE = "model.crfsuite"
CLUSTERS_FILE = "word_clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv.gz"
CONFIG_FILE = "config.json"
MAX_TOKENS_PER_CALL = 2000  # crfsuite's Viterbi is fine with long input, but keep memory bounded

_loaded: dict[Path, NerTagger] = {}
_lock = threading.Lock()


class NerTagger:
    def __init__(self, model_path: Path, extractor: FeatureExtractor) -> None:
        self.model_path = model_path
        self.extractor = extractor
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

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
        return cls(model, extractor_for(directory))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags, one per token (an empty list for no tokens)."""
        tokens = [t if isinstance(t, str) else str(t) for t in tokens]
        if not tokens:
            return []
        tags: list[str] = []
        for start in range(0, len(tokens), MAX_TOKENS_PER_CALL):
            chunk = tokens[start:start + MAX_TOKENS_PER_CALL]
            tags += self._tagger.tag(self.extractor.sentence(chunk))
        return _repair_bio(tags)

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [self.tag(s) for s in sentences]


def extractor_for(directory: Path) -> FeatureExtractor:
    """The feature extractor a model in `directory` was trained with (its resources, its window)."""
    config = {}
    if (directory / CONFIG_FILE).exists():
        config = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
    resources = Path(config.get("resources", directory))
    if not resources.is_absolute():
        resources = directory / resources
    return FeatureExtractor(
        clusters=load_clusters(resources / CLUSTERS_FILE),
        gazetteer=load_gazetteer(resources / GAZETTEER_FILE),
        window=int(config.get("window", 2)),
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

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

from marsad.entities.ner.features import FeatureExtractor, load_clusters, load_gazetteer, load_phrases
from marsad.entities.ner.stacking import second_pass_features

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
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        self._second: pycrfsuite.Tagger | None = None
        if second_path is not None:
            self._second = pycrfsuite.Tagger()
            self._second.open(str(second_path))

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
        base = [self.extractor.sentence(s) for s in clean]
        tags = [self._tagger.tag(f) if f else [] for f in base]
        if self._second is not None:
            stacked = second_pass_features(self.extractor, clean, tags, base)
            tags = [self._second.tag(f) if f else [] for f in stacked]
        return [_repair_bio(list(t)) for t in tags]


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

"""Second-pass features: what the first pass said here, and about the same word nearby.

News repeats its names: "البنك التجاري" is tagged ORG in one sentence and missed in the next.
The second CRF sees, for each token, the first pass's tags around it and the types the first
pass gave the same word (matching form, or clitic-stripped stem) elsewhere in the document.
A "document" is the batch given to `tag_sentences`; ANERcorp has no document boundaries, so
training uses a window of neighbouring sentences instead, and so does tagging (same features).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.entities.ner.features import FeatureExtractor

CONTEXT_SENTENCES = 12  # sentences each side that count as "the same document"


def _type(tag: str) -> str:
    return tag[2:] if len(tag) > 2 else "O"


class _Types(dict):
    """tag -> its type ("B-PERS" -> "PERS", "O" -> "O"), worked out once per tag."""

    def __missing__(self, tag: str) -> str:
        self[tag] = kind = _type(tag)
        return kind


_TYPES = _Types()


def _sentence_counts(keys: list[tuple[str, str | None]], tags: Sequence[str]) -> dict[str, dict[str, int]]:
    """Per key (a form, or "~" + a stem that differs from its form), how often each type was
    given in the sentence; keys and types in order of first sight."""
    counts: dict[str, dict[str, int]] = {}
    get = counts.get
    types = _TYPES
    for (form, stem_key), tag in zip(keys, tags, strict=True):
        kind = types[tag]
        hit = get(form)
        if hit is None:
            counts[form] = {kind: 1}
        else:
            hit[kind] = hit.get(kind, 0) + 1
        if stem_key is not None:
            hit = get(stem_key)
            if hit is None:
                counts[stem_key] = {kind: 1}
            else:
                hit[kind] = hit.get(kind, 0) + 1
    return counts


def stacked_extras(
    extractor: FeatureExtractor,
    sentences: Sequence[Sequence[str]],
    first_tags: Sequence[Sequence[str]],
    context: int = CONTEXT_SENTENCES,
    words: Sequence[Sequence] | None = None,
) -> list[list[list[str]]]:
    """Per token, the second pass's own features: first-pass tags around it and document views.
    The counts over the sentence window are kept as a running sum (each sentence added once and
    taken out once), so the cost does not grow with the window. `words`: the tokens' word records
    (anything with `key` and `stem`) when the caller has them already."""
    if words is None:
        words = [[extractor.word(t) for t in tokens] for tokens in sentences]
    keys = [[(w.key, "~" + w.stem if w.stem != w.key else None) for w in sentence] for sentence in words]
    per_sentence = [_sentence_counts(k, t) for k, t in zip(keys, first_tags, strict=True)]
    running: dict[str, dict[str, int]] = {}
    for counts in per_sentence[: context + 1]:
        _accumulate(running, counts, 1)
    out: list[list[list[str]]] = []
    for s, (sentence_keys, tags) in enumerate(zip(keys, first_tags, strict=True)):
        if s:
            if s + context < len(per_sentence):
                _accumulate(running, per_sentence[s + context], 1)
            if s - context - 1 >= 0:
                _accumulate(running, per_sentence[s - context - 1], -1)
        feats_of_sentence: list[list[str]] = []
        n = len(tags)
        for i, (form, stem_key) in enumerate(sentence_keys):
            tag = tags[i]
            own = _TYPES[tag]
            feats = [_P1[tag], _P1_BEFORE[tags[i - 1] if i else "BOS"],
                     _P1_AFTER[tags[i + 1] if i + 1 < n else "EOS"]]
            feats += _document_view("d", running.get(form), own)
            if stem_key is not None:
                feats += _document_view("ds", running.get(stem_key), own)
            feats_of_sentence.append(feats)
        out.append(feats_of_sentence)
    return out


def _accumulate(running: dict[str, dict[str, int]], counts: dict[str, dict[str, int]], sign: int) -> None:
    for key, hit in counts.items():
        total = running.get(key)
        if total is None:
            total = running[key] = {}
        for kind, count in hit.items():
            value = total.get(kind, 0) + sign * count
            if value:
                total[kind] = value
            else:
                del total[kind]
        if not total:
            del running[key]


def second_pass_features(
    extractor: FeatureExtractor,
    sentences: Sequence[Sequence[str]],
    first_tags: Sequence[Sequence[str]],
    base: Sequence[list[list[str]]],
    context: int = CONTEXT_SENTENCES,
) -> list[list[list[str]]]:
    """The first-pass feature lists (`base`) extended with stacked and document features."""
    extras = stacked_extras(extractor, sentences, first_tags, context)
    return [[[*b, *e] for b, e in zip(bs, es, strict=True)] for bs, es in zip(base, extras, strict=True)]


# Tie-break of the majority type: a fixed order, so that it does not depend on counting order.
PRIORITY = {"PERS": 5, "LOC": 4, "ORG": 3, "MISC": 2, "O": 1}


class _Strings(dict):
    """prefix + value, built once per value."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, value: str) -> str:
        self[value] = text = self.prefix + value
        return text


_P1, _P1_BEFORE, _P1_AFTER = _Strings("p1="), _Strings("p1-1="), _Strings("p1+1=")
_VIEWS: dict[tuple, list[str]] = {}  # memo: (name, counts, own) -> features (a small domain)


def _document_view(name: str, total: dict[str, int] | None, own: str) -> list[str]:
    """Types the same word got in the window (its own occurrence taken out)."""
    if not total:
        return [f"{name}=none"]
    key = (name, own, *total.items())
    cached = _VIEWS.get(key)
    if cached is None:
        if len(_VIEWS) > 100_000:
            _VIEWS.clear()
        cached = _VIEWS[key] = _compute_view(name, total, own)
    return cached


def _compute_view(name: str, total: dict[str, int], own: str) -> list[str]:
    kinds = [(count - (kind == own), PRIORITY.get(kind, 0), kind) for kind, count in total.items()]
    kinds = [k for k in kinds if k[0] > 0]
    if not kinds:
        return [f"{name}=none"]
    majority = max(kinds)[2]
    feats = [f"{name}maj={majority}", f"{name}maj|p1={majority}|{own}"]
    feats += [f"{name}any={kind}" for _, _, kind in kinds if kind != "O"]
    return feats

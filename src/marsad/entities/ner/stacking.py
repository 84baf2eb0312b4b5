"""Second-pass features: what the first pass said here, and about the same word nearby.

News repeats its names: "البنك التجاري" is tagged ORG in one sentence and missed in the next.
The second CRF sees, for each token, the first pass's tags around it and the types the first
pass gave the same word (matching form, or clitic-stripped stem) elsewhere in the document.
A "document" is the batch given to `tag_sentences`; ANERcorp has no document boundaries, so
training uses a window of neighbouring sentences instead, and so does tagging (same features).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from marsad.entities.ner.features import FeatureExtractor

CONTEXT_SENTENCES = 12  # sentences each side that count as "the same document"


def _type(tag: str) -> str:
    return tag[2:] if len(tag) > 2 else "O"


def _sentence_counts(keys: list[tuple[str, str]], tags: Sequence[str]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for (form, stem), tag in zip(keys, tags, strict=True):
        kind = _type(tag)
        counts.setdefault(form, Counter())[kind] += 1
        if stem != form:
            counts.setdefault("~" + stem, Counter())[kind] += 1
    return counts


def second_pass_features(
    extractor: FeatureExtractor,
    sentences: Sequence[Sequence[str]],
    first_tags: Sequence[Sequence[str]],
    base: Sequence[list[list[str]]],
    context: int = CONTEXT_SENTENCES,
) -> list[list[list[str]]]:
    """The first-pass feature lists (`base`) extended with stacked and document features."""
    keys = [[(w.key, w.stem) for w in map(extractor.word, tokens)] for tokens in sentences]
    per_sentence = [_sentence_counts(k, t) for k, t in zip(keys, first_tags, strict=True)]
    out: list[list[list[str]]] = []
    for s, (sentence_keys, tags) in enumerate(zip(keys, first_tags, strict=True)):
        window = per_sentence[max(0, s - context): s + context + 1]
        feats_of_sentence: list[list[str]] = []
        n = len(tags)
        for i, (form, stem) in enumerate(sentence_keys):
            own = _type(tags[i])
            feats = [*base[s][i], f"p1={tags[i]}"]
            feats.append(f"p1-1={tags[i - 1] if i else 'BOS'}")
            feats.append(f"p1+1={tags[i + 1] if i + 1 < n else 'EOS'}")
            feats += _document_view("d", form, own, window)
            if stem != form:
                feats += _document_view("ds", "~" + stem, own, window)
            feats_of_sentence.append(feats)
        out.append(feats_of_sentence)
    return out


def _document_view(name: str, key: str, own: str, window: list[dict[str, Counter[str]]]) -> list[str]:
    """Types the same word got elsewhere in the window (its own occurrence taken out)."""
    total: Counter[str] = Counter()
    for counts in window:
        hit = counts.get(key)
        if hit:
            total.update(hit)
    total[own] -= 1
    total = +total  # drop zero and negative counts
    if not total:
        return [f"{name}=none"]
    majority = total.most_common(1)[0][0]
    feats = [f"{name}maj={majority}", f"{name}maj|p1={majority}|{own}"]
    feats += [f"{name}any={kind}" for kind in total if kind != "O"]
    return feats

"""CRF features for Arabic NER, computed once per distinct word and cached.

A token's features are its own word features plus its neighbours' (offsets -2..+2). Everything
that depends on one word only (matching form, affixes, clitic-stripped stems, shape, word
clusters, gazetteer flags) is computed once per distinct word and kept as ready-made, already
prefixed string lists, so tagging a sentence is mostly list concatenation: that is what makes
the tagger fast (no regex or normalisation per token occurrence).
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.text import match_form
from marsad.text.tokens import proclitic_splits

MAX_KEY = 30  # long tokens (URLs, glued junk) are cut for the identity features
CACHE_LIMIT = 300_000  # distinct words kept; the cache is cleared beyond (bounded memory)
ARABIC_RANGE = ("\u0600", "\u06ff")
PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”„‘’،؛؟…–—٪")


def load_clusters(path: Path | None) -> dict[str, tuple[str, ...]]:
    """word (matching form) -> cluster ids at each granularity, from build_word_clusters.py."""
    table: dict[str, tuple[str, ...]] = {}
    if path is None or not path.exists():
        return table
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            word, *ids = line.rstrip("\n").split("\t")
            table[word] = tuple(ids)
    return table


def load_gazetteer(path: Path | None) -> dict[str, str]:
    """word (matching form) -> gazetteer flags, e.g. "LOC" or "LOC|PERS"."""
    table: dict[str, str] = {}
    if path is None or not path.exists():
        return table
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, _, flags = line.rstrip("\n").partition("\t")
            if word and flags:
                table[word] = flags
    return table


def shape_of(token: str) -> str:
    """A coarse shape class: what kind of characters the token is made of."""
    if not token:
        return "empty"
    arabic = latin = digit = punct = other = 0
    for ch in token[:MAX_KEY]:
        if ARABIC_RANGE[0] <= ch <= ARABIC_RANGE[1]:
            if ch.isdigit():
                digit += 1
            else:
                arabic += 1
        elif ch.isdigit():
            digit += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
        elif ch in PUNCT:
            punct += 1
        else:
            other += 1
    kinds = [name for name, n in (("ar", arabic), ("la", latin), ("d", digit), ("p", punct), ("x", other)) if n]
    shape = "+".join(kinds)
    if latin and token[:1].isupper():
        shape += "^"
    return shape


def length_bucket(n: int) -> str:
    return str(n) if n <= 6 else "7-9" if n <= 9 else "10+"


@dataclass
class WordFeatures:
    """The cached features of one distinct word: its own, and as a neighbour at each offset."""

    own: list[str]
    as_neighbour: dict[int, list[str]]
    key: str  # matching form, cut: used in bigram features
    stem: str  # the form without its longest proclitic reading (the form itself if none)


@dataclass
class FeatureExtractor:
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: dict[str, str] = field(default_factory=dict)
    window: int = 2
    _cache: dict[str, WordFeatures] = field(default_factory=dict, repr=False)

    def word(self, token: str) -> WordFeatures:
        cached = self._cache.get(token)
        if cached is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            cached = self._cache[token] = self._compute(token)
        return cached

    def _lookup_with_stems(self, form: str, table: dict) -> tuple[object | None, str]:
        """Table entry of the word, else of its longest-prefix clitic-stripped stem (ال restored)."""
        hit = table.get(form)
        if hit is not None:
            return hit, ""
        for prefix, stem in reversed(proclitic_splits(form)):
            if not prefix:
                continue
            hit = table.get(stem)
            if hit is None and prefix.endswith(("ال", "لل")):
                hit = table.get("ال" + stem)
            if hit is not None:
                return hit, prefix
        return None, ""

    def _compute(self, token: str) -> WordFeatures:
        token_cut = token[:MAX_KEY]
        form = match_form(token_cut)
        splits = proclitic_splits(form)
        shape = shape_of(token)
        core: list[str] = [f"f={form}", f"sh={shape}"]  # shared by own and neighbour views
        clusters, cl_prefix = self._lookup_with_stems(form, self.clusters)
        if clusters:
            core += [f"c{i}={cid}" for i, cid in enumerate(clusters)]  # type: ignore[union-attr]
            if cl_prefix:
                core.append("cstem")
        else:
            core.append("c=none")
        gaz, _ = self._lookup_with_stems(form, self.gazetteer)
        if gaz:
            core += [f"g={g}" for g in str(gaz).split("|")]

        own = [f"w={token_cut}", *core, f"len={length_bucket(len(form))}"]
        for n in (1, 2, 3):
            if len(form) > n:
                own.append(f"p{n}={form[:n]}")
                own.append(f"s{n}={form[-n:]}")
        if len(form) > 4:
            own.append(f"s4={form[-4:]}")
        for prefix, stem in splits[1:]:
            own.append(f"st={stem}")
            own.append(f"pre={prefix}")
        if len(splits) > 1:
            longest_stem = splits[-1][1]
            own.append(f"ls1={longest_stem[-1:]}")
            own.append(f"ls2={longest_stem[-2:]}")

        neighbour_core = core
        as_neighbour: dict[int, list[str]] = {}
        for offset in range(-self.window, self.window + 1):
            if offset == 0:
                continue
            near = abs(offset) == 1
            feats = neighbour_core if near else neighbour_core[:2] + [c for c in core if c.startswith(("c1=", "g="))]
            tag = f"{offset:+d}"
            view = [tag + name for name in feats]
            if near and len(splits) > 1:
                view.append(f"{tag}st={splits[-1][1]}")
            as_neighbour[offset] = view
        stem = splits[-1][1] if len(splits) > 1 and len(splits[-1][1]) >= 3 else form
        return WordFeatures(own, as_neighbour, form, stem)

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Feature lists for each token of a sentence."""
        words = [self.word(t) for t in tokens]
        n = len(words)
        out: list[list[str]] = []
        for i, wf in enumerate(words):
            feats = ["bias", *wf.own]
            for offset in range(-self.window, self.window + 1):
                if offset == 0:
                    continue
                j = i + offset
                if 0 <= j < n:
                    feats += words[j].as_neighbour[offset]
                elif j == -1 or j == n:
                    feats.append(f"{offset:+d}bound")
            if i > 0:
                feats.append(f"b-={words[i - 1].key}|{wf.key}")
            if i + 1 < n:
                feats.append(f"b+={wf.key}|{words[i + 1].key}")
            out.append(feats)
        return out

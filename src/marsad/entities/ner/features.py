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
from marsad.text.cache import TwoGenerationCache
from marsad.text.tokens import proclitic_splits

MAX_KEY = 30  # long tokens (URLs, glued junk) are cut for the identity features
# Distinct words whose feature lists are kept (training, `sentence`): a word's lists are ~70
# strings (~5 KB), so the cache holds two generations of at most this many words (~250 MB at
# most; news vocabulary is Zipfian, so the common words stay in the young generation). Tagging
# keeps its own, compact cache (NerTagger: scores, not strings).
CACHE_LIMIT = 25_000
ARABIC_RANGE = ("\u0600", "\u06ff")
PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”„‘’،؛؟…–—٪")


# Head nouns that open a name of a given type (the name usually follows, often inside it):
# وزارة الخارجية, حزب الله, جامعة دمشق, الرئيس بشار الأسد, مدينة حلب. Written in plain Arabic,
# compared on the matching form of the clitic-stripped stem without its article.
TRIGGER_WORDS = {
    "ORG": "وزارة حزب جبهة منظمة وكالة شركة جامعة مجلس هيئة اتحاد جمعية لجنة بنك مصرف صندوق مؤسسة "
           "حركة تنظيم جيش قوات كتائب لواء فيلق محكمة برلمان حكومة مجموعة نادي منتدى معهد مركز "
           "صحيفة جريدة قناة إذاعة تلفزيون مكتب إدارة سلطة رابطة نقابة تحالف ائتلاف",
    "PERS": "رئيس الرئيس وزير الوزير ملك الملك أمير الأمير شيخ الشيخ السيد السيدة الدكتور الجنرال "
            "العقيد العميد اللواء المتحدث الناطق نائب السفير المبعوث الإمام البابا المستشار",
    "LOC": "مدينة محافظة منطقة بلدة قرية عاصمة جزيرة نهر جبل بحر خليج إقليم ولاية مقاطعة ريف حي "
           "شارع ميناء مطار",
    "MISC": "بطولة كأس دورة مؤتمر قمة اتفاقية اتفاق معاهدة جائزة مهرجان عملية حرب معركة مباراة "
            "صاروخ طائرة برنامج مشروع قانون",
}


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


def load_phrases(path: Path | None) -> dict[tuple[str, ...], tuple[str, ...]]:
    """phrase (matching-form words) -> types, from scripts/build_ner_kb_phrases.py (KB + places)."""
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    if path is None or not path.exists():
        return table
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            phrase, _, types = line.rstrip("\n").partition("\t")
            words = tuple(phrase.split())
            if words and types:
                table[words] = tuple(types.split("|"))
    return table


def shape_of(token: str) -> str:
    """A coarse shape class: what kind of characters the token is made of."""
    if not token:
        return "empty"
    kinds = frozenset(map(_CHAR_KIND.__getitem__, token[:MAX_KEY]))
    shape = _SHAPES.get(kinds)
    if shape is None:
        shape = _SHAPES[kinds] = "+".join(name for name in _KIND_ORDER if name in kinds)
    if "la" in kinds and token[:1].isupper():
        shape += "^"
    return shape


def shape_of_reference(token: str) -> str:
    """`shape_of` counting character by character (kept for the tests)."""
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


def _char_kind(ch: str) -> str:
    if ARABIC_RANGE[0] <= ch <= ARABIC_RANGE[1]:
        return "d" if ch.isdigit() else "ar"
    if ch.isdigit():
        return "d"
    if ch.isascii() and ch.isalpha():
        return "la"
    return "p" if ch in PUNCT else "x"


class _CharKinds(dict):
    """character -> its shape kind, worked out on first sight (bounded: cleared when large)."""

    def __missing__(self, ch: str) -> str:
        if len(self) >= 20_000:
            self.clear()
        self[ch] = kind = _char_kind(ch)
        return kind


_CHAR_KIND = _CharKinds()
_KIND_ORDER = ("ar", "la", "d", "p", "x")
_SHAPES: dict[frozenset[str], str] = {}  # at most 2^5 kind sets


_OFFSET_TAGS = {offset: f"{offset:+d}" for offset in range(-5, 6) if offset}


def length_bucket(n: int) -> str:
    return str(n) if n <= 6 else "7-9" if n <= 9 else "10+"


@dataclass
class WordFeatures:
    """The cached features of one distinct word: its own, and as a neighbour at each offset."""

    own: list[str]
    as_neighbour: dict[int, list[str]]
    key: str  # matching form, cut: used in bigram features
    stem: str  # the form without its longest proclitic reading (the form itself if none)
    kb_starts: tuple[str, ...] = ()  # readings of the word (clitics stripped) that begin a KB phrase


@dataclass
class FeatureExtractor:
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: dict[str, str] = field(default_factory=dict)
    window: int = 2
    phrases: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    triggers: bool = False
    _cache: TwoGenerationCache[str, WordFeatures] = field(
        default_factory=lambda: TwoGenerationCache(None, CACHE_LIMIT), repr=False)

    def __post_init__(self) -> None:
        self._triggers: dict[str, str] = {}
        if self.triggers:
            for kind, words in TRIGGER_WORDS.items():
                for word in words.split():
                    key = match_form(word)
                    self._triggers.setdefault(key[2:] if key.startswith("ال") else key, kind)
        self._phrase_len: dict[str, int] = {}  # first word -> longest phrase it begins
        for words in self.phrases:
            self._phrase_len[words[0]] = max(self._phrase_len.get(words[0], 0), len(words))

    def word(self, token: str) -> WordFeatures:
        """The features of a word, cached in two generations: a word found in the old one moves to
        the young one; when the young one is full it becomes the old one (the old one is dropped)."""
        return self._cache.get(token, self._compute)

    def compute(self, token: str) -> WordFeatures:
        """The features of a word, not cached (for callers that keep their own, compact cache)."""
        return self._compute(token)

    def _lookup_with_stems(self, form: str, table: dict,
                           splits: list[tuple[str, str]] | None = None) -> tuple[object | None, str]:
        """Table entry of the word, else of its longest-prefix clitic-stripped stem (ال restored).
        `splits`: the form's proclitic readings, when the caller has them."""
        hit = table.get(form)
        if hit is not None:
            return hit, ""
        for prefix, stem in reversed(splits if splits is not None else proclitic_splits(form)):
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
        clusters, cl_prefix = self._lookup_with_stems(form, self.clusters, splits)
        if clusters:
            core += [f"c{i}={cid}" for i, cid in enumerate(clusters)]  # type: ignore[union-attr]
            if cl_prefix:
                core.append("cstem")
        else:
            core.append("c=none")
        gaz, _ = self._lookup_with_stems(form, self.gazetteer, splits)
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

        far = core[:2] + [c for c in core if c.startswith(("c1=", "g="))]  # the view at offsets beyond 1
        near_stem = "st=" + splits[-1][1] if len(splits) > 1 else None
        as_neighbour: dict[int, list[str]] = {}
        for offset in range(-self.window, self.window + 1):
            if offset == 0:
                continue
            tag = _OFFSET_TAGS.get(offset) or f"{offset:+d}"
            if abs(offset) == 1:
                view = [tag + name for name in core]
                if near_stem is not None:
                    view.append(tag + near_stem)
            else:
                view = [tag + name for name in far]
            as_neighbour[offset] = view
        stem = splits[-1][1] if len(splits) > 1 and len(splits[-1][1]) >= 3 else form
        if self._triggers:
            kind = None
            for _, reading in splits:
                bare = reading[2:] if reading.startswith("ال") and len(reading) > 4 else reading
                kind = self._triggers.get(bare)
                if kind is not None:
                    break
            if kind is not None:
                own.append(f"trig={kind}")
                for offset in (1, 2):
                    as_neighbour[offset].append(f"+{offset}trig={kind}")
                    as_neighbour[-offset].append(f"-{offset}trig={kind}")
        starts: list[str] = []
        if self._phrase_len:
            for prefix, reading in splits:
                for candidate in (reading, "ال" + reading) if prefix.endswith(("ال", "لل")) else (reading,):
                    if candidate in self._phrase_len and candidate not in starts:
                        starts.append(candidate)
        return WordFeatures(own, as_neighbour, form, stem, tuple(starts))

    def phrase_marks(self, words: Sequence[WordFeatures]) -> list[list[str]] | None:
        """Knowledge-base membership: greedy longest match of KB/place phrases left to right (the
        first word may carry clitics); per token the features of the phrase covering it."""
        if not self._phrase_len:
            return None
        n = len(words)
        marks: list[list[str]] = [[] for _ in range(n)]
        found = False
        i = 0
        while i < n:
            best: tuple[int, tuple[str, ...]] | None = None
            for first in words[i].kb_starts:
                longest = min(self._phrase_len[first], n - i)
                for length in range(longest, 0, -1):
                    if best is not None and length <= best[0]:
                        break
                    key = (first, *(w.key for w in words[i + 1: i + length]))
                    types = self.phrases.get(key)
                    if types is not None:
                        best = (length, types)
                        break
            if best is None:
                i += 1
                continue
            found = True
            length, types = best
            size = "1" if length == 1 else "n"
            for j in range(i, i + length):
                position = "B" if j == i else "I"
                for kind in types:
                    marks[j].append(f"kb={position}-{kind}")
                    marks[j].append(f"kb{size}={kind}")
                    if j > 0:
                        marks[j - 1].append(f"+1kb={position}-{kind}")
                    if j + 1 < n:
                        marks[j + 1].append(f"-1kb={position}-{kind}")
            i += length
        return marks if found else None

    def context(self, words: Sequence[WordFeatures]) -> list[list[str]]:
        """The features of each token that are not per-word views: bias, KB phrase marks, sentence
        bounds, word bigrams."""
        n = len(words)
        marks = self.phrase_marks(words)
        window = self.window
        keys = [w.key for w in words]
        pairs = [f"{a}|{b}" for a, b in zip(keys, keys[1:], strict=False)]  # word i and i+1: b+ of i, b- of i+1
        out: list[list[str]] = []
        for i in range(n):
            feats = ["bias"]
            if marks is not None:
                feats += marks[i]
            if i < window:
                feats.append(f"{-i - 1:+d}bound")
            if i >= n - window:
                feats.append(f"{n - i:+d}bound")
            if i > 0:
                feats.append("b-=" + pairs[i - 1])
            if i + 1 < n:
                feats.append("b+=" + pairs[i])
            out.append(feats)
        return out

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Feature lists for each token of a sentence."""
        words = [self.word(t) for t in tokens]
        n = len(words)
        out: list[list[str]] = []
        for i, (wf, feats) in enumerate(zip(words, self.context(words), strict=True)):
            feats += wf.own
            for offset in range(-self.window, self.window + 1):
                j = i + offset
                if offset and 0 <= j < n:
                    feats += words[j].as_neighbour[offset]
            out.append(feats)
        return out

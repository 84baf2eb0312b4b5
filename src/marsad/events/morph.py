"""Surface forms of Arabic trigger words, generated from stems, and a phrase index that finds them.

Triggers are written once as stems (a verb's past and present stems, a noun's singular) and this
module spells out their inflections with suffix pronouns, in matching form: قصف gives قصفت، قصفوا،
يقصف، ستقصف، قصفها… A token is looked up whole, then with its proclitics (و ف ب ل ك ال) stripped by
`marsad.text.tokens.proclitic_splits`. Lookups are dictionary hits, cached per word, so scanning an
article costs one dict lookup per token (no regex per token).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from marsad.text.cache import TwoGenerationCache
from marsad.text.normalize import match_form
from marsad.text.tokens import proclitic_splits

PAST_SUFFIXES = ("", "ت", "وا", "و", "ا", "تا", "ن", "نا", "تم", "ه", "ها", "هم", "هما", "ته", "تها",
                 "تهم", "وه", "وها", "وهم", "نا", "ناه", "ناها")
PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
FUTURE_PREFIX = "س"
PRESENT_SUFFIXES = ("", "ون", "ان", "ن", "وا", "ا", "ه", "ها", "هم", "ونه", "ونها", "ين")
NOUN_SUFFIXES = ("", "ات", "ان", "ين", "ون", "ه", "ها", "هم", "هما", "ي", "يه", "يا", "ا", "اته",
                 "اتها", "اتهم", "يات", "يتين")


def verb(past: str, present: str | None = None, *, passive_present: bool = True) -> set[str]:
    """Past and present forms of a verb (with the future سـ). `present` is the stem after the
    person prefix: قصف → قصف (يقصف), استهدف → ستهدف (يستهدف), أحبط → حبط (يحبط)."""
    past = match_form(past)
    if present is None:
        present = past[1:] if past.startswith("ا") and len(past) > 3 else past
    present = match_form(present)
    forms = {past + suffix for suffix in PAST_SUFFIXES}
    for prefix in PRESENT_PREFIXES:
        for suffix in PRESENT_SUFFIXES:
            forms.add(prefix + present + suffix)
            if prefix != "ا":
                forms.add(FUTURE_PREFIX + prefix + present + suffix)
    return forms


def noun(*bases: str) -> set[str]:
    """A noun's forms: plural/dual endings and suffix pronouns; ة (ه in matching form) turns to ت
    before a suffix (غارة → غارته، غارات)."""
    forms: set[str] = set()
    for base in bases:
        base = match_form(base)
        forms.add(base)
        stem = base[:-1] if base.endswith("ه") else base
        for suffix in NOUN_SUFFIXES:
            forms.add(stem + suffix)
        if base.endswith("ه"):
            for suffix in ("ته", "تها", "تهم", "تان", "تين", "تي", "تا", "تنا"):
                forms.add(stem + suffix)
    return forms


def words(text: str) -> tuple[str, ...]:
    """A phrase in matching form as a tuple of words."""
    return tuple(match_form(text).split())


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase found at words[start:end]; `prefix` is the proclitic stripped from the first word."""

    start: int
    end: int
    payload: object
    prefix: str


READINGS_CACHE_LIMIT = 40_000


class PhraseIndex:
    """Multi-word phrases keyed by their first word's forms; longest match wins."""

    def __init__(self) -> None:
        self._first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        # per word seen; bounded by generations (text/cache.py), as the vocabulary grows with the corpus
        self._cache: TwoGenerationCache[str, list[tuple[str, list[tuple[tuple[str, ...], object]]]]] = \
            TwoGenerationCache(self._compute_readings, READINGS_CACHE_LIMIT)
        self._blocked: set[str] = set()

    def block(self, *blocked: str) -> None:
        """Words never read as a clitic + trigger (وزارة is not و + زار + ه)."""
        for word in blocked:
            for form in noun(word):
                for prefix in ("", "و", "ف", "ب", "ل", "ال", "وال", "بال", "لل"):
                    self._blocked.add(prefix + form)

    def add(self, first_forms: Iterable[str], rest: tuple[str, ...], payload: object) -> None:
        for form in first_forms:
            self._first.setdefault(form, []).append((rest, payload))

    def add_phrase(self, phrase: str, payload: object) -> None:
        parts = words(phrase)
        self.add([parts[0]], parts[1:], payload)

    def _readings(self, word: str) -> list[tuple[str, list[tuple[tuple[str, ...], object]]]]:
        """(prefix, candidates) for every proclitic reading of `word` the index knows."""
        return self._cache(word)

    def _compute_readings(self, word: str) -> list[tuple[str, list[tuple[tuple[str, ...], object]]]]:
        found: list[tuple[str, list[tuple[tuple[str, ...], object]]]] = []
        if word in self._blocked:
            return found
        for prefix, stem in proclitic_splits(word):
            candidates = self._first.get(stem)
            if candidates is None and prefix.endswith(("ال", "لل")):
                candidates = self._first.get("ال" + stem)
            if candidates is not None:
                found.append((prefix, candidates))
        return found

    def match(self, tokens: list[str], i: int) -> list[Hit]:
        """Every payload of the first proclitic reading that the index knows at tokens[i], each
        with its longest phrase."""
        for prefix, candidates in self._readings(tokens[i]):
            best: dict[int, Hit] = {}
            for rest, payload in candidates:
                end = i + 1 + len(rest)
                if rest and tuple(tokens[i + 1:end]) != rest:
                    continue
                key = id(payload)
                if key not in best or end > best[key].end:
                    best[key] = Hit(i, end, payload, prefix)
            if best:
                return list(best.values())  # the unsplit reading, or the shortest prefix, wins
        return []

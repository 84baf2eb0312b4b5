"""Word tokens with offsets, and the proclitics (و ف ب ل ك ال) that Arabic glues to words.

Tokens keep their clitics (وبوتين is one token) because that is how the text is written; callers
that match words against a lexicon ask `proclitic_splits` for the readings without them, longest
stem first, and keep the one their lexicon knows. This avoids a morphological analyser, which
would cost a dependency that downloads data (see docs/decisions.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from marsad.text.normalize import DIACRITICS, TATWEEL

_ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
_MARKS = "".join(sorted(DIACRITICS)) + TATWEEL
# A word: Arabic letters with their marks, or Latin letters/digits, or a number with separators.
TOKEN_RE = re.compile(
    rf"[{_ARABIC_LETTER}][{_ARABIC_LETTER}{_MARKS}]*"
    r"|[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,٫٬][0-9\u0660-\u0669\u06f0-\u06f9]+)*"
    r"|[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?"
    r"|\S"
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end] with offsets into text; punctuation marks are tokens of their own."""
    if start == 0 and end is None:
        return list(_whole(text))
    return list(_scan(text, start, end))


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    if start == 0 and end is None:
        return iter(_whole(text))
    return _scan(text, start, end)


def _scan(text: str, start: int, end: int | None) -> Iterator[Token]:
    # Tokens are built through their slots: a frozen dataclass's own __init__ goes through
    # object.__setattr__ once per field, which made up a third of tokenizing.
    end = len(text) if end is None else end
    new, set_start, set_end, set_text = object.__new__, _SET_START, _SET_END, _SET_TEXT
    for m in TOKEN_RE.finditer(text, start, end):
        token = new(Token)
        first, last = m.span()
        set_start(token, first)
        set_end(token, last)
        set_text(token, m.group())
        yield token


_SET_START, _SET_END, _SET_TEXT = Token.start.__set__, Token.end.__set__, Token.text.__set__  # type: ignore[attr-defined]


# The tokens of the last whole text tokenized: the stages of one document (entities, places,
# events) each tokenize the same text, so it is scanned once. Tokens are immutable.
_last: tuple[str, tuple[Token, ...]] = ("", ())


def _whole(text: str) -> tuple[Token, ...]:
    global _last
    last_text, tokens = _last
    if text is not last_text and text != last_text:
        tokens = tuple(_scan(text, 0, None))
        _last = (text, tokens)
    return tokens


# Conjunction, then preposition, then article. "لل" is ل + ال with the alef dropped.
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
MIN_STEM = 2


def proclitic_splits(word: str) -> list[tuple[str, str]]:
    """Every (prefix, stem) reading of a word's proclitics, the unsplit word first.

    >>> proclitic_splits("وبالرقة")[:4]
    [('', 'وبالرقة'), ('و', 'بالرقة'), ('وب', 'الرقة'), ('وبال', 'رقة')]
    """
    readings = [("", word)]
    candidates = _PREFIXES_BY_FIRST.get(word[:1])
    if candidates:
        longest = len(word) - MIN_STEM
        for prefix in candidates:
            if len(prefix) <= longest and word.startswith(prefix):
                readings.append((prefix, word[len(prefix):]))
    return readings


def _prefix_order() -> list[str]:
    """Every proclitic prefix, in the order readings list them: conjunction, then preposition,
    then article (لل = ل + ال after a preposition ل). A word has the reading of a prefix when
    it starts with it and keeps a stem of MIN_STEM letters."""
    order: list[str] = []

    def add(prefix: str) -> None:
        if prefix and prefix not in order:
            order.append(prefix)

    for conj in ("", *_CONJUNCTIONS):
        add(conj)
        for prep in ("", *_PREPOSITIONS):
            add(conj + prep)
            if prep == "ل":
                add(conj + "لل")
            add(conj + prep + "ال")
    return order


_PREFIXES_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _prefix in _prefix_order():
    _PREFIXES_BY_FIRST[_prefix[0]] = (*_PREFIXES_BY_FIRST.get(_prefix[0], ()), _prefix)


def proclitic_splits_reference(word: str) -> list[tuple[str, str]]:
    """The readings by the clitic grammar itself, step by step (`proclitic_splits` gives the
    same list from a table; kept for the tests)."""
    readings = [("", word)]
    seen = {""}

    def add(prefix: str) -> None:
        stem = word[len(prefix):]
        if prefix not in seen and len(stem) >= MIN_STEM:
            seen.add(prefix)
            readings.append((prefix, stem))

    for conj in ("", *_CONJUNCTIONS):
        if conj and not word.startswith(conj):
            continue
        add(conj)
        rest = word[len(conj):]
        for prep in ("", *_PREPOSITIONS):
            if prep and not rest.startswith(prep):
                continue
            add(conj + prep)
            after = rest[len(prep):]
            if prep == "ل" and after.startswith("ل"):
                add(conj + "لل")  # لل = ل + ال
            if after.startswith("ال"):
                add(conj + prep + "ال")
    return readings


def strip_proclitics(word: str, known: set[str] | frozenset[str]) -> tuple[str, str] | None:
    """The first (prefix, stem) reading whose stem (or stem with ال restored) is in `known`."""
    for prefix, stem in proclitic_splits(word):
        if stem in known:
            return prefix, stem
        if prefix.endswith(("ال", "لل")) and "ال" + stem in known:
            return prefix, "ال" + stem
    return None

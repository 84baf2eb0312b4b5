"""Sentence splitting that respects Arabic punctuation and «quotes».

A sentence ends at . ! ? ؟ or … followed by space, or at a line break. It does not end inside a
quotation («…», "…") unless the quotation itself runs across a line break, after a number's
decimal point (3.5), after a one-letter abbreviation (د. for doctor, أ.), or after a full stop
that is glued to the next word (a URL, an acronym like U.S.).
"""

from __future__ import annotations

from marsad.records import Span

_END = set(".!?؟…")
_OPEN = {"«": "»", "“": "”", "(": ")"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_TRAILERS = set("»”\"')]")
MAX_QUOTE_DEPTH = 4


def _is_abbreviation(text: str, dot: int) -> bool:
    """A single letter before the dot, preceded by a space or line start: د. / أ. / U.S."""
    if text[dot] != ".":
        return False
    return bool(dot >= 1 and text[dot - 1].isalpha() and (dot == 1 or not text[dot - 2].isalnum()))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of text[start:end] as spans into text, whitespace trimmed, empty ones dropped."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    depth = 0
    sentence_start = start
    i = start
    while i < end:
        ch = text[i]
        if ch == "\n":
            _add(spans, text, sentence_start, i)
            sentence_start = i + 1
            depth = 0
        elif ch in _OPEN and depth < MAX_QUOTE_DEPTH:
            depth += 1
        elif ch in _CLOSE and depth > 0:
            depth -= 1
        elif ch == '"':
            # Straight quotes open or close depending on what is before them.
            opening = i == start or text[i - 1].isspace() or text[i - 1] in "(«"
            depth = depth + 1 if opening and depth < MAX_QUOTE_DEPTH else max(depth - 1, 0)
        elif ch in _END and depth == 0:
            j = i + 1
            while j < end and (text[j] in _END or text[j] in _TRAILERS):
                j += 1
            at_break = j >= end or text[j].isspace()
            decimal = ch == "." and i + 1 < end and text[i + 1].isdigit() and i > 0 and text[i - 1].isdigit()
            if at_break and not decimal and not _is_abbreviation(text, i):
                _add(spans, text, sentence_start, j)
                sentence_start = j
                i = j
                continue
        i += 1
    _add(spans, text, sentence_start, end)
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))

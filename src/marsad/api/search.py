"""Arabic full-text search over `documents_fts`, which indexes the *matching form* of title and body.

The index keeps words as written, clitics included (وبالرقة is one token), and FTS5's unicode61
tokenizer only matches whole tokens or prefixes. So a query word is expanded before it reaches
FTS5: to its matching form (hamza, ta marbuta, alef maqsura, diacritics folded), to its readings
with proclitics stripped, and to each of those with the proclitics a text may glue on in front
(و ف, then ب ل ك, then ال / لل). Every alternative is quoted, so the client's text never becomes
FTS5 syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text.normalize import MatchText, match_form
from marsad.text.tokens import iter_tokens, proclitic_splits

MAX_QUERY_WORDS = 8
MIN_STRIPPED_STEM = 3  # shorter stripped readings (بنان from لبنان...) would match too much
SNIPPET_CHARS = 90

_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")
_ARABIC = re.compile(r"[\u0621-\u064a]")


def query_words(query: str) -> list[str]:
    """The words of a query in matching form (punctuation and FTS5 operators dropped)."""
    folded = match_form(query)
    return [t.text for t in iter_tokens(folded) if t.is_word][:MAX_QUERY_WORDS]


def word_alternatives(word: str) -> list[str]:
    """Spellings of one matching-form word that a stored text may contain."""
    bases = {word}
    if _ARABIC.match(word):
        bases |= {stem for prefix, stem in proclitic_splits(word) if prefix and len(stem) >= MIN_STRIPPED_STEM}
    alternatives = set()
    for base in bases:
        alternatives.add(base)
        if not _ARABIC.match(base):
            continue
        for conj in _CONJUNCTIONS:
            for prep in _PREPOSITIONS:
                alternatives.add(conj + prep + base)
                if base.startswith("ال") and prep == "ل":
                    alternatives.add(conj + "لل" + base[2:])  # ل + ال is written لل
                elif not base.startswith("ال"):
                    alternatives.add(conj + prep + "ال" + base)
    return sorted(alternatives, key=lambda a: (len(a), a))


def fts_expression(query: str) -> tuple[str, list[list[str]]]:
    """The FTS5 MATCH expression (all words, each any of its alternatives) and the alternatives."""
    groups = [word_alternatives(word) for word in query_words(query)]
    expression = " AND ".join(
        "(" + " OR ".join('"' + alt.replace('"', '""') + '"' for alt in group) + ")" for group in groups)
    return expression, groups


@dataclass
class Snippet:
    text: str
    highlights: list[tuple[int, int]]  # offsets into `text`


def snippet(clean_text: str, groups: list[list[str]], width: int = SNIPPET_CHARS) -> Snippet:
    """A passage of the clean text around the first match, with every matching word's offsets.

    Matching is done on the matching form and mapped back to the clean text, so the analyst sees
    the article's own spelling (hamza, ta marbuta) with the searched words marked.
    """
    wanted = {alt for group in groups for alt in group}
    mapped = MatchText.of(clean_text)
    spans = []
    for token in iter_tokens(mapped.form):
        if token.text in wanted:
            spans.append(mapped.clean_span(token.start, token.end))
    if not spans:
        return Snippet(clean_text[: 2 * width], [])
    first_start = spans[0][0]
    start = max(0, first_start - width)
    end = min(len(clean_text), first_start + width)
    # Widen to word boundaries so that the passage does not begin or end mid-word.
    while start > 0 and not clean_text[start - 1].isspace():
        start -= 1
    while end < len(clean_text) and not clean_text[end].isspace():
        end += 1
    highlights = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    return Snippet(clean_text[start:end], highlights)

"""Reading and writing CoNLL-style files: one token per line, a blank line between sentences.

Tolerant on purpose, because these files come from many tools: extra columns (the token is the
first, the tag the last), CRLF line ends, a byte-order mark, a missing final blank line, and
whitespace-only lines (read as sentence breaks) are all accepted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

TAG_TYPES = ("PERS", "LOC", "ORG", "MISC")
# AQMAR and other corpora spell the types differently: map them onto ANERcorp's set.
TYPE_ALIASES = {"PER": "PERS", "PERSON": "PERS", "MIS": "MISC", "GPE": "LOC", "ORGANIZATION": "ORG"}
VALID_TAGS = frozenset({"O"} | {f"{p}-{t}" for p in "BI" for t in TAG_TYPES})


def normalise_tag(tag: str) -> str:
    """The tag in ANERcorp's set (B-PER -> B-PERS, B-MIS -> B-MISC); unknown tags become O."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, _, kind = tag.partition("-")
    kind = TYPE_ALIASES.get(kind.upper(), kind.upper())
    candidate = f"{prefix.upper()}-{kind}"
    return candidate if candidate in VALID_TAGS else "O"


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        for raw in handle:
            yield raw.rstrip("\r\n").rstrip("\r")


def split_blocks(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    """Sentences as lists of the whitespace-split fields of each non-blank line."""
    block: list[list[str]] = []
    for line in lines:
        fields = line.split()
        if fields:
            block.append(fields)
        elif block:
            yield block
            block = []
    if block:  # a file without its final blank line
        yield block


def read_labelled(path: Path) -> list[tuple[list[str], list[str]]]:
    """(tokens, tags) per sentence from a `token ... tag` file. Lines holding only a tag (ANERcorp
    has some where the token was a lost invisible character) are dropped."""
    sentences: list[tuple[list[str], list[str]]] = []
    for block in split_blocks(_lines(path)):
        tokens, tags = [], []
        for fields in block:
            if len(fields) < 2:
                continue
            tokens.append(fields[0])
            tags.append(normalise_tag(fields[-1]))
        if tokens:
            sentences.append((tokens, tags))
    return sentences


def read_tokens(path: Path) -> list[list[str]]:
    """Sentences of tokens (first column) from a one-token-per-line file; other columns ignored."""
    return [[fields[0] for fields in block] for block in split_blocks(_lines(path))]


def format_tagged(sentences: Iterable[tuple[list[str], list[str]]]) -> Iterator[str]:
    """`token<TAB>tag` lines with a blank line after each sentence."""
    for tokens, tags in sentences:
        for token, tag in zip(tokens, tags, strict=True):
            yield f"{token}\t{tag}"
        yield ""


def tag_lines(lines: Iterable[str], tag_sentences: Callable[[list[list[str]]], list[list[str]]]) -> Iterator[str]:
    """`token<TAB>tag` for each token line of a CoNLL-style text, blank lines exactly where they
    were (runs of blank lines included). A token is the first field of its line."""
    layout: list[str | None] = []  # a token, or None for a blank line
    for line in lines:
        fields = line.split()
        layout.append(fields[0] if fields else None)
    sentences: list[list[str]] = [[]]
    for token in layout:
        if token is None:
            if sentences[-1]:
                sentences.append([])
        else:
            sentences[-1].append(token)
    if not sentences[-1]:
        sentences.pop()
    tags = iter([tag for sentence_tags in tag_sentences(sentences) for tag in sentence_tags])
    for token in layout:
        yield "" if token is None else f"{token}\t{next(tags)}"


def read_lines(path: Path) -> list[str]:
    return list(_lines(path))

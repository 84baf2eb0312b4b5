"""Compile the NER model's knowledge-base phrase table (never from ANERcorp).

Each line is a multi- or single-word name in matching form (words joined by spaces) and its
types: PERS / ORG / MISC from the project's knowledge base (marsad.entities.kb, name and
variants) and LOC from the place gazetteer (marsad.geo, every Arabic name of every place).
Place names that the gazetteer marks as common words are flagged LOCc (weaker evidence).
The tagger finds, per sentence, the longest phrase starting at each token (first token read
with its proclitics stripped) and gives the covered tokens B-/I- membership features.

    .venv/bin/python scripts/build_ner_kb_phrases.py
Output: src/marsad/resources/ner/kb_phrases.tsv.gz
"""

from __future__ import annotations

import gzip
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.entities.kb import load_kb  # noqa: E402
from marsad.geo.gazetteer import Gazetteer, name_key  # noqa: E402
from marsad.text import match_form  # noqa: E402
from marsad.text.tokens import TOKEN_RE  # noqa: E402

DEFAULT_OUT = ROOT / "src" / "marsad" / "resources" / "ner" / "kb_phrases.tsv.gz"
MAX_WORDS = 6


def phrase_of(name: str) -> str:
    words = [match_form(t) for t in TOKEN_RE.findall(name)]
    words = [w for w in words if w]
    return " ".join(words) if 0 < len(words) <= MAX_WORDS else ""


def main() -> None:
    table: dict[str, set[str]] = defaultdict(set)
    kb = load_kb()
    for entry in kb.entries:
        for name in [entry.name_ar, *entry.variants]:
            phrase = phrase_of(name)
            if phrase and len(phrase) >= 2:
                table[phrase].add(entry.type)
    gaz = Gazetteer.load()
    for place in gaz.places:
        for name in {place.name_ar, *place.names}:
            phrase = phrase_of(name)
            if not phrase or len(phrase) < 2:
                continue
            common = name_key(name) in gaz.common_keys or name_key(name) in gaz.soft_common_keys
            table[phrase].add("LOCc" if common else "LOC")
    DEFAULT_OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(DEFAULT_OUT, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write("# phrase (matching form)\ttypes; from marsad.entities.kb and marsad.geo\n")
        for phrase in sorted(table):
            handle.write(f"{phrase}\t{'|'.join(sorted(table[phrase]))}\n")
    kinds = defaultdict(int)
    for types in table.values():
        for t in types:
            kinds[t] += 1
    print(f"{len(table)} phrases -> {DEFAULT_OUT}: {dict(kinds)}")


if __name__ == "__main__":
    main()

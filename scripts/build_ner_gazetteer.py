"""Compile the NER model's gazetteer features from the shared gazetteers (never from ANERcorp).

Each word (matching form) gets flags:
  LOC   the whole word is a place name (country, capital, Levant town, Syrian admin unit)
  LOCp  the word is part of a multi-word place name
  PERSp the word is part of a person's name in the PETRARCH actor dictionary (entries with
        date-restricted roles are individuals there)
  ORGp  the word is part of a group/organisation entry of that dictionary (no date lines)

Only names are kept, not coordinates. Output: src/marsad/resources/ner/gazetteer.tsv.gz.

    .venv/bin/python scripts/build_ner_gazetteer.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.text import match_form  # noqa: E402
from marsad.text.tokens import TOKEN_RE  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "src" / "marsad" / "resources" / "ner" / "gazetteer.tsv.gz"
# Words that occur inside names but are ordinary vocabulary: flagging them would only add noise.
GENERIC = {"ال", "بن", "بني", "ابو", "ام", "في", "من", "علي", "و", "عبد", "بنت", "دار", "مدينه", "منطقه",
           "محافظه", "ناحيه", "مركز", "جمهوريه", "مملكه", "دوله", "المملكه", "الجمهوريه", "امير", "شيخ"}
ARABIC = set("ابتثجحخدذرسشصضطظعغفقكلمنهويءةى")


def words_of(name: str) -> list[str]:
    return [match_form(t) for t in TOKEN_RE.findall(name) if t[0] in ARABIC or match_form(t[0]) in ARABIC]


def add_name(flags: dict[str, set[str]], name: str, kind: str) -> None:
    words = words_of(name)
    if len(words) == 1 and len(words[0]) >= 2:
        flags[words[0]].add(kind)
    elif len(words) > 1:
        for word in words:
            if len(word) >= 2 and word not in GENERIC:
                flags[word].add(kind + "p")


def places(shared: Path, flags: dict[str, set[str]]) -> None:
    gaz = shared / "gazetteer"
    with (gaz / "world-countries" / "countries_ar_latlng.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            for key in ("name_ar_common", "name_ar_official"):
                add_name(flags, row.get(key) or "", "LOC")
    levant = gaz / "geonames-levant"
    with (levant / "world_countries_capitals_ar.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            for name in (row.get("capital_arabic_script_names") or "").split("|"):
                add_name(flags, name, "LOC")
    with (levant / "geonames_cities500_SY_IQ_LB_TR_JO_PS_IL.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            for name in (row.get("arabic_script_names") or "").split("|"):
                add_name(flags, name, "LOC")
    for table in ("governorates.csv", "districts.csv", "subdistricts.csv"):
        with (gaz / "open-syria-geography" / table).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                for name in [row.get("name_ar") or "", *(row.get("aliases_ar") or "").split("|")]:
                    add_name(flags, name, "LOC")


def actors(shared: Path, flags: dict[str, set[str]]) -> None:
    """PETRARCH actor entries: `name_with_underscores_ [CODE]` or a name followed by indented
    `[CODE date-date]` lines, which mark individuals."""
    path = shared / "petrarch-arabic-dictionaries" / "actor_dict_ar_v4.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if not line.strip() or line.startswith(("#", "\t", " \t")) or line.lstrip().startswith("["):
            continue
        name = line.split("[")[0].replace("_", " ").strip()
        dated = i + 1 < len(lines) and lines[i + 1].lstrip().startswith("[")
        kind = "PERS" if dated else "ORG"
        for word in words_of(name):
            if len(word) >= 3 and word not in GENERIC:
                flags[word].add(kind + "p")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    flags: dict[str, set[str]] = defaultdict(set)
    places(args.shared, flags)
    actors(args.shared, flags)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as out:
        for word in sorted(flags):
            out.write(f"{word}\t{'|'.join(sorted(flags[word]))}\n")
    print(f"wrote {args.out}: {len(flags)} words, {args.out.stat().st_size / 1024:.1f} KB")


if __name__ == "__main__":
    main()

"""Compile the hand-written KB tables in data/kb/ into src/marsad/resources/kb/kb.json.gz.

    python scripts/build_kb.py [--petrarch ../shared/data/petrarch-arabic-dictionaries]

Checks the tables as it goes (unique ids, known types, roles pointing at known entries, dates
well formed) and fails loudly rather than ship a broken KB. With the PETRARCH Arabic actor
dictionary (MIT, see NOTICE) beside the checkout, entries whose name the dictionary also lists get
its CAMEO actor codes, e.g. IRQGOV for Nouri al-Maliki.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.entities.kb import (  # noqa: E402
    KB_PATH,
    KbEntry,
    KnowledgeBase,
    RoleTenure,
    exact_key,
    name_tokens,
)

KB_DIR = ROOT / "data" / "kb"
ENTITY_TABLES = ("people.tsv", "organisations.tsv", "misc.tsv")
TYPES = {"PERS", "ORG", "MISC"}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WIKIDATA_RE = re.compile(r"^Q\d+$")
DEFAULT_PETRARCH = ROOT.parent / "shared" / "data" / "petrarch-arabic-dictionaries"


def table_rows(path: Path, columns: int) -> list[list[str]]:
    """Non-comment rows of a TSV table, each with exactly `columns` fields."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != columns:
            raise SystemExit(f"{path.name}:{number}: {len(fields)} fields, expected {columns}")
        rows.append(fields)
    return rows


def read_entries() -> list[KbEntry]:
    entries: list[KbEntry] = []
    seen: set[str] = set()
    for table in ENTITY_TABLES:
        for ident, kind, name_en, country, role, wikidata, variants in table_rows(KB_DIR / table, 7):
            names = [v.strip() for v in variants.split(";") if v.strip()]
            if ident in seen:
                raise SystemExit(f"{table}: duplicate id {ident}")
            if kind not in TYPES:
                raise SystemExit(f"{table}: {ident}: unknown type {kind}")
            if wikidata and not WIKIDATA_RE.match(wikidata):
                raise SystemExit(f"{table}: {ident}: bad Wikidata id {wikidata}")
            if not names or not name_en:
                raise SystemExit(f"{table}: {ident}: needs an English name and an Arabic variant")
            seen.add(ident)
            entries.append(KbEntry(
                id=ident, type=kind, name_ar=names[0], name_en=name_en, country=country or None,
                role=role or None, wikidata=wikidata or None, variants=list(dict.fromkeys(names[1:])),
            ))
    return entries


def read_roles(known: set[str]) -> list[RoleTenure]:
    roles = []
    for ident, sole, start, end, phrases in table_rows(KB_DIR / "roles.tsv", 5):
        if ident not in known:
            raise SystemExit(f"roles.tsv: unknown entity {ident}")
        for date in (start, end):
            if date and not DATE_RE.match(date):
                raise SystemExit(f"roles.tsv: {ident}: bad date {date}")
        roles.append(RoleTenure(
            entity=ident, sole=sole == "1", start=start or None, end=end or None,
            phrases=[p.strip() for p in phrases.split(";") if p.strip()],
        ))
    return roles


def read_blockers() -> list[str]:
    lines = (KB_DIR / "blockers.tsv").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def petrarch_codes(folder: Path) -> dict[str, list[str]]:
    """Exact key of each actor name in the PETRARCH dictionary -> its CAMEO codes.

    The dictionary lists a name (words joined by _) followed by codes, either on the same line
    (`حماس [PSEREB]`) or on indented lines with date ranges; only the codes are kept."""
    path = folder / "actor_dict_ar_v4.txt"
    codes: dict[str, list[str]] = {}
    current: str | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        found = re.findall(r"\[~?([A-Z]{3,12})[^\]]*\]", line)
        name = re.sub(r"\[[^\]]*\]", "", line).strip()
        if name and not raw.startswith("\t"):
            current = exact_key(name_tokens(name.replace("_", " ")))
        if current and found:
            codes.setdefault(current, [])
            codes[current].extend(c for c in found if c not in codes[current])
    return codes


# CAMEO codes that do not start with a country: international, transnational, generic actors.
NON_COUNTRY_CODES = ("IGO", "IMG", "NGO", "NGM", "MNC", "UIS", "REB", "MIL", "GOV", "OPP", "COP")


def code_fits(entry: KbEntry, code: str) -> bool:
    """The dictionary has slips (Nazarbayev as RUSGOV): keep a code only when its country
    prefix is the entry's country, or it names no country."""
    return not entry.country or code.startswith(entry.country) or code.startswith(NON_COUNTRY_CODES)


def attach_cameo(entries: list[KbEntry], codes: dict[str, list[str]]) -> int:
    attached = 0
    for entry in entries:
        for variant in [entry.name_ar, *entry.variants]:
            for code in codes.get(exact_key(name_tokens(variant)), []):
                if code not in entry.cameo and code_fits(entry, code):
                    entry.cameo.append(code)
        attached += bool(entry.cameo)
    return attached


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petrarch", type=Path, default=DEFAULT_PETRARCH)
    parser.add_argument("--out", type=Path, default=KB_PATH)
    args = parser.parse_args()

    entries = read_entries()
    roles = read_roles({e.id for e in entries})
    kb = KnowledgeBase(entries, roles, read_blockers())
    with_codes = 0
    if (args.petrarch / "actor_dict_ar_v4.txt").exists():
        with_codes = attach_cameo(entries, petrarch_codes(args.petrarch))
    else:
        print(f"PETRARCH dictionary not found at {args.petrarch}: no CAMEO codes", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(kb.to_json(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # mtime=0 keeps the file byte-identical across rebuilds of the same tables.
    with gzip.GzipFile(args.out, "wb", mtime=0) as handle:
        handle.write(payload.encode("utf-8"))
    kinds = {k: sum(e.type == k for e in entries) for k in sorted(TYPES)}
    print(f"{len(entries)} entries {kinds}, {len(roles)} role tenures, "
          f"{sum(1 + len(e.variants) for e in entries)} names, {with_codes} with CAMEO codes -> {args.out}")


if __name__ == "__main__":
    main()

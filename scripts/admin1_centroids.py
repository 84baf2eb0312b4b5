"""Centroids of admin-1 polygons, for the coordinates of curated regions (data/places/curated.tsv).

    npm pack @amcharts/amcharts5-geodata          # into a scratch folder, not the repo
    tar xzf amcharts-amcharts5-geodata-*.tgz package/saudiArabiaHigh.js package/usaLow.js
    .venv/bin/python scripts/admin1_centroids.py package/saudiArabiaHigh.js package/usaLow.js

Prints `file id name lat lon` per polygon: the planar centroid in degrees (rows cite it as "centroid of
the amCharts 5 geodata <file> polygon <id> (computed); position approximate"). With --union ID,ID...
prints the centroid of the union of those polygons (England, Iraqi Kurdistan).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from shapely.geometry import shape
from shapely.ops import unary_union


def features(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("{"): text.rindex("}") + 1])["features"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--union", default="", help="comma-separated polygon ids to merge")
    args = parser.parse_args()
    union_ids = {i for i in args.union.split(",") if i}
    merged = []
    for path in args.files:
        for f in features(path):
            geom, props = shape(f["geometry"]), f["properties"]
            if union_ids:
                if props.get("id") in union_ids:
                    merged.append(geom)
                continue
            c = geom.centroid
            print(path.stem, props.get("id"), props.get("name"), f"{c.y:.3f}", f"{c.x:.3f}")
    if merged:
        c = unary_union(merged).centroid
        print("union", ",".join(sorted(union_ids)), f"{c.y:.3f}", f"{c.x:.3f}")


if __name__ == "__main__":
    main()

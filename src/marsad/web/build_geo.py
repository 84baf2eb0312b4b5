"""Build the page's world base map: world-atlas TopoJSON → small GeoJSON (`make web-assets`).

A TopoJSON file stores shared borders once as quantised, delta-encoded arcs; a polygon ring is a
list of arc indexes (~i for arc i reversed). Decoding is 40 lines, so the build needs no
JavaScript package beyond the data itself. Coordinates are rounded (3 decimals, ~100 m), which
is finer than the 1:110m source.

    python -m marsad.web.build_geo node_modules/world-atlas/countries-110m.json \
        src/marsad/web/static/geo/world.geojson
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

DECIMALS = 3


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (undoing delta encoding and quantisation)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, DECIMALS), round(y * sy + ty, DECIMALS)))
        arcs.append(points)
    return arcs


def ring(arc_indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point: keep it once.
        points.extend(arc if not points else arc[1:])
    return [list(p) for p in points]


def geometry(obj: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> dict[str, Any] | None:
    kind = obj.get("type")
    if kind == "Polygon":
        return {"type": "Polygon", "coordinates": [ring(r, arcs) for r in obj["arcs"]]}
    if kind == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [[ring(r, arcs) for r in poly] for poly in obj["arcs"]]}
    return None  # null geometries (and points/lines, absent from world-atlas) are left out


def to_geojson(topology: dict[str, Any], object_name: str = "countries") -> dict[str, Any]:
    arcs = decode_arcs(topology)
    features = []
    for obj in topology["objects"][object_name]["geometries"]:
        geom = geometry(obj, arcs)
        if geom is not None:
            properties = {"name_en": (obj.get("properties") or {}).get("name"), "iso_n3": obj.get("id")}
            features.append({"type": "Feature", "properties": properties, "geometry": geom})
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = Path(argv[0]), Path(argv[1])
    collection = to_geojson(json.loads(source.read_text(encoding="utf-8")))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"{target}: {len(collection['features'])} countries, {target.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

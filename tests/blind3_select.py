"""Seeded selection of blind batch 3 (see tests/heldout_README.md, "Batch 3").

Pool: SaudiNewsNet articles not in any file of tests/time/annotations, tests/geo/annotations,
tests/events/gold (date files key "id", place/event files "doc" or "id"); outlet not arreyadi /
arriyadiyah; 700 <= len(text) <= 2200; crawl time present. Sort by id, shuffle with
random.Random(2611), keep an article while its outlet has < 4 kept, stop at 40.
Part 2 (--part2): the same walk with part 1's 40 ids also excluded (the next 40).
Usage: .venv/bin/python tests/blind3_select.py [--part2]   (prints the 40 ids)
"""
import gzip
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ART = ROOT.parent / "shared/data/saudinewsnet/articles.jsonl.gz"


def used_ids() -> set:
    ids = set()
    for d in ("tests/time/annotations", "tests/geo/annotations", "tests/events/gold"):
        for p in sorted((ROOT / d).glob("*.jsonl")):
            if p.name.startswith("blind3_"):
                continue  # this batch's own output
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    for k in ("id", "doc"):
                        if isinstance(r.get(k), str):
                            ids.add(r[k])
    return ids


def select(n=40, per_outlet=4, seed=2611, part=1):
    used = used_ids()
    if part == 2:  # part 2: the same walk again, skipping part 1's 40 articles
        used |= {a["id"] for a in select()[0]}
    pool = []
    with gzip.open(ART, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["id"] in used or a["outlet"] in ("arreyadi", "arriyadiyah"):
                continue
            if not (700 <= len(a["text"]) <= 2200) or not a.get("crawled"):
                continue
            pool.append(a)
    pool.sort(key=lambda a: a["id"])
    random.Random(seed).shuffle(pool)
    kept, count = [], {}
    for a in pool:
        if count.get(a["outlet"], 0) < per_outlet:
            count[a["outlet"]] = count.get(a["outlet"], 0) + 1
            kept.append(a)
            if len(kept) == n:
                break
    return kept, len(used), len(pool)


if __name__ == "__main__":
    import sys
    kept, nused, npool = select(part=2 if "--part2" in sys.argv else 1)
    print(f"excluded ids {nused}, pool {npool}, kept {len(kept)}")
    for a in kept:
        print(a["id"], a["outlet"], len(a["text"]))

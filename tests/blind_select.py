"""Seeded selection of the blind batches 3 and 4 (see tests/heldout_README.md, "Batch 3" / "Batch 4").

Pool: SaudiNewsNet articles not in any file of tests/time/annotations, tests/geo/annotations,
tests/events/gold (date files key "id", place/event files "doc" or "id"); outlet not arreyadi /
arriyadiyah; 700 <= len(text) <= 2200; crawl time present. Sort by id, shuffle with
random.Random(2611), keep an article while its outlet has < 4 kept, stop at 40.
Part 2 (--part2): the same walk with part 1's 40 ids also excluded (the next 40).
Batch 4 (--batch 4): the same rules with seed 2311, 80 articles in one walk, batch 3's 80 ids excluded
(its annotation files are in the pool's exclusion like every other file).
Batch 5 (--batch 5, session 5): as batch 4 with seed 1905; batches 3-4 and blind events batch 1 excluded.
Batch 6 (--batch 6, end of session 5): seed 1936; batch 5 and blind events batch 2 excluded too.
Batch 7 (--batch 7, session 6): seed 1977, 60 articles; every earlier file excluded, and the ids of blind
events batch 5 (drawn just before, `tests/events/blind_select_events.py --batch 5`) whether or not its file
exists yet, so the draw is the same before and after that file lands.
Usage: .venv/bin/python tests/blind_select.py [--batch 3|4|5|6|7] [--part2]   (prints the ids)
"""
import gzip
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ART = ROOT.parent / "shared/data/saudinewsnet/articles.jsonl.gz"


SEEDS = {3: 2611, 4: 2311, 5: 1905, 6: 1936, 7: 1977}
SIZES = {7: 60}  # batches of 80 unless named here
# Annotation files of blind draws, in the order they were drawn: a batch's pool excluded only the
# files that existed before it (blind1_events / blind2_events / blind3_events:
# tests/events/blind_select_events.py, after batch 4 / 5 / 6).
DRAWS = ("blind3_", "blind4_", "blind1_events", "blind5_", "blind2_events", "blind6_", "blind3_events", "blind4_events", "blind5_events", "blind7_")


def used_ids(batch: int = 3) -> set:
    """Ids in the annotation files that existed when `batch` was drawn (not its own or later ones)."""
    return annotation_ids(DRAWS[DRAWS.index(f"blind{batch}_"):])


def annotation_ids(skip: tuple[str, ...] = ()) -> set:
    """Article ids in every annotation and gold file, files whose names start with `skip` left out."""
    ids = set()
    for d in ("tests/time/annotations", "tests/geo/annotations", "tests/events/gold"):
        for p in sorted((ROOT / d).glob("*.jsonl")):
            if skip and p.name.startswith(skip):
                continue
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    for k in ("id", "doc"):
                        if isinstance(r.get(k), str):
                            ids.add(r[k])
    return ids


def select(n=40, per_outlet=4, batch=3, part=1):
    used = used_ids(batch)
    if batch == 7:  # events batch 5 was drawn just before: its ids, with or without its file
        import importlib.util
        spec = importlib.util.spec_from_file_location("blind_select_events",
                                                      ROOT / "tests" / "events" / "blind_select_events.py")
        events_select = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(events_select)
        used |= {a["id"] for a in events_select.select(5)[0]}
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
    return seeded_walk(pool, SEEDS[batch], n, per_outlet), len(used), len(pool)


def seeded_walk(pool: list, seed: int, n: int, per_outlet: int) -> list:
    """Sort by id, shuffle with `seed`, keep an article while its outlet has fewer than `per_outlet`."""
    pool = sorted(pool, key=lambda a: a["id"])
    random.Random(seed).shuffle(pool)
    kept, count = [], {}
    for a in pool:
        if count.get(a["outlet"], 0) < per_outlet:
            count[a["outlet"]] = count.get(a["outlet"], 0) + 1
            kept.append(a)
            if len(kept) == n:
                break
    return kept


if __name__ == "__main__":
    import sys
    batch = int(sys.argv[sys.argv.index("--batch") + 1]) if "--batch" in sys.argv else 3
    if batch == 3:
        kept, nused, npool = select(part=2 if "--part2" in sys.argv else 1)
    else:
        kept, nused, npool = select(n=SIZES.get(batch, 80), per_outlet=8, batch=batch)
    print(f"excluded ids {nused}, pool {npool}, kept {len(kept)}")
    for a in kept:
        print(a["id"], a["outlet"], len(a["text"]))

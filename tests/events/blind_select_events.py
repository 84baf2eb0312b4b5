"""Seeded selection of the blind events batches (tests/events/gold/blind1_events.jsonl, blind2_events.jsonl).

Rules:
* Pool: SaudiNewsNet articles (../shared/data/saudinewsnet/articles.jsonl.gz) whose id is in none of the
  files under tests/time/annotations, tests/geo/annotations, tests/events/gold (keys "id", "doc",
  "file"), except this batch's own files (names starting "blind1_"), so the walk stays reproducible once
  the gold file exists;
* and not among the 80 ids of `tests/blind_select.py --batch 4` (computed here by calling its `select`
  with the same exclusion, blind1_* files left out, i.e. the ids it printed before this batch existed);
* 600 <= len(text) <= 3000;
* the text contains at least two distinct words of CUES (conflict/politics cue words, matched as whole
  tokens, allowing the clitics و/ف/ب/ل/ال before them);
* sort by id, shuffle with random.Random(1123), keep an article while its outlet has < 3 kept, stop at 20.
Batch 2 (--batch 2, session 5): the same rules with seed 2305, the 80 ids of `tests/blind_select.py
--batch 5` excluded instead of batch 4's, at least three distinct cue words (batch 1's twelve articles with
no event were mostly two-cue ones), 25 articles. Batch 3 (--batch 3, end of session 5): seed 2311, batch 6's
ids excluded, three cue words, 30 articles. Batch 4 (--batch 4): RANDOM news, no cue word required (seed
4040, 40 articles, batch 6 and events batch 3 excluded): how many events marsad invents in ordinary news. Batch 5
(--batch 5, session 6): seed 5150, three cue words, 26 articles, every earlier file excluded (events batch 4
included): the honest figure after session 6's event fixes.
Usage: .venv/bin/python tests/events/blind_select_events.py [--batch 2|3|4|5]   (prints the ids)
"""
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
import blind_select  # noqa: E402 - the shared exclusion and seeded walk

ART = ROOT.parent / "shared/data/saudinewsnet/articles.jsonl.gz"
# batch -> (seed, draw name in blind_select.DRAWS, places/dates batch drawn just before it, min cues, n,
#           events batch drawn in the same round whose file may not exist yet, or 0)
BATCHES = {1: (1123, "blind1_events", 4, 2, 20, 0), 2: (2305, "blind2_events", 5, 3, 25, 0),
           3: (2311, "blind3_events", 6, 3, 30, 0), 4: (4040, "blind4_events", 6, 0, 40, 3),
           5: (5150, "blind5_events", 6, 3, 26, 0)}

CUES = [
    "قتل", "قتلى", "مقتل", "قصف", "غارة", "غارات", "اشتباكات", "انفجار", "تفجير", "هجوم",
    "مظاهرة", "مظاهرات", "احتجاج", "احتجاجات", "اعتقال", "اجتماع", "محادثات", "مباحثات", "زيارة",
    "نفى", "نفت", "معارك", "مسلحين", "مسلحون", "انتحاري", "اتصالا", "اتصالاً", "التقى", "استقبل",
    "مفاوضات", "هدنة", "اختطاف", "جرحى", "مصرع",
]
_PREFIX = "(?:و|ف)?(?:ب|ل|ك)?(?:ال)?"
_CUE_RE = {w: re.compile(r"(?<![\u0621-\u064A])" + _PREFIX + re.escape(w) + r"(?![\u0621-\u064A])") for w in CUES}


def cue_words(text: str) -> set:
    return {w for w, rx in _CUE_RE.items() if rx.search(text)}


def annotated_ids(draw: str) -> set:
    """Ids in the annotation files that existed when `draw` was made (its own and later draws left out)."""
    return blind_select.annotation_ids(blind_select.DRAWS[blind_select.DRAWS.index(draw):])


def places_batch_ids(batch: int) -> set:
    """The ids `tests/blind_select.py --batch N` prints (drawn just before, annotated alongside)."""
    return {a["id"] for a in blind_select.select(n=80, per_outlet=8, batch=batch)[0]}


def select(batch=1, per_outlet=3):
    seed, draw, places_batch, min_cues, n, sibling = BATCHES[batch]
    excluded = annotated_ids(draw) | places_batch_ids(places_batch)
    if sibling:
        excluded |= {a["id"] for a in select(sibling)[0]}
    pool = []
    with gzip.open(ART, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["id"] in excluded or not (600 <= len(a["text"]) <= 3000):
                continue
            if len(cue_words(a["text"])) < min_cues:
                continue
            pool.append(a)
    return blind_select.seeded_walk(pool, seed, n, per_outlet), len(excluded), len(pool)


if __name__ == "__main__":
    kept, nex, npool = select(int(sys.argv[sys.argv.index("--batch") + 1]) if "--batch" in sys.argv else 1)
    print(f"excluded ids {nex}, pool {npool}, kept {len(kept)}")
    for a in kept:
        print(a["id"], a["outlet"], len(a["text"]), a.get("crawled"), " ".join(sorted(cue_words(a["text"]))))

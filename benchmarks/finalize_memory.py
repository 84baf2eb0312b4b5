"""Peak memory and time of the cross-document step (`marsad run`'s finalize: entity clustering, event
merging, disputes, stories) on stores of synthetic documents and events, one fresh child process per
size and code version; issue 7 asks for a peak RSS that does not grow with the corpus.

    .venv/bin/python benchmarks/finalize_memory.py                       # 20k, 60k, 180k events
    .venv/bin/python benchmarks/finalize_memory.py --events 20000,60000 --baseline none

Each store is built through the Store API (benchmarks/api_load.py's types, places and actors): real
events over three years, each reported by 1-3 documents (three reports a document, one day's news
each) with figures that differ between sources, some week/month/year-precision and dateless reports,
some province-level or placeless, denials of a claim (half of them already linked inside their
article), and mentions of a fixed vocabulary of people and organisations whose surnames and acronyms
fold into full names. `--baseline REV` (default: the commit before the windowed step) runs the same
child on a copy of each store with that commit's src (git archive) on PYTHONPATH; the ratios are
current / baseline. Peak RSS is the child's ru_maxrss (its whole life: interpreter, imports, step).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from api_load import ACTORS, PLACES, TYPES  # noqa: E402

from marsad.records import Actor, Document, Entity, Event, EventDate, Evidence, Location, Mention, Toll  # noqa: E402
from marsad.store import Store  # noqa: E402

BASELINE = "4ac647a~1"  # the last commit whose finalize held every event in memory
START = 735600  # 2015-01-0x as a date ordinal
DAYS = 3 * 365
FIRST = ["محمد", "أحمد", "علي", "خالد", "عمر", "يوسف", "حسن", "سعيد"]
LAST = ["الحسيني", "العبدالله", "الخطيب", "الشامي", "المصري", "الحلبي", "الزعبي", "الأحمد", "سلو", "النعيمي",
        "القاسم", "الجاسم", "العلي", "الحمد", "السالم", "الراشد", "المحمد", "الصالح", "العمر", "الخليل"]
ORGS = [("جبهة تحرير الشام", "جتش"), ("قوات الدفاع الوطني", "قدو"), ("الهيئة العامة للإغاثة", "هعل"),
        ("مجلس سوريا المدني", "مسم"), ("حركة أحرار الجنوب", "حاج")]
OUTLETS = ["sana", "enab", "aawsat", "alwatan", "smart", "orient"]
CHILD = """
import json, resource, sys, time
from marsad.store import Store
from marsad.cluster.wiring import run_cross_document
if sys.argv[2] == "baseline":
    Store.migrate = lambda self: None  # the store is this tree's schema; the baseline only needs its tables
started = time.perf_counter()
with Store(sys.argv[1]) as store:
    run_cross_document(store)
print(json.dumps({"seconds": round(time.perf_counter() - started, 2),
                  "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


# ---------------------------------------------------------------------------- the synthetic store


def _vocabulary() -> list[Entity]:
    people = [Entity(f"new:PERS:p{i:03d}", "PERS", f"{f} {s}") for i, (f, s) in
              enumerate((f, s) for s in LAST for f in FIRST)]
    surnames = [Entity(f"new:PERS:s{i:03d}", "PERS", s) for i, s in enumerate(LAST)]
    orgs = [Entity(f"new:ORG:o{i:02d}", "ORG", name) for i, (name, _) in enumerate(ORGS)]
    acronyms = [Entity(f"new:ORG:a{i:02d}", "ORG", short) for i, (_, short) in enumerate(ORGS)]
    return people + surnames + orgs + acronyms


def _date(rng: random.Random, day: int) -> EventDate:
    iso = _iso(day)
    roll = rng.random()
    if roll < 0.85:
        return EventDate(iso, iso, "day")
    if roll < 0.93:
        return EventDate(_iso(day - 2), iso, "week")
    if roll < 0.97:
        return EventDate(iso[:8] + "01", iso[:8] + "28", "month")
    return EventDate(iso[:5] + "01-01", iso[:5] + "12-31", "year")


def _iso(day: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(day).isoformat()


def _place(rng: random.Random) -> Location | None:
    name_ar, name_en, lat, lon = rng.choice(PLACES)
    roll = rng.random()
    if roll < 0.003:
        return None
    if roll < 0.006:
        return Location(name_ar, name_en, admin1=name_en, country="Syria", lat=lat, lon=lon, precision=3,
                        feature="admin1")
    return Location(name_ar, name_en, admin1=name_en, country="Syria", lat=lat + rng.uniform(-.05, .05),
                    lon=lon + rng.uniform(-.05, .05), precision=1)


def _actor(rng: random.Random, people: list[Entity]) -> Actor:
    if rng.random() < 0.2:
        person = rng.choice(people)
        return Actor(person.name_ar, None, person.id)
    name_ar, name_en = rng.choice(ACTORS)
    return Actor(name_ar, name_en, f"kb:{name_en}")


def _reports(rng: random.Random, events: int, people: list[Entity]):  # noqa: ANN202 - a generator of Events
    """Report-level events in date order; a real event gives 1-3 reports."""
    per_day = events / DAYS
    made = 0
    for offset in range(DAYS):
        day = START + offset
        while made < per_day * (offset + 1):
            kind, sub = rng.choice(TYPES)
            place, actor = _place(rng), _actor(rng, people)
            killed = rng.choice([None, 1, 2, 3, 5, 8, 13])
            for copy in range(rng.choice((1, 1, 2, 3))):
                date = EventDate() if rng.random() < 0.01 else _date(rng, day + rng.choice((0, 0, 1)))
                value = None if killed is None else killed + (copy if rng.random() < 0.3 else 0)
                source = rng.choice(OUTLETS)
                toll = Toll(value, "exact", text="قتل", source=source) if value is not None else None
                modality = "denied" if rng.random() < 0.002 else "reported"
                yield Event(id="", type=kind, sub_type=sub, date=date, location=place, actor1=actor,
                            killed=toll, tolls=[toll] if toll else [], attributed_to=source, modality=modality)
                made += 1


def build_store(path: Path, events: int, seed: int = 7) -> None:
    """`events` report-level events, three to a document, written in one transaction."""
    rng = random.Random(seed)
    vocabulary = _vocabulary()
    people = [e for e in vocabulary if e.id.startswith("new:PERS:p")]
    with Store(path) as store, store.transaction():
        batch: list[Event] = []
        number = 0
        for event in _reports(rng, events, vocabulary[:len(people) + len(LAST)]):
            batch.append(event)
            if len(batch) == 3:
                _save_doc(store, rng, f"d{number:07d}", batch, vocabulary)
                number, batch = number + 1, []
        if batch:
            _save_doc(store, rng, f"d{number:07d}", batch, vocabulary)


def _save_doc(store: Store, rng: random.Random, doc_id: str, events: list[Event], vocabulary: list[Entity]) -> None:
    named = rng.sample(vocabulary, 3)
    text = " ".join(f"قال {e.name_ar} إن الاشتباكات مستمرة." for e in named)
    mentions, at = [], 0
    for entity in named:
        start = text.index(entity.name_ar, at)
        mentions.append(Mention(start, start + len(entity.name_ar), entity.name_ar, entity.type, entity.id))
        at = start + len(entity.name_ar)
    for i, event in enumerate(events):
        event.id, event.doc = f"{doc_id}-e{i}", doc_id
        event.reports = [Evidence(doc_id, 40 * i, 40 * i + 30, "قال ...")]
    claims = [e for e in events if e.modality == "reported"]
    for denial in (e for e in events if e.modality == "denied"):
        if claims and rng.random() < 0.5:  # linked inside the article by the extractor
            link = {"kind": "denial", "a": claims[0].id, "b": denial.id, "note": "synthetic"}
            claims[0].disputes.append(link)
            denial.disputes.append(dict(link))
    doc = Document(id=doc_id, source=doc_id, text=text, outlet=rng.choice(OUTLETS), content_hash=doc_id,
                   mentions=mentions, events=events)
    store.save_document(doc, named)


# ---------------------------------------------------------------------------- measuring


def measure(db: Path, src: Path, baseline: bool = False) -> dict:
    """run_cross_document on a copy of `db` in a fresh interpreter importing marsad from `src`."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copy(db, copy)
        env = dict(os.environ, PYTHONPATH=str(src))
        done = subprocess.run([sys.executable, "-c", CHILD, str(copy), "baseline" if baseline else "current"], env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"the step failed on {db.name} with {src}:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def baseline_src(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", default="20000,60000,180000", help="store sizes, report-level events")
    parser.add_argument("--baseline", default=BASELINE, help="git revision to compare with, or none")
    args = parser.parse_args()
    sizes = [int(n) for n in args.events.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        base = None if args.baseline == "none" else baseline_src(args.baseline, Path(tmp))
        rows = []
        for size in sizes:
            db = Path(tmp) / f"store-{size}.db"
            started = time.perf_counter()
            build_store(db, size)
            print(f"built {size} events in {time.perf_counter() - started:.0f} s", file=sys.stderr)
            now = measure(db, ROOT / "src")
            before = measure(db, base, baseline=True) if base else None
            rows.append((size, now, before))
            print(_row(size, now, before), flush=True)
        first = rows[0][1]["rss_mb"]
        print(f"peak RSS, largest / smallest size: {rows[-1][1]['rss_mb'] / first:.2f}"
              + (f" (baseline {rows[-1][2]['rss_mb'] / rows[0][2]['rss_mb']:.2f})" if base else ""))


def _row(size: int, now: dict, before: dict | None) -> str:
    line = f"{size:>7} events: peak RSS {now['rss_mb']:>7.1f} MB, {now['seconds']:>7.1f} s"
    if before:
        line += (f"   baseline {before['rss_mb']:>7.1f} MB, {before['seconds']:>7.1f} s"
                 f"   ratio RSS {now['rss_mb'] / before['rss_mb']:.2f}, time {now['seconds'] / before['seconds']:.2f}")
    return line


if __name__ == "__main__":
    main()

"""Score an event extractor against the hand-coded gold sets in tests/events/gold/.

The gold files hold, per article, events coded by docs/events.md with evidence offsets into the
article's raw `text`. The pipeline works on its own clean text, so offsets are not compared
directly: each gold evidence sentence is located in the clean text by a whitespace-insensitive
search, and a predicted event is matched to a gold event when

* the types are equal,
* the predicted date interval overlaps the gold one (gold intervals already encode precision),
* the place is within 25 km, or in the same admin1 when the gold precision is 3 (the same
  country when the gold has no admin1); not checked when the gold location is null,
* and their evidence overlaps; pairs are taken greedily, largest overlap first, one-to-one.

The extractor is injected: any function from an `Article` to a `Document` carrying `events`.
`python -m marsad.events.evaluate` runs the full pipeline (`marsad.pipeline.process_text`).
`--half dev` scores the articles at even positions of each gold file (0, 2, 4, ...: the development
half, whose errors one may study), `--half held` those at odd positions (held out: look only at the
aggregate score), so that tuning on one half can be checked on the other.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.records import Document, Event

ROOT = Path(__file__).resolve().parents[3]
GOLD_DIR = ROOT / "tests" / "events" / "gold"
MAX_KM = 25.0
MISSED, SPURIOUS = "missed", "spurious"


@dataclass
class Article:
    """One gold article with its raw text, as the extractor receives it."""

    id: str
    text: str
    anchor_date: str | None
    outlet: str | None
    gold: list[dict[str, Any]]


Predictor = Callable[[Article], Document]


# --------------------------------------------------------------------------------------------
# loading


def shared_dir() -> Path:
    return Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared")).resolve()


def read_gold(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_articles(gold_path: Path, shared: Path | None = None) -> list[Article]:
    """Join a gold file with the article texts in ../shared (seeds or SaudiNewsNet)."""
    shared = shared or shared_dir()
    rows = read_gold(gold_path)
    if rows and "file" in rows[0]:
        return _seed_articles(rows, shared / "corpus" / "seeds")
    return _snn_articles(rows, shared / "data" / "saudinewsnet" / "articles.jsonl.gz")


def _seed_articles(rows: list[dict[str, Any]], seeds: Path) -> list[Article]:
    meta = {}
    meta_path = seeds / "meta.jsonl"
    if meta_path.exists():
        for line in meta_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                meta[item["file"]] = item
    out = []
    for row in rows:
        info = meta.get(row["file"], {})
        text = (seeds / row["file"]).read_text(encoding="utf-8")
        out.append(Article(row["file"], text, row.get("anchor_date") or info.get("published"),
                           info.get("outlet"), row["events"]))
    return out


def _snn_articles(rows: list[dict[str, Any]], corpus: Path) -> list[Article]:
    wanted = {row["id"]: row for row in rows}
    found: dict[str, dict[str, Any]] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            if item["id"] in wanted:
                found[item["id"]] = item
                if len(found) == len(wanted):
                    break
    return [Article(r["id"], found[r["id"]]["text"], r.get("anchor_date"), found[r["id"]].get("outlet"),
                    r["events"]) for r in rows if r["id"] in found]


# --------------------------------------------------------------------------------------------
# aligning gold evidence with the clean text

_SKIP = re.compile(r"[\s\u0640\u064B-\u065F\u0670\u200c-\u200f\u061c]")  # spaces, tatweel, harakat, marks
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                       "«": '"', "»": '"', "“": '"', "”": '"'})


def _compact(text: str) -> tuple[str, list[int]]:
    """Text without whitespace and diacritics, letters folded, with each kept char's offset."""
    chars, offsets = [], []
    for i, ch in enumerate(text):
        if not _SKIP.match(ch):
            chars.append(ch.translate(_FOLD))
            offsets.append(i)
    return "".join(chars), offsets


class Aligner:
    """Finds a raw-text passage in a document's clean text, whitespace-insensitively."""

    def __init__(self, clean: str) -> None:
        self.compact, self.offsets = _compact(clean)

    def find(self, passage: str) -> tuple[int, int] | None:
        needle, _ = _compact(passage)
        if not needle:
            return None
        at = self.compact.find(needle)
        if at < 0 and len(needle) > 60:
            # Cleaning may cut a sentence (a leftover line inside it): anchor on its head and tail.
            head, tail = self.compact.find(needle[:40]), self.compact.find(needle[-40:])
            if head >= 0:
                end = tail + 40 if tail >= head else head + 40
                return self.offsets[head], self.offsets[end - 1] + 1
            if tail >= 0:
                return self.offsets[tail], self.offsets[tail + 39] + 1
            return None
        if at < 0:
            return None
        return self.offsets[at], self.offsets[at + len(needle) - 1] + 1


# --------------------------------------------------------------------------------------------
# matching

Spans = list[tuple[int, int]]


def _overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _dates_overlap(gold: dict[str, Any] | None, pred: Event) -> bool:
    if not gold or not gold.get("start"):
        return True  # an undated gold event (a plan with no date) accepts any date
    start, end = pred.date.start, pred.date.end or pred.date.start
    if not start:
        return False
    # ISO strings of any precision compare correctly once padded to full dates.
    p_start, p_end = _pad(start, low=True), _pad(end or start, low=False)
    return p_start <= gold.get("end", gold["start"]) and gold["start"] <= p_end


def _pad(iso: str, low: bool) -> str:
    parts = iso.split("-")
    if len(parts) == 1:
        return f"{iso}-01-01" if low else f"{iso}-12-31"
    if len(parts) == 2:
        return f"{iso}-01" if low else f"{iso}-31"
    return iso


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _key(name: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (name or "").casefold())


def _place_ok(gold: dict[str, Any] | None, pred: Event) -> bool:
    if gold is None:
        return True
    loc = pred.location
    if loc is None:
        return False
    has_points = loc.lat is not None and loc.lon is not None and gold.get("lat") is not None
    if has_points and _km(gold["lat"], gold["lon"], loc.lat, loc.lon) <= MAX_KM:
        return True
    if gold.get("precision") == 3:
        if gold.get("admin1"):
            return _key(gold["admin1"]) == _key(loc.admin1)
        return _key(gold.get("country")) == _key(loc.country)
    return False


def _compatible(gold: dict[str, Any], pred: Event, check_type: bool = True) -> bool:
    if check_type and gold["type"] != pred.type:
        return False
    return _dates_overlap(gold.get("date"), pred) and _place_ok(gold.get("location"), pred)


def _pred_spans(event: Event) -> Spans:
    spans = [(r.start, r.end) for r in event.reports]
    if not spans and event.trigger is not None:
        spans = [(event.trigger.start, event.trigger.end)]
    return spans


def _greedy(gold: list[tuple[dict[str, Any], Spans]], preds: list[tuple[Event, Spans]],
            gi: Iterable[int], pi: Iterable[int], check_type: bool) -> list[tuple[int, int]]:
    """One-to-one pairs of compatible events, largest evidence overlap first."""
    candidates = []
    for g in gi:
        for p in pi:
            ov = _overlap(gold[g][1], preds[p][1])
            if ov > 0 and _compatible(gold[g][0], preds[p][0], check_type):
                candidates.append((-ov, g, p))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, g, p in candidates:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return pairs


# --------------------------------------------------------------------------------------------
# scoring


def _toll_equal(gold: dict[str, Any] | None, pred: Any) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return gold.get("value") == pred.value and gold.get("qualifier", "exact") == pred.qualifier


def _attr_equal(gold: str | None, pred: str | None, outlet: str | None) -> bool:
    if gold is None:
        # the exporter writes the outlet when nobody is quoted; accept that as "no attribution"
        return pred is None or _key(pred) == _key(outlet)
    return _key(gold) == _key(pred)


@dataclass
class Ratio:
    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hits += int(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass
class Report:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    killed: Ratio = field(default_factory=Ratio)
    injured: Ratio = field(default_factory=Ratio)
    attribution: Ratio = field(default_factory=Ratio)
    sub_type: Ratio = field(default_factory=Ratio)
    unaligned: int = 0  # gold evidence sentences not found in the clean text
    confusion: Counter = field(default_factory=Counter)  # (gold type | spurious, pred type | missed)
    errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "recall": self.recall, "precision": self.precision, "f1": self.f1,
                "killed_exact": self.killed.value, "killed_n": self.killed.total,
                "injured_exact": self.injured.value, "injured_n": self.injured.total,
                "attribution": self.attribution.value, "attribution_n": self.attribution.total,
                "sub_type": self.sub_type.value, "unaligned_evidence": self.unaligned,
                "confusion": {f"{g} -> {p}": n for (g, p), n in sorted(self.confusion.items())},
                "errors": self.errors}


def score_document(article: Article, doc: Document, report: Report) -> None:
    """Add one article's matches to `report`."""
    aligner = Aligner(doc.text)
    gold: list[tuple[dict[str, Any], Spans]] = []
    for event in article.gold:
        spans = []
        for start, end in event["evidence"]:
            found = aligner.find(article.text[start:end])
            if found is None:
                report.unaligned += 1
            else:
                spans.append(found)
        gold.append((event, spans))
    preds = [(event, _pred_spans(event)) for event in doc.events]
    report.gold += len(gold)
    report.predicted += len(preds)

    pairs = _greedy(gold, preds, range(len(gold)), range(len(preds)), check_type=True)
    for g, p in pairs:
        _score_pair(gold[g][0], preds[p][0], article.outlet, report)
    report.matched += len(pairs)
    # Leftovers: pair them again ignoring type, so the confusion table shows what a miss became.
    left_g = [g for g in range(len(gold)) if g not in {a for a, _ in pairs}]
    left_p = [p for p in range(len(preds)) if p not in {b for _, b in pairs}]
    retyped = _greedy(gold, preds, left_g, left_p, check_type=False)
    for g, p in retyped:
        report.confusion[(gold[g][0]["type"], preds[p][0].type)] += 1
    for g in set(left_g) - {a for a, _ in retyped}:
        report.confusion[(gold[g][0]["type"], MISSED)] += 1
    for p in set(left_p) - {b for _, b in retyped}:
        report.confusion[(SPURIOUS, preds[p][0].type)] += 1


def _score_pair(gold: dict[str, Any], pred: Event, outlet: str | None, report: Report) -> None:
    report.confusion[(gold["type"], pred.type)] += 1
    report.sub_type.add(gold.get("sub_type") == pred.sub_type)
    # a toll is scored where either side has one: two silent events say nothing about tolls
    if gold.get("killed") is not None or pred.killed is not None:
        report.killed.add(_toll_equal(gold.get("killed"), pred.killed))
    if gold.get("injured") is not None or pred.injured is not None:
        report.injured.add(_toll_equal(gold.get("injured"), pred.injured))
    if gold.get("attributed_to") is not None or pred.attributed_to is not None:
        report.attribution.add(_attr_equal(gold.get("attributed_to"), pred.attributed_to, outlet))


def select_half(articles: list[Article], half: str | None) -> list[Article]:
    """The development (even positions) or held-out (odd positions) half of a gold file."""
    if half in (None, "all"):
        return articles
    if half not in ("dev", "held"):
        raise ValueError(f"half must be dev, held or all, not {half!r}")
    return articles[0 if half == "dev" else 1::2]


def evaluate(articles: Iterable[Article], predict: Predictor) -> Report:
    report = Report()
    for article in articles:
        try:
            doc = predict(article)
        except Exception as err:  # one failing article is a recorded miss, not a crash
            report.errors.append(f"{article.id}: {type(err).__name__}: {err}")
            doc = Document(id=article.id, source=article.id, text=article.text)
        score_document(article, doc, report)
    return report


# --------------------------------------------------------------------------------------------
# command line


def pipeline_predictor() -> Predictor | None:
    try:
        from marsad.pipeline import process_text
    except ImportError:
        return None

    def predict(article: Article) -> Document:
        return process_text(article.text, published=article.anchor_date, outlet=article.outlet)

    return predict


def format_report(name: str, report: Report) -> str:
    d = report.as_dict()
    pct = lambda v: "n/a" if v is None else f"{v:.3f}"  # noqa: E731
    lines = [f"== {name}",
             f"events: gold {d['gold']}, predicted {d['predicted']}, matched {d['matched']}",
             f"recall {pct(d['recall'])}  precision {pct(d['precision'])}  F1 {pct(d['f1'])}",
             f"killed exact {pct(d['killed_exact'])} (n={d['killed_n']})  injured exact "
             f"{pct(d['injured_exact'])} (n={d['injured_n']})  attribution {pct(d['attribution'])} "
             f"(n={d['attribution_n']})  sub-type {pct(d['sub_type'])}",
             f"gold evidence sentences not found in clean text: {d['unaligned_evidence']}",
             "confusion (gold -> predicted):"]
    lines += [f"  {k}: {v}" for k, v in d["confusion"].items()]
    lines += [f"error: {e}" for e in d["errors"][:10]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Blind sets (blind*_events.jsonl) are scored only when named: a new one must stay unseen until its
    # blind score is recorded (tests/heldout_README.md); tests/events/test_gold_scores.py scores them all.
    parser.add_argument("gold", nargs="*", type=Path,
                        default=sorted(p for p in GOLD_DIR.glob("*_events.jsonl") if not p.name.startswith("blind")),
                        help="gold JSONL files")
    parser.add_argument("--shared", type=Path, default=None, help="the shared data folder")
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    parser.add_argument("--half", choices=("dev", "held", "all"), default="all",
                        help="articles at even positions (dev), odd positions (held out), or all")
    args = parser.parse_args(argv)
    predict = pipeline_predictor()
    if predict is None:
        print("marsad.pipeline is missing: nothing to evaluate", file=sys.stderr)
        return 2
    shared = args.shared or shared_dir()
    if not shared.exists():
        print(f"shared data not found at {shared} (set MARSAD_SHARED)", file=sys.stderr)
        return 2
    for path in args.gold:
        articles = select_half(load_articles(path, shared), args.half)
        report = evaluate(articles, predict)
        name = path.name if args.half == "all" else f"{path.name} ({args.half} half, {len(articles)} articles)"
        print(json.dumps(report.as_dict(), ensure_ascii=False) if args.json else format_report(name, report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

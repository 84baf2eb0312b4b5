"""The seeds' disputes, end to end: pipeline → cross-document merge → dispute links, scored against
tests/events/gold/seeds_events.jsonl.

Each gold dispute names two gold events of one article. Each side is found among the merged events by
evidence overlap in that article (the claim side among `reported` records, the denial side among
`denied` ones). A dispute is *linked* when
* toll: both sides fall in one merged event that carries a toll dispute with both gold figures, or in
  two merged events joined by a toll dispute;
* denial: the claim's merged event and the denial's merged event are joined by a denial dispute.
A side that no merged event covers is an extraction miss (src/marsad/events), not a linking failure:
the test fails on any reachable dispute left unlinked and xfails, naming them, on unreachable ones.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from marsad.events.evaluate import Aligner
from marsad.records import Event
from marsad.store import Store

GOLD = Path(__file__).resolve().parents[1] / "events" / "gold" / "seeds_events.jsonl"


@pytest.fixture
def seeds_run(seeds_dir, tmp_path):
    from marsad.pipeline import run

    db = tmp_path / "m.db"
    run([seeds_dir], db, meta_path=seeds_dir / "meta.jsonl")
    with Store(db) as store:
        merged = [Event.from_dict(json.loads(r["record"])) for r in store.conn.execute("SELECT record FROM merged_events")]
        docs = {Path(r["source"]).name: (r["id"], r["text"]) for r in store.conn.execute(
            "SELECT id, source, text FROM documents")}
    return merged, docs


def _side(gold_event: dict, raw: str, doc_id: str, clean: str, merged: list[Event], modality: str) -> Event | None:
    aligner = Aligner(clean)
    spans = [s for s in (aligner.find(raw[a:b]) for a, b in gold_event["evidence"]) if s]
    best, best_overlap = None, 0
    for event in merged:
        if event.modality != modality:
            continue
        overlap = sum(max(0, min(e, r.end) - max(s, r.start)) for r in event.reports if r.doc == doc_id
                      for s, e in spans)
        if overlap > best_overlap:
            best, best_overlap = event, overlap
    return best


def _linked(kind: str, claim: Event, other: Event, gold_a: dict, gold_b: dict) -> bool:
    if kind == "toll":
        figures = {(gold_a.get("killed") or {}).get("value"), (gold_b.get("killed") or {}).get("value")}
        for dispute in claim.disputes:
            if dispute.get("kind") != "toll":
                continue
            if claim is other and figures <= {f["value"] for f in dispute.get("figures", [])}:
                return True
            if {dispute.get("a"), dispute.get("b")} == {claim.id, other.id} and claim is not other:
                return True
        return False
    return any(d.get("kind") == "denial" and d.get("a") == claim.id and d.get("b") == other.id
               for d in claim.disputes) and any(d.get("a") == claim.id for d in other.disputes)


@pytest.mark.shared
def test_seed_disputes_are_linked(seeds_dir, seeds_run):
    merged, docs = seeds_run
    linked, unreachable, unlinked = [], [], []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        if not article.get("disputes"):
            continue
        raw = (seeds_dir / article["file"]).read_text(encoding="utf-8")
        doc_id, clean = docs[article["file"]]
        events = {e["id"]: e for e in article["events"]}
        for dispute in article["disputes"]:
            gold_a, gold_b = events[dispute["a"]], events[dispute["b"]]
            name = f"{article['file'][:3]} {dispute['kind']} {dispute['a']}/{dispute['b']}"
            claim = _side(gold_a, raw, doc_id, clean, merged, "reported")
            other = _side(gold_b, raw, doc_id, clean, merged, gold_b["modality"])
            missing = [f"{role} ({g['modality']} {g['type']}, '{g['trigger']}')"
                       for role, g, found in (("a", gold_a, claim), ("b", gold_b, other)) if found is None]
            if missing:
                unreachable.append(f"{name}: no merged record for {', '.join(missing)}")
            elif _linked(dispute["kind"], claim, other, gold_a, gold_b):  # type: ignore[arg-type]
                linked.append(name)
            else:
                unlinked.append(name)
    assert not unlinked, f"both sides extracted but not linked: {unlinked} (linked: {linked})"
    # A denial is linked to the claim it denies, not to every event of the story.
    per_denial = Counter(d["b"] for e in merged if e.modality == "denied" for d in e.disputes if d["kind"] == "denial")
    assert all(count == 1 for count in per_denial.values())
    if unreachable:
        pytest.xfail(f"linked {linked}; extraction misses a side of {unreachable}")

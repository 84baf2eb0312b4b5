"""The windowed cross-document step equals the all-in-memory one: the merge alone (storage-free), and
every table it writes (merged_events, stories, events.merged_id) on stores built to cross windows:
dateless events, long (month, year) dates, denials far from their claim, disputes naming later
events, stories chaining one actor over months, and dates out of store order (the fallback)."""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from pathlib import Path

import pytest

from marsad.cluster.cross_store import merge_store_events_windowed, windowable
from marsad.cluster.events import merge_events, remap_disputes, settle_figures
from marsad.cluster.windowed import ActorChains, in_store_order, merge_windowed
from marsad.cluster.wiring import merge_store_events, merge_store_events_in_memory
from marsad.records import Actor, Document, Event, EventDate, Evidence, Location, Toll
from marsad.store import Store

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest")]
PLACES = [("حلب", "Aleppo", 36.20, 37.16), ("إدلب", "Idlib", 35.93, 36.63), ("درعا", "Daraa", 32.62, 36.10)]
ACTORS = [("الجيش السوري", "Syrian Army", "kb:army"), ("داعش", "Islamic State", "kb:is"),
          ("فصائل المعارضة", None, "new:ORG:x"), ("مسلحون مجهولون", "Unidentified armed group", None)]
DAY0 = dt.date(2017, 3, 1).toordinal()


def _iso(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


def _date(rng: random.Random, day: int) -> EventDate:
    roll = rng.random()
    if roll < 0.08:
        return EventDate()
    if roll < 0.7:
        return EventDate(_iso(day), _iso(day), "day")
    if roll < 0.82:
        return EventDate(_iso(day - 2), _iso(day), "week")
    if roll < 0.92:
        return EventDate(_iso(day)[:8] + "01", _iso(day)[:8] + "28", "month")
    return EventDate(_iso(day)[:5] + "01-01", _iso(day)[:5] + "12-31", "year")


def _place(rng: random.Random) -> Location | None:
    name_ar, name_en, lat, lon = rng.choice(PLACES)
    roll = rng.random()
    if roll < 0.1:
        return None
    if roll < 0.2:
        return Location(name_ar, name_en, admin1=name_en, country="Syria", precision=3, feature="admin1")
    return Location(name_ar, name_en, admin1=name_en, country="Syria", lat=lat + rng.uniform(-.1, .1),
                    lon=lon + rng.uniform(-.1, .1), precision=1)


def _events(seed: int, count: int, days: int) -> list[Event]:
    """Report-level events over `days`: repeats of one real event (other outlets, other figures),
    denials, and disputes the extractor made, some naming an event of another date."""
    rng = random.Random(seed)
    events: list[Event] = []
    while len(events) < count:
        kind, sub = rng.choice(TYPES)
        place, (name_ar, name_en, entity) = _place(rng), rng.choice(ACTORS)
        day = DAY0 + rng.randrange(days)
        killed = rng.choice([None, 2, 5, 9])
        for copy in range(rng.choice((1, 2, 3))):
            value = None if killed is None else killed + rng.choice((0, 0, 1))
            toll = Toll(value, rng.choice(("exact", "at_least")), text="قتل", source=f"s{copy}") if value else None
            modality = "denied" if rng.random() < 0.12 else "reported"
            events.append(Event(
                id="", type=kind, sub_type=sub, date=_date(rng, day + rng.choice((0, 0, 1, 6))), location=place,
                actor1=Actor(name_ar, name_en, entity), actor2=Actor(*rng.choice(ACTORS)) if rng.random() < 0.3 else None,
                killed=toll, tolls=[toll] if toll else [], attributed_to=f"s{copy}", modality=modality))
    return events


def _documents(events: list[Event], seed: int) -> list[Document]:
    """Three events a document in a shuffled order (a document reports several days), their ids
    and reports set, and a denial linked to the document's first claim half of the time."""
    rng = random.Random(seed)
    order = list(range(len(events)))
    rng.shuffle(order)
    docs = []
    for n in range(0, len(order), 3):
        doc_id = f"d{n // 3:04d}"
        mine = [events[i] for i in order[n:n + 3]]
        for i, event in enumerate(mine):
            event.id, event.doc = f"{doc_id}-e{i}", doc_id
            event.reports = [Evidence(doc_id, 50 * i, 50 * i + 20, "نص")]
        claims = [e for e in mine if e.modality == "reported"]
        for denial in (e for e in mine if e.modality == "denied"):
            if claims and rng.random() < 0.5:
                link = {"kind": "denial", "a": claims[0].id, "b": denial.id, "note": "in the article"}
                claims[0].disputes.append(link)
                denial.disputes.append(dict(link))
        docs.append(Document(id=doc_id, source=doc_id, text="نص " * 60, content_hash=doc_id, events=mine))
    return docs


def _store(path: Path, docs: list[Document]) -> Path:
    with Store(path) as store, store.transaction():
        for doc in docs:
            store.save_document(doc)
    return path


def _tables(path: Path) -> list:
    with Store(path) as store:
        return [store.conn.execute(sql).fetchall() for sql in (
            "SELECT id, type, sub_type, date_start, date_end, lat, lon, killed, injured, outlets, actors, disputed, "
            "story_id, record FROM merged_events ORDER BY id",
            "SELECT id, title, date_start, date_end, record FROM stories ORDER BY id",
            "SELECT id, merged_id, record FROM events ORDER BY id")]


def _both(tmp_path: Path, docs: list[Document]) -> tuple[list, list]:
    base = _store(tmp_path / "base.db", docs)
    shutil.copy(base, tmp_path / "memory.db")
    with Store(tmp_path / "memory.db") as store:
        merge_store_events_in_memory(store)
    with Store(base) as store:
        assert windowable(store)
        merge_store_events_windowed(store)
    return _tables(tmp_path / "memory.db"), _tables(base)


def _in_store_order(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date.start is not None, e.date.start or "", e.id))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_windowed_merge_equals_merge_events(seed: int) -> None:
    events = _in_store_order([e for d in _documents(_events(seed, 300, 90), seed) for e in d.events])
    groups = [group for _, _, group in merge_windowed(events)]
    id_map = {member: g.event.id for g in groups for _, _, member in g.members}
    for group in groups:
        remap_disputes(group.event, id_map)
        settle_figures(group.event)
    expected = merge_events(events)
    assert len(expected) < len(events)  # the fixture does merge
    assert [g.event.to_dict() for g in groups] == [e.to_dict() for e in expected]


@pytest.mark.parametrize("seed", [4, 5])
def test_store_tables_equal_the_in_memory_step(tmp_path: Path, seed: int) -> None:
    memory, windowed = _both(tmp_path, _documents(_events(seed, 400, 120), seed))
    assert memory == windowed
    merged, stories, events = windowed
    assert any('"kind": "denial"' in row[-1] and "in the article" not in row[-1] for row in merged)
    assert len(stories) < len(merged) and all(row[1] for row in events)


def test_denials_and_stories_across_windows(tmp_path: Path) -> None:
    """A denial six days after its claim and one of a year-long claim months later; an actor every
    five days for two months (one story); a dateless report of that actor; a dispute naming an
    event dated weeks later."""
    def event(day: int | None, modality: str = "reported", actor: tuple = ACTORS[1], span: str = "day") -> Event:
        date = EventDate() if day is None else EventDate(_iso(DAY0 + day), _iso(DAY0 + day), span)
        if span == "year":
            date = EventDate("2017-01-01", "2017-12-31", "year")
        return Event(id="", type="Explosions/Remote violence", sub_type="Air/drone strike", date=date,
                     location=Location("حلب", "Aleppo", admin1="Aleppo", country="Syria", lat=36.2, lon=37.16,
                                       precision=1), actor1=Actor(*actor), modality=modality,
                     killed=Toll(4, text="قتل"), tolls=[Toll(4, text="قتل")])
    chain = [event(day) for day in range(0, 60, 5)]
    claim, denial = event(70, actor=ACTORS[0]), event(76, "denied", ACTORS[0])
    year_claim, late_denial = event(100, actor=ACTORS[2], span="year"), event(200, "denied", ACTORS[2])
    early, late = event(120, actor=ACTORS[3]), event(150, actor=ACTORS[3])
    docs = []
    for n, ev in enumerate([*chain, claim, denial, year_claim, late_denial, early, late, event(None)]):
        ev.id, ev.doc, ev.reports = f"x{n:02d}-e0", f"x{n:02d}", [Evidence(f"x{n:02d}", 0, 10, "نص")]
        docs.append(Document(id=ev.doc, source=ev.doc, text="نص " * 10, content_hash=ev.doc, events=[ev]))
    early.disputes.append({"kind": "denial", "a": late.id, "b": early.id, "note": "names a later event"})
    memory, windowed = _both(tmp_path, docs)
    assert memory == windowed
    merged = {row[0]: json.loads(row[-1]) for row in windowed[0]}
    assert any(d["kind"] == "denial" for d in merged[denial.id]["disputes"])
    assert any(d["kind"] == "denial" for d in merged[late_denial.id]["disputes"])
    story = {row[0]: row[12] for row in windowed[0]}
    assert len({story[e.id] for e in chain}) == 1 and story[early.id] == story[late.id]


def test_dates_out_of_store_order_fall_back(tmp_path: Path) -> None:
    events = _events(6, 60, 30)
    events[5].date = EventDate("2017-3-9", "2017-3-9", "day")  # not ISO: a dateless event among dated ones
    docs = _documents(events, 6)
    base = _store(tmp_path / "odd.db", docs)
    shutil.copy(base, tmp_path / "memory.db")
    with Store(base) as store:
        assert not windowable(store)
        merge_store_events(store)
    with Store(tmp_path / "memory.db") as store:
        merge_store_events_in_memory(store)
    assert _tables(base) == _tables(tmp_path / "memory.db")


def test_store_order_check() -> None:
    assert in_store_order([None, None, "2017-01-01", "2017-01-01T10", "2017-01-02"])
    assert not in_store_order(["2017-01-01", None])
    assert not in_store_order(["2017-01-01", "2017-3-9"])


def test_actor_chains_join_the_first_agreeing_event() -> None:
    chains = ActorChains(window_days=7)
    assert chains.add(0, (None, None), ["a"], None) == []  # dateless: agrees with every later one
    assert chains.add(1, (DAY0, DAY0), ["b"], DAY0 - 2) == []
    assert chains.add(2, (DAY0 + 5, DAY0 + 5), ["b", "a"], DAY0 + 3) == [1, 0]
    assert chains.add(3, (DAY0 + 30, DAY0 + 30), ["b"], DAY0 + 28) == []  # 1 and 2 ended too early
    assert chains.by_key["b"] == [(3, DAY0 + 30, DAY0 + 30)]

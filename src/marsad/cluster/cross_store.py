"""Cross-document events over the store in bounded memory: the same rows as merging, linking and
grouping every event in memory (wiring.merge_store_events_in_memory), computed in date windows
(cluster/windowed.py) with the working state in TEMP tables, which SQLite keeps in a temporary file
(temp_store FILE), not in this process's memory.

1. merge: events stream in store order. A group the window closes is settled at once (disputes
   re-pointed at merged ids, figures settled: `merge_events`' end) when every event its disputes
   name is merged already, else later (step 2). Settled groups go to `merged_events` (their record
   is read back from there; story ids come last) and to `x_group` (the few fields later steps need:
   an unsettled group's record waits there); members go to `x_idmap`
   (event id -> merged id, a table: a dispute may name an event of any date), reports to `x_report`,
   the documents and disputes that join stories to `x_doc` and `x_ref`.
2. settle the groups left over by 1.
3. denials: `link_disputes` one denial at a time, its candidate claims found by family, day range and tie keys.
4. stories: union-find over an int array (windowed.UnionFind); the actor rule by windowed.ActorChains
   in one pass over `x_group`'s compact columns, documents and disputes joined in SQL.
5. stories' records from ordered queries, then `story_id` and `events.merged_id` by SQL.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import logging
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from marsad.cluster.events import (
    DENIAL_DAYS,
    MERGE_DAYS,
    _agree_for_denial,
    _day,
    _denial_score,
    _drop_contradicted_denials,
    _family,
    _Merged,
    add_denial_link,
    denial_tie_keys,
    remap_disputes,
    settle_figures,
)
from marsad.cluster.windowed import (
    ActorChains,
    UnionFind,
    WindowedMerger,
    actor_keys,
    day_span,
    in_store_order,
)
from marsad.records import Event
from marsad.store import Store

log = logging.getLogger(__name__)
PAGE = 500

_TABLES = """
CREATE TEMP TABLE x_group (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, day INTEGER NOT NULL,
    settled INTEGER NOT NULL, record TEXT NOT NULL, family TEXT, modality TEXT, d0 INTEGER, d1 INTEGER,
    keys TEXT, reports INTEGER, killed INTEGER, title TEXT, date_start TEXT, date_end TEXT);
CREATE TEMP TABLE x_idmap (event_id TEXT PRIMARY KEY, merged_id TEXT NOT NULL) WITHOUT ROWID;
CREATE TEMP TABLE x_report (doc TEXT NOT NULL, start INTEGER NOT NULL, merged_id TEXT NOT NULL,
    PRIMARY KEY (doc, start)) WITHOUT ROWID;
CREATE TEMP TABLE x_doc (doc TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (doc, seq)) WITHOUT ROWID;
CREATE TEMP TABLE x_ref (seq INTEGER NOT NULL, ref TEXT NOT NULL);
CREATE TEMP TABLE x_tie (key TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, seq)) WITHOUT ROWID;
CREATE TEMP TABLE x_story (seq INTEGER PRIMARY KEY, root INTEGER NOT NULL);
CREATE TEMP TABLE x_sid (root INTEGER PRIMARY KEY, story_id TEXT NOT NULL);
"""
_DROP = ";".join(f"DROP TABLE IF EXISTS temp.{t}" for t in
                 ("x_group", "x_idmap", "x_report", "x_doc", "x_ref", "x_tie", "x_story", "x_sid", "x_sids", "x_sdocs",
                  "x_shead", "x_sdate"))


def windowable(store: Store) -> bool:
    """Whether the stored dates keep the windows exact (windowed.py: dateless events first, every
    other date readable); else the caller merges in memory."""
    starts = (row[0] for row in store.conn.execute("SELECT date_start FROM events ORDER BY date_start, id"))
    if not in_store_order(starts):
        return False
    ends = store.conn.execute("SELECT date_end FROM events WHERE date_end IS NOT NULL AND date_end != ''")
    return all(_day(row[0]) is not None for row in ends)


def merge_store_events_windowed(store: Store) -> tuple[int, int, int]:
    """Steps 1-5 in one transaction; returns (events linked, merged events, stories)."""
    with store.transaction():
        _run_script(store, _DROP + ";" + _TABLES)
        try:
            store.clear_merged()
            merged = _merge(store)
            _settle_rest(store)
            _link_denials(store)
            stories = _write_stories(store, _chain_stories(store))
            linked = _link_events(store)
        finally:
            _run_script(store, _DROP)
    return linked, merged, stories


def _run_script(store: Store, script: str) -> None:
    """Statement by statement: executescript would commit the open transaction."""
    for statement in script.split(";"):
        if statement.strip():
            store.conn.execute(statement)


# ---------------------------------------------------------------------------- 1-2. merge, settle


def _merge(store: Store) -> int:
    rows = store.conn.execute("SELECT record FROM events ORDER BY date_start, id")
    merger = WindowedMerger(copy_events=False)  # fresh from JSON: merge_events' deep copy is not needed
    members: list[tuple[str, str]] = []
    for row in rows:
        event = Event.from_dict(json.loads(row[0]))
        closed = merger.add(event)
        members.append((event.id, merger.groups[merger.placed].event.id))
        if closed or len(members) >= PAGE:
            _save_members(store, members)
        _save_groups(store, closed)
    _save_members(store, members)
    _save_groups(store, merger.finish())
    return merger.count


def _save_members(store: Store, members: list[tuple[str, str]]) -> None:
    store.conn.executemany("INSERT OR REPLACE INTO x_idmap VALUES (?,?)", members)
    members.clear()


def _save_groups(store: Store, groups: list[tuple[int, int, _Merged]]) -> None:
    # merge_store_events_in_memory maps a report to the last merged event holding it
    store.conn.executemany("INSERT OR REPLACE INTO x_report VALUES (?,?,?)",
                           [(r.doc, r.start, g.event.id) for _, _, g in groups for r in g.event.reports])
    for seq, day, group in groups:
        event = group.event
        id_map = _id_map(store, event)
        if id_map is None:  # names an event not merged yet
            store.conn.execute("INSERT INTO x_group(seq, id, day, settled, record) VALUES (?,?,?,0,?)",
                               (seq, event.id, day, _dumps(event)))
            continue
        store.conn.execute("INSERT INTO x_group(seq, id, day, settled, record) VALUES (?,?,?,1,'')",
                           (seq, event.id, day))
        _settle(store, seq, event, id_map)


def _settle(store: Store, seq: int, event: Event, id_map: dict[str, str]) -> None:
    """merge_events' end for one group, then its rows."""
    remap_disputes(event, id_map)
    settle_figures(event)
    reports, killed, title, start, end = _title_parts(event)
    first, last = day_span(event)
    store.conn.execute(
        "UPDATE x_group SET settled=1, record='', family=?, modality=?, d0=?, d1=?, keys=?, reports=?, killed=?, "
        "title=?, date_start=?, date_end=? WHERE seq=?",
        (_family(event), event.modality, first, last, json.dumps(actor_keys(event)), reports,
         killed, title, start, end, seq))
    store.conn.executemany("INSERT OR IGNORE INTO x_doc VALUES (?,?)", [(r.doc, seq) for r in event.reports])
    if event.modality == "reported":  # a claim a denial may deny: its tie keys (step 3)
        store.conn.executemany("INSERT OR IGNORE INTO x_tie VALUES (?,?)", [(k, seq) for k in denial_tie_keys(event)])
    _save_refs(store, seq, event)
    store.insert_merged_event(event, None)


def _title_parts(event: Event) -> tuple:
    from marsad.cluster.wiring import story_title_parts

    return story_title_parts(event)


def _save_refs(store: Store, seq: int, event: Event) -> None:
    """The ids this event's disputes name (build_stories joins it to those merged events)."""
    store.conn.execute("DELETE FROM x_ref WHERE seq = ?", (seq,))
    store.conn.executemany("INSERT INTO x_ref VALUES (?,?)", [
        (seq, d[role]) for d in event.disputes for role in ("a", "b") if isinstance(d.get(role), str)])


def _dumps(event: Event) -> str:
    return json.dumps(event.to_dict(), ensure_ascii=False)


def _pages(store: Store, sql: str, *args: Any) -> Iterator[Any]:
    """Rows of `sql` (which selects seq first and takes `seq > ?` then LIMIT) page by page, so
    the table may be updated between pages."""
    last = -1
    while rows := store.conn.execute(sql, (*args, last, PAGE)).fetchall():
        yield from rows
        last = rows[-1][0]


def _settle_rest(store: Store) -> None:
    """Groups whose disputes named an event merged after them: every id is known now."""
    for seq, record in _pages(store, "SELECT seq, record FROM x_group WHERE settled = 0 AND seq > ? "
                                     "ORDER BY seq LIMIT ?"):
        event = Event.from_dict(json.loads(record))
        _settle(store, seq, event, _known_ids(store, event))
    store.conn.execute("CREATE INDEX temp.x_group_claims ON x_group(family, modality, d0, d1)")


def _referenced(event: Event) -> list[str]:
    """The ids remap_disputes looks up (it drops toll disputes without looking)."""
    return list({d.get(role) for d in event.disputes if d.get("kind") != "toll"
                 for role in ("a", "b") if isinstance(d.get(role), str)})


def _known_ids(store: Store, event: Event) -> dict[str, str]:
    ids = _referenced(event)
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(store.conn.execute(f"SELECT event_id, merged_id FROM x_idmap WHERE event_id IN ({marks})", ids))


def _id_map(store: Store, event: Event) -> dict[str, str] | None:
    """The part of the id map this event's disputes need; None when one of them is not there yet."""
    found = _known_ids(store, event)
    return found if len(found) == len(_referenced(event)) else None


# ---------------------------------------------------------------------------- 3. denials


class _Lazy:
    """Merged events by id, read from merged_events on demand: link_disputes' `by_id`. At most
    CACHE of them stay parsed (the least recently used go first; the same claims come back for
    neighbouring denials), besides the pinned denial and those changed and not yet written back."""

    CACHE = 256

    def __init__(self, store: Store) -> None:
        self.store = store
        self.loaded: OrderedDict[str, list] = OrderedDict()  # id -> [seq, event, disputes as written]
        self.pinned: str | None = None

    def get(self, event_id: Any, default: Any = None) -> Event | None:
        if not isinstance(event_id, str):
            return default
        if event_id not in self.loaded:
            row = self.store.conn.execute("SELECT g.seq, m.record FROM x_group g JOIN merged_events m ON m.id = g.id "
                                          "WHERE g.id = ?", (event_id,)).fetchone()
            return default if row is None else self.adopt(row[0], event_id, row[1])
        self.loaded.move_to_end(event_id)
        return self.loaded[event_id][1]

    def __contains__(self, event_id: Any) -> bool:
        return self.get(event_id) is not None

    def adopt(self, seq: int, event_id: str, record: str) -> Event:
        """The loaded event of this row, reading it if it is not loaded yet."""
        if event_id not in self.loaded:
            event = Event.from_dict(json.loads(record))
            self.loaded[event_id] = [seq, event, list(event.disputes)]
            self._trim()
        self.loaded.move_to_end(event_id)
        return self.loaded[event_id][1]

    def claim(self, seq: int, event_id: str) -> Event:
        """A claim by its x_group row, read from merged_events unless loaded."""
        if event_id in self.loaded:
            self.loaded.move_to_end(event_id)
            return self.loaded[event_id][1]
        record = self.store.conn.execute("SELECT record FROM merged_events WHERE id = ?", (event_id,)).fetchone()[0]
        return self.adopt(seq, event_id, record)

    def hold(self, seq: int, event: Event) -> None:
        """Keep an event about to change (it may have left the cache meanwhile)."""
        self.loaded.setdefault(event.id, [seq, event, None])

    def save(self) -> None:
        """Write back the events whose disputes changed, with their merged_events rows."""
        for entry in self.loaded.values():
            seq, event, written = entry
            if event.disputes != written:
                _save_refs(self.store, seq, event)
                self.store.insert_merged_event(event, None)
                entry[2] = list(event.disputes)
        self._trim()

    def _trim(self) -> None:
        while len(self.loaded) > self.CACHE:
            old = next((k for k, (_, e, w) in self.loaded.items() if k != self.pinned and e.disputes == w), None)
            if old is None:
                return
            del self.loaded[old]


def _link_denials(store: Store) -> None:
    """link_disputes over the merged events, denials in creation order (a claim's disputes then
    list the links in the same order)."""
    span = store.conn.execute("SELECT max(d1 - d0) FROM x_group WHERE modality = 'reported'").fetchone()[0]
    by_id = _Lazy(store)
    for seq, event_id in _pages(store, "SELECT seq, id FROM x_group WHERE modality = 'denied' AND seq > ? "
                                       "ORDER BY seq LIMIT ?"):
        by_id.pinned = event_id
        _link_denial(store, by_id, seq, by_id.get(event_id), span or 0)  # type: ignore[arg-type]
        by_id.save()


def _link_denial(store: Store, by_id: _Lazy, seq: int, denied: Event, span: int) -> None:
    _drop_contradicted_denials(denied, by_id)  # type: ignore[arg-type]
    if any(d.get("kind") == "denial" and d.get("a") in by_id for d in denied.disputes):
        return
    best, best_seq, best_score = None, -1, 0
    for claim_seq, event_id in _claims(store, denied, span):
        claim = by_id.claim(claim_seq, event_id)
        if not _agree_for_denial(claim, denied):
            continue
        score = _denial_score(claim, denied)
        if score > best_score:
            best, best_seq, best_score = claim, claim_seq, score
    if best is None:
        return
    by_id.hold(best_seq, best)
    by_id.hold(seq, denied)
    add_denial_link(best, denied)  # the link link_disputes writes


def _claims(store: Store, denied: Event, span: int) -> Iterator[tuple[int, str]]:
    """(seq, id) of the reported merged events of the denial's family that share a tie key with it
    (`denial_tie_keys`: the others can never win) and whose days can agree with it, in creation
    order, streamed: the dateless ones, and those starting from first - DENIAL_DAYS - (the longest
    claim) on. Records are read one by one (`_Lazy.claim`): sorting them along would take the
    sorter's memory. Without the keys every denial read every claim of its weeks, which over a
    corpus of a few weeks is every claim: quadratic."""
    keys = sorted(denial_tie_keys(denied, neighbours=True))
    if not keys:
        return iter(())
    first, last = day_span(denied)
    sql = (f"SELECT seq, id FROM x_group WHERE family = ? AND modality = 'reported' AND seq IN "
           f"(SELECT seq FROM x_tie WHERE key IN ({','.join('?' * len(keys))}))")
    if first is None:
        return store.conn.execute(sql + " ORDER BY seq", (_family(denied), *keys))
    return store.conn.execute(
        f"SELECT * FROM ({sql} AND d0 IS NULL UNION ALL {sql} AND d0 BETWEEN ? AND ? AND d1 >= ?) ORDER BY 1",
        (_family(denied), *keys, _family(denied), *keys, first - DENIAL_DAYS - span,  # type: ignore[operator]
         last + DENIAL_DAYS, first - DENIAL_DAYS))


# ---------------------------------------------------------------------------- 4. stories


def _chain_stories(store: Store) -> UnionFind:
    """build_stories' unions: the actor rule in creation order, then documents and disputes."""
    uf, chains = UnionFind(), ActorChains()
    for seq, day, first, last, keys in store.conn.execute("SELECT seq, day, d0, d1, keys FROM x_group ORDER BY seq"):
        uf.add()
        for other in chains.add(seq, (first, last), json.loads(keys), day - MERGE_DAYS if day else None):
            uf.union(seq, other)
    previous = (None, None)
    for doc, seq in store.conn.execute("SELECT doc, seq FROM x_doc ORDER BY doc, seq"):
        if doc == previous[0]:
            uf.union(seq, previous[1])  # the events of one document, in a chain
        previous = (doc, seq)
    for seq, other in store.conn.execute("SELECT r.seq, g.seq FROM x_ref r JOIN x_group g ON g.id = r.ref"):
        uf.union(seq, other)
    return uf


# ---------------------------------------------------------------------------- 5. stories, links


def _write_stories(store: Store, uf: UnionFind) -> int:
    conn = store.conn
    conn.executemany("INSERT INTO x_story(seq, root) VALUES (?,?)",
                     ((seq, uf.find(seq)) for seq in range(len(uf.parent))))
    count = 0
    for root, ids, docs, dates, title in _story_parts(store):
        story_id, record = _story_record(ids, docs, dates, title)
        store.insert_story_record(story_id, title, dates[0], dates[1], record)
        conn.execute("INSERT INTO x_sid VALUES (?,?)", (root, story_id))
        count += 1
    conn.execute("UPDATE merged_events SET story_id = (SELECT i.story_id FROM x_group g JOIN x_story s "
                 "ON s.seq = g.seq JOIN x_sid i ON i.root = s.root WHERE g.id = merged_events.id)")
    return count


def _story_record(ids: Iterator[str], docs: Iterator[str], dates: tuple, title: str | None) -> tuple[str, str]:
    """(story id, record): the text json.dumps gives build_stories' dict with the dates and title
    merge_store_events_in_memory adds, written from the streamed ids and documents."""
    first = next(ids)
    story_id = "st-" + hashlib.blake2b(first.encode(), digest_size=6).hexdigest()
    out = io.StringIO()
    out.write(f'{{"id": {_json(story_id)}, "events": [')
    _json_items(out, itertools.chain([first], ids))
    out.write('], "docs": [')
    _json_items(out, docs)
    out.write(f'], "date_start": {_json(dates[0])}, "date_end": {_json(dates[1])}, "title": {_json(title)}}}')
    return story_id, out.getvalue()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _json_items(out: io.StringIO, values: Iterator[str]) -> None:
    for n, value in enumerate(values):
        out.write(", " + _json(value) if n else _json(value))


_STORY_TABLES = """
CREATE INDEX temp.x_story_root ON x_story(root);
CREATE TEMP TABLE x_sids (root INTEGER NOT NULL, id TEXT NOT NULL, PRIMARY KEY (root, id)) WITHOUT ROWID;
INSERT INTO x_sids SELECT s.root, g.id FROM x_story s JOIN x_group g ON g.seq = s.seq;
CREATE TEMP TABLE x_sdocs (root INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (root, doc)) WITHOUT ROWID;
INSERT OR IGNORE INTO x_sdocs SELECT s.root, d.doc FROM x_doc d JOIN x_story s ON s.seq = d.seq;
CREATE TEMP TABLE x_shead (root INTEGER PRIMARY KEY, title TEXT, date_start TEXT, date_end TEXT);
INSERT INTO x_shead(root, title) SELECT root, title FROM (SELECT s.root, g.title, row_number() OVER (
    PARTITION BY s.root ORDER BY g.reports DESC, g.killed DESC, g.seq) AS n
    FROM x_story s JOIN x_group g ON g.seq = s.seq) WHERE n = 1;
CREATE TEMP TABLE x_sdate AS SELECT s.root AS root, min(x.d) AS lo, max(x.d) AS hi FROM x_story s JOIN (
    SELECT seq, date_start AS d FROM x_group WHERE date_start != ''
    UNION ALL SELECT seq, date_end FROM x_group WHERE date_end != '') x ON x.seq = s.seq GROUP BY s.root;
CREATE INDEX temp.x_sdate_root ON x_sdate(root)
"""


def _story_parts(store: Store) -> Iterator[tuple[int, Iterator[str], Iterator[str], tuple, str | None]]:
    """Per story root, in root order: its event ids and documents (sorted, streamed), (first, last)
    date and title (build_stories' and merge_store_events_in_memory's fields). Each part goes to a
    table first, one sort at a time, and is read back in key order: a story may hold most of the
    corpus. Ids and documents must be consumed before the next root."""
    _run_script(store, _STORY_TABLES)
    ids = _Grouped(_tuples(store, "SELECT root, id FROM x_sids ORDER BY root, id"))
    docs = _Grouped(_tuples(store, "SELECT root, doc FROM x_sdocs ORDER BY root, doc"))
    # the title is _story_title's max(): the most reports, then the most killed, the first created on a tie
    heads = _tuples(store, "SELECT h.root, h.title, d.lo, d.hi FROM x_shead h LEFT JOIN x_sdate d ON d.root = h.root "
                           "ORDER BY h.root")
    for root, title, first, last in heads:
        yield root, ids.values(root), docs.values(root), (first, last), title


def _tuples(store: Store, sql: str) -> Any:
    cursor = store.conn.cursor()
    cursor.row_factory = None  # plain tuples, not sqlite3.Row
    return cursor.execute(sql)


class _Grouped:
    """(key, value...) rows in ascending key order, taken key by key (a merge join); a value is the
    row's second column, or the rest of the row as a tuple."""

    def __init__(self, rows: Any) -> None:
        self.groups = itertools.groupby(((row[0], row[1] if len(row) == 2 else row[1:]) for row in rows),
                                        key=lambda row: row[0])
        self.head = next(self.groups, None)

    def values(self, key: Any) -> Iterator[Any]:
        """The values of `key` (none when it has none), skipping smaller keys; lazily, so take
        them before asking for a larger key."""
        while self.head is not None and self.head[0] < key:
            self.head = next(self.groups, None)
        if self.head is None or self.head[0] != key:
            return
        yield from (value for _, value in self.head[1])
        self.head = next(self.groups, None)


def _link_events(store: Store) -> int:
    """events.merged_id: the merged event holding the event's first report (every report is in one)."""
    store.conn.execute(
        "UPDATE events SET merged_id = (SELECT r.merged_id FROM json_each(events.record, '$.reports') j "
        "JOIN x_report r ON r.doc = json_extract(j.value, '$.doc') AND r.start = json_extract(j.value, '$.start') "
        "ORDER BY j.key LIMIT 1)")
    return store.conn.execute("SELECT count(*) FROM events WHERE merged_id IS NOT NULL").fetchone()[0]

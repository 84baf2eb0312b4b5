"""Cross-document events over the store in bounded memory: the same rows as merging, linking and
grouping every event in memory (wiring.merge_store_events_in_memory), computed in date windows
(cluster/windowed.py) with the working state in TEMP tables, which SQLite keeps in a temporary file
(temp_store FILE), not in this process's memory.

1. merge: events stream in store order; each group closed by the window goes to `x_group` (record
   before disputes are re-pointed), its members to `x_idmap` (event id -> merged id: a table, since
   a dispute may name an event of any date) and its reports to `x_report`.
2. settle: each group's disputes re-pointed through `x_idmap`, figures settled (`merge_events`' end).
3. denials: `link_disputes` one denial at a time, its candidate claims found by family and day range.
4. stories: one pass in creation order adds the actor chains (windowed) and writes `merged_events`;
   documents and disputes join events through tables; union-find over an int array.
5. stories' records from ordered queries, then `story_id` and `events.merged_id` by SQL.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
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
    remap_disputes,
    settle_figures,
)
from marsad.cluster.windowed import (
    ActorChains,
    UnionFind,
    actor_keys,
    day_span,
    in_store_order,
    merge_windowed,
)
from marsad.records import Event
from marsad.store import Store

log = logging.getLogger(__name__)
PAGE = 500

_TABLES = """
CREATE TEMP TABLE x_group (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, day INTEGER NOT NULL,
    family TEXT, modality TEXT, d0 INTEGER, d1 INTEGER, record TEXT NOT NULL,
    reports INTEGER, killed INTEGER, title TEXT, date_start TEXT, date_end TEXT);
CREATE TEMP TABLE x_idmap (event_id TEXT PRIMARY KEY, merged_id TEXT NOT NULL) WITHOUT ROWID;
CREATE TEMP TABLE x_report (doc TEXT NOT NULL, start INTEGER NOT NULL, merged_id TEXT NOT NULL,
    PRIMARY KEY (doc, start)) WITHOUT ROWID;
CREATE TEMP TABLE x_doc (doc TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (doc, seq)) WITHOUT ROWID;
CREATE TEMP TABLE x_ref (seq INTEGER NOT NULL, ref TEXT NOT NULL);
CREATE TEMP TABLE x_story (seq INTEGER PRIMARY KEY, root INTEGER NOT NULL);
CREATE TEMP TABLE x_sid (root INTEGER PRIMARY KEY, story_id TEXT NOT NULL);
"""
_DROP = ";".join(f"DROP TABLE IF EXISTS temp.{t}" for t in
                 ("x_group", "x_idmap", "x_report", "x_doc", "x_ref", "x_story", "x_sid"))


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
            merged = _merge(store)
            _settle(store)
            _link_denials(store)
            uf = _stream_stories(store)
            stories = _write_stories(store, uf)
            linked = _link_events(store)
        finally:
            _run_script(store, _DROP)
    return linked, merged, stories


def _run_script(store: Store, script: str) -> None:
    """Statement by statement: executescript would commit the open transaction."""
    for statement in script.split(";"):
        if statement.strip():
            store.conn.execute(statement)


# ---------------------------------------------------------------------------- 1. merge


def _merge(store: Store) -> int:
    rows = store.conn.execute("SELECT record FROM events ORDER BY date_start, id")
    events = (Event.from_dict(json.loads(row[0])) for row in rows)
    count = 0
    for batch in _chunks(merge_windowed(events), PAGE):
        _save_groups(store, batch)
        count += len(batch)
    return count


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(itertools.islice(items, size)):
        yield batch


def _save_groups(store: Store, groups: list) -> None:
    conn = store.conn
    conn.executemany("INSERT INTO x_group(seq, id, day, record) VALUES (?,?,?,?)",
                     [(seq, g.event.id, day, _dumps(g.event)) for seq, day, g in groups])
    conn.executemany("INSERT OR REPLACE INTO x_idmap VALUES (?,?)",
                     [(member, g.event.id) for _, _, g in groups for _, _, member in g.members])
    # merge_store_events_in_memory maps a report to the last merged event holding it
    conn.executemany("INSERT OR REPLACE INTO x_report VALUES (?,?,?)",
                     [(r.doc, r.start, g.event.id) for _, _, g in groups for r in g.event.reports])


def _dumps(event: Event) -> str:
    return json.dumps(event.to_dict(), ensure_ascii=False)


def _pages(store: Store, sql: str, *args: Any) -> Iterator[Any]:
    """Rows of `sql` (which selects seq first and takes `seq > ?` then LIMIT) page by page, so
    the table may be updated between pages."""
    last = -1
    while rows := store.conn.execute(sql, (*args, last, PAGE)).fetchall():
        yield from rows
        last = rows[-1][0]


# ---------------------------------------------------------------------------- 2. settle


def _settle(store: Store) -> None:
    """merge_events' end: disputes re-pointed at merged ids, figures settled."""
    updates = []
    for seq, record in _pages(store, "SELECT seq, record FROM x_group WHERE seq > ? ORDER BY seq LIMIT ?"):
        event = Event.from_dict(json.loads(record))
        remap_disputes(event, _id_map(store, event))
        settle_figures(event)
        first, last = day_span(event)
        updates.append((_family(event), event.modality, first, last, _dumps(event), seq))
        if len(updates) >= PAGE:
            _update_settled(store, updates)
    _update_settled(store, updates)
    store.conn.execute("CREATE INDEX temp.x_group_claims ON x_group(family, modality, d0, d1)")


def _update_settled(store: Store, updates: list) -> None:
    store.conn.executemany("UPDATE x_group SET family=?, modality=?, d0=?, d1=?, record=? WHERE seq=?", updates)
    updates.clear()


def _id_map(store: Store, event: Event) -> dict[str, str]:
    """The part of the id map this event's disputes need."""
    ids = list({d.get(role) for d in event.disputes for role in ("a", "b") if isinstance(d.get(role), str)})
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(store.conn.execute(f"SELECT event_id, merged_id FROM x_idmap WHERE event_id IN ({marks})", ids))


# ---------------------------------------------------------------------------- 3. denials


class _Lazy:
    """Merged events by id, read from x_group on demand: link_disputes' `by_id` for one denial."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.loaded: dict[str, tuple[int, Event, list]] = {}  # id -> (seq, event, disputes as read)

    def get(self, event_id: Any, default: Any = None) -> Event | None:
        if not isinstance(event_id, str):
            return default
        if event_id not in self.loaded:
            row = self.store.conn.execute("SELECT seq, record FROM x_group WHERE id = ?", (event_id,)).fetchone()
            if row is None:
                return default
            self.adopt(row[0], row[1])
        return self.loaded[event_id][1]

    def __contains__(self, event_id: Any) -> bool:
        return self.get(event_id) is not None

    def adopt(self, seq: int, record: str) -> Event:
        """The loaded event of this row, reading it if it is not loaded yet."""
        event = Event.from_dict(json.loads(record))
        return self.loaded.setdefault(event.id, (seq, event, list(event.disputes)))[1]

    def save(self) -> None:
        """Write back the events whose disputes changed."""
        self.store.conn.executemany("UPDATE x_group SET record = ? WHERE seq = ?",
                                    [(_dumps(event), seq) for seq, event, read in self.loaded.values()
                                     if event.disputes != read])


def _link_denials(store: Store) -> None:
    """link_disputes over the merged events, denials in creation order (a claim's disputes then
    list the links in the same order)."""
    span = store.conn.execute("SELECT max(d1 - d0) FROM x_group WHERE modality = 'reported'").fetchone()[0]
    for seq, _ in _pages(store, "SELECT seq, id FROM x_group WHERE modality = 'denied' AND seq > ? "
                                "ORDER BY seq LIMIT ?"):
        by_id = _Lazy(store)
        record = store.conn.execute("SELECT record FROM x_group WHERE seq = ?", (seq,)).fetchone()[0]
        _link_denial(store, by_id, by_id.adopt(seq, record), span or 0)
        by_id.save()


def _link_denial(store: Store, by_id: _Lazy, denied: Event, span: int) -> None:
    _drop_contradicted_denials(denied, by_id)  # type: ignore[arg-type]
    if any(d.get("kind") == "denial" and d.get("a") in by_id for d in denied.disputes):
        return
    best, best_score = None, 0
    for seq, event_id, record in _claims(store, denied, span):
        claim = by_id.loaded[event_id][1] if event_id in by_id.loaded else by_id.adopt(seq, record)
        if not _agree_for_denial(claim, denied):
            continue
        score = _denial_score(claim, denied)
        if score > best_score:
            best, best_score = claim, score
    if best is None:
        return
    # the link link_disputes writes
    link = {"kind": "denial", "a": best.id, "b": denied.id,
            "note": f"{denied.attributed_to or 'a source'} denies the "
                    f"{(best.sub_type or best.type).lower()} that {best.attributed_to or 'the report'} reports"
                    + (f" ({best.killed.value} killed)" if best.killed and best.killed.value else "")}
    best.disputes.append(link)
    denied.disputes.append(link)


def _claims(store: Store, denied: Event, span: int) -> list[tuple[int, str, str]]:
    """Reported merged events of the denial's family whose days can agree with it, in creation order:
    the dateless ones, and those starting from first - DENIAL_DAYS - (the longest claim) on."""
    first, last = day_span(denied)
    sql = "SELECT seq, id, record FROM x_group WHERE family = ? AND modality = 'reported'"
    if first is None:
        return store.conn.execute(sql + " ORDER BY seq", (_family(denied),)).fetchall()
    rows = store.conn.execute(sql + " AND d0 IS NULL", (_family(denied),)).fetchall()
    rows += store.conn.execute(sql + " AND d0 BETWEEN ? AND ? AND d1 >= ?",
                               (_family(denied), first - DENIAL_DAYS - span, last + DENIAL_DAYS,  # type: ignore[operator]
                                first - DENIAL_DAYS)).fetchall()
    return sorted(rows, key=lambda row: row[0])


# ---------------------------------------------------------------------------- 4. stories, merged rows


def _stream_stories(store: Store) -> UnionFind:
    """One pass in creation order: merged_events rows (story ids come later), the actor chains, and
    the documents and disputes that join events (to x_doc, x_ref)."""
    from marsad.cluster.wiring import story_title_parts

    store.clear_merged()
    uf, chains = UnionFind(), ActorChains()
    sql = "SELECT seq, day, record FROM x_group WHERE seq > ? ORDER BY seq LIMIT ?"
    rows, docs, refs = [], [], []
    for seq, day, record in _pages(store, sql):
        event = Event.from_dict(json.loads(record))
        store.insert_merged_event(event, None)
        uf.add()
        for other in chains.add(seq, day_span(event), actor_keys(event), day - MERGE_DAYS if day else None):
            uf.union(seq, other)
        docs += [(r.doc, seq) for r in event.reports]
        refs += [(seq, d[role]) for d in event.disputes for role in ("a", "b") if isinstance(d.get(role), str)]
        rows.append((*story_title_parts(event), seq))
        if len(rows) >= PAGE:
            _flush_story_rows(store, rows, docs, refs)
    _flush_story_rows(store, rows, docs, refs)
    previous = (None, None)
    for doc, seq in store.conn.execute("SELECT doc, seq FROM x_doc ORDER BY doc, seq"):
        if doc == previous[0]:
            uf.union(seq, previous[1])  # the events of one document, in a chain
        previous = (doc, seq)
    for seq, other in store.conn.execute("SELECT r.seq, g.seq FROM x_ref r JOIN x_group g ON g.id = r.ref"):
        uf.union(seq, other)
    return uf


def _flush_story_rows(store: Store, rows: list, docs: list, refs: list) -> None:
    conn = store.conn
    conn.executemany("UPDATE x_group SET reports=?, killed=?, title=?, date_start=?, date_end=? WHERE seq=?", rows)
    conn.executemany("INSERT OR IGNORE INTO x_doc VALUES (?,?)", docs)
    conn.executemany("INSERT INTO x_ref VALUES (?,?)", refs)
    for items in (rows, docs, refs):
        items.clear()


# ---------------------------------------------------------------------------- 5. stories, links


def _write_stories(store: Store, uf: UnionFind) -> int:
    conn = store.conn
    conn.executemany("INSERT INTO x_story(seq, root) VALUES (?,?)",
                     ((seq, uf.find(seq)) for seq in range(len(uf.parent))))
    conn.execute("CREATE INDEX temp.x_story_root ON x_story(root)")
    count = 0
    for root, ids, docs, dates, title in _story_parts(store):
        story = {"id": "st-" + hashlib.blake2b(ids[0].encode(), digest_size=6).hexdigest(), "events": ids,
                 "docs": docs, "date_start": dates[0], "date_end": dates[1], "title": title}
        store.insert_story(story)
        conn.execute("INSERT INTO x_sid VALUES (?,?)", (root, story["id"]))
        count += 1
    conn.execute("UPDATE merged_events SET story_id = (SELECT i.story_id FROM x_group g JOIN x_story s "
                 "ON s.seq = g.seq JOIN x_sid i ON i.root = s.root WHERE g.id = merged_events.id)")
    return count


def _story_parts(store: Store) -> Iterator[tuple[int, list[str], list[str], tuple, str | None]]:
    """Per story root, in root order: sorted event ids, sorted documents, (first, last) date, title
    (build_stories and merge_store_events_in_memory's fields, by ordered queries)."""
    conn = store.conn
    ids = _grouped(conn.execute("SELECT s.root, g.id FROM x_story s JOIN x_group g ON g.seq = s.seq "
                                "ORDER BY s.root, g.id"))
    docs = _grouped(conn.execute("SELECT DISTINCT s.root, d.doc FROM x_doc d JOIN x_story s ON s.seq = d.seq "
                                 "ORDER BY s.root, d.doc"))
    # _story_title's max(): the most reports, then the most killed, the first created on a tie
    titles = _grouped(conn.execute("SELECT s.root, g.title FROM x_story s JOIN x_group g ON g.seq = s.seq "
                                   "ORDER BY s.root, g.reports DESC, g.killed DESC, g.seq"))
    dates = _grouped(conn.execute(
        "SELECT s.root, min(d), max(d) FROM x_story s JOIN (SELECT seq, date_start AS d FROM x_group "
        "WHERE date_start != '' UNION ALL SELECT seq, date_end FROM x_group WHERE date_end != '') x "
        "ON x.seq = s.seq GROUP BY s.root ORDER BY s.root"))
    for root, members in ids:
        yield (root, [row[1] for row in members], [row[1] for row in _take(docs, root)],
               next(((row[1], row[2]) for row in _take(dates, root)), (None, None)),
               next(row[1] for row in _take(titles, root)))


class _grouped:  # noqa: N801 - used like a function
    """Rows grouped by their first column, taken in ascending order of it (a merge join)."""

    def __init__(self, rows: Any) -> None:
        self.groups = itertools.groupby(rows, key=lambda row: row[0])
        self.head = next(self.groups, None)

    def __iter__(self) -> Iterator[tuple[Any, list]]:
        while self.head is not None:
            key, rows = self.head[0], list(self.head[1])
            self.head = next(self.groups, None)
            yield key, rows


def _take(grouped: _grouped, key: Any) -> list:
    """The rows of `key`, skipping smaller keys; [] when it has none."""
    while grouped.head is not None and grouped.head[0] < key:
        grouped.head = next(grouped.groups, None)
    if grouped.head is None or grouped.head[0] != key:
        return []
    rows = list(grouped.head[1])
    grouped.head = next(grouped.groups, None)
    return rows


def _link_events(store: Store) -> int:
    """events.merged_id: the merged event holding the event's first report (every report is in one)."""
    store.conn.execute(
        "UPDATE events SET merged_id = (SELECT r.merged_id FROM json_each(events.record, '$.reports') j "
        "JOIN x_report r ON r.doc = json_extract(j.value, '$.doc') AND r.start = json_extract(j.value, '$.start') "
        "ORDER BY j.key LIMIT 1)")
    return store.conn.execute("SELECT count(*) FROM events WHERE merged_id IS NOT NULL").fetchone()[0]

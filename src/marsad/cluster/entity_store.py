"""Cross-document entity clustering applied to the store (the storage-free algorithm is
marsad.cluster.entities.cluster_entities).

A provisional entity that the clustering attaches to another one (a surname to its full name, an
acronym to its expansion, a clitic-glued spelling to the plain one) is folded into it: its names
become the target's variants, its mentions and the event actors that point at it move to the target,
and its row goes. Documents keep their own provisional ids in their stored records (they are what
the per-document stage found); re-running a document re-creates the provisional row and the next
cross-document pass folds it again, so the step is idempotent.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping

from marsad.cluster.entities import CLUSTER_TYPES, PROVISIONAL_PREFIX, cluster_entities
from marsad.records import Entity, Event
from marsad.store import Store

log = logging.getLogger(__name__)


def merge_store_entities(store: Store) -> dict[str, str]:
    """Cluster the stored entities and fold each merged one into its canonical entity; returns
    the {old id: canonical id} pairs that moved."""
    moved = dict(sorted(_moved(store).items()))  # the entities' id order, as one pass over all types gave
    if not moved:
        return moved
    with store.transaction():
        for old, new in moved.items():
            _fold(store, _entity(store, old), _entity(store, new))
            store.conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (new, old))
            store.conn.execute("DELETE FROM entities WHERE id = ?", (old,))
        _relink_event_actors(store, moved)
    log.info("folded %d provisional entities into others", len(moved))
    return moved


def _moved(store: Store) -> dict[str, str]:
    """cluster_entities one type at a time (it never joins two types), on compact records: id,
    type, names. Places (and every other type) are never clustered, so they are not read."""
    scopes = _DocumentScopes(store)
    moved = {}
    for kind in sorted(CLUSTER_TYPES):
        rows = store.conn.execute("SELECT id, name_ar, json_extract(record, '$.variants') FROM entities "
                                  "WHERE type = ? AND substr(id, 1, 6) != 'place:' ORDER BY id", (kind,))
        entities = (Entity(id=row[0], type=kind, name_ar=row[1], variants=json.loads(row[2] or "[]"))
                    for row in rows)
        moved.update((old, new) for old, new in cluster_entities(entities, scopes).items() if old != new)
    return moved


class _DocumentScopes(Mapping):
    """Entity id -> the documents that mention it (chooses between full names sharing a surname),
    read from the mentions table when asked: cluster_entities asks only for a few ambiguous names."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __getitem__(self, entity_id: str) -> set[str]:
        docs = {row[0] for row in self.store.conn.execute(
            "SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ?", (entity_id,))}
        if not docs:
            raise KeyError(entity_id)
        return docs

    def __iter__(self) -> Iterator[str]:
        rows = self.store.conn.execute("SELECT DISTINCT entity_id FROM mentions WHERE entity_id IS NOT NULL")
        return (row[0] for row in rows)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _entity(store: Store, entity_id: str) -> Entity | None:
    row = store.conn.execute("SELECT record FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return Entity.from_dict(json.loads(row[0])) if row else None


def _fold(store: Store, old: Entity | None, target: Entity | None) -> None:
    if old is None or target is None:
        return
    target.variants = sorted(set(target.variants) | set(old.variants) | {old.name_ar})
    store.save_entity(target)


def _relink_event_actors(store: Store, moved: dict[str, str]) -> None:
    """Event actors that name a folded entity point at its canonical one (the API lists an
    entity's events by these ids). Paged by id; only records naming a provisional id are read
    (every moved id is provisional: `new:`)."""
    last = ""
    while rows := store.conn.execute(
            "SELECT id, record FROM events WHERE id > ? ORDER BY id LIMIT 500", (last,)).fetchall():
        last = rows[-1]["id"]
        for row in rows:
            if f'"{PROVISIONAL_PREFIX}' in row["record"]:
                _relink(store, row["id"], row["record"], moved)


def _relink(store: Store, event_id: str, record: str, moved: dict[str, str]) -> None:
    event = Event.from_dict(json.loads(record))
    changed = False
    for actor in (event.actor1, event.actor2, *event.assoc_actor1, *event.assoc_actor2):
        if actor is not None and actor.entity_id in moved:
            actor.entity_id = moved[actor.entity_id]
            changed = True
    if changed:
        store.conn.execute("UPDATE events SET record = ? WHERE id = ?",
                           (json.dumps(event.to_dict(), ensure_ascii=False), event_id))

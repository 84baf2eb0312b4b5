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
from collections import defaultdict

from marsad.cluster.entities import cluster_entities
from marsad.records import Entity, Event
from marsad.store import Store

log = logging.getLogger(__name__)


def merge_store_entities(store: Store) -> dict[str, str]:
    """Cluster the stored entities and fold each merged one into its canonical entity; returns
    the {old id: canonical id} pairs that moved."""
    entities = [Entity.from_dict(record) for record in store.iter_records("entities")]
    mapping = cluster_entities(entities, _document_scopes(store))
    moved = {old: new for old, new in mapping.items() if old != new}
    if not moved:
        return moved
    by_id = {entity.id: entity for entity in entities}
    with store.transaction():
        for old, new in moved.items():
            _fold(store, by_id.get(old), by_id.get(new))
            store.conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (new, old))
            store.conn.execute("DELETE FROM entities WHERE id = ?", (old,))
        _relink_event_actors(store, moved)
    log.info("folded %d provisional entities into others", len(moved))
    return moved


def _document_scopes(store: Store) -> dict[str, set[str]]:
    """Entity id -> the documents that mention it (chooses between full names sharing a surname)."""
    scopes: dict[str, set[str]] = defaultdict(set)
    for entity_id, doc_id in store.conn.execute(
            "SELECT DISTINCT entity_id, doc_id FROM mentions WHERE entity_id IS NOT NULL"):
        scopes[entity_id].add(doc_id)
    return scopes


def _fold(store: Store, old: Entity | None, target: Entity | None) -> None:
    if old is None or target is None:
        return
    target.variants = sorted(set(target.variants) | set(old.variants) | {old.name_ar})
    store.save_entity(target)


def _relink_event_actors(store: Store, moved: dict[str, str]) -> None:
    """Event actors that name a folded entity point at its canonical one (the API lists an
    entity's events by these ids)."""
    rows = store.conn.execute("SELECT id, record FROM events").fetchall()
    for row in rows:
        event = Event.from_dict(json.loads(row["record"]))
        changed = False
        for actor in (event.actor1, event.actor2, *event.assoc_actor1, *event.assoc_actor2):
            if actor is not None and actor.entity_id in moved:
                actor.entity_id = moved[actor.entity_id]
                changed = True
        if changed:
            store.conn.execute("UPDATE events SET record = ? WHERE id = ?",
                               (json.dumps(event.to_dict(), ensure_ascii=False), row["id"]))

"""The cross-document pass of `marsad run` (marsad.cluster.wiring.run_cross_document) as Spark jobs.

Every step runs the single-machine algorithm itself, unchanged, on the executors, over blocks that
provably cannot interact, so the result is the single-machine one (docs/spark.md, "Equality"):

1. **Entity clustering** (`cluster_entities`) never joins entities of different types and ignores
   places: the entities (with the documents that mention them, the `scopes`) are grouped by type and
   clustered per group. The {old id: canonical id} pairs that move are an RDD; they are applied by
   joins, as `entity_store.merge_store_entities` does: a folded entity's names become its target's
   variants, its row goes, mentions and event actors point at the target.
2. **Event merging** (`merge_events`) is greedy and order-dependent, so a block must hold every event
   a merge could ever connect, each block processed in the store's order (date_start, id). The block
   key (see `event_blocks`) is (family, modality, date component, country part): a merged event keeps
   its members' family and modality and takes its date and place from one of its members, so an
   event that joins it agrees (dates ±MERGE_DAYS, places) with at least one member; components of
   those agreement graphs therefore contain whole merged events.
3. **Disputes** (`link_disputes`) look only within an event's family, except for links the extractor
   made, which may name any event: the blocks are the connected components of families joined by
   such links.
4. **Stories** (`build_stories`) are connected components over shared documents, disputes and named
   actors (the first earlier event of the actor within STORY_DAYS, in merged-list order); the edges
   are computed per document / per actor and the components by label propagation with shortcutting.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

from marsad.records import Entity, Event

MAX_CC_ROUNDS = 200


# ---------------------------------------------------------------------------- connected components


def components(spark, edges, nodes=None):  # noqa: ANN001, ANN201
    """DataFrame (node, label): label = the smallest node of its connected component, for an edge
    DataFrame (src, dst) of strings (plus isolated `nodes`, a DataFrame (node)). Min-label
    propagation with pointer jumping (each round's labels checkpointed, so plans stay small): labels only decrease and stay inside the component, and the
    loop stops when every edge has equal labels at both ends."""
    from pyspark.sql import functions as F

    both = edges.select("src", "dst").unionByName(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst")))
    both = both.where(F.col("src").isNotNull() & F.col("dst").isNotNull()).distinct().localCheckpoint()
    all_nodes = both.select(F.col("src").alias("node"))
    if nodes is not None:
        all_nodes = all_nodes.unionByName(nodes.select("node"))
    labels = all_nodes.distinct().withColumn("label", F.col("node")).localCheckpoint()
    for _ in range(MAX_CC_ROUNDS):
        spread = both.join(labels, both.dst == labels.node).select(F.col("src").alias("node"), F.col("label").alias("l2"))
        new = labels.join(spread, "node", "left").groupBy("node").agg(
            F.least(F.min("label"), F.coalesce(F.min("l2"), F.min("label"))).alias("label"))
        hop = new.select(F.col("node").alias("h"), F.col("label").alias("hl"))
        new = new.join(hop, new.label == hop.h, "left").select(
            "node", F.least("label", F.coalesce("hl", "label")).alias("label")).localCheckpoint()
        changed = new.join(labels.withColumnRenamed("label", "old"), "node").where("label != old").count()
        labels = new
        if not changed:
            break
    return labels


# ---------------------------------------------------------------------------- 1. entities


def cluster_block(block: Iterable[tuple[Entity, list[str]]]) -> Iterator[tuple[str, str]]:
    """One type's entities (with the documents that mention them) -> the (old, canonical) pairs that move."""
    from marsad.cluster.entities import cluster_entities

    items = list(block)
    entities = [entity for entity, _ in items]
    scopes = {entity.id: set(docs or ()) for entity, docs in items if docs}
    for old, new in cluster_entities(entities, scopes).items():
        if old != new:
            yield old, new


def entity_moves(entities, mentions, partitions: int):  # noqa: ANN001, ANN201
    """RDD (old id, canonical id) of the provisional entities clustering folds.

    `entities`: RDD (id, Entity) one record per id; `mentions`: RDD (entity_id, doc_id)."""
    from marsad.cluster.entities import CLUSTER_TYPES

    scopes = mentions.distinct(partitions).groupByKey(partitions).mapValues(sorted)
    return entities.filter(lambda kv: kv[1].type in CLUSTER_TYPES and not kv[0].startswith("place:")) \
        .leftOuterJoin(scopes, partitions) \
        .map(lambda kv: (kv[1][0].type, (kv[1][0], kv[1][1] or []))) \
        .groupByKey(partitions).flatMap(lambda kv: cluster_block(kv[1]))


def fold_entities(entities, moves, partitions: int):  # noqa: ANN001, ANN201
    """entity_store._fold for every move: RDD (id, Entity) without the folded ones, each target's
    variants joined by theirs and their names (and its own name, as the store's upsert adds it)."""
    extra = moves.join(entities, partitions).map(
        lambda kv: (kv[1][0], [*kv[1][1].variants, kv[1][1].name_ar])).reduceByKey(lambda a, b: a + b, partitions)

    def apply(pair: tuple[Entity, list[str] | None]) -> Entity:
        entity, names = pair
        if names:
            entity = copy.copy(entity)
            entity.variants = sorted(set(entity.variants) | set(names) | {entity.name_ar})
        return entity

    return entities.subtractByKey(moves, partitions).leftOuterJoin(extra, partitions).mapValues(apply)


def _actor_ids(event: Event) -> list[str]:
    return sorted({a.entity_id for a in (event.actor1, event.actor2, *event.assoc_actor1, *event.assoc_actor2)
                   if a is not None and a.entity_id})


def _relink(event: Event, moved: dict[str, str] | None) -> Event:
    if moved:
        for actor in (event.actor1, event.actor2, *event.assoc_actor1, *event.assoc_actor2):
            if actor is not None and actor.entity_id in moved:
                actor.entity_id = moved[actor.entity_id]
    return event


def relink_actors(events, moves, partitions: int):  # noqa: ANN001, ANN201
    """entity_store._relink_event_actors: events RDD (id, (pos, doc_id, Event)) with actors moved."""
    wanted = events.flatMap(lambda kv: [(entity_id, kv[0]) for entity_id in _actor_ids(kv[1][2])])
    per_event = wanted.join(moves, partitions).map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))) \
        .groupByKey(partitions).mapValues(dict)
    return events.leftOuterJoin(per_event, partitions).mapValues(
        lambda pair: (pair[0][0], pair[0][1], _relink(pair[0][2], pair[1])))


# ---------------------------------------------------------------------------- 2. event merging


def _day(value: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(value[:10]).toordinal() if value else None
    except ValueError:
        return None


def event_key_row(event: Event) -> tuple:
    """(id, family, modality, first day, last day, country or None, placeful-with-country)."""
    from marsad.cluster.events import _family

    start = _day(event.date.start)
    end = _day(event.date.end or event.date.start)
    country = event.location.country if event.location is not None else None
    return event.id, _family(event), event.modality or "", start, end, country


def event_blocks(spark, events):  # noqa: ANN001, ANN201
    """DataFrame (id, block): events of different blocks never merge.

    * family and modality: `same_event` requires both equal, and a merged event keeps them;
    * date component: two events' dates agree iff [start - MERGE_DAYS, end] intervals overlap
      (undated events agree with all: a block with one has a single component); a sweep in start order
      opens a component when the next start - MERGE_DAYS is past every earlier end;
    * country: two located events with different countries never agree (`_places_agree`); a component
      where every event has a country is split by country, one with a placeless or country-less event
      (which agrees with any place) stays whole."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from marsad.cluster.events import MERGE_DAYS

    rows = spark.createDataFrame(events.map(lambda kv: event_key_row(kv[1][2])),
                                 "id string, family string, modality string, s long, e long, country string")
    fam = Window.partitionBy("family", "modality")
    ordered = fam.orderBy("s", "e", "id")
    rows = rows.withColumn("undated", F.max(F.when(F.col("s").isNull() | F.col("e").isNull(), 1).otherwise(0)).over(fam))
    rows = rows.withColumn("reach", F.max("e").over(ordered.rowsBetween(Window.unboundedPreceding, -1)))
    rows = rows.withColumn("opens", F.when((F.col("undated") == 0) & (
        F.col("reach").isNull() | (F.col("s") - MERGE_DAYS > F.col("reach"))), 1).otherwise(0))
    rows = rows.withColumn("comp", F.when(F.col("undated") == 1, F.lit(0)).otherwise(
        F.sum("opens").over(ordered.rowsBetween(Window.unboundedPreceding, Window.currentRow))))
    comp = Window.partitionBy("family", "modality", "comp")
    rows = rows.withColumn("wild", F.max(F.when(F.col("country").isNull(), 1).otherwise(0)).over(comp))
    part = F.when(F.col("wild") == 1, F.lit("*")).otherwise(F.col("country"))
    return rows.select("id", F.concat_ws("|", "family", "modality", F.col("comp").cast("string"), part).alias("block"))


def _order(event: Event) -> tuple:
    """The store's `ORDER BY date_start, id` (NULL first, binary string order)."""
    return (event.date.start is not None, event.date.start or "", event.id)


def merge_block(items: Iterable[tuple[str, tuple[int, str, Event]]]) -> Iterator[tuple]:
    """merge_events over one block in store order. Yields ('m', merged id, (order, Event)) for each merged
    event (order: its first member's store order, i.e. its place in the single-machine list)."""
    from marsad.cluster.events import merge_events

    events = sorted((Event.from_dict(json.loads(json.dumps(e.to_dict(), ensure_ascii=False)))
                     for _, (_, _, e) in items), key=_order)
    order = {e.id: _order(e) for e in events}
    merged = merge_events(events)
    for event in merged:
        yield "m", event.id, (order[event.id], event)


def report_links(events, merged, partitions: int):  # noqa: ANN001, ANN201
    """RDD (event id, merged id) as wiring.merge_store_events finds them: a report (doc, start) belongs
    to the last merged event in list order that has it; an event goes to the merged event of its first
    report that has one."""
    owner = merged.flatMap(lambda kv: [((r.doc, r.start), (kv[1][0], kv[0])) for r in kv[1][1].reports]) \
        .reduceByKey(max, partitions)
    asked = events.flatMap(lambda kv: [((r.doc, r.start), (kv[0], n)) for n, r in enumerate(kv[1][2].reports)])
    return asked.join(owner, partitions).map(lambda kv: (kv[1][0][0], (kv[1][0][1], kv[1][1][1]))) \
        .reduceByKey(min, partitions).mapValues(lambda pair: pair[1])


def _remap_foreign(event: Event, id_map: dict[str, str] | None) -> Event:
    """remap_disputes for the ids merged in other blocks (the block's own are already mapped); the
    toll disputes settle_figures added stay where they are."""
    from marsad.cluster.events import remap_disputes

    if id_map:
        remap_disputes(event, id_map, keep_tolls=True)
    return event


def _refs(event: Event) -> list[str]:
    return sorted({d.get(role) for d in event.disputes for role in ("a", "b")
                   if d.get("kind") != "toll" and isinstance(d.get(role), str)} - {event.id})


def merge_all(spark, events, partitions: int):  # noqa: ANN001, ANN201
    """RDD (merged id, (order, Event)) after merging and the cross-block dispute remap, and the
    RDD (event id, merged id) of links."""
    blocks = event_blocks(spark, events).rdd.map(lambda r: (r.id, r.block))
    out = events.join(blocks, partitions).map(lambda kv: (kv[1][1], (kv[0], kv[1][0]))) \
        .groupByKey(partitions).flatMap(lambda kv: merge_block(kv[1])).persist()
    merged = out.filter(lambda t: t[0] == "m").map(lambda t: (t[1], t[2]))
    links = report_links(events, merged, partitions)
    wanted = merged.flatMap(lambda kv: [(ref, kv[0]) for ref in _refs(kv[1][1])])
    id_maps = wanted.join(links, partitions).map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))) \
        .groupByKey(partitions).mapValues(dict)
    merged = merged.leftOuterJoin(id_maps, partitions).mapValues(
        lambda pair: (pair[0][0], _remap_foreign(pair[0][1], pair[1])))
    return merged, links


# ---------------------------------------------------------------------------- 3. disputes


def dispute_block(items: Iterable[tuple[tuple, Event]]) -> Iterator[tuple[str, tuple[tuple, Event]]]:
    from marsad.cluster.events import link_disputes

    ordered = sorted(items, key=lambda oe: oe[0])
    events = [event for _, event in ordered]
    link_disputes(events)
    for order, event in ordered:
        yield event.id, (order, event)


def link_all(spark, merged, partitions: int):  # noqa: ANN001, ANN201
    """link_disputes per component of families joined by extractor dispute links."""
    from marsad.cluster.events import _family

    fams = merged.mapValues(lambda oe: _family(oe[1])).persist()
    refs = merged.flatMap(lambda kv: [(ref, _family(kv[1][1])) for ref in _refs(kv[1][1])])
    edges = spark.createDataFrame(refs.join(fams, partitions).map(lambda kv: (kv[1][0], kv[1][1])),
                                  "src string, dst string")
    nodes = spark.createDataFrame(fams.map(lambda kv: (kv[1],)), "node string").distinct()
    label = components(spark, edges, nodes).rdd.map(lambda r: (r.node, r.label))
    keyed = merged.join(fams, partitions).map(lambda kv: (kv[1][1], kv[1][0])).join(label, partitions) \
        .map(lambda kv: (kv[1][1], kv[1][0]))
    done = keyed.groupByKey(partitions).flatMap(lambda kv: dispute_block(kv[1]))
    return done


# ---------------------------------------------------------------------------- 4. stories


def _actor_edges(items: Iterable[tuple[tuple, str, Event]]) -> Iterator[tuple[str, str]]:
    """build_stories' actor rule for one actor key: each event joins the first earlier one (merged-list
    order) whose dates agree within STORY_DAYS."""
    from marsad.cluster.events import STORY_DAYS, _dates_agree

    ordered = sorted(items, key=lambda t: t[0])
    for i, (_, event_id, event) in enumerate(ordered):
        for _, other_id, other in ordered[:i]:
            if _dates_agree(other, event, STORY_DAYS):
                yield event_id, other_id
                break


def _actor_keys(event: Event) -> list[str]:
    from marsad.cluster.events import _actor_key

    keys = [_actor_key(a) for a in (event.actor1, event.actor2)]
    return list(dict.fromkeys(k for k in keys if k and not k.startswith("Civilians")))


def _first_edges(items: Iterable[tuple[tuple, str]]) -> Iterator[tuple[str, str]]:
    ordered = sorted(items)
    for _, event_id in ordered[1:]:
        yield event_id, ordered[0][1]


def story_of(spark, merged, partitions: int):  # noqa: ANN001, ANN201
    """DataFrame (node = merged id, label = smallest id of its story)."""
    lite = merged.mapValues(lambda oe: (oe[0], oe[1])).persist()
    by_doc = lite.flatMap(lambda kv: [(doc, (kv[1][0], kv[0])) for doc in {r.doc for r in kv[1][1].reports}]) \
        .groupByKey(partitions).flatMap(lambda kv: _first_edges(kv[1]))
    disputes = lite.flatMap(lambda kv: [(ref, kv[0]) for ref in _refs(kv[1][1])]).join(lite, partitions) \
        .map(lambda kv: (kv[1][0], kv[0]))
    actors = lite.flatMap(lambda kv: [(key, (kv[1][0], kv[0], kv[1][1])) for key in _actor_keys(kv[1][1])]) \
        .groupByKey(partitions).flatMap(lambda kv: _actor_edges(kv[1]))
    edges = spark.createDataFrame(by_doc.union(disputes).union(actors), "src string, dst string")
    nodes = spark.createDataFrame(lite.map(lambda kv: (kv[0],)), "node string")
    labels = components(spark, edges, nodes)
    lite.unpersist()
    return labels


def story_record(label: str, members: Iterable[tuple[tuple, Event]]) -> dict[str, Any]:
    from marsad.cluster.wiring import _story_title

    events = [event for _, event in sorted(members, key=lambda oe: oe[0])]
    dates = sorted(d for event in events for d in (event.date.start, event.date.end) if d)
    return {"id": "st-" + hashlib.blake2b(label.encode(), digest_size=6).hexdigest(),
            "events": sorted(event.id for event in events),
            "docs": sorted({r.doc for event in events for r in event.reports}),
            "date_start": dates[0] if dates else None, "date_end": dates[-1] if dates else None,
            "title": _story_title(events)}


def group_stories(merged, labels, partitions: int):  # noqa: ANN001, ANN201
    """RDD of story dicts and RDD (merged id, story id)."""
    label = labels.rdd.map(lambda r: (r.node, r.label))
    by_story = merged.join(label, partitions).map(lambda kv: (kv[1][1], kv[1][0])).groupByKey(partitions) \
        .map(lambda kv: story_record(kv[0], kv[1]))
    of = by_story.flatMap(lambda story: [(event_id, story["id"]) for event_id in story["events"]])
    return by_story, of

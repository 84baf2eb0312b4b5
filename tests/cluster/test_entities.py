"""Cross-document clustering of the entities the KB lacks (marsad.cluster.entities)."""

from __future__ import annotations

import random

from marsad.cluster.entities import cluster_entities
from marsad.entities.kb import name_tokens
from marsad.entities.linking import provisional_id
from marsad.records import Entity


def new(kind: str, name: str, *variants: str) -> Entity:
    """A provisional entity as the linker makes it: id from the name's skeleton."""
    return Entity(provisional_id(kind, name_tokens(name)), kind, name, variants=list(variants))


def test_surname_alone_goes_to_the_one_full_name() -> None:
    full = new("PERS", "رضوان الحلبي")
    alone = new("PERS", "الحلبي")
    other = new("PERS", "مازن قطيني")
    mapping = cluster_entities([full, alone, other])
    assert mapping[alone.id] == full.id
    assert mapping[full.id] == full.id
    assert mapping[other.id] == other.id


def test_surname_shared_by_two_full_names_stays_alone() -> None:
    a, b = new("PERS", "رضوان الحلبي"), new("PERS", "نادر الحلبي")
    alone = new("PERS", "الحلبي")
    mapping = cluster_entities([a, b, alone])
    assert mapping[alone.id] == alone.id
    assert mapping[a.id] != mapping[b.id]


def test_scopes_choose_among_full_names_sharing_a_surname() -> None:
    a, b = new("PERS", "رضوان الحلبي"), new("PERS", "نادر الحلبي")
    alone = new("PERS", "الحلبي")
    scopes = {a.id: {"doc1"}, b.id: {"doc2"}, alone.id: {"doc2"}}
    assert cluster_entities([a, b, alone], scopes)[alone.id] == b.id


def test_two_people_sharing_a_surname_variant_are_not_merged() -> None:
    # each document saw its person in full and then by surname
    a = new("PERS", "رضوان الحلبي", "الحلبي")
    b = new("PERS", "نادر الحلبي", "الحلبي")
    mapping = cluster_entities([a, b])
    assert mapping[a.id] != mapping[b.id]


def test_acronym_goes_to_its_expansion() -> None:
    full = new("ORG", "جبهة تحرير الساحل")
    acronym = new("ORG", "جتس")
    mapping = cluster_entities([full, acronym])
    assert mapping[acronym.id] == full.id


def test_acronym_never_crosses_types() -> None:
    full = new("ORG", "جبهة تحرير الساحل")
    assert cluster_entities([full, new("PERS", "جتس")])[provisional_id("PERS", ["جتس"])] != full.id


def test_same_name_with_clitic_and_spelling_variants_join() -> None:
    a = new("ORG", "الأكراد")
    b = Entity("new:org:other", "ORG", "والأكراد")
    c = new("PERS", "إيغور سافتشينكو")
    d = new("PERS", "ايجور سافتشينكو")  # غ/ج, hamza
    mapping = cluster_entities([a, b, c, d])
    assert mapping[b.id] == mapping[a.id]
    assert mapping[c.id] == mapping[d.id]


def test_never_across_types_and_places_left_alone() -> None:
    person = new("PERS", "رضوان الحلبي")
    org = new("ORG", "رضوان الحلبي")
    place = Entity("place:gn:1", "LOC", "الحلبي")
    mapping = cluster_entities([person, org, place])
    assert mapping[person.id] != mapping[org.id]
    assert "place:gn:1" not in mapping


def test_kb_entities_are_targets_never_remapped_nor_merged_together() -> None:
    kb = Entity("kb:sdf", "ORG", "قوات سوريا الديمقراطية", "Syrian Democratic Forces")
    acronym = new("ORG", "قسد")
    same = new("ORG", "قوات سورية الديموقراطية")
    kb2 = Entity("kb:x", "PERS", "فلان الفلاني")
    kb3 = Entity("kb:y", "PERS", "علان الفلاني")
    bridge = new("PERS", "الفلاني")
    mapping = cluster_entities([kb, acronym, same, kb2, kb3, bridge])
    assert mapping[acronym.id] == "kb:sdf"
    assert mapping[same.id] == "kb:sdf"
    assert mapping[bridge.id] == bridge.id
    assert "kb:sdf" not in mapping


def test_records_of_one_id_from_several_documents_pool_their_names() -> None:
    full = new("PERS", "رضوان الحلبي")
    first_doc = Entity(full.id, "PERS", "رضوان الحلبي")
    second_doc = Entity(full.id, "PERS", "رضوان الحلبي", variants=["الحلبي"])
    alone = new("PERS", "الحلبي")
    assert cluster_entities([first_doc, second_doc, alone])[alone.id] == full.id


def test_result_does_not_depend_on_order_and_is_near_linear() -> None:
    people = [new("PERS", f"رضوان الحلبي{chr(0x628 + i % 20)}{i}") for i in range(3000)]
    items = [*people, new("PERS", "الحلبي"), new("ORG", "جبهة تحرير الساحل"), new("ORG", "جتس")]
    one = cluster_entities(items)
    random.Random(1).shuffle(items)
    assert cluster_entities(items) == one


def test_bad_input_does_not_crash() -> None:
    assert cluster_entities([]) == {}
    junk = [Entity("new:pers:a", "PERS", ""), Entity("new:org:b", "ORG", "x" * 10_000),
            Entity("new:misc:c", "MISC", "؟؟؟"), Entity("new:pers:d", "PERS", "John Smith")]
    mapping = cluster_entities(junk)
    assert set(mapping) == {e.id for e in junk}

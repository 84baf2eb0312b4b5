"""The store-side entity clustering: a surname-only person in one article folds into the full name
another article gave, with its mentions and event actors; a re-run changes nothing."""

from __future__ import annotations

from pathlib import Path

from marsad.cluster.entity_store import merge_store_entities
from marsad.records import Actor, Document, Entity, Event, Mention
from marsad.store import Store

FULL = "new:PERS:full"
SURNAME = "new:PERS:surname"


def _doc(doc_id: str, text: str, name: str, entity_id: str, event: Event | None = None) -> Document:
    start = text.index(name)
    doc = Document(id=doc_id, source=doc_id, text=text, content_hash=doc_id,
                   mentions=[Mention(start=start, end=start + len(name), text=name, type="PERS", entity_id=entity_id)])
    if event is not None:
        doc.events.append(event)
    return doc


def test_surname_folds_into_the_full_name(tmp_path: Path) -> None:
    # Sentences written for this test: "Commander Talal Sello said ..." / "Sello added ...".
    first = _doc("a", "قال القائد طلال سلو إن المعارك مستمرة.", "طلال سلو", FULL)
    event = Event(id="a-e1", type="Statement", actor1=Actor(name_ar="سلو", entity_id=SURNAME))
    second = _doc("b", "وأضاف سلو أن القوات تقدمت.", "سلو", SURNAME, event)
    with Store(tmp_path / "m.db") as store:
        with store.transaction():
            store.save_document(first, [Entity(id=FULL, type="PERS", name_ar="طلال سلو")])
            store.save_document(second, [Entity(id=SURNAME, type="PERS", name_ar="سلو")])
        moved = merge_store_entities(store)
        assert moved == {SURNAME: FULL}
        ids = {row[0] for row in store.conn.execute("SELECT id FROM entities")}
        assert ids == {FULL}
        assert {row[0] for row in store.conn.execute("SELECT entity_id FROM mentions")} == {FULL}
        record = store.conn.execute("SELECT record FROM events WHERE id = 'a-e1'").fetchone()[0]
        assert FULL in record and SURNAME not in record
        variants = store.conn.execute("SELECT record FROM entities").fetchone()[0]
        assert "سلو" in variants
        assert merge_store_entities(store) == {}  # idempotent


def test_two_full_names_stay_apart(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        with store.transaction():
            store.save_document(_doc("a", "وصل طلال سلو.", "طلال سلو", "new:PERS:a"),
                                [Entity(id="new:PERS:a", type="PERS", name_ar="طلال سلو")])
            store.save_document(_doc("b", "وصل أحمد سلو.", "أحمد سلو", "new:PERS:b"),
                                [Entity(id="new:PERS:b", type="PERS", name_ar="أحمد سلو")])
        assert merge_store_entities(store) == {}

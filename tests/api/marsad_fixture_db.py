"""A small made-up marsad database built through the Store API, so that the API and page tests
do not depend on the pipeline's stages. The sentences are invented for the tests."""

from __future__ import annotations

from pathlib import Path

from marsad.records import (
    Actor,
    Document,
    Entity,
    Event,
    EventDate,
    Evidence,
    Location,
    Mention,
    PlaceMention,
    Published,
    Span,
    TimeExpression,
    Toll,
)
from marsad.store import Store

RAQQA = Location(name_ar="الرقة", name_en="Raqqa", admin1="Ar-Raqqa", country="Syria", lat=35.95, lon=39.01,
                 precision=1, gazetteer_id="g-raqqa", feature="city")
DARAA = Location(name_ar="درعا", name_en="Daraa", admin1="Dar'a", country="Syria", lat=32.62, lon=36.10,
                 precision=1, gazetteer_id="g-daraa", feature="city")
IDLIB = Location(name_ar="إدلب", name_en="Idlib", admin1="Idleb", country="Syria", lat=35.93, lon=36.63,
                 precision=2, gazetteer_id="g-idlib", feature="city")

ARMY = Entity(id="ent-army", type="ORG", name_ar="الجيش السوري", name_en="Syrian Army")
MINISTRY = Entity(id="ent-mod", type="ORG", name_ar="وزارة الدفاع", name_en="Ministry of Defence")
RAQQA_ENTITY = Entity(id="ent-raqqa", type="LOC", name_ar="الرقة", name_en="Raqqa", lat=35.95, lon=39.01)

# (id, outlet, published, title, text)
ARTICLES = [
    ("doc-a", "outlet-a", "2024-03-04", "قصف على سوق في الرقة",
     "قُتل خمسة مدنيين في قصف جوي على سوق شعبية في مدينة الرقة يوم الاثنين. "
     "وقالت مصادر محلية إن الطائرات استهدفت السوق وقت الذروة."),
    ("doc-b", "outlet-b", "2024-03-04", "غارة بالرقة",
     "أفاد مرصد محلي بمقتل تسعة أشخاص بالرقة جراء غارة جوية على سوق شعبية. "
     "ونفت وزارة الدفاع أي علاقة لها بالهجوم."),
    ("doc-c", "outlet-a", "2024-03-10", "مظاهرة في درعا",
     "تظاهر مئات الأشخاص في مدينة درعا للمطالبة بالإفراج عن المعتقلين. ولم تسجل أي إصابات."),
    ("doc-d", "outlet-c", "2024-04-02", "اشتباكات في ريف إدلب",
     "اندلعت اشتباكات بين الجيش السوري وفصائل المعارضة في ريف إدلب، ما أدى إلى مقتل ثلاثة مقاتلين "
     "وإصابة أربعة آخرين."),
]


def sentence_spans(text: str) -> list[Span]:
    spans, start = [], 0
    for index, char in enumerate(text):
        if char == ".":
            while start < index and text[start] == " ":
                start += 1
            spans.append(Span(start, index + 1, text[start:index + 1]))
            start = index + 1
    return spans


def evidence(doc_id: str, text: str, sentence: int) -> Evidence:
    span = sentence_spans(text)[sentence]
    return Evidence(doc_id, span.start, span.end, span.text)


def found(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def build_documents() -> dict[str, Document]:
    docs = {}
    for doc_id, outlet, published, title, text in ARTICLES:
        docs[doc_id] = Document(id=doc_id, source=f"fixture/{doc_id}.txt", text=text, outlet=outlet, title=title,
                                published=Published(date=published, precision="day", basis="metadata"),
                                content_hash=f"hash-{doc_id}", sentences=sentence_spans(text),
                                removed=["اقرأ أيضا"] if doc_id == "doc-a" else [])
    a, b, c, d = (docs[k] for k in ("doc-a", "doc-b", "doc-c", "doc-d"))

    start, end = found(a.text, "الرقة")
    a.places.append(PlaceMention(start, end, "الرقة", RAQQA, entity_id="ent-raqqa"))
    a.mentions.append(Mention(start, end, "الرقة", "LOC", entity_id="ent-raqqa"))
    start, end = found(a.text, "يوم الاثنين")
    a.times.append(TimeExpression(start, end, "يوم الاثنين", "2024-03-04", "2024-03-04", "day"))
    start, end = found(a.text, "قصف")
    a.events.append(Event(
        id="ev-a1", type="Explosions/Remote violence", sub_type="Air/drone strike",
        date=EventDate("2024-03-04", "2024-03-04", "day"), location=RAQQA, target_civilians=True,
        killed=Toll(5, "exact", text="خمسة", source="outlet-a"), attributed_to="مصادر محلية",
        trigger=Span(start, end, "قصف"), reports=[evidence("doc-a", a.text, 0)], doc="doc-a"))

    start, end = found(b.text, "وزارة الدفاع")
    b.mentions.append(Mention(start, end, "وزارة الدفاع", "ORG", entity_id="ent-mod"))
    b.events.append(Event(
        id="ev-b1", type="Explosions/Remote violence", sub_type="Air/drone strike",
        date=EventDate("2024-03-04", "2024-03-04", "day"), location=RAQQA,
        killed=Toll(9, "exact", text="تسعة", source="مرصد محلي"), attributed_to="مرصد محلي",
        reports=[evidence("doc-b", b.text, 0)], doc="doc-b"))
    b.events.append(Event(
        id="ev-b2", type="Explosions/Remote violence", sub_type="Air/drone strike", modality="denied",
        date=EventDate("2024-03-04", "2024-03-04", "day"), location=RAQQA,
        actor1=Actor("وزارة الدفاع", "Ministry of Defence", "ent-mod"), attributed_to="وزارة الدفاع",
        reports=[evidence("doc-b", b.text, 1)], doc="doc-b"))

    c.events.append(Event(
        id="ev-c1", type="Protests", sub_type="Peaceful protest", date=EventDate("2024-03-10", "2024-03-10", "day"),
        location=DARAA, reports=[evidence("doc-c", c.text, 0)], doc="doc-c"))

    start, end = found(d.text, "الجيش السوري")
    d.mentions.append(Mention(start, end, "الجيش السوري", "ORG", entity_id="ent-army"))
    d.events.append(Event(
        id="ev-d1", type="Battles", sub_type="Armed clash", date=EventDate("2024-04-02", "2024-04-02", "day"),
        location=IDLIB, actor1=Actor("الجيش السوري", "Syrian Army", "ent-army"),
        actor2=Actor("فصائل المعارضة", "Opposition factions"),
        killed=Toll(3, "exact", text="ثلاثة"), injured=Toll(4, "exact", text="أربعة"),
        reports=[evidence("doc-d", d.text, 0)], doc="doc-d"))
    return docs


STORY_ID = "story-raqqa-market"


def merged_events(docs: dict[str, Document]) -> tuple[list[Event], list[dict], list[tuple[str, str]]]:
    a1, b1, b2 = docs["doc-a"].events[0], docs["doc-b"].events[0], docs["doc-b"].events[1]
    strike = Event(
        id="m-strike", type="Explosions/Remote violence", sub_type="Air/drone strike",
        date=EventDate("2024-03-04", "2024-03-04", "day"), location=RAQQA, target_civilians=True,
        killed=Toll(5, "at_least", source="outlet-a"), tolls=[a1.killed, b1.killed],
        reports=[*a1.reports, *b1.reports, *b2.reports],
        disputes=[{"kind": "toll", "a": "doc-a", "b": "doc-b", "note": "5 vs 9 killed"},
                  {"kind": "denial", "a": "doc-b", "b": "doc-b", "note": "the ministry denies the strike"}])
    protest = Event(id="m-protest", type="Protests", sub_type="Peaceful protest",
                    date=EventDate("2024-03-10", "2024-03-10", "day"), location=DARAA,
                    reports=docs["doc-c"].events[0].reports)
    clash = Event(id="m-clash", type="Battles", sub_type="Armed clash", date=EventDate("2024-04-02", "2024-04-02", "day"),
                  location=IDLIB, actor1=docs["doc-d"].events[0].actor1, actor2=docs["doc-d"].events[0].actor2,
                  killed=Toll(3), injured=Toll(4), reports=docs["doc-d"].events[0].reports)
    undated = Event(id="m-nowhere", type="Strategic developments", sub_type="Other", reports=[])
    story = {"id": STORY_ID, "title": "قصف سوق الرقة", "date_start": "2024-03-04", "date_end": "2024-03-04",
             "events": ["m-strike"]}
    links = [("ev-a1", "m-strike"), ("ev-b1", "m-strike"), ("ev-b2", "m-strike"), ("ev-c1", "m-protest"),
             ("ev-d1", "m-clash")]
    return [strike, protest, clash, undated], [story], links


def build_fixture_db(path: Path) -> Path:
    docs = build_documents()
    entities = {"doc-a": [RAQQA_ENTITY], "doc-b": [MINISTRY], "doc-c": [], "doc-d": [ARMY]}
    with Store(path) as store:
        for doc_id, doc in docs.items():
            with store.transaction():
                store.save_document(doc, entities[doc_id])
        merged, stories, links = merged_events(docs)
        with store.transaction():
            store.replace_merged(merged, stories, links, story_of={"m-strike": STORY_ID})
    return path

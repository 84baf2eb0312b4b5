"""annotate_places(): spans, relations, links to LOC mentions, common words, unplaced names."""

from __future__ import annotations

from marsad.geo import annotate_places
from marsad.records import Document, Mention


def annotate(text: str, mentions: list[Mention] | None = None) -> Document:
    doc = Document(id="t", source="t", text=text, mentions=mentions or [])
    annotate_places(doc)
    return doc


def by_text(doc: Document) -> dict[str, object]:
    return {p.text: p for p in doc.places}


def test_relations_and_precision() -> None:
    doc = annotate("قصفت الطائرات مدينة معدان على بعد نحو 40 كم جنوب شرقي الرقة، "
                   "وهاجم التنظيم تلال الطفحة شرق مدينة حمص بنحو 70 كم، ودارت معارك في ريف حلب الشمالي.")
    places = by_text(doc)
    assert places["معدان"].location.precision == 1
    distance = places["على بعد نحو 40 كم جنوب شرقي الرقة"]
    assert distance.relation == "distance" and distance.anchor == "الرقة" and distance.location.precision == 2
    assert places["شرق مدينة حمص بنحو 70 كم"].relation == "distance"
    assert places["ريف حلب الشمالي"].relation == "countryside"
    # the village the gazetteer lacks borrows the anchor of the distance phrase after it
    assert places["الطفحة"].location.name_en == "Homs" and places["الطفحة"].location.precision == 2


def test_unknown_villages_are_reported_without_location() -> None:
    doc = annotate("تركزت الغارات على قرى الخميسية والجابر ومقلة كبير في ريف الرقة.")
    places = by_text(doc)
    for name in ("الخميسية", "الجابر", "مقلة كبير"):
        assert name in places and places[name].location is None


def test_surname_and_common_words_are_not_places() -> None:
    doc = annotate("قال محمد الجابر إن الأمن في الوطن أولوية، وإن الشمال والجنوب شركاء في بيان دولي.")
    assert [p for p in doc.places if p.location is not None] == []


def test_links_ner_mentions_and_creates_gazetteer_mentions() -> None:
    text = "وصل الوفد إلى دمشق ثم توجه إلى حمص."
    ner = Mention(text.index("دمشق"), text.index("دمشق") + 4, "دمشق", "LOC")
    doc = annotate(text, [ner])
    assert ner.entity_id and ner.entity_id.startswith("place:")
    homs = [m for m in doc.mentions if m.text == "حمص"]
    assert homs and homs[0].source == "gazetteer" and homs[0].type == "LOC"
    assert {p.entity_id for p in doc.places} == {ner.entity_id, homs[0].entity_id}


def test_ner_loc_vouches_for_a_common_word_and_pers_blocks() -> None:
    text = "سيطرت القوات على الباب. وقال أحمد حمص إن المعارك مستمرة."
    bab = Mention(text.index("الباب"), text.index("الباب") + 5, "الباب", "LOC")
    person = Mention(text.index("أحمد حمص"), text.index("أحمد حمص") + 8, "أحمد حمص", "PERS")
    doc = annotate(text, [bab, person])
    places = by_text(doc)
    assert places["الباب"].location.country == "Syria"
    assert "حمص" not in places


def test_empty_latin_and_long_documents() -> None:
    assert annotate("").places == []
    assert annotate("Latin text about Damascus only.").places == []
    long_doc = annotate("قصف في دمشق. " * 5000)
    assert len(long_doc.places) == 5000

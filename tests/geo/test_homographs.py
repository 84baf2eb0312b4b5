"""Words read as places: homographs, organisation names, relative descriptions, clitic readings, names.

Sentences are invented; each pins one general mechanism of marsad.geo (issue 4 error classes)."""

from __future__ import annotations

from marsad.geo import annotate_places
from marsad.geo.gazetteer import Gazetteer, name_key
from marsad.geo.geocode import geocode
from marsad.records import Document, Mention


def annotate(text: str, mentions: list[Mention] | None = None) -> Document:
    doc = Document(id="t", source="t", text=text, mentions=mentions or [])
    annotate_places(doc)
    return doc


def placed(doc: Document) -> dict[str, str | None]:
    return {p.text: (p.location.name_en if p.location else None) for p in doc.places}


# 1. common words ---------------------------------------------------------------------------------


def test_military_division_is_not_raqqa() -> None:
    doc = annotate("وصلت فرقة من الجيش إلى حماة، وانتشرت الفرقة الرابعة قرب المطار.")
    assert "رقة" not in placed(doc) and placed(doc)["حماة"] == "Ḩamāh"
    # Raqqa itself, written with its article, is still a place
    assert placed(annotate("قصفت الطائرات مدينة الرقة أمس."))["الرقة"] == "Ar Raqqah"


def test_nouns_and_first_names_listed_as_common_words() -> None:
    doc = annotate("أكد الوزير أن التحالف العربي يدعم الحكومة، وأن حركة احتجاجية بدأت بجانب بركة السباحة "
                   "تحت الشجرة، وغنت ديانا في الحفل، وقال باسكال إن البرج الجديد جاهز، وسافر بأمان.")
    assert placed(doc) == {}


def test_common_word_after_place_word_is_a_place() -> None:
    assert placed(annotate("وصلت القافلة إلى محافظة البرك على الساحل."))["محافظة البرك"] == "Al Birk"


def test_article_is_not_read_off_a_name() -> None:
    """"السباق المالي" is the financial race, not Mali; "الشعب" the people, not a village."""
    doc = annotate("تقدم المرشح في السباق المالي، وتحدث الرئيس إلى الشعب الأمريكي عن الاستقرار المالي.")
    assert placed(doc) == {}
    assert placed(annotate("زار الوزير مالي والنيجر."))["مالي"] == "Mali"
    # a name that takes the article is listed with it: Khartoum
    assert placed(annotate("وصل الوفد إلى الخرطوم أمس."))["الخرطوم"] == "Khartoum"


def test_conjunction_after_a_place_word_starts_a_clause() -> None:
    doc = annotate("أي تحرك عسكري في أي منطقة فسوف يتم التصدي له.")
    assert placed(doc) == {}


def test_country_reading_beats_a_village_after_a_clitic() -> None:
    """"لبنان" in a document about Syria is Lebanon, not ل + a Syrian village named بنان."""
    doc = annotate("تقع مدينة الزبداني في ريف دمشق الغربي قرب الحدود مع لبنان، وتقصفها قوات النظام السوري.")
    assert placed(doc)["لبنان"] == "Lebanon"


# 2. organisations named after a place ----------------------------------------------------------------


def test_institution_named_after_a_place_is_not_a_place_mention() -> None:
    doc = annotate("تخرج الطلاب في جامعة الأنبار، ونقل المصاب إلى مستشفى الرس العام، وفاز نادي أبها.")
    assert placed(doc) == {}


def test_institution_named_after_a_place_with_ner_loc_is_not_reported() -> None:
    text = "تخرج الطلاب في جامعة الأنبار أمس."
    start = text.index("الأنبار")
    doc = annotate(text, [Mention(start, start + len("الأنبار"), "الأنبار", "LOC")])
    assert doc.places == []


def test_place_after_an_institution_with_a_preposition_is_a_place() -> None:
    doc = annotate("نقل المصاب إلى مستشفى الملك فهد بجدة، وهو في أحد مستشفيات إسرائيل.")
    assert placed(doc) == {"جدة": "Jeddah", "إسرائيل": "Israel"}


def test_municipality_of_a_region_stays_the_region() -> None:
    """The annotations take "أمانة منطقة الرياض" as the region (tests/heldout_README.md)."""
    assert placed(annotate("أعلنت أمانة منطقة الرياض عن مشروع جديد."))["منطقة الرياض"] == "Riyadh Region"


# 3. relative descriptions ---------------------------------------------------------------------------


def test_distance_before_a_direction_named_area_gives_the_anchor() -> None:
    for text in ("سقطت قذيفة على بلدة تبعد 60 كلم شرق حلب.", "وقع الانفجار على بعد 60 كيلومترا شرق حلب.",
                 "تقدمت القوات شرق حلب بنحو 60 كم."):
        places = annotate(text).places
        assert len(places) == 1, text
        p = places[0]
        assert p.location.name_en == "Aleppo" and p.location.precision == 2 and p.relation == "distance", text
        assert p.anchor == "حلب" and "60" in p.text, text


def test_distance_from_a_place() -> None:
    p = annotate("وقع الانفجار على بعد 80 كيلومترا من الرقة.").places[0]
    assert (p.location.name_en, p.location.precision, p.anchor) == ("Ar Raqqah", 2, "الرقة")


def test_geocode_distance_phrase_gives_the_anchor() -> None:
    loc = geocode("60 كلم شرق حلب")
    assert loc is not None and loc.name_en == "Aleppo" and loc.precision == 2


def test_reviving_is_not_neighbourhoods() -> None:
    """"لإحياء حفلين" (to hold two concerts) folds like "أحياء" (neighbourhoods): no unknown place."""
    assert [p.text for p in annotate("تستعد الفنانة لإحياء حفلين في دبي.").places] == ["دبي"]


# 4. names -------------------------------------------------------------------------------------------


def test_turkey_is_named_turkey() -> None:
    loc = geocode("تركيا")
    assert loc is not None and loc.name_en == "Turkey" and loc.country == "Turkey"
    istanbul = geocode("إسطنبول")
    assert istanbul is not None and istanbul.country == "Turkey"


# 5. Saudi governorates --------------------------------------------------------------------------------


def test_saudi_governorate_seats_added() -> None:
    gaz = Gazetteer.load()
    for name, lat, lon in (("بلقرن", 19.58, 41.96), ("محافظة البرك", 18.22, 41.54), ("موقق", 27.38, 41.18),
                           ("أحد المسارحة", 16.71, 42.96)):
        places = [p for p in gaz.candidates(name_key(name)) if p.country_code == "SA"]
        assert places and abs(places[0].lat - lat) < 0.05 and abs(places[0].lon - lon) < 0.05, name
    assert all(p.country_code == "SA" for p in gaz.candidates(name_key("البرك")))  # not Aalborg

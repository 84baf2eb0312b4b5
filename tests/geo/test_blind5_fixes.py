"""General causes of the blind batch 5 place errors (tests/heldout_README.md, batch 5), each pinned on an
invented sentence (no news text)."""

from __future__ import annotations

from marsad.geo import annotate_places
from marsad.records import Document


def annotate(text: str) -> Document:
    doc = Document(id="t", source="t", text=text)
    annotate_places(doc)
    return doc


def placed(doc: Document) -> dict[str, str | None]:
    return {p.text: (p.location.name_en if p.location else None) for p in doc.places}


def test_official_state_name_without_article_is_the_country() -> None:
    # "جمهورية X" / "مملكة X" with the common name, article or not, reach the country X
    assert placed(annotate("عقد الاتحاد ورشة للحكام في جمهورية تشيك مدة أسبوع."))["جمهورية تشيك"] == "Czechia"
    assert placed(annotate("وصل الوزير إلى جمهورية فرنسا مساء أمس."))["جمهورية فرنسا"] == "France"


def test_us_state_spelling_variants() -> None:
    doc = annotate("أعلنت شرطة ولاية كونيكتيكت أنها تبحث عن رجل فر إلى نيو جرسي ثم إلى ميريلند.")
    assert placed(doc) == {"كونيكتيكت": "Connecticut", "نيو جرسي": "New Jersey", "ميريلند": "Maryland"}


def test_us_state_spellings_found_after_the_word_state_in_saudinewsnet() -> None:
    # spellings the corpus writes after "ولاية" that the gazetteer lacked (scan of every third article)
    doc = annotate("زار المرشح ولاية مسيسبي ثم أركنسا وميرلاند وأوريقون ونيو هامبسير ومتشجن.")
    assert set(placed(doc).values()) == {"Mississippi", "Arkansas", "Maryland", "Oregon", "New Hampshire", "Michigan"}


def test_state_named_in_the_document_picks_its_town() -> None:
    doc = annotate("تعمل الشركة في كونيكتيكت منذ سنوات، وقد نقلت مخزنها إلى هامبتون في الولاية نفسها.")
    assert placed(doc)["هامبتون"] == "Hampton, Connecticut"
    doc = annotate("تعمل الشركة في فيرجينيا منذ سنوات، وقد نقلت مخزنها إلى هامبتون في الولاية نفسها.")
    assert placed(doc)["هامبتون"] == "Hampton"


def test_town_abroad_in_a_document_about_its_country() -> None:
    # Split (a GeoNames city under a million) after a stadium word, Zurich with a glued ب: places when the
    # document is about their country or names it (or its nationality) nearby
    doc = annotate("غرم الاتحاد منتخب كرواتيا بعد مباراته على ملعب سبليت أمام منتخب النرويج، "
                   "وقال مدرب كرواتيا إن الفريق سيعود إلى العاصمة.")
    assert placed(doc)["سبليت"] == "Split"
    doc = annotate("غادر المسؤول الأراضي السويسرية بعد اجتماع عقد الشهر الماضي بزيوريخ مع الوفد.")
    assert placed(doc)["زيوريخ"] == "Zürich"
    # bare, the name of a town abroad stays a club or a company
    assert "سبليت" not in placed(annotate("تعاقد فريق سبليت مع مدافع جديد من كرواتيا."))


def test_nationality_after_the_name_picks_the_country() -> None:
    doc = annotate("أقام الفريق معسكره الصيفي في ميرلو الهولندية وخاض مباراتين وديتين.")
    assert placed(doc)["ميرلو"] == "Meerlo"


def test_country_name_before_the_word_capital_is_the_city() -> None:
    doc = annotate("خططت الخلية لهجمات في سوسة وتونس العاصمة، بحسب بيان وزارة الداخلية في تونس.")
    tunis = [p.location.name_en for p in doc.places if p.text == "تونس" and p.location]
    assert tunis == ["Tunis", "Tunisia"]  # the capital before العاصمة, the country at the end


def test_bare_name_right_after_a_list_of_regions_is_the_region() -> None:
    doc = annotate("تتوقع الأرصاد أمطارا على مناطق عسير، والباحة، وجازان تمتد حتى نجران خلال اليومين المقبلين.")
    assert placed(doc)["نجران"] == "Najran Region"
    # the city where no list of regions comes before it
    assert placed(annotate("وصل الوزير إلى نجران أمس في زيارة رسمية."))["نجران"] == "Najrān"


def test_region_named_with_its_place_word_is_the_region_again_after_a_preposition() -> None:
    # عسير is also an adjective (common_words.txt); "بمنطقة عسير" names it, so "في عسير" later is the region
    doc = annotate("افتتح الأمير مشروعا بمنطقة عسير أمس، وقال إن السياحة في عسير تنمو كل عام.")
    assert [p.location.name_en for p in doc.places if p.text == "عسير"] == ["Asir Region"]
    assert "عسير" not in placed(annotate("قال إن الطريق كان عسيرا وإن الأمر عسير على الجميع."))


def test_list_of_towns_with_unknown_items_and_a_common_word_first() -> None:
    # الدائر ("ongoing") and فيفا (also FIFA) are common words; in a run of Jazan towns, with names the
    # gazetteer lacks between them, they are the towns
    doc = annotate("هطلت أمطار غزيرة شملت الدائر والقفل وفيفا وأبو عريش وصامطة.")
    names = placed(doc)
    assert names["الدائر"] == "Ad Dayer" and names["فيفا"] == "Fayfā’"
    # a common word before a list of places of another province stays a word
    assert "الدائر" not in placed(annotate("بحث الوزير الصراع الدائر وحلب وإدلب وحماة."))


def test_a_governorate_that_is_one_city_sits_on_the_city() -> None:
    doc = annotate("أعلنت وزارة الصحة تسجيل إصابات جديدة بمحافظة القاهرة أمس.")
    location = doc.places[0].location
    assert location is not None and location.name_en == "Cairo Governorate"
    assert abs(location.lat - 30.06) < 0.05 and abs(location.lon - 31.25) < 0.05


def test_saudi_geonames_places_without_an_arabic_name_in_geonames() -> None:
    # GeoNames (cities500) has Thuwal and Suwayr with no Arabic name; data/places/geonames_ar.tsv names them
    doc = annotate("افتتحت الجامعة مركزا جديدا في ثول، ووصل وفد من صوير إلى الحفل.")
    assert placed(doc) == {"ثول": "Thuwal", "صوير": "Suwayr"}


def test_town_abroad_is_not_read_off_a_word_by_a_glued_conjunction() -> None:
    # "فوستر" is no ف + وستر (Worcester), even with a British company beside it
    doc = annotate("وقعت الهيئة عقد التصاميم مع شركة فوستر وشركائه البريطانية في لندن.")
    assert "وستر" not in placed(doc)

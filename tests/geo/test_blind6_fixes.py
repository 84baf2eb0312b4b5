"""General causes of the blind batch 6 place errors (tests/heldout_README.md, batch 6), each pinned on an
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


def test_german_states_and_their_spelling_variants() -> None:
    doc = annotate("افتتحت الشركة فروعا في ساكسونيا السفلى وشليسفيغ هولشتاين وبادن فورتمبيرج وتورينغن.")
    assert set(placed(doc).values()) == {"Lower Saxony", "Schleswig-Holstein", "Baden-Württemberg", "Thuringia"}
    doc = annotate("قالت حكومة ولاية شمال الراين ويستفاليا إن المعرض سيقام في سكسونيا أنهالت.")
    assert set(placed(doc).values()) == {"North Rhine-Westphalia", "Saxony-Anhalt"}


def test_towns_missing_from_the_gazetteer() -> None:
    doc = annotate("سافر الباحث من أوفنباخ إلى جراند فوركس ثم إلى أبخازيا.")
    assert placed(doc) == {"أوفنباخ": "Offenbach am Main", "جراند فوركس": "Grand Forks", "أبخازيا": "Abkhazia"}


def test_turkish_town_is_not_sent_to_chile() -> None:
    doc = annotate("شهدت مدينة جيلان بينار التركية ومنطقة ليجي اشتباكات بين الجيش والمسلحين.")
    assert {p.text: p.location.country for p in doc.places if p.location} == {"جيلان بينار": "Turkey", "ليجي": "Turkey"}


def test_a_name_in_a_list_of_countries_is_the_country() -> None:
    doc = annotate("تعمل الهيئة في قطر، والكويت، والبحرين، وعمان، والأردن منذ عقد.")
    assert placed(doc)["عمان"] == "Oman"


def test_turkish_province_named_with_muhafaza() -> None:
    # Arabic news calls a Turkish il both ولاية and محافظة
    doc = annotate("وقعت الاشتباكات في محافظة دياربكر جنوب شرق تركيا.")
    assert placed(doc)["محافظة دياربكر"] == "Diyarbakır Province"


def test_dateline_after_the_outlet_name() -> None:
    doc = annotate("صحيفة الغد – سان فرانسيسكو\nكشفت الشركة عن تطبيق جديد للهواتف.")
    assert placed(doc) == {"سان فرانسيسكو": "San Francisco"}


def test_neighbourhood_of_the_story_town() -> None:
    # no town in the neighbourhood's sentence: the town the story names again and again
    text = ("افتتح مجلس تبوك سوقا شعبيا في تبوك. وقال رئيس البلدية إن السوق في حي الورود بالمحافظة. "
            "وأضاف أن أهالي تبوك ينتظرونه.")
    doc = annotate(text)
    assert placed(doc)["الورود"] == "Tabuk"


def test_governor_of_a_turkish_province_is_the_province() -> None:
    assert placed(annotate("أعلن محافظ دياربكر حظر التجول في عدة قرى."))["دياربكر"] == "Diyarbakır Province"
    assert placed(annotate("افتتح محافظ ينبع المعرض مساء أمس."))["ينبع"] == "Yanbu"

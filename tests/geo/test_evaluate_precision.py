"""Precision counting of marsad.geo.evaluate on a tiny invented example (no article text, no gazetteer)."""

from __future__ import annotations

from marsad.geo.evaluate import by_convention, precision
from marsad.records import Location, PlaceMention


def mention(start: int, end: int, text: str) -> PlaceMention:
    return PlaceMention(start=start, end=end, text=text, location=Location(name_ar=text, name_en=text, lat=1.0, lon=1.0))


def test_precision_counts_predictions_overlapping_no_gold() -> None:
    text = "زار الوفد حلب ثم عاد إلى دمشق ودرس في جامعة حمص."
    gold = [{"doc": "d1", "start": 10, "end": 13, "text": "حلب"},
            {"doc": "d1", "start": 25, "end": 29, "text": "دمشق"}]
    assert text[10:13] == "حلب" and text[25:29] == "دمشق" and text[44:47] == "حمص"
    predicted = {"d1": [mention(10, 13, "حلب"), mention(21, 29, "إلى دمشق"), mention(44, 47, "حمص"),
                        mention(4, 9, "الوفد")]}
    result = precision(gold, {"d1": text}, "doc", predicted)
    assert result.predicted == 4 and result.right == 2 and result.value == 0.5
    assert [(s.place.text, s.by_convention) for s in result.spurious] == [("حمص", True), ("الوفد", False)]


def test_a_document_with_no_prediction_counts_nothing() -> None:
    result = precision([{"doc": "d1", "start": 0, "end": 3, "text": "حلب"}], {"d1": "حلب"}, "doc", {"d1": []})
    assert result.predicted == 0 and result.value == 1.0 and not result.spurious


def test_convention_rule_is_the_word_before_or_a_club_suffix() -> None:
    text = "لعب مانشستر يونايتد في حلب أمام نادي «حمص» وبلدية دمشق."
    assert by_convention(text, mention(4, 11, "مانشستر"))
    assert by_convention(text, mention(38, 41, "حمص"))  # quotes skipped
    assert not by_convention(text, mention(23, 26, "حلب"))
    assert text[4:11] == "مانشستر" and text[23:26] == "حلب" and text[38:41] == "حمص"


def test_convention_rule_for_a_body_in_a_place() -> None:
    text = "أعلن الدفاع المدني بحلب إخماد حريق في حمص."
    start = text.index("حلب")
    assert by_convention(text, mention(start, start + 3, "حلب"))
    start = text.index("حمص")
    assert not by_convention(text, mention(start, start + 3, "حمص"))


def test_convention_rule_for_buildings_water_and_festivals() -> None:
    text = "صلى الزوار في المسجد الكبير قرب البحرين وحضروا مهرجان حمص."
    start = text.index("المسجد الكبير")
    assert by_convention(text, mention(start, start + len("المسجد الكبير"), "المسجد الكبير"))
    start = text.index("البحرين")  # a country, not البحر
    assert not by_convention(text, mention(start, start + 7, "البحرين"))
    start = text.index("حمص")
    assert by_convention(text, mention(start, start + 3, "حمص"))


def test_convention_rule_for_a_body_before_a_place_word() -> None:
    text = "أعلن الدفاع المدني بمحافظة حمص إخماد الحريق."
    start = text.index("حمص")
    assert by_convention(text, mention(start, start + 3, "حمص"))

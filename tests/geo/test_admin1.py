"""Every gazetteer place carries its admin1 in the strings the province entries use; "على إب" in context."""

from __future__ import annotations

from marsad.geo import annotate_places, geocode
from marsad.records import Document


def places(text: str) -> dict[str, str | None]:
    doc = Document(id="t", source="t", text=text, mentions=[])
    annotate_places(doc)
    return {p.text: p.location.admin1 if p.location else None for p in doc.places}


def test_towns_share_their_province_admin1() -> None:
    for town, province in (("الرمادي", "محافظة الأنبار"), ("الموصل", "نينوى"), ("تعز", "محافظة تعز"),
                           ("بعقوبة", "ديالى")):
        loc, prov = geocode(town), geocode(province)
        assert loc and prov and loc.admin1 and loc.admin1 == prov.admin1, (town, loc, prov)


def test_province_point_keeps_its_centroid_but_shares_admin1() -> None:
    town = geocode("زنجبار", "اشتباكات في محافظة أبين جنوب اليمن قرب عدن")
    province = geocode("محافظة أبين")
    assert town and province and town.admin1 == province.admin1 == "Abyan" and province.precision == 3


def test_curated_towns_and_world_cities_have_admin1() -> None:
    assert geocode("جعار").admin1 == "Abyan"  # type: ignore[union-attr]
    assert geocode("دبي").admin1 == "Dubai"  # type: ignore[union-attr]
    assert geocode("صنعاء").admin1 == "Amanat al Asimah"  # type: ignore[union-attr]


def test_two_letter_name_after_preposition_in_a_yemeni_document() -> None:
    assert places("سيطر المسلحون على إب بعد معارك عنيفة في تعز.") == {"إب": "Ibb", "تعز": "Taiz"}
    assert places("عاد الوفد من إب إلى صنعاء أمس.")["إب"] == "Ibb"


def test_two_letter_name_never_bare_or_out_of_context() -> None:
    assert "إب" not in places("سيطر المسلحون على إب بعد معارك عنيفة.")
    assert "أب" not in places("ولد من أب يمني في صنعاء.")
    assert "إب" not in places("هاجموا إب في اليمن.")

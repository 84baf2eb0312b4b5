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


def test_state_named_in_the_document_picks_its_town() -> None:
    doc = annotate("تعمل الشركة في كونيكتيكت منذ سنوات، وقد نقلت مخزنها إلى هامبتون في الولاية نفسها.")
    assert placed(doc)["هامبتون"] == "Hampton, Connecticut"
    doc = annotate("تعمل الشركة في فيرجينيا منذ سنوات، وقد نقلت مخزنها إلى هامبتون في الولاية نفسها.")
    assert placed(doc)["هامبتون"] == "Hampton"

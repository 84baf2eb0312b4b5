"""Mention → entity linking (marsad.entities.linking) on the compiled KB."""

from __future__ import annotations

from marsad.entities.kb import load_kb, name_tokens
from marsad.entities.linking import DocLinker, name_readings, provisional_id


def link(linker: DocLinker, name: str, kind: str = "PERS", roles: list[str] | None = None) -> str:
    return linker.link(tuple(name_tokens(name)), kind, name, roles).entity_id


def test_skeleton_variants_link_to_one_kb_entry() -> None:
    linker = DocLinker(load_kb(), "2017-11-10")
    assert link(linker, "دونالد ترمب") == link(linker, "دونالد ترامب") == "kb:trump"
    assert link(linker, "ميخائيل بوجدانوف") == "kb:bogdanov"
    assert link(linker, "قوات سورية الديموقراطية", "ORG") == "kb:sdf"


def test_clitics_are_read_off() -> None:
    linker = DocLinker(load_kb(), "2017-11-10")
    result = linker.resolve(tuple(name_tokens("وبوتين")), "PERS")
    assert result.entity_id == "kb:putin" and result.prefix == "و"
    result = linker.resolve(tuple(name_tokens("للناتو")), "ORG")
    assert result.entity_id == "kb:nato" and result.prefix == "لل"


def test_surname_after_full_name_in_the_document() -> None:
    linker = DocLinker(load_kb(), "2017-11-10")
    full = link(linker, "غينادي غاتيلوف")
    assert link(linker, "غاتيلوف") == full == "kb:gatilov"


def test_misspelt_surname_needs_the_given_name_or_role() -> None:
    linker = DocLinker(load_kb(), "2017-11-10")
    assert link(linker, "سيرغي شريغو") == "kb:shoigu"
    assert not DocLinker(load_kb()).link(("شريغو",), "PERS", "شريغو").entity_id.startswith("kb:")


def test_unknown_name_gets_a_stable_provisional_id_and_romanised_name() -> None:
    a, b = DocLinker(load_kb()), DocLinker(load_kb())
    ida, idb = link(a, "رضوان الحلبي"), link(b, "رضوان الحلبى")
    assert ida == idb == provisional_id("PERS", name_tokens("رضوان الحلبي"))
    entity = a.entities[ida]
    assert entity.name_en_romanised and entity.name_en == "Radwan al-Halbi"
    assert link(a, "الحلبي") == ida  # surname after the full name


def test_role_link_registers_no_surname() -> None:
    from marsad.entities.linking import LinkResult

    linker = DocLinker(load_kb(), "2017-11-10")
    linker.record(LinkResult("kb:shoigu", "role", 0.8, ("وزير", "الدفاع", "الروسي")), "PERS", "")
    assert linker.surname_owner("الروسي") is None


def test_name_readings_keep_lam_lam_whole() -> None:
    assert ("لل", ("الناتو",)) in name_readings(("للناتو",))
    assert name_readings(()) == []

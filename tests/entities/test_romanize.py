"""Readable romanisation of names the KB lacks (marsad.entities.romanize)."""

from __future__ import annotations

import pytest

from marsad.entities.romanize import romanize, romanize_word


@pytest.mark.parametrize(("arabic", "latin"), [
    ("طلال سلو", "Talal Salo"),
    ("محمد عبد الله", "Mohammed Abdullah"),
    ("أبو خديجة الجزراوي", "Abu Khadija al-Jazrawi"),
    ("ألكسندر إيفانوف", "Alexander Ifanov"),
    ("بيتر بافيل", "Peter Bafil"),
    ("كرتيس سكاباروتي", "Curtis Sakabaroti"),
])
def test_names_read_as_the_press_spells_them(arabic: str, latin: str) -> None:
    assert romanize(arabic) == latin


def test_spelling_variants_romanise_alike() -> None:
    assert romanize("إيغور") == romanize("ايجور") == "Igor"
    assert romanize("قَالَ") == romanize("قال")


@pytest.mark.parametrize("text", ["", " ", "؟؟", "ـــ", "x" * 10_000, "John Smith", "123", "\u200f"])
def test_bad_input_gives_a_string(text: str) -> None:
    assert isinstance(romanize(text), str)
    assert isinstance(romanize_word(text), str)


def test_latin_stays_latin() -> None:
    assert romanize("John Smith") == "John Smith"

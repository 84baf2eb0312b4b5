"""The number-word parser: digits, words, duals, vague quantities and qualifiers."""

import pytest

from marsad.events.numbers import parse_count


@pytest.mark.parametrize(("text", "value", "qualifier", "high"), [
    ("15", 15, "exact", None),
    ("١٥", 15, "exact", None),
    ("1,200", 1200, "exact", None),
    ("شخصان", 2, "exact", None),
    ("قتيلين", 2, "exact", None),
    ("ثلاثة", 3, "exact", None),
    ("خمسة عشر", 15, "exact", None),
    ("خمسة وعشرون", 25, "exact", None),
    ("ثلاثمائة وأربعة", 304, "exact", None),
    ("ثلاثة آلاف وخمسمائة", 3500, "exact", None),
    ("أكثر من 50", 50, "at_least", None),
    ("ما لا يقل عن ١٢", 12, "at_least", None),
    ("9 مدنيين على الأقل", 9, "at_least", None),
    ("نحو 40", 40, "about", None),
    ("حوالي عشرين", 20, "about", None),
    ("أقل من 10", 10, "at_most", None),
    ("بين 5 و10", 5, "range", 10),
    ("بين خمسة وعشرة", 5, "range", 10),
    ("من 20 إلى 30", 20, "range", 30),
])
def test_counts(text, value, qualifier, high):
    quantity = parse_count(text)
    assert quantity is not None
    assert (quantity.value, quantity.qualifier, quantity.high) == (value, qualifier, high)


def test_vague_words_follow_the_codebook():
    # docs/events.md §6: عشرات → 10 at_least, مئات → 100, عدة → 3
    assert (parse_count("عشرات").value, parse_count("عشرات").qualifier) == (10, "at_least")
    assert parse_count("مئات").value == 100
    assert parse_count("عدة").value == 3


def test_not_a_number():
    assert parse_count("مدنيين") is None
    assert parse_count("الجيش") is None


def test_two_same_rank_numbers_are_not_summed():
    # "خمسة وعشرة" is a list of two numbers, not 15
    assert parse_count("خمسة وعشرة").value == 5


def test_definite_sound_plural_is_no_dual():
    from marsad.events.numbers import dual_count

    assert dual_count("المسلحين") is None  # "من المسلحين": the plural
    assert dual_count("مسلحين") == 2  # an indefinite dual still counts two

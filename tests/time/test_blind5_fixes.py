"""Rules of Arabic date language added after blind batch 5 was scored (tests/heldout_README.md):
one behaviour each, on sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.time import resolve

TUE = dt.date(2015, 8, 4)  # a Tuesday


def values(text: str, published: dt.date | None = TUE) -> list[tuple[str, str | None, str | None, str]]:
    return [(t.text, t.value_start, t.value_end, t.precision) for t in resolve(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare year after في stays a year before a negation or a definite word behind a preposition
        ("افتتح المصنع في 1998 ولا يزال يعمل", [("1998", "1998-01-01", "1998-12-31", "year")]),
        ("زار الوفد المدينة في 2012 للاطلاع على المشروع", [("2012", "2012-01-01", "2012-12-31", "year")]),
        ("وقع الزلزال في 2009 فإن الخسائر كبيرة", [("2009", "2009-01-01", "2009-12-31", "year")]),
        # ... but a count before an indefinite noun is no year
        ("سجلت الوزارة في 2000 حالة", []),
    ],
)
def test_bare_year_before_a_function_word(text: str, expected: list) -> None:
    assert values(text) == expected

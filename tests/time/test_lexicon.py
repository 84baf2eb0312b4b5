"""The month lexicon covers every name in the shared CLDR/Hijri list."""

from __future__ import annotations

import csv
from pathlib import Path

from marsad.text.normalize import match_form
from marsad.time.lexicon import GREGORIAN_MONTHS, HIJRI_MONTHS
from marsad.time.resolver import resolve


def test_every_shared_month_name_is_in_the_lexicon(shared_dir: Path) -> None:
    path = shared_dir / "data" / "month-names" / "arabic_month_names.tsv"
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert len(rows) == 72
    for row in rows:
        table = HIJRI_MONTHS if row["system"] == "hijri" else GREGORIAN_MONTHS
        names = {match_form(n) for n in table[int(row["month_number"])]}
        assert match_form(row["name"]) in names, row


def test_every_gregorian_name_resolves_in_a_full_date() -> None:
    import datetime as dt

    for month, names in GREGORIAN_MONTHS.items():
        for name in names:
            found = resolve(f"في 3 {name} 2016 قال", dt.date(2017, 1, 1))
            assert [t.value_start for t in found] == [f"2016-{month:02d}-03"], name

"""Hijri (Islamic) calendar to Gregorian.

Saudi and Gulf outlets date by the Umm al-Qura calendar. When the small pure-Python package
`hijridate` (MIT) is installed we use its Umm al-Qura tables (exact for 1343–1500 AH); otherwise
the tabular (arithmetic) Islamic calendar, which agrees with Umm al-Qura to ±1 day (sometimes 2)
because the real calendar follows moon sighting. Month and year ranges are affected only at
their edges.
"""

from __future__ import annotations

import datetime as dt
import math

try:  # optional: exact Umm al-Qura
    from hijridate import Gregorian as _Gregorian
    from hijridate import Hijri as _Hijri
except ImportError:  # pragma: no cover - exercised where the package is absent
    _Hijri = None
    _Gregorian = None

MIN_YEAR = 1343  # Umm al-Qura table range of hijridate; the arithmetic fallback has the same
MAX_YEAR = 1500  # bounds so results do not depend on which one ran.

_ISLAMIC_EPOCH_JDN = 1948440  # 1 Muharram 1 AH (Julian 16 July 622) as a Julian day number
_GREGORIAN_ORDINAL_OFFSET = 1721425  # JDN of date.min minus its ordinal (1)


def _tabular_to_jdn(year: int, month: int, day: int) -> int:
    """Civil tabular calendar: 30-year cycle with leap years 2,5,7,10,13,16,18,21,24,26,29."""
    return (
        day
        + math.ceil(29.5 * (month - 1))
        + (year - 1) * 354
        + (3 + 11 * year) // 30
        + _ISLAMIC_EPOCH_JDN
        - 1
    )


def _tabular_month_length(year: int, month: int) -> int:
    return _tabular_to_jdn(year + (month == 12), month % 12 + 1, 1) - _tabular_to_jdn(year, month, 1)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a Hijri date, or None when it does not exist or is out of range."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and 1 <= day <= 30):
        return None
    if _Hijri is not None:
        try:
            g = _Hijri(year, month, day).to_gregorian()
        except (ValueError, OverflowError):
            return None
        return dt.date(g.year, g.month, g.day)
    if day > _tabular_month_length(year, month):
        return None
    return dt.date.fromordinal(_tabular_to_jdn(year, month, day) - _GREGORIAN_ORDINAL_OFFSET)


def hijri_month_range(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian day of a Hijri month."""
    first = hijri_to_gregorian(year, month, 1)
    following = hijri_to_gregorian(year + (month == 12), month % 12 + 1, 1)
    if first is None or following is None:
        return None
    return first, following - dt.timedelta(days=1)


def hijri_year_range(year: int) -> tuple[dt.date, dt.date] | None:
    first = hijri_to_gregorian(year, 1, 1)
    following = hijri_to_gregorian(year + 1, 1, 1)
    if first is None or following is None:
        return None
    return first, following - dt.timedelta(days=1)


def gregorian_to_hijri_year(day: dt.date) -> int:
    """The Hijri year a Gregorian day falls in (used to pick the year of a bare Hijri month)."""
    if _Gregorian is not None:
        try:
            return _Gregorian(day.year, day.month, day.day).to_hijri().year
        except (ValueError, OverflowError):
            pass
    jdn = day.toordinal() + _GREGORIAN_ORDINAL_OFFSET
    return (30 * (jdn - _ISLAMIC_EPOCH_JDN) + 10646) // 10631

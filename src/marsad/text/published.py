"""Publication date and time: from metadata when given, else from the article's own date line.

News sites print the date near the headline ("الثلاثاء 03/أكتوبر/2017 - 09:16 م",
"نشر في: 2017-10-03 21:16", "3 أكتوبر 2017"). Only lines that are mostly a date are read, so a
date inside a sentence of the body is never taken for the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from marsad.records import Published
from marsad.text.normalize import match_form

# Month names of every Arabic tradition (Egyptian/Gulf, Levantine/Iraqi, Maghrebi), in matching form.
_MONTHS = {
    1: "يناير كانون الثاني جانفي جانفييه janvier january jan",
    2: "فبراير شباط فيفري فبرير february feb",
    3: "مارس آذار اذار march mar",
    4: "أبريل ابريل إبريل نيسان أفريل افريل april apr",
    5: "مايو أيار ايار ماي may",
    6: "يونيو يونيه حزيران جوان june jun",
    7: "يوليو يوليه تموز جويلية july jul",
    8: "أغسطس اغسطس آب اب أوت اوت august aug",
    9: "سبتمبر أيلول ايلول september sep sept",
    10: "أكتوبر اكتوبر تشرين الأول اكتوبر october oct",
    11: "نوفمبر تشرين الثاني نونبر november nov",
    12: "ديسمبر كانون الأول دجنبر december dec",
}
_TWO_WORD = {"كانون الثاني": 1, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12}


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for month, names in _MONTHS.items():
        for name in names.split():
            if name not in ("كانون", "تشرين", "الثاني", "الأول"):
                table[match_form(name)] = month
    for name, month in _TWO_WORD.items():
        table[match_form(name)] = month
    return table


MONTHS = _month_table()
_MONTH_ALT = "|".join(sorted((re.escape(k) for k in MONTHS), key=len, reverse=True))
_WEEKDAYS = "السبت|الاحد|الاثنين|الاتنين|الثلاثاء|الاربعاء|الخميس|الجمعه"
_SEP = r"\s*[/\.\-]\s*"
_TIME = r"(?:\s*[-–|،,]?\s*(?:الساعه\s*)?(?P<hh>\d{1,2}):(?P<mm>\d{2})(?::\d{2})?\s*(?P<ampm>ص|م|am|pm|مساء|صباحا)?)?"
_PATTERNS = [
    # 03/أكتوبر/2017, 03/10/2017, 3-10-2017 (day first, as Arabic sites print it)
    re.compile(rf"(?P<d>\d{{1,2}}){_SEP}(?P<m>{_MONTH_ALT}|\d{{1,2}}){_SEP}(?P<y>\d{{4}}){_TIME}"),
    # 2017-10-03 or 2017/10/03 (ISO order)
    re.compile(rf"(?P<y>\d{{4}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<d>\d{{1,2}})(?:t|\s)?{_TIME}"),
    # 3 أكتوبر 2017 / 3 تشرين الأول (أكتوبر) 2017
    re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_ALT})(?:\s*\([^)]{{2,12}}\))?\s*،?\s*(?P<y>\d{{4}}){_TIME}"),
]
_DATE_LINE_NOISE = re.compile(rf"(?:{_WEEKDAYS}|نشر في|نشر|تاريخ النشر|اخر تحديث|تحديث|بتاريخ|published|updated|[:|،,\-–\s])+")
# A line that holds a date and little else (at most this many other characters) is a date line.
MAX_DATE_LINE_EXTRA = 12


def find_date(line: str) -> Published | None:
    """The date (and time) a line states, if the line is a date line."""
    form = match_form(line)
    for pattern in _PATTERNS:
        match = pattern.search(form)
        if not match:
            continue
        rest = form[: match.start()] + form[match.end():]
        if len(_DATE_LINE_NOISE.sub("", rest)) > MAX_DATE_LINE_EXTRA:
            return None
        return _published_from_match(match)
    return None


def _published_from_match(match: re.Match[str]) -> Published | None:
    month_text = match.group("m")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text)
    try:
        day = dt.date(int(match.group("y")), month or 0, int(match.group("d")))
    except (TypeError, ValueError):
        return None
    if not 1900 <= day.year <= 2100:
        return None
    time = _time_of(match)
    return Published(day.isoformat(), time, "minute" if time else "day", "text")


def _time_of(match: re.Match[str]) -> str | None:
    if not match.groupdict().get("hh"):
        return None
    hour, minute = int(match.group("hh")), int(match.group("mm"))
    ampm = match.group("ampm")
    if ampm in ("م", "pm", "مساء") and hour < 12:
        hour += 12
    if ampm in ("ص", "am", "صباحا") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T\s](\d{1,2}):(\d{2}))?")


def parse_metadata_date(value: str | None) -> Published | None:
    """ "2017-11-10", "2017-11-10T09:16:00+03:00", "2017-11", or a date line's wording."""
    if not value:
        return None
    match = _ISO_RE.match(value)
    if match:
        year, month, day, hour, minute = match.groups()
        try:
            dt.date(int(year), int(month), int(day or 1))
        except ValueError:
            return None
        if not 1900 <= int(year) <= 2100:
            return None
        if day is None:
            return Published(f"{int(year):04d}-{int(month):02d}", None, "month", "metadata")
        date = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
        if hour is not None and int(hour) < 24:
            return Published(date, f"{int(hour):02d}:{minute}", "minute", "metadata")
        return Published(date, None, "day", "metadata")
    found = find_date(value)
    if found:
        found.basis = "metadata"
    return found

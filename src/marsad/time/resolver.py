"""Find date expressions in Arabic news and resolve them against the publication date.

How it works: the text is folded to its matching form (hamza, ta marbuta, alef maqsura,
diacritics, Arabic-Indic digits), a handful of precompiled patterns run over that form once each,
the overlapping candidates are reduced to the longest, adjacent ones are merged ("الاثنين 20 يوليو",
"اليوم (الاثنين)"), and each one is turned into an ISO range with a precision. Offsets are mapped
back to the text given.

Conventions (docs/decisions.md, "Temporal expressions"):
* weeks are ISO weeks (Monday to Sunday);
* "قبل أيام" is the range from 7 days to 1 day before publication;
* a bare weekday goes to the most recent such day on or before publication in a past context, the
  next one on or after it in a future context, and without a cue to the nearest one with a bias
  to the past (news mostly reports);
* "اليوم <weekday>" whose weekday is not the publication's means the most recent such day (the
  report was written before the date it was published or crawled); likewise "أمس <weekday>" and
  "غداً <weekday>" trust the weekday;
* impossible dates ("31 شباط") and years after 2100 are dropped, not reported; so are years before
  1900 unless the calendar is certain (a month name or م: back to 1000, "25 أبريل 1859") or a year
  word precedes (back to 1500, "عام 1869"); a number after a year word that can only be Hijri ("عام
  1394": no هـ, in the Hijri table, not after the publication's Hijri year, over 300 years before
  its Gregorian one) is Hijri;
* "العشر الأواخر/الأوائل من رمضان" is the last (21st to the end) or first ten days of the month;
* context: "العام السابق/التالي" is the year before/after the one the text last wrote (else the
  publication's), "الشهر/الأسبوع السابق" the one before the month/week last named; a bare "نهاية
  العام/الشهر" is the publication's, or in a past narrative the far year just written; a day-month
  or month without a year in the clause of a date written with a far year (two or more years from
  publication) takes that year; dates after منذ never set that context;
* two coordinated months or years ("يناير وفبراير 2014", "عامي 1994 و1999") are separate items, the
  first taking the year or modifier of the last; "بين عامي 2010 و2014", "2010-2014", "بين شهري ديسمبر
  ويناير المقبلين" are spans (not after a word of comparing: "المقارنة بين ...");
* two full dates joined by حتى/إلى/- ("من 31 يوليو حتى 7 أغسطس") are one range: the period of the
  event; a lifespan "(1856 - 1915)" is two years;
* a publication date outside 1900–2100 is treated as unknown, and values outside 1000–2100 dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from marsad.records import TimeExpression
from marsad.text.normalize import MatchText, fold_char, match_form
from marsad.time import hijri
from marsad.time.lexicon import (
    AMBIGUOUS_MONTH_NAMES,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    NUMBER_WORDS,
    UNIT_WORDS,
    WEEKDAY_ENGLISH,
    WEEKDAYS,
)
from marsad.time.tense import reported_past, tense_near

# Years: a date whose calendar is certain (a Gregorian month name, م) may lie back to MIN_YEAR ("25
# أبريل 1859"); a number after a year word without a calendar mark from 1500 (below, it could be a
# Hijri year); a bare number only from BARE_MIN_YEAR (below, too often an amount).
MIN_YEAR, MAX_YEAR = 1000, 2100
WORDED_MIN_YEAR, BARE_MIN_YEAR = 1500, 1900
_EARLIEST, _LATEST = dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 31)

# ------------------------------------------------------------------------------------------
# lexicon in matching form


def _alternation(names: list[str]) -> str:
    """Regex alternation of folded names as a trie ("ا(?:بريل|كتوبر)|…"), so that `re` does not
    try every name at every position; longer names win over their prefixes; spaces flexible."""
    return _trie_regex(sorted({match_form(n) for n in names}))


def _trie_regex(words: list[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node_regex(trie)


def _trie_node_regex(node: dict) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        token = r"\s+" if ch == " " else re.escape(ch)
        branches.append(token + _trie_node_regex(node[ch]))
    ends_here = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # The longer continuation first; the word may also end here.
    return f"(?:{body})?" if ends_here else body


def _index(table: dict[int, tuple[str, ...]]) -> dict[str, int]:
    return {match_form(name): number for number, names in table.items() for name in names}


_GREG_INDEX = _index(GREGORIAN_MONTHS)
_HIJRI_INDEX = _index(HIJRI_MONTHS)
_WEEKDAY_INDEX = _index(WEEKDAYS)
_AMBIGUOUS = frozenset(match_form(n) for n in AMBIGUOUS_MONTH_NAMES)
_NUMBER_INDEX = {match_form(k): v for k, v in NUMBER_WORDS.items()}
_UNIT_INDEX = {match_form(k): v for k, v in UNIT_WORDS.items()}

MONTH = _alternation([n for names in (*GREGORIAN_MONTHS.values(), *HIJRI_MONTHS.values()) for n in names])
WEEKDAY = _alternation([n for names in WEEKDAYS.values() for n in names])

# Word start, allowing the clitics و ف ب ل ك glued in front (at most a conjunction + a preposition).
# Fixed-width lookbehinds only, as `re` requires.
START = r"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])|(?<=(?<!\w)[وف][بلك]))"
END = r"(?!\w)"
S = r"\s+"
OPT_S = r"\s*"
YEAR_NUM = r"\d{4}"
MOD_WORDS = _trie_regex(sorted(
    ["الجاري", "الجاريه", "الحالي", "الحاليه", "الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفايت", "الفايته", "المقبل", "المقبله", "القادم", "القادمه", "المبارك", "الكريم", "الفضيل",
     "الماضيين", "المنصرمين", "الفايتين", "المقبلين", "القادمين"]
))
# Words of "where in the unit": kept inside the span, the value stays the whole unit.
# (In matching form: أوائل folds to اوايل.)
PART_OF_UNIT = r"مطلع|بدايه|بدء|بدايات|اوايل|اواخر|نهايه|نهايات|ختام|منتصف|اواسط|خلال|طوال"
# Seasons of a year ("ربيع 2016", "صيف العام الماضي"): the value stays the year.
SEASONS = r"ربيع|صيف|خريف|شتاء|شتا"
PART_OF_DAY = r"صباح|مساء|ظهر|فجر|ليله|ليل|عصر|ظهيره|نهار|منتصف\s+ليل|منتصف\s+ليله|صبيحه|ظهيره"
YEAR_WORD = r"(?:من\s+)?(?:(?:هذا\s+)?(?:عام|العام)|(?:هذه\s+)?(?:سنه|السنه)|لعام|لسنه)?"
# "من العام الماضي" after a month: the year relative to publication.
YEAR_REL = (
    r"(?:\s+(?:من\s+)?(?:العام|السنه|عام)\s+(?P<ymod>الماضي|الماضيه|المنصرم|المنصرمه|الفايت|الجاري|الجاريه"
    r"|الحالي|الحاليه|المقبل|المقبله|القادم|القادمه))"
)
HIJRI_SUFFIX = r"(?:\s?ه(?!\w)|\s?هجري(?:ه)?(?!\w))"
GREG_SUFFIX = r"(?:\s?م(?!\w)|\s?ميلادي(?:ه)?(?!\w))"

# ------------------------------------------------------------------------------------------
# patterns (each runs once over the matching form)

MONTH_PAIR = rf"(?P<mon>{MONTH})(?:(?:{OPT_S}[(/]{OPT_S}|{S})(?P<mon2>{MONTH}){OPT_S}\)?)?"
# Day of the month: a number, an ordinal word ("الثالث من أغسطس") or غرة (the first).
ORDINAL_DAYS = {
    "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
    "الثامن": 8, "التاسع": 9, "العاشر": 10, "غره": 1, "مطلع": 1,
    "اول": 1,  # "أول يونيو": June 1 (not "أول من": "the first who")
}
# "الحادي عشر من سبتمبر", "الخامس والعشرين من الشهر الجاري", "الحادي والثلاثين من ديسمبر"
_ORDINAL_UNITS = {"الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
                  "الثامن": 8, "التاسع": 9}
ORDINAL_DAYS.update({f"{word} عشر": 10 + n for word, n in _ORDINAL_UNITS.items()})
ORDINAL_DAYS.update({f"{word} والعشرين": 20 + n for word, n in _ORDINAL_UNITS.items()})
ORDINAL_DAYS.update({"العشرين": 20, "الثلاثين": 30, "الحادي والثلاثين": 31})
DAY = rf"\d{{1,2}}|{_trie_regex(sorted(k for k in ORDINAL_DAYS if k != 'مطلع'))}"

# Each pattern starts with its required core (a number, a month or weekday name, a relative
# word) so that `re` can skip quickly to places worth trying; the optional words before the core
# ("يوم", "صباح", "مطلع", "عام", "من") are matched afterwards, backwards, by a PREFIX pattern that
# must end where the core starts. Leading lookbehinds or optional groups make `re` try every
# position and cost ~1.5 ms per pattern on a 600-word article.
DAY_MONTH_RE = re.compile(
    rf"(?P<d1>{DAY})(?:{OPT_S}(?:و?(?:الي|حتي)|و|-|/){OPT_S}(?:ال)?(?P<d2>{DAY}))?{OPT_S}"
    rf"(?:من{S})?(?:شهر{S})?{MONTH_PAIR}"
    rf"(?:{OPT_S},?{OPT_S}{YEAR_WORD}{OPT_S}(?P<year>{YEAR_NUM})(?P<suffix>{HIJRI_SUFFIX}|{GREG_SUFFIX})?)?"
    rf"(?:{S}(?P<mod>{MOD_WORDS})|{YEAR_REL})?{END}"
)
DAY_MONTH_PREFIX = rf"(?:(?:يوم|يومي|ليله|صباح|مساء|فجر|ظهر){S})?(?:(?P<from>من|بين){S})?(?P<al>ال)?"
# "26 / 6 1436هـ": the year may follow the day and month after a space when its calendar is marked.
NUMERIC_RE = re.compile(
    rf"(?P<a>\d{{1,4}}){OPT_S}(?P<sep>[/.-]){OPT_S}(?P<b>\d{{1,2}}|{MONTH})(?:{OPT_S}(?P=sep)|{S}(?=\d{{4}}{HIJRI_SUFFIX}|\d{{4}}{GREG_SUFFIX}))"
    rf"{OPT_S}(?P<c>\d{{1,4}})(?:(?P<suffix>{HIJRI_SUFFIX}|{GREG_SUFFIX})|(?![\w/]|[.-]\d))"
)
# "عام .1880", "يناير .2015": a sentence's full stop moved before the year by right-to-left editing.
STRAY_DOT = r"(?:(?<=\s)\.)?"
MONTH_RE = re.compile(
    rf"{MONTH_PAIR}"
    rf"(?:{OPT_S},?{OPT_S}{YEAR_WORD}{OPT_S}{STRAY_DOT}(?P<year>{YEAR_NUM})(?P<suffix>{HIJRI_SUFFIX}|{GREG_SUFFIX})?)?"
    rf"(?:(?:{S}(?:المبارك|الكريم|الفضيل)(?={S}(?:الحالي|الجاري|الماضي|المنصرم|المقبل|القادم|قبل{S}الماضي)))?"
    rf"{S}(?:(?P<mod>{MOD_WORDS})|(?P<before_last>قبل{S}الماضي(?:ه)?))|{YEAR_REL})?{END}"
)
# "العشر الأواخر من رمضان", "الأيام العشر الأوائل من ذي الحجة": a third of the month.
TENTH_PREFIX = (
    rf"(?:(?:الايام|الليالي){S})?العشر{S}(?P<tenth>الاواخر|الاخيره|الاوايل|الاولي|الاول|الاواسط|الوسطي)"
    rf"{S}(?:من{S}|ل(?=شهر))?"
)
MONTH_PREFIX = (rf"(?:(?P<part>{PART_OF_UNIT}){S})?(?:{TENTH_PREFIX})?"
                rf"(?:(?P<shahr>شهر|شهري|الشهر|شهور|اشهر|الشهور|الاشهر){S})?")
_TENTH_FIRST_DAY = {"الاوايل": 1, "الاولي": 1, "الاول": 1, "الاواسط": 11, "الوسطي": 11, "الاواخر": 21, "الاخيره": 21}
# A budget is named by its (fiscal) year: "ميزانية 2015", "موازنة 1436". The noun stays out of the span.
BUDGET_WORDS = r"ميزانيه|الميزانيه|موازنه|الموازنه"
_BUDGET_CUES = frozenset({"ميزانيه", "الميزانيه", "موازنه", "الموازنه"})
# "انتفاضة 2011", "ثورة 1952", "انقلاب 2013": an uprising named by its year is that year (the noun
# stays in the span); tournaments and plans named by a year (كأس العالم 2018، رؤية 2030) are not dates.
UPRISING_WORDS = r"(?:ال)?(?:انتفاضه|ثوره|انقلاب|احتجاجات|مظاهرات|تظاهرات)"
YEAR_RE = re.compile(
    rf"(?P<y1>{YEAR_NUM})(?:{OPT_S}(?:-|/|و?الي|و?حتي|و){OPT_S}(?P<y2>{YEAR_NUM}))?"
    rf"(?P<suffix>{HIJRI_SUFFIX}|{GREG_SUFFIX})?(?!\w|[/.-]\d)"
)
YEAR_PREFIX = (
    rf"(?:(?P<part>{PART_OF_UNIT}|{SEASONS}){S})?(?:(?P<cue>العام|عام|عامي|سنه|السنه|سنتي|موسم|منذ|في|حتي|قبل|بعد"
    rf"|اعوام|الاعوام|سنوات|السنوات|لغايه|غايه|بحلول"
    rf"|خلال|بين|من|{BUDGET_WORDS}|(?P<uprising>{UPRISING_WORDS})|(?:العام|السنه){S}(?P<ymod>{MOD_WORDS})"
    rf"|(?:العام|عام|السنه|سنه){S}(?P<calendar>الهجري|الهجريه|الميلادي|الميلاديه))"
    rf"(?:{S}{STRAY_DOT}|(?<=عام|سنه)))?"  # "عام1400هـ": the year word may be glued to the number
)
# Cues that make a number a year even when it can only be a Hijri one ("عام 1394"): not a
# preposition ("من 1380 إلى 1400 ريال" is an amount).
_STRONG_YEAR_CUES = frozenset({"العام", "عام", "عامي", "سنه", "السنه", "سنتي", "موسم"}) | _BUDGET_CUES
# Cues naming several years: "أعوام 2007 و2009 و2010" are separate years, like the dual عامي.
_LIST_YEAR_CUES = frozenset({"عامي", "سنتي", "اعوام", "الاعوام", "سنوات", "السنوات"})
HIJRI_ONLY_GAP = 300  # years before publication beyond which a number in the Hijri table is Hijri
RELATIVE_DAY_WORDS = _trie_regex(sorted([
    "الليله قبل الماضيه", "الليله الماضيه", "اول من امس", "اول امس", "امس الاول", "الامس", "امس",
    "البارحه", "بعد غد", "غدا", "غد", "الغد", "الليله", "اليوم",
    # "هذا الصباح", "هذا المساء": this morning / evening of the day of publication
    "هذا الصباح", "هذا المساء",
    # "قبل أمس", "ما قبل الأمس" (what came before yesterday): the day before yesterday
    "قبل امس", "قبل الامس", "قبل يوم امس", "ما قبل الامس", "ما قبل امس", "الاول من امس",
]))
RELATIVE_DAY_RE = re.compile(
    rf"(?P<rel>{RELATIVE_DAY_WORDS})"
    rf"(?:{OPT_S}[(,-]?{OPT_S}(?P<wd>{WEEKDAY}){OPT_S}\)?)?{END}"
)
DAY_PART_PREFIX = rf"(?:(?P<part>{PART_OF_DAY}){S})?(?:(?P<yawm>يوم|يومي){S})?"
# The modifier agrees with يوم (masculine) or with the name (الجمعة المقبلة), or is dual after two
# days ("السبت والأحد الماضيين").
WEEKDAY_MOD = r"(?:الماضي|المنصرم|الفايت|المقبل|القادم)(?:ه|ين)?"
# "الأربعاء بعد القادم" (the Wednesday after next), "الخميس قبل الماضي" (the Thursday before last).
WEEKDAY_RE = re.compile(
    rf"(?P<wd>{WEEKDAY})(?:{S}(?:(?P<further>بعد|قبل){S}(?=(?:الماضي|المنصرم|الفايت|المقبل|القادم)(?:ه)?{END}))?"
    rf"(?P<mod>{WEEKDAY_MOD}))?{END}"
)
# The first of two coordinated days takes the dual modifier after the second.
COORDINATED_WEEKDAY_RE = re.compile(
    rf"{OPT_S}[,،]?{OPT_S}و{OPT_S}(?:يوم{S})?{WEEKDAY}{S}(?P<mod>(?:الماضي|المنصرم|الفايت|المقبل|القادم)ين){END}"
)
RELATIVE_UNIT_RE = re.compile(
    rf"(?:ه(?P<dem>ذا|ذه){S}(?P<unit1>الاسبوع|الشهر|العام|السنه)"
    rf"|(?:ال|ل)(?P<unit2>اسبوع|شهر|عام|سنه){S}(?:(?<=عام\s|سنه\s)(?P<cal>الهجري|الهجريه){S})?(?:(?P<mod>{MOD_WORDS})|(?P<before_last>قبل{S}الماضي(?:ه)?)"
    rf"|(?P<after_next>بعد{S}(?:المقبل|القادم)(?:ه)?))"
    rf"){END}"
)
UNIT_PREFIX = rf"(?:(?P<part>{PART_OF_UNIT}|{SEASONS}){S})?"
UNIT = _alternation(list(UNIT_WORDS))
NUMBER = _alternation(list(NUMBER_WORDS))
AGO_RE = re.compile(
    rf"(?P<prep>قبل|منذ|بعد){S}(?:(?P<num>\d{{1,2}}|{NUMBER}(?:{S}و{NUMBER})?){S})?(?P<unit>{UNIT}){END}"
    rf"(?!{OPT_S}(?:علي|عن)(?!\w))(?!{OPT_S}من(?!\w)(?!{S}الان(?!\w)))"
    rf"(?!{OPT_S}[«\"'(]?{OPT_S}\d)"  # "منذ عام «2013»": since the year written next
)
# "بعدها بسنتين", "قبل ذلك بثلاثة أشهر": counted from the date written just before it (`_resolve_anaphora`).
# "في اليوم التالي", "صباح اليوم التالي": the day after the date just written (not "اليوم التالي
# للانتخابات", the day after an event).
NEXT_DAY_RE = re.compile(rf"اليوم{S}(?:التالي|الموالي)(?!{OPT_S}ل){END}")
NEXT_DAY_TRIGGER = re.compile(rf"اليوم(?={S}(?:التالي|الموالي))")
AFTER_THAT_RE = re.compile(
    rf"(?P<dir>بعد|قبل)(?:ه|ها|{S}ذلك){S}ب{OPT_S}(?:(?P<num>\d{{1,2}}|{NUMBER}(?:{S}و{NUMBER})?){S})?(?P<unit>{UNIT}){END}"
)
AFTER_THAT_TRIGGER = re.compile(r"(?:بعد|قبل)(?=ه|ها|\s+ذلك)")
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
AFTER_THAT_WINDOW = 120  # characters from the date it counts from, in the same sentence
# "الربع الأول من عام 2015", "النصف الثاني من العام الماضي", "الربع الثالث لهذا العام"
# "الربعين الأول والثاني من العام الحالي" (first two quarters), "الأشهر الثلاثة الأولى لهذا العام"
# (first N months); with no year: the publication's. A bare "الربع الأول" is this year's quarter, or
# last year's when it has not begun; "الربع السابق/المقبل" counts quarters from the publication's.
QUARTER_YEAR = (
    rf"(?:{S}(?:من{S}|ل)?(?:(?:(?:العام|عام|سنه|السنه){S}(?:المالي{S})?)?(?P<year>{YEAR_NUM})"
    rf"(?P<suffix>{GREG_SUFFIX})?|(?P<dem>هذا{S}العام|هذه{S}السنه|(?:العام|السنه)(?!{S}(?:ال|ل|\d)|{OPT_S}\d))"
    rf"|(?:العام|السنه){S}(?P<mod>{MOD_WORDS})))"
)
QUARTER_RE = re.compile(
    rf"(?:(?P<part>الربع|النصف){S}(?P<ord>الاول|الثاني|الثالث|الرابع|الاخير)"
    rf"|(?P<parts>الربعين){S}(?P<ord1>الاول|الثاني|الثالث){S}و(?P<ord2>الثاني|الثالث|الرابع)"
    rf"|(?P<months>الاشهر|الشهور){S}(?P<n>الثلاثه|الاربعه|الخمسه|السته|السبعه|الثمانيه|التسعه|العشره"
    rf"|الاحدي{S}عشر){S}(?:الاولي|الاول))"
    rf"(?:{QUARTER_YEAR}|(?P<bare>)){END}"
)
# A bare "الربعين" (the two quarters) after a quarter was named: that quarter and the one before it
# ("نتائج الربع الثاني ... ما اعتمد خلال الربعين": the first half).
TWO_QUARTERS_RE = re.compile(rf"الربعين(?!{S}(?:الاول|الثاني|الثالث|الاخيرين|الماضيين|المقبلين|السابقين|القادمين)){END}")
RELATIVE_QUARTER_RE = re.compile(rf"الربع{S}(?P<qmod>السابق|الماضي|المنصرم|الفايت|المقبل|القادم|الحالي|الجاري){END}")
_MONTH_COUNTS = {"الثلاثه": 3, "الاربعه": 4, "الخمسه": 5, "السته": 6, "السبعه": 7, "الثمانيه": 8, "التسعه": 9,
                 "العشره": 10}
# "الـ14 من الشهر الجاري", "الثاني من الشهر المقبل", "العاشر من هذا الشهر"
# "يوم 15 الجاري", "في 20 الماضي": a day number with the month's modifier alone.
# "12 من الشهر ذاته", "العشرين من نفس الشهر": a day of the month named last (`_resolve_anaphora`).
DAY_OF_RELATIVE_MONTH_RE = re.compile(
    rf"(?P<d1>{DAY})(?:{OPT_S}[,،]?{OPT_S}و{OPT_S}(?:ال)?(?P<d2>{DAY}))?{S}(?:من{S}(?:(?P<dem>هذا){S}الشهر|الشهر{S}(?P<mod>{MOD_WORDS})"
    rf"|(?P<same>الشهر{S}(?:نفسه|ذاته)|(?:نفس|ذات){S}الشهر))"
    rf"|(?P<mod2>الجاري|الحالي|المقبل|القادم|الماضي|المنصرم)){END}"
)
# "الأسبوع الأول من أغسطس", "الربع الثاني من الشهر": the ordinal belongs to another unit.
_ORDINAL_OF_OTHER_UNIT_RE = re.compile(
    r"(?:الاسبوع|الاسبوعين|الشهر|العام|السنه|الربع|النصف|العقد|الفصل|الدور|الجزء|الجوله|المرحله)\s+$"
)
DAY_OF_MONTH_PREFIX = rf"(?:(?:يوم|في){S})?(?P<al>ال)?"
# Clitics (conjunction, preposition) may be glued to the first word: "وصباح", "لشهر", "بالعام".
CLITICS = "وفبلك"
MAX_PREFIX_CHARS = 40


def _prefix_re(body: str) -> re.Pattern[str]:
    """Optional words ending exactly where the core starts; the first starts a word (after at
    most two clitics)."""
    return re.compile(rf"(?:(?<![^\W\d_])|(?<=(?<![^\W\d_])[{CLITICS}])|(?<=(?<![^\W\d_])[{CLITICS}]{{2}}))"
                      rf"(?:{body})$")


class Found:
    """A core match with the optional words found before it, read like one `re.Match`."""

    __slots__ = ("core", "prefix", "offset")

    def __init__(self, core: re.Match[str], prefix: re.Match[str] | None, offset: int) -> None:
        self.core, self.prefix, self.offset = core, prefix, offset

    def __getitem__(self, name: str) -> str | None:
        if name in self.core.re.groupindex:
            return self.core[name]
        if self.prefix is not None and name in self.prefix.re.groupindex:
            return self.prefix[name]
        return None

    def start(self, name: str | None = None) -> int:
        if name is None:
            if self.prefix is not None and self.prefix.end() > self.prefix.start():
                return self.offset + self.prefix.start()
            return self.core.start()
        if name in self.core.re.groupindex:
            return self.core.start(name)
        assert self.prefix is not None
        return self.offset + self.prefix.start(name)

    def end(self) -> int:
        return self.core.end()


# Words after a bare year that make it a count ("في 2000 حالة") rather than a date.
_FUNCTION_WORDS = frozenset(
    match_form(w)
    for w in (
        "و", "حيث", "عندما", "حين", "بعد", "قبل", "إلى", "حتى", "في", "على", "من", "مع", "عن", "أي",
        "أن", "إن", "الذي", "التي", "بينما", "وفق", "لكن", "ثم", "أو", "كما", "فقط", "تقريبا", "نحو",
        "قد", "لم", "لن", "ما", "هو", "هي", "وهو", "وهي", "بل", "ضمن", "عبر", "أما", "خلال", "منذ",
        "لدى", "بسبب", "مقارنة", "بنسبة", "حين", "إذ", "عقب", "إثر", "بعدما", "قبلما", "بين",
        "لا", "ليس", "كي", "لكي", "لأن", "لذلك", "لذا",
    )
)
_NOUNS_WITH_WAW = frozenset(
    match_form(w) for w in ("وحدة", "وحدات", "وظيفة", "وظائف", "وثيقة", "وثائق", "وفاة", "ولادة", "ورقة",
                            "وجبة", "وسيلة", "وافد", "وافدا", "وافدين", "ولاية", "وزير", "وزيرا", "فرصة",
                            "فردا", "فرد", "فلسطيني", "فلسطينيا", "فصيلا", "فندق", "فندقا", "فعالية")
)
_WEAK_YEAR_CUES = frozenset({"في", "منذ", "حتي", "قبل", "بعد", "خلال", "بين", "من", "لغايه", "غايه", "بحلول"})
_NOT_DAY_AFTER_TODAY = frozenset(match_form(w) for w in ("نفسه", "ذاته", "نفس", "ذات"))
_DAY_ADJECTIVES = frozenset(
    match_form(w) for w in ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الأخير",
                            "التالي", "السابق", "الموعود", "المشهود", "المفتوح", "الختامي", "الواحد", "الأولى")
)
# "ذلك اليوم" (that day); "عين اليوم", "صحيفة اليوم": names of outlets.
_NOT_TODAY_BEFORE = frozenset(match_form(w) for w in ("ذلك", "هذا", "هذه", "تلك", "مثل", "نفس", "ذات", "عين", "صحيفة", "جريدة",
                                                      # "شباب اليوم", "عالم اليوم": the present age
                                                      "شباب", "جيل", "أجيال", "عالم", "أطفال", "إنسان"))
# Outlets named "<X> اليوم" (روسيا اليوم، اليمن اليوم، المصري اليوم): a name, not "today", when a media
# word comes first ("قناة اليمن اليوم"); bare, "أعلنت روسيا اليوم" is Russia acting today.
_OUTLET_TODAY_STEMS = frozenset(match_form(w) for w in (
    "روسيا", "اليمن", "المصري", "مصر", "فلسطين", "السودان", "أخبار", "الخليج", "الأردن", "لبنان", "تونس",
    "ليبيا", "العراق", "سوريا", "سورية", "الجزائر", "المغرب", "الكويت", "البحرين", "عمان", "فرنسا", "تركيا"))
_MEDIA_WORDS = frozenset(match_form(w) for w in (
    "قناة", "قنوات", "صحيفة", "صحيفتي", "جريدة", "موقع", "شبكة", "تلفزيون", "تليفزيون", "فضائية", "إذاعة", "مجلة",
    "وكالة", "برنامج"))


# ------------------------------------------------------------------------------------------
# candidates


@dataclass
class Candidate:
    """One expression in form offsets, with its value once resolved."""

    start: int
    end: int
    kind: str
    value: tuple[dt.date, dt.date] | None = None
    precision: str = "day"
    relative: str | None = None
    tense: str | None = None
    weekday: int | None = None  # a weekday named in the span, kept for merging
    fields: dict | None = None  # day_month: the parsed parts, for joining ranges
    written: bool = False  # a Gregorian year is written in it ("9 أغسطس 1945", "عام 2014م")
    anaphora: str | None = None  # resolved against the year last written: "previous", "part"
    calendar: str | None = None  # "hijri" / "gregorian": the calendar of a date written with a month or year
    month_shift: tuple[int, int] | None = None  # "25 من الشهر الجاري": (months from publication's, day)
    day_offset: int | None = None  # relative_day: days from publication as written (أمس -1, اليوم 0)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Context:
    form: str
    published: dt.date | None


# ------------------------------------------------------------------------------------------
# calendar arithmetic


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _week_range(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_near(anchor: dt.date, weekday: int, direction: str, strict: bool = False) -> dt.date:
    """The given weekday: last (on or before), next (on or after) or nearest to anchor.
    `strict` excludes the anchor itself ("الخميس الماضي" said on a Thursday)."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if strict:
        back, ahead = back or 7, ahead or 7
    if direction == "past":
        return anchor - dt.timedelta(days=back)
    if direction == "future":
        return anchor + dt.timedelta(days=ahead)
    # No cue: news mostly reports, so the future reading wins only for tomorrow (a headline
    # "يبحث مع لافروف الخميس" published on Wednesday).
    if ahead == 1:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def _distance(r: tuple[dt.date, dt.date], published: dt.date) -> int:
    """Days from publication to a range (0 when publication falls inside it)."""
    if r[0] <= published <= r[1]:
        return 0
    return (r[0] - published).days if r[0] > published else (published - r[1]).days


# A past verb of saying before إن/أن governs the saying, not the date in its clause ("قالوا إن
# السعودية رفعت أسعار شحنات سبتمبر" in August: next month's shipments): then a date up to this
# far ahead of publication stays in the same year. Any other past cue (قتل، شن، وقع، أعلن التحالف
# في نوفمبر...) means a date not after publication.
REPORTING_SLACK = dt.timedelta(days=92)


def _pick_year(published: dt.date, make: Callable[[int], tuple[dt.date, dt.date] | None],
               direction: str | None, strict: bool = False,
               slack: dt.timedelta = dt.timedelta(0)) -> tuple[dt.date, dt.date] | None:
    """Among the same year and its neighbours, the occurrence that the tense points to.
    past: the latest starting on or before publication (strictly before its unit with
    `strict`); future: the earliest ending on or after it; none: the nearest one (within about
    six months either way; a tie goes to the past, as news mostly reports)."""
    options = [r for y in (published.year - 1, published.year, published.year + 1) if (r := make(y))]
    if direction in ("past", "future"):
        return _pick_year_from(options, published, direction, strict, slack)
    return min(options, key=lambda r: (_distance(r, published), r[0] > published), default=None)


def _pick_hijri_year(published: dt.date, month: int, direction: str | None,
                     strict: bool = False) -> tuple[dt.date, dt.date] | None:
    """Like `_pick_year` for a Hijri month named without its year; no cue: the nearest one."""
    base = hijri.gregorian_to_hijri_year(published)
    options = [r for y in (base - 1, base, base + 1) if (r := hijri.hijri_month_range(y, month))]
    if direction in ("past", "future"):
        return _pick_year_from(options, published, direction, strict)
    return min(options, key=lambda r: 0 if r[0] <= published <= r[1] else
               min(abs((r[0] - published).days), abs((r[1] - published).days)), default=None)


def _pick_year_from(options: list[tuple[dt.date, dt.date]], published: dt.date, direction: str,
                    strict: bool, slack: dt.timedelta = dt.timedelta(0)) -> tuple[dt.date, dt.date] | None:
    if direction == "past":
        fits = [r for r in options if (r[1] < published if strict else r[0] <= published + slack)]
        return max(fits) if fits else None
    fits = [r for r in options if (r[0] > published if strict else r[1] >= published)]
    return min(fits) if fits else None


def _direction(mod: str | None, ctx: Context, start: int, end: int) -> tuple[str | None, bool]:
    """Tense from a modifier word if there is one (strict: the unit itself is excluded), else
    from the context."""
    if mod:
        if mod.startswith(("الماضي", "المنصرم", "الفايت")):
            return "past", True
        if mod.startswith(("المقبل", "القادم")):
            return "future", True
        if mod.startswith(("الجاري", "الحالي")):
            return "current", False
    return tense_near(ctx.form, start, end), False


def _slack(direction: str | None, mod: str | None, ctx: Context, start: int, end: int) -> dt.timedelta:
    """REPORTING_SLACK for a past date in a clause reported by a verb of saying, else none."""
    if direction != "past" or mod or not reported_past(ctx.form, start, end):
        return dt.timedelta(0)
    return REPORTING_SLACK


# ------------------------------------------------------------------------------------------
# handlers: match -> Candidate (or None to drop)


def _hijri_date(year: int, month: int, day: int) -> dt.date | None:
    """A Hijri day in Umm al-Qura; the 30th of a month that has 29 there is the day after the
    29th (calendars by moon sighting may differ by a day)."""
    date = hijri.hijri_to_gregorian(year, month, day)
    if date is None and day == 30 and (last := hijri.hijri_to_gregorian(year, month, 29)) is not None:
        return last + dt.timedelta(days=1)
    return date


def _month_number(name: str | None) -> tuple[int, bool] | None:
    """(month, is_hijri) of a folded month name."""
    if not name:
        return None
    key = re.sub(r"\s+", " ", name)
    if key in _GREG_INDEX:
        return _GREG_INDEX[key], False
    if key in _HIJRI_INDEX:
        return _HIJRI_INDEX[key], True
    return None


def _is_hijri_year(year: int, suffix: str | None, month_is_hijri: bool) -> bool:
    if suffix and suffix.strip().startswith("ه"):
        return True
    return month_is_hijri or (hijri.MIN_YEAR <= year <= hijri.MAX_YEAR and not suffix)


def _day_range(first: dt.date | None, last: dt.date | None) -> tuple[dt.date, dt.date] | None:
    if first is None or last is None or last < first:
        return None
    return first, last


def _year_delta(ymod: str) -> int:
    if ymod.startswith(("الماضي", "المنصرم", "الفايت")):
        return -1
    if ymod.startswith(("المقبل", "القادم")):
        return 1
    return 0


def _explicit_year(m: Found, ctx: Context) -> int | None:
    """The year written after the month, or the one "من العام الماضي" points to."""
    if m["year"]:
        return int(m["year"])
    if m["ymod"] and ctx.published is not None:
        return ctx.published.year + _year_delta(m["ymod"])
    return None


_LIST_DAY_BEFORE_RE = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[،,]?\s*و\s*$")


def _on_day_month(m: Found, ctx: Context) -> Candidate | list[Candidate] | None:
    cand = _on_day_month_span(m, ctx)
    if (cand is not None and cand.value is not None and m["d2"] and not m["from"] and m.start() == m.start("d1")
            and (listed := _day_list(m, cand, ctx.form)) is not None):
        return listed
    if (cand is None or cand.value is None or not m["d2"] or m["from"]
            or not re.fullmatch(r"\s*و\s*(?:ال)?", ctx.form[m.core.end("d1") : m.core.start("d2")])
            or (cand.value[1] - cand.value[0]).days < 2):
        return cand
    # "يومي 14 و17 نوفمبر": two days (a pair of consecutive days, "10 و11 نوفمبر", is one range)
    first = dataclasses.replace(cand, end=m.core.end("d1"), value=(cand.value[0], cand.value[0]),
                                fields={**cand.fields, "d2": cand.fields["d1"]})
    second = dataclasses.replace(cand, start=m.start("d2"), value=(cand.value[1], cand.value[1]),
                                 fields={**cand.fields, "d1": cand.fields["d2"]})
    return [first, second]


def _day_list(m: Found, cand: Candidate, form: str) -> list[Candidate] | None:
    """"12 و19 و26 يوليو 2015": days listed before a pair of the same month (Gregorian), each an item;
    all consecutive ("3 و4 و5 مايو"): one range."""
    if cand.fields["hijri"]:
        return None
    starts: list[tuple[int, int, int]] = []  # (start, end, day) of the days before the pair
    position = m.start("d1")
    while (before := _LIST_DAY_BEFORE_RE.search(form, max(0, position - 8), position)) is not None:
        starts.insert(0, (before.start(1), before.end(1), int(before.group(1))))
        position = before.start(1)
    if not starts:
        return None
    days = [day for _, _, day in starts] + [cand.fields["d1"], cand.fields["d2"]]
    month_first = cand.value[0].replace(day=1)
    if any(b <= a for a, b in zip(days, days[1:], strict=False)) or _safe_date(month_first.year, month_first.month, days[0]) is None:
        return None
    if all(b == a + 1 for a, b in zip(days, days[1:], strict=False)):
        return [dataclasses.replace(cand, start=starts[0][0], value=(month_first.replace(day=days[0]), cand.value[1]),
                                    fields={**cand.fields, "d1": days[0]})]
    items = [dataclasses.replace(cand, start=start, end=end, value=(month_first.replace(day=day),) * 2,
                                 fields={**cand.fields, "d1": day, "d2": day})
             for start, end, day in starts]
    items.append(dataclasses.replace(cand, end=m.core.end("d1"), value=(cand.value[0], cand.value[0]),
                                     fields={**cand.fields, "d2": cand.fields["d1"]}))
    items.append(dataclasses.replace(cand, start=m.start("d2"), value=(cand.value[1], cand.value[1]),
                                     fields={**cand.fields, "d1": cand.fields["d2"]}))
    return items


def _on_day_month_span(m: Found, ctx: Context) -> Candidate | None:
    month_info = _month_number(m["mon"])
    if month_info is None:
        return None
    month, is_hijri = month_info
    if m["d1"] == "اول" and re.match(r"اول\s+من\s", m.core[0]):
        return None  # "أول من مارس": the first who practised
    if _ordinal_of_other_unit(m, ctx):
        return None
    if not m["year"] and _NAMED_BY_DAY_RE.search(ctx.form, max(0, m.start() - 18), m.start()):
        return None  # "ثورة 25 يناير", "قوى 14 آذار": a revolution or a coalition named by its day
    d1 = _day_number(m["d1"])
    d2 = _day_number(m["d2"]) if m["d2"] else d1
    cand = Candidate(m.start(), m.end(), "day_month", calendar="hijri" if is_hijri else "gregorian")
    cand.fields = {"month": month, "hijri": is_hijri, "d1": d1, "d2": d2, "year": m["year"]}
    if m["from"] and not m["d2"]:
        cand.start = m.start("d1")  # "من 20 شوال": the preposition is not part of a single date
    year = _explicit_year(m, ctx)
    if m["ymod"] and is_hijri:
        if _year_delta(m["ymod"]) or ctx.published is None:
            return None  # a Hijri month with "last year": which calendar's year is too loose to tell
        # "6 ذي القعدة من العام الجاري": this Hijri year whichever calendar "this year" counts in
        year = hijri.gregorian_to_hijri_year(ctx.published)
    if m["ymod"] and year is None:
        cand.relative = f"day:{d1} month:{month} year:{_year_delta(m['ymod']):+d}"
        return cand
    if year is not None:
        if is_hijri or _is_hijri_year(year, m["suffix"], is_hijri):
            if not is_hijri:
                return None  # a Gregorian month with a Hijri year: not a date we can trust
            cand.value = _day_range(_hijri_date(year, month, d1),
                                    _hijri_date(year, month, d2))
        else:
            cand.value = _day_range(_safe_date(year, month, d1), _safe_date(year, month, d2))
            cand.written = bool(m["year"])
        return cand if cand.value else None
    cand.fields["mod"] = m["mod"]
    if not _valid_day(month, d1, is_hijri) or not _valid_day(month, d2, is_hijri) or d2 < d1:
        return None
    direction, _ = _direction(m["mod"], ctx, m.start(), m.end())
    cand.tense = direction if direction in ("past", "future") else None
    month_name = ("hijri:" if is_hijri else "") + str(month)
    if ctx.published is None:
        cand.relative = f"day:{d1}{'-' + str(d2) if d2 != d1 else ''} month:{month_name} {direction or 'nearest'}"
        return cand
    slack = _slack(direction, m["mod"], ctx, m.start(), m.end())
    cand.value = _resolve_day_month(ctx.published, month, d1, d2, is_hijri, direction, slack)
    return cand if cand.value else None


_NAMED_BY_DAY = r"(?<!\S)[وفبل]{0,2}(?:ال)?(?:ثوره|قوي|فريق|فريقي|تيار|حركه|ائتلاف|تحالف|انتفاضه)\s+"
_NAMED_BY_DAY_RE = re.compile(rf"{_NAMED_BY_DAY}(?:\d{{1,2}}\s*و\s*)?$")
_NAMED_DAY_BEFORE_MONTH_RE = re.compile(rf"{_NAMED_BY_DAY}(?:{DAY})\s+(?:من\s+)?$")


def _ordinal_of_other_unit(m: Found, ctx: Context) -> bool:
    start = m.start("d1")
    return not m["d1"][-1].isdigit() and bool(_ORDINAL_OF_OTHER_UNIT_RE.search(ctx.form, max(0, start - 15), start))


def _day_number(word: str) -> int:
    word = word.removeprefix("ال") if word[-1].isdigit() else word
    return int(word) if word.isdigit() else ORDINAL_DAYS[re.sub(r"\s+", " ", word)]


def _valid_day(month: int, day: int, is_hijri: bool) -> bool:
    if is_hijri:
        return 1 <= day <= 30
    return _safe_date(2016, month, day) is not None  # 2016: a leap year, so 29 شباط is valid


def _resolve_day_month(published: dt.date, month: int, d1: int, d2: int, is_hijri: bool,
                       direction: str | None,
                       slack: dt.timedelta = dt.timedelta(0)) -> tuple[dt.date, dt.date] | None:
    def make(year: int) -> tuple[dt.date, dt.date] | None:
        if is_hijri:
            return _day_range(_hijri_date(year, month, d1), _hijri_date(year, month, d2))
        return _day_range(_safe_date(year, month, d1), _safe_date(year, month, d2))

    if is_hijri:
        base = hijri.gregorian_to_hijri_year(published)
        options = [r for y in (base - 1, base, base + 1) if (r := make(y))]
        if direction in ("past", "future"):
            return _pick_year_from(options, published, direction, False, slack)
        if direction == "current":
            return make(base)
        return min(options, key=lambda r: abs((r[0] - published).days), default=None)
    if direction == "current":
        return make(published.year)
    return _pick_year(published, make, direction, slack=slack)


def _on_numeric(m: Found, ctx: Context) -> Candidate | None:
    a, c = m["a"], m["c"]
    month_info = _month_number(m["b"]) if not m["b"].isdigit() else None
    month = month_info[0] if month_info else int(m["b"])
    if len(a) == 4 and len(c) <= 2:
        year, day = int(a), int(c)
    elif len(c) == 4 and len(a) <= 2:
        year, day = int(c), int(a)
    else:
        return None
    if month > 12 and day <= 12 and not month_info:  # m/d/y written the American way
        month, day = day, month
    suffix = (m["suffix"] or "").strip()
    is_hijri = bool(suffix.startswith("ه") or (month_info and month_info[1]) or (
        hijri.MIN_YEAR <= year <= hijri.MAX_YEAR and not suffix))
    if is_hijri:
        value = _hijri_date(year, month, day)
    elif year < WORDED_MIN_YEAR and not suffix.startswith("م"):
        return None  # "1/1/1300": Hijri or Gregorian?
    else:
        value = _safe_date(year, month, day)
    if value is None:
        return None
    cand = Candidate(m.start(), m.end(), "numeric", (value, value), "day", written=True,
                     calendar="hijri" if is_hijri else "gregorian")
    dm = _NUMERIC_DAY_MONTH_START_RE.search(ctx.form, max(0, m.start() - 30), m.start()) \
        if len(a) <= 2 and not month_info else None
    first = _NUMERIC_RANGE_START_RE.search(ctx.form, max(0, m.start() - 25), m.start()) \
        if len(a) <= 2 and dm is None else None
    if first and (first["glue"] != "و" or first["opener"]) and 1 <= int(first["d0"]) < day:
        # "من 8 - 15 / 10 / 1436هـ": the first day shares the month and year.
        start = value - dt.timedelta(days=day - int(first["d0"]))
        cand.value, cand.start = (start, value), first.start("d0")
    elif dm and (dm["glue"] != "-" or dm["sep0"] != "-"):
        # "من 23 / 4 إلى 26 / 6 1436هـ": the first end, a day and month, takes the year of the second.
        d0, m0 = int(dm["d0"]), int(dm["m0"])
        y0 = year - (m0 > month)
        start = _hijri_date(y0, m0, d0) if is_hijri else _safe_date(y0, m0, d0)
        if start is not None and start < value:
            cand.value, cand.start = (start, value), dm.start("d0")
    return cand


_NUMERIC_RANGE_START_RE = re.compile(
    r"(?:(?P<opener>من|بين)\s+)?(?<![\d/.-])(?P<d0>\d{1,2})\s*(?P<glue>-|الي|حتي|و)\s*$")
_NUMERIC_DAY_MONTH_START_RE = re.compile(
    r"(?<![\d/.-])(?P<d0>\d{1,2})\s*(?P<sep0>[/.-])\s*(?P<m0>\d{1,2})\s*(?P<glue>-|و?الي|و?حتي)\s*$")


def _on_month(m: Found, ctx: Context) -> Candidate | None:
    if not m["year"] and _NAMED_DAY_BEFORE_MONTH_RE.search(ctx.form, max(0, m.start() - 40), m.start()):
        return None  # "ثورة الثلاثين من يونيو": the month of a name, not a date
    cand = _on_whole_month(m, ctx)
    if cand is None or not m["tenth"] or m["mon2"]:
        return cand
    if cand.value is None:  # no publication date: the relative month stands for its tenth too
        cand.relative = f"{cand.relative} tenth:{_TENTH_FIRST_DAY[m['tenth']]}"
        return cand
    first_day = _TENTH_FIRST_DAY[m["tenth"]]
    first = cand.value[0] + dt.timedelta(days=first_day - 1)
    last = cand.value[1] if first_day == 21 else first + dt.timedelta(days=9)
    cand.value, cand.precision = (first, last), "day"
    return cand


def _on_whole_month(m: Found, ctx: Context) -> Candidate | None:
    month_info = _month_number(m["mon"])
    if month_info is None:
        return None
    month, is_hijri = month_info
    name = re.sub(r"\s+", " ", m["mon"])
    if _DAY_BEFORE_MONTH_RE.search(ctx.form, max(0, m.start() - 10), m.start()):
        return None  # "31 شباط 2017": the day-month reading owns it, and it was impossible
    # "أواخر مارس": a part of the month makes even an ambiguous name a month (not خلال/طوال,
    # which also take people: "خلال رجب").
    part = m["part"] not in (None, "خلال", "طوال")
    # "يونيو ويوليو الماضيين", "مايو ويونيو 2014": the first of two months takes the second's
    # (dual) modifier or year; the second is a month because it follows one.
    # Two months stay two items (the convention of the annotated sets: "من شهر يوليو حتى بداية شهر
    # أغسطس" is July and August).
    coordinated = None if m["year"] or m["mod"] or m["ymod"] else _coordination(ctx.form, m.end())
    after_month = bool(_AFTER_MONTH_RE.search(ctx.form, max(0, m.start() - 30), m.start()))
    has_context = bool(m["year"] or m["mod"] or m["ymod"] or m["shahr"] or m["mon2"] or m["tenth"] or part
                       or coordinated or after_month)
    if not has_context and not _preceded_by_month_cue(ctx.form, m.start(), name if name in _AMBIGUOUS else None):
        return None
    cand = Candidate(m.start(), m.end(), "month", precision="month", calendar="hijri" if is_hijri else "gregorian")
    year = _explicit_year(m, ctx)
    mod, ymod = m["mod"], m["ymod"]
    if coordinated and coordinated.year:
        last = _month_number(coordinated.last_month)
        if last is None or last[1] != is_hijri:
            return None
        year = int(coordinated.year) - (month > last[0])
    elif coordinated and coordinated.ymod:
        ymod = coordinated.ymod
        year = ctx.published.year + _year_delta(ymod) if ctx.published else None
    elif coordinated:
        mod = coordinated.mod
    cand.fields = {"month": month, "hijri": is_hijri, "year": year if m["year"] or coordinated or ymod else None,
                   "mod": mod}
    if ymod and is_hijri:
        return None
    if ymod and year is None:
        cand.relative = f"month:{month} year:{_year_delta(ymod):+d}"
        return cand
    if year is not None:
        if is_hijri:
            cand.value = hijri.hijri_month_range(year, month)
        elif _is_hijri_year(year, m["suffix"], False):
            return None
        elif MIN_YEAR <= year <= MAX_YEAR:
            cand.value = _month_range(year, month)
            cand.written = bool(m["year"])
        return cand if cand.value else None
    direction, strict = _direction(mod, ctx, m.start(), m.end())
    if m["before_last"]:
        direction, strict = "past", True  # "رمضان قبل الماضي": the one before the last one
    cand.tense = direction if direction in ("past", "future") else None
    if ctx.published is None:
        cand.relative = f"month:{'hijri:' if is_hijri else ''}{month} {direction or 'nearest'}"
        if m["before_last"]:
            cand.relative += " -1 year"
        return cand
    if m["before_last"]:
        last = (_pick_hijri_year(ctx.published, month, "past", True) if is_hijri
                else _pick_year(ctx.published, lambda y: _month_range(y, month), "past", True))
        if last is None:
            return None
        before = last[0] - dt.timedelta(days=1)
        cand.value = (_pick_hijri_year(before, month, "past", False) if is_hijri
                      else _pick_year(before, lambda y: _month_range(y, month), "past", False))
        return cand if cand.value else None
    if is_hijri:
        if direction == "current":
            cand.value = hijri.hijri_month_range(hijri.gregorian_to_hijri_year(ctx.published), month)
        else:
            cand.value = _pick_hijri_year(ctx.published, month, direction, strict)
    elif direction == "current":
        cand.value = _month_range(ctx.published.year, month)
    else:
        slack = _slack(direction, mod, ctx, m.start(), m.end())
        cand.value = _pick_year(ctx.published, lambda y: _month_range(y, month), direction, strict, slack)
    return cand if cand.value else None


_DAY_BEFORE_MONTH_RE = re.compile(r"\d\s*(?:من\s+)?(?:شهر\s+)?$")
_MONTH_CUE_RE = re.compile(
    r"(?<!\S)([وف]?(?:في|منذ|خلال|حتي|قبل|بعد|مطلع|اوايل|اواخر|منتصف|نهايه|بدايه|من|الي|بين|عن|لغايه))\s+$")
_DUAL_MOD = r"(?:الماضي|المنصرم|الفايت|المقبل|القادم)ين"
COORDINATED_MONTH_RE = re.compile(
    rf"{OPT_S}[,،]?{OPT_S}(?:و|الي{S}|حتي{S}|-{OPT_S})(?:شهر{S})?(?P<mon_b>{MONTH})"
    rf"(?:(?:{OPT_S}[(/]{OPT_S}|{S}){MONTH}{OPT_S}\)?)?"
    rf"(?:{S}(?P<cmod>{_DUAL_MOD})|{OPT_S},?{OPT_S}(?:من{S})?(?:عام{S}|العام{S})?(?P<cyear>{YEAR_NUM})"
    rf"|{S}(?:من{S})?(?:العام|السنه|عام){S}(?P<cymod>الماضي|الماضيه|المنصرم|المنصرمه|الفايت|الجاري|الجاريه"
    rf"|الحالي|الحاليه|المقبل|المقبله|القادم|القادمه))?(?!\w)"
)


@dataclass
class _Chain:
    """What the last of several coordinated months carries ("أكتوبر ونوفمبر وديسمبر من العام الجاري")."""

    last_month: str
    mod: str | None
    year: str | None
    ymod: str | None


def _coordination(form: str, end: int) -> _Chain | None:
    chain = None
    for _ in range(11):
        link = COORDINATED_MONTH_RE.match(form, end)
        if link is None:
            break
        chain = _Chain(link["mon_b"], link["cmod"], link["cyear"], link["cymod"])
        if link["cmod"] or link["cyear"] or link["cymod"]:
            break
        end = link.end()
    return chain
_AFTER_MONTH_RE = re.compile(rf"(?:{MONTH})(?:{OPT_S}\))?{OPT_S}[,،]?{OPT_S}و$")


def _preceded_by_month_cue(form: str, start: int, ambiguous: str | None = None) -> bool:
    """A bare month name counts only after a preposition of time ("في سبتمبر", "منذ مايو"). A
    name that is also a word counts after one that cannot take that word ("في مارس", "منذ رمضان";
    not "من مارس الرياضة", "من رمضان"); صفر (zero) never does."""
    cue = _MONTH_CUE_RE.search(form, max(0, start - 12), start)
    if not ambiguous or cue is None:
        return cue is not None
    if ambiguous not in _RELAXED_NAMES:
        return False  # صفر (zero), آب/إب (the Yemeni city), مائة (hundred, folded مايه)
    if cue.group(1).lstrip("وف") == "من":  # "الأيام الأخيرة من رمضان", "الأسبوع الأول من رمضان"
        return bool(_PART_BEFORE_MIN_RE.search(form, max(0, start - 30), cue.start(1)))
    return cue.group(1).lstrip("وف") not in ("الي", "بين")


# Ambiguous names that a preposition of time makes months ("في مارس", "منذ رمضان").
_RELAXED_NAMES = frozenset(match_form(w) for w in ("مارس", "مارص", "ماي", "رمضان", "شعبان", "رجب", "شوال", "محرم"))
_PART_BEFORE_MIN_RE = re.compile(
    r"(?:الايام|الليالي|الاسبوع|الاسابيع|العشر|ايام|ليالي|الاخيره|الاخير|الاولي|الاول|الاواخر|الاوايل|الثاني|الثالث"
    r"|الرابع|منتصف|نهايه|بدايه|مطلع|اواخر|اوايل)\s+$")  # not اول/اخر: "أول من مارس" (the first who)


def _on_year(m: Found, ctx: Context) -> Candidate | list[Candidate] | None:
    if (lifespan := _lifespan(m, ctx)) is not None:
        return lifespan
    cand = _on_year_span(m, ctx)
    if cand is None or not m["y2"] or cand.value is None:
        return cand
    if not re.fullmatch(r"\s*و\s*", ctx.form[m.core.end("y1") : m.core.start("y2")]):
        return cand
    if m["cue"] in ("بين", "من") or re.search(r"(?:بين|من)\s+$", ctx.form[max(0, m.start() - 6) : m.start()]):
        return cand  # "بين 2014 و2018", "بين عامي 2010 و2014": the span between them
    # "عامي 1994 و1999", "في 2014 و2018": two years, not the span between them (as two dates
    # joined by و are two dates unless opened by من/بين).
    first_end, second_start = m.core.end("y1"), m.core.start("y2")
    second = Candidate(second_start, cand.end, "year", precision="year", written=True)
    second.value = (dt.date(cand.value[1].year, 1, 1), cand.value[1]) if cand.value[1].month == 12 else None
    first = Candidate(cand.start, first_end, "year", precision="year", written=True)
    first.value = (cand.value[0], dt.date(cand.value[0].year, 12, 31)) if cand.value[0].month == 1 else None
    if first.value is None or second.value is None:
        return cand  # Hijri years: keep the span
    return [first, second]


def _on_year_span(m: Found, ctx: Context) -> Candidate | None:
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if m["y2"] else y1
    suffix = (m["suffix"] or "").strip()
    cue = m["cue"]
    position = None
    if not cue and not suffix and not m["part"] and not _plain_year_span(m, y1, y2):
        position = _year_by_position(m, ctx)
        if position is None:
            return None
        cue = "في"  # a list member, a year in parentheses, a dated line: checked like after في
    if (cue in _WEAK_YEAR_CUES or m["uprising"]) and not suffix and not m["y2"] and (
            cue == "بين" or _followed_by_counted_noun(ctx.form, m.end(), y1, ctx.published)):
        return None  # "في 2000 حالة", "بين 2027 شخصا" (a year needs two ends after بين)
    if suffix == "م" and not cue and _MEASURE_BEFORE_RE.search(ctx.form, max(0, m.core.start() - 25), m.core.start()):
        return None  # "بلغت مساحته 2000م": metres
    cand = Candidate(m.start(), m.end(), "year", precision="year")
    if position == "list":
        cand.fields = {"list_member": True}  # kept only if the year before it is a date
    if m["calendar"] and not suffix:
        suffix = "ه" if m["calendar"].startswith("اله") else "م"  # "العام الهجري 1437"
    if not suffix and (m["ymod"] or cue in _STRONG_YEAR_CUES) and _hijri_only(y1, y2, ctx.published):
        suffix = "ه"
    if suffix.startswith("ه"):
        first, last = hijri.hijri_year_range(y1), hijri.hijri_year_range(y2)
        cand.value = (first[0], last[1]) if first and last and y2 >= y1 else None
    elif _year_floor(suffix, cue) <= y1 <= y2 <= MAX_YEAR:
        cand.value = (_year_range(y1)[0], _year_range(y2)[1])
        cand.written = y1 == y2
    if cand.value is None:
        return None
    cand.calendar = "hijri" if suffix.startswith("ه") else "gregorian"
    if not m["cue"] and not m["part"]:
        return cand
    # Leave the preposition out of the span unless it is part of the name (عام, موسم).
    if (cue in _WEAK_YEAR_CUES and not m["part"]) or cue in _BUDGET_CUES:
        cand.start = m.start("y1")
    return cand


LIFESPAN_YEARS = (15, 120)


def _lifespan(m: Found, ctx: Context) -> list[Candidate] | None:
    """"فريدريك تايلور (1856 - 1915)", "(1115 - 1206هـ)": two years alone in parentheses after a
    name, a lifetime apart and both past, are a birth and a death: two years, not a span (a span
    of recent years, "(2014 - 2015)", stays one: `_plain_year_span`)."""
    if not m["y2"] or m["cue"] or m["part"] or "-" not in m.core[0]:
        return None
    y1, y2 = int(m["y1"]), int(m["y2"])
    if _plain_year_span(m, y1, y2) or not LIFESPAN_YEARS[0] <= y2 - y1 <= LIFESPAN_YEARS[1]:
        return None
    form, start, end = ctx.form, m.core.start(), m.core.end()
    if not (re.search(r"\(\s*$", form[max(0, start - 3) : start]) and re.match(r"\s*\)", form[end : end + 3])):
        return None
    if _followed_by_counted_noun(form, form.index(")", end) + 1):
        return None  # "(1800 - 1900) ريال": amounts
    hijri_years = (m["suffix"] or "").strip().startswith("ه")
    years = []
    for year, (first, last) in ((y1, (m.core.start("y1"), m.core.end("y1"))), (y2, (m.core.start("y2"), end))):
        if hijri_years:
            value = hijri.hijri_year_range(year)
        elif WORDED_MIN_YEAR <= year <= MAX_YEAR:
            value = _year_range(year)
        else:
            return None
        if value is None or (ctx.published is not None and value[0] > ctx.published):
            return None
        years.append(Candidate(first, last, "year", value, "year", written=not hijri_years))
    return years


# "أعوام 2007 و2009 و2010": a number joined by و to a year before it.
_AFTER_YEAR_LIST_RE = re.compile(r"\d{4}\s*\)?\s*[،,]?\s*و$")
# "(2008)" alone in parentheses; "1912 - الحكومة العثمانية..." opening a line of a chronology.
_LINE_START_RE = re.compile(r"(?:^|\n)[ \t]*$")


def _year_by_position(m: Found, ctx: Context) -> str | None:
    """Why a number with no year word is a year: "list", "parentheses", "line"; else None."""
    start, end, form = m.core.start(), m.core.end(), ctx.form
    if m["y2"] or not BARE_MIN_YEAR <= int(m["y1"]) <= MAX_YEAR:
        return None
    if _AFTER_YEAR_LIST_RE.search(form, max(0, start - 12), start):
        return "list"
    if re.search(r"\(\s*$", form[max(0, start - 3) : start]) and re.match(r"\s*\)", form[end : end + 3]):
        return None if _followed_by_counted_noun(form, form.index(")", end) + 1) else "parentheses"
    if _LINE_START_RE.search(form, max(0, start - 20), start) and re.match(r"\s*[-–:]\s", form[end : end + 4]):
        return "line"
    return None


# Nouns of a measure before a number: its م is metres ("مساحته 1600م"، "بطول 2000م").
_MEASURE_BEFORE_RE = re.compile(
    r"(?:مساح|طول|ارتفاع|عمق|مسافه|عرض|قطر|بمساح|بطول|بارتفاع|بعمق|بمسافه|بعرض)\w{0,3}\s+(?:\w+\s+){0,2}$")


def _year_floor(suffix: str, cue: str | None) -> int:
    if suffix.startswith("م") and cue:
        return MIN_YEAR  # "عام 1869م"; a bare "1600م" may be metres
    return WORDED_MIN_YEAR if cue in _STRONG_YEAR_CUES else BARE_MIN_YEAR


def _plain_year_span(m: Found, y1: int, y2: int) -> bool:
    """"الفترة 2010-2014": two plausible years joined by a hyphen are a span of years even
    without a year word."""
    return bool(m["y2"]) and "-" in m.core[0] and 1950 <= y1 < y2 <= min(y1 + 30, MAX_YEAR)


def _hijri_only(y1: int, y2: int, published: dt.date | None) -> bool:
    """"عام 1394", "العام الماضي 1435" with no هـ: a number in the Hijri table, not after the
    publication's Hijri year, and too far before its Gregorian year to be one."""
    if published is None or not hijri.MIN_YEAR <= y1 <= y2 <= hijri.MAX_YEAR:
        return False
    return y2 <= hijri.gregorian_to_hijri_year(published) and published.year - y2 > HIJRI_ONLY_GAP


def _followed_by_counted_noun(form: str, end: int, number: int = 0, published: dt.date | None = None) -> bool:
    """A number of 11 or more takes an indefinite noun: "2000 حالة". A definite word, a function
    word, punctuation or the end of the text after it leave it a year."""
    following = re.match(r"\s*([^\W\d_]+)", form[end : end + 30])
    if not following:
        return False
    word = following.group(1)
    bare = word[1:] if word[0] in "وف" and len(word) >= 3 else word  # "ولا": و + لا
    # a definite word, also behind a glued preposition ("في 2014 للتأكد", "بالتعاون")
    if bare.startswith(("ال", "لل", "بال", "كال")) or word in _FUNCTION_WORDS or bare in _FUNCTION_WORDS:
        return False
    # After a number of 100 or more the counted noun is genitive ("2000 شخص"); an accusative
    # ending in alif ("منذ 1984 تمرداً") is a new phrase, so the number is a year -- unless the
    # number lies years after publication: then it is a count whose last two digits (11-99) take
    # the accusative ("بين 2027 شخصاً" in 2015).
    if word.endswith("ا") and len(word) > 3:
        return published is not None and number > published.year + 1 and number % 100 >= 11
    return _counted_noun_shape(word)


def _counted_noun_shape(word: str) -> bool:
    # "و" opening a new clause ("في 2015 وقال"), unless it is a noun that begins with و.
    return not (word.startswith(("و", "ف")) and len(word) >= 4 and word not in _NOUNS_WITH_WAW)


def _on_relative_day(m: Found, ctx: Context) -> Candidate | None:
    rel = re.sub(r"\s+", " ", m["rel"])
    if rel in ("غد", "الغد") and not m["part"] and not m["yawm"] and not m["wd"]:
        return None  # bare غد is "the future" ("تيار الغد"); "صباح غد" is tomorrow morning
    if rel in ("اليوم", "الليله") and not m["wd"] and not _looks_like_today(ctx.form, m.start("rel"), m.end()):
        return None
    if rel.endswith("الامس") and not m["wd"] and not _looks_like_yesterday(ctx.form, m.start("rel"), m.end()):
        return None
    if rel == "امس" and ctx.form[m.start("rel") - 1 : m.start("rel")] in ("ل", "ب", "ك"):
        return None  # "لامس" (touched), "بأمس الحاجة" (in most need): not yesterday
    offset = {"اليوم": 0, "الليله": 0, "امس": -1, "الامس": -1, "البارحه": -1, "غدا": 1, "غد": 1,
              "بعد غد": 2, "الغد": 1, "اول امس": -2, "الليله الماضيه": -1, "الليله قبل الماضيه": -2, "اول من امس": -2, "امس الاول": -2,
              "هذا الصباح": 0, "هذا المساء": 0, "قبل امس": -2, "قبل الامس": -2, "قبل يوم امس": -2,
              "ما قبل الامس": -2, "ما قبل امس": -2, "الاول من امس": -2}[rel]
    weekday = _WEEKDAY_INDEX.get(m["wd"]) if m["wd"] else None
    cand = Candidate(m.start(), m.end(), "relative_day", weekday=weekday, day_offset=offset)
    if ctx.published is None:
        cand.relative = f"{offset:+d} day" if weekday is None else f"{offset:+d} day weekday:{WEEKDAY_ENGLISH[weekday]}"
        return cand
    day = ctx.published + dt.timedelta(days=offset)
    if weekday is not None and day.weekday() != weekday:
        # The weekday is the firmer fact: the report was written a day or two before the
        # date we hold as its publication, or after it for غداً.
        if offset > 0:
            # "يوم غد الأربعاء" published on that Wednesday: written the day before; the named
            # weekday nearest to the day meant (a tie goes to the later one).
            meant = ctx.published + dt.timedelta(days=offset)
            back, ahead = (meant.weekday() - weekday) % 7, (weekday - meant.weekday()) % 7
            day = meant - dt.timedelta(days=back) if back < ahead else meant + dt.timedelta(days=ahead)
        else:
            day = _weekday_near(ctx.published, weekday, "past", strict=True)
    cand.value = (day, day)
    return cand


# "بالأمس القريب" (the recent past), "نجوم الأمس" (yesterday's stars): الأمس as the past, not a day.
_PAST_AGE_BEFORE = frozenset(match_form(w) for w in (
    "نجوم", "لاعبي", "جيل", "أجيال", "أبطال", "رجال", "عمالقة", "شباب", "أطفال", "عالم", "ذكريات", "مدرسة"))


def _looks_like_yesterday(form: str, start: int, end: int) -> bool:
    following = re.match(r"\s*([^\W\d_]+)", form[end : end + 20])
    if following and following.group(1).startswith("ال") and following.group(1) not in _WEEKDAY_INDEX:
        return False  # "الأمس القريب", "نجوم الأمس الرياضي"
    before = re.search(r"([^\W\d_]+)\s+$", form[max(0, start - 12) : start])
    return not (before and before.group(1) in _PAST_AGE_BEFORE)


def _looks_like_today(form: str, start: int, end: int) -> bool:
    """اليوم is "today" unless it heads a phrase ("اليوم الوطني", "اليوم التالي", "اليوم نفسه")
    or follows a demonstrative ("ذلك اليوم")."""
    following = re.match(r"\s*([^\W\d_]+)", form[end : end + 20])
    if following:
        word = following.group(1)
        if word in _NOT_DAY_AFTER_TODAY:
            return False
        # "اليوم الوطني", "اليوم العالمي", "اليوم التالي": a day named by an adjective.
        if word in _DAY_ADJECTIVES or (word.startswith("ال") and word.endswith("ي") and len(word) > 4
                                       and word not in _WEEKDAY_INDEX):
            return False
    if form[start - 1 : start] in ('"', "'") and form[end : end + 1] in ('"', "'"):
        return False  # «اليوم»: the newspaper
    before = re.search(r"([^\W\d_]+)\s+$", form[max(0, start - 12) : start])
    return not (before and before.group(1) in _NOT_TODAY_BEFORE) and not _outlet_named_today(form, start, end)


def _outlet_named_today(form: str, start: int, end: int) -> bool:
    """"قناة اليمن اليوم", «اليمن اليوم»: اليوم ends an outlet's name."""
    words = re.search(r"(?:([^\W\d_]+)\s+)?([\"']?)([^\W\d_]+)\s+$", form[max(0, start - 40) : start])
    if not words:
        return False
    media, quote, name = words.groups()
    if quote and form[end : end + 1] == quote:
        return True  # a quoted "X اليوم": a title
    return name in _OUTLET_TODAY_STEMS and media in _MEDIA_WORDS


_NOT_WEEKDAY_BEFORE = frozenset(match_form(w) for w in ("صلاة", "خطبة", "خطيب", "خطباء", "خطب", "صلاه", "يوم", "أيام"))
# Family names that are weekdays (الجمعة، الخميس، السبت): after a title, a given name or "بن X".
_PERSON_BEFORE = frozenset(match_form(w) for w in (
    "الدكتور", "د", "المهندس", "م", "الأستاذ", "أ", "الشيخ", "اللواء", "العميد", "العقيد", "المقدم", "الرائد",
    "النقيب", "الأمير", "السيد", "الزميل", "الكابتن", "المدرب", "اللاعب", "الفنان", "الشاعر", "الكاتب",
    "محمد", "أحمد", "عبدالله", "عبدالعزيز", "عبدالرحمن", "خالد", "فهد", "سعد", "علي", "ناصر", "سعود",
    "صالح", "إبراهيم", "سليمان", "حمد", "فيصل", "سلطان", "عبدالرحمن", "يوسف", "عمر", "ماجد", "بندر",
    "تركي", "سلمان", "منصور", "مشعل", "نايف", "بدر", "حسن", "حسين", "عادل", "طارق", "وليد", "هشام",
))
_THE_TWO_RE = re.compile(r"(?:(?:بين|كلا|ب)\s*ال[اإ]?ثنين|ال[اإ]?ثنين\s+(?:الاخرين|الاخريين|الباقيين|المتبقيين|معا))")
_NAME_CHAIN_RE = re.compile(r"(?:بن|بنت|ابن)\s+[^\W\d_]+\s+$")


def _on_weekday(m: Found, ctx: Context) -> Candidate | None:
    weekday = _WEEKDAY_INDEX[m["wd"]]
    before = re.search(r"([^\W\d_]+)\s+$", ctx.form[max(0, m.start() - 10) : m.start()])
    if before and before.group(1) in _NOT_WEEKDAY_BEFORE and m.start("wd") == m.start():
        return None  # "صلاة الجمعة": the weekly prayer, not a date
    if weekday == 0 and not m["mod"] and _THE_TWO_RE.search(ctx.form, max(0, m.start() - 8), m.end() + 12):
        return None  # "بين الاثنين", "الاثنين الآخرين": "the two", not Monday
    if m.start("wd") == m.start() and not m["mod"] and (
            (before and before.group(1).lstrip("وف") in _PERSON_BEFORE)
            or _NAME_CHAIN_RE.search(ctx.form, max(0, m.start() - 25), m.start())):
        return None  # "الدكتور عبدالله بن عبدالله الجمعة": a family name
    cand = Candidate(m.start(), m.end(), "weekday", weekday=weekday)
    mod = m["mod"]
    if mod is None and (coordinated := COORDINATED_WEEKDAY_RE.match(ctx.form, m.end())):
        mod = coordinated["mod"]
    direction, strict = _direction(mod, ctx, m.start(), m.end())
    direction = direction if direction in ("past", "future") else None
    if mod is None and before and before.group(1) in ("هذا", "هذه") and m.start("wd") == m.start():
        direction, strict = "future", False  # "هذا الأربعاء": this coming Wednesday
    if m["further"] and (m["further"] == "بعد") != (direction == "future"):
        return None  # "الأربعاء بعد الماضي": not a way to name a day
    cand.tense = direction
    if ctx.published is None:
        cand.relative = f"weekday:{WEEKDAY_ENGLISH[weekday]} {({'past': 'last', 'future': 'next'}).get(direction or '', 'nearest')}"
        if m["further"]:
            cand.relative += f" {'+' if m['further'] == 'بعد' else '-'}1 week"
        return cand
    day = _weekday_near(ctx.published, weekday, direction or "nearest", strict)
    if m["further"]:
        day += dt.timedelta(weeks=1 if direction == "future" else -1)
    cand.value = (day, day)
    if (re.sub(r"\s+", " ", m["part"] or "").removeprefix("منتصف ") in ("ليل", "ليله") and not mod
            and (night := re.match(rf"{S}(?:و{OPT_S})?({WEEKDAY}){END}", ctx.form[m.end() : m.end() + 20]))
            and _WEEKDAY_INDEX.get(night.group(1)) == (weekday + 1) % 7):
        # "ليل الأحد الاثنين": the night between the two days, one two-day range
        cand.end = m.end() + night.end()
        cand.value = (day, day + dt.timedelta(days=1))
    return cand


# Nouns that العام qualifies as "general" ("المدير العام السابق": the former general manager,
# "الأمين العام الحالي"): then العام + modifier is not a year.
_GENERAL_NOUNS = frozenset(match_form(w) for w in (
    "المدير", "الأمين", "الرأي", "القطاع", "النائب", "المؤشر", "المشرف", "المراقب", "المفتش", "المنسق",
    "المستشار", "المدعي", "المرشد", "القائد", "الإطار", "النظام", "الأمن", "الصالح", "الشأن", "المال",
    "التعليم", "الذوق", "الطابع", "الاتجاه", "الوضع", "العفو", "الإضراب", "الحق", "الرئيس", "الوكيل",
    "المستوى", "المؤتمر", "المدرب", "المقرر", "السكرتير", "المحامي", "الادعاء", "النقل", "الإنفاق",
    "الدين", "العام", "الطريق", "الحشد", "الاستفتاء", "التعداد", "الانطباع", "المنسق", "الموجه",
))


def _after_general_noun(form: str, start: int) -> bool:
    """العام right after a noun it qualifies ("المدير العام", "للأمين العام")."""
    if not form.startswith("العام", start):
        return False
    before = re.search(r"([^\W\d_]+)\s+$", form[max(0, start - 20) : start])
    if before is None:
        return False
    word = before.group(1)
    word = word[1:] if word[:1] in "وف" and len(word) > 4 else word
    word = "ال" + word[3:] if word.startswith(("بال", "كال")) else "ال" + word[2:] if word.startswith("لل") else word
    return word in _GENERAL_NOUNS


def _on_relative_unit(m: Found, ctx: Context) -> Candidate | None:
    if _after_general_noun(ctx.form, m.start("unit1") if m["unit1"] else m.start()):
        return None
    unit_word = (m["unit1"] or "ال" + m["unit2"])
    unit = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}[unit_word]
    mod = m["mod"] or ""
    if m["before_last"]:
        delta = -2  # "العام قبل الماضي": the year before last
    elif m["after_next"]:
        delta = 2  # "الأسبوع بعد القادم": the week after next
    elif mod.startswith(("الماضي", "المنصرم", "الفايت")):
        delta = -1
    elif mod.startswith(("المقبل", "القادم")):
        delta = 1
    elif m["dem"] or mod.startswith(("الجاري", "الحالي")):
        delta = 0
    else:
        return None  # "الشهر الكريم" and the like
    cand = Candidate(m.start(), m.end(), "relative_unit", precision=unit)
    if ctx.published is None:
        cand.relative = f"{delta:+d} {unit}{' hijri' if m['cal'] else ''}"
        return cand
    if m["cal"]:  # "العام الهجري الجاري": the Hijri year of publication, shifted
        cand.value = hijri.hijri_year_range(hijri.gregorian_to_hijri_year(ctx.published) + delta)
        cand.calendar = "hijri"
        return cand if cand.value else None
    cand.value = _shift_unit(ctx.published, unit, delta)
    return cand


def _shift_unit(published: dt.date, unit: str, delta: int) -> tuple[dt.date, dt.date]:
    if unit == "day":
        day = published + dt.timedelta(days=delta)
        return day, day
    if unit == "week":
        return _week_range(published + dt.timedelta(weeks=delta))
    if unit == "month":
        return _month_range(*_add_months(published.year, published.month, delta))
    return _year_range(published.year + delta)


def _on_ago(m: Found, ctx: Context) -> Candidate | None:
    unit_info = _UNIT_INDEX.get(m["unit"])
    if unit_info is None:
        return None
    unit, implied = unit_info
    num = m["num"]
    if num:
        count = int(num) if num.isdigit() else _number_words(num)
        # After 11 and more the counted noun is singular ("قبل 30 سنة", "منذ 15 يوم", the
        # accusative tanwin unwritten); below, a singular or dual word after a number is no count.
        if count is None or (implied not in (None, 0) and not (implied == 1 and count >= 11)):
            return None
    elif implied == 0:
        return None
    else:
        count = implied
    if implied == 1 and _next_word_is_name_of_time(ctx.form, m.end()):
        return None  # "قبل يوم الجمعة" (before Friday), "منذ شهر رمضان"
    cand = Candidate(m.start(), m.end(), "ago", precision=unit)
    if m["prep"] == "بعد":
        # "سيعود بعد يومين": from publication only in a future clause; in a past narrative
        # ("وتوفي بعد يومين") it counts from the event, which we do not know.
        from_now = re.match(r"\s*من\s+الان(?!\w)", ctx.form[m.end() : m.end() + 12])
        if count is None or (not from_now and tense_near(ctx.form, m.start(), m.end(), subjunctive=False) != "future"):
            return None
        count = -count
    if count is None:
        if unit != "day":
            return None  # "قبل سنوات": too vague to place
        cand.relative = "-7..-1 day"
        if ctx.published:
            cand.value = (ctx.published - dt.timedelta(days=7), ctx.published - dt.timedelta(days=1))
        cand.precision = "day"
        return cand
    cand.relative = f"{-count:+d} {unit}"
    if ctx.published:
        if unit == "day":
            cand.value = _shift_unit(ctx.published, "day", -count)
        elif unit == "week":
            cand.value = _week_range(ctx.published - dt.timedelta(weeks=count))
        else:
            cand.value = _shift_unit(ctx.published, unit, -count)
    return cand


def _on_after_that(m: Found, ctx: Context) -> Candidate | None:
    unit_info = _UNIT_INDEX.get(m["unit"])
    if unit_info is None:
        return None
    unit, implied = unit_info
    if m["num"]:
        count = int(m["num"]) if m["num"].isdigit() else _number_words(m["num"])
        if count is None or (implied not in (None, 0) and not (implied == 1 and count >= 11)):
            return None
    else:
        count = implied
    if not count:
        return None  # "بعدها بأيام": too vague to place
    delta = count if m["dir"] == "بعد" else -count
    return Candidate(m.start(), m.end(), "anaphoric", precision=unit, anaphora=f"after:{unit}:{delta:+d}")


def _on_next_day(m: Found, ctx: Context) -> Candidate | None:
    return Candidate(m.start(), m.end(), "anaphoric", precision="day", anaphora="after:day:+1")


def _after_that(cand: Candidate, previous: Candidate | None, form: str) -> tuple[dt.date, dt.date] | None:
    """"في 14 أغسطس 1992، بينما سجلت بعدها بسنتين": the unit of the date just written, shifted."""
    if (previous is None or previous.value is None or cand.start - previous.end > AFTER_THAT_WINDOW
            or _SENTENCE_END_RE.search(form, previous.end, cand.start)):
        return None
    _, unit, delta = cand.anaphora.split(":")
    if _PRECISION_RANK.get(previous.precision, 0) > _PRECISION_RANK[unit]:
        return None  # "عام 1980 ... بعدها بيومين": the day it counts from is not known
    first = previous.value[1] if int(delta) > 0 else previous.value[0]  # "بين 2012 و2014، وبعدها بعام": 2015
    if unit == "year":
        return _year_range(first.year + int(delta))
    if unit == "month":
        return _month_range(*_add_months(first.year, first.month, int(delta)))
    if unit == "week":
        return _week_range(first + dt.timedelta(weeks=int(delta)))
    day = first + dt.timedelta(days=int(delta))
    return (day, day)


def _number_words(words: str) -> int | None:
    """"خمسة", "خمسة وتسعين" (95): a unit, a ten, or a unit and a ten."""
    parts = re.split(r"\s+و", words)
    values = [_NUMBER_INDEX.get(p.strip()) for p in parts]
    if any(v is None for v in values):
        return None
    if len(values) == 2 and not (values[0] < 10 and values[1] % 10 == 0 and values[1] >= 20):
        return None
    return sum(values)


def _next_word_is_name_of_time(form: str, end: int) -> bool:
    following = re.match(r"\s*([^\W\d_]+)", form[end : end + 25])
    if not following:
        return False
    word = following.group(1)
    return word.startswith("ال") or word in _GREG_INDEX or word in _HIJRI_INDEX or word.split()[0] in {
        n.split()[0] for n in _HIJRI_INDEX
    }


_ORDINAL_PARTS = {"الاول": 0, "الثاني": 1, "الثالث": 2, "الرابع": 3}


def _on_quarter(m: Found, ctx: Context) -> Candidate | None:
    """Quarters and halves of a year, two quarters, the first N months: a month range."""
    if m["months"]:
        first_month, last_month = 1, _MONTH_COUNTS.get(re.sub(r"\s+", " ", m["n"]), 11)
        label = f"months:1-{last_month}"
    elif m["parts"]:
        first_month, last_month = _ORDINAL_PARTS[m["ord1"]] * 3 + 1, _ORDINAL_PARTS[m["ord2"]] * 3 + 3
        if last_month < first_month:
            return None
        label = f"months:{first_month}-{last_month}"
    else:
        length = 3 if m["part"] == "الربع" else 6
        count = 12 // length
        index = count - 1 if m["ord"] == "الاخير" else _ORDINAL_PARTS[m["ord"]]
        if index >= count:
            return None
        first_month, last_month = index * length + 1, index * length + length
        label = f"{m['part']}:{index + 1}/{count}"
    cand = Candidate(m.start(), m.end(), "quarter", precision="month")
    bare = m["bare"] is not None
    if bare and not m["part"]:
        return None  # "الأشهر الثلاثة الأولى" of what? (a contract, a season): not a date
    if bare and re.match(r"\s+من\s+\S", ctx.form[m.end() : m.end() + 10]):
        # Of something else than a calendar year (those are read by QUARTER_YEAR): "الربع الأول من
        # شهر رمضان", "من السنة المالية", "النصف الثاني من الموسم الماضي".
        return None
    if m["year"]:
        year: int | None = int(m["year"])
    elif ctx.published is None:
        delta = 0 if m["dem"] or bare else _year_delta(m["mod"])
        cand.relative = f"{label} year:{delta:+d}"
        return cand
    else:
        year = ctx.published.year + (0 if m["dem"] or bare else _year_delta(m["mod"]))
        if bare and dt.date(year, first_month, 1) > ctx.published:
            year -= 1  # "الربع الثالث" in May: the last one that has begun
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    cand.value = (_month_range(year, first_month)[0], _month_range(year, last_month)[1])
    return cand


def _on_two_quarters(m: Found, ctx: Context) -> Candidate | None:
    """A bare "الربعين": the quarter the text last named (within 600 characters) and the one before."""
    named = None
    for q in QUARTER_RE.finditer(ctx.form, max(0, m.start() - 600), m.start()):
        if q["part"] == "الربع":
            named = _on_quarter(Found(q, None, 0), ctx)
    if named is None or named.value is None:
        return None
    year, month = _add_months(named.value[0].year, named.value[0].month, -3)
    cand = Candidate(m.start(), m.end(), "quarter", precision="month")
    cand.value = (_month_range(year, month)[0], named.value[1])
    return cand


def _on_relative_quarter(m: Found, ctx: Context) -> Candidate | None:
    """"الربع السابق" / "الربع المقبل": the quarter before or after the publication's."""
    mod = m["qmod"]
    delta = -1 if mod in ("السابق", "الماضي", "المنصرم", "الفايت") else 1 if mod in ("المقبل", "القادم") else 0
    cand = Candidate(m.start(), m.end(), "quarter", precision="month")
    # "نتائج الربع الأول ... مقارنة بالربع السابق": before the quarter the text last named
    named = None
    for q in QUARTER_RE.finditer(ctx.form, max(0, m.start() - 600), m.start()):
        if q["part"] == "الربع":
            named = _on_quarter(Found(q, None, 0), ctx)
    if named is not None and named.value is not None:
        year, month = _add_months(named.value[0].year, named.value[0].month, 3 * delta)
        cand.value = (_month_range(year, month)[0], _month_range(*_add_months(year, month, 2))[1])
        return cand
    if ctx.published is None:
        cand.relative = f"quarter:{delta:+d}"
        return cand
    year, month = _add_months(ctx.published.year, (ctx.published.month - 1) // 3 * 3 + 1, 3 * delta)
    cand.value = (_month_range(year, month)[0], _month_range(*_add_months(year, month, 2))[1])
    return cand


def _on_day_of_relative_month(m: Found, ctx: Context) -> Candidate | None:
    if m["mod2"] and not m["d1"][-1].isdigit():
        return None  # "كانون الثاني الماضي": a month, not a day
    if _ordinal_of_other_unit(m, ctx):
        return None
    day = _day_number(m["d1"])
    delta = 0 if m["dem"] or m["same"] else _year_delta(m["mod"] or m["mod2"])
    if m["d2"]:
        # "يومي 14 و15 من الشهر الجاري": one day range; "14 و17 من الشهر نفسه": two days
        last = _day_number(m["d2"])
        if last == day + 1:
            return _relative_month_days(m.start("d1"), m.end(), day, last, delta, bool(m["same"]), ctx)
        if last <= day:
            return None
        first = _relative_month_days(m.start("d1"), m.core.end("d1"), day, day, delta, bool(m["same"]), ctx)
        second = _relative_month_days(m.start("d2"), m.end(), last, last, delta, bool(m["same"]), ctx)
        return [c for c in (first, second) if c is not None] or None
    return _relative_month_days(m.start("d1"), m.end(), day, day, delta, bool(m["same"]), ctx)


def _relative_month_days(start: int, end: int, d1: int, d2: int, delta: int, same: bool,
                         ctx: Context) -> Candidate | None:
    cand = Candidate(start, end, "day_month", month_shift=None if same or d1 != d2 else (delta, d1))
    if same:
        cand.anaphora = f"day:{d1}:{d2}"  # the month named last, else the publication's
    if ctx.published is None:
        cand.relative = f"day:{d1}{'-' + str(d2) if d2 != d1 else ''} month:{delta:+d}"
        return cand
    year, month = _add_months(ctx.published.year, ctx.published.month, delta)
    cand.value = _day_range(_safe_date(year, month, d1), _safe_date(year, month, d2))
    return cand if cand.value else None


# "العام السابق", "السنة التالية", "العام الذي سبقه": the year before or after the one the text
# last wrote ("في نهاية عام 2014م ... مقارنة بالعام السابق": 2013); with none written, the
# publication's.
ANAPHORIC_YEAR_RE = re.compile(
    rf"(?:ال|ل)(?P<unit>عام|سنه|شهر|اسبوع){S}(?P<amod>السابق|السابقه|التالي|التاليه|اللاحق|اللاحقه"
    rf"|الذي{S}(?:سبقه|قبله|يليه|تلاه)|التي{S}(?:سبقتها|قبلها|تليها|تلتها)){END}"
)
# "نهاية العام", "منذ بداية العام", "مطلع السنة" with no modifier: the publication's year, or in a
# past narrative the year just written when it lies years before publication ("6 أغسطس 1945 ...
# قتل 140 ألف شخص بحلول نهاية العام"). Not before an adjective (العام الدراسي، العام المالي).
BARE_YEAR_PART_RE = re.compile(
    rf"(?:ال|ل)(?P<unit>عام|سنه|شهر)(?!{S}(?:ال|\d|[وف]?(?:{MONTH})(?!\w))|{OPT_S}\d){END}"
)
BARE_YEAR_PART_PREFIX = rf"(?P<part>مطلع|بدايه|اوايل|اواخر|نهايه|منتصف|اواسط){S}"  # required
# "الشهر نفسه", "نفس الشهر من العام الماضي", "الشهر ذاته من عام 2014": the month last named (else the
# publication's), in the year the phrase gives.
SAME_MONTH_RE = re.compile(
    rf"الشهر(?:{S}(?P<self>نفسه|ذاته))?(?:{S}(?:من|في){S}(?:ال)?(?:عام|سنه){S}"
    rf"(?:(?P<last>الماضي|الماضيه|السابق|السابقه|المنصرم|المنصرمه)|(?P<year>\d{{4}}))"
    rf"(?!\d))?{END}"
)
SAME_MONTH_PREFIX = rf"(?:(?P<same>نفس|ذات){S})?"
# "أول أيام العيد", "رابع أيام عيد الفطر", "ثاني أيام عيد الأضحى": a day counted from 1 Shawwal or
# 10 Dhu al-Hijjah; a bare العيد is the Eid nearest the publication.
EID_DAY_RE = re.compile(rf"(?P<ord>اول|ثاني|ثالث|رابع|خامس){S}ايام{S}(?:عيد{S}(?P<which>الفطر|الاضحي)|العيد){END}")
EID_DAY_TRIGGER = re.compile(rf"(?:اول|ثاني|ثالث|رابع|خامس)(?={S}ايام{S}(?:عيد|العيد))")
_EID_ORDINALS = {"اول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "خامس": 5}
_EID_STARTS = {"الفطر": (10, 1), "الاضحي": (12, 10)}  # (Hijri month, day)
# A bare "نهاية الشهر" is the month of a day or month named this close before it, else the
# publication's; "الشهر السابق" the month before that.
MONTH_WINDOW = 300
# How close the written year must be for a bare "نهاية العام" to take it, and how far from the
# publication's year (nearer years are too easily the current one: "منذ بداية العام").
NARRATIVE_WINDOW = 600
NARRATIVE_GAP = 2


def _on_anaphoric_year(m: Found, ctx: Context) -> Candidate | None:
    if _after_general_noun(ctx.form, m.core.start()):
        return None  # "المدرب العام السابق": the former general coach
    amod = re.sub(r"\s+", " ", m["amod"])
    delta = -1 if amod.startswith(("السابق", "الذي سبقه", "الذي قبله", "التي سبقتها", "التي قبلها")) else 1
    unit = {"شهر": "month", "اسبوع": "week"}.get(m["unit"], "year")
    if unit != "year" and amod.startswith("التي"):
        return None
    cand = Candidate(m.start(), m.end(), "anaphoric", precision=unit, anaphora=f"{unit}:{delta:+d}")
    if ctx.published is None:
        cand.relative = f"{unit}:{delta:+d}"
        return cand
    cand.value = _shift_unit(ctx.published, unit, delta)
    return cand


def _on_same_month(m: Found, ctx: Context) -> Candidate | None:
    if not (m["same"] or m["self"]):
        return None  # a plain "الشهر": the relative-unit rules read it
    year = f"={m['year']}" if m["year"] else ("-1" if m["last"] else "+0")
    cand = Candidate(m.start(), m.end(), "anaphoric", precision="month", anaphora=f"month:same:{year}")
    if ctx.published is None:
        cand.relative = "month:same"
        return cand
    cand.value = _same_month(ctx.published.year, ctx.published.month, year)
    return cand


def _same_month(year: int, month: int, how: str) -> tuple[dt.date, dt.date]:
    """`month` of `year` shifted as the phrase says ("-1": the year before; "=2014": that year)."""
    return _month_range(int(how[1:]) if how.startswith("=") else year + int(how), month)


def _on_eid_day(m: Found, ctx: Context) -> Candidate | None:
    cand = Candidate(m.start(), m.end(), "eid", precision="day")
    if ctx.published is None:
        return None  # which year's Eid cannot be told
    year = hijri.gregorian_to_hijri_year(ctx.published)
    kinds = [m["which"]] if m["which"] else list(_EID_STARTS)
    days = [first + dt.timedelta(days=_EID_ORDINALS[m["ord"]] - 1)
            for kind in kinds for y in (year - 1, year, year + 1)
            if (first := _hijri_date(y, *_EID_STARTS[kind])) is not None]
    if not days:
        return None
    day = min(days, key=lambda d: abs((d - ctx.published).days))
    cand.value = (day, day)
    return cand


def _on_bare_year_part(m: Found, ctx: Context) -> Candidate | None:
    unit = "month" if m["unit"] == "شهر" else "year"
    cand = Candidate(m.start(), m.end(), "anaphoric", precision=unit, anaphora=f"{unit}:part")
    cand.tense = tense_near(ctx.form, m.start(), m.end())
    if ctx.published is None:
        cand.relative = f"{unit}:+0"
        return cand
    cand.value = _shift_unit(ctx.published, unit, 0)
    return cand


def _resolve_anaphora(cands: list[Candidate], form: str, published: dt.date | None) -> None:
    """Expressions that depend on the year the text last wrote: "العام السابق" (that year - 1),
    "نهاية العام" in a past narrative, and a day and month without a year right after a full
    date in the same sentence ("في 9 أغسطس 1945 وانتهت الحرب في 15 أغسطس"), when that year lies
    years before publication."""
    last: Candidate | None = None
    last_month: Candidate | None = None  # the last day or month named, for "الشهر السابق"
    last_week: Candidate | None = None  # the last week named, for "الأسبوع السابق"
    anchor: Candidate | None = None  # a written date the following ones in its sentence may continue
    continued = False
    previous: Candidate | None = None
    for cand in cands:
        ref = last.value[0].year if last is not None and last.value is not None else None
        if cand.anaphora and cand.anaphora.startswith("after:"):
            cand.value = _after_that(cand, previous, form)
        elif cand.anaphora and cand.anaphora.startswith("week:"):
            if last_week is not None and last_week.value and cand.start - last_week.end <= MONTH_WINDOW:
                cand.value = _week_range(last_week.value[0] + dt.timedelta(weeks=int(cand.anaphora[5:])))
        elif cand.anaphora and cand.anaphora.startswith("day:"):
            if last_month is not None and last_month.value and cand.start - last_month.end <= MONTH_WINDOW:
                _, d1, d2 = cand.anaphora.split(":")
                lo, hi = _day_of_month_named(last_month, int(d1)), _day_of_month_named(last_month, int(d2))
                if lo and hi:
                    cand.value = (lo[0], hi[1])
        elif cand.anaphora and cand.anaphora.startswith("month:"):
            if last_month is not None and last_month.value and cand.start - last_month.end <= MONTH_WINDOW:
                year, month = last_month.value[0].year, last_month.value[0].month
                if cand.anaphora.startswith("month:same:"):
                    cand.value = _same_month(year, month, cand.anaphora[11:])
                else:
                    delta = 0 if cand.anaphora == "month:part" else int(cand.anaphora[6:])
                    cand.value = _month_range(*_add_months(year, month, delta))
        elif cand.anaphora and cand.anaphora[5:] in ("+1", "-1") and ref is not None:
            cand.value = _year_range(ref + int(cand.anaphora[5:]))
        elif (cand.anaphora == "year:part" and ref is not None and published is not None and last is not None
              and previous is last
              and cand.tense != "future" and abs(published.year - ref) >= NARRATIVE_GAP
              and cand.start - last.end <= NARRATIVE_WINDOW):
            cand.value = _year_range(ref)
        elif (cand.kind in ("day_month", "month") and anchor is not None and anchor.value is not None
              and published is not None and _continues_narrative(cand, anchor, form, published)):
            _resolve_in_year(cand, anchor.value[0].year)
            continued = True
        since = bool(_SINCE_BEFORE_RE.search(form, max(0, cand.start - 12), cand.start))
        if (cand.written and not since and cand.value is not None and cand.value[0].year == cand.value[1].year
                and (cand.precision != "year" or _SETTING_BEFORE_RE.search(form, max(0, cand.start - 12), cand.start))):
            anchor = cand
        elif not continued:
            anchor = None
        continued = False
        if cand.written and cand.value is not None and cand.value[0].year == cand.value[1].year and not since:
            last = cand
        if (cand.precision in ("day", "month") and cand.value is not None and not cand.anaphora and not since
                and cand.value[0].replace(day=1) == cand.value[1].replace(day=1)):
            last_month = cand
        if cand.precision == "week" and cand.value is not None and not cand.anaphora:
            last_week = cand
        previous = cand


def _day_of_month_named(named: Candidate, day: int) -> tuple[dt.date, dt.date] | None:
    """Day `day` of the month of `named` (a day or month), in its calendar: "الخامس من شهر ذي القعدة
    ... 12 من الشهر ذاته" is 12 Dhu al-Qa'dah."""
    first = named.value[0]
    if named.fields and named.fields.get("hijri"):
        date = _hijri_date(hijri.gregorian_to_hijri_year(first), named.fields["month"], day)
    else:
        date = _safe_date(first.year, first.month, day)
    return (date, date) if date is not None else None


def _continues_narrative(cand: Candidate, anchor: Candidate, form: str, published: dt.date) -> bool:
    """A day-month or month without a year, in the sentence of a date written with a year that lies
    years from publication ("ففي العام 2018 سيقع قمران في شهري يناير ومارس")."""
    fields = cand.fields
    if not fields or fields["year"] or fields["hijri"] or fields.get("mod") or cand.value is None:
        return False
    if _CLAUSE_END_RE.search(form, anchor.end, cand.start) or cand.start - anchor.end > NARRATIVE_CLAUSE_CHARS:
        return False  # "أساس قدره 100 نقطة لعام 2010، وما زال الرقم الصادر في يونيو": another clause
    return abs(published.year - anchor.value[0].year) >= NARRATIVE_GAP


_CLAUSE_END_RE = re.compile(r"[.!?\n،,؛;:(]")
# A year sets the time told about when it is the time of the clause ("ففي العام 2011 ترشح"), not a
# genitive ("الانتخابات التمهيدية للعام 2012").
_SETTING_BEFORE_RE = re.compile(r"(?<!\S)[وف]{0,2}(?:في|خلال)\s+$")
NARRATIVE_CLAUSE_CHARS = 120


_SENTENCE_END_RE = re.compile(r"[.!?\n]")
# "منذ عام 2006": a year counted from, not the time the text is telling about.
_SINCE_BEFORE_RE = re.compile(r"منذ\s+(?:عام\s+|العام\s+|شهر\s+)?$")


def _resolve_in_year(cand: Candidate, year: int) -> None:
    fields = cand.fields
    if cand.kind == "month":
        if MIN_YEAR <= year <= MAX_YEAR:
            cand.value = _month_range(year, fields["month"])
        return
    value = _day_range(_safe_date(year, fields["month"], fields["d1"]), _safe_date(year, fields["month"], fields["d2"]))
    if value is not None:
        cand.value = value


# A text that dates things in Hijri months only counts "الشهر الجاري" in them too.
HIJRI_TEXT_MIN_DATES = 2


def _months_of_the_calendar_used(cands: list[Candidate], calendars: list[str | None], published: dt.date) -> None:
    """"يوم 25 من الشهر الجاري" in a text whose dates are all Hijri (at least two written with a
    Hijri month or year, none Gregorian) is the 25th of the current Hijri month."""
    if calendars.count("hijri") < HIJRI_TEXT_MIN_DATES or "gregorian" in calendars:
        return
    year = hijri.gregorian_to_hijri_year(published)
    current = next((month for month in range(1, 13)
                    if (r := hijri.hijri_month_range(year, month)) and r[0] <= published <= r[1]), None)
    if current is None:
        return
    for cand in cands:
        if cand.month_shift is None:
            continue
        delta, day = cand.month_shift
        y, month = _add_months(year, current, delta)
        if (date := _hijri_date(y, month, day)) is not None:
            cand.value = (date, date)


# "أعلن رئيس الوزراء، أمس الأربعاء، ... وأضاف “أصبح لدينا اليوم الدليل”": the quoted اليوم of a
# speech dated أمس is the day of the speech (the README rule for reprinted wire stories).
_SAYING_BEFORE_RE = re.compile(
    r"(?<!\w)[وف]?(?:قال|اعلن|اكد|اوضح|صرح|ذكر|اشار|افاد|كشف|حذر|اضاف|ابلغ|شدد|تحدث|قالت)(?:ت)?(?!\w)")
SAYING_WINDOW = 80  # characters from the verb of saying to the أمس that dates it
QUOTED_SPEECH_WINDOW = 800  # characters from that أمس to the quoted اليوم


def _inside_quotes(form: str, position: int) -> bool:
    """An odd number of quotation marks (all folded to ") since the paragraph began. A double
    prime counts too: WordPress sites (3alyoum, alweeam) turn a closing " after a digit into ″."""
    paragraph = form.rfind("\n", 0, position) + 1
    return (form.count('"', paragraph, position) + form.count("\u2033", paragraph, position)) % 2 == 1


WRITERS_DAY_SHIFTS = range(-3, 0)  # days the writer's "today" may lie before the publication date


def _writers_day(cands: list[Candidate], published: dt.date) -> None:
    """"أمس (الثلاثاء)" in a story published on a Thursday: the writer's today was Wednesday. When
    every relative day named with a weekday points to the same small shift back (none agrees with the
    publication date: a digest of stories told on different days keeps it), the story's unnamed relative days ("مساء اليوم"، "الأمس") take it too."""
    shifts = {(c.value[0] - published).days - c.day_offset for c in cands
              if c.kind == "relative_day" and c.weekday is not None and c.value is not None
              and c.day_offset is not None}
    if len(shifts) != 1 or (shift := shifts.pop()) not in WRITERS_DAY_SHIFTS:
        return
    writers_day = published + dt.timedelta(days=shift)
    for cand in cands:
        if cand.kind == "relative_day" and cand.weekday is None and cand.value is not None:
            cand.value = (cand.value[0] + dt.timedelta(days=shift), cand.value[1] + dt.timedelta(days=shift))
        elif (cand.kind == "weekday" and cand.weekday is not None and cand.value is not None
              and cand.tense in ("past", "future") and cand.value[0] == cand.value[1]
              and cand.value[0] == _weekday_near(published, cand.weekday, cand.tense)):
            # a bare weekday with a tense ("وسيستقبل الاثنين") counts from the writer's day too; one
            # without keeps the publication's reading ("ينص الاتفاق على التصويت الأربعاء")
            day = _weekday_near(writers_day, cand.weekday, cand.tense)
            cand.value = (day, day)


def _quoted_today(cands: list[Candidate], form: str, published: dt.date) -> None:
    told: Candidate | None = None  # the last relative day of the narrative, outside quotes
    for cand in cands:
        if cand.kind != "relative_day" or cand.value is None:
            continue
        if not _inside_quotes(form, cand.start):
            told = cand
            continue
        if (cand.day_offset == 0 and cand.weekday is None and told is not None and told.day_offset == -1
                and told.value is not None and told.value[0] < published
                and cand.start - told.end <= QUOTED_SPEECH_WINDOW
                and _SAYING_BEFORE_RE.search(form, max(0, told.start - SAYING_WINDOW), told.start)):
            cand.value = told.value


Handler = Callable[[Found, Context], "Candidate | list[Candidate] | None"]
# Cheap scans that find where a core can start; the core is then tried there with `match`.
# Several cores share a trigger (every number), so the text is scanned once per trigger.
DIGITS_TRIGGER = re.compile(r"\d+")
ORDINAL_TRIGGER = re.compile(_trie_regex(sorted(k for k in ORDINAL_DAYS if k != "مطلع")))
MONTH_TRIGGER = re.compile(MONTH)
RELATIVE_DAY_TRIGGER = re.compile(RELATIVE_DAY_WORDS)
UNIT_TRIGGER = re.compile(r"(?:ال|ل)(?=عام|سنه|شهر|اسبوع)")
RELATIVE_UNIT_TRIGGER = re.compile(r"هذ[اه]|(?:ال|ل)(?=عام|سنه|شهر|اسبوع)")
QUARTER_TRIGGER = re.compile(r"ال(?=ربع|نصف|اشهر|شهور)")
# Word triggers whose positions inside a word are dropped before the core is tried.
_WORD_TRIGGERS = frozenset({ORDINAL_TRIGGER, MONTH_TRIGGER, RELATIVE_DAY_TRIGGER})
HANDLERS: tuple[tuple[tuple[re.Pattern[str], ...], re.Pattern[str], re.Pattern[str], Handler], ...] = (
    ((DIGITS_TRIGGER,), NUMERIC_RE, _prefix_re(""), _on_numeric),
    ((DIGITS_TRIGGER, ORDINAL_TRIGGER), DAY_MONTH_RE, _prefix_re(DAY_MONTH_PREFIX), _on_day_month),
    ((MONTH_TRIGGER,), MONTH_RE, _prefix_re(MONTH_PREFIX), _on_month),
    ((DIGITS_TRIGGER,), YEAR_RE, _prefix_re(YEAR_PREFIX), _on_year),
    ((RELATIVE_DAY_TRIGGER,), RELATIVE_DAY_RE, _prefix_re(DAY_PART_PREFIX), _on_relative_day),
    ((), WEEKDAY_RE, _prefix_re(DAY_PART_PREFIX), _on_weekday),
    ((RELATIVE_UNIT_TRIGGER,), RELATIVE_UNIT_RE, _prefix_re(UNIT_PREFIX), _on_relative_unit),
    ((), AGO_RE, _prefix_re(""), _on_ago),
    ((QUARTER_TRIGGER,), QUARTER_RE, _prefix_re(""), _on_quarter),
    ((QUARTER_TRIGGER,), RELATIVE_QUARTER_RE, _prefix_re(""), _on_relative_quarter),
    ((QUARTER_TRIGGER,), TWO_QUARTERS_RE, _prefix_re(""), _on_two_quarters),
    ((UNIT_TRIGGER,), ANAPHORIC_YEAR_RE, _prefix_re(UNIT_PREFIX), _on_anaphoric_year),
    ((UNIT_TRIGGER,), BARE_YEAR_PART_RE, _prefix_re(BARE_YEAR_PART_PREFIX), _on_bare_year_part),
    ((UNIT_TRIGGER,), SAME_MONTH_RE, _prefix_re(SAME_MONTH_PREFIX), _on_same_month),
    ((EID_DAY_TRIGGER,), EID_DAY_RE, _prefix_re(""), _on_eid_day),
    ((AFTER_THAT_TRIGGER,), AFTER_THAT_RE, _prefix_re(""), _on_after_that),
    ((NEXT_DAY_TRIGGER,), NEXT_DAY_RE, _prefix_re(rf"(?:(?P<part>{PART_OF_DAY}){S})?"), _on_next_day),
    ((DIGITS_TRIGGER, ORDINAL_TRIGGER), DAY_OF_RELATIVE_MONTH_RE, _prefix_re(DAY_OF_MONTH_PREFIX),
     _on_day_of_relative_month),
)


def _trigger_starts(form: str, triggers: tuple[re.Pattern[str], ...],
                    cache: dict[re.Pattern[str], list[int]]) -> list[int]:
    starts: list[int] = []
    for trigger in triggers:
        if trigger not in cache:
            cache[trigger] = (_word_trigger_starts(form, trigger) if trigger in _WORD_TRIGGERS
                              else [m.start() for m in trigger.finditer(form)])
        starts.extend(cache[trigger])
    return starts


def _word_trigger_starts(form: str, trigger: re.Pattern[str]) -> list[int]:
    """Where a word trigger starts a word; a match inside a word does not hide one that starts
    within it ("قبل امس" inside "استقبل أمس" still leaves "أمس")."""
    positions = []
    m = trigger.search(form)
    while m:
        if _word_start(form, m.start()):
            positions.append(m.start())
            m = trigger.search(form, m.end())
        else:
            m = trigger.search(form, m.start() + 1)
    return positions


def _word_start(form: str, p: int) -> bool:
    """p starts a word, or follows at most two clitics (و ف ب ل ك) that start one."""
    for _ in range(3):
        if p == 0 or not form[p - 1].isalpha():
            return True
        if form[p - 1] not in CLITICS:
            return False
        p -= 1
    return False


def _cores(form: str, triggers: tuple[re.Pattern[str], ...], core_re: re.Pattern[str],
           cache: dict[re.Pattern[str], list[int]]) -> list[re.Match[str]]:
    """Core matches: tried at the trigger positions, or by scanning when the core's own start
    is cheap for `re` to find (a literal prefix such as ال of the weekdays)."""
    if not triggers:
        return list(core_re.finditer(form))
    found = []
    for start in sorted(set(_trigger_starts(form, triggers, cache))):
        m = core_re.match(form, start)
        if m:
            found.append(m)
    return found


def _with_prefix(form: str, core: re.Match[str], prefix_re: re.Pattern[str]) -> Found | None:
    """The core with its optional leading words, or None when the core does not start a word
    ("امس" inside "خامس", "15" inside "2015" or "12/15")."""
    start = core.start()
    if form[start].isdigit() and start and (form[start - 1].isdigit() or form[start - 1] in "/.-") and not (
            form[start - 1] == "." and start > 1 and form[start - 2].isspace()):  # "عام .1880": a stray dot
        return None
    offset = max(0, start - MAX_PREFIX_CHARS)
    prefix = prefix_re.search(form[offset:start])
    if prefix is None:
        return None
    return Found(core, prefix, offset)

# ------------------------------------------------------------------------------------------
# overlaps and merging

_ABSOLUTE_KINDS = frozenset({"numeric", "day_month"})
# "السبت المقبل الموافق 8 أغسطس": the weekday and the date it corresponds to are one expression.
_GLUE_RE = re.compile(r"^[\s,(]*(?:الموافق\s*)?$")
_RANGE_GLUE_RE = re.compile(r"^\s*(?:-|و?الي|و?حتي|و)\s*$")


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Longest first, then earliest; a candidate overlapping a kept one is dropped."""
    kept: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (-c.length, c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _merge(cands: list[Candidate], form: str, published: dt.date | None) -> list[Candidate]:
    """Join neighbours that make one expression: a weekday or relative day beside an explicit
    date ("الثلاثاء 03/أكتوبر/2017", "20 يوليو (الاثنين)"), and the two ends of a range
    ("من 29 ذي القعدة - 2 ذي الحجة 1423هـ", "بين الأول من يناير و30 يونيو", "ليل الخميس/الجمعة")."""
    merged: list[Candidate] = []
    for cand in cands:
        if merged and _join(merged[-1], cand, form, published):
            continue
        merged.append(cand)
    return merged


def _join(prev: Candidate, cand: Candidate, form: str, published: dt.date | None) -> bool:
    """Fold `cand` into `prev` (mutating prev) when they form one expression."""
    gap = form[prev.end : cand.start]
    if _GLUE_RE.match(gap):
        if prev.kind in ("weekday", "relative_day") and cand.kind in _ABSOLUTE_KINDS:
            weekday = prev.weekday
            prev.end, prev.kind, prev.value, prev.precision = cand.end, cand.kind, cand.value, cand.precision
            prev.relative, prev.tense, prev.fields = cand.relative, cand.tense, cand.fields
            prev.written, prev.anaphora, prev.month_shift = cand.written, cand.anaphora, cand.month_shift
            _fit_weekday(prev, weekday, published)
            return True
        if prev.kind in _ABSOLUTE_KINDS and cand.kind == "weekday" and prev.weekday is None:
            prev.end = _close_paren(form, cand.end)
            _fit_weekday(prev, cand.weekday, published)
            return True
    if prev.kind in _ABSOLUTE_KINDS and cand.kind in _ABSOLUTE_KINDS and _RANGE_GLUE_RE.match(gap):
        opened = re.search(r"(?:من|بين)\s*$", form[max(0, prev.start - 5) : prev.start]) or \
            form[prev.start : prev.start + 3] in ("من ", "بين")
        if gap.strip() == "و" and not opened:
            # "5 مايو و7 يونيو": two dates, not a range; "5 مايو و7 يونيو 2010": the first takes the year
            if (prev.fields and cand.fields and not prev.fields.get("year") and cand.fields.get("year")
                    and not prev.fields.get("mod") and prev.fields.get("hijri") == cand.fields.get("hijri")):
                _borrow_year(prev, cand)
            return False
        return _join_range(prev, cand)
    if prev.kind == "weekday" and cand.kind == "weekday" and gap.strip() == "/":
        return _join_range(prev, cand)
    if (prev.kind == cand.kind and prev.kind in ("weekday", "month") and _DUAL_GLUE_RE.fullmatch(gap)
            and _DUAL_NOUN_RE.search(form, max(0, prev.start - 8), prev.end) and _consecutive(prev, cand)
            and not _COMPARING_BEFORE_RE.search(form, max(0, prev.start - 25), prev.start + 6)):
        prev.value, prev.end = (prev.value[0], cand.value[1]), cand.end
        return True
    if prev.kind == "month" and cand.kind == "month" and (
            (re.fullmatch(r"\s*[,،]?\s*و\s*", gap) and _BETWEEN_BEFORE_RE.search(form, max(0, prev.start - 12), prev.start))
            or (_MONTH_RANGE_GLUE_RE.fullmatch(gap) and not _PART_START_RE.match(form, cand.start)
                and not _PART_START_RE.match(form, prev.start) and not _MONTH_LIST_NEXT_RE.match(form, cand.end))):
        return _join_months(prev, cand)
    return False


# "يومي الجمعة والسبت المقبلين", "شهري ديسمبر ويناير المقبلين": a dual noun naming two
# consecutive days or months is one span (the annotators' reading); not two apart ("يومي الأحد
# والأربعاء"), and not without the dual noun ("الخميس والجمعة المقبلين": two days).
_DUAL_GLUE_RE = re.compile(r"\s*[,،]?\s*و\s*(?:يوم\s+|شهر\s+)?")
# "فبراير حتى نوفمبر 1943", "من ديسمبر إلى فبراير 2016": months joined by إلى/حتى are one span, as
# days are (docs/decisions.md, "Dates joined by إلى/حتى are one range").
_PART_START_RE = re.compile(rf"[وفبل]?(?:{PART_OF_UNIT})\s")  # "حتى بداية شهر أغسطس": two months
_MONTH_LIST_NEXT_RE = re.compile(rf"\s*-\s*(?:{MONTH})(?!\w)")  # "(رجب - شعبان - رمضان)": a list
_MONTH_RANGE_GLUE_RE = re.compile(r"\s*[,،]?\s*(?:و?(?:الي|حتي)|-)\s*")
_COMPARING_BEFORE_RE = re.compile(r"(?:مقارن|الفرق|الفارق|قارن)\w*\s+(?:بين\s+)?(?:يومي|شهري)")
_DUAL_NOUN_RE = re.compile(r"(?:(?<!\S)|(?<=[وفبل]))(?:يومي|شهري)\s+\S+(?:\s*\(?[^()]*\))?\s*$")


def _consecutive(prev: Candidate, cand: Candidate) -> bool:
    return (prev.value is not None and cand.value is not None
            and cand.value[0] - prev.value[1] == dt.timedelta(days=1))


# "بين شهري ديسمبر ويناير المقبلين": months opened by بين are the span between them, one item (as
# "بين عامي 2010 و2014" and "بين الأول من يناير و30 يونيو" are).
# Not after a word of comparing ("المقارنة بين شهر جمادى الآخرة وجمادى الأولى": two months).
_BETWEEN_BEFORE_RE = re.compile(
    r"(?<!\S)(?<!مقارنه\s)(?<!المقارنه\s)(?<!الفرق\s)(?<!الفارق\s)(?<!فرق\s)(?<!يقارن\s)(?<!قارن\s)(?<!تقارن\s)"
    r"[وف]?(?:ما\s+)?(?:شهر\s+)?بين\s+$")


def _join_months(prev: Candidate, cand: Candidate) -> bool:
    """The span from the first month to the last, the first being the latest such month not
    after the last (which carries the modifier or year: "نوفمبر ويناير الماضي")."""
    if not prev.fields or not cand.fields or prev.fields["hijri"] != cand.fields["hijri"] or cand.value is None:
        return False
    first_month, last = prev.fields["month"], cand.value[0]
    if prev.fields["year"] and cand.fields["year"]:
        # "بين سبتمبر 2007 ومارس 2012": each end keeps its own year
        if prev.value is None or prev.value[0] >= cand.value[0]:
            return False
        prev.value, prev.end = (prev.value[0], cand.value[1]), cand.end
        return True
    if prev.fields["year"] and not cand.fields["year"] and prev.value is not None:
        # "بين حزيران (يونيو) 2014 وكانون الثاني (يناير)": the first's year leads, the last follows it
        wrap = first_month > cand.fields["month"]
        if cand.fields["hijri"]:
            base = hijri.gregorian_to_hijri_year(prev.value[0] + dt.timedelta(days=15))
            following = hijri.hijri_month_range(base + wrap, cand.fields["month"])
        else:
            following = _month_range(prev.value[0].year + wrap, cand.fields["month"])
        if following is None or following[0] <= prev.value[0]:
            return False
        prev.value, prev.end = (prev.value[0], following[1]), cand.end
        return True
    if cand.fields["hijri"]:
        last_year = hijri.gregorian_to_hijri_year(last + dt.timedelta(days=15))
        first = hijri.hijri_month_range(last_year - (first_month > cand.fields["month"]), first_month)
    else:
        first = _month_range(last.year - (first_month > last.month), first_month)
    if first is None or first[0] >= cand.value[0] or (
            first_month > cand.fields["month"] and (cand.value[1] - first[0]).days > 280):
        return False  # a span over the new year is of a few months ("ديسمبر ويناير"), not a reversed pair
    prev.value, prev.end = (first[0], cand.value[1]), cand.end
    return True


def _drop_orphan_list_members(cands: list[Candidate], form: str) -> list[Candidate]:
    """"كأس الأمم 2010 و2012": a year joined by و to a number that is no date is no date either."""
    kept: list[Candidate] = []
    for cand in cands:
        if cand.fields and cand.fields.get("list_member") and not (
                kept and kept[-1].kind == "year" and re.fullmatch(r"\s*\)?\s*[،,]?\s*و", form[kept[-1].end : cand.start])):
            continue
        kept.append(cand)
    return kept


def _fit_weekday(cand: Candidate, weekday: int | None, published: dt.date | None) -> None:
    """"يوم الاثنين 25 شوال": a day and month without a year, named with its weekday, are in the
    year (around publication) where that day falls on that weekday."""
    fields = cand.fields
    if weekday is None or published is None or not fields or fields["year"] or fields["d1"] != fields["d2"]:
        return
    month, day = fields["month"], fields["d1"]
    if fields["hijri"]:
        base = hijri.gregorian_to_hijri_year(published)
        dates = [_hijri_date(y, month, day) for y in (base - 1, base, base + 1)]
    else:
        dates = [_safe_date(y, month, day) for y in (published.year - 1, published.year, published.year + 1)]
    matching = [d for d in dates if d and d.weekday() == weekday]
    if matching:
        best = min(matching, key=lambda d: abs((d - published).days))
        cand.value = (best, best)


def _join_range(prev: Candidate, cand: Candidate) -> bool:
    if prev.fields and cand.fields and not prev.fields["year"] and cand.fields["year"]:
        _borrow_year(prev, cand)
    if prev.value is None or cand.value is None or cand.value[1] < prev.value[0]:
        return False
    prev.value = (prev.value[0], cand.value[1])
    prev.end = cand.end
    return True


def _borrow_year(prev: Candidate, cand: Candidate) -> None:
    """"29 ذي القعدة - 2 ذي الحجة 1423هـ": the first end takes the year of the second."""
    year = int(cand.fields["year"])
    if prev.fields["month"] > cand.fields["month"]:
        year -= 1
    first, last = prev.fields["d1"], prev.fields["d2"]
    if prev.fields["hijri"]:
        prev.value = _day_range(_hijri_date(year, prev.fields["month"], first),
                                _hijri_date(year, prev.fields["month"], last))
    else:
        prev.value = _day_range(_safe_date(year, prev.fields["month"], first),
                                _safe_date(year, prev.fields["month"], last))


def _close_paren(form: str, end: int) -> int:
    return end + 1 if form[end : end + 1] == ")" else end


# ------------------------------------------------------------------------------------------
# public API


def _build_fold_table() -> tuple[dict[int, str], re.Pattern[str], re.Pattern[str]]:
    """`fold_char` as one translate table (computed once), the characters it drops, and the
    characters that fold to several (presentation forms), for which `MatchText.of` is used."""
    table: dict[int, str] = {}
    dropped: list[str] = []
    for code in list(range(0x00A0, 0x0800)) + list(range(0x2000, 0x2070)) + [0xFEFF]:
        ch = chr(code)
        folded = fold_char(ch)
        if folded == ch or len(folded) > 1:
            continue
        table[code] = folded
        if folded == "":
            dropped.append(ch)
    dropped_re = re.compile("[" + re.escape("".join(dropped)) + "]")
    multi_re = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
    return table, dropped_re, multi_re


_FOLD_TABLE, _DROPPED_RE, _MULTI_RE = _build_fold_table()


def _fold(text: str) -> MatchText:
    """The matching form with offsets back to `text`: one `translate`, and an offset map built
    from the few dropped characters (diacritics). Presentation forms, which fold to several
    characters, take the slower general `MatchText.of`."""
    if _MULTI_RE.search(text):
        return MatchText.of(text)
    form = text.translate(_FOLD_TABLE).lower()
    if len(form) == len(text):
        return MatchText(text, form, list(range(len(text) + 1)))
    keep: list[int] = []
    previous = 0
    for m in _DROPPED_RE.finditer(text):
        keep.extend(range(previous, m.start()))
        previous = m.end()
    keep.extend(range(previous, len(text) + 1))
    return MatchText(text, form, keep)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """No trailing space or comma; trailing marks the form dropped (the tatweel of هـ, a final
    tanwin) belong to the last word."""
    while end > start and text[end - 1] in " \n,،":
        end -= 1
    while end < len(text) and fold_char(text[end]) == "":
        end += 1
    return start, end


def resolve(text: str, published: dt.date | None) -> list[TimeExpression]:
    """Every date expression in `text`, resolved against `published` (None: relative ones keep
    only their `relative` description)."""
    if isinstance(published, dt.datetime):
        published = published.date()
    if published is not None and not BARE_MIN_YEAR <= published.year <= MAX_YEAR:
        published = None  # a broken publication date (year 1, 9999): resolve as if unknown
    folded = _fold(text)
    ctx = Context(folded.form, published)
    cands: list[Candidate] = []
    trigger_cache: dict[re.Pattern[str], list[int]] = {}
    for triggers, core_re, prefix_re, handler in HANDLERS:
        for core in _cores(folded.form, triggers, core_re, trigger_cache):
            found = _with_prefix(folded.form, core, prefix_re)
            cand = handler(found, ctx) if found is not None else None
            if isinstance(cand, list):
                cands.extend(cand)
            elif cand is not None:
                cands.append(cand)
    results = []
    single = _select(cands)
    calendars = [c.calendar for c in single if c.calendar]  # before a range joins two dates
    selected = _drop_orphan_list_members(_merge(single, folded.form, published), folded.form)
    _resolve_anaphora(selected, folded.form, published)
    selected = [c for c in selected if c.value is not None or not (c.anaphora or "").startswith("after:")]
    if published is not None:
        _months_of_the_calendar_used(selected, calendars, published)
        _quoted_today(selected, folded.form, published)
        _writers_day(selected, published)
    for cand in selected:
        if cand.value is not None and not (cand.value[0] >= _EARLIEST and cand.value[1] <= _LATEST):
            continue  # "قبل 150 عاماً", "بعد 90 عاماً" from a late publication: outside the years we report
        start, end = _trim(text, *folded.clean_span(cand.start, cand.end))
        value = cand.value
        results.append(TimeExpression(
            start=start, end=end, text=text[start:end],
            value_start=value[0].isoformat() if value else None,
            value_end=value[1].isoformat() if value else None,
            precision=cand.precision, relative=cand.relative, tense=cand.tense,
        ))
    return results

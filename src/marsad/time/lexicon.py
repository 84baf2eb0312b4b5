"""Words of Arabic dates: month names of every tradition, Hijri months, weekdays, small numbers.

Derived data. The canonical month names come from Unicode CLDR (via Babel 2.18.0, Unicode License
v3) and the Hijri names from hijridate 2.6.0 (MIT), as collected in
../shared/data/month-names/arabic_month_names.tsv; the spelling variants that news actually uses
(ابريل, كانون ثاني, يونيه, مايس, …) were added by hand. Names are stored as written; the resolver
folds them with `match_form`, so hamza, ta marbuta and alef maqsura variants need no entry.
`tests/time/test_lexicon.py` checks that every name in the shared file is covered.
"""

from __future__ import annotations

# month number -> names (Egyptian/Gulf/MSA, Levantine/Iraqi Syriac, Maghreb, Moroccan, Mauritanian)
GREGORIAN_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "كانون ثاني", "كانون ثان", "جانفي", "جانفييه", "جانفيي", "ينير"),
    2: ("فبراير", "شباط", "فيفري", "فبرير", "فيفرييه"),
    3: ("مارس", "آذار", "مارص"),
    4: ("أبريل", "إبريل", "نيسان", "أفريل", "ابريل"),
    5: ("مايو", "أيار", "ماي", "مايس", "مايه"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "جويلييه", "يوليوز"),
    8: ("أغسطس", "آب", "أوت", "غشت", "أغشت", "اغسطس"),
    9: ("سبتمبر", "أيلول", "شتنبر", "شتمبر"),
    10: ("أكتوبر", "تشرين الأول", "تشرين أول", "اكتوبر"),
    11: ("نوفمبر", "تشرين الثاني", "تشرين ثاني", "تشرين ثان", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "كانون أول", "دجنبر", "دجمبر"),
}

HIJRI_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("محرم", "المحرم"),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول"),
    4: ("ربيع الثاني", "ربيع الآخر", "ربيع ثاني", "ربيع آخر"),
    5: ("جمادى الأولى", "جمادى الأول", "جمادى أولى"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذا القعدة", "ذوالقعدة", "ذيالقعدة"),
    12: ("ذو الحجة", "ذي الحجة", "ذا الحجة", "ذوالحجة", "ذيالحجة"),
}

# Names that are also ordinary words or people's names (مارس "practised", آب "father", صفر
# "zero", رمضان/شعبان/رجب as names): only taken as months beside a day number, a year, the word
# شهر or a month modifier (الماضي, الجاري, المبارك…).
AMBIGUOUS_MONTH_NAMES: frozenset[str] = frozenset(
    {"مارس", "مارص", "آب", "ماي", "مايه", "صفر", "رجب", "شعبان", "رمضان", "شوال", "محرم", "المحرم"}
)

# Python weekday number (Monday = 0) -> names as written after the article.
WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("الاثنين", "الإثنين", "الأثنين", "الاتنين"),
    1: ("الثلاثاء", "الثلاثا"),
    2: ("الأربعاء", "الاربعا"),
    3: ("الخميس",),
    4: ("الجمعة",),
    5: ("السبت",),
    6: ("الأحد",),
}
WEEKDAY_ENGLISH = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Counted units after قبل/منذ ("قبل ثلاثة أيام"): word -> number; duals carry their own count.
NUMBER_WORDS: dict[str, int] = {
    "واحد": 1, "اثنين": 2, "اثنتين": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6,
    "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "ثمان": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10,
    "عشرين": 20, "ثلاثين": 30, "أربعين": 40, "خمسين": 50, "ستين": 60, "سبعين": 70, "ثمانين": 80,
    "تسعين": 90,
}

# unit word -> (unit, count the word implies: 1 singular, 2 dual, None a vague plural ("قبل أيام"),
# 0 the accusative singular that only follows a number ("قبل أربعين عاماً"))
UNIT_WORDS: dict[str, tuple[str, int | None]] = {
    "يوم": ("day", 1), "يومين": ("day", 2), "يومان": ("day", 2), "أيام": ("day", None),
    "أسبوع": ("week", 1), "أسبوعين": ("week", 2), "أسابيع": ("week", None),
    "شهر": ("month", 1), "شهرين": ("month", 2), "أشهر": ("month", None), "شهور": ("month", None),
    "عام": ("year", 1), "عامين": ("year", 2), "أعوام": ("year", None),
    "سنة": ("year", 1), "سنتين": ("year", 2), "سنوات": ("year", None),
    "يوماً": ("day", 0), "أسبوعاً": ("week", 0), "شهراً": ("month", 0), "عاماً": ("year", 0),
}

"""Unit tests of the date resolver: one behaviour each, on sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.records import Document, Published
from marsad.time import annotate_times, resolve

WED = dt.date(2017, 6, 7)  # a Wednesday
FRI = dt.date(2017, 11, 10)


def values(text: str, published: dt.date | None = WED) -> list[tuple[str, str | None, str | None, str]]:
    return [(t.text, t.value_start, t.value_end, t.precision) for t in resolve(text, published)]


def one(text: str, published: dt.date | None = WED) -> tuple[str | None, str | None, str]:
    found = values(text, published)
    assert len(found) == 1, found
    return found[0][1:]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال المتحدث أمس إن", ("2017-06-06", "2017-06-06", "day")),
        ("وقال بالأمس", ("2017-06-06", "2017-06-06", "day")),
        ("جرى ذلك أول أمس", ("2017-06-05", "2017-06-05", "day")),
        ("تبدأ المحادثات غداً", ("2017-06-08", "2017-06-08", "day")),
        ("سيصل بعد غد", ("2017-06-09", "2017-06-09", "day")),
        ("سيزور موسكو غداً الخميس", ("2017-06-08", "2017-06-08", "day")),
        ("قال مصدر أمس الثلاثاء", ("2017-06-06", "2017-06-06", "day")),
        # اليوم with another weekday: the report was written earlier; the most recent such day.
        ("هاجمت فجر اليوم الثلاثاء نقاطاً", ("2017-06-06", "2017-06-06", "day")),
        ("نعلن اليوم البدء", ("2017-06-07", "2017-06-07", "day")),
    ],
)
def test_relative_days(text: str, expected: tuple) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected_day"),
    [
        ("قال إن الهجوم بدأ الاثنين", "2017-06-05"),  # past verb: the last Monday
        ("وقع الانفجار الجمعة الماضي", "2017-06-02"),
        ("سيعقد الاجتماع الأحد", "2017-06-11"),  # future verb: the next Sunday
        ("يبحث مع لافروف الخميس", "2017-06-08"),  # no cue, tomorrow: the next one
        ("وصل الوفد السبت", "2017-06-03"),
        ("الأربعاء الماضي", "2017-05-31"),  # الماضي said on a Wednesday: a week ago
        ("الأربعاء المقبل", "2017-06-14"),
    ],
)
def test_weekdays_follow_tense(text: str, expected_day: str) -> None:
    assert one(text) == (expected_day, expected_day, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الأسبوع الماضي", ("2017-05-29", "2017-06-04", "week")),
        ("هذا الأسبوع", ("2017-06-05", "2017-06-11", "week")),
        ("الأسبوع المقبل", ("2017-06-12", "2017-06-18", "week")),
        ("الشهر الماضي", ("2017-05-01", "2017-05-31", "month")),
        ("العام الماضي", ("2016-01-01", "2016-12-31", "year")),
        ("خلال العام الجاري", ("2017-01-01", "2017-12-31", "year")),
        ("مقارنة بالعام الماضي", ("2016-01-01", "2016-12-31", "year")),
        ("للعام الجاري", ("2017-01-01", "2017-12-31", "year")),
        ("قبل أيام", ("2017-05-31", "2017-06-06", "day")),
        ("قبل يومين", ("2017-06-05", "2017-06-05", "day")),
        ("منذ ثلاثة أشهر", ("2017-03-01", "2017-03-31", "month")),
        ("الربع الأول من العام الجاري", ("2017-01-01", "2017-03-31", "month")),
        ("النصف الثاني من عام 2016", ("2016-07-01", "2016-12-31", "month")),
        ("الثاني من الشهر المقبل", ("2017-07-02", "2017-07-02", "day")),
    ],
)
def test_relative_units(text: str, expected: tuple) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("يوم 14 نوفمبر الحالي", FRI, ("2017-11-14", "2017-11-14", "day")),
        ("يومي 10 و11 تشرين الثاني (نوفمبر) الجاري", FRI, ("2017-11-10", "2017-11-11", "day")),
        ("من 5 إلى 7 مايو 2016", FRI, ("2016-05-05", "2016-05-07", "day")),
        ("بين 5 و7 مايو 2016", FRI, ("2016-05-05", "2016-05-07", "day")),
        ("في الـ14 سبتمبر", FRI, ("2017-09-14", "2017-09-14", "day")),
        ("في 3 جانفي 2016", FRI, ("2016-01-03", "2016-01-03", "day")),
        ("في 3 جانفييه 2016", FRI, ("2016-01-03", "2016-01-03", "day")),
        ("في 3 كانون الثاني 2016", FRI, ("2016-01-03", "2016-01-03", "day")),
        ("في 9 يوليوز 2016", FRI, ("2016-07-09", "2016-07-09", "day")),
        ("في ٣ أكتوبر ٢٠١٧", FRI, ("2017-10-03", "2017-10-03", "day")),
        ("الثلاثاء 03/أكتوبر/2017", FRI, ("2017-10-03", "2017-10-03", "day")),
        ("03/10/2017", FRI, ("2017-10-03", "2017-10-03", "day")),
        ("2017-10-03", FRI, ("2017-10-03", "2017-10-03", "day")),
        ("في العام 2017", FRI, ("2017-01-01", "2017-12-31", "year")),
        ("قتلوا في 2017، بحسب", FRI, ("2017-01-01", "2017-12-31", "year")),
        ("حتى مارس (آذار) 2016", FRI, ("2016-03-01", "2016-03-31", "month")),
        ("في نوفمبر من العام الماضي", FRI, ("2016-11-01", "2016-11-30", "month")),
        ("في سبتمبر الماضي", FRI, ("2017-09-01", "2017-09-30", "month")),
        ("في مارس المقبل", FRI, ("2018-03-01", "2018-03-31", "month")),
        ("في 29 ذي القعدة - 2 ذي الحجة 1423هـ", FRI, ("2003-02-01", "2003-02-04", "day")),
        ("15 رمضان 1436هـ", FRI, ("2015-07-02", "2015-07-02", "day")),
        ("1436/9/15هـ", FRI, ("2015-07-02", "2015-07-02", "day")),
        ("عام 1436هـ", FRI, ("2014-10-25", "2015-10-13", "year")),
    ],
)
def test_absolute_dates(text: str, published: dt.date, expected: tuple) -> None:
    found = one(text, published)
    if "ذي الحجة 1423" in text:  # Umm al-Qura vs tabular Hijri may differ by a day at the end
        assert found[0] == expected[0] and found[2] == "day"
        return
    assert found == expected


def test_month_without_year_takes_the_year_near_publication() -> None:
    # No tense: the same year, unless that is far in the future.
    assert one("في سبتمبر", dt.date(2017, 10, 3))[0] == "2017-09-01"
    assert one("في ديسمبر", dt.date(2017, 3, 1))[0] == "2016-12-01"
    # A future verb: the next one.
    assert one("ستجري الانتخابات في مايو", dt.date(2017, 10, 3))[0] == "2018-05-01"


def test_weekday_names_a_year_for_a_hijri_day() -> None:
    # 25 Shawwal 1436 was a Monday (2015-08-10); the weekday settles the year, whatever the tense.
    assert one("وعقد دورة يوم الاثنين 25 شوال", dt.date(2015, 7, 27))[0] == "2015-08-10"


def test_hijri_month_without_year_is_the_nearest() -> None:
    assert one("خلال شهر رمضان", dt.date(2015, 7, 25))[:2] == ("2015-06-18", "2015-07-16")


@pytest.mark.parametrize(
    "text",
    [
        "تنفيذ قرار مجلس الأمن الدولي رقم 2254 على أساس",
        "الجولة المقبلة من المفاوضات في جنيف، أي «جنيف8»",
        "قاذفات بعيدة المدى من طراز (تو 22 أم3) قامت",
        "تصفية 304 مسلحين وإصابة 170 آخرين",
        "سجلت في 2000 حالة إصابة",
        "تدريبات الغرب-2017 المشتركة",
        "مارس الضغوط على الحكومة",
        "احتفلت المملكة باليوم الوطني",
        "في اليوم التالي",
        "حامد السلمي – عين اليوم",
        "أدى المصلون صلاة الجمعة",
        "وقال طارق رمضان",
        "وهو خامس لقاء",
    ],
)
def test_numbers_and_words_that_are_not_dates(text: str) -> None:
    assert values(text, FRI) == []


# Years before 1900 need a certain calendar or a year word ("في 1850", "1/1/1300" are dropped).
@pytest.mark.parametrize("text", ["في 31 شباط 2017", "في 30 فبراير", "32/13/2017", "في 1850", "عام 2150",
                                  "في 1/1/1300", "من 1200 إلى 1500 ريال", "عام 1200"])
def test_impossible_dates_and_far_years_are_dropped(text: str) -> None:
    assert values(text, FRI) == []


def test_without_publication_date_relative_stays_relative() -> None:
    found = {t.text: t for t in resolve("قال أمس إن الوفد سيصل غداً الخميس، وفي 14 نوفمبر 2017 الأسبوع الماضي", None)}
    assert found["أمس"].value_start is None and found["أمس"].relative == "-1 day"
    assert found["غداً الخميس"].value_start is None and "Thursday" in (found["غداً الخميس"].relative or "")
    assert found["الأسبوع الماضي"].relative == "-1 week"
    assert found["14 نوفمبر 2017"].value_start == "2017-11-14"  # absolute dates still resolve


def test_future_publication_date_is_used_as_given() -> None:
    assert one("قال أمس", dt.date(2031, 1, 1))[0] == "2030-12-31"


def test_offsets_point_into_the_given_text_with_diacritics() -> None:
    text = "وَقَالَ المُتَحَدِّثُ أَمْسِ إِنَّ"
    (found,) = resolve(text, WED)
    assert text[found.start : found.end] == found.text == "أَمْسِ"


def test_annotate_times_uses_day_precision_publication() -> None:
    doc = Document(id="d", source="s", text="قال أمس إن", published=Published(date="2017-06-07", precision="day"))
    annotate_times(doc)
    assert [t.value_start for t in doc.times] == ["2017-06-06"]
    doc.published = Published(date="2017-06", precision="month")
    annotate_times(doc)
    assert [(t.value_start, t.relative) for t in doc.times] == [(None, "-1 day")]


# ---- quarters without a year, relative quarters, first N months (sentences written for these tests)


def _span(text: str, published: dt.date) -> list[tuple[str, str, str]]:
    return [(t.text, t.value_start, t.value_end) for t in resolve(text, published)]


def test_bare_quarter_is_this_years_or_the_last_begun() -> None:
    assert _span("ارتفعت الأرباح في الربع الثاني بنسبة كبيرة", dt.date(2016, 8, 3)) == [
        ("الربع الثاني", "2016-04-01", "2016-06-30")]
    assert _span("ارتفعت الأرباح في الربع الرابع بنسبة كبيرة", dt.date(2016, 8, 3)) == [
        ("الربع الرابع", "2015-10-01", "2015-12-31")]


def test_previous_quarter_follows_the_quarter_named_before_it() -> None:
    found = _span("بلغت مبيعات الربع الأول 10 ملايين مقارنة بالربع السابق", dt.date(2016, 5, 2))
    assert ("الربع السابق", "2015-10-01", "2015-12-31") in found
    assert _span("يتوقع أن تتحسن النتائج في الربع المقبل", dt.date(2016, 5, 2)) == [
        ("الربع المقبل", "2016-07-01", "2016-09-30")]


def test_first_months_and_two_quarters_of_a_year() -> None:
    assert _span("نمت الصادرات خلال الأشهر الأربعة الأولى من العام الحالي", dt.date(2016, 9, 1)) == [
        ("الأشهر الأربعة الأولى من العام الحالي", "2016-01-01", "2016-04-30")]
    assert _span("تراجعت الأرباح في الربعين الثاني والثالث من العام الماضي", dt.date(2016, 9, 1)) == [
        ("الربعين الثاني والثالث من العام الماضي", "2015-04-01", "2015-09-30")]
    assert _span("وقع العقد وتسري الأشهر الثلاثة الأولى منه مجانا", dt.date(2016, 9, 1)) == []


RAMADAN_1436 = dt.date(2015, 7, 25)  # Ramadan 1436 ran 18 June - 16 July 2015 (Umm al-Qura)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("يزداد عدد المعتمرين في العشر الأواخر من رمضان", ("2015-07-08", "2015-07-16", "day")),
        ("يستحب الصيام في العشر الأوائل من ذي الحجة", ("2015-09-14", "2015-09-23", "day")),
        ("أحيا المصلون الليالي العشر الأواخر من شهر رمضان المبارك", ("2015-07-08", "2015-07-16", "day")),
        ("في الأيام العشر الأواخر لشهر رمضان", ("2015-07-08", "2015-07-16", "day")),
    ],
)
def test_first_or_last_ten_days_of_a_hijri_month(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text, RAMADAN_1436) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("افتتح المصنع عام 1394 بطاقة محدودة", ("1974-01-24", "1975-01-12", "year")),
        ("وبلغ عدد الحجاج العام الماضي 1435 نحو مليوني حاج", ("2013-11-04", "2014-10-24", "year")),
        ("وارتفعت الصادرات في العام الجاري 1436 بشكل ملحوظ", ("2014-10-25", "2015-10-13", "year")),
        ("وبلغت المبيعات العام الماضي 2014 رقما قياسيا", ("2014-01-01", "2014-12-31", "year")),
        ("تأسست الجمعية عام 1950 في القاهرة", ("1950-01-01", "1950-12-31", "year")),
    ],
)
def test_bare_year_that_can_only_be_hijri(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text, RAMADAN_1436) == expected


def test_hijri_only_year_needs_a_year_word_and_a_past_number() -> None:
    assert values("ارتفع السعر من 1380 إلى 1400 ريال", RAMADAN_1436) == []
    assert values("خطة التنمية حتى عام 1440", RAMADAN_1436) == []  # after the publication's Hijri year
    assert values("افتتح المصنع عام 1394", None) == []  # no publication date to judge by


# ---- a month named without its year follows the tense of its verb (sentences written for these tests)


@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        # A past event verb: the latest such month not after publication, even when next month.
        ("قتل عشرون مدنياً في غارات شنها الطيران في سبتمبر", dt.date(2015, 8, 10), "2014-09-01"),
        ("وقعت المواجهات في نوفمبر بين الطرفين", dt.date(2015, 10, 20), "2014-11-01"),
        ("أعلن التحالف في ديسمبر بدء العملية", dt.date(2015, 12, 5), "2015-12-01"),
        ("في أغسطس قتل قائد الفصيل", dt.date(2016, 7, 2), "2015-08-01"),
        # منذ: since then, so past.
        ("يحاصر الجيش المدينة منذ سبتمبر", dt.date(2015, 8, 10), "2014-09-01"),
        # A future cue: the next one.
        ("سوف يزور الوزير بغداد في يوليو", dt.date(2015, 8, 10), "2016-07-01"),
        ("يعتزم البرلمان التصويت في مايو", dt.date(2015, 4, 10), "2015-05-01"),
        # No cue: the nearest, within six months either way.
        ("الانتخابات البلدية في يناير", dt.date(2015, 10, 10), "2016-01-01"),
        ("الانتخابات البلدية في يونيو", dt.date(2015, 10, 10), "2015-06-01"),
    ],
)
def test_bare_month_follows_the_tense_of_its_verb(text: str, published: dt.date, start: str) -> None:
    assert one(text, published)[0] == start


def test_past_verb_of_saying_leaves_the_reported_month_free() -> None:
    # قالوا ... إن: the past verb is the saying; the month in the clause can be the coming one.
    assert one("قال التجار إن الشركة خفضت أسعار الخام في أكتوبر", dt.date(2016, 9, 7))[0] == "2016-10-01"
    # A delivery noun governs the month: next month's shipments, priced in the past.
    assert one("وكانت الشركة خفضت أسعار شحنات الخام في نوفمبر", dt.date(2016, 10, 7))[0] == "2016-11-01"
    # The same verb of saying governing the month directly: past.
    assert one("قالت الوزارة في نوفمبر إن", dt.date(2016, 10, 7))[0] == "2015-11-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # أوائل folds to اوايل: the part of a year or month was never matched before.
        ("إذا تمت الصفقة في أوائل 2016 كما هو مقرر", ("أوائل 2016", "2016-01-01", "2016-12-31", "year")),
        ("يصل الوفد أوائل يوليو", ("أوائل يوليو", "2017-07-01", "2017-07-31", "month")),
        # A part word makes an ambiguous month name a month ("مارس" is also "practised").
        ("منذ بدء المعارك في أواخر مارس", ("أواخر مارس", "2017-03-01", "2017-03-31", "month")),
        ("بدأ الصيام منتصف رمضان", ("منتصف رمضان", "2017-05-27", "2017-06-24", "month")),
        # A season of a year is that year (the convention of the annotated sets).
        ("ستعود الرحلة اليومية في ربيع 2016", ("ربيع 2016", "2016-01-01", "2016-12-31", "year")),
        ("وقع ذلك صيف العام الماضي", ("صيف العام الماضي", "2016-01-01", "2016-12-31", "year")),
        # "أول يونيو" is June 1, not the month.
        ("الفترة الممتدة من أول يونيو (حزيران)", ("أول يونيو (حزيران)", "2017-06-01", "2017-06-01", "day")),
        # A budget is named by its year; the noun stays out of the span.
        ("خفض استثماراتها في ميزانية 2015 إلى 30 مليار دولار", ("2015", "2015-01-01", "2015-12-31", "year")),
        ("أرقام الميزانية 1436 هـ", ("1436 هـ", "2014-10-25", "2015-10-13", "year")),
    ],
)
def test_parts_seasons_first_day_budgets(text: str, expected: tuple) -> None:
    assert values(text) == [expected]


def test_first_who_is_not_a_day() -> None:
    assert values("كان أول من مارس الرياضة في المدينة") == []


def test_an_with_imperfect_is_prospective() -> None:
    # كان is a past cue, but the month belongs to "أن يرفع": what may happen, so the next September.
    text = "كان المحللون يتوقعون أن يرفع المركزي الفائدة ربما في سبتمبر على أقرب تقدير"
    assert values(text, dt.date(2015, 7, 31)) == [("سبتمبر", "2015-09-01", "2015-09-30", "month")]
    # "أن" with a noun after it does not change the past reading.
    assert values("كان واضحا أن تكلفة العمالة ارتفعت في سبتمبر", dt.date(2015, 7, 31)) == [
        ("سبتمبر", "2014-09-01", "2014-09-30", "month")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The year before/after the one last written; with none written, the publication's.
        ("بلغت 313 مليار ريال في نهاية عام 2014م مقارنة بارتفاع 9.4% في العام السابق",
         [("نهاية عام 2014م", "2014-01-01", "2014-12-31", "year"), ("العام السابق", "2013-01-01", "2013-12-31", "year")]),
        ("ارتفعت في نهاية عام 2014م مقارنة بارتفاع 6.8 % في نهاية العام السابق",
         [("نهاية عام 2014م", "2014-01-01", "2014-12-31", "year"),
          ("نهاية العام السابق", "2013-01-01", "2013-12-31", "year")]),
        ("نما 5% مقارنة بالعام الذي سبقه", [("العام الذي سبقه", "2016-01-01", "2016-12-31", "year")]),
        # A bare part of "the year": the publication's, or a far past year just written.
        ("ارتفع المؤشر منذ بداية العام", [("بداية العام", "2017-01-01", "2017-12-31", "year")]),
        ("انفجرت القنبلة في 6 أغسطس 1945.\nوقتل 140 ألف شخص بحلول نهاية العام",
         [("6 أغسطس 1945", "1945-08-06", "1945-08-06", "day"), ("نهاية العام", "1945-01-01", "1945-12-31", "year")]),
        ("نهاية العام الدراسي", []),
        # A day and month right after a full date of a far year, in the same sentence: that year.
        ("انفجرت القنبلة في 9 اغسطس 1945 وانتهت الحرب في 15 اغسطس",
         [("9 اغسطس 1945", "1945-08-09", "1945-08-09", "day"), ("15 اغسطس", "1945-08-15", "1945-08-15", "day")]),
        # ... but not across a sentence end, nor after a date of the publication's year.
        ("ولد في 5 مارس 1950. وصل الرئيس في 20 أبريل",
         [("5 مارس 1950", "1950-03-05", "1950-03-05", "day"), ("20 أبريل", "2017-04-20", "2017-04-20", "day")]),
    ],
)
def test_years_in_context(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A weekday's modifier may agree with the name (feminine) or be dual after two days.
        ("الجمعة المقبلة", [("الجمعة المقبلة", "2017-06-09", "2017-06-09", "day")]),
        ("وقع الهجوم الجمعة الماضية", [("الجمعة الماضية", "2017-06-02", "2017-06-02", "day")]),
        ("الخميس والجمعة المقبلين", [("الخميس", "2017-06-08", "2017-06-08", "day"),
                                     ("الجمعة المقبلين", "2017-06-09", "2017-06-09", "day")]),
        ("السبت والأحد الماضيين", [("السبت", "2017-06-03", "2017-06-03", "day"),
                                   ("الأحد الماضيين", "2017-06-04", "2017-06-04", "day")]),
        # A day number with the month's modifier alone.
        ("يوم 15 الجاري", [("15 الجاري", "2017-06-15", "2017-06-15", "day")]),
        ("في الـ20 الماضي", [("20 الماضي", "2017-05-20", "2017-05-20", "day")]),
        ("كانون الثاني الماضي", [("كانون الثاني الماضي", "2017-01-01", "2017-01-31", "month")]),
        # An ordinal after another unit is not a day of the month.
        ("في الأسبوع الأول من الشهر المقبل", [("الشهر المقبل", "2017-07-01", "2017-07-31", "month")]),
        ("اليوم الأول من رمضان", [("الأول من رمضان", "2017-05-27", "2017-05-27", "day")]),
        # Two months joined by حتى/إلى: one span, the first taking the second's year (docs/decisions.md,
        # "Dates joined by إلى/حتى are one range"); not to a part of the second, nor in a list of three.
        ("من يناير حتى مارس 2015", [("يناير حتى مارس 2015", "2015-01-01", "2015-03-31", "month")]),
        ("من ديسمبر إلى فبراير 2016", [("ديسمبر إلى فبراير 2016", "2015-12-01", "2016-02-29", "month")]),
        ("من شهر مايو حتى بداية شهر يونيو", [("شهر مايو", "2017-05-01", "2017-05-31", "month"),
                                             ("بداية شهر يونيو", "2017-06-01", "2017-06-30", "month")]),
        ("في الأشهر (رجب - شعبان - رمضان) الماضية", [("رجب", "2017-03-29", "2017-04-26", "month"),
                                                     ("شعبان", "2017-04-27", "2017-05-26", "month")]),
        # بين opens a span, as for years and days (blind batch 3: "بين شهري ديسمبر ويناير المقبلين")
        ("بين مايو وأغسطس 2014", [("مايو وأغسطس 2014", "2014-05-01", "2014-08-31", "month")]),
        ("في مارس وأبريل", [("مارس", "2017-03-01", "2017-03-31", "month"),
                            ("أبريل", "2017-04-01", "2017-04-30", "month")]),
        # after the dual noun two consecutive months are one span (blind batch 5), else two months
        ("خلال شهري فبراير ومارس الماضيين", [("خلال شهري فبراير ومارس الماضيين", "2017-02-01", "2017-03-31", "month")]),
        ("خلال شهري فبراير وأبريل الماضيين", [("خلال شهري فبراير", "2017-02-01", "2017-02-28", "month"),
                                              ("أبريل الماضيين", "2017-04-01", "2017-04-30", "month")]),
    ],
)
def test_weekday_and_month_agreement_and_coordination(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Compound ordinal days.
        ("في الحادي عشر من سبتمبر 2001", [("الحادي عشر من سبتمبر 2001", "2001-09-11", "2001-09-11", "day")]),
        ("في الخامس والعشرين من الشهر الجاري", [("الخامس والعشرين من الشهر الجاري", "2017-06-25", "2017-06-25", "day")]),
        ("الحادي والثلاثين من ديسمبر 2016", [("الحادي والثلاثين من ديسمبر 2016", "2016-12-31", "2016-12-31", "day")]),
        # "من العام" with no modifier: the publication's year.
        ("في الأشهر الستة الأولى من العام", [("الأشهر الستة الأولى من العام", "2017-01-01", "2017-06-30", "month")]),
        # The 30th of a Hijri month that has 29 days in Umm al-Qura: the day after the 29th.
        ("في 30 رمضان 1436هـ", [("30 رمضان 1436هـ", "2015-07-17", "2015-07-17", "day")]),
        # The calendar named after the year word.
        ("بداية العام الهجري 1437", [("بداية العام الهجري 1437", "2015-10-14", "2016-10-01", "year")]),
        # Two plausible years joined by a hyphen are a span without a year word.
        ("في الفترة 2010-2014", [("2010-2014", "2010-01-01", "2014-12-31", "year")]),
        # بعد + a count, from publication only in a future clause.
        ("سيعود الوفد بعد يومين", [("بعد يومين", "2017-06-09", "2017-06-09", "day")]),
        ("وتوفي بعد يومين", []),
        ("سيعود بعد يومين من الهجوم", []),
        # The month before the one just named; a bare part of "the month".
        ("ارتفع التضخم في يونيو 2% مقارنة بالشهر السابق",
         [("يونيو", "2017-06-01", "2017-06-30", "month"), ("الشهر السابق", "2017-05-01", "2017-05-31", "month")]),
        ("وفي 5 مارس 2010 وقع الحادث وفي نهاية الشهر اعتقل",
         [("5 مارس 2010", "2010-03-05", "2010-03-05", "day"), ("نهاية الشهر", "2010-03-01", "2010-03-31", "month")]),
        ("يتوقع أن ينتهي بنهاية الشهر", [("نهاية الشهر", "2017-06-01", "2017-06-30", "month")]),
    ],
)
def test_ordinals_calendars_spans_and_anaphora(text: str, expected: list) -> None:
    assert values(text) == expected


def test_relative_forms_without_publication() -> None:
    assert [(t.text, t.relative) for t in resolve("سيعود بعد يومين ثم مقارنة بالعام السابق", None)] == [
        ("بعد يومين", "+2 day"), ("العام السابق", "year:-1")]


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1900, 1, 1),
                                       dt.date(2100, 12, 31), None])
def test_extreme_publication_dates_do_not_crash(published: dt.date | None) -> None:
    text = "قال أمس الخميس إن العام الماضي والربع السابق وقبل 99 عاما وبعد 90 عاما سيعود، في 15 رمضان والعام السابق"
    for t in resolve(text, published):
        assert t.value_start is None or "1000-01-01" <= t.value_start <= t.value_end <= "2100-12-31"


def test_broken_publication_date_is_treated_as_unknown() -> None:
    assert values("العام الماضي", dt.date(9999, 12, 31)) == [("العام الماضي", None, None, "year")]
    # Values outside 1900-2100 are dropped, like written years there.
    assert values("بعد 90 عاما سيعود", dt.date(2099, 1, 1)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # الفائت folds to الفايت: it was never matched before.
        ("واكتسح التنظيم في العام الفائت ثلث الأراضي", [("العام الفائت", "2016-01-01", "2016-12-31", "year")]),
        ("الجمعة الفائتة", [("الجمعة الفائتة", "2017-06-02", "2017-06-02", "day")]),
        # وحتى / وإلى between the ends of a range.
        ("في الفترة بين 15 وحتى 17 من شباط (فبراير) 2015",
         [("بين 15 وحتى 17 من شباط (فبراير) 2015", "2015-02-15", "2015-02-17", "day")]),
        ("بين 2010 وحتى 2014", [("2010 وحتى 2014", "2010-01-01", "2014-12-31", "year")]),
        # An ambiguous month name after a preposition that cannot take the other word.
        ("وفي مارس في متحف باردو", [("مارس", "2017-03-01", "2017-03-31", "month")]),
        ("منذ رمضان", [("رمضان", "2017-05-27", "2017-06-24", "month")]),
        ("من مارس الرياضة", []),
        ("بدأ العد من صفر", []),
        # A count, not a year: بين needs two ends; an accusative noun after a number years ahead.
        ("اكتشفت صلة بين 2027 شخصا تتراوح أعمارهم", []),
        ("منذ 1984 تمردا", [("1984", "1984-01-01", "1984-12-31", "year")]),
        ("منذ بدء 2014", [("بدء 2014", "2014-01-01", "2014-12-31", "year")]),
        # The week before the one just named.
        ("تراجعت هذا الأسبوع 25 دولارا عن مستوى الأسبوع السابق",
         [("هذا الأسبوع", "2017-06-05", "2017-06-11", "week"), ("الأسبوع السابق", "2017-05-29", "2017-06-04", "week")]),
        # "منذ عام 2006" is counted from, not the time told about: بداية العام stays this year.
        ("تسارع النمو الأول منذ عام 2006 بعدما صعد في بداية العام",
         [("عام 2006", "2006-01-01", "2006-12-31", "year"), ("بداية العام", "2017-01-01", "2017-12-31", "year")]),
    ],
)
def test_sampled_article_fixes(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A numeric date whose day is the end of a range: the first day shares month and year.
        ("خلال الفترة من 8 - 15 / 10 / 1436هـ , ضمن", [("8 - 15 / 10 / 1436هـ", "2015-07-24", "2015-07-31", "day")]),
        ("يومي 8 و15/10/2015", [("15/10/2015", "2015-10-15", "2015-10-15", "day")]),
        # "من الآن" anchors بعد at publication whatever the tense.
        ("نماذج تحاكي مستقبل المملكة بعد 35 عاماً من الآن", [("بعد 35 عاماً", "2052-01-01", "2052-12-31", "year")]),
        # "شباب اليوم", "عالم اليوم": the present age, not a day.
        ("تمكين شباب اليوم ليصبحوا", []),
        ("في عالم اليوم", []),
        # An outlet whose name ends in اليوم, after a media word or quoted; bare, the country acts today.
        ("وقالت قناة اليمن اليوم إن الاشتباكات توقفت", []),
        ("ونقلت صحيفة المصري اليوم عن مصدر", []),
        ('وبثت "اليمن اليوم" صورا للقصف', []),
        ("وأعلنت روسيا اليوم أنها سترسل وفدا", [("اليوم", "2017-06-07", "2017-06-07", "day")]),
        ("وقالت قناة الجزيرة اليوم إن", [("اليوم", "2017-06-07", "2017-06-07", "day")]),
    ],
)
def test_numeric_ranges_from_now_present_age(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("العام قبل الماضي", [("العام قبل الماضي", "2015-01-01", "2015-12-31", "year")]),
        ("الأسبوع قبل الماضي", [("الأسبوع قبل الماضي", "2017-05-22", "2017-05-28", "week")]),
        ("السنة قبل الماضية", [("السنة قبل الماضية", "2015-01-01", "2015-12-31", "year")]),
        ("مساء الغد", [("مساء الغد", "2017-06-08", "2017-06-08", "day")]),
        ("الغد المشرق", []),
        # A weekday and the date it corresponds to (الموافق) are one expression: the date wins.
        ("السبت المقبل الموافق 17 يونيو", [("السبت المقبل الموافق 17 يونيو", "2017-06-17", "2017-06-17", "day")]),
    ],
)
def test_before_last_tomorrow_and_corresponding(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ذو الحجة written as one word.
        ("مع مطلع شهر ذوالحجة القادم", [("مطلع شهر ذوالحجة القادم", "2017-08-23", "2017-09-20", "month")]),
        # An ambiguous month name after من that follows a part of a month.
        ("في الأيام الأخيرة من رمضان", [("رمضان", "2017-05-27", "2017-06-24", "month")]),
        ("ثقة من رمضان", []),
        # A bare "نهاية العام" before any word that is not an adjective.
        ("سأغادر العمل بنهاية العام لكن روحي", [("نهاية العام", "2017-01-01", "2017-12-31", "year")]),
    ],
)
def test_glued_hijri_names_and_parts_before_min(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Every month of a coordinated list takes the year or modifier at its end.
        ("خلال شهور أكتوبر ونوفمبر وديسمبر من العام الجاري",
         [("خلال شهور أكتوبر", "2017-10-01", "2017-10-31", "month"), ("نوفمبر", "2017-11-01", "2017-11-30", "month"),
          ("ديسمبر من العام الجاري", "2017-12-01", "2017-12-31", "month")]),
        ("في يناير وفبراير ومارس 2014",
         [("يناير", "2014-01-01", "2014-01-31", "month"), ("فبراير", "2014-02-01", "2014-02-28", "month"),
          ("مارس 2014", "2014-03-01", "2014-03-31", "month")]),
        # إب (the Yemeni city) folds like آب: not a month after a bare preposition.
        ("الاشتباكات في منطقة يريم في اب", []),
        # A date after منذ does not set the month or year told about.
        ("خسر المعدن منذ فبراير شباط 2010 ثم منذ بداية الشهر",
         [("فبراير شباط 2010", "2010-02-01", "2010-02-28", "month"), ("بداية الشهر", "2017-06-01", "2017-06-30", "month")]),
        # "عامي 1994 و1999" names two years; "بين عامي" a span.
        ("في عامي 1994 و1999 على التوالي",
         [("عامي 1994", "1994-01-01", "1994-12-31", "year"), ("1999", "1999-01-01", "1999-12-31", "year")]),
        ("بين عامي 2010 و2014", [("عامي 2010 و2014", "2010-01-01", "2014-12-31", "year")]),
    ],
)
def test_coordinated_lists_since_and_dual_years(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # العام qualifying a noun ("general") is not a year.
        ("والمدرب العام السابق للفريق الأبيض", []),
        ("ورفع الأمين العام الحالي للمجلس", []),
        ("أصدر التقرير العام الماضي", [("العام الماضي", "2016-01-01", "2016-12-31", "year")]),
        # "يوم غد" is tomorrow; a weekday may follow after a dash.
        ("العودة إلى أعمالهم يوم غد", [("يوم غد", "2017-06-08", "2017-06-08", "day")]),
        ("تغادر يوم غد - الخميس - بعثة", [("يوم غد - الخميس", "2017-06-08", "2017-06-08", "day")]),
    ],
)
def test_general_noun_and_tomorrow(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Months without a year in the clause of a date written with a far year take that year.
        ("ففي العام 2021 سيقع قمران أزرقان في شهري يناير ومارس",
         [("العام 2021", "2021-01-01", "2021-12-31", "year"), ("شهري يناير", "2021-01-01", "2021-01-31", "month"),
          ("مارس", "2021-03-01", "2021-03-31", "month")]),
        # ... not across a comma (another clause), nor after منذ.
        ("استقر عند 103 نقطة مقابل أساس قدره 100 نقطة لعام 2010، وما زال الرقم الصادر في مايو يقل",
         [("عام 2010", "2010-01-01", "2010-12-31", "year"), ("مايو", "2017-05-01", "2017-05-31", "month")]),
        ("ارتفع منذ 2010 وحتى مايو", [("2010", "2010-01-01", "2010-12-31", "year"), ("مايو", "2017-05-01", "2017-05-31", "month")]),
        # الأمس / الليلة as the past or a night named by a demonstrative, not a day.
        ("بإحياء مثل هذه الليلة", []),
        ("وبالأمس القريب ودعنا", []),
        ("عبر صفحة نجوم الأمس", []),
        ("مقال الأمس", [("الأمس", "2017-06-06", "2017-06-06", "day")]),
    ],
)
def test_narrative_clause_and_past_age(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Years joined by و are separate years unless بين/من opens a span.
        ("في 2014 و2018", [("2014", "2014-01-01", "2014-12-31", "year"), ("2018", "2018-01-01", "2018-12-31", "year")]),
        ("بين 2014 و2018", [("2014 و2018", "2014-01-01", "2018-12-31", "year")]),
        ("بعد اعوام 2007 و2009 و2010. وتقام",
         [("اعوام 2007", "2007-01-01", "2007-12-31", "year"), ("2009", "2009-01-01", "2009-12-31", "year"),
          ("2010", "2010-01-01", "2010-12-31", "year")]),
        # A year alone in parentheses (unless a count follows), a year opening a line of a chronology.
        ("كل من هامبورغ الالماني (2008) ونيويورك", [("2008", "2008-01-01", "2008-12-31", "year")]),
        ("بلغ عدد (2000) طالب", []),
        ("أحداث:\n1912 - الحكومة العثمانية تمنح ألبانيا حكماً ذاتياً.", [("1912", "1912-01-01", "1912-12-31", "year")]),
        ("سجل 2000 - 3000 نقطة", []),
        # عن before a month.
        ("تراجع 5.5 في المئة عن مايو مسجلا", [("مايو", "2017-05-01", "2017-05-31", "month")]),
    ],
)
def test_year_lists_and_positions(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Historical dates whose calendar is certain are kept.
        ("وفي 25 ابريل 1859 م دشن", [("25 ابريل 1859 م", "1859-04-25", "1859-04-25", "day")]),
        ("في نوفمبر 1869 ميلادي", [("نوفمبر 1869 ميلادي", "1869-11-01", "1869-11-30", "month")]),
        ("في العام 1850", [("العام 1850", "1850-01-01", "1850-12-31", "year")]),
    ],
)
def test_historical_dates(text: str, expected: list) -> None:
    assert values(text) == expected


def test_year_list_after_an_event_name_is_not_a_date() -> None:
    # "كأس الأمم الإفريقية 2010" names an event (not a date), so the years joined to it are not dates.
    assert values("المشاركة في 3 نسخ من كأس الأمم الإفريقية 2010 و2012 و2013، ويبلغ") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Weekday family names after a title, a given name or a "بن X" chain.
        ("الدكتور عبدالله بن عبدالله الجمعة كلية طب الأسنان", []),
        ("وأوضح الدكتور الجمعة في ختام جولته", []),
        ("رئيس اللجنة محمد الخميس أن", []),
        ("وصل الوفد الخميس", [("الخميس", "2017-06-01", "2017-06-01", "day")]),
        # أن + an imperfect in ت is prospective too (not a ت-noun: تكلفة, تحقيق).
        ("على أن تغادر البعثة إلى سلوفاكيا يوم 21 مايو برفقة", [("يوم 21 مايو", "2018-05-21", "2018-05-21", "day")]),
        # "منذ عام «2013»": since the year written next, not "a year ago".
        ("منذ عام «2013»،وجاء", []),
    ],
)
def test_family_names_subjunctive_ta_and_since_year(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quarter or half of something else than a calendar year is not a calendar quarter.
        ("خلال الربع الأول من شهر رمضان", [("شهر رمضان", "2017-05-27", "2017-06-24", "month")]),
        ("لأرباح قوية للشركات في الربع الأول من السنة المالية", []),
        ("تألق في النصف الثاني من الموسم الماضي", []),
        # "غداً <weekday>" is the named weekday nearest to tomorrow (written the day before).
        ("على أن يتواجد يوم غدٍ الأربعاء", [("يوم غدٍ الأربعاء", "2017-06-07", "2017-06-07", "day")]),
        # "قبل أن يحكم": a time conjunction, not a prospective act.
        ("قبل ان يحكم عليها غيابيا في مارس بدفع غرامة", [("مارس", "2017-03-01", "2017-03-31", "month")]),
        # A year in a genitive ("للعام 2012") does not set the time of the clause; a parenthesis opens an aside.
        ("انتهى ترشحه في الانتخابات التمهيدية للعام 2012 بالفوضى (4 حزيران/يونيو)",
         [("عام 2012", "2012-01-01", "2012-12-31", "year"), ("4 حزيران/يونيو)", "2017-06-04", "2017-06-04", "day")]),
        # Each weekday of a list of "<weekday> الموافق <date>" stays with its own date.
        ("الجمعة الموافق 18/8/1436هـ، الجمعة الموافق 25/8/1436هـ",
         [("الجمعة الموافق 18/8/1436هـ", "2015-06-05", "2015-06-05", "day"),
          ("الجمعة الموافق 25/8/1436هـ", "2015-06-12", "2015-06-12", "day")]),
    ],
)
def test_fixes_from_the_sample_diff(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # م after a measure is metres, not ميلادي; a bare number with م needs a year word below 1900.
        ("الحي الذي بلغت مساحته 1600م وكذلك", []),
        ("بطول 2000م", []),
        ("عام 1869م", [("عام 1869م", "1869-01-01", "1869-12-31", "year")]),
    ],
)
def test_metres_are_not_years(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Future verbs that the noun exclusions used to swallow (سيكون، سيفتتح، سيجري).
        ('"سيكون جاهزا مطلع سبتمبر".', dt.date(2015, 8, 9), [("مطلع سبتمبر", "2015-09-01", "2015-09-30", "month")]),
        ("سيفتتح المشروع في مارس", dt.date(2015, 8, 9), [("مارس", "2016-03-01", "2016-03-31", "month")]),
        ("سيجري الاجتماع في مارس", dt.date(2015, 8, 9), [("مارس", "2016-03-01", "2016-03-31", "month")]),
        ("قال السيد في مارس", dt.date(2015, 8, 9), [("مارس", "2015-03-01", "2015-03-31", "month")]),
        # لأن (because) + a ت-masdar is no prospective cue.
        ('لأن تركيزكم على الرياضة"، وفي مايو عندما انكشفت الفضيحة', dt.date(2015, 7, 25),
         [("مايو", "2015-05-01", "2015-05-31", "month")]),
        # "من هذا العام 1436 هـ" after a month: its year.
        ("صفقات شهر صفر من هذا العام 1436 هــ للعقار", dt.date(2015, 7, 24),
         [("شهر صفر من هذا العام 1436 هــ", "2014-11-23", "2014-12-22", "month")]),
    ],
)
def test_future_verbs_and_this_year_number(text: str, published: dt.date, expected: list) -> None:
    assert values(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "غد <weekday>" without يوم/part is tomorrow too.
        ("يواجه اليونانيون بداية من غد الخميس زيادات", [("غد الخميس", "2017-06-08", "2017-06-08", "day")]),
        ("غد مشرق", []),
        # الاثنين as "the two".
        ("صارت صداقة بين الاثنين وأحباب", []),
        ("فيما رفض الاثنين الآخرين النقل", []),
    ],
)
def test_bare_tomorrow_weekday_and_the_two(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # مائة (hundred) folds like the month مايه: no month after a bare preposition.
        ("كانت الفترة الأكثر جفافًا منذ مائة وعامين", []),
        ("في ماي 2014", [("ماي 2014", "2014-05-01", "2014-05-31", "month")]),
        # بعد + count needs a future cue of its own, not أن + imperfect in a past narrative.
        ("شريطة أن تمنح لكل العرقيات الاستقلال عنها بعد عشر سنوات إذا رغبت في ذلك", []),
    ],
)
def test_hundred_and_after_count_in_narrative(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (no tense cue: the nearest Thursday, tomorrow)
        ("بعدما لامس يوم الخميس أعلى مستوى", [("يوم الخميس", "2017-06-08", "2017-06-08", "day")]),
        ("هم بأمس الحاجة", []),
        ("أبدى خطباء الجمعة إدانتهم", []),
    ],
)
def test_words_containing_yesterday_and_preachers(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قبل خمسة وتسعين عاما", [("قبل خمسة وتسعين عاما", "1922-01-01", "1922-12-31", "year")]),
        ("منذ اثنين وعشرين عاماً", [("منذ اثنين وعشرين عاماً", "1995-01-01", "1995-12-31", "year")]),
    ],
)
def test_compound_number_words(text: str, expected: list) -> None:
    assert values(text) == expected


JULY_21 = dt.date(2015, 7, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The same month of another year: the month last named, else the publication's.
        ("ارتفعت المبيعات في يونيو مقارنة بالشهر نفسه من العام الماضي",
         [("يونيو", "2015-06-01", "2015-06-30", "month"), ("الشهر نفسه من العام الماضي", "2014-06-01", "2014-06-30", "month")]),
        ("سجلت الصادرات نموا عن نفس الشهر من العام الماضي", [("نفس الشهر من العام الماضي", "2014-07-01", "2014-07-31", "month")]),
        ("وفي الشهر ذاته من عام 2013", [("الشهر ذاته من عام 2013", "2013-07-01", "2013-07-31", "month")]),
        ("قرر الشهر الماضي", [("الشهر الماضي", "2015-06-01", "2015-06-30", "month")]),
        # Eid days counted from 1 Shawwal / 10 Dhu al-Hijjah (Umm al-Qura), the Eid nearest publication.
        ("وفي أول أيام العيد زار المصلون", [("أول أيام العيد", "2015-07-17", "2015-07-17", "day")]),
        ("في رابع أيام عيد الفطر", [("رابع أيام عيد الفطر", "2015-07-20", "2015-07-20", "day")]),
        # A Hijri day "of the current year" is this Hijri year; "of last year" stays unresolved.
        ("من 4 شوال إلى 6 ذوالقعدة من العام الجاري",
         [("4 شوال إلى 6 ذوالقعدة من العام الجاري", "2015-07-20", "2015-08-21", "day")]),
    ],
)
def test_same_month_eid_days_month_spans(text: str, expected: list) -> None:
    assert values(text, JULY_21) == expected

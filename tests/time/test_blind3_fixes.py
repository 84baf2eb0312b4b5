"""Rules of Arabic date language added after blind batch 3 was scored (tests/heldout_README.md):
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
        # this morning / this evening: the day of publication
        ("وصلت السفينة هذا المساء إلى الميناء", [("هذا المساء", "2015-08-04", "2015-08-04", "day")]),
        ("ودعنا الزميل هذا الصباح في المطار", [("هذا الصباح", "2015-08-04", "2015-08-04", "day")]),
        # (ما) قبل (ال)أمس: the day before yesterday, not yesterday
        ("قال الأمير للإعلام ما قبل الأمس إن", [("ما قبل الأمس", "2015-08-02", "2015-08-02", "day")]),
        ("التقيته قبل أمس في الرياض", [("قبل أمس", "2015-08-02", "2015-08-02", "day")]),
        ("وصل الوفد قبل يوم أمس", [("قبل يوم أمس", "2015-08-02", "2015-08-02", "day")]),
        ("هذا الكلام لبشار الأسد في الأول من أمس في خطاب", [("الأول من أمس", "2015-08-02", "2015-08-02", "day")]),
        ("كما كان الحال قبل الأمس القريب", []),
        # a trigger inside a word ("قبل أمس" in "استقبل أمس") leaves the word after it
        ("استقبل أمس والدا الشهيدين", [("أمس", "2015-08-03", "2015-08-03", "day")]),
    ],
)
def test_this_morning_and_day_before_yesterday(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أنشئ المركز عام1400هـ", [("عام1400هـ", "1979-11-20", "1980-11-08", "year")]),
        ("في العام2014 زادت الصادرات", [("العام2014", "2014-01-01", "2014-12-31", "year")]),
        ("بلغت كلفة الطعام1400 ريال", []),
    ],
)
def test_year_word_glued_to_its_number(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 11 and more take the singular: "قبل 30 سنة" is the year it points to, like "قبل 30 عاما"
        ("كانت الطائف المصيف الحكومي قبل 30 سنة", [("قبل 30 سنة", "1985-01-01", "1985-12-31", "year")]),
        ("غادر القرية منذ 15 يوم", [("منذ 15 يوم", "2015-07-20", "2015-07-20", "day")]),
        ("قبل 3 سنة", []),  # below 11 a singular is no count
    ],
)
def test_count_of_eleven_and_more_with_a_singular_unit(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تبدأ فعاليات المهرجان الأربعاء بعد القادم بمشاركة",
         [("الأربعاء بعد القادم", "2015-08-12", "2015-08-12", "day")]),
        ("يوم الأربعاء بعد المقبل", [("يوم الأربعاء بعد المقبل", "2015-08-12", "2015-08-12", "day")]),
        ("زاره الخميس قبل الماضي", [("الخميس قبل الماضي", "2015-07-23", "2015-07-23", "day")]),
        ("الأسبوع بعد القادم", [("الأسبوع بعد القادم", "2015-08-17", "2015-08-23", "week")]),
        ("السنة بعد القادمة", [("السنة بعد القادمة", "2017-01-01", "2017-12-31", "year")]),
        ("الأحد بعد الماضي", []),
    ],
)
def test_after_next_and_before_last(text: str, expected: list) -> None:
    assert values(text) == expected


def test_after_next_without_publication() -> None:
    assert [t.relative for t in resolve("الأربعاء بعد القادم", None)] == ["weekday:Wednesday next +1 week"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two years alone in parentheses after a name, a lifetime apart: a birth and a death
        ("مؤسس الإدارة العلمية هو فريدريك تايلور (1856 - 1915) وكان مهندسا",
         [("1856", "1856-01-01", "1856-12-31", "year"), ("1915", "1915-01-01", "1915-12-31", "year")]),
        ("حوارات مع الشاعر حاوي (1919 - 1982)، وهو",
         [("1919", "1919-01-01", "1919-12-31", "year"), ("1982", "1982-01-01", "1982-12-31", "year")]),
        # recent years a year or two apart are a span; amounts are no years
        ("التعداد لسنة (2014 - 2015) مشتملا", [("2014 - 2015", "2014-01-01", "2015-12-31", "year")]),
        ("تراوحت الأسعار (1800 - 1900) ريال", []),
    ],
)
def test_lifespan_in_parentheses_is_two_years(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day and month, then a full date: one range, the first end taking the second's year
        ("خلال الفترة من 23 / 4 إلى 26 / 6 1436هـ. وبينت",
         [("23 / 4 إلى 26 / 6 1436هـ", "2015-02-12", "2015-04-15", "day")]),
        ("من 20/12 حتى 5/1/2016م", [("20/12 حتى 5/1/2016م", "2015-12-20", "2016-01-05", "day")]),
        # the year after a space when its calendar is marked
        ("في 12/5 2015م", [("12/5 2015م", "2015-05-12", "2015-05-12", "day")]),
        ("بلغ 26 / 6 1436 شخصا", []),
    ],
)
def test_numeric_day_month_range_and_spaced_year(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # months opened by بين are the span between them; the last carries the modifier or year
        ("أن تستضيف الكويت البطولة بين شهري ديسمبر ويناير المقبلين إلا أن",
         [("شهري ديسمبر ويناير المقبلين", "2015-12-01", "2016-01-31", "month")]),
        ("ترحيل المعتقلين ما بين شهري نوفمبر ويناير الماضي.",
         [("شهري نوفمبر ويناير الماضي", "2014-11-01", "2015-01-31", "month")]),
        ("حققت نجاحا بين شهري أغسطس وأكتوبر 2014، حيث",
         [("شهري أغسطس وأكتوبر 2014", "2014-08-01", "2014-10-31", "month")]),
        ("التراجع الحاد في أسعار النفط بين حزيران (يونيو) 2014 وكانون الثاني (يناير) من العوامل",
         [("حزيران (يونيو) 2014 وكانون الثاني (يناير)", "2014-06-01", "2015-01-31", "month")]),
        # a comparison between two months, a reversed pair: two months
        ("والمقارنة بين يناير ومارس 2014",
         [("يناير", "2014-01-01", "2014-01-31", "month"), ("مارس 2014", "2014-03-01", "2014-03-31", "month")]),
        ("بين شهر جمادى الآخرة وجمادى الأولى",
         [("شهر جمادى الآخرة", "2015-03-21", "2015-04-19", "month"),
          ("جمادى الأولى", "2015-02-20", "2015-03-20", "month")]),
    ],
)
def test_months_between_are_one_span(text: str, expected: list) -> None:
    assert values(text) == expected


MON = dt.date(2015, 8, 3)  # 18 Shawwal 1436


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a text dated in Hijri months only: الشهر الجاري is the current Hijri month (Shawwal)
        ("تبدأ المرحلة من السابع من شهر ذي القعدة حتى الرابع من شهر ذي الحجة، وتنطلق الدورات "
         "في يوم 25 من الشهر الجاري", "2015-08-10"),
        # a Gregorian date in the text: the Gregorian month, as without any other date
        ("تبدأ المرحلة في السابع من شهر ذي القعدة و9 أغسطس، وتنطلق الدورات في يوم 25 من الشهر الجاري",
         "2015-08-25"),
        ("وتنطلق الدورات في يوم 25 من الشهر الجاري", "2015-08-25"),
        # one Hijri date is too little to tell the calendar of the text
        ("تبدأ في السابع من شهر ذي القعدة، وتنطلق الدورات في يوم 25 من الشهر الجاري", "2015-08-25"),
    ],
)
def test_current_month_in_the_calendar_the_text_uses(text: str, expected: str) -> None:
    found = [v for v in values(text, MON) if "الشهر الجاري" in v[0]]
    assert [v[1] for v in found] == [expected]


THU = dt.date(2015, 8, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the quoted اليوم of a speech dated أمس by its verb of saying is the day of the speech
        ("أعلن رئيس الوزراء الماليزي، أمس الأربعاء، أن الحطام يعود إلى الطائرة. وأضاف “أصبح لدينا اليوم الدليل”.",
         [("أمس الأربعاء", "2015-08-05", "2015-08-05", "day"), ("اليوم", "2015-08-05", "2015-08-05", "day")]),
        # a double prime after a digit closes a quotation (WordPress): the next quotation is still seen
        ("أعلن الوزير أمس أن الحطام للرحلة “إم إتش 370″ بلا شك، وأضاف “أصبح لدينا اليوم الدليل”.",
         [("أمس", "2015-08-05", "2015-08-05", "day"), ("اليوم", "2015-08-05", "2015-08-05", "day")]),
        # not quoted, or the أمس dates no speech: today
        ("أعلن الوزير أمس أن الحطام للطائرة، ويصل اليوم فريق الخبراء.",
         [("أمس", "2015-08-05", "2015-08-05", "day"), ("اليوم", "2015-08-06", "2015-08-06", "day")]),
        ("وقع الهجوم أمس على المنزل. وقال المتحدث: “نحن اليوم نطالب بالتحقيق”.",
         [("أمس", "2015-08-05", "2015-08-05", "day"), ("اليوم", "2015-08-06", "2015-08-06", "day")]),
    ],
)
def test_quoted_today_of_a_speech_dated_yesterday(text: str, expected: list) -> None:
    assert values(text, THU) == expected

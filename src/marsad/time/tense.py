"""Tense around a date expression: is the text reporting something past or announcing it?

Only needed where the date alone is ambiguous (a bare weekday, a month without a year). We look at
the words before the expression in its sentence, nearest first, and after it for a modifier.
Without a morphological analyser (see docs/decisions.md) we rely on cues that are reliable in
news: the future particle سـ/سوف on an imperfect verb, words such as المقبل/المرتقب/غداً, and for
the past أمس/الماضي/كان plus the common perfect verbs of reporting and fighting.
"""

from __future__ import annotations

import re

from marsad.text.normalize import match_form

_WORD_RE = re.compile(r"\w+")
# Clause limit: cues beyond a sentence end do not apply.
_SENTENCE_END_RE = re.compile(r"[.!?\n]")
WINDOW_CHARS = 90
WINDOW_AFTER_CHARS = 14


def _forms(*words: str) -> frozenset[str]:
    return frozenset(match_form(w) for w in words)


_FUTURE_WORDS = _forms(
    "سوف", "غداً", "غدا", "المقبل", "المقبلة", "القادم", "القادمة", "المرتقب", "المرتقبة", "مرتقب",
    "مرتقبة", "المقرر", "مقرر", "المزمع", "المزمعة", "المنتظر", "المنتظرة", "يعتزم", "تعتزم",
    "ينتظر", "يتوقع", "المتوقع", "المتوقعة", "يرتقب", "يُرتقب", "تنطلق", "يبدأ", "تبدأ", "تعقد",
    "يعقد", "يصل", "يزور", "تستضيف", "يستضيف", "لن",
    # purpose and possibility: what the clause looks forward to ("بحيث يمكننا بدء المفاوضات يوم الجمعة")
    "بحيث", "لكي", "يمكننا", "يمكنهم", "يمكنه",
)
_PAST_WORDS = _forms(
    "أمس", "الأمس", "البارحة", "الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة",
    "كان", "كانت", "كانوا", "قد", "لم", "قال", "قالت", "أعلن", "أعلنت", "أكد", "أكدت", "ذكر",
    "ذكرت", "أفاد", "أفادت", "أشار", "أشارت", "أضاف", "أضافت", "أوضح", "أوضحت", "بدأ", "بدأت",
    "شن", "شنت", "قتل", "قتلت", "قُتل", "أصيب", "جرى", "جرت", "عقدت", "التقى", "زار",
    "زارت", "شهد", "شهدت", "وقع", "وقعت", "سقط", "سقطت", "استهدف", "استهدفت", "نفذ", "نفذت",
    "أسفر", "أسفرت", "وصل", "وصلت", "توفي", "اعتقل", "اعتقلت", "أطلق", "أطلقت", "تمكن", "تمكنت",
    "هاجم", "هاجمت", "سيطر", "سيطرت", "استعاد", "استعادت", "دمر", "دمرت", "أجرى", "أجرت",
    "ناقش", "ناقشت", "بحث", "بحثت", "صرح", "صرحت", "افتتح", "افتتحت", "حصل", "حصلت", "تم",
)
# Words that begin like a future verb (سـ + ي/ت/ن) but are nouns or past verbs: prefixes long
# enough not to swallow future verbs (سيفتتح، سيكون، سيجري، سيلتقي، سنواصل، ستأتي), and whole words.
_NOT_FUTURE_PREFIXES = tuple(
    match_form(w)
    for w in (
        "سيطر", "سياس", "سيار", "سياح", "سيدات", "سيناء", "سينما", "سيناريو", "سيول", "سيرة", "سيرت",
        "سيوف", "ستار", "ستاد", "ستين", "ستون", "ستوديو", "ستراتيج", "سنوات", "سنوي", "سنغاف", "سنتيم",
        "سنين", "سيتي", "ستيف", "سيجار", "سيمفون", "سيكول", "سيبير", "سيلفي",
    )
)
_NOT_FUTURE_WORDS = _forms("سيد", "سيدة", "سيدي", "سيف", "سير", "سيل", "ستة", "سنة", "سنت", "سنتين", "ستا")
_FUTURE_VERB_RE = re.compile(r"^[وف]?س[يتن]\w{2,}$")


def _strip_conjunction(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _word_tense(word: str) -> str | None:
    bare = _strip_conjunction(word)
    if bare in _FUTURE_WORDS or word in _FUTURE_WORDS:
        return "future"
    if bare in _PAST_WORDS or word in _PAST_WORDS:
        return "past"
    if _FUTURE_VERB_RE.match(word) and not bare.startswith(_NOT_FUTURE_PREFIXES) and bare not in _NOT_FUTURE_WORDS:
        return "future"
    return None


# Verbs of saying (and the day of saying): a past one governs the saying, not necessarily the
# clause it introduces ("قالوا أمس إن السعودية رفعت أسعار شحنات سبتمبر": next month's shipments).
_REPORTING_WORDS = _forms(
    "أمس", "الأمس", "البارحة", "قال", "قالت", "قالوا", "أعلن", "أعلنت", "أكد", "أكدت", "ذكر", "ذكرت",
    "أفاد", "أفادت", "أشار", "أشارت", "أضاف", "أضافت", "أوضح", "أوضحت", "صرح", "صرحت",
)
# Nouns of a scheduled delivery: a month they govern within a few words ("أسعار شحنات النفط في
# سبتمبر"، "عقود برنت تسليم نوفمبر") is a delivery month, often after the past verb of pricing.
_SCHEDULE_WORDS = _forms("شحنات", "الشحنات", "شحنة", "لشحنات", "تسليم", "عقود", "العقود", "استحقاق")
SCHEDULE_WINDOW_WORDS = 4
# Complementisers that open the reported clause.
_THAT_WORDS = _forms("إن", "أن", "بأن", "وأن", "وإن", "إنه", "أنه", "بأنه", "إنها", "أنها", "بأنها")
# "منذ" right before a date: the date is past ("منذ سبتمبر").
_SINCE = match_form("منذ")


# "أن يرفع الفائدة في سبتمبر": أن with an imperfect verb is a prospective act (what is expected,
# planned or possible), so its date is not in the past even after a past verb (كان يتوقع أن...).
_SUBJUNCTIVE_PARTICLES = _forms("أن", "بأن", "وأن", "لن")  # not لأن: "because"
# يفعل / تفعل; not a noun in ت: a masdar تفعيل (تحقيق، تقرير، تاريخ), a word ending in ة/ات.
_IMPERFECT_RE = re.compile(r"^(?:ي(?!وم|ناير|ونيو|ونيه|وليو|وليه)\w{2,}|ت(?!\w\wي)\w{2,}(?<!ه)(?<!ات))$")


def _subjunctive(word: str, previous: str, before: str) -> str | None:
    """"أن يرفع": prospective; not "قبل أن يحكم" / "بعد أن" (a time conjunction)."""
    if previous not in _SUBJUNCTIVE_PARTICLES or _strip_conjunction(before) in _TIME_CONJUNCTIONS:
        return None
    return "future" if _IMPERFECT_RE.match(word) else None


_TIME_CONJUNCTIONS = _forms("قبل", "بعد", "منذ", "حين", "عندما")


def _cue(form: str, start: int, end: int, subjunctive: bool = True) -> tuple[str | None, bool]:
    """(tense, reported): the tense of the nearest cue, and whether the date may not share it: a
    past verb of saying with إن/أن between it and the expression (the date then belongs to the
    reported clause), or a delivery noun just before the date."""
    after = form[end : end + WINDOW_AFTER_CHARS]
    stop = _SENTENCE_END_RE.search(after)
    for word in _WORD_RE.findall(after[: stop.start()] if stop else after)[:1]:
        found = _word_tense(word)
        if found:
            return found, False
    before = form[max(0, start - WINDOW_CHARS) : start]
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(before)]
    if ends:
        before = before[ends[-1] :]
    words = list(reversed(_WORD_RE.findall(before)))
    if words and _strip_conjunction(words[0]) == _SINCE:
        return "past", False
    if any(w in _SCHEDULE_WORDS or _strip_conjunction(w) in _SCHEDULE_WORDS
           for w in words[:SCHEDULE_WINDOW_WORDS]):
        for word in words:
            if found := _word_tense(word):
                return found, found == "past"
        return None, False
    seen_that = False
    for i, word in enumerate(words):
        found = _word_tense(word) or (_subjunctive(word, *(words[i + 1 : i + 3] + ["", ""])[:2]) if subjunctive else None)
        if found:
            reported = found == "past" and seen_that and (
                word in _REPORTING_WORDS or _strip_conjunction(word) in _REPORTING_WORDS)
            return found, reported
        seen_that = seen_that or word in _THAT_WORDS or _strip_conjunction(word) in _THAT_WORDS
    return None, False


def tense_near(form: str, start: int, end: int, subjunctive: bool = True) -> str | None:
    """'past', 'future' or None for the expression at form[start:end] (matching-form offsets).
    subjunctive=False ignores أن + imperfect (prospective within the clause, but not necessarily
    after publication: "شريطة أن تمنح ... بعد عشر سنوات" in a past narrative)."""
    return _cue(form, start, end, subjunctive)[0]


def reported_past(form: str, start: int, end: int) -> bool:
    """The past cue of the expression is a verb of saying whose إن/أن clause holds the date, or
    the date is a delivery month: it may lie a little after publication (the announcement of
    next month's prices)."""
    return _cue(form, start, end)[1]

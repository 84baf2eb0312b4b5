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
# Words that begin like a future verb (سـ + ي/ت/ن) but are nouns or past verbs.
_NOT_FUTURE_PREFIXES = tuple(
    match_form(w)
    for w in (
        "سيطر", "سياس", "سيار", "سياح", "سيد", "سينا", "سيول", "سيرة", "سيف", "سيناريو", "سير",
        "ستار", "ستة", "ستين", "ستوديو", "ستراتيج", "سنة", "سنو", "سنغاف", "سنت", "سنو", "سنين",
        "سيتي", "ستيف", "سيج", "سيم", "سيل", "سيب", "سيك", "ستا",
    )
)
_FUTURE_VERB_RE = re.compile(r"^[وف]?س[يتن]\w{2,}$")


def _strip_conjunction(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _word_tense(word: str) -> str | None:
    bare = _strip_conjunction(word)
    if bare in _FUTURE_WORDS or word in _FUTURE_WORDS:
        return "future"
    if bare in _PAST_WORDS or word in _PAST_WORDS:
        return "past"
    if _FUTURE_VERB_RE.match(word) and not bare.startswith(_NOT_FUTURE_PREFIXES):
        return "future"
    return None


def tense_near(form: str, start: int, end: int) -> str | None:
    """'past', 'future' or None for the expression at form[start:end] (matching-form offsets)."""
    after = form[end : end + WINDOW_AFTER_CHARS]
    stop = _SENTENCE_END_RE.search(after)
    for word in _WORD_RE.findall(after[: stop.start()] if stop else after)[:1]:
        found = _word_tense(word)
        if found:
            return found
    before = form[max(0, start - WINDOW_CHARS) : start]
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(before)]
    if ends:
        before = before[ends[-1] :]
    for word in reversed(_WORD_RE.findall(before)):
        found = _word_tense(word)
        if found:
            return found
    return None

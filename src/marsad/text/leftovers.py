"""What Arabic news sites leave in crawled text: a lexicon of their phrases, by kind.

Entries are matched in matching form (see normalize.match_form), so spelling variants of the same
button (اترك تعليقاً / اترك تعليقا) need one entry. Two strengths:

* WHOLE_LINE: the line is debris when it consists of these words alone (buttons, menu items).
* CONTAINS: the line is debris when it contains the phrase and reads as a prompt rather than a
  sentence of the article (no full stop at its end).
"""

from __future__ import annotations

import re

from marsad.text.normalize import match_form

# Buttons, menus and labels that form a line on their own (one or several of them).
_BUTTON_WORDS = ["شارك", "شاركها", "مشاركة", "المشاركة", "شارك", "الخبر", "شارك", "المقال", "طباعة", "اطبع", "طباعة", "الخبر", "ارسل", "إرسال", "أرسل", "لصديق", "أرسل", "الخبر", "حفظ", "نسخ", "الرابط", "نسخ", "تكبير", "الخط", "تصغير", "الخط", "حجم", "الخط", "تعليق", "تعليقات", "التعليقات", "أضف", "تعليق", "إضافة", "تعليق", "اترك", "تعليقاً", "اترك", "تعليقا", "اترك", "رداً", "اترك", "ردا", "لا", "توجد", "تعليقات", "كن", "أول", "من", "يعلق", "زر", "الذهاب", "إلى", "الأعلى", "العودة", "إلى", "الأعلى", "للأعلى", "الأعلى", "عودة", "اقرأ", "أيضاً", "اقرأ", "أيضا", "اقرأ", "المزيد", "المزيد", "مواضيع", "ذات", "صلة", "أخبار", "ذات", "صلة", "ذات", "صلة", "الأكثر", "قراءة", "الأكثر", "مشاهدة", "الرئيسية", "أخبار", "فيسبوك", "تويتر", "تويتر", "واتساب", "واتس", "آب", "تيليجرام", "تلغرام", "لينكد", "إن", "لينكدإن", "يوتيوب", "انستغرام", "إنستغرام", "جوجل", "بلس", "البريد", "الإلكتروني", "بريد", "إلكتروني", "طباعة", "الصفحة", "الصفحة", "الرئيسية", "تابعونا", "تابعنا", "تابعونا", "على", "اشترك", "اشتراك", "سجل", "الدخول", "تسجيل", "الدخول", "تسجيل", "خروج", "التالي", "السابق", "الخبر", "التالي", "الخبر", "السابق", "المقال", "التالي", "المقال", "السابق", "وسوم", "الوسوم", "كلمات", "مفتاحية", "الكلمات", "المفتاحية", "مصدر", "الصورة", "صورة", "أرشيفية", "أرشيفية", "أرشيف", "إعلان", "اعلان", "share", "print", "email", "tweet", "facebook", "twitter", "whatsapp", "telegram", "comments", "comment", "home", "next", "previous", "related"]

# Phrases that mark a whole prompt line: sign-up, newsletter, comment and cookie prompts, copyright.
_PROMPT_PHRASES = [
    "لم تشترك بعد", "انشئ حسابا", "أنشئ حساباً", "سجل الان", "سجل الآن", "نشراتنا البريدية", "النشرة البريدية",
    "اشترك في النشرة", "اشترك في نشرتنا", "اشترك الآن", "اشترك في قناتنا", "للاشتراك في", "اشترك ليصلك",
    "تابعونا على", "تابعوا آخر الأخبار", "حمل تطبيق", "حمّل تطبيق", "لمتابعة آخر الأخبار",
    "جميع الحقوق محفوظة", "حقوق النشر محفوظة", "حقوق الطبع محفوظة", "كل الحقوق محفوظة",
    "تعليقات القراء", "التعليقات المنشورة", "لا تعبر عن رأي", "ملفات تعريف الارتباط", "سياسة الخصوصية",
    "شروط الاستخدام", "اضغط هنا", "انقر هنا", "للمزيد من الأخبار", "زر الذهاب", "اقرأ أيضاً",
    "all rights reserved", "sign up", "subscribe", "newsletter", "cookie",
]

# Bylines and their debris at the edges of an article.
_BYLINE_RE = re.compile(r"^(?:كتب|كتبت|بقلم|تحرير|إعداد|اعداد|حرر|المحرر|مراسل|متابعات|وكالات)\s*[:：\-–]")
_CAPTION_RE = re.compile(r"^[\(\[]?\s*(?:صورة|الصورة|صور|الصور|فيديو|بالفيديو|بالصور|photo|image)\b")


def _keys(words: list[str]) -> set[str]:
    return {match_form(w) for w in words}


BUTTON_KEYS = _keys(_BUTTON_WORDS) | {match_form(p) for p in (
    "اترك تعليقاً", "زر الذهاب إلى الأعلى", "اقرأ أيضاً", "أخبار ذات صلة", "الأكثر قراءة")}
PROMPT_KEYS = [match_form(p) for p in _PROMPT_PHRASES]
_TOKEN_RE = re.compile(r"[^\s|•·،,:\-–—/]+")
_SENTENCE_END = (".", "!", "؟", "?", "»", '"', "”", ")")


def line_words(line: str) -> list[str]:
    return _TOKEN_RE.findall(match_form(line))


def is_button_line(line: str) -> bool:
    """Only button/menu words (e.g. "شارك", "تويتر فيسبوك واتساب", "طباعة")."""
    words = line_words(line)
    if not words or len(words) > 8:
        return False
    return all(w in BUTTON_KEYS for w in words) or match_form(line).strip(" :") in BUTTON_KEYS


def is_prompt_line(line: str) -> bool:
    """A sign-up / newsletter / comment / copyright prompt, not a sentence of the article."""
    stripped = line.strip()
    words = len(stripped.split())
    if words > 60 or (stripped.endswith((".", "؟", "?")) and words > 25):
        return False  # a paragraph that mentions comments or rights (a crawl may glue a whole article into one line)
    form = match_form(stripped)
    return any(key in form for key in PROMPT_KEYS)


_CRUMB_SPLIT_RE = re.compile(r"\s+[/|»>›«<‹]\s+")


def is_breadcrumb(line: str) -> bool:
    """ "الرئيسية / أخبار سوريا / إدلب", "الرافدين اليوم | أمن": navigation, not text."""
    parts = _CRUMB_SPLIT_RE.split(line.strip())
    return len(parts) >= 2 and all(0 < len(p.split()) <= 4 for p in parts) and len(line.split()) <= 14


def is_byline(line: str) -> bool:
    return bool(_BYLINE_RE.match(line.strip())) and len(line.split()) <= 10


def is_caption(line: str) -> bool:
    return bool(_CAPTION_RE.match(match_form(line.strip()))) and len(line.split()) <= 15


def ends_like_sentence(line: str) -> bool:
    return line.rstrip().endswith(_SENTENCE_END)


def strip_button_prefix(line: str) -> str:
    """ "طباعة موسكو تقود الجهود" → "موسكو تقود الجهود": a button glued to a caption."""
    words = line.split()
    while words and match_form(words[0]) in BUTTON_KEYS:
        words = words[1:]
    return " ".join(words)

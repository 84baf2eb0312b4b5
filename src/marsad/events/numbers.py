"""Counts as Arabic news writes them: digits, number words, dual nouns, vague quantities, and the
qualifier around them (أكثر من، نحو، على الأقل، بين 5 و10).

Everything works on words already in *matching form* (`marsad.text.normalize.match_form`): hamza
folded to ا, ة to ه, ى to ي, Arabic-Indic digits to ASCII. Callers pass a list of such words (one
per token, clitics still attached) and an index; `read_quantity` says what count starts there and
how many words it took. Written here rather than taken from pyarabic so the events stage has no
dependency and knows about tolls' own idioms (شخصان، عشرات، ما لا يقل عن).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.text.normalize import match_form
from marsad.text.tokens import iter_tokens

# ---------------------------------------------------------------------------------------------
# number words (matching form). Each unit has masculine/feminine, nominative/oblique spellings.

_UNITS: dict[str, int] = {}
for _value, _forms in {
    1: ("واحد", "واحده", "احد", "احدي"),
    2: ("اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي"),
    3: ("ثلاث", "ثلاثه"),
    4: ("اربع", "اربعه"),
    5: ("خمس", "خمسه"),
    6: ("ست", "سته"),
    7: ("سبع", "سبعه"),
    8: ("ثمان", "ثماني", "ثمانيه"),
    9: ("تسع", "تسعه"),
    10: ("عشر", "عشره"),
}.items():
    for _form in _forms:
        _UNITS[_form] = _value

_TENS: dict[str, int] = {}
for _value, _stem in {
    20: "عشر", 30: "ثلاث", 40: "اربع", 50: "خمس", 60: "ست", 70: "سبع", 80: "ثمان", 90: "تسع",
}.items():
    _TENS[_stem + "ون"] = _value
    _TENS[_stem + "ين"] = _value

_HUNDREDS: dict[str, int] = {"مائه": 100, "مئه": 100, "مائتان": 200, "مئتان": 200, "مائتين": 200,
                             "مئتين": 200, "مائتا": 200, "مئتا": 200, "مائتي": 200, "مئتي": 200}
for _value, _stems in {3: ("ثلاث",), 4: ("اربع",), 5: ("خمس",), 6: ("ست",), 7: ("سبع",),
                       8: ("ثمان", "ثماني"), 9: ("تسع",)}.items():
    for _stem in _stems:
        _HUNDREDS[_stem + "مائه"] = _value * 100
        _HUNDREDS[_stem + "مئه"] = _value * 100

# Multipliers that scale what came before them (ثلاثة آلاف) or stand alone (ألف).
_SCALES: dict[str, int] = {
    "الف": 1000, "الفا": 1000, "الفان": 2000, "الفين": 2000, "الاف": 1000, "الوف": 1000,
    "مليون": 1_000_000, "مليونا": 1_000_000, "مليونان": 2_000_000, "مليونين": 2_000_000,
    "ملايين": 1_000_000,
}
# "مائة" after a unit written apart: ثلاث مائة.
_HUNDRED_WORDS = {"مائه", "مئه"}

# Vague quantities: (value, qualifier), the lowest credible reading (docs/events.md §6, after
# ACLED): عشرات → 10, مئات → 100, آلاف → 1000, عدة/بضعة/عدد من → 3, all `at_least`.
VAGUE: dict[str, tuple[int | None, str]] = {
    "عشرات": (10, "at_least"),
    "مئات": (100, "at_least"),
    "الاف": (1000, "at_least"),
    "الوف": (1000, "at_least"),
    "بضع": (3, "at_least"),
    "بضعه": (3, "at_least"),
    "عده": (3, "at_least"),
    "عدد": (3, "at_least"),
    "العديد": (3, "at_least"),
    "عديد": (3, "at_least"),
}



def _folded(table: dict) -> dict:
    """Keys written with hamza seats for readability, stored in matching form (مئة → ميه)."""
    return {match_form(key): value for key, value in table.items()}


_UNITS, _TENS, _HUNDREDS, _SCALES, VAGUE = (
    _folded(_UNITS), _folded(_TENS), _folded(_HUNDREDS), _folded(_SCALES), _folded(VAGUE))
_HUNDRED_WORDS = {match_form(word) for word in _HUNDRED_WORDS}

# Qualifier phrases before a number, longest first.
_BEFORE: list[tuple[tuple[str, ...], str]] = sorted(
    [
        (("اكثر", "من"), "at_least"),
        (("ما", "يزيد", "عن"), "at_least"),
        (("ما", "يزيد", "علي"), "at_least"),
        (("ما", "لا", "يقل", "عن"), "at_least"),
        (("لا", "يقل", "عن"), "at_least"),
        (("ما", "يربو", "علي"), "at_least"),
        (("يزيد", "عن"), "at_least"),
        (("يزيد", "علي"), "at_least"),
        (("اقل", "من"), "at_most"),
        (("ما", "لا", "يزيد", "عن"), "at_most"),
        (("ما", "لا", "يزيد", "علي"), "at_most"),
        (("لا", "يزيد", "عن"), "at_most"),
        (("حتي",), "at_most"),
        (("نحو",), "about"),
        (("حوالي",), "about"),
        (("حوالى",), "about"),
        (("قرابه",), "about"),
        (("زهاء",), "about"),
        (("ما", "يقارب"), "about"),
        (("ما", "يناهز"), "about"),
        (("يقارب",), "about"),
        (("يناهز",), "about"),
        (("قرابه",), "about"),
        (("تقريبا",), "about"),
    ],
    key=lambda item: -len(item[0]),
)
# Qualifier phrases after the counted noun (9 مدنيين على الأقل).
_AFTER: list[tuple[tuple[str, ...], str]] = [
    (("علي", "الاقل"), "at_least"),
    (("بالاقل",), "at_least"),
    (("علي", "الاكثر"), "at_most"),
    (("تقريبا",), "about"),
]

# Person nouns whose dual form is itself a count: شخصان = two people, قتيلان = two killed.
DUAL_STEMS = frozenset({
    "شخص", "قتيل", "جريح", "مصاب", "مدني", "جندي", "طفل", "عنصر", "مسلح", "مقاتل", "ضابط",
    "شرطي", "عسكري", "مواطن", "رجل", "امراه", "امرات", "شقيق", "صحفي", "صحافي", "ناشط", "طالب",
    "معتقل", "اسير", "متظاهر", "مدنيين", "روسي", "اميركي", "امريكي", "سوري", "فلسطيني", "طيار",
})

# Those whose plural is the sound masculine -ون/-ين, so that -ين is a dual or a plural.
SOUND_PLURAL_STEMS = frozenset({"مسلح", "مقاتل", "مصاب", "متظاهر", "معتقل", "ناشط", "مواطن"})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count read from words [start, end) of the caller's word list."""

    value: int | None
    qualifier: str  # exact | at_least | at_most | about | range | unknown
    start: int
    end: int
    high: int | None = None


def _strip_conj(word: str) -> str:
    """و/ف glued to a number word: وأربعة → اربعه (only when what is left is a number word)."""
    if len(word) > 2 and word[0] in "وف" and (word[1:] in _UNITS or word[1:] in _TENS or
                                              word[1:] in _HUNDREDS or word[1:] in _SCALES):
        return word[1:]
    return word


def _digit_value(word: str) -> int | None:
    """12 / 1,200 / 1.200 (thousands separators) as an int; decimals are not counts."""
    if not word or not word[0].isdigit():
        return None
    digits = word.replace(",", "").replace("٬", "")
    if "." in digits or "٫" in digits:
        head, _, tail = digits.replace("٫", ".").partition(".")
        if len(tail) == 3 and head.isdigit() and tail.isdigit():
            return int(head + tail)
        return None
    return int(digits) if digits.isdigit() else None


def _strip_article(word: str) -> str:
    """الـ14 / ال14: the article on a digit."""
    for prefix in ("ال", "لل", "بال"):
        if word.startswith(prefix) and word[len(prefix):][:1].isdigit():
            return word[len(prefix):]
    return word


def read_number(words: list[str], i: int) -> tuple[int, int] | None:
    """The cardinal starting at words[i] as (value, end index), or None.

    Reads digits, or a chain of number words joined by و: ثلاثمائة وأربعة → 304,
    خمسة وعشرون → 25, ثلاثة آلاف → 3000, أحد عشر → 11.
    """
    if i >= len(words):
        return None
    first = _strip_article(words[i])
    value = _digit_value(first)
    if value is not None:
        j = i + 1
        if j < len(words) and words[j] in _SCALES and words[j] not in ("الاف", "الوف"):
            return value * _SCALES[words[j]], j + 1
        if j < len(words) and words[j] in ("الاف", "الف"):
            return value * 1000, j + 1
        return value, j
    return _read_number_words(words, i)


def _read_number_words(words: list[str], i: int) -> tuple[int, int] | None:
    total = 0  # completed thousands/millions
    current = 0  # the part below the last scale word
    last = 0  # the last number word's value, to decide what و may join
    j = i
    while j < len(words):
        glued = words[j] if j == i else _strip_conj(words[j])
        joined = j > i and (glued != words[j] or words[j - 1] == "و")
        word = glued
        if word == "و":
            j += 1
            continue
        value = _UNITS.get(word) or _TENS.get(word) or _HUNDREDS.get(word)
        if j > i and not joined:
            # Without و a number word only continues a teen (أحد عشر), a unit+hundred written
            # apart (ثلاث مئة) or a scale (ثلاثة آلاف).
            if word in ("عشر", "عشره") and 1 <= last <= 9:
                current += 10
            elif word in _HUNDRED_WORDS and 1 <= last <= 9:
                current = current - last + last * 100
            elif word in _SCALES:
                total += max(current, 1) * _SCALES[word]
                current = 0
            else:
                break
            last = 0
            j += 1
            continue
        if j == i and value is None and word in _SCALES:
            if word in (match_form("آلاف"), match_form("ألوف")):
                return None  # a bare آلاف is vague, not 1000
            current = _SCALES[word]
            last = current
            j += 1
            continue
        if value is None:
            break
        if joined and not _may_join(last, value):
            break
        current += value
        last = value
        j += 1
    if j > i and words[j - 1] == "و":
        j -= 1
    if j == i:
        return None
    return total + current, j


def _may_join(last: int, value: int) -> bool:
    """و joins a unit to its tens (خمسة وعشرون) and a hundred or thousand to what follows it
    (ثلاثمائة وأربعة), never two numbers of the same rank (خمسة وعشرة is a list)."""
    if last == 0:
        return True  # after a scale word: ثلاثة آلاف وخمسمائة
    if 1 <= last <= 9:
        return 20 <= value <= 90 and value % 10 == 0
    if last >= 100:
        return value < 100 or (value < last and value % 100 == 0 and last % 1000 == 0)
    return False


def dual_count(word: str) -> int | None:
    """2 when `word` is the dual of a person noun (شخصان، قتيلين، مدنيان), else None."""
    for prefix in ("", "ال", "و", "وال"):
        if prefix and not word.startswith(prefix):
            continue
        body = word[len(prefix):]
        for ending in ("ان", "ين"):
            if body.endswith(ending) and body[: -len(ending)] in DUAL_STEMS:
                stem = body[: -len(ending)]
                # "مدنيين" is a plural, not a dual: only accept ين when the stem is not itself
                # the -ي nisba plural base (مدني + ين = مدنيين is plural oblique).
                if ending == "ين" and stem.endswith("ي"):
                    return None
                # "25 من المسلحين": with the article, ين on a noun whose plural is sound (مسلحون،
                # مقاتلون) is the plural; a definite dual is not how a toll counts two
                if ending == "ين" and prefix.endswith("ال") and stem in SOUND_PLURAL_STEMS:
                    return None
                return 2
    return None


def _match_phrase(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[i:i + len(phrase)]) == phrase


def read_quantity(words: list[str], i: int) -> Quantity | None:
    """A count with its qualifier starting at words[i].

    Handles: qualifier + number (أكثر من 50، نحو 40، ما لا يقل عن 9), number + noun + على الأقل,
    ranges (بين 5 و10، من 5 إلى 10، 5-10), vague words (عشرات، مئات، عدد من) and duals (شخصان).
    """
    qualifier = "exact"
    j = i
    for phrase, qual in _BEFORE:
        if _match_phrase(words, i, phrase):
            qualifier = qual
            j = i + len(phrase)
            break
    # Range: بين 5 و10 / ما بين 5 و 10
    if j == i:
        between = 2 if _match_phrase(words, i, ("ما", "بين")) else 1 if _match_phrase(words, i, ("بين",)) else 0
        if between:
            span = _read_range(words, i + between)
            if span is not None:
                return Quantity(span[0], "range", i, span[2], high=span[1])
    if j == i and _match_phrase(words, i, ("من",)):
        span = _read_range(words, i + 1)
        if span is not None:
            return Quantity(span[0], "range", i, span[2], high=span[1])
    number = read_number(words, j)
    if number is None:
        if j < len(words):
            vague = VAGUE.get(words[j])
            if vague is not None and qualifier == "exact":
                return Quantity(vague[0], vague[1], i, j + 1)
            if j == i:
                two = dual_count(words[j])
                if two is not None:
                    return Quantity(2, "exact", i, j + 1)
        return None
    value, end = number
    # Range written with إلى / - : 5 إلى 10, من 5 الى 10
    if qualifier == "exact" and end < len(words) and words[end] in ("الي", "-"):
        span = _read_range(words, j)
        if span is not None:
            return Quantity(span[0], "range", i, span[2], high=span[1])
    # على الأقل after the number, the counted noun, or the noun and its adjective (14 جندياً أفغانياً على الأقل).
    for offset in (0, 1, 2):
        if offset and (end + offset - 1 >= len(words) or not words[end + offset - 1][:1].isalpha()):
            break
        for phrase, qual in _AFTER:
            if qualifier == "exact" and _match_phrase(words, end + offset, phrase):
                return Quantity(value, qual, i, end + offset + len(phrase))
    return Quantity(value, qualifier, i, end)


def _read_range(words: list[str], i: int) -> tuple[int, int, int] | None:
    """low, high, end of "5 و10" / "5 إلى 10" / "5 - 10" starting at words[i]."""
    low = read_number(words, i)
    if low is None or low[1] >= len(words):
        return None
    joiner = words[low[1]]
    if joiner in ("و", "الي", "-"):
        high = read_number(words, low[1] + 1)
    elif joiner.startswith("و") and len(joiner) > 1:  # و glued to a number word: وعشرة
        high = read_number([joiner[1:], *words[low[1] + 1:]], 0)
        high = None if high is None else (high[0], high[1] + low[1])
    else:
        return None
    if high is None or high[0] <= low[0]:
        return None
    return low[0], high[0], high[1]


def words_of(text: str) -> list[str]:
    """Matching-form words of a string, split the way the tokenizer splits them."""
    return [match_form(token.text) for token in iter_tokens(text)]


def parse_count(text: str) -> Quantity | None:
    """Convenience for tests and callers holding a string: the quantity at the start of `text`."""
    return read_quantity(words_of(text), 0)

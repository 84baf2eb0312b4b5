import random
import re
import unicodedata

from marsad.text import normalize as _n
from marsad.text.normalize import MatchText, match_form, normalize_text


def test_normalize_removes_noise_but_keeps_spelling() -> None:
    raw = "الرقــــة\u200f \ufefb\u00a0أعلنَ\r\nسطر\x07"
    clean = normalize_text(raw)
    assert clean == "الرقة لا أعلنَ\nسطر"


def test_match_form_folds_spelling_variants() -> None:
    assert match_form("إيغور") == match_form("ايغور")
    assert match_form("الرقة") == match_form("الرقه")
    assert match_form("مستشفى") == match_form("مستشفي")
    assert match_form("أستانة") == match_form("استانه") == match_form("آستانة")
    assert match_form("الزگاف") == match_form("الزكاف")
    assert match_form("٢٠١٧") == "2017"
    assert match_form("سيُسهِم") == "سيسهم"


def test_match_text_maps_offsets_back_to_clean_text() -> None:
    clean = "قالَ إنّ «داعش» هاجم"
    matched = MatchText.of(clean)
    start = matched.form.index("داعش")
    begin, end = matched.clean_span(start, start + 4)
    assert clean[begin:end] == "داعش"
    begin, end = matched.clean_span(matched.form.index("ان"), matched.form.index("ان") + 2)
    assert clean[begin:end] == "إنّ"


def test_empty_and_latin_input() -> None:
    assert normalize_text("") == "" and match_form("") == ""
    assert match_form("Reuters") == "reuters"


# ------------------------------------------------------------------ fast paths = reference code
# normalize_text, match_form, fold_char and MatchText.of run on per-character tables; these are the
# plain per-character versions they replaced, compared on random Arabic, Latin and mixed strings.


def _reference_normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for ch in text:
        if ch in _n._INVISIBLE or ch == _n.TATWEEL:
            continue
        if ch in _n._SPACES:
            out.append(" ")
            continue
        if _n._is_presentation_form(ch):
            out.append(unicodedata.normalize("NFKC", ch))
            continue
        category = unicodedata.category(ch)
        if category == "Cc" and ch != "\n":
            continue
        if category in ("Cs", "Co", "Cn"):
            continue
        out.append(ch)
    return re.sub(r"[ ]{2,}", " ", unicodedata.normalize("NFC", "".join(out)))


def _reference_fold(ch: str) -> str:
    if ch in _n.DIACRITICS or ch == _n.TATWEEL or ch in _n._INVISIBLE:
        return ""
    folded = _n._FOLD.get(ch)
    if folded is not None:
        return folded
    if _n._is_presentation_form(ch):
        return "".join(_reference_fold(c) for c in unicodedata.normalize("NFKC", ch))
    return ch.lower()


def _reference_match_form(text: str) -> str:
    if any(_n._is_presentation_form(c) for c in text):
        text = unicodedata.normalize("NFKC", text)
    return text.translate(_n._FOLD_TABLE).lower()


_POOLS = [
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى",  # letters
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u06d6\u0640",  # marks, tatweel
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789",
    "abcXYZéÉßİ ",  # Latin, with case and İ (lowercases to two characters)
    "ﻻﻷﺍﺏﻪﺔﷲﷺﹰﻼ\ufe8e\ufb50\ufdfc",  # presentation forms, ligatures
    " \u00a0\u2009\t\x0b\x0c\n\r\x07\x00\u200f\u200c\ufeff\u00ad\u061c",  # spaces, controls, invisibles
    "،؛؟«»“”–—.,!%٪",  # punctuation
    "\ue000\U000f0000\u0378\ud800𝐀ﬁ①ک گ ی ې",  # private use, unassigned, surrogate, compatibility forms
]


def _random_strings(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        pools = rng.sample(_POOLS, rng.randint(1, len(_POOLS)))
        alphabet = "".join(pools)
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))


def test_fast_normalisation_equals_reference_on_random_strings() -> None:
    for text in _random_strings(7, 3000):
        assert normalize_text(text) == _reference_normalize(text), ascii(text)
        assert match_form(text) == _reference_match_form(text), ascii(text)
        matched = MatchText.of(text)
        chars = [(out, i) for i, ch in enumerate(text) for out in _reference_fold(ch)]
        assert matched.form == "".join(c for c, _ in chars), ascii(text)
        assert matched.to_clean == [i for _, i in chars] + [len(text)], ascii(text)


def test_presentation_forms_that_are_their_own_nfkc_fold_without_recursing() -> None:
    # ornate parentheses around a Quran verse (U+FD3E/U+FD3F) and the other non-decomposing
    # characters of the presentation-form blocks recursed until Python's stack ran out
    own = [chr(c) for c in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]
           if unicodedata.normalize("NFKC", chr(c)) == chr(c)]
    assert len(own) > 50
    assert all(_n.fold_char(ch) in (ch.lower(), "") for ch in own)
    assert match_form("﴿ وَقُلِ اعْمَلُوا ﴾") == "﴿ وقل اعملوا ﴾"

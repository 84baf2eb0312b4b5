"""Unicode normalisation of article text, and the *matching form* used to compare words.

Two layers, kept apart on purpose:

* `normalize_text` produces the clean text that every offset refers to. It only removes what is
  noise in any reading (presentation forms, tatweel, stray controls, odd spaces); it keeps
  hamza, ta marbuta and diacritics, because the analyst reads this text.
* `MatchText` / `match_form` fold what Arabic spelling varies on (hamza seats on alef, ta
  marbuta, alef maqsura, diacritics, Persian letters, Arabic-Indic digits) so that إيغور and
  ايغور, or الرقة and الرقه, compare equal. `MatchText` keeps a map back to clean offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TATWEEL = "\u0640"
# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks: never part of a letter.
DIACRITICS = set(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670"} | {
    chr(c) for c in range(0x06D6, 0x06EE)
}

# Invisible characters that crawlers leave in text. ZWNJ/ZWJ carry no meaning in Arabic script news.
_INVISIBLE = {
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d",
    "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\u00ad", "\u061c",
}
_SPACES = {"\u00a0", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
           "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000", "\t", "\x0b", "\x0c"}


def _is_presentation_form(ch: str) -> bool:
    code = ord(ch)
    return 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


_CHAR_CACHE_LIMIT = 20_000  # distinct characters remembered by the per-character tables


class _CleanTable(dict):
    """`str.translate` table of `normalize_text`, filled in per distinct character on first sight
    (what becomes of a character depends on that character alone)."""

    def __missing__(self, code: int) -> str | None:
        if len(self) >= _CHAR_CACHE_LIMIT:  # odd input (every code point once): stay bounded
            self.clear()
        self[code] = out = _clean_char(chr(code))
        return out


def _clean_char(ch: str) -> str | None:
    if ch in _INVISIBLE or ch == TATWEEL:
        return None
    if ch in _SPACES:
        return " "
    if _is_presentation_form(ch):
        return unicodedata.normalize("NFKC", ch)
    category = unicodedata.category(ch)
    if category == "Cc" and ch != "\n":
        return None
    if category in ("Cs", "Co", "Cn"):  # surrogates, private use, unassigned
        return None
    return ch


_CLEAN_TABLE = _CleanTable()
_MULTIPLE_SPACES = re.compile(r"[ ]{2,}")


def normalize_text(text: str) -> str:
    """Clean text for storage: NFC, presentation forms decomposed, no tatweel or controls,
    spaces unified, line ends unified. Paragraph breaks (newlines) are kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text.translate(_CLEAN_TABLE))
    return _MULTIPLE_SPACES.sub(" ", text)


# Letter folding for the matching form: one character in, at most one character out.
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي", "ؤ": "و",
    "ک": "ك", "گ": "ك", "ڭ": "ك", "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف", "ڨ": "ق", "ھ": "ه", "ە": "ه",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "–": "-", "—": "-",
}


_folded: dict[str, str] = {}


def fold_char(ch: str) -> str:
    """The matching form of one character ('' when it is dropped)."""
    folded = _folded.get(ch)
    if folded is None:
        if len(_folded) >= _CHAR_CACHE_LIMIT:
            _folded.clear()
        folded = _folded[ch] = _fold_char(ch)
    return folded


def _fold_char(ch: str) -> str:
    if ch in DIACRITICS or ch == TATWEEL or ch in _INVISIBLE:
        return ""
    folded = _FOLD.get(ch)
    if folded is not None:
        return folded
    if _is_presentation_form(ch):
        composed = unicodedata.normalize("NFKC", ch)
        if composed != ch:  # ornate parentheses ﴾﴿ (around Quran verses) are their own NFKC
            return "".join(fold_char(c) for c in composed)
    return ch.lower()


_FOLD_TABLE = {ord(k): v for k, v in _FOLD.items()}
_FOLD_TABLE.update({ord(c): None for c in DIACRITICS | _INVISIBLE | {TATWEEL}})


# Any presentation form (the ranges of `_is_presentation_form`): one C-level scan, not a Python
# call per character.
_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def match_form(text: str) -> str:
    """Matching form of a string (no offsets kept): for keys, lexicons and search."""
    if _PRESENTATION_FORM.search(text) is not None:
        text = unicodedata.normalize("NFKC", text)
    return text.translate(_FOLD_TABLE).lower()


@dataclass
class MatchText:
    """The matching form of a clean text, with the map back to clean offsets.

    `form[i]` came from `clean[to_clean[i]]`; `to_clean` has one extra entry (len(clean)) so that
    an end offset maps too.
    """

    clean: str
    form: str
    to_clean: list[int]

    @classmethod
    def of(cls, clean: str) -> MatchText:
        chars: list[str] = []
        index: list[int] = []
        folded_of = _folded.get
        for i, ch in enumerate(clean):
            folded = folded_of(ch)
            if folded is None:
                folded = fold_char(ch)
            if len(folded) == 1:
                chars.append(folded)
                index.append(i)
                continue
            for out in folded:
                chars.append(out)
                index.append(i)
        index.append(len(clean))
        return cls(clean, "".join(chars), index)

    def clean_span(self, start: int, end: int) -> tuple[int, int]:
        """Clean-text offsets of the form span [start, end)."""
        if end <= start:
            pos = self.to_clean[start]
            return pos, pos
        begin, finish = self.to_clean[start], self.to_clean[end - 1] + 1
        # Marks dropped from the form (shadda, harakat) still belong to the last letter.
        while finish < len(self.clean) and (self.clean[finish] in DIACRITICS or self.clean[finish] == TATWEEL):
            finish += 1
        return begin, finish

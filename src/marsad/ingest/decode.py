"""Bytes to text: BOMs, UTF-8, UTF-16 and the legacy Arabic code pages crawlers still meet.

Order of trust: a BOM; strict UTF-8; UTF-16 without BOM (every other byte zero); then the Arabic
legacy encodings (Windows-1256, ISO-8859-6, CP720) judged by how Arabic the result reads; then
charset-normalizer as a last resort. Binary input is refused with a reason rather than decoded
into garbage.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not text we can read; the message is the one-line reason for the report."""


_LEGACY_ARABIC = ("cp1256", "iso8859_6", "cp720", "cp864")


def _arabic_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    return arabic / len(letters)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many C0 controls in the first 8 KB (UTF-16 is checked before this)."""
    head = data[:8192]
    if not head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return b"\x00" in head or controls / len(head) > 0.05


def _readable(text: str) -> bool:
    """Mostly letters, digits, spaces and punctuation of the scripts news is written in."""
    if not text:
        return False
    sample = text[:4000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t")
    familiar = sum(1 for c in sample if ord(c) < 0x250 or 0x0600 <= ord(c) <= 0x06FF or 0x2000 <= ord(c) <= 0x206F
                   or 0xFB50 <= ord(c) <= 0xFEFF)
    return controls / len(sample) < 0.01 and familiar / len(sample) > 0.9


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: Arabic puts 0x06 (Latin 0x00) in every high byte."""
    head = data[:4096]
    if len(head) < 4:
        return None
    for encoding, high in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if sum(1 for b in high if b in (0, 6)) / len(high) < 0.9:
            continue
        try:
            text = data[: len(data) - len(data) % 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        if _readable(text):
            return text
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name) or DecodeError with a reason."""
    if not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise DecodeError(f"broken {encoding} text ({err.reason} at byte {err.start})") from err
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, "utf-16"
    if looks_binary(data):
        raise DecodeError("binary content, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    # A UTF-8 file cut in the middle of a character is still UTF-8: keep what is there.
    if utf8_error.start >= len(data) - 3:
        return data[: utf8_error.start].decode("utf-8"), "utf-8 (truncated)"
    best = _best_legacy_arabic(data)
    if best is not None:
        return best
    match = from_bytes(data).best()
    if match is None or match.encoding is None:
        raise DecodeError("unknown text encoding")
    return str(match), match.encoding


def _best_legacy_arabic(data: bytes) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    for encoding in _LEGACY_ARABIC:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _arabic_ratio(text)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is not None and best[0] >= 0.5:
        return best[1], best[2]
    return None

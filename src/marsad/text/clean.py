"""From a crawled article to a clean `Document`: body, title, dateline, outlet, publication date.

Site leftovers are found by general means, line by line:

1. a lexicon of Arabic site phrases (buttons, sign-up and comment prompts, bylines, captions);
2. the title's own repetitions: the headline printed again, or cut short as an image caption
   ("موسكو تقود الجهود" for "موسكو تقود الجهود السياسية …"), possibly glued to a button word;
3. lines repeated inside the article (headings and captions shown twice);
4. lines repeated across articles of the same outlet (`outlet_lines`, learned by the store);
5. position and shape: short lines without a full stop before the first or after the last
   paragraph of the body.

A line that reads as a sentence of the article (long enough, or ending like a sentence) is kept
unless one of the first three rules names it, so body sentences are never lost to rule 5.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlparse

from marsad.records import Document, Published, RawArticle
from marsad.text import leftovers
from marsad.text.normalize import match_form, normalize_text
from marsad.text.outlets import outlet_from_lines, outlet_from_url
from marsad.text.published import find_date, parse_metadata_date
from marsad.text.sentences import split_sentences

# A line with at least this many words is body text unless a rule names it.
BODY_MIN_WORDS = 8
TITLE_MAX_WORDS = 30
DATELINE_MAX_WORDS = 3
TITLE_SEARCH_LINES = 6
# Lines shorter than this (words) are the only ones that rules 3 and 4 may remove.
REPEAT_MAX_WORDS = 15

OutletLineOracle = Callable[[str | None, str], bool]


@dataclass
class CleanResult:
    body_lines: list[str]
    title: str | None = None
    dateline: str | None = None
    published: Published | None = None
    removed: list[str] = field(default_factory=list)
    outlet_hint: str | None = None
    title_seen: bool = False  # the headline's first appearance in the text is the title, not debris


def line_key(line: str) -> str:
    """Key of a line for repetition tests: matching form, no punctuation or extra spaces."""
    return " ".join(leftovers.line_words(line))


def content_hash(text: str) -> str:
    """Identity of an article: its clean body in matching form, so a re-crawl with other
    whitespace or tatweel is the same article."""
    return hashlib.blake2b(" ".join(match_form(text).split()).encode("utf-8"), digest_size=10).hexdigest()


def build_document(raw: RawArticle, outlet_lines: OutletLineOracle | None = None) -> Document:
    """Clean a raw article. Raises ValueError (with a one-line reason) when no body is left."""
    title_hint, text, page_date, page_site = raw.title, raw.text, None, None
    if raw.html is not None:
        text, title_hint, page_date, page_site = extract_html(raw.html, raw.url)
        title_hint = raw.title or title_hint
    if text is None or not text.strip():
        raise ValueError("no article text found")
    text = normalize_text(text)
    outlet = raw.outlet or outlet_from_url(raw.url) or page_site
    result = clean_lines(text.split("\n"), normalize_text(title_hint) if title_hint else None,
                         lambda line: bool(outlet_lines and outlet_lines(outlet, line)))
    body = "\n".join(result.body_lines)
    if not body.strip():
        raise ValueError("nothing left after removing site leftovers")
    published = (parse_metadata_date(raw.published) or result.published
                 or (parse_metadata_date(page_date) if page_date else None) or Published())
    if published.basis is None and published.date:
        published.basis = "text"
    digest = content_hash(body)
    return Document(
        id=raw.id or digest,
        source=raw.source,
        text=body,
        outlet=outlet or result.outlet_hint,
        url=raw.url,
        title=result.title,
        dateline=result.dateline,
        published=published,
        removed=result.removed,
        content_hash=digest,
        sentences=split_sentences(body),
    )


def clean_lines(lines: list[str], title_hint: str | None = None,
                repeated_at_outlet: Callable[[str], bool] | None = None) -> CleanResult:
    lines = [line.strip() for line in lines]
    lines = [line for line in lines if line]
    result = CleanResult(body_lines=[])
    if not lines:
        return result
    counts = Counter(line_key(line) for line in lines)
    result.title = title_hint or _find_title(lines, counts)
    title_key = line_key(result.title) if result.title else ""
    # The headline is never body, wherever it stands; the body's edges are found without it.
    body_flags = [_reads_as_body(line) and line_key(line) != title_key for line in lines]
    first_body = next((i for i, flag in enumerate(body_flags) if flag), len(lines))
    last_body = max((i for i, flag in enumerate(body_flags) if flag), default=-1)
    result.outlet_hint = outlet_from_lines(lines)

    for index, line in enumerate(lines):
        at_edge = index < first_body or index > last_body
        verdict = _classify(line, index, first_body, at_edge, title_key, counts, result, repeated_at_outlet)
        if verdict == "body":
            result.body_lines.append(line)
        elif verdict == "debris":
            result.removed.append(line)
    _split_inline_dateline(result)
    return result


def _classify(line: str, index: int, first_body: int, at_edge: bool, title_key: str, counts: Counter,
              result: CleanResult, repeated_at_outlet: Callable[[str], bool] | None) -> str:
    """body | debris | field (title, dateline, date line: kept in their own fields)."""
    key = line_key(line)
    words = len(line.split())
    if title_key and key == title_key and not result.title_seen:
        result.title_seen = True
        return "field"
    if leftovers.is_button_line(line) or leftovers.is_prompt_line(line):
        return "debris"
    if title_key and _is_title_echo(line, title_key):
        return "debris"
    if at_edge and result.published is None and (date := find_date(line)):
        result.published = date
        return "field"
    if leftovers.is_breadcrumb(line) and at_edge:
        return "debris"
    if at_edge and result.dateline is None and not result.body_lines and (place := _dateline(line, index == first_body - 1)):
        result.dateline = place
        return "field"
    short = words <= REPEAT_MAX_WORDS and not leftovers.ends_like_sentence(line)
    if short and counts[key] > 1:
        return "debris"
    if words <= REPEAT_MAX_WORDS and repeated_at_outlet and repeated_at_outlet(line):
        return "debris"
    if (leftovers.is_byline(line) or leftovers.is_caption(line)) and (at_edge or short):
        return "debris"
    if at_edge and not _reads_as_body(line):
        return "debris"
    return "body"


def _reads_as_body(line: str) -> bool:
    words = len(line.split())
    if leftovers.is_prompt_line(line) or leftovers.is_button_line(line):
        return False
    return words >= BODY_MIN_WORDS or (words >= 4 and line.rstrip().endswith((".", "!", "؟", "?", "»", ":")))


def _find_title(lines: list[str], counts: Counter) -> str | None:
    """The headline: among the lines above the first paragraph (menus, buttons, date lines
    skipped), a short one without a full stop; a line the page repeats (sites print the headline
    again at the foot or as a caption) is preferred."""
    candidates = [line for line in lines[:TITLE_SEARCH_LINES] if _title_shaped(line)]
    if len(lines) > 1 and candidates and not _reads_as_paragraph(candidates[0]):
        repeated = [line for line in candidates if counts[line_key(line)] > 1]
        return repeated[0] if repeated else candidates[0]
    repeated = [line for line in lines if counts[line_key(line)] > 1 and _title_shaped(line)]
    return repeated[0] if repeated else None


def _title_shaped(line: str) -> bool:
    return (DATELINE_MAX_WORDS < len(line.split()) <= TITLE_MAX_WORDS
            and not line.rstrip().endswith((".", "!", "»", '"'))
            and not leftovers.is_button_line(line) and not leftovers.is_prompt_line(line)
            and not leftovers.is_breadcrumb(line) and find_date(line) is None)


def _reads_as_paragraph(line: str) -> bool:
    """Sentence punctuation inside a line marks a paragraph that merely lacks its full stop."""
    return len(line.split()) > 12 and line.count("،") + line.count(".") >= 2


def _is_title_echo(line: str, title_key: str) -> bool:
    """The headline cut short as a caption, maybe after a button word: "طباعة موسكو تقود الجهود"."""
    key = line_key(leftovers.strip_button_prefix(line))
    if not key or leftovers.ends_like_sentence(line):
        return False
    if len(key.split()) < 2 and key != title_key:
        return False
    return title_key.startswith(key) or key == title_key


_DATELINE_RE = re.compile(r"^(?P<place>[^\W\d][\w ]{1,30}?)\s*(?P<mark>[-–:])\s*(?P<rest>[\w ]{0,30})$")


def _dateline(line: str, just_above_body: bool) -> str | None:
    """ "لندن" alone just above the body, or "بيروت -", "بغداد: الرافدين اليوم" (place, then the
    agency or correspondent) above it."""
    bare = line.strip()
    match = _DATELINE_RE.match(bare)
    if match and len(match.group("place").split()) <= DATELINE_MAX_WORDS and len(match.group("rest").split()) <= 3:
        return match.group("place").strip()
    words = bare.split()
    if just_above_body and 0 < len(words) <= 2 and all(w.isalpha() for w in words):
        return bare
    return None


_INLINE_DATELINE_RE = re.compile(r"^(?P<place>[^\W\d][\w ]{1,30}?)\s*(?:\((?P<agency>[^)]{1,20})\))?\s*[-–—]\s+")


def _split_inline_dateline(result: CleanResult) -> None:
    """ "دمشق - أعلنت …" / "بيروت (رويترز) - …": move the place from the first paragraph to `dateline`."""
    if result.dateline or not result.body_lines:
        return
    match = _INLINE_DATELINE_RE.match(result.body_lines[0])
    if not match or len(match.group("place").split()) > DATELINE_MAX_WORDS:
        return
    result.dateline = match.group("place").strip()
    result.body_lines[0] = result.body_lines[0][match.end():]


def extract_html(html: str, url: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """(text, title, date, site name) of the page's main content, by trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=False, deduplicate=False,
    )
    if not extracted:
        return None, None, None, None

    def get(name: str) -> str | None:
        value = extracted.get(name) if isinstance(extracted, dict) else getattr(extracted, name, None)
        return value if isinstance(value, str) and value.strip() else None

    site = get("sitename")
    if site is None and url:
        site = urlparse(url).hostname
    return get("text"), get("title"), get("date"), site

"""Temporal expressions: find Arabic date expressions and resolve them against the publication date.

    >>> import datetime as dt
    >>> [(t.text, t.value_start) for t in resolve("قال أمس إن ...", dt.date(2017, 11, 10))]
    [('أمس', '2017-11-09')]
"""

from __future__ import annotations

import datetime as dt

from marsad.records import Document
from marsad.time.resolver import resolve

__all__ = ["annotate_times", "publication_anchor", "resolve"]

_DAY_OR_FINER = frozenset({"day", "minute", "hour", "second"})


def publication_anchor(doc: Document) -> dt.date | None:
    """The publication date to resolve against, when it is known to the day."""
    published = doc.published
    if not published or not published.date or published.precision not in _DAY_OR_FINER:
        return None
    try:
        return dt.date.fromisoformat(published.date[:10])
    except ValueError:
        return None


def annotate_times(doc: Document) -> None:
    """Fill `doc.times` (replacing what was there) with the document's date expressions."""
    doc.times = resolve(doc.text, publication_anchor(doc))

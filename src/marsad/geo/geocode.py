"""`geocode(name, context)`: one place name to a `Location`, or None when the gazetteer cannot place it.

The common case is one dict hit on the name's key; names with a place word or a relation
("ريف حلب", "محافظة حمص", "شمال حماة", "40 كم جنوب الرقة") go through the same matcher as documents.
The optional context (the sentence or article around the name) decides between same-named places.
"""

from __future__ import annotations

import functools
import re

from marsad.geo.annotate import (
    PRECISION_BY_FEATURE,
    Context,
    Match,
    build_context,
    choose,
    find_names,
    is_acceptable,
    location_of,
    mark_cues,
    set_relation,
    words_of,
)
from marsad.geo.gazetteer import Gazetteer, Place, name_key
from marsad.records import Location

MAX_NAME_CHARS = 120  # longer input is a sentence, not a name: use annotate_places for text
_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_EMPTY_CONTEXT = Context()


def geocode(name: str, context: str | None = None, gazetteer: Gazetteer | None = None) -> Location | None:
    """The place `name` refers to, with ACLED precision; None for unknown names, common words without
    a place word (الأمن، الشمال), empty or over-long input."""
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME_CHARS:
        return None
    gaz = gazetteer or Gazetteer.load()
    ctx = context_of(context, gaz) if context else _EMPTY_CONTEXT
    if not _ARABIC.search(name):
        return geocode_latin(name, ctx, gaz)
    key = name_key(name)
    candidates = gaz.candidates(key)
    if candidates and not gaz.is_common(key) and key not in gaz.soft_common_keys:
        match = Match(0, 0, 0, len(name), key, candidates)
        place = choose(match, ctx)
        return location_of(place, gaz, PRECISION_BY_FEATURE.get(place.feature, 1))
    return geocode_phrase(name, ctx, gaz)


def geocode_phrase(name: str, ctx: Context, gaz: Gazetteer) -> Location | None:
    """A name with its place word or relation: the longest gazetteer name in it, resolved."""
    words = words_of(name)
    matches = find_names(words, gaz)
    previous = None
    for match in matches:
        mark_cues(match, words, previous)
        match.weak_cue = True  # the caller says this is a place: small places need no preposition
        match.accepted = is_acceptable(match, gaz, ctx)
        previous = match
    accepted = [m for m in matches if m.accepted]
    if not accepted:
        return None
    best = max(accepted, key=lambda m: (m.end - m.start, -m.start))
    best.place = choose(best, ctx)
    set_relation(best, words, name)
    return location_of(best.place, gaz, best.precision)


def geocode_latin(name: str, ctx: Context, gaz: Gazetteer) -> Location | None:
    candidates = gaz.latin_candidates(name)
    if not candidates:
        return None
    place: Place = choose(Match(0, 0, 0, len(name), name, candidates), ctx)
    return location_of(place, gaz, PRECISION_BY_FEATURE.get(place.feature, 1))


@functools.lru_cache(maxsize=256)
def _context_cached(context: str, gaz_id: int) -> Context:
    gaz = _GAZETTEERS[gaz_id]
    words = words_of(context)
    matches = find_names(words, gaz)
    previous = None
    for match in matches:
        mark_cues(match, words, previous)
        match.accepted = is_acceptable(match, gaz)
        previous = match
    return build_context([m for m in matches if m.accepted], words)


_GAZETTEERS: dict[int, Gazetteer] = {}


def context_of(context: str, gaz: Gazetteer) -> Context:
    """Countries and governorates named in the context text (cached: callers repeat one article)."""
    _GAZETTEERS[id(gaz)] = gaz
    ctx = _context_cached(context, id(gaz))
    # Context positions refer to the context text, not the name: keep only the counts.
    return Context(ctx.countries, ctx.admin1, [])

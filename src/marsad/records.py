"""Typed records passed between marsad's stages.

One `Document` flows through the pipeline; every stage reads it and adds its own layer
(sentences, mentions, time expressions, places, events), the way spaCy's `Doc` does. All
offsets are character offsets into `Document.text`, the clean body, so that every layer can be
shown as evidence in the article it came from.

Records serialise to plain dicts (`to_dict`) that follow the export contract in
`docs/format.md`, and come back with `from_dict`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


# --------------------------------------------------------------------------------------------
# (de)serialisation shared by every record


def to_dict(record: Any) -> Any:
    """Dataclasses, lists and dicts to plain JSON-ready values."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, list | tuple):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


_HINTS_CACHE: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS_CACHE:
        _HINTS_CACHE[cls] = typing.get_type_hints(cls)
    return _HINTS_CACHE[cls]


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if arg is type(None):
                continue
            return _convert(arg, value)
    if origin is list:
        (item_hint,) = typing.get_args(hint) or (Any,)
        return [_convert(item_hint, item) for item in value]
    if origin is dict:
        return dict(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """The inverse of `to_dict`; unknown keys are ignored so older exports still load."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


class Record:
    """Mixin giving every record `to_dict` / `from_dict`."""

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        return from_dict(cls, data)


# --------------------------------------------------------------------------------------------
# input


@dataclass
class RawArticle(Record):
    """One article as a reader found it, before cleaning.

    Exactly one of `text` and `html` is normally set. `source` is the path or URL as given,
    with `#n` appended for the n-th record of a multi-record file (JSON Lines, WARC).
    """

    source: str
    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    file_name: str | None = None
    encoding: str | None = None


@dataclass
class Skipped(Record):
    """An input that could not become a document, with a one-line reason."""

    source: str
    reason: str


# --------------------------------------------------------------------------------------------
# document layers


@dataclass
class Span(Record):
    start: int
    end: int
    text: str


@dataclass
class Published(Record):
    date: str | None = None  # YYYY-MM-DD (or YYYY-MM / YYYY with a coarser precision)
    time: str | None = None  # HH:MM
    precision: str | None = None  # minute | day | month | year
    basis: str | None = None  # metadata | text


@dataclass
class Mention(Record):
    """A named-entity mention. `entity_id` is filled by linking."""

    start: int
    end: int
    text: str
    type: str  # PERS | ORG | LOC | MISC
    entity_id: str | None = None
    source: str = "ner"  # ner | kb | rule: what found it
    score: float | None = None


@dataclass
class Entity(Record):
    """A real-world actor or place, seen across documents."""

    id: str
    type: str  # PERS | ORG | LOC | MISC
    name_ar: str
    name_en: str | None = None
    name_en_romanised: bool = False  # True when name_en is a machine romanisation, not a known name
    lat: float | None = None
    lon: float | None = None
    kb_id: str | None = None
    wikidata: str | None = None
    role: str | None = None
    country: str | None = None
    variants: list[str] = field(default_factory=list)


@dataclass
class TimeExpression(Record):
    """A date expression resolved against the publication date.

    `value_start`/`value_end` are ISO dates (equal for a single day); both are None when the
    expression is relative and the publication date is unknown (`relative` then says how, e.g.
    "-1 day").
    """

    start: int
    end: int
    text: str
    value_start: str | None
    value_end: str | None
    precision: str  # day | week | month | year
    relative: str | None = None
    tense: str | None = None  # past | future | None, for weekday resolution


@dataclass
class Location(Record):
    """A place resolved in the gazetteer; precision follows ACLED (1 town, 2 near/part of a region,
    3 province)."""

    name_ar: str
    name_en: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None
    gazetteer_id: str | None = None
    feature: str | None = None  # country | admin1 | admin2 | admin3 | city | town | village | neighbourhood | site


@dataclass
class PlaceMention(Record):
    start: int
    end: int
    text: str
    location: Location | None = None
    anchor: str | None = None  # for "40 km south-east of Raqqa": the anchor place's name
    relation: str | None = None  # near | countryside | distance | None
    entity_id: str | None = None


@dataclass
class Evidence(Record):
    """A sentence of a document that reports an event: the export contract's `reports` item."""

    doc: str
    start: int
    end: int
    text: str


@dataclass
class Toll(Record):
    value: int | None = None
    qualifier: str = "exact"  # exact | at_least | at_most | about | range | unknown
    high: int | None = None  # upper bound for a range
    text: str | None = None  # the words the figure came from
    source: str | None = None  # who gave this figure
    kind: str | None = None  # killed | injured; None in per-document records means killed
    doc: str | None = None  # the document the figure was read in (set when reports are merged)


@dataclass
class Actor(Record):
    name_ar: str
    name_en: str | None = None
    entity_id: str | None = None


@dataclass
class EventDate(Record):
    start: str | None = None
    end: str | None = None
    precision: str | None = None


@dataclass
class Event(Record):
    """One event as one document reports it; merged events carry several `reports`."""

    id: str
    type: str
    sub_type: str | None = None
    date: EventDate = field(default_factory=EventDate)
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor1: list[Actor] = field(default_factory=list)
    assoc_actor2: list[Actor] = field(default_factory=list)
    target_civilians: bool = False
    killed: Toll | None = None
    injured: Toll | None = None
    tolls: list[Toll] = field(default_factory=list)  # every figure with its source
    attributed_to: str | None = None
    modality: str = "reported"  # reported | denied | planned | hypothetical | cancelled
    status: str | None = None  # Diplomacy: held | planned | cancelled
    trigger: Span | None = None
    reports: list[Evidence] = field(default_factory=list)
    disputes: list[dict] = field(default_factory=list)
    doc: str | None = None
    notes: str | None = None
    # Merged events: the toll derivation over the sources (docs/events.md §6), e.g.
    # {"killed": {"by_source": [...], "conservative": {"value", "rule"}, "low": ..., "best": ..., "high": ...}}
    figures: dict = field(default_factory=dict)


@dataclass
class Document(Record):
    """A clean article and every layer the stages found in it."""

    id: str
    source: str
    text: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    dateline: str | None = None
    published: Published = field(default_factory=Published)
    removed: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    content_hash: str | None = None
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

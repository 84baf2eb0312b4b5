"""The shipped gazetteer (resources/geo/gazetteer.json.gz, built by scripts/build_gazetteer.py) and its
lookup index.

Every Arabic name of every place is indexed under its *key*: the matching form (hamza, ta marbuta, alef
maqsura, Persian letters and diacritics folded by `match_form`) with spaces removed, so البو كمال and
البوكمال, or حماة and حماه, are one key. Lookups are dict hits on precomputed keys; nothing is scanned.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from marsad.text.normalize import match_form

RESOURCE_PATH = Path(__file__).resolve().parents[1] / "resources" / "geo" / "gazetteer.json.gz"
_NOT_KEY = re.compile(r"[^\w]|_|\d")


def name_key(name: str) -> str:
    """Lookup key of an Arabic name (same rule as the build script): matching form, letters only."""
    return _NOT_KEY.sub("", match_form(name))


def latin_key(name: str) -> str:
    """Lookup key of a Latin-script name: accents, case, spaces and punctuation dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)).lower()


@dataclass(slots=True)
class Place:
    """One gazetteer entry."""

    id: str
    name_ar: str
    name_en: str
    feature: str  # country | admin1 | admin2 | admin3 | region | city | town | village | neighbourhood | site
    country_code: str
    lat: float
    lon: float
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    names: list[str] = field(default_factory=list)
    source: str = ""
    capital: bool = False

    @property
    def curated(self) -> bool:
        return self.id.startswith("cur:")

    @property
    def is_area(self) -> bool:
        """A country, an admin unit or a region: something other places lie in."""
        return self.feature in ("country", "admin1", "admin2", "admin3", "region")


@dataclass
class Gazetteer:
    places: list[Place]
    by_key: dict[str, list[int]]  # name key -> indices into places
    by_latin: dict[str, list[int]]  # English-name key -> indices
    common_keys: frozenset[str]  # names that are also common words: need a place word before them
    soft_common_keys: frozenset[str]  # names mostly used as words in news: need a preposition and context
    first_words: frozenset[str]  # keys of the first word of every multi-word name
    max_words: int  # most words in one name
    country_names: dict[str, str]  # ISO2 -> English country name
    attribution: list[str]

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """The shipped gazetteer, read once per process (or the one at `path`)."""
        if path is None:
            return _load_shipped()
        return cls.from_json(json.loads(gzip.decompress(path.read_bytes())))

    @classmethod
    def from_json(cls, data: dict) -> Gazetteer:
        places: list[Place] = []
        by_key: dict[str, list[int]] = {}
        by_latin: dict[str, list[int]] = {}
        first_words: set[str] = set()
        max_words = 1
        for row in data["entries"]:
            place = Place(
                id=row["id"], name_ar=row["ar"], name_en=row["en"], feature=row["f"], country_code=row["cc"],
                lat=row["lat"], lon=row["lon"], admin1=row.get("a1"), admin2=row.get("a2"),
                population=row.get("pop") or 0, names=row["names"], source=row.get("src", ""),
                capital=bool(row.get("cap")),
            )
            index = len(places)
            places.append(place)
            for name in place.names:
                _add(by_key, name_key(name), index)
                words = name.split()
                if len(words) > 1:
                    first_words.add(name_key(words[0]))
                    max_words = max(max_words, len(words))
            _add(by_latin, latin_key(place.name_en), index)
        country_names = {p.country_code: p.name_en for p in places if p.feature == "country"}
        return cls(places, by_key, by_latin, frozenset(data.get("common_keys", [])),
                   frozenset(data.get("soft_common_keys", [])), frozenset(first_words),
                   max_words, country_names, data.get("attribution", []))

    def candidates(self, key: str) -> list[Place]:
        return [self.places[i] for i in self.by_key.get(key, ())]

    def latin_candidates(self, name: str) -> list[Place]:
        return [self.places[i] for i in self.by_latin.get(latin_key(name), ())]

    def is_common(self, key: str) -> bool:
        return key in self.common_keys

    def get(self, place_id: str) -> Place | None:
        for place in self.places:
            if place.id == place_id:
                return place
        return None


def _add(index: dict[str, list[int]], key: str, value: int) -> None:
    if not key:
        return
    bucket = index.setdefault(key, [])
    if value not in bucket:
        bucket.append(value)


@functools.lru_cache(maxsize=1)
def _load_shipped() -> Gazetteer:
    return Gazetteer.from_json(json.loads(gzip.decompress(RESOURCE_PATH.read_bytes())))

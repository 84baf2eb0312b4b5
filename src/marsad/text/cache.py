"""A bounded memo for per-word results: two generations, so memory stays flat on any corpus size.

News vocabulary is Zipfian: a cache of the last few tens of thousands of distinct words serves most
tokens. A plain dict emptied when full would forget the common words with the rare ones; a cache
that only stops growing keeps whatever words came first. Here a full young generation becomes the
old one (the previous old one is dropped) and a word found in the old one moves back to the young,
so words in current use survive every turnover and the size stays below two generations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class TwoGenerationCache(Generic[K, V]):
    __slots__ = ("_compute", "_limit", "_old", "_young")

    def __init__(self, compute: Callable[[K], V], limit: int) -> None:
        self._compute = compute
        self._limit = limit  # per generation
        self._young: dict[K, V] = {}
        self._old: dict[K, V] = {}

    def __call__(self, key: K) -> V:
        value = self._young.get(key)
        if value is not None:
            return value
        value = self._old.get(key)
        if value is None:
            value = self._compute(key)
        if len(self._young) >= self._limit:
            self._old, self._young = self._young, {}
        self._young[key] = value
        return value

    def __len__(self) -> int:
        return len(self._young) + len(self._old)

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
    """`cache(key)` computes with the function given at construction; `cache.get(key, compute)`
    with one given per call (when the value needs more than the key). Values are never None."""

    __slots__ = ("_compute", "_limit", "_old", "_young")

    def __init__(self, compute: Callable[[K], V] | None, limit: int) -> None:
        self._compute = compute
        self._limit = limit  # per generation
        self._young: dict[K, V] = {}
        self._old: dict[K, V] = {}

    def __call__(self, key: K) -> V:
        value = self._young.get(key)  # the hit, inline: millions of calls per thousand articles
        if value is not None:
            return value
        assert self._compute is not None, "no compute function given: use get(key, compute)"
        return self.get(key, self._compute)

    def get(self, key: K, compute: Callable[[K], V]) -> V:
        value = self._young.get(key)
        if value is not None:
            return value
        value = self._old.pop(key, None)
        if value is None:
            value = compute(key)
        if len(self._young) >= self._limit:
            self._old, self._young = self._young, {}
        self._young[key] = value
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._young or key in self._old

    def __len__(self) -> int:
        return len(self._young) + len(self._old)

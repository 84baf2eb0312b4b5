"""Date windows over the cross-document event steps: the results of cluster/events.py with memory
bounded by the events of a few days instead of the whole corpus. Storage-free, like events.py;
cluster/cross_store.py feeds them from SQLite.

Why a window is exact, for events given in the store's order (`ORDER BY date_start, id`: dateless
first, then by day):

* merge: `merge_events` registers a group under the day of the event that created it, and a later
  event looks only at groups registered within ±MERGE_DAYS of its own day (a dateless one only at
  dateless groups). Once the stream reaches day d, groups registered before d - MERGE_DAYS can
  receive nothing more: they are final, in creation order.
* a merged event's start day stays within ±MERGE_DAYS of its registration day (`_absorb` only takes
  the date of a member, which was matched within that window), so the registration day of the
  current event bounds the start of every later one: `floor` below.
* stories' actor rule (`build_stories`): an event joins the first earlier event with the same actor
  key whose dates agree within STORY_DAYS. An earlier dated event that ends more than STORY_DAYS
  before `floor` agrees with no later event, so dropping it never changes which one is first.
"""

from __future__ import annotations

import copy
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator

from marsad.cluster.events import (
    MERGE_DAYS,
    STORY_DAYS,
    _actor_key,
    _block_keys,
    _cell,
    _day,
    _day_bucket,
    _Merged,
    merge_one,
)
from marsad.records import Event


def day_span(event: Event) -> tuple[int | None, int | None]:
    """(first day, last day) as ordinals the way `_dates_agree` reads them; (None, None) when either
    is unknown: such an event agrees with every date."""
    first, last = _day(event.date.start), _day(event.date.end or event.date.start)
    if first is None or last is None:
        return None, None
    return first.toordinal(), last.toordinal()


def spans_agree(a: tuple[int | None, int | None], b: tuple[int | None, int | None], slack: int) -> bool:
    """`_dates_agree` on `day_span` pairs."""
    if a[0] is None or b[0] is None:
        return True
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]  # type: ignore[operator]


def in_store_order(date_starts: Iterable[str | None]) -> bool:
    """Whether date starts in store order satisfy what the windows rely on: dateless ones first,
    days never going back (an unparsable date would be a dateless event among dated ones)."""
    last = None
    for value in date_starts:
        day = _day(value)
        if day is None:
            if last is not None:
                return False
            continue
        if last is not None and day < last:
            return False
        last = day
    return True


class WindowedMerger:
    """`merge_events` fed one event at a time; groups come out, final, as soon as no later event can
    join them. `seq` numbers groups in creation order: the index `merge_events` gives them."""

    def __init__(self, copy_events: bool = True) -> None:
        self.copy_events = copy_events  # False when the caller hands over events it will not reuse
        self.placed = -1  # the group the last event went to
        self.groups: dict[int, _Merged] = {}
        self.blocks: dict[tuple, list[int]] = defaultdict(list)
        self.open: deque[tuple[int, int, tuple]] = deque()  # (seq, registration day, block key)
        self.count = 0

    def add(self, event: Event) -> list[tuple[int, int, _Merged]]:
        """Merge one event (store order); returns the groups it closed as (seq, day, group)."""
        day = _day_bucket(event)
        closed = self._close_before(day - MERGE_DAYS) if day else []
        event = copy.deepcopy(event) if self.copy_events else event
        target, created = merge_one(event, self.groups, self.blocks, self.count)
        if created:
            self.count += 1
            self.open.append((target, day, _block_keys(event, day, _cell(event))))
        self.placed = target
        return closed

    def finish(self) -> list[tuple[int, int, _Merged]]:
        return self._close_before(None)

    def _close_before(self, day: int | None) -> list[tuple[int, int, _Merged]]:
        closed = []
        while self.open and (day is None or self.open[0][1] < day):
            seq, registered, key = self.open.popleft()
            block = self.blocks[key]
            block.remove(seq)
            if not block:
                del self.blocks[key]
            closed.append((seq, registered, self.groups.pop(seq)))
        return closed


def merge_windowed(events: Iterable[Event]) -> Iterator[tuple[int, int, _Merged]]:
    """Every group of `merge_events(events)` in creation order, before disputes are re-pointed and
    figures settled (those need every group's members)."""
    merger = WindowedMerger()
    for event in events:
        yield from merger.add(event)
    yield from merger.finish()


def actor_keys(event: Event) -> list[str]:
    """The keys `build_stories` chains on, once each (a repeat joins the same earlier event)."""
    keys = (_actor_key(actor) for actor in (event.actor1, event.actor2))
    return list(dict.fromkeys(k for k in keys if k and not k.startswith("Civilians")))


class ActorChains:
    """`build_stories`' actor rule in a window: per key, the events that may still agree with a
    later one, as (seq, first day, last day) ints."""

    def __init__(self, window_days: int = STORY_DAYS) -> None:
        self.window = window_days
        self.by_key: dict[str, list[tuple[int, int | None, int | None]]] = {}
        self.floor: int | None = None  # no later event starts before this day
        self.swept: int | None = None

    def add(self, seq: int, span: tuple[int | None, int | None], keys: list[str],
            floor: int | None) -> list[int]:
        """The earlier events `seq` joins; `floor`: a lower bound of this and every later start."""
        if floor is not None and span[0] is not None and span[0] < floor:
            raise RuntimeError(f"windowed stories: event {seq} starts before the window's floor")
        self._advance(floor)
        joined = []
        for key in keys:
            chain = self.by_key.setdefault(key, [])
            first = next((j for j, *other in chain if spans_agree((other[0], other[1]), span, self.window)), None)
            if first is not None:
                joined.append(first)
            chain.append((seq, *span))
        return joined

    def _advance(self, floor: int | None) -> None:
        if floor is None or (self.floor is not None and floor <= self.floor):
            return
        self.floor = floor
        if self.swept is None or floor - self.swept >= self.window:
            self.swept = floor
            self._sweep()

    def _sweep(self) -> None:
        """Forget dated events that end too early to agree with any later one."""
        limit = self.floor - self.window  # type: ignore[operator]
        for key in list(self.by_key):
            kept = [item for item in self.by_key[key] if item[2] is None or item[2] >= limit]
            if kept:
                self.by_key[key] = kept
            else:
                del self.by_key[key]


class UnionFind:
    """Disjoint sets over 0..n-1 in an int array (8 bytes an event, no objects)."""

    def __init__(self) -> None:
        from array import array

        self.parent = array("q")

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)

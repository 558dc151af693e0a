"""Integer ids for the matching keys of weighed articles.

A weighed article (:class:`~newscheck.stories.open_story.Member`) names its keys by these ids, so
that it is a few small arrays: cheap to hand to another process (no strings to pickle) and cheap
for the clusterer to index. Each channel has its own namespace (a name and a term spelled alike
are two keys) and all share one counter, so an id means one key of one channel.
"""

from __future__ import annotations

from enum import IntEnum
from itertools import repeat

import numpy as np


class Channel(IntEnum):
    """What kind of key an id stands for."""

    TERM = 0
    NAME = 1
    FIGURE = 2
    BUCKET = 3
    """An embedding bucket (see :mod:`newscheck.stories.buckets`)."""


class KeyVocabulary:
    """Interns ``(channel, key)`` to ids, from 1 up; an id is never given to another key.

    Memory is bounded by ``max_keys``: once passed, every key is forgotten and keys seen again get
    new ids (as document frequencies forget rare keys, this is rare: a stream must bring millions
    of distinct keys first; stories open at that moment match their next articles a little less
    until the ids of their keys come round again)."""

    __slots__ = ("_next", "_tables", "max_keys")

    def __init__(self, *, max_keys: int = 2_000_000) -> None:
        self._tables: tuple[dict[str, int], ...] = tuple({} for _ in Channel)
        self._next = 1
        self.max_keys = max_keys

    def __len__(self) -> int:
        """Keys interned now (across channels)."""
        return sum(map(len, self._tables))

    @property
    def issued(self) -> int:
        """Ids given out so far (the largest id in use is this one)."""
        return self._next - 1

    def ids(self, channel: Channel, keys: list[str]) -> np.ndarray:
        """Ids (int64) of ``keys`` in ``channel``, interning the new ones in order."""
        table = self._tables[channel]
        n = len(keys)
        found = np.fromiter(map(table.get, keys, repeat(0)), dtype=np.int64, count=n)
        if np.count_nonzero(found) < n:  # (cheaper than found.all())
            for i in np.flatnonzero(found == 0).tolist():
                found[i] = self._learn(table, keys[i])
        return found

    def _learn(self, table: dict[str, int], key: str) -> int:
        known = table.get(key)  # the same new key twice in one call
        if known is not None:
            return known
        if len(self) >= self.max_keys:
            for each in self._tables:
                each.clear()
        new = self._next
        self._next += 1
        table[key] = new
        return new

"""Rendered pages kept in memory, least recently used first out, bounded in bytes.

Keys include the store version, so a page is rendered once per version of the store; an entry
of an older version is simply never asked for again and ages out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rendered:
    status: int
    body: bytes
    media_type: str
    etag: str


class PageCache:
    def __init__(self, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, Rendered] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> Rendered | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry

    def put(self, key: Hashable, entry: Rendered) -> None:
        if len(entry.body) > self.max_bytes // 4:
            return  # one huge page must not push out everything else
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old.body)
            self._entries[key] = entry
            self._size += len(entry.body)
            while self._size > self.max_bytes and self._entries:
                _, evicted = self._entries.popitem(last=False)
                self._size -= len(evicted.body)

    def __len__(self) -> int:
        return len(self._entries)

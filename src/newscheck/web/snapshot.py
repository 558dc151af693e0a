"""What the web app knows about the store as a whole, re-read only when the store changes.

A store changes when a run finishes (or while one runs). The version is read at most once per
``check_every_s`` seconds; when it differs, the stories, families and links are read again and
the story list is rebuilt. Pages rendered for an older version are never served for a newer one
(the page cache keys on the version).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from newscheck.model import Story
from newscheck.report.build import iso
from newscheck.report.load import StoreResults, read_results
from newscheck.store import Store

RUNNING_RECHECK_S = 10.0
"""While a run is in progress its results are replaced stage by stage: re-read this often."""


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One line of the story list."""

    id: str
    title: str
    articles: int
    families: int
    first_seen: str | None
    last_seen: str | None
    contested: int


@dataclass(frozen=True, slots=True)
class Snapshot:
    version: Hashable
    results: StoreResults
    rows: tuple[StoryRow, ...]
    """Biggest story first, then the most recently seen (the report's order)."""
    articles: int


def store_version(store: Store, now: float) -> Hashable:
    """Changes whenever a run starts, finishes, or adds articles."""
    runs = store.runs()
    last = runs[-1] if runs else {}
    running = any(run.get("status") == "running" for run in runs)
    tick = int(now // RUNNING_RECHECK_S) if running else 0
    return (len(runs), last.get("id"), last.get("status"), last.get("finished_at"), tick)


def story_rows(store: Store, results: StoreResults) -> tuple[StoryRow, ...]:
    contested: dict[str, int] = {}
    for group in store.claim_groups():
        if group.status == "contested":
            contested[group.story_id] = contested.get(group.story_id, 0) + 1

    def key(story: Story) -> tuple[int, float, str]:
        last = story.last_seen.timestamp() if story.last_seen else 0.0
        return (-len(story.article_ids), -last, story.id)

    return tuple(
        StoryRow(
            id=s.id,
            title=s.title,
            articles=len(s.article_ids),
            families=len(results.families_by_story.get(s.id, ())),
            first_seen=iso(s.first_seen),
            last_seen=iso(s.last_seen),
            contested=contested.get(s.id, 0),
        )
        for s in sorted(results.stories, key=key)
    )


def read_snapshot(store: Store, version: Hashable) -> Snapshot:
    """Read the store's stories, families and links, and build the story list."""
    results = read_results(store)
    return Snapshot(version, results, story_rows(store, results), store.article_count())


class StoreSnapshots:
    """The current :class:`Snapshot` of one store, refreshed when its version changes."""

    def __init__(
        self,
        store: Store,
        *,
        check_every_s: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        read: Callable[[Store, Hashable], Snapshot] | None = None,
    ) -> None:
        self.store = store
        self.check_every_s = check_every_s
        self._clock = clock
        self._read_snapshot = read or read_snapshot
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._checked_at = float("-inf")

    def due(self) -> bool:
        """Whether the next :meth:`current` would look at the store (or there is no snapshot)."""
        return self._current is None or self._clock() - self._checked_at >= self.check_every_s

    def latest(self) -> Snapshot | None:
        """The snapshot last read, without looking at the store (never blocks)."""
        return self._current

    def current(self) -> Snapshot:
        """The snapshot of the store as it is now (checked at most every ``check_every_s``).

        While one thread re-reads a changed store, the others get the previous snapshot rather
        than wait (re-reading a big store takes a while); only the very first read blocks.
        """
        now = self._clock()
        snapshot = self._current
        if snapshot is not None and now - self._checked_at < self.check_every_s:
            return snapshot
        if not self._lock.acquire(blocking=snapshot is None):
            assert snapshot is not None
            return snapshot
        try:
            if self._current is not None and now - self._checked_at < self.check_every_s:
                return self._current
            version = store_version(self.store, time.time())
            if self._current is None or self._current.version != version:
                self._current = self._read_snapshot(self.store, version)
            self._checked_at = self._clock()
            return self._current
        finally:
            self._lock.release()

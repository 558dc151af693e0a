"""Watching feeds: poll RSS/Atom (or any) URLs at an interval and add what is new to the stories.

Each poll reads every feed with the local runner's ingest (fetch, clean, segment), stores the
articles the store does not hold yet (in a run of its own, batch by batch, so a crash loses
nothing committed) and, only when something is new, runs the derived stages over the store:
links, then stories, which keep their ids as new articles join them. A poll that finds nothing new
costs the fetches and nothing else; one that follows a poll cut off before placing its articles
places them. ``newscheck watch`` is the command (:mod:`.command`); docs/watch.md tells more.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from newscheck.errors import UsageError
from newscheck.model import Article, Rejection, Segmentation, Story
from newscheck.settings import Settings

if TYPE_CHECKING:
    from newscheck.embed import Embedder

__all__ = ["Poll", "Watcher"]

STORE_BATCH = 500
"""Articles stored per transaction (as the runner does)."""


@dataclass(frozen=True, slots=True)
class Poll:
    """What one poll of the feeds found."""

    number: int
    started: datetime
    read: int
    """Articles read from the feeds (new or already stored)."""
    new_article_ids: tuple[str, ...]
    rejections: tuple[Rejection, ...]
    stories: tuple[Story, ...] = ()
    """The stories that hold the new articles, after they joined."""
    analysis: Any = None
    """The :class:`~newscheck.pipeline.Analysis` of the whole store, when something was new."""

    @property
    def changed(self) -> bool:
        return bool(self.new_article_ids)


class Watcher:
    """Polls ``feeds`` into the store at ``db``. ``poll()`` once, or ``run()`` at an interval."""

    def __init__(
        self,
        feeds: Sequence[str],
        *,
        db: str | os.PathLike[str],
        settings: Settings | None = None,
        skip: Sequence[str] = (),
    ) -> None:
        if not feeds:
            raise UsageError("give at least one feed URL to watch")
        if os.fspath(db) == ":memory:":
            raise UsageError("watching needs a store that outlives one poll: give a file or URL")
        self.feeds = tuple(feeds)
        self.db = os.fspath(db)
        self.settings = settings or Settings()
        self.skip = tuple(skip)
        self.polls = 0
        self._stop = threading.Event()
        self._embedder: Embedder | None = None
        """The sentence model, loaded by the first poll that needs it and kept for the next
        (with the encodings it keeps in memory)."""

    def poll(self) -> Poll:
        """Read the feeds once; store and place what is new.

        A poll's run is marked done only once its new articles are placed in stories. A watch
        killed in between leaves its run unfinished, and the next poll places those articles
        even when it finds nothing new (and marks the run ``interrupted``).
        """
        from newscheck.pipeline import analyze
        from newscheck.store import open_store

        self.polls += 1
        started = datetime.now(UTC)
        with open_store(self.db) as store:
            unplaced = _unfinished_watch_runs(store)
            run_id = store.begin_run(list(self.feeds), {"watch": True, "poll": self.polls})
            read, new, rejections = self._store_feeds(store, run_id)
        analysis = None
        if new or unplaced:
            # Links and stories over the whole store; stored stories keep their ids as
            # articles join.
            analysis = analyze(
                [], db=self.db, settings=self.settings, skip=self.skip, embedder=self.embedder()
            )
        with open_store(self.db) as store:
            for earlier in unplaced:
                store.finish_run(earlier, "interrupted", {})
            counts = {
                "articles": len(read),
                "new_articles": len(new),
                "rejections": len(rejections),
            }
            store.finish_run(run_id, "done", counts)
        joined = set(new)
        stories = tuple(
            s for s in (analysis.stories if analysis else ()) if joined & set(s.article_ids)
        )
        return Poll(
            self.polls, started, len(read), tuple(new), tuple(rejections), stories, analysis
        )

    def embedder(self) -> Embedder | None:
        """The watcher's sentence model (None when embeddings are off or not installed)."""
        if self._embedder is None and self.settings.embeddings:
            from newscheck.pipeline import default_embedder

            self._embedder = default_embedder(self.settings)
        return self._embedder

    def _store_feeds(self, store: Any, run_id: str) -> tuple[set[str], list[str], list[Rejection]]:
        """Read every feed into the store, a batch per transaction: (read ids, new ids,
        rejections)."""
        from newscheck.pipeline import batched, ingest

        read: set[str] = set()
        new: list[str] = []
        rejections: list[Rejection] = []
        for batch in batched(ingest(self.feeds, self.settings), STORE_BATCH):
            pairs = [i for i in batch if not isinstance(i, Rejection)]
            rejected = [i for i in batch if isinstance(i, Rejection)]
            read.update(article.id for article, _ in pairs)
            new.extend(_store_pairs(store, run_id, pairs))
            if rejected:
                store.add_rejections(run_id, rejected)
                rejections.extend(rejected)
        return read, new, rejections

    def run(
        self,
        interval: float,
        *,
        polls: int | None = None,
        on_poll: Callable[[Poll], None] | None = None,
    ) -> None:
        """Poll every ``interval`` seconds (start to start) until :meth:`stop` or ``polls``."""
        if interval <= 0:
            raise UsageError(f"the interval must be positive, not {interval}")
        done = 0
        while not self._stop.is_set() and (polls is None or done < polls):
            began = time.monotonic()
            result = self.poll()
            done += 1
            if on_poll is not None:
                on_poll(result)
            if polls is not None and done >= polls:
                break
            self._stop.wait(max(0.0, interval - (time.monotonic() - began)))

    def stop(self) -> None:
        """End :meth:`run` after the poll in progress (safe from a signal handler or thread)."""
        self._stop.set()


def _unfinished_watch_runs(store: Any) -> list[str]:
    """Ids of earlier polls that never finished: their stored articles may not be placed."""
    return [
        str(run["id"])
        for run in store.runs()
        if run["status"] == "running"
        and isinstance(run["options"], dict)
        and run["options"].get("watch")
    ]


def _store_pairs(store: Any, run_id: str, pairs: list[tuple[Article, Segmentation]]) -> list[str]:
    if not pairs:
        return []
    added: list[str] = store.add_articles(run_id, [a for a, _ in pairs], [s for _, s in pairs])
    return added

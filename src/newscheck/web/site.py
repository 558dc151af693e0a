"""One store being served: its snapshots, the rendered-page cache and the static files.

A page is cached under its address (path and query) and the store version it was built from, so
a repeated request is answered without building anything, and a change of the store is a change
of every key.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from importlib import resources

from starlette.concurrency import run_in_threadpool

from newscheck.store import Store
from newscheck.web import pages
from newscheck.web.cache import PageCache, Rendered
from newscheck.web.snapshot import Snapshot, StoreSnapshots

STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}

Build = Callable[[pages.PageContext], Rendered]


def static_files() -> dict[str, Rendered]:
    """The files under ``newscheck/web/static``, read once; only these names are ever served."""
    folder = resources.files("newscheck.web") / "static"
    found = {}
    for entry in folder.iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1]
        if entry.is_file() and suffix in STATIC_TYPES:
            found[entry.name] = pages.rendered(entry.read_bytes(), STATIC_TYPES[suffix])
    return found


class Site:
    def __init__(self, store: Store, *, cache_bytes: int, check_every_s: float) -> None:
        self.store = store
        self.snapshots = StoreSnapshots(store, check_every_s=check_every_s)
        self.cache = PageCache(cache_bytes)
        self.static = static_files()
        self._checking = False
        self._checking_lock = threading.Lock()

    def cached(self, path: str, query: bytes) -> Rendered | None:
        """The page at this address if it is cached for the latest snapshot; never blocks.

        When the store is due for a check, the check starts on a thread of its own and this
        request is answered from the latest snapshot (stale by at most the check's duration)."""
        snapshot = self.snapshots.latest()
        if snapshot is None:
            return None
        if self.snapshots.due():
            self._check_in_background()
        return self.cache.get((snapshot.version, path, query))

    def _check_in_background(self) -> None:
        with self._checking_lock:
            if self._checking:
                return
            self._checking = True

        def check() -> None:
            try:
                self.snapshots.current()
            finally:
                self._checking = False

        threading.Thread(target=check, name="newscheck-store-check", daemon=True).start()

    async def page(self, path: str, query: bytes, build: Build, want_json: bool) -> Rendered:
        """The page at this address: from the cache, or built off the event loop and cached."""
        snapshot: Snapshot | None = self.snapshots.latest()
        if snapshot is None or self.snapshots.due():
            snapshot = await run_in_threadpool(self.snapshots.current)
        key = (snapshot.version, path, query)
        entry = self.cache.get(key)
        if entry is None:
            address = path + ("?" + query.decode("latin-1") if query else "")
            context = pages.PageContext(self.store, snapshot, address)
            entry = await run_in_threadpool(_build, build, context, want_json)
            self.cache.put(key, entry)
        return entry


def _build(build: Build, context: pages.PageContext, want_json: bool) -> Rendered:
    try:
        return build(context)
    except pages.PageNotFound as exc:
        return pages.not_found(context, str(exc), want_json)

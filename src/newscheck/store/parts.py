"""The links of each part of a windowed link stage, kept between runs (``linked_parts``).

A cache, not a record (see :mod:`newscheck.link.window`): one row per part, its links encoded as
rows of the ``links`` table (:data:`newscheck.store.tables.LINKS`), as JSON, compressed, so that
a part's links read back equal to those kept.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Sequence

from newscheck.model import Link
from newscheck.store import sql
from newscheck.store.backend import SQLBackend, chunks
from newscheck.store.tables import LINKS


class LinkedParts(SQLBackend):
    """The linked-part methods of the store interface."""

    def linked_part(self, key: str) -> tuple[Link, ...] | None:
        with self.transaction("read a linked part", write=False):
            rows = self._fetchall(sql.SELECT_LINKED_PART, (key,))
        return decode_links(bytes(rows[0][0])) if rows else None

    def keep_linked_part(self, key: str, links: Sequence[Link]) -> None:
        with self.transaction("keep a linked part", write=True):
            self._insert_many(sql.INSERT_LINKED_PART, [(key, encode_links(links))])

    def keep_only_linked_parts(self, keys: Iterable[str]) -> None:
        wanted = set(keys)
        with self.transaction("forget linked parts", write=True):
            stale = [
                str(key)
                for (key,) in self._fetchall(sql.SELECT_LINKED_PART_KEYS)
                if key not in wanted
            ]
            for chunk in chunks(stale):
                self._execute(sql.delete_linked_parts(len(chunk)), chunk)


def encode_links(links: Sequence[Link]) -> bytes:
    rows = [LINKS.encode(link) for link in links]
    return zlib.compress(json.dumps(rows, separators=(",", ":")).encode(), 6)


def decode_links(blob: bytes) -> tuple[Link, ...]:
    return tuple(LINKS.decode(row) for row in json.loads(zlib.decompress(blob)))

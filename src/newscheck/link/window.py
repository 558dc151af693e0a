"""Linking a stream in time windows, so that its memory follows the window, not the store.

Copies and rewrites of a news report appear within days of it. With a window of ``days`` the
articles are cut by publication time into blocks of :data:`BLOCK_WINDOWS` windows, and each block
is linked together with the first window of the next block (a *part*): any two articles at most
``days`` apart are linked in a part holding both, and each part holds some
``(BLOCK_WINDOWS + 1) * days`` of the stream, whatever the size of the store. An article is in
one part or two, so linking costs at most ``(BLOCK_WINDOWS + 1) / BLOCK_WINDOWS`` times the
one-pass cost, with the corpus of one part in memory at a time.

A relation between two articles is taken from the part of the block of the earlier one (the
same pair may also be in the part before, which holds the first window of this block). A derived
article whose links come from two parts is said to add what neither part found support for (the
intersection of their added spans). Families are built over all links at the end. What windows
change against one pass over all articles: pairs further apart than a window may not be linked,
and an article's two origins in different parts are not pruned against each other.

Articles without a publication time take the time of the last dated article before them in the
given (read) order, or of the first dated one when none comes before.

A part's links depend only on its articles, which of them are of its own block, and how linking is
done, so with a :class:`PartCache` (the store) each part's links are kept under a key of those
(:func:`part_key`) and a later run links only the parts whose key is new: a stopped run goes on
from its last linked part, and a stream that grows re-links only its latest parts.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from newscheck import __version__
from newscheck.link.families import build_families
from newscheck.link.stage import LinkResult
from newscheck.model import Article, Link, Segmentation, Span

BLOCK_WINDOWS = 3
"""Windows per block: a part holds one block and the first window of the next."""

LINKING_VERSION = 1
"""Part of every :func:`part_key`: raise it when a change makes linking give other links, so that
links kept by an earlier version are not taken for this one's."""

LinkPart = Callable[[Sequence[Article], Mapping[str, Segmentation]], LinkResult]
"""Links the articles of one part (``link_articles`` with the run's settings, or its Dask
counterpart)."""

PartProgress = Callable[[int, int], None]
"""``progress(parts_done, parts)``: called as parts are linked or found kept."""


class PartCache(Protocol):
    """Where the links of linked parts are kept between runs (:class:`newscheck.store.Store`)."""

    def linked_part(self, key: str) -> tuple[Link, ...] | None: ...

    def keep_linked_part(self, key: str, links: Sequence[Link]) -> None: ...

    def keep_only_linked_parts(self, keys: Iterable[str]) -> None: ...


@dataclass(frozen=True, slots=True)
class Part:
    """The articles linked together: ``indexes`` into the whole list, in its order."""

    block: int
    indexes: tuple[int, ...]
    blocks: tuple[int, ...]
    """The block of each article of ``indexes``: :attr:`block` or the next."""


def times(articles: Sequence[Article]) -> list[float] | None:
    """Each article's publication time (POSIX seconds; undated ones placed as the module says);
    None when no article is dated."""
    stamps = [_stamp(a.published) for a in articles]
    known = [s for s in stamps if s is not None]
    if not known:
        return None
    last = known[0]
    out = []
    for stamp in stamps:
        last = stamp if stamp is not None else last
        out.append(last)
    return out


def _stamp(when: datetime | None) -> float | None:
    if when is None:
        return None
    return (when if when.tzinfo is not None else when.replace(tzinfo=UTC)).timestamp()


def parts(articles: Sequence[Article], days: float) -> list[Part]:
    """The parts linking ``articles`` in windows of ``days``, earliest block first (one part of
    every article when none is dated)."""
    if days <= 0 or not math.isfinite(days):
        raise ValueError(f"a link window must be a positive number of days, not {days}")
    stamps = times(articles)
    if stamps is None:
        return [Part(0, tuple(range(len(articles))), (0,) * len(articles))] if articles else []
    window = days * 86_400.0
    start = min(stamps)
    steps = [int((s - start) // window) for s in stamps]
    by_block: dict[int, list[int]] = {}
    for index, step in enumerate(steps):
        by_block.setdefault(step // BLOCK_WINDOWS, []).append(index)
    out = []
    for block in sorted(by_block):
        following = [
            i for i in by_block.get(block + 1, ()) if steps[i] == (block + 1) * BLOCK_WINDOWS
        ]
        indexes = sorted(by_block[block] + following)
        owners = tuple(block if steps[i] // BLOCK_WINDOWS == block else block + 1 for i in indexes)
        out.append(Part(block, tuple(indexes), owners))
    return out


def part_key(part: Part, chosen: Sequence[Article], method: str) -> str:
    """What the links :func:`link_part_owned` finds for ``part`` depend on, as a hash: its
    articles in order (ids are hashes of title and text; beside them the fields linking reads),
    which of them are of its own block, ``method`` (how linking is done: lexical or the embedding
    scheme) and the linking version."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{__version__}|{LINKING_VERSION}|{method}".encode())
    for article, block in zip(chosen, part.blocks, strict=True):
        fields = (
            article.id,
            article.seq,
            article.published.isoformat() if article.published else "",
            article.source or "",
            article.url or "",
            block == part.block,
        )
        digest.update(repr(fields).encode())
    return digest.hexdigest()


def link_in_windows(
    articles: Sequence[Article],
    segmentations: Mapping[str, Segmentation],
    days: float,
    link_part: LinkPart,
    *,
    cache: PartCache | None = None,
    method: str = "lexical",
    progress: PartProgress | None = None,
) -> LinkResult:
    """Links and families of ``articles``, linked part by part (:func:`parts`) by ``link_part``;
    with ``cache``, parts kept there (see :class:`PartLinks`; ``method`` names how ``link_part``
    links) are not linked again."""
    found = PartLinks(articles, parts(articles, days), cache, method, progress)
    for index in found.missing():
        part = found.planned[index]
        chosen = [articles[i] for i in part.indexes]
        found.fill(index, link_part_owned(part, chosen, segmentations, link_part))
    return found.result(articles)


class PartLinks:
    """The owned links of every part of a run, as they are found: first those a
    :class:`PartCache` kept under each part's :func:`part_key`, then each part linked (kept in
    the cache as it comes, so a stopped run loses one part at most). The result leaves the cache
    holding this run's parts only."""

    def __init__(
        self,
        articles: Sequence[Article],
        planned: Sequence[Part],
        cache: PartCache | None,
        method: str,
        progress: PartProgress | None = None,
    ) -> None:
        self.planned = tuple(planned)
        self.cache = cache
        self.progress = progress
        self.keys = tuple(
            part_key(part, [articles[i] for i in part.indexes], method) if cache is not None else ""
            for part in planned
        )
        self.links: list[tuple[Link, ...] | None] = [
            cache.linked_part(key) if cache is not None else None for key in self.keys
        ]
        self.done = sum(links is not None for links in self.links)
        self._report()

    def missing(self) -> list[int]:
        """Indexes (into :attr:`planned`) of the parts still to link, in order."""
        return [index for index, links in enumerate(self.links) if links is None]

    def fill(self, index: int, links: Sequence[Link]) -> None:
        self.links[index] = tuple(links)
        if self.cache is not None:
            self.cache.keep_linked_part(self.keys[index], links)
        self.done += 1
        self._report()

    def result(self, articles: Sequence[Article]) -> LinkResult:
        found = [links for links in self.links if links is not None]
        if len(found) < len(self.links):
            raise ValueError("a part was not linked")
        if self.cache is not None:
            self.cache.keep_only_linked_parts(self.keys)
        return merge(articles, found)

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self.done, len(self.planned))


def link_part_owned(
    part: Part,
    chosen: Sequence[Article],
    segmentations: Mapping[str, Segmentation],
    link_part: LinkPart,
) -> tuple[Link, ...]:
    """The links among ``chosen`` (the articles of ``part``) that the part owns: those whose
    earlier article is in its own block."""
    links = link_part(chosen, segmentations).links
    block_of = {a.id: b for a, b in zip(chosen, part.blocks, strict=True)}
    return tuple(
        link for link in links if min(block_of[link.derived], block_of[link.origin]) == part.block
    )


def merge(articles: Sequence[Article], found: Sequence[Sequence[Link]]) -> LinkResult:
    """The links owned by each part (in part order) as one result: a derived article linked from
    several parts adds only what none of them supports; families over all the links."""
    added: dict[str, set[Span]] = {}
    for links in found:
        for derived, spans in {link.derived: link.added for link in links}.items():
            mine = set(spans)
            added[derived] = added[derived] & mine if derived in added else mine
    merged = [
        dataclasses.replace(link, added=tuple(sorted(added[link.derived], key=_span_order)))
        for links in found
        for link in links
    ]
    merged.sort(key=lambda link: (link.derived, link.origin))
    links = tuple(merged)
    return LinkResult(links, build_families(articles, links))


def _span_order(span: Span) -> tuple[int, int]:
    return span.start, span.end

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
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from newscheck.link.families import build_families
from newscheck.link.stage import LinkResult
from newscheck.model import Article, Link, Segmentation, Span

BLOCK_WINDOWS = 3
"""Windows per block: a part holds one block and the first window of the next."""

LinkPart = Callable[[Sequence[Article], Mapping[str, Segmentation]], LinkResult]
"""Links the articles of one part (``link_articles`` with the run's settings, or its Dask
counterpart)."""


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


def link_in_windows(
    articles: Sequence[Article],
    segmentations: Mapping[str, Segmentation],
    days: float,
    link_part: LinkPart,
) -> LinkResult:
    """Links and families of ``articles``, linked part by part (:func:`parts`) by
    ``link_part``."""
    found = [
        link_part_owned(part, [articles[i] for i in part.indexes], segmentations, link_part)
        for part in parts(articles, days)
    ]
    return merge(articles, found)


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

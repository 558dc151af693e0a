"""The link stage on a cluster: copy detection and sentence alignment on workers.

1. copies: :func:`newscheck.distributed.banding.distributed_copies` (LSH banding as a shuffle on
   band keys), equal to ``find_copies``;
2. the driver builds the corpus (sentences, vectors) and the candidate pairs with those copies
   (:func:`newscheck.link.stage.prepare_links`), and ships the scored corpus to every worker once;
3. both rounds of :func:`newscheck.link.stage.derive_links` mapped over partitions of the
   candidate pairs, the second given the origins gathered from the first;
4. pruning, link records and families on the driver (:func:`newscheck.link.stage.finish_links`).

The result equals ``link_articles`` on the same articles (``tests/distributed/test_runner.py``).

Linked in time windows (``--link-window``, :mod:`newscheck.link.window`) without sentence
embeddings, each part of the stream is linked whole on a worker (:func:`windows_on_workers`):
parts are independent, so a cluster links as many at once as it has workers, and the driver
holds only their links. With embeddings the parts are linked one after the other as above, the
sentence model staying on the driver.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newscheck.distributed.banding import distributed_copies
from newscheck.distributed.stream import ordered_map
from newscheck.embed import Embedder
from newscheck.link.candidates import Pair
from newscheck.link.decide import DecisionRules
from newscheck.link.scoring import SentenceScorer
from newscheck.link.stage import (
    Found,
    LinkResult,
    LinkSettings,
    derive_links,
    finish_links,
    link_articles,
    linking_method,
    origins_of,
    prepare_links,
    unexplained_pairs,
)
from newscheck.link.verify import Overlap
from newscheck.link.window import Part, PartCache, PartLinks, PartProgress, link_part_owned, parts
from newscheck.model import Article, Link, Segmentation


@dataclass(frozen=True, slots=True)
class _Shared:
    """What every derivation task reads: shipped to each worker once."""

    scorer: SentenceScorer
    rules: DecisionRules
    overlaps: dict[Pair, Overlap]
    neighbours: dict[int, set[int]]


@dataclass(frozen=True, slots=True)
class _Origins:
    """The origins found in the first round (None in the first round itself)."""

    origins: dict[int, set[int]] | None


def copies_on_workers(
    client: Any, articles: Sequence[Article], *, partition_size: int
) -> list[Overlap]:
    """The verified copy overlaps among ``articles`` (indexes in their order) that linking would
    find itself, computed on the workers with linking's own copy settings."""
    params = LinkSettings().candidates.copy  # the settings the link stage links with
    texts = [article.text for article in articles]
    return distributed_copies(client, texts, params, partition_size=partition_size).overlaps


def link_on_workers(
    client: Any,
    articles: Sequence[Article],
    segmentations: Mapping[str, Segmentation],
    *,
    embedder: Embedder | None,
    copy_texts: int,
    pairs_per_task: int,
    settings: LinkSettings | None = None,
) -> LinkResult:
    """``link_articles(articles, segmentations, embedder=embedder, settings=settings)``, its copy
    detection and sentence alignment on the workers: copies in partitions of ``copy_texts``
    articles, candidate pairs aligned ``pairs_per_task`` to a task."""
    copies = copies_on_workers(client, articles, partition_size=copy_texts)
    work = prepare_links(
        articles, segmentations, embedder=embedder, settings=settings, copies=copies
    )
    shared = _Shared(work.scorer, work.settings.rules, work.candidates.overlaps, work.neighbours)
    on_workers = client.scatter(shared, broadcast=True, hash=False)
    pairs = list(work.candidates.pairs)
    first = _derive_mapped(client, on_workers, pairs, None, pairs_per_task)
    pending = unexplained_pairs(pairs, first)
    second = _derive_mapped(client, on_workers, pending, origins_of(first), pairs_per_task)
    return finish_links(work, first + second)


def _derive_mapped(
    client: Any,
    shared: Any,
    pairs: list[Pair],
    known_origins: dict[int, set[int]] | None,
    size: int,
) -> list[Found]:
    """One round of derivation over partitions of ``pairs``, results in the pairs' order."""
    if not pairs or known_origins == {}:
        return []  # a second round without known origins re-derives nothing
    # Wrapped: Dask would scatter a bare dict item by item.
    known = client.scatter(_Origins(known_origins), broadcast=True, hash=False)
    futures = [
        client.submit(_derive_part, shared, pairs[start : start + size], known, pure=False)
        for start in range(0, len(pairs), size)
    ]
    return [found for part in client.gather(futures) for found in part]


def _derive_part(shared: _Shared, pairs: list[Pair], known: _Origins) -> list[Found]:
    return derive_links(
        shared.scorer, pairs, shared.rules, shared.overlaps, shared.neighbours, known.origins
    )


@dataclass(frozen=True, slots=True)
class _PartTask:
    """One part of the stream with what linking it reads."""

    index: int
    part: Part
    articles: list[Article]
    segmentations: dict[str, Segmentation]


@dataclass(frozen=True, slots=True)
class _PartLinks:
    index: int
    links: tuple[Link, ...]


def windows_on_workers(
    client: Any,
    articles: Sequence[Article],
    segmentations: Mapping[str, Segmentation],
    days: float,
    *,
    in_flight: int,
    cache: PartCache | None = None,
    progress: PartProgress | None = None,
) -> LinkResult:
    """``link_in_windows(articles, segmentations, days, link_articles, cache=cache)`` (lexical),
    each part linked whole on a worker, at most ``in_flight`` parts submitted or held at a
    time."""
    method = linking_method(None)
    found = PartLinks(articles, parts(articles, days), cache, method, progress)
    missing = found.missing()

    def tasks() -> Iterator[_PartTask]:
        for task, index in enumerate(missing):
            part = found.planned[index]
            chosen = [articles[i] for i in part.indexes]
            mine = {a.id: segmentations[a.id] for a in chosen if a.id in segmentations}
            yield _PartTask(task, part, chosen, mine)

    for done in ordered_map(client, _link_part, tasks(), window=in_flight):
        found.fill(missing[done.index], done.links)
    return found.result(articles)


def _link_part(task: _PartTask) -> _PartLinks:
    owned = link_part_owned(task.part, task.articles, task.segmentations, link_articles)
    return _PartLinks(task.index, owned)

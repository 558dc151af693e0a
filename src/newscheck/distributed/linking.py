"""The link stage on a cluster: copy detection and sentence alignment on workers.

1. copies: :func:`newscheck.distributed.banding.distributed_copies` (LSH banding as a shuffle on
   band keys), equal to ``find_copies``;
2. the driver builds the corpus (sentences, vectors) and the candidate pairs with those copies
   (:func:`newscheck.link.stage.prepare_links`), and ships the scored corpus to every worker once;
3. both rounds of :func:`newscheck.link.stage.derive_links` mapped over partitions of the
   candidate pairs, the second given the origins gathered from the first;
4. pruning, link records and families on the driver (:func:`newscheck.link.stage.finish_links`).

The result equals ``link_articles`` on the same articles (``tests/distributed/test_runner.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newscheck.distributed.banding import distributed_copies
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
    origins_of,
    prepare_links,
    unexplained_pairs,
)
from newscheck.link.verify import Overlap
from newscheck.model import Article, Segmentation


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
) -> LinkResult:
    """``link_articles(articles, segmentations, embedder=embedder)``, its copy detection and
    sentence alignment on the workers: copies in partitions of ``copy_texts`` articles, candidate
    pairs aligned ``pairs_per_task`` to a task."""
    copies = copies_on_workers(client, articles, partition_size=copy_texts)
    work = prepare_links(articles, segmentations, embedder=embedder, copies=copies)
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

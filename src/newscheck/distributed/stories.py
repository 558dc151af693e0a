"""Story clustering on a cluster: the work per article on workers, the placing on the driver.

The clusterer places articles one at a time in publication order (each joins the best open
story or starts one), which is one ordered pass. What each article costs before that is its
matching keys (terms, names and figures of its title and lead,
:class:`~newscheck.stories.KeyExtractor`): those are computed on workers, in partitions of
consecutive articles in publication order (each a window of time), and handed to
:func:`newscheck.stories.cluster_stories` (``keys=``), which gives the stories it gives when it
extracts them itself. Only the part of each article the extractor reads is shipped.

Which articles need keys is the stories module's own answer (:func:`articles_to_key`): the run's
new articles, and the stored members of stored stories that they may join (a later run extends
stored stories, keeping their ids).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from newscheck.distributed.stream import ordered_map
from newscheck.model import Article, Link, Story
from newscheck.stories import ArticleKeys, ClusterConfig, KeyExtractor, articles_to_key
from newscheck.stories.ordering import stream_sequence


@dataclass(frozen=True, slots=True)
class LeadPartition:
    """Consecutive articles in publication order, each cut to what the extractor reads."""

    index: int
    articles: tuple[Article, ...]
    lead_chars: int


@dataclass(frozen=True, slots=True)
class KeyedPartition:
    index: int
    keys: tuple[ArticleKeys, ...]


@cache
def _worker_extractor(lead_chars: int) -> KeyExtractor:
    # One per worker process: its memo of token classes carries over from task to task.
    return KeyExtractor(lead_chars=lead_chars)


def story_keys_partition(partition: LeadPartition) -> KeyedPartition:
    """Runs on a worker: the keys of each article of the partition."""
    extract = _worker_extractor(partition.lead_chars)
    return KeyedPartition(partition.index, tuple(extract(a) for a in partition.articles))


def lead_partitions(
    articles: Sequence[Article], size: int, lead_chars: int
) -> Iterator[LeadPartition]:
    """``articles`` in publication order, ``size`` to a partition, each cut to its lead."""
    cut = KeyExtractor(lead_chars=lead_chars).lead_part
    ordered = stream_sequence(articles)
    for number, start in enumerate(range(0, len(ordered), size)):
        chunk = tuple(cut(a) for a in ordered[start : start + size])
        yield LeadPartition(number, chunk, lead_chars)


def story_keys_on_workers(
    client: Any,
    articles: Sequence[Article],
    links: Sequence[Link],
    *,
    existing: Sequence[Story] = (),
    config: ClusterConfig | None = None,
    size: int,
    window: int,
) -> dict[str, ArticleKeys]:
    """Keys of the articles ``cluster_stories(articles, links, existing=existing,
    config=config)`` reads, computed on the workers ``size`` articles to a task, at most
    ``window`` tasks' results held at once."""
    config = config or ClusterConfig()
    needed = articles_to_key(articles, links, existing=existing, config=config)
    parts = lead_partitions(needed, size, config.lead_chars)
    found: dict[str, ArticleKeys] = {}
    for done in ordered_map(client, story_keys_partition, parts, window=window):
        found.update((keys.article_id, keys) for keys in done.keys)
    return found

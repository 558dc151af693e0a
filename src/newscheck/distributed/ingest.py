"""Ingest on workers: each partition read, cleaned and segmented by the local runner's functions;
the driver puts the results back in read order, numbers them and rejects duplicates.

The split follows what can run apart: reading, cleaning and segmenting one article needs nothing
of any other (:func:`prepare_partition`, on a worker); ``seq`` and "duplicate of an article read
earlier" need the whole run's order (:class:`RunOrder`, on the driver). Together they give what
``newscheck.pipeline.ingest`` gives, item for item (``tests/distributed/test_ingest.py`` checks).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newscheck.distributed.plan import Partition
from newscheck.model import Article, RawArticle, Rejection, Segmentation
from newscheck.settings import Settings

Prepared = tuple[Article, Segmentation] | Rejection


@dataclass(frozen=True, slots=True)
class PreparedPartition:
    """What a worker made of one partition, in read order (articles not yet numbered)."""

    index: int
    items: tuple[Prepared, ...]


def prepare(item: RawArticle | Rejection) -> Prepared:
    """Clean and segment one read item, or say why it cannot be used (as the local run does)."""
    from newscheck.pipeline import clean_article

    if isinstance(item, Rejection):
        return item
    if not item.text.strip():
        return Rejection(item.location, item.location_kind, "no_text", "the article has no text")
    article, segmentation = clean_article(item, 0)
    if not article.text.strip():
        return Rejection(
            item.location, item.location_kind, "no_text", "nothing was left after cleaning"
        )
    return article, segmentation


def prepare_partition(partition: Partition, settings: Settings) -> PreparedPartition:
    """Read (files, URLs) or take (records) a partition's items and prepare each. Runs on a
    worker; never raises for a bad input (the readers turn each into a Rejection)."""
    from newscheck.ingest import read_inputs

    items: Iterable[RawArticle | Rejection] = (
        read_inputs(partition.inputs, settings) if partition.inputs else partition.records
    )
    return PreparedPartition(partition.index, tuple(prepare(item) for item in items))


class RunOrder:
    """Numbers a run's articles in read order and rejects a repeat of one read before."""

    def __init__(self) -> None:
        self._first_location: dict[str, str] = {}
        self._next_seq = 0

    def place(self, item: Prepared) -> Prepared:
        if isinstance(item, Rejection):
            return item
        article, segmentation = item
        first = self._first_location.get(article.id)
        if first is not None:
            return Rejection(
                article.location,
                article.location_kind,
                "duplicate",
                f"same title and text as {first}",
            )
        self._first_location[article.id] = article.location
        numbered = dataclasses.replace(article, seq=self._next_seq)
        self._next_seq += 1
        return numbered, segmentation

    def place_all(self, items: Iterable[Prepared]) -> Iterator[Prepared]:
        return (self.place(item) for item in items)

"""Claim extraction on workers: each partition of articles parsed by the local
:class:`~newscheck.extract.Extractor` (entity names settled per article), then the names made
consistent over every article on the driver (:func:`~newscheck.extract.canonicalize`), which is what
``Extractor.extract`` does in one process: the same claims, in the same order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from newscheck.distributed.stream import ordered_map
from newscheck.model import Article, Claim, Segmentation

if TYPE_CHECKING:
    from newscheck.extract import Extraction, Extractor
    from newscheck.pipeline import Analysis, Progress

ARTICLES_PER_PARTITION = 64
"""Articles parsed per task: enough to keep spaCy's batches full, few enough to spread."""


@dataclass(frozen=True, slots=True)
class ArticlePartition:
    index: int
    articles: tuple[Article, ...]
    segmentations: Mapping[str, Segmentation]
    tagged: bool = True
    """Read doubtful cues with the cue tagger where it is installed (as the local runner does)."""


@dataclass(frozen=True, slots=True)
class ExtractedPartition:
    index: int
    extractions: tuple[Extraction, ...]


@cache
def _worker_extractor(tagged: bool) -> Extractor:
    # One per worker process: the spaCy model loads once, not once per task.
    from newscheck.extract import Extractor, default_cue_tagger

    return Extractor(cue_tagger=default_cue_tagger(tagged))


def extract_partition(partition: ArticlePartition) -> ExtractedPartition:
    """Runs on a worker: extraction of each article, names not yet made consistent."""
    extractor = _worker_extractor(partition.tagged)
    found = extractor.extract(partition.articles, partition.segmentations, across_articles=False)
    return ExtractedPartition(partition.index, tuple(found))


def article_partitions(
    articles: Sequence[Article],
    segmentations: Mapping[str, Segmentation],
    size: int,
    tagged: bool = True,
) -> Iterator[ArticlePartition]:
    for number, start in enumerate(range(0, len(articles), size)):
        chunk = tuple(articles[start : start + size])
        own = {a.id: segmentations[a.id] for a in chunk if a.id in segmentations}
        yield ArticlePartition(number, chunk, own, tagged)


def extract_claims(
    client: Any,
    analysis: Analysis,
    store: Any,
    progress: Progress,
    *,
    window: int,
    size: int = ARTICLES_PER_PARTITION,
    tagged: bool = True,
) -> Analysis:
    """The extract stage of the local runner with the parsing on workers: claims of articles the
    store already holds are kept, the others' are extracted and the whole set stored.
    ``tagged``: read doubtful cues with the cue tagger (embeddings wanted)."""
    from newscheck.extract import canonicalize

    stored = store.claims()
    have = {claim.article_id for claim in stored}
    todo = [a for a in analysis.articles if a.id not in have]
    claims: list[Claim] = list(stored)
    if todo:
        extractions: list[Extraction] = []
        parts = article_partitions(todo, analysis.segmentations, size, tagged)
        for done in ordered_map(client, extract_partition, parts, window=window):
            extractions.extend(done.extractions)
            progress("extract", len(extractions), len(todo))
        claims.extend(claim for e in canonicalize(extractions) for claim in e.claims)
        store.replace_claims(claims)
    return dataclasses.replace(analysis, claims=tuple(claims))

"""Turns an article's keys into the weighed, slim :class:`Member` the clusterer places.

Separate from the clusterer so that it can run in another process: it needs only the stream of
articles in order (document frequencies depend on nothing else), and what it hands over is small.
"""

from __future__ import annotations

from itertools import islice
from math import sqrt

import numpy as np

from newscheck.stories.buckets import EmbeddingBuckets
from newscheck.stories.config import ClusterConfig
from newscheck.stories.features import ArticleKeys, all_keys
from newscheck.stories.open_story import TITLE_TERMS, Member
from newscheck.stories.weighting import DocumentFrequencies

BUCKET_WEIGHT = 0.05
"""Weight of a shared embedding bucket when ranking candidates (a name or term weighs ~0.1-0.3)."""


class Weigher:
    """``weigher(keys) -> Member``. Counts each article into the document frequencies first,
    unless it was given frequencies counted beforehand (a batch known in advance)."""

    __slots__ = ("_buckets", "config", "counting", "frequencies")

    def __init__(
        self, config: ClusterConfig, frequencies: DocumentFrequencies | None = None
    ) -> None:
        self.config = config
        self.frequencies = frequencies or DocumentFrequencies()
        self.counting = frequencies is None
        self._buckets: EmbeddingBuckets | None = None

    def __call__(self, keys: ArticleKeys) -> Member:
        config = self.config
        df = self.frequencies
        if self.counting:
            df.add(all_keys(keys))
        terms = df.weigh(keys.terms, config.vector_terms)
        names = df.weigh(keys.names, config.vector_names)
        figures = df.weigh(keys.figures, config.vector_figures)
        # Terms keep their bare keys (the title is chosen by them); the other channels are
        # prefixed so that a name and a word spelled alike stay apart. Each channel is scaled by
        # the square root of its weight: a dot product of two such vectors weighs it once.
        scale = sqrt(config.term_weight)
        vector = dict(terms) if scale == 1.0 else {k: scale * w for k, w in terms.items()}
        scale = sqrt(config.name_weight)
        vector.update({"n:" + k: scale * w for k, w in names.items()})
        scale = sqrt(config.figure_weight)
        vector.update({"f:" + k: scale * w for k, w in figures.items()})
        half = config.retrieval_keys // 2
        retrieval = [("n:" + k, w) for k, w in islice(names.items(), half)]
        count = config.retrieval_keys - len(retrieval)
        retrieval += [("t:" + k, w) for k, w in islice(terms.items(), count)]
        if keys.embedding is not None:
            retrieval += [(k, BUCKET_WEIGHT) for k in self._buckets_for(keys.embedding)]
        return Member(
            article_id=keys.article_id,
            title=keys.title,
            published=keys.published,
            seq=keys.seq,
            embedding=keys.embedding,
            vector=vector,
            title_terms=dict(islice(terms.items(), TITLE_TERMS)),
            retrieval=tuple(retrieval),
        )

    def _buckets_for(self, embedding: np.ndarray) -> list[str]:
        if self._buckets is None or self._buckets.dimensions != len(embedding):
            self._buckets = EmbeddingBuckets(len(embedding))
        return self._buckets.keys(embedding)

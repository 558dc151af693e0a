"""Turns an article's keys into the weighed, slim :class:`Member` the clusterer places.

Separate from the clusterer so that it can run in another process: it needs only the stream of
articles in order (document frequencies depend on nothing else), and what it hands over is small:
key ids and weights in arrays (see :mod:`newscheck.stories.member_batch`).
"""

from __future__ import annotations

from math import sqrt

import numpy as np

from newscheck.stories.buckets import EmbeddingBuckets
from newscheck.stories.config import ClusterConfig
from newscheck.stories.features import ArticleKeys, all_keys
from newscheck.stories.keyspace import IdVector
from newscheck.stories.open_story import TITLE_TERMS, Member
from newscheck.stories.vocabulary import Channel, KeyVocabulary
from newscheck.stories.weighting import DocumentFrequencies

BUCKET_WEIGHT = 0.05
"""Weight of a shared embedding bucket when ranking candidates (a name or term weighs ~0.1-0.3)."""


class Weigher:
    """``weigher(keys) -> Member``. Counts each article into the document frequencies first,
    unless it was given frequencies counted beforehand (a batch known in advance)."""

    __slots__ = ("_buckets", "_scales", "config", "counting", "frequencies", "vocabulary")

    def __init__(
        self, config: ClusterConfig, frequencies: DocumentFrequencies | None = None
    ) -> None:
        self.config = config
        self.frequencies = frequencies or DocumentFrequencies()
        self.counting = frequencies is None
        self.vocabulary = KeyVocabulary()
        """Ids of the keys the members name (a clusterer takes members of one weigher only)."""
        self._buckets: EmbeddingBuckets | None = None
        # Each channel is scaled by the square root of its weight: a dot product of two
        # members' vectors then weighs it once.
        self._scales = tuple(
            sqrt(w) for w in (config.term_weight, config.name_weight, config.figure_weight)
        )

    def __call__(self, keys: ArticleKeys) -> Member:
        config = self.config
        df = self.frequencies
        if self.counting:
            df.add(all_keys(keys))
        ids = self.vocabulary.ids
        channels = (
            (Channel.TERM, keys.terms, config.vector_terms),
            (Channel.NAME, keys.names, config.vector_names),
            (Channel.FIGURE, keys.figures, config.vector_figures),
        )
        weighed: list[IdVector] = []
        for channel, counts, limit in channels:
            ranked, weights = df.ranked(counts, limit)
            weighed.append(IdVector(ids(channel, ranked), weights))
        terms, names, _ = weighed
        half = config.retrieval_keys // 2
        count = config.retrieval_keys - min(half, len(names))
        retrieval = [names.ids[:half], terms.ids[:count]]
        retrieval_weights = [names.weights[:half], terms.weights[:count]]
        if keys.embedding is not None:
            buckets = self._buckets_for(keys.embedding)
            retrieval.append(ids(Channel.BUCKET, buckets))
            retrieval_weights.append(np.full(len(buckets), BUCKET_WEIGHT))
        return Member(
            article_id=keys.article_id,
            title=keys.title,
            published=keys.published,
            seq=keys.seq,
            embedding=keys.embedding,
            vector=self._vector(weighed),
            title_terms=IdVector(terms.ids[:TITLE_TERMS], terms.weights[:TITLE_TERMS]),
            retrieval=IdVector(np.concatenate(retrieval), np.concatenate(retrieval_weights)),
        )

    def _vector(self, channels: list[IdVector]) -> IdVector:
        """The channels in one vector, each scaled (channels weighed 0 left out)."""
        ids = np.concatenate([c.ids for c in channels])
        scaled = zip(channels, self._scales, strict=True)
        weights = np.concatenate([c.weights if s == 1.0 else c.weights * s for c, s in scaled])
        if np.count_nonzero(weights) < len(weights):  # (cheaper than weights.all())
            keep = weights != 0.0
            ids, weights = ids[keep], weights[keep]
        return IdVector(ids, weights)

    def _buckets_for(self, embedding: np.ndarray) -> list[str]:
        if self._buckets is None or self._buckets.dimensions != len(embedding):
            self._buckets = EmbeddingBuckets(len(embedding))
        return self._buckets.keys(embedding)

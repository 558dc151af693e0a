"""How well an article matches open stories, and two open stories each other: a weighted sum of
mean cosines per channel (terms, names and figures in one vector, see
:class:`~newscheck.stories.open_story.Member`; the embedding apart), less a penalty for distance
in time. An article is scored against all its candidate stories at once (a few numpy calls)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newscheck.stories.config import DAY, ClusterConfig
from newscheck.stories.keyspace import IdVector, KeySpace, row_dots
from newscheck.stories.open_story import OpenStory

_NO_MATCH = float("-inf")


class Scorer:
    """Scores and thresholds from one :class:`ClusterConfig`, in one :class:`KeySpace`."""

    __slots__ = ("config", "grace", "space", "window")

    def __init__(self, config: ClusterConfig, space: KeySpace) -> None:
        self.config = config
        self.space = space
        self.window = config.window_days * DAY
        self.grace = config.grace_days * DAY

    def _penalty(self, gap: float) -> float:
        if gap <= self.grace:
            return 0.0
        return self.config.time_penalty * (gap - self.grace) / self.window

    def articles(
        self,
        vector: IdVector,
        embedding: np.ndarray | None,
        time: float | None,
        stories: Sequence[OpenStory],
    ) -> list[tuple[float, float]]:
        """(score, threshold) of an article (its ``vector`` and ``embedding``, at ``time``)
        joining each of ``stories``; the score is -inf outside the time window."""
        config = self.config
        similarities = (self.space.dots(vector, [s.total for s in stories])).tolist()
        embedded = self._embedding_similarities(embedding, stories)
        out = []
        for story, product, similarity in zip(stories, similarities, embedded, strict=True):
            gap = story.gap(time)
            if gap > self.window:
                out.append((_NO_MATCH, 0.0))
                continue
            score = product / len(story)
            threshold = config.threshold
            if similarity is not None:
                score += config.embedding_weight * similarity
                threshold = config.threshold_embedded
            out.append((score - self._penalty(gap), threshold))
        return out

    def _embedding_similarities(
        self, embedding: np.ndarray | None, stories: Sequence[OpenStory]
    ) -> list[float | None]:
        """Mean cosine of ``embedding`` to each story's embedded members (None where either
        side has none, or embeddings do not count)."""
        out: list[float | None] = [None] * len(stories)
        if embedding is None or not self.config.embedding_weight:
            return out
        embedded = [i for i, s in enumerate(stories) if s.embedding_sum is not None]
        if not embedded:
            return out
        sums = np.stack([stories[i].embedding_sum for i in embedded])  # type: ignore[misc]
        products = row_dots(sums, embedding).tolist()
        for i, product in zip(embedded, products, strict=True):
            out[i] = product / stories[i].embedding_count
        return out

    def stories(self, a: OpenStory, b: OpenStory) -> tuple[float, float]:
        """(score, threshold) of merging two stories: their average linkage."""
        gap = a.span_gap(b)
        if gap > self.window:
            return _NO_MATCH, 0.0
        config = self.config
        score = a.linkage(b)
        threshold = config.threshold
        if config.embedding_weight:
            similarity = a.embedding_linkage(b)
            if similarity is not None:
                score += config.embedding_weight * similarity
                threshold = config.threshold_embedded
        return score - self._penalty(gap), threshold

"""How well an article matches an open story, and two open stories each other: a weighted sum of
mean cosines per channel (terms, names and figures in one vector, see
:class:`~newscheck.stories.open_story.Member`; the embedding apart), less a penalty for distance
in time."""

from __future__ import annotations

from newscheck.stories.config import DAY, ClusterConfig
from newscheck.stories.open_story import Member, OpenStory

_NO_MATCH = float("-inf")


class Scorer:
    """Scores and thresholds from one :class:`ClusterConfig`."""

    __slots__ = ("config", "grace", "window")

    def __init__(self, config: ClusterConfig) -> None:
        self.config = config
        self.window = config.window_days * DAY
        self.grace = config.grace_days * DAY

    def _penalty(self, gap: float) -> float:
        if gap <= self.grace:
            return 0.0
        return self.config.time_penalty * (gap - self.grace) / self.window

    def article(self, member: Member, time: float | None, story: OpenStory) -> tuple[float, float]:
        """(score, threshold) of ``member`` (at ``time``) joining ``story``; the score is -inf
        outside the time window."""
        gap = story.gap(time)
        if gap > self.window:
            return _NO_MATCH, 0.0
        config = self.config
        score = story.similarity(member.vector)
        threshold = config.threshold
        embedding = member.embedding
        if embedding is not None and config.embedding_weight:
            similarity = story.embedding_similarity(embedding)
            if similarity is not None:
                score += config.embedding_weight * similarity
                threshold = config.threshold_embedded
        return score - self._penalty(gap), threshold

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

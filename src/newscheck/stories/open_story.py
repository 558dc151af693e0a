"""A story while it is open: what it keeps of its members and the running sums it is matched by.

This is the clusterer's working state (mutable on purpose, private to it); once the story closes
it becomes a frozen :class:`~newscheck.model.Story`. Members are kept slim (id, headline, time and
a few heavy terms to pick the title by), so memory follows the number of open articles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

from newscheck.model import Story, group_id
from newscheck.stories.features import stream_order
from newscheck.stories.keyspace import (
    EMPTY,
    IdVector,
    KeySpace,
    grouped_sums,
    heaviest,
    row_dots,
)

STORY_ID_PREFIX = "story"
TITLE_CHARS = 160
TITLE_TERMS = 12
"""Heaviest terms kept per member to choose the story's title by (member vectors come
heaviest first)."""


@dataclass(frozen=True, slots=True)
class Member:
    """An article, weighed: its key vector, the keys it is indexed by, and what a story keeps.

    Keys are ids of the :class:`~newscheck.stories.vocabulary.KeyVocabulary` of the
    :class:`~newscheck.stories.weigher.Weigher` that made it; a clusterer must only be given
    members of one weigher."""

    article_id: str
    title: str
    published: datetime | None
    seq: int
    embedding: np.ndarray | None
    vector: IdVector
    """The channels in one vector, heaviest first within each: unit-length terms, names and
    figures, each scaled by the square root of its weight, so that one dot product of two such
    vectors is the weighted sum of the three cosines."""
    title_terms: IdVector
    """The heaviest few terms (unscaled), to choose the story's title by."""
    retrieval: IdVector
    """Keys the story index is searched and extended by, with their weights."""


@dataclass(frozen=True, slots=True)
class MemberRecord:
    """What an open story keeps of a member."""

    article_id: str
    title: str
    published: datetime | None
    seq: int
    title_terms: IdVector

    def order(self) -> tuple[float, int, str]:
        return stream_order(self.published, self.seq, self.article_id)


class OpenStory:
    """Members and the running sum of their vectors, of a story that can still grow."""

    __slots__ = (
        "activity",
        "embedding_count",
        "embedding_sum",
        "first_time",
        "key",
        "last_time",
        "max_keys",
        "members",
        "posted",
        "space",
        "stored",
        "total",
    )

    def __init__(
        self, key: int, space: KeySpace, *, stored: Story | None = None, max_keys: int = 400
    ) -> None:
        self.key = key
        self.space = space
        """The key space the sums' ids belong to (shared by the clusterer's open stories)."""
        self.stored = stored
        """The stored story this continues (its id is kept), or None for a new one."""
        self.members: list[MemberRecord] = []
        self.total: IdVector = EMPTY
        """Sum of the members' vectors (the heaviest ``max_keys`` kept once it grows past twice
        that)."""
        self.embedding_sum: np.ndarray | None = None
        self.embedding_count = 0
        self.first_time: float | None = None
        self.last_time: float | None = None
        self.posted: set[int] = set()
        """Retrieval keys under which the clusterer indexed this story."""
        self.activity = 0
        self.max_keys = max_keys

    def __len__(self) -> int:
        return len(self.members)

    def add(self, member: Member, vector: IdVector, time: float | None) -> None:
        """Add ``member`` (``vector``: its vector in this story's key space), published (or,
        undated, placed by the stream's clock) at ``time``."""
        self.members.append(
            MemberRecord(
                member.article_id, member.title, member.published, member.seq, member.title_terms
            )
        )
        self._add_sum(vector)
        if member.embedding is not None:
            self._add_embedding(member.embedding, 1)
        self._add_time(time, time)

    def absorb(self, other: OpenStory) -> None:
        """Take over every member of ``other`` (which the caller then drops)."""
        self.members.extend(other.members)
        self._add_sum(other.total)
        if other.embedding_sum is not None:
            self._add_embedding(other.embedding_sum, other.embedding_count)
        self._add_time(other.first_time, other.last_time)
        self.posted |= other.posted

    def _add_sum(self, vector: IdVector) -> None:
        total = self.space.add(self.total, vector)
        if len(total) > 2 * self.max_keys:
            total = heaviest(total, self.max_keys)
        self.total = total

    def _add_embedding(self, vector: np.ndarray, count: int) -> None:
        if self.embedding_sum is None:
            self.embedding_sum = np.array(vector, dtype=np.float32)
        else:
            self.embedding_sum += vector
        self.embedding_count += count

    def _add_time(self, first: float | None, last: float | None) -> None:
        if first is not None and (self.first_time is None or first < self.first_time):
            self.first_time = first
        if last is not None and (self.last_time is None or last > self.last_time):
            self.last_time = last

    # ------------------------------------------------------------------ similarity

    def gap(self, time: float | None) -> float:
        """Seconds between ``time`` and this story's time span (0 inside it or when unknown)."""
        if time is None or self.first_time is None or self.last_time is None:
            return 0.0
        return max(0.0, self.first_time - time, time - self.last_time)

    def span_gap(self, other: OpenStory) -> float:
        """Seconds between two stories' time spans (0 when they overlap or one is undated)."""
        if None in (self.first_time, self.last_time, other.first_time, other.last_time):
            return 0.0
        assert self.first_time is not None and self.last_time is not None
        assert other.first_time is not None and other.last_time is not None
        return max(0.0, other.first_time - self.last_time, self.first_time - other.last_time)

    def linkage(self, other: OpenStory) -> float:
        """Mean dot product between the members of two stories (average linkage)."""
        product = self.space.dot(self.total, other.total)
        return product / (len(self.members) * len(other.members))

    def embedding_linkage(self, other: OpenStory) -> float | None:
        if self.embedding_sum is None or other.embedding_sum is None:
            return None
        product = row_dots(self.embedding_sum[np.newaxis], other.embedding_sum)[0]
        return float(product) / (self.embedding_count * other.embedding_count)

    # ------------------------------------------------------------------ the record

    def record(self, scheme: str) -> Story:
        """The frozen story: members in stream order, the most representative headline."""
        members = sorted(self.members, key=MemberRecord.order)
        ids = tuple(m.article_id for m in members)
        stored = self.stored
        all_ids = ids if stored is None else _merge_ids(stored.article_ids, ids)
        published = [m.published for m in members if m.published is not None]
        first, last = (min(published), max(published)) if published else (None, None)
        if stored is not None:
            first = _earliest(stored.first_seen, first)
            last = _latest(stored.last_seen, last)
        return Story(
            id=stored.id if stored is not None else group_id(STORY_ID_PREFIX, all_ids),
            title=self.title() or (stored.title if stored is not None else ""),
            article_ids=all_ids,
            first_seen=first,
            last_seen=last,
            scheme=scheme,
        )

    def title(self) -> str:
        """Headline of the member most like the story as a whole (by its heaviest terms)."""
        scores = self._title_scores()
        best: tuple[float, tuple[float, int, str]] | None = None
        best_title = ""
        for member, raw in zip(self.members, scores.tolist(), strict=True):
            if not member.title:
                continue
            # Rounded so that float noise from summing in another order cannot flip the choice.
            score = round(raw, 9)
            order = member.order()
            if best is None or score > best[0] or (score == best[0] and order < best[1]):
                best, best_title = (score, order), member.title
        return best_title[:TITLE_CHARS]

    def _title_scores(self) -> np.ndarray:
        """Dot product of each member's title terms with the story's sum, in one pass."""
        terms = [m.title_terms for m in self.members]
        if not terms:
            return np.zeros(0, dtype=np.float64)
        ids = np.concatenate([t.ids for t in terms])
        weights = np.concatenate([t.weights for t in terms])
        owner = np.repeat(np.arange(len(terms)), [len(t) for t in terms])
        products = self.space.weights_of(self.total, ids) * weights
        return grouped_sums(owner, products, len(terms))


def _merge_ids(stored: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    seen = set(stored)
    return stored + tuple(i for i in new if i not in seen)


def _earliest(a: datetime | None, b: datetime | None) -> datetime | None:
    return b if a is None else a if b is None else min(a, b)


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    return b if a is None else a if b is None else max(a, b)

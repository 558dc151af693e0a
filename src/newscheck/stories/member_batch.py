"""Weighed articles packed into a few arrays, to hand from a weighing process to a clusterer.

A :class:`Member` pickled one by one costs its arrays' and dataclass's overhead each time, and
every object it unpickles into is work for the receiver's garbage collector. A
:class:`MemberBatch` holds a batch's key ids and weights in two flat arrays with offsets, so it
pickles as a handful of buffers whatever its size; :meth:`MemberBatch.members` gives the members
back as views into them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from newscheck.stories.keyspace import IdVector
from newscheck.stories.open_story import Member

_PARTS = 3
"""Vectors per member, in this order: vector, title terms, retrieval keys."""


@dataclass(frozen=True, slots=True)
class MemberBatch:
    """Members in packed form (build with :meth:`pack`)."""

    article_ids: list[str]
    titles: list[str]
    published: list[datetime | None]
    seqs: list[int]
    ids: np.ndarray
    """Key ids of every member's parts, one after another (int64)."""
    weights: np.ndarray
    """Their weights (float64)."""
    bounds: np.ndarray
    """Offsets into ``ids``: part ``p`` of member ``i`` is ``bounds[3i + p]`` up to
    ``bounds[3i + p + 1]``."""
    embeddings: np.ndarray | None
    """One row per member (float32), or None when no member has one."""
    embedded: np.ndarray | None
    """Which rows of ``embeddings`` are real (the others are zeros for members without one)."""

    def __len__(self) -> int:
        return len(self.article_ids)

    @classmethod
    def pack(cls, members: Sequence[Member]) -> MemberBatch:
        parts = [v for m in members for v in (m.vector, m.title_terms, m.retrieval)]
        bounds = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum([len(v) for v in parts], out=bounds[1:])
        empty = np.zeros(0)
        embedded = [m.embedding is not None for m in members]
        embeddings = None
        if any(embedded):
            width = next(len(m.embedding) for m in members if m.embedding is not None)
            embeddings = np.zeros((len(members), width), dtype=np.float32)
            for row, member in enumerate(members):
                if member.embedding is not None:
                    embeddings[row] = member.embedding
        return cls(
            article_ids=[m.article_id for m in members],
            titles=[m.title for m in members],
            published=[m.published for m in members],
            seqs=[m.seq for m in members],
            ids=np.concatenate([v.ids for v in parts] or [empty]).astype(np.int64, copy=False),
            weights=np.concatenate([v.weights for v in parts] or [empty]),
            bounds=bounds,
            embeddings=embeddings,
            embedded=np.array(embedded, dtype=bool) if embeddings is not None else None,
        )

    def members(self) -> Iterator[Member]:
        """The members, in order (their vectors are views into this batch's arrays, except the
        title terms, which a story keeps: those are copies, so a kept member does not hold the
        whole batch in memory)."""
        ids, weights = self.ids, self.weights
        bounds = self.bounds.tolist()
        for i, article_id in enumerate(self.article_ids):
            at = bounds[_PARTS * i : _PARTS * i + _PARTS + 1]
            embedding = None
            if self.embeddings is not None and self.embedded is not None and self.embedded[i]:
                embedding = self.embeddings[i]
            yield Member(
                article_id=article_id,
                title=self.titles[i],
                published=self.published[i],
                seq=self.seqs[i],
                embedding=embedding,
                vector=IdVector(ids[at[0] : at[1]], weights[at[0] : at[1]]),
                title_terms=IdVector(ids[at[1] : at[2]].copy(), weights[at[1] : at[2]].copy()),
                retrieval=IdVector(ids[at[2] : at[3]], weights[at[2] : at[3]]),
            )

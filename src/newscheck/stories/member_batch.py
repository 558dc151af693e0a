"""Weighed articles packed into a few arrays, to hand from a weighing process to a clusterer.

A :class:`Member` pickled one by one costs its arrays' and dataclass's overhead each time, and
every object it unpickles into is work for the receiver's garbage collector. A
:class:`MemberBatch` holds each of a batch's vectors in one :class:`Ragged` array, so it pickles
as a handful of buffers whatever its size; :meth:`MemberBatch.members` gives the members back as
views into them. :meth:`~newscheck.stories.weigher.Weigher.many` weighs straight into one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from newscheck.stories.keyspace import IdVector
from newscheck.stories.open_story import Member


@dataclass(frozen=True, slots=True)
class Ragged:
    """One sparse vector per member, end to end: member ``i``'s is ``ids[bounds[i]:bounds[i+1]]``
    with the same slice of ``weights``."""

    ids: np.ndarray
    weights: np.ndarray
    bounds: np.ndarray

    @classmethod
    def of(cls, vectors: Sequence[IdVector]) -> Ragged:
        bounds = np.zeros(len(vectors) + 1, dtype=np.int64)
        np.cumsum([len(v) for v in vectors], out=bounds[1:])
        if not vectors:
            return cls(np.zeros(0, dtype=np.int64), np.zeros(0), bounds)
        return cls(
            np.concatenate([v.ids for v in vectors]).astype(np.int64, copy=False),
            np.concatenate([v.weights for v in vectors]).astype(np.float64, copy=False),
            bounds,
        )

    @classmethod
    def grouped(
        cls, owners: np.ndarray, ids: np.ndarray, weights: np.ndarray, count: int
    ) -> Ragged:
        """Entries already grouped by owner (ascending, 0 to ``count - 1``)."""
        bounds = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(owners, minlength=count), out=bounds[1:])
        return cls(ids, weights, bounds)


@dataclass(frozen=True, slots=True)
class MemberBatch:
    """Members in packed form (build with :meth:`pack` or by ``Weigher.many``)."""

    article_ids: list[str]
    titles: list[str]
    published: list[datetime | None]
    seqs: list[int]
    vectors: Ragged
    title_terms: Ragged
    retrieval: Ragged
    embeddings: np.ndarray | None
    """One row per member, or None when no member has one."""
    embedded: np.ndarray | None
    """Which rows of ``embeddings`` are real (the others are zeros for members without one)."""

    def __len__(self) -> int:
        return len(self.article_ids)

    @classmethod
    def pack(cls, members: Sequence[Member]) -> MemberBatch:
        embeddings = [m.embedding for m in members]
        stacked, embedded = stack_embeddings(embeddings)
        return cls(
            article_ids=[m.article_id for m in members],
            titles=[m.title for m in members],
            published=[m.published for m in members],
            seqs=[m.seq for m in members],
            vectors=Ragged.of([m.vector for m in members]),
            title_terms=Ragged.of([m.title_terms for m in members]),
            retrieval=Ragged.of([m.retrieval for m in members]),
            embeddings=stacked,
            embedded=embedded,
        )

    def members(self) -> Iterator[Member]:
        """The members, in order (their vectors are views into this batch's arrays, except the
        title terms, which a story keeps: those are copies, so a kept member does not hold the
        whole batch in memory)."""
        vectors, titles, retrieval = self.vectors, self.title_terms, self.retrieval
        vector_at, title_at = vectors.bounds.tolist(), titles.bounds.tolist()
        retrieval_at = retrieval.bounds.tolist()
        embedded = self.embedded.tolist() if self.embedded is not None else None
        for i, article_id in enumerate(self.article_ids):
            v0, v1 = vector_at[i], vector_at[i + 1]
            t0, t1 = title_at[i], title_at[i + 1]
            r0, r1 = retrieval_at[i], retrieval_at[i + 1]
            embedding = None
            if embedded is not None and embedded[i] and self.embeddings is not None:
                embedding = self.embeddings[i]
            yield Member(
                article_id=article_id,
                title=self.titles[i],
                published=self.published[i],
                seq=self.seqs[i],
                embedding=embedding,
                vector=IdVector(vectors.ids[v0:v1], vectors.weights[v0:v1]),
                title_terms=IdVector(titles.ids[t0:t1].copy(), titles.weights[t0:t1].copy()),
                retrieval=IdVector(retrieval.ids[r0:r1], retrieval.weights[r0:r1]),
            )


def stack_embeddings(
    embeddings: Sequence[np.ndarray | None],
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """The embeddings as rows of one matrix (of their dtype; zeros where there is none) and
    which rows are real; (None, None) when there are none."""
    embedded = [e is not None for e in embeddings]
    first = next((e for e in embeddings if e is not None), None)
    if first is None:
        return None, None
    dtype = np.result_type(*(e.dtype for e in embeddings if e is not None))
    stacked = np.zeros((len(embeddings), len(first)), dtype=dtype)
    for row, embedding in enumerate(embeddings):
        if embedding is not None:
            stacked[row] = embedding
    return stacked, np.array(embedded, dtype=bool)

"""Sparse vectors over interned keys, with their arithmetic done by numpy through a dense scratch.

The clusterer keeps each open story's running sum as two arrays (key ids, weights) instead of a
str -> float dict, so that scoring an article against several stories, or adding an article to a
story, is a handful of numpy calls whatever the number of keys. Every sum is accumulated
sequentially in a fixed order (``np.bincount``, elementwise adds), never by BLAS, whose order
depends on the CPU: scores are the same on every machine.

Ids are dense integers, so the vocabulary grows with the keys seen; :meth:`KeySpace.compact`
renumbers the keys still in use, which keeps it bounded by what the open stories hold.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat

import numpy as np

UNKNOWN = 0
"""Id of every key not in the vocabulary; its scratch cell stays 0, so it weighs nothing."""


@dataclass(frozen=True, slots=True)
class IdVector:
    """A sparse vector: distinct key ids (int64) and their non-zero weights (float64)."""

    ids: np.ndarray
    weights: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


_ROW_NUMBERS = np.arange(64)
"""Row numbers for the owner array of :meth:`KeySpace.dots` (more rows take ``np.arange``)."""

EMPTY = IdVector(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


class KeySpace:
    """Interns keys (any hashable: the clusterer's are :class:`~newscheck.stories.vocabulary.
    KeyVocabulary` ids) to dense ids and does sparse arithmetic in one dense scratch row.

    The scratch row is all zeros between calls; each operation writes the few cells it needs and
    clears them again, so its cost follows the vectors' lengths, not the vocabulary's."""

    __slots__ = ("_ids", "_keys", "_scratch")

    def __init__(self) -> None:
        self._ids: dict[Hashable, int] = {}
        self._keys: list[Hashable] = [None]  # id -> key; id 0 is UNKNOWN
        self._scratch = np.zeros(1024, dtype=np.float64)

    def __len__(self) -> int:
        """Keys interned."""
        return len(self._ids)

    # ------------------------------------------------------------------ ids

    def vector(self, sparse: Mapping[Hashable, float]) -> IdVector:
        """``sparse`` as an :class:`IdVector`, interning its new keys (zero weights dropped)."""
        weights = np.fromiter(sparse.values(), dtype=np.float64, count=len(sparse))
        return self.translate(list(sparse), weights)

    def translate(self, keys: Sequence[Hashable], weights: np.ndarray) -> IdVector:
        """Distinct ``keys`` with their ``weights`` as an :class:`IdVector` of this space,
        interning the new keys in order (zero weights dropped)."""
        n = len(keys)
        ids = np.fromiter(map(self._ids.get, keys, repeat(UNKNOWN)), dtype=np.int64, count=n)
        if np.count_nonzero(ids) < n:  # (cheaper than ids.all())
            for i in np.flatnonzero(ids == UNKNOWN).tolist():
                ids[i] = self._intern(keys[i])
        if np.count_nonzero(weights) < n:  # a channel weighed 0
            keep = weights != 0.0
            ids, weights = ids[keep], weights[keep]
        return IdVector(ids, weights)

    def lookup(self, keys: Iterable[Hashable]) -> np.ndarray:
        """Ids of ``keys`` without interning them (``UNKNOWN`` for keys not in the vocabulary)."""
        return np.fromiter(map(self._ids.get, keys, repeat(UNKNOWN)), dtype=np.int64)

    def _intern(self, key: Hashable) -> int:
        new = len(self._keys)
        self._ids[key] = new
        self._keys.append(key)
        if new >= len(self._scratch):
            grown = np.zeros(2 * len(self._scratch), dtype=np.float64)
            self._scratch = grown  # all zeros between calls: nothing to copy
        return new

    def compact(self, vectors: Sequence[IdVector]) -> list[IdVector]:
        """Forget every key that none of ``vectors`` holds and renumber the rest (in their old
        order, so ties broken by id stay as they were); returns ``vectors`` renumbered. Every
        vector still in use must be passed: the ids of any other become meaningless."""
        used = np.zeros(len(self._keys), dtype=bool)
        for v in vectors:
            used[v.ids] = True
        used[UNKNOWN] = True
        kept = np.flatnonzero(used)
        renumber = np.zeros(len(self._keys), dtype=np.int64)
        renumber[kept] = np.arange(len(kept), dtype=np.int64)
        keys = self._keys
        self._keys = [keys[i] for i in kept.tolist()]
        self._ids = {key: i for i, key in enumerate(self._keys) if i != UNKNOWN}
        self._scratch = np.zeros(max(1024, 2 * len(self._keys)), dtype=np.float64)
        return [IdVector(renumber[v.ids], v.weights) for v in vectors]

    # ------------------------------------------------------------------ arithmetic

    def dots(self, query: IdVector, rows: Sequence[IdVector]) -> np.ndarray:
        """Dot product of ``query`` with each of ``rows`` (float64, one per row)."""
        if not rows:
            return np.zeros(0, dtype=np.float64)
        scratch = self._scratch
        scratch[query.ids] = query.weights
        try:
            ids = np.concatenate([r.ids for r in rows])
            weights = np.concatenate([r.weights for r in rows])
            count = len(rows)
            numbers = _ROW_NUMBERS[:count] if count <= len(_ROW_NUMBERS) else np.arange(count)
            owner = np.repeat(numbers, [len(r.ids) for r in rows])
            products = scratch[ids] * weights
        finally:
            scratch[query.ids] = 0.0
        return grouped_sums(owner, products, len(rows))

    def dot(self, a: IdVector, b: IdVector) -> float:
        return float(self.dots(a, [b])[0])

    def add(self, a: IdVector, b: IdVector) -> IdVector:
        """``a + b``: a's keys first in their order, then b's new ones in theirs; each shared
        weight is ``a + b`` exactly as a dict update would add it."""
        scratch = self._scratch
        scratch[a.ids] = a.weights
        try:
            fresh = b.ids[scratch[b.ids] == 0.0]
            scratch[b.ids] += b.weights  # ids are distinct: no lost updates
            ids = np.concatenate((a.ids, fresh))
            weights = scratch[ids]
        finally:
            scratch[a.ids] = 0.0
            scratch[b.ids] = 0.0
        if not weights.all():  # a weight cancelled out (only possible with negative weights)
            keep = weights != 0.0
            ids, weights = ids[keep], weights[keep]
        return IdVector(ids, weights)

    def weights_of(self, vector: IdVector, ids: np.ndarray) -> np.ndarray:
        """The weights ``vector`` gives to ``ids`` (0 for ids it does not hold)."""
        scratch = self._scratch
        scratch[vector.ids] = vector.weights
        try:
            found: np.ndarray = scratch[ids]
            return found
        finally:
            scratch[vector.ids] = 0.0


def heaviest(vector: IdVector, count: int) -> IdVector:
    """The ``count`` heaviest entries, heaviest first (ties by id, so the cut is deterministic)."""
    if len(vector) <= count:
        return vector
    order = np.lexsort((vector.ids, -vector.weights))[:count]
    return IdVector(vector.ids[order], vector.weights[order])


def grouped_sums(owner: np.ndarray, values: np.ndarray, groups: int) -> np.ndarray:
    """Sum of ``values`` per ``owner`` index, each added sequentially in array order (the same
    result on every machine, unlike BLAS or pairwise reductions)."""
    return np.bincount(owner, weights=values, minlength=groups)


def row_dots(rows: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """Dot product of each row of ``rows`` with ``vector``, summed sequentially in float64 (not
    by BLAS, whose summation order, and so the last bits, depend on the CPU)."""
    count, width = rows.shape
    products = (rows * vector).ravel()
    return grouped_sums(np.repeat(np.arange(count), width), products, count)

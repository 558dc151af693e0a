"""Sparse vectors over integer key ids, with their arithmetic done by numpy through a dense scratch.

The clusterer keeps each open story's running sum as two arrays (key ids, weights) instead of a
dict, so that scoring an article against several stories, or adding an article to a story, is a
handful of numpy calls whatever the number of keys. Every sum is accumulated sequentially in a
fixed order (``np.bincount``, elementwise adds), never by BLAS, whose order depends on the CPU:
scores are the same on every machine.

Key ids index the scratch row directly: they are the members' key ids
(:func:`~newscheck.stories.weigher.member_key_ids`), small integers because they come from the
document frequencies' slots, whose number is bounded (``max_keys``); so is the row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


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
    """Sparse arithmetic in one dense scratch row with a cell per key id.

    The scratch row is all zeros between calls; each operation writes the few cells it needs and
    clears them again, so its cost follows the vectors' lengths, not the row's."""

    __slots__ = ("_scratch",)

    def __init__(self) -> None:
        self._scratch = np.zeros(1024, dtype=np.float64)

    @property
    def size(self) -> int:
        """Cells in the scratch row (one more than the largest id it can take now)."""
        return len(self._scratch)

    def fit(self, vector: IdVector) -> IdVector:
        """``vector``, after making room for its ids (call it on each vector from outside)."""
        if len(vector.ids) and vector.ids.max() >= len(self._scratch):
            size = len(self._scratch)
            while size <= vector.ids.max():
                size *= 2
            self._scratch = np.zeros(size, dtype=np.float64)  # all zeros between calls
        return vector

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

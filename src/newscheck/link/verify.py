"""Exact verification of candidate pairs on their shingle sets.

LSH only proposes; a pair is reported when its exact Jaccard similarity or containment (the share
of one text's shingles found in the other) clears a threshold. Sets are sorted distinct uint64
arrays, so an intersection is one binary search per element of the smaller set.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from newscheck.link.lsh import PairArray
from newscheck.link.tokens import UInt64Array


@dataclass(frozen=True, slots=True)
class Overlap:
    """Shingle overlap of texts ``a`` and ``b`` (indexes into the verified collection)."""

    a: int
    b: int
    shared: int
    size_a: int
    size_b: int

    @property
    def jaccard(self) -> float:
        union = self.size_a + self.size_b - self.shared
        return self.shared / union if union else 0.0

    @property
    def containment_a(self) -> float:
        """Share of ``a``'s shingles found in ``b``."""
        return self.shared / self.size_a if self.size_a else 0.0

    @property
    def containment_b(self) -> float:
        return self.shared / self.size_b if self.size_b else 0.0

    @property
    def containment(self) -> float:
        """The larger containment: how much of the smaller text the other holds."""
        return max(self.containment_a, self.containment_b)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """When a verified pair counts as a copy match."""

    jaccard: float = 0.25
    containment: float = 0.5

    def accept(self, overlap: Overlap) -> bool:
        return overlap.jaccard >= self.jaccard or overlap.containment >= self.containment


def intersection_size(a: UInt64Array, b: UInt64Array) -> int:
    """Number of common elements of two sorted distinct arrays."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 0:
        return 0
    at = np.searchsorted(b, a)
    at[at == len(b)] = 0
    return int(np.count_nonzero(b[at] == a))


def overlap(a: int, b: int, set_a: UInt64Array, set_b: UInt64Array) -> Overlap:
    return Overlap(a, b, intersection_size(set_a, set_b), len(set_a), len(set_b))


def verify_pairs(
    pairs: PairArray,
    shingle_set: Callable[[int], UInt64Array] | Sequence[UInt64Array],
    thresholds: Thresholds | None = None,
) -> list[Overlap]:
    """The candidate pairs that clear the thresholds on their exact shingle sets."""
    thresholds = thresholds or Thresholds()
    get = shingle_set.__getitem__ if isinstance(shingle_set, Sequence) else shingle_set
    accepted: list[Overlap] = []
    for a, b in pairs.tolist():
        found = overlap(a, b, get(a), get(b))
        if thresholds.accept(found):
            accepted.append(found)
    return accepted

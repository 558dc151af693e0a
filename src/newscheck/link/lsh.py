"""Locality-sensitive hashing: signature bands as keys; texts sharing a key are candidates.

A signature of ``bands * rows`` bins is cut into ``bands`` bands of ``rows`` bins; each band is
hashed to one 64-bit key. Two texts with Jaccard similarity ``J`` share at least one key with
probability ``1 - (1 - J**rows) ** bands``. Candidate pairs come from sorting each band's keys, so
the cost grows as ``n log n`` with a tiny constant and no Python object per text. Every candidate
must still be verified on the exact shingle sets (:mod:`newscheck.link.verify`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newscheck.link.minhash import EMPTY, UInt32Matrix
from newscheck.link.tokens import U64, IntArray, fmix64

UInt64Matrix = npt.NDArray[np.uint64]
PairArray = npt.NDArray[np.int64]
"""Candidate pairs, shape ``(n, 2)``, first index smaller, rows sorted and distinct."""

_ROW_LANES = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xA0761D6478BD642F,
        0xE7037ED1A0B428DB,
        0x8EBC6AF09C88C6E3,
    ],
    dtype=np.uint64,
)


@dataclass(frozen=True, slots=True)
class Banding:
    """``bands`` keys of ``rows`` bins each (uses the first ``bands * rows`` bins). The default
    (48 x 2 of 96 bins) makes a pair with Jaccard 0.3 a candidate 99% of the time, 0.1 38%, 0.02
    2%: every candidate is verified exactly, and verification is cheap next to hashing."""

    bands: int = 48
    rows: int = 2
    max_bucket: int = 50
    """In a bucket larger than this, each text is paired only with its ``max_bucket`` neighbours
    in index order: the bucket stays connected without a quadratic number of pairs."""

    def __post_init__(self) -> None:
        if not 1 <= self.rows <= len(_ROW_LANES):
            raise ValueError(f"rows must be 1..{len(_ROW_LANES)}, not {self.rows}")
        if self.bands < 1 or self.max_bucket < 2:
            raise ValueError("need at least one band and buckets of at least two")

    @property
    def name(self) -> str:
        return f"lsh.b{self.bands}r{self.rows}.xmix64.v1"

    def probability(self, jaccard: float) -> float:
        """Chance that two texts of this Jaccard similarity become a candidate pair."""
        return float(1.0 - (1.0 - jaccard**self.rows) ** self.bands)


def band_keys(signatures: UInt32Matrix, banding: Banding) -> UInt64Matrix:
    """One uint64 key per band and text, shape ``(texts, bands)``; empty texts get key 0."""
    needed = banding.bands * banding.rows
    if signatures.shape[1] < needed:
        raise ValueError(f"signatures have {signatures.shape[1]} bins, banding needs {needed}")
    cells = signatures[:, :needed].astype(np.uint64).reshape(-1, banding.bands, banding.rows)
    mixed = cells[:, :, 0] * _ROW_LANES[0]
    for row in range(1, banding.rows):
        mixed += cells[:, :, row] * _ROW_LANES[row]
    keys = fmix64(mixed) | U64(1)  # 0 is reserved for "no key"
    keys[(signatures == EMPTY).all(axis=1)] = 0
    return keys


def _grouped(keys: npt.NDArray[np.uint64]) -> tuple[IntArray, npt.NDArray[np.uint64]]:
    """Text indexes ordered by key, and within one key by index (the same on every platform:
    a fast unstable sort, then only the few texts that share a key are put in index order)."""
    order = np.argsort(keys)
    ordered = keys[order]
    same = ordered[1:] == ordered[:-1]
    shared = np.zeros(len(keys), dtype=np.bool_)
    shared[1:] |= same
    shared[:-1] |= same
    at = np.flatnonzero(shared)
    if len(at):
        members = order[at]
        order[at] = members[np.lexsort((members, ordered[at]))]
    return order, ordered


def _band_pairs(keys: npt.NDArray[np.uint64], max_bucket: int) -> list[IntArray]:
    order, ordered = _grouped(keys)
    live = ordered != 0
    found: list[IntArray] = []
    for step in range(1, max_bucket + 1):
        same = (ordered[:-step] == ordered[step:]) & live[step:]
        if not same.any():
            break
        first = order[:-step][same]
        second = order[step:][same]
        found.append(np.minimum(first, second) << 32 | np.maximum(first, second))
    return found


def candidate_pairs(keys: UInt64Matrix, banding: Banding) -> PairArray:
    """Pairs of texts that share at least one band key."""
    if len(keys) >= 1 << 31:
        raise ValueError("at most 2**31 texts per index")
    found: list[IntArray] = []
    for band in range(keys.shape[1]):
        found.extend(_band_pairs(keys[:, band], banding.max_bucket))
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    packed = np.unique(np.concatenate(found))
    return np.stack([packed >> 32, packed & 0xFFFFFFFF], axis=1)

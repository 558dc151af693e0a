"""MinHash signatures by one-permutation hashing, vectorised over a batch of texts.

Classic MinHash applies ``K`` hash functions to every shingle (``K`` multiplications each). One
permutation hashing (Li, Owen and Zhang, 2012) hashes every shingle once: the top bits of the
(already well mixed) 64-bit shingle hash pick one of ``K`` bins, the next 32 bits are the value, and
each bin keeps its minimum. Two texts agree in a bin with probability close to their Jaccard
similarity, as with ``K`` independent permutations, at ``1/K`` of the cost. Bins a short text
leaves empty borrow the value of the next non-empty bin to the right, shifted by the distance
(rotation densification, Shrivastava and Li, 2014), so every bin of a non-empty text has a value.

Signature layout (versioned by :data:`MinHashScheme.name`): one row of ``K`` little-endian uint32
per text; an empty text has all bins ``EMPTY`` and is never a candidate.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newscheck.link.shingles import ShingleBatch

UInt32Matrix = npt.NDArray[np.uint32]

EMPTY = np.uint32(0xFFFFFFFF)
_ROTATION_STEP = np.uint32(0x9E3779B9)


@dataclass(frozen=True, slots=True)
class MinHashScheme:
    """How signatures are made; ``name`` is stored with every signature and band key."""

    bins: int = 96

    def __post_init__(self) -> None:
        if not 1 <= self.bins <= 4096:
            raise ValueError(f"bins must be 1..4096, not {self.bins}")

    @property
    def name(self) -> str:
        return f"minhash.oph{self.bins}.rotdense.u32.v1"


def bin_and_value(
    hashes: npt.NDArray[np.uint64], bins: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint32]]:
    """The bin (multiply-shift of the top 32 bits) and 32-bit value of each shingle hash."""
    top = hashes >> np.uint64(32)
    bin_index = ((top * np.uint64(bins)) >> np.uint64(32)).astype(np.int64)
    value = (hashes & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return bin_index, value


def signatures(batch: ShingleBatch, scheme: MinHashScheme | None = None) -> UInt32Matrix:
    """One signature row per text of the batch."""
    scheme = scheme or MinHashScheme()
    bins = scheme.bins
    texts = len(batch)
    flat = np.full(texts * bins, EMPTY, dtype=np.uint32)
    bin_index, value = bin_and_value(batch.hashes, bins)
    slot = batch.owners() * bins + bin_index
    np.minimum.at(flat, slot, value)
    table = flat.reshape(texts, bins)
    return densify(table, filled_bins(batch, bins, slot))


def filled_bins(
    batch: ShingleBatch, bins: int, slot: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]:
    """Which bins of each text received at least one shingle."""
    filled = np.zeros(len(batch) * bins, dtype=np.bool_)
    filled[slot] = True
    return filled.reshape(len(batch), bins)


def densify(table: UInt32Matrix, filled: npt.NDArray[np.bool_]) -> UInt32Matrix:
    """Fill each empty bin from the next filled bin to its right (circularly), shifted by the
    distance so two empty bins of one text do not repeat one value."""
    if filled.all():
        return table
    texts, bins = table.shape
    doubled = np.concatenate([filled, filled], axis=1)
    positions = np.where(doubled, np.arange(2 * bins), 2 * bins)
    nearest = np.minimum.accumulate(positions[:, ::-1], axis=1)[:, ::-1][:, :bins]
    has_any = filled.any(axis=1)
    nearest[~has_any] = np.arange(bins)  # an empty text stays EMPTY
    distance = (nearest - np.arange(bins)).astype(np.uint32)
    source = np.take_along_axis(table, nearest % bins, axis=1)
    dense = source + distance * _ROTATION_STEP
    dense[~has_any] = EMPTY
    return dense

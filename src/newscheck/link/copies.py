"""The copy-detection path: shingles -> MinHash signatures -> LSH bands -> exact verification.

:class:`CopyIndex` takes texts in batches and keeps only one band key row per text (``bands``
uint64), so a million texts fit in a few hundred MiB. Verification needs each candidate's exact
shingle set; :func:`find_copies` keeps the sets of an in-memory collection, while a streaming caller
re-reads the texts of the candidates (see ``bench/link_copies.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from newscheck.link.lsh import Banding, PairArray, UInt64Matrix, band_keys, candidate_pairs
from newscheck.link.minhash import MinHashScheme, signatures
from newscheck.link.shingles import DEFAULT_WORDS, ShingleBatch, shingle_scheme, shingles
from newscheck.link.tokens import UInt64Array
from newscheck.link.verify import Overlap, Thresholds, verify_pairs


@dataclass(frozen=True, slots=True)
class CopyParams:
    """Every setting of the copy-detection path; ``name`` versions what it produces."""

    words: int = DEFAULT_WORDS
    minhash: MinHashScheme = field(default_factory=MinHashScheme)
    banding: Banding = field(default_factory=Banding)
    thresholds: Thresholds = field(default_factory=Thresholds)

    @property
    def name(self) -> str:
        return f"{shingle_scheme(self.words)}+{self.minhash.name}+{self.banding.name}"


def batch_band_keys(texts: Sequence[str], params: CopyParams) -> tuple[UInt64Matrix, ShingleBatch]:
    """Band keys of a batch of texts, and their shingles (for callers that keep the sets)."""
    batch = shingles(texts, params.words)
    return band_keys(signatures(batch, params.minhash), params.banding), batch


class CopyIndex:
    """Band keys of every text added so far; candidate pairs among all of them."""

    def __init__(self, params: CopyParams | None = None) -> None:
        self.params = params or CopyParams()
        self._chunks: list[UInt64Matrix] = []
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, texts: Sequence[str]) -> ShingleBatch:
        """Index a batch; texts get the next indexes in order. Returns the batch's shingles."""
        keys, batch = batch_band_keys(texts, self.params)
        self.add_keys(keys)
        return batch

    def add_keys(self, keys: UInt64Matrix) -> None:
        """Index band keys computed elsewhere (for example by worker processes)."""
        if keys.shape[1] != self.params.banding.bands:
            raise ValueError("band keys were made with another banding")
        self._chunks.append(np.ascontiguousarray(keys))
        self._size += len(keys)

    def keys(self) -> UInt64Matrix:
        if len(self._chunks) > 1:
            self._chunks = [np.concatenate(self._chunks)]
        if not self._chunks:
            return np.empty((0, self.params.banding.bands), dtype=np.uint64)
        return self._chunks[0]

    def candidates(self) -> PairArray:
        """Unverified candidate pairs (index pairs, first smaller)."""
        return candidate_pairs(self.keys(), self.params.banding)

    def verify(
        self, pairs: PairArray, shingle_set: Callable[[int], UInt64Array] | Sequence[UInt64Array]
    ) -> list[Overlap]:
        return verify_pairs(pairs, shingle_set, self.params.thresholds)


def find_copies(texts: Sequence[str], params: CopyParams | None = None) -> list[Overlap]:
    """Verified copy matches among texts held in memory."""
    index = CopyIndex(params)
    batch = index.add(texts)
    return index.verify(index.candidates(), batch.sets())

"""Index keys from an embedding (random-hyperplane LSH), so that articles which share no words
but mean the same (a paraphrase, another language) still find each other's stories."""

from __future__ import annotations

import numpy as np

BUCKETS_SCHEME = "buckets.hyperplane-8x6.seed17.v1"


class EmbeddingBuckets:
    """``tables`` hashes of ``bits`` random hyperplanes each: two unit vectors at cosine ``c``
    share a table's bucket with probability ``(1 - acos(c) / pi) ** bits`` (cos 0.8: 0.25 per
    table, 0.9 for any of eight). Fixed seed: the same keys in every run and process."""

    __slots__ = ("_planes", "bits", "dimensions", "tables")

    def __init__(self, dimensions: int, *, tables: int = 8, bits: int = 6, seed: int = 17) -> None:
        self.dimensions = dimensions
        self.tables = tables
        self.bits = bits
        rng = np.random.default_rng(seed)
        self._planes = rng.standard_normal((tables * bits, dimensions)).astype(np.float32)

    def codes(self, vector: np.ndarray) -> np.ndarray:
        """The bucket of each table (int64): ``table << bits | code``, the code being the
        table's bits read as a binary number, first plane highest. Distinct across tables."""
        signs = ((self._planes @ vector) > 0).reshape(self.tables, self.bits)
        codes = signs.astype(np.int64) @ (1 << np.arange(self.bits - 1, -1, -1, dtype=np.int64))
        tables: np.ndarray = np.arange(self.tables, dtype=np.int64) << self.bits
        coded: np.ndarray = tables | codes
        return coded

"""Term weights from the stream itself: document frequencies counted as articles arrive, with a
prior so that the first articles of a small batch are weighed sensibly, and a bound on memory."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from itertools import repeat
from math import fsum, log, sqrt
from operator import itemgetter, mul

import numpy as np

WEIGHTING_SCHEME = "tfidf.stream-df.prior20.v1"

SparseVector = dict[str, float]
_TABLE = 4096
_LOGS = [0.0] + [log(i) for i in range(1, _TABLE)]
"""log(i) looked up: counts and frequencies are small integers, and log is the hot spot."""
_ARRAY_TABLE = 1 << 16
_LOG_ARRAY = np.array([0.0] + [log(i) for i in range(1, _ARRAY_TABLE)])
"""The same logarithms (math.log's, so both paths give the same bits) for the numpy path."""
_TF_ARRAY = 1.0 + _LOG_ARRAY
_NUMPY_FROM = 24
"""Channels with at least this many keys are weighed with numpy (below, Python is faster)."""
_NO_WEIGHTS = np.zeros(0, dtype=np.float64)
_NO_WEIGHTS.flags.writeable = False


class DocumentFrequencies:
    """How many of the articles seen so far contain each key.

    ``idf = log((n + prior) / (df + 1))``: with few articles seen every key weighs about the same
    (``prior`` pretend articles that contain none of them), as the stream grows the observed
    frequencies take over. Memory is bounded by ``max_keys``: when it is passed, keys seen in a
    single article are forgotten (they then count as unseen, which is what they nearly are).
    """

    __slots__ = ("_df", "documents", "max_keys", "prior")

    def __init__(self, *, prior: float = 20.0, max_keys: int = 2_000_000) -> None:
        self._df: Counter[str] = Counter()
        self.documents = 0
        self.prior = prior
        self.max_keys = max_keys

    def __len__(self) -> int:
        return len(self._df)

    def add(self, keys: Iterable[str]) -> None:
        """Count one article containing ``keys`` (each distinct key once)."""
        self._df.update(keys)  # counted in C
        self.documents += 1
        if len(self._df) > self.max_keys:
            self._forget_rare()

    def idf(self, key: str) -> float:
        return log((self.documents + self.prior) / (self._df.get(key, 0) + 1))

    def weigh(self, counts: Mapping[str, int], limit: int | None = None) -> SparseVector:
        """``(1 + log tf) * idf`` for each key, the ``limit`` heaviest kept, scaled to unit
        length (empty stays empty). Heaviest first: callers take the first few as index keys."""
        keys, weights = self.ranked(counts, limit)
        return dict(zip(keys, weights.tolist(), strict=True))

    def ranked(
        self, counts: Mapping[str, int], limit: int | None = None
    ) -> tuple[list[str], np.ndarray]:
        """:meth:`weigh` as two parallel sequences: the keys and their weights (float64)."""
        if len(counts) >= _NUMPY_FROM:
            return self._ranked_numpy(counts, limit)
        top = log(self.documents + self.prior)
        df = self._df.get
        logs = _LOGS
        vector = {
            key: (1.0 + (logs[tf] if tf < _TABLE else log(tf)))
            * (top - (logs[n] if (n := df(key, 0) + 1) < _TABLE else log(n)))
            for key, tf in counts.items()
        }
        # Sorted heaviest first; ties keep text order, so the cut is deterministic.
        ranked = sorted(vector.items(), key=itemgetter(1), reverse=True)
        if limit is not None:
            ranked = ranked[:limit]
        values = [w for _, w in ranked]
        norm = sqrt(sum(map(mul, values, values)))
        if norm == 0.0:
            return [], _NO_WEIGHTS
        scale = 1.0 / norm
        # Python floats, multiplied one by one: the same bits as numpy's elementwise product.
        kept = [(k, w * scale) for k, w in ranked if w > 0.0]
        return [k for k, _ in kept], np.array([w for _, w in kept], dtype=np.float64)

    def _ranked_numpy(
        self, counts: Mapping[str, int], limit: int | None
    ) -> tuple[list[str], np.ndarray]:
        # The same arithmetic as the Python path, element by element (table lookups of the
        # same logarithms, one multiply, a stable sort, a sequential sum of squares), so the
        # same bits: only the loop moves into numpy.
        keys = list(counts)
        n = len(keys)
        top = log(self.documents + self.prior)
        tf = np.fromiter(counts.values(), dtype=np.int64, count=n)
        seen = np.fromiter(map(self._df.get, keys, repeat(0)), dtype=np.int64, count=n) + 1
        weights = _lookup(_TF_ARRAY, tf, lambda t: 1.0 + log(t)) * (
            top - _lookup(_LOG_ARRAY, seen, log)
        )
        order = np.argsort(-weights, kind="stable")
        if limit is not None:
            order = order[:limit]
        ranked = weights[order]
        values = ranked.tolist()
        norm = sqrt(sum(map(mul, values, values)))
        if norm == 0.0:
            return [], _NO_WEIGHTS
        scaled = ranked * (1.0 / norm)
        if ranked[-1] <= 0.0:  # heaviest first: only a tail can be zero or less
            positive = ranked > 0.0
            order, scaled = order[positive], scaled[positive]
        return [keys[i] for i in order.tolist()], scaled

    def _forget_rare(self) -> None:
        floor = 1
        while len(self._df) > self.max_keys // 2:
            self._df = Counter({k: n for k, n in self._df.items() if n > floor})
            floor += 1


def _lookup(table: np.ndarray, at: np.ndarray, compute: Callable[[int], float]) -> np.ndarray:
    """``table[at]``, computing the entries past the table's end."""
    if len(at) and at.max() < len(table):
        found: np.ndarray = table[at]
        return found
    out: np.ndarray = table[np.minimum(at, len(table) - 1)]
    for i in np.flatnonzero(at >= len(table)).tolist():
        out[i] = compute(int(at[i]))
    return out


def normalized(vector: SparseVector) -> SparseVector:
    """``vector`` scaled to unit length, zero entries dropped (empty when all are zero)."""
    values = list(vector.values())
    norm = sqrt(sum(map(mul, values, values)))
    if norm == 0.0:
        return {}
    scale = 1.0 / norm
    return {k: w * scale for k, w in vector.items() if w > 0.0}


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two sparse vectors."""
    # The key intersection runs in C and is usually small: only shared keys reach Python.
    # fsum is exact, so the result does not depend on the set's (hash-seeded) order.
    common = a.keys() & b.keys()
    if not common:
        return 0.0
    return fsum(map(mul, map(a.__getitem__, common), map(b.__getitem__, common)))


def heaviest(vector: Mapping[str, float], count: int) -> SparseVector:
    """The ``count`` heaviest entries (ties by key, so the cut is deterministic)."""
    if len(vector) <= count:
        return dict(vector)
    ranked = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:count]
    return dict(ranked)

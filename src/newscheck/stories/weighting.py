"""Term weights from the stream itself: document frequencies counted as articles arrive, with a
prior so that the first articles of a small batch are weighed sensibly, and a bound on memory."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from itertools import pairwise, repeat
from math import fsum, log, sqrt
from operator import mul

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
_NO_POSITIONS = np.zeros(0, dtype=np.int64)
_NO_POSITIONS.flags.writeable = False


class DocumentFrequencies:
    """How many of the articles seen so far contain each key.

    ``idf = log((n + prior) / (df + 1))``: with few articles seen every key weighs about the same
    (``prior`` pretend articles that contain none of them), as the stream grows the observed
    frequencies take over. Memory is bounded by ``max_keys``: when it is passed, the rarest keys
    are forgotten, those not seen for longest first, until half remain (they then count as
    unseen, which is what they nearly are).

    Each key has a *slot*, a small integer: its count lives in an array, so that an article's keys
    are counted and weighed by a few numpy calls after one dictionary lookup each, and weighed
    articles name their keys by slot. A forgotten key's slot goes to a new key: a story that
    still holds the old one would then share it with articles of the new one; forgetting the
    keys not seen for longest first keeps such keys out of the stories still open.
    """

    __slots__ = ("_counts", "_free", "_last", "_next", "_slots", "documents", "max_keys", "prior")

    def __init__(self, *, prior: float = 20.0, max_keys: int = 2_000_000) -> None:
        self._slots: dict[str, int] = {}
        self._counts = np.zeros(1024, dtype=np.int64)
        """Documents containing the key of each slot; slot 0 stands for every key not met."""
        self._last = np.zeros(1024, dtype=np.int64)
        """The document number that last contained the key of each slot."""
        self._free: list[int] = []
        self._next = 1
        """The lowest slot never taken."""
        self.documents = 0
        self.prior = prior
        self.max_keys = max_keys

    def __len__(self) -> int:
        return len(self._slots)

    @property
    def slot_limit(self) -> int:
        """One more than the largest slot ever taken: what bounds the key ids of members."""
        return self._next

    # ------------------------------------------------------------------ slots and counts

    def slots(self, keys: Sequence[str]) -> np.ndarray:
        """Slots (int64) of ``keys``, giving new keys one (with a count of 0). Valid until the
        next :meth:`forget_if_full`."""
        n = len(keys)
        table = self._slots
        found = np.fromiter(map(table.get, keys, repeat(0)), dtype=np.int64, count=n)
        if np.count_nonzero(found) < n:  # (cheaper than found.all())
            for i in np.flatnonzero(found == 0).tolist():
                found[i] = self._new_slot(keys[i])
        return found

    def _new_slot(self, key: str) -> int:
        known = self._slots.get(key)  # the same new key twice in one call
        if known is not None:
            return known
        if self._free:
            slot = self._free.pop()
        else:
            slot = self._next
            self._next += 1
            if slot >= len(self._counts):
                self._counts = _grown(self._counts)
                self._last = _grown(self._last)
        self._slots[key] = slot
        return slot

    def count(self, slots: np.ndarray) -> None:
        """Count one article containing the keys at ``slots`` (distinct)."""
        self._counts[slots] += 1
        self.documents += 1
        self._last[slots] = self.documents

    def count_many(self, slots: np.ndarray, bounds: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """Count articles in order, article ``i`` containing the keys at
        ``slots[bounds[i]:bounds[i + 1]]`` (a key repeated in one article counts once). Returns
        each entry's count as of its article (that article counted) and each article's number
        of documents as of it: what one :meth:`count` per article, each followed by reading
        the counts, gives."""
        counts, last = self._counts, self._last
        frequency = np.empty(len(slots), dtype=np.int64)
        documents = self.documents
        for start, end in pairwise(bounds):
            documents += 1
            article = slots[start:end]
            # A fancy-indexed += adds once per distinct index: a repeated key counts once.
            counts[article] += 1
            last[article] = documents
            frequency[start:end] = counts[article]
        articles = len(bounds) - 1
        numbers = np.arange(self.documents + 1, self.documents + 1 + articles, dtype=np.int64)
        self.documents = documents
        return frequency, numbers

    def counts_of(self, slots: np.ndarray) -> np.ndarray:
        """The counts of the keys at ``slots`` as they are now."""
        found: np.ndarray = self._counts[slots]
        return found

    def add(self, keys: Iterable[str]) -> None:
        """Count one article containing ``keys`` (each distinct key once)."""
        self.count(self.slots(list(set(keys))))
        self.forget_if_full()

    def forget_if_full(self) -> bool:
        """Forget the rarest keys once more than ``max_keys`` are known (their slots are freed,
        so slots taken before are stale); True if it did."""
        if len(self._slots) <= self.max_keys:
            return False
        keys = list(self._slots)
        slots = np.fromiter(self._slots.values(), dtype=np.int64, count=len(keys))
        rarest = np.lexsort((self._last[slots], self._counts[slots]))  # then least recent
        forget = rarest[: len(keys) - self.max_keys // 2]
        for i in forget.tolist():
            del self._slots[keys[i]]
        freed = slots[forget]
        self._counts[freed] = 0
        self._last[freed] = 0
        # Reused last-freed-first: the slots of the keys seen longest ago go out first.
        self._free.extend(freed[::-1].tolist())
        return True

    def idf(self, key: str) -> float:
        seen = int(self._counts[self._slots.get(key, 0)])
        return log((self.documents + self.prior) / (seen + 1))

    # ------------------------------------------------------------------ weighing

    def weigh(self, counts: Mapping[str, int], limit: int | None = None) -> SparseVector:
        """``(1 + log tf) * idf`` for each key, the ``limit`` heaviest kept, scaled to unit
        length (empty stays empty). Heaviest first: callers take the first few as index keys."""
        keys = list(counts)
        slots = np.fromiter(map(self._slots.get, keys, repeat(0)), np.int64, len(keys))
        order, weights = self.rank(slots, counts.values(), limit)
        return dict(zip([keys[i] for i in order.tolist()], weights.tolist(), strict=True))

    def rank(
        self, slots: np.ndarray, counts: Collection[int], limit: int | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`weigh` for the keys at ``slots`` occurring ``counts`` times: the positions of
        the kept keys, heaviest first, and their unit-length weights (float64)."""
        if len(counts) >= _NUMPY_FROM:
            return self._rank_numpy(slots, counts, limit)
        top = log(self.documents + self.prior)
        logs = _LOGS
        weights = [
            (1.0 + (logs[tf] if tf < _TABLE else log(tf)))
            * (top - (logs[n] if (n := seen + 1) < _TABLE else log(n)))
            for tf, seen in zip(counts, self._counts[slots].tolist(), strict=True)
        ]
        # Heaviest first; ties keep text order, so the cut is deterministic.
        order = sorted(range(len(weights)), key=weights.__getitem__, reverse=True)
        if limit is not None:
            order = order[:limit]
        values = [weights[i] for i in order]
        norm = sqrt(sum(map(mul, values, values)))
        if norm == 0.0:
            return _NO_POSITIONS, _NO_WEIGHTS
        scale = 1.0 / norm
        # Python floats, multiplied one by one: the same bits as numpy's elementwise product.
        kept = [(i, w * scale) for i, w in zip(order, values, strict=True) if w > 0.0]
        return (
            np.array([i for i, _ in kept], dtype=np.int64),
            np.array([w for _, w in kept], dtype=np.float64),
        )

    def _rank_numpy(
        self, slots: np.ndarray, counts: Collection[int], limit: int | None
    ) -> tuple[np.ndarray, np.ndarray]:
        # The same arithmetic as the Python path, element by element (table lookups of the
        # same logarithms, one multiply, a stable sort, a sequential sum of squares), so the
        # same bits: only the loop moves into numpy.
        top = log(self.documents + self.prior)
        tf = np.fromiter(counts, dtype=np.int64, count=len(counts))
        seen = self._counts[slots] + 1
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
            return _NO_POSITIONS, _NO_WEIGHTS
        scaled = ranked * (1.0 / norm)
        if ranked[-1] <= 0.0:  # heaviest first: only a tail can be zero or less
            positive = ranked > 0.0
            order, scaled = order[positive], scaled[positive]
        return order, scaled


def rank_segments(
    segments: np.ndarray,
    tf: np.ndarray,
    frequency: np.ndarray,
    tops: np.ndarray,
    limits: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """:meth:`DocumentFrequencies.rank` for many channels of many articles at once.

    Entry ``j`` belongs to segment ``segments[j]`` (one channel of one article; its entries in
    text order), occurs ``tf[j]`` times and its key in ``frequency[j]`` documents; ``tops[j]``
    is ``log(documents + prior)`` as of its article (from ``math.log``), and ``limits[s]`` the
    most entries segment ``s`` keeps. Returns the positions of the kept entries, grouped by
    segment in ascending order and heaviest first within each, and their weights, each segment
    at unit length: the same bits as one :meth:`~DocumentFrequencies.rank` per segment."""
    weights = _lookup(_TF_ARRAY, tf, lambda t: 1.0 + log(t)) * (
        tops - _lookup(_LOG_ARRAY, frequency + 1, log)
    )
    order = np.lexsort((-weights, segments))  # stable: ties keep text order
    ordered = segments[order]
    if not len(order):
        return _NO_POSITIONS, _NO_WEIGHTS
    kept = ranks_within(ordered) < limits[ordered]
    order, ordered = order[kept], ordered[kept]
    ranked = weights[order]
    # bincount adds in array order, one by one: the same sums as the one-segment path.
    size = int(ordered[-1]) + 1 if len(ordered) else 0
    norms = np.sqrt(np.bincount(ordered, weights=ranked * ranked, minlength=size))
    with np.errstate(divide="ignore", invalid="ignore"):  # empty segments: dropped below
        scales = 1.0 / norms
        scaled = ranked * scales[ordered]
    positive = (ranked > 0.0) & (norms[ordered] > 0.0)
    if np.count_nonzero(positive) < len(positive):
        order, scaled = order[positive], scaled[positive]
    return order, scaled


def _starts(grouped: np.ndarray) -> np.ndarray:
    """Where each run of equal values begins in ``grouped``."""
    if not len(grouped):
        return _NO_POSITIONS
    return np.flatnonzero(np.concatenate(([True], grouped[1:] != grouped[:-1])))


def ranks_within(grouped: np.ndarray) -> np.ndarray:
    """Position of each entry within its run of equal values."""
    starts = _starts(grouped)
    lengths = np.diff(np.append(starts, len(grouped)))
    ranks: np.ndarray = np.arange(len(grouped)) - np.repeat(starts, lengths)
    return ranks


def _grown(array: np.ndarray) -> np.ndarray:
    grown = np.zeros(2 * len(array), dtype=array.dtype)
    grown[: len(array)] = array
    return grown


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

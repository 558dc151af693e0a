"""A generated corpus with planted copies and rewrites, for the copy-detection benchmark.

    python bench/link_synthetic.py [--quick]     # prints a few articles and the planted kinds

Article ``i`` is a function of ``(seed, i)`` only, so any article can be regenerated on demand
(verification re-reads candidates the way a store would). Words are drawn from a Zipf law over a
made-up vocabulary of 20,000 words, about 600 per article. One article in ten is derived from an
earlier original of the last few thousand: a ``copy`` (1% of words substituted), a ``near_copy``
(4% substituted and a tenth cut out), a ``partial`` (the first half of the origin, then new text)
or a ``rewrite`` (12% substituted, 4% deleted, 4% inserted).
"""

from __future__ import annotations

import argparse
from collections import Counter

import numpy as np

VOCABULARY = 20_000
ZIPF = 1.07
WORDS = 600
WINDOW = 5_000
"""An origin is chosen among the originals of the last ``WINDOW`` articles."""
CYCLE = 40
DERIVED = {36: "copy", 37: "near_copy", 38: "partial", 39: "rewrite"}
"""Kind of article ``i`` by ``i % CYCLE``; the others are originals."""


def _vocabulary(seed: int) -> np.ndarray:
    rng = np.random.default_rng([seed, 0xC0FFEE])
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    lengths = np.clip(rng.geometric(0.22, VOCABULARY) + 1, 2, 14)
    words = ["".join(rng.choice(letters, n)) for n in lengths]
    # Some punctuation and capitals, as in real text (word boundaries must cope with them).
    for i in rng.choice(VOCABULARY, VOCABULARY // 12, replace=False):
        words[i] = words[i] + rng.choice([",", ".", ";", ":"])
    for i in rng.choice(VOCABULARY, VOCABULARY // 15, replace=False):
        words[i] = words[i].capitalize()
    return np.array(words, dtype=object)


SAMPLING_TABLE = 1 << 16
"""Zipf sampling by table lookup: entry ``k`` is the word at quantile ``k / SAMPLING_TABLE``."""


class SyntheticCorpus:
    """``n`` articles; ``text(i)`` is deterministic in ``(seed, i)``."""

    def __init__(self, n: int, seed: int = 7) -> None:
        self.n = n
        self.seed = seed
        self.vocabulary = _vocabulary(seed)
        spaced = [w.encode("ascii") + b" " for w in self.vocabulary]
        self._flat = np.frombuffer(b"".join(spaced), dtype=np.uint8)
        self._sizes = np.array([len(w) for w in spaced], dtype=np.int64)
        self._starts = np.cumsum(self._sizes) - self._sizes
        weights = 1.0 / np.arange(1, VOCABULARY + 1) ** ZIPF
        cdf = np.cumsum(weights) / weights.sum()
        quantiles = (np.arange(SAMPLING_TABLE) + 0.5) / SAMPLING_TABLE
        self._table = np.searchsorted(cdf, quantiles).astype(np.int32)

    def kind(self, i: int) -> str:
        return DERIVED.get(i % CYCLE, "original") if self.origin(i) >= 0 else "original"

    def origin(self, i: int) -> int:
        """The article ``i`` was derived from, or -1 for an original."""
        if i % CYCLE not in DERIVED:
            return -1
        rng = np.random.default_rng([self.seed, i, 1])
        block = i // CYCLE - int(rng.integers(0, WINDOW // CYCLE))
        if block < 0:
            return -1
        return block * CYCLE + int(rng.integers(0, min(DERIVED)))

    def _draw(self, rng: np.random.Generator, count: int) -> np.ndarray:
        return self._table[rng.integers(0, SAMPLING_TABLE, count)]

    def _original(self, i: int) -> np.ndarray:
        rng = np.random.default_rng([self.seed, i, 0])
        return self._draw(rng, int(rng.integers(WORDS - 60, WORDS + 60)))

    def words(self, i: int) -> np.ndarray:
        origin = self.origin(i)
        if origin < 0:
            return self._original(i)
        base = self._original(origin)
        rng = np.random.default_rng([self.seed, i, 2])
        kind = DERIVED[i % CYCLE]
        if kind == "copy":
            return self._substitute(rng, base, 0.01)
        if kind == "near_copy":
            cut = int(rng.integers(0, len(base) - len(base) // 10))
            kept = np.concatenate([base[:cut], base[cut + len(base) // 10 :]])
            return self._substitute(rng, kept, 0.04)
        if kind == "partial":
            half = len(base) // 2
            return np.concatenate([base[:half], self._draw(rng, len(base) - half)])
        edited = self._substitute(rng, base, 0.12)
        edited = edited[rng.random(len(edited)) >= 0.04]
        inserts = rng.random(len(edited)) < 0.04
        out = np.empty(len(edited) + int(inserts.sum()), dtype=edited.dtype)
        positions = np.arange(len(edited)) + np.cumsum(inserts)
        out[positions] = edited
        mask = np.ones(len(out), dtype=bool)
        mask[positions] = False
        out[mask] = self._draw(rng, int(mask.sum()))
        return out

    def _substitute(self, rng: np.random.Generator, words: np.ndarray, share: float) -> np.ndarray:
        out = words.copy()
        hit = rng.random(len(out)) < share
        out[hit] = self._draw(rng, int(hit.sum()))
        return out

    def encoded(self, i: int) -> bytes:
        """Article ``i`` as ASCII bytes (words joined by spaces; a ragged gather, no loop)."""
        ids = self.words(i)
        sizes = self._sizes[ids]
        ends = np.cumsum(sizes)
        shift = np.repeat(self._starts[ids] - (ends - sizes), sizes)
        return self._flat[np.arange(int(ends[-1])) + shift][:-1].tobytes()

    def text(self, i: int) -> str:
        return self.encoded(i).decode("ascii")

    def texts(self, start: int, stop: int) -> list[str]:
        return [self.text(i) for i in range(start, min(stop, self.n))]

    def root(self, i: int) -> int:
        origin = self.origin(i)
        return i if origin < 0 else origin

    def planted(self) -> dict[int, int]:
        """Derived article -> origin, for the whole corpus."""
        return {i: o for i in range(self.n) if (o := self.origin(i)) >= 0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--articles", type=int, default=2_000)
    args = parser.parse_args()
    n = 400 if args.quick else args.articles
    corpus = SyntheticCorpus(n)
    kinds = Counter(corpus.kind(i) for i in range(n))
    print(f"{n} articles: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    for i in (0, 36, 37, 38, 39):
        if i < n:
            print(f"[{i}] {corpus.kind(i)} of {corpus.origin(i)}: {corpus.text(i)[:120]}...")


if __name__ == "__main__":
    main()

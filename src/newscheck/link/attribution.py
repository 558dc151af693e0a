"""Which article explains each sentence best.

Independent reports of one event share its facts, so each of their sentences finds a related
sentence somewhere, but in different articles: one report's lead is closest to a second report's,
its quote to a third's. A rewrite's sentences are explained best by its origin, because that is
where they came from, including the details no other article has (a witness, a distance, a quote).
Closeness is the embedding cosine of the nearest sentence, or the paraphrase probability without
embeddings.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from newscheck.link.scoring import Scored, SentenceScorer

FloatMatrix = npt.NDArray[np.float64]
IntMatrix = npt.NDArray[np.int64]

MARGIN = 0.03
"""An article explains a sentence when its closeness is at most this far below the best: near
copies of one origin, and sibling rewrites, explain the same sentence about equally well."""


@dataclass(frozen=True, slots=True)
class Explainers:
    """For each claim-like sentence of ``article``, how close each of ``others`` comes to it."""

    article: int
    rows: tuple[int, ...]
    others: tuple[int, ...]
    closeness: FloatMatrix
    """``closeness[i, k]``: the nearest sentence of ``others[k]`` to ``rows[i]``."""
    nearest: IntMatrix
    """``nearest[i, k]``: the corpus row of that sentence (-1 when none is related)."""
    position: dict[int, int]
    """Row -> its index in ``rows``."""
    column: dict[int, int]
    """Article -> its index in ``others``."""

    closest: tuple[list[int], ...] = field(init=False, repr=False, compare=False)
    """For each row, the columns from the closest article to the farthest: the best article
    but a few is then found in a step or two (asked for every sentence of every pair)."""

    def __post_init__(self) -> None:
        order = np.argsort(-self.closeness, axis=1, kind="stable")
        object.__setattr__(self, "closest", tuple(order.tolist()))

    def best(self, row: int, ignore: AbstractSet[int] = frozenset()) -> float:
        """The closeness of the article that explains ``row`` best, leaving out ``ignore``
        (0 when there is none)."""
        i = self.position[row]
        column = self.column
        skipped = {k for other in ignore if (k := column.get(other)) is not None}
        for k in self.closest[i]:
            if k not in skipped:
                return float(self.closeness[i, k])
        return 0.0

    def of(self, row: int, other: int) -> float:
        k = self.column.get(other)
        return 0.0 if k is None else float(self.closeness[self.position[row], k])

    def nearest_to(self, row: int, other: int) -> tuple[int, float]:
        """The sentence of ``other`` (one of :attr:`others`) nearest to ``row`` and its
        closeness; (-1, 0.0) when none is related."""
        i, k = self.position[row], self.column[other]
        return int(self.nearest[i, k]), float(self.closeness[i, k])

    def explains(
        self, row: int, other: int, ignore: AbstractSet[int] = frozenset(), margin: float = MARGIN
    ) -> bool:
        """Whether ``other`` explains ``row`` as well as any article but ``ignore`` does (within
        ``margin``)."""
        return other in self.column and self.of(row, other) >= self.best(row, ignore) - margin

    def runner_up(self, row: int, other: int, ignore: AbstractSet[int] = frozenset()) -> float:
        """The best closeness of the articles other than ``other`` and ``ignore`` (0 when there
        is none)."""
        return self.best(row, {*ignore, other})


def explainers(scorer: SentenceScorer, article: int, others: Iterable[int]) -> Explainers:
    """How well each of ``others`` explains each claim-like sentence of ``article``."""
    corpus = scorer.corpus
    rows = corpus.claim_rows(article)
    ordered = tuple(sorted(set(others) - {article}))
    closeness = np.zeros((len(rows), len(ordered)), dtype=np.float64)
    nearest = np.full((len(rows), len(ordered)), -1, dtype=np.int64)
    vectors = corpus.vectors if scorer.model.uses_cosine else None
    mine = vectors[rows] if vectors is not None else None
    picked: list[tuple[int, list[list[int]]]] = []  # without vectors: (column, candidates)
    for k, other in enumerate(ordered):
        targets = corpus.claim_rows(other) or list(corpus.rows(other))
        if not rows or not targets:
            continue
        if vectors is not None and mine is not None:
            sims = mine @ vectors[targets].T
            at = sims.argmax(axis=1)
            closeness[:, k] = sims[np.arange(len(rows)), at]
            nearest[:, k] = np.asarray(targets)[at]
        else:
            picked.append((k, scorer.candidates(rows, targets)))
    if picked:  # all pairs scored at once, then the best of each row per article
        pairs = [
            (rows[i], o) for _, found in picked for i, cands in enumerate(found) for o in cands
        ]
        scores = iter(scorer.score_many(pairs))
        for k, found in picked:
            for i, cands in enumerate(found):
                # The first of the most probable, as max() picks it.
                best = max((next(scores) for _ in cands), key=_probability, default=None)
                if best is not None:
                    closeness[i, k], nearest[i, k] = best.probability, best.other
    position = {row: i for i, row in enumerate(rows)}
    column = {other: k for k, other in enumerate(ordered)}
    return Explainers(article, tuple(rows), ordered, closeness, nearest, position, column)


def _probability(scored: Scored) -> float:
    return scored.probability

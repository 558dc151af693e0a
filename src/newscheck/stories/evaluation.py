"""Scores of a clustering against gold labels: BCubed precision, recall and F1, and the adjusted
Rand index. Used by the benchmarks and quality gates; pure Python and numpy-free."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from math import comb


@dataclass(frozen=True, slots=True)
class ClusterScores:
    precision: float
    recall: float
    f1: float
    ari: float
    items: int
    clusters: int
    gold_clusters: int

    def line(self) -> str:
        return (
            f"BCubed P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}  "
            f"ARI {self.ari:.3f}  ({self.items} articles, {self.clusters} clusters, "
            f"{self.gold_clusters} gold)"
        )


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 (Amigo et al. 2009) of ``predicted`` against ``gold``."""
    _check(predicted, gold)
    if not gold:
        return 1.0, 1.0, 1.0
    pairs = Counter(zip(predicted, gold, strict=True))
    size_predicted = Counter(predicted)
    size_gold = Counter(gold)
    # Every item in cell (p, g) sees the same precision and recall: count them together.
    precision = sum(n * n / size_predicted[p] for (p, _), n in pairs.items()) / len(gold)
    recall = sum(n * n / size_gold[g] for (_, g), n in pairs.items()) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand_index(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> float:
    """Adjusted Rand index (Hubert and Arabie 1985): 1 for the same partition, ~0 for chance."""
    _check(predicted, gold)
    n = len(gold)
    if n < 2:
        return 1.0
    together = sum(comb(c, 2) for c in Counter(zip(predicted, gold, strict=True)).values())
    rows = sum(comb(c, 2) for c in Counter(predicted).values())
    cols = sum(comb(c, 2) for c in Counter(gold).values())
    expected = rows * cols / comb(n, 2)
    best = (rows + cols) / 2
    if best == expected:  # both partitions all singletons or one cluster
        return 1.0 if rows == cols else 0.0
    return (together - expected) / (best - expected)


def score_clusters(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> ClusterScores:
    precision, recall, f1 = bcubed(predicted, gold)
    return ClusterScores(
        precision=precision,
        recall=recall,
        f1=f1,
        ari=adjusted_rand_index(predicted, gold),
        items=len(gold),
        clusters=len(set(predicted)),
        gold_clusters=len(set(gold)),
    )


def _check(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> None:
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted labels for {len(gold)} gold labels")

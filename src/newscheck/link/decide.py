"""Is one article derived from another, and how: ``copy``, ``near_copy``, ``rewrite``, ``partial``.

Verbatim reuse is measured on shingles (exact, after LSH proposed the pair); re-wording on the
sentence alignment. Two independent reports of one event share facts, so they share a few aligned
sentences; a rewrite shares most of its sentences with its origin.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newscheck.link.align import Alignment
from newscheck.link.verify import Overlap

LinkRelation = Literal["copy", "near_copy", "rewrite", "partial"]


@dataclass(frozen=True, slots=True)
class DecisionRules:
    copy_jaccard: float = 0.9
    near_copy_jaccard: float = 0.5
    partial_containment: float = 0.5
    """Share of either text's shingles found verbatim in the other: an excerpt, or an article
    that took in most of another and added to it."""
    rewrite_shared: float = 0.45
    """Share of the derived article's claim-like sentences aligned to the origin and explained
    by it as well as by any other article (:attr:`Alignment.own_share`)."""
    min_aligned: int = 3
    min_strong: int = 0
    """Aligned pairs rated "same" or "paraphrase" (not only "partial") a rewrite needs. None by
    default: machine syntheses condense and merge sentences, so their pairs are mostly partial
    (bench/link_independence.py, measured before the attribution rule: 1 finds 42 of 156 MMDS
    synthesis sources, 0 finds 56, for 21 vs 23 links among the 150 BASIL reports)."""

    @property
    def name(self) -> str:
        return (
            f"decide.j{self.copy_jaccard:g}-{self.near_copy_jaccard:g}"
            f".c{self.partial_containment:g}.s{self.rewrite_shared:g}.own.v2"
        )


def classify(
    derived: Alignment,
    overlap: Overlap | None,
    rules: DecisionRules,
    reverse: Alignment | None = None,
) -> LinkRelation | None:
    """The relation of ``derived.source`` to ``derived.target``, or None when not derived.

    ``reverse`` is the alignment the other way. A rewrite's sentences are explained best by its
    origin; a condensed rewrite leaves out much of the origin, but what the origin says is then
    explained best by the rewrite: either side's :attr:`Alignment.own_share` shows the pair is
    related by more than the facts of one event."""
    if overlap is not None:
        if overlap.jaccard >= rules.copy_jaccard:
            return "copy"
        if overlap.jaccard >= rules.near_copy_jaccard:
            return "near_copy"
        if overlap.containment >= rules.partial_containment:
            return "partial"
    own = max(derived.own_share, reverse.own_share if reverse is not None else 0.0)
    if (
        derived.shared >= rules.rewrite_shared
        and own >= rules.rewrite_shared
        and len(derived.matches) >= rules.min_aligned
        and derived.count("same", "paraphrase") >= rules.min_strong
    ):
        return "rewrite"
    return None


def evidence(forward: Alignment, backward: Alignment, overlap: Overlap | None) -> float:
    """How strongly two articles are related, whichever way (for ranking several origins)."""
    verbatim = overlap.containment if overlap is not None else 0.0
    return max(verbatim, forward.shared, backward.shared)

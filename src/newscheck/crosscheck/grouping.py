"""Claim groups: claims of different articles that state the same thing.

Two passes keep the cost near ``claims x families`` rather than ``claims x claims``:

1. *Within a family* (an origin and its copies and rewrites) each article's claims are matched to
   the family's claims so far (one representative each), from the origin on: a rewrite's sentence
   is compared with the few claims it can come from, not with the whole story. This yields the
   family's distinct claims.
2. *Across families* the distinct claims are pooled into one vector each and compared in numpy
   blocks; each keeps its ``k`` nearest. Candidate pairs are scored (similarity plus agreeing
   figures, minus figures that differ) and joined from the best down, unless the join would put
   an assertion with a denial, two values of one quantity or two different speakers together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from newscheck.crosscheck.compatible import Traits, numbers_clash, places_differ
from newscheck.crosscheck.features import ClaimFeatures
from newscheck.crosscheck.quantities import same_count
from newscheck.crosscheck.vectors import Vectors, nearest

GROUPING_SCHEME = "claimgroup.family-then-story.v1"


@dataclass(frozen=True, slots=True)
class GroupingConfig:
    family_threshold: float = 0.45
    """Least similarity for a claim of a copy or rewrite to join a claim of its family."""
    story_threshold: float = 0.5
    """Least score for claims of different families to be one group."""
    family_threshold_lexical: float = 0.3
    story_threshold_lexical: float = 0.42
    """The same two thresholds when there are no sentence embeddings (lexical cosines run lower
    than the mixed ones: re-worded claims share fewer words than meaning)."""
    candidates: int = 12
    """Nearest neighbours kept per distinct claim when looking across families."""
    figure_bonus: float = 0.12
    """Added to the score when the two claims give the same value for the same event ("14
    injured"); a shared number without an event gets ``number_bonus``."""
    number_bonus: float = 0.06
    """Added when they share a number (not 1-3, which agree by chance)."""
    number_penalty: float = 0.12
    """Taken off when both give numbers and share none."""
    entity_penalty: float = 0.15
    """Taken off when both name entities and share none."""


@dataclass(slots=True)
class _Set:
    """A set of claims being grown into a group."""

    members: list[int]
    traits: Traits


def group_claims(
    features: Sequence[ClaimFeatures],
    vectors: Vectors,
    families: Sequence[Sequence[str]],
    config: GroupingConfig,
) -> list[list[int]]:
    """Groups of claim indices (into ``features``). ``families`` lists each family's articles,
    origin first; every claim's article must be in one of them."""
    if vectors.semantic is None:
        config = replace(
            config,
            family_threshold=config.family_threshold_lexical,
            story_threshold=config.story_threshold_lexical,
        )
    distinct = _within_families(features, vectors, families, config)
    return _across_families(features, vectors, distinct, config)


def _within_families(
    features: Sequence[ClaimFeatures],
    vectors: Vectors,
    families: Sequence[Sequence[str]],
    config: GroupingConfig,
) -> list[_Set]:
    by_article: dict[str, list[int]] = {}
    for index, claim in enumerate(features):
        by_article.setdefault(claim.article_id, []).append(index)
    distinct: list[_Set] = []
    for articles in families:
        sets: list[_Set] = []
        for article_id in articles:
            claims = by_article.get(article_id, [])
            if claims:
                _match_into(claims, sets, features, vectors, config)
        distinct.extend(sets)
    return distinct


def _match_into(
    claims: list[int],
    sets: list[_Set],
    features: Sequence[ClaimFeatures],
    vectors: Vectors,
    config: GroupingConfig,
) -> None:
    """Add one article's claims to the family's sets. Pairs (claim, set) are taken from the best
    score down (a set compared by its first claim); each claim joins at most one set and each set
    takes at most one claim of the article, so a rewrite's sentences map one to one onto what
    they re-word. A claim left over starts a set of its own."""
    if not sets:
        sets.extend(_Set([c], Traits.of(features[c])) for c in claims)
        return
    heads = [s.members[0] for s in sets]
    sims = vectors.similarity(
        np.array(claims, dtype=np.intp), np.array(heads, dtype=np.intp), contained=True
    )
    floor = config.family_threshold - config.figure_bonus
    scored = []
    for row, column in zip(*np.nonzero(sims >= floor), strict=True):
        a, b = features[claims[row]], features[heads[column]]
        score = float(sims[row, column]) + _adjustment(a, b, config)
        if score >= config.family_threshold:
            scored.append((score, int(row), int(column)))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    traits = [Traits.of(features[c]) for c in claims]
    placed: set[int] = set()
    taken: set[int] = set()
    for _, row, column in scored:
        if row in placed or column in taken:
            continue
        target = sets[column]
        if target.traits.compatible(traits[row]):
            target.members.append(claims[row])
            target.traits.absorb(traits[row])
            placed.add(row)
            taken.add(column)
    sets.extend(_Set([c], traits[r]) for r, c in enumerate(claims) if r not in placed)


def _across_families(
    features: Sequence[ClaimFeatures],
    vectors: Vectors,
    distinct: list[_Set],
    config: GroupingConfig,
) -> list[list[int]]:
    pooled = vectors.pooled([s.members for s in distinct])
    floor = config.story_threshold - config.figure_bonus - config.number_bonus
    parent = list(range(len(distinct)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    scored = []
    for similarity, i, j in nearest(pooled, floor, config.candidates):
        a, b = features[distinct[i].members[0]], features[distinct[j].members[0]]
        score = similarity + _adjustment(a, b, config)
        if score >= config.story_threshold:
            scored.append((score, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    for _, i, j in scored:
        first, second = root(i), root(j)
        if first == second or not distinct[first].traits.compatible(distinct[second].traits):
            continue
        keep, gone = min(first, second), max(first, second)
        parent[gone] = keep
        distinct[keep].members.extend(distinct[gone].members)
        distinct[keep].traits.absorb(distinct[gone].traits)
    return [sorted(distinct[i].members) for i in range(len(distinct)) if root(i) == i]


def _adjustment(a: ClaimFeatures, b: ClaimFeatures, config: GroupingConfig) -> float:
    """Figures decide between claims that read alike: the same count of the same event confirms,
    numbers (or named entities) that share nothing count against."""
    penalty = config.entity_penalty if places_differ(a, b) else 0.0
    if any(same_count(x, y) for x in a.quantities for y in b.quantities):
        return config.figure_bonus - penalty
    if {n for n in a.numbers & b.numbers if n > 3}:
        return config.number_bonus - penalty
    if numbers_clash(a, b):
        return -config.number_penalty - penalty
    return -penalty

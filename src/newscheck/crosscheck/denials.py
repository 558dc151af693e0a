"""Denial ties: which asserting claim group each denial denies.

One party asserts, another denies ("Ukrainian forces are encircled" / "there is no threat of
encirclement"). Denying claims that deny alike form one *side*; a side denies one thing: the
asserting group its members are most like (another speaker; a shared word that is not everywhere
in the story), together with the groups that restate that claim. A plain negation ("Rome does
not intend to take part") contradicts only what it nearly repeats.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from newscheck.crosscheck.features import ClaimFeatures
from newscheck.crosscheck.stance import explicit_denial
from newscheck.crosscheck.terms import names_compatible
from newscheck.crosscheck.ties import ConflictConfig, Tie, components
from newscheck.crosscheck.vectors import Vectors


def _common_stems(features: Sequence[ClaimFeatures], share: float) -> frozenset[str]:
    families: dict[str, set[str]] = {}
    for claim in features:
        for s in set(claim.stems):
            families.setdefault(s, set()).add(claim.family)
    total = len({c.family for c in features})
    return frozenset(s for s, f in families.items() if total > 1 and len(f) > share * total)


def denial_ties(
    features: Sequence[ClaimFeatures],
    vectors: Vectors,
    group_of: Sequence[int],
    config: ConflictConfig,
) -> list[Tie]:
    """Denials and what they deny. Denying claims that deny alike (one group, or alike enough)
    form one *side*; a side denies one thing: the asserting group its members are most like,
    together with the asserting groups that restate it. So a denial that also reads a little like
    some other claim ("... we will not accept speculation before the investigators have done
    their work" / "the fire service will work to find the cause") is not tied to it."""
    denying = [i for i, c in enumerate(features) if c.polarity == "denies" and not c.opinion]
    asserting = [i for i, c in enumerate(features) if c.polarity == "asserts" and not c.opinion]
    if not denying or not asserting:
        return []
    lexical = vectors.semantic is None
    common = _common_stems(features, config.common_share)
    sims = vectors.similarity(
        np.array(denying, dtype=np.intp), np.array(asserting, np.intp), contained=True
    )
    candidates = [
        _denied_groups(features[d], sims[r], asserting, features, group_of, common, config)
        for r, d in enumerate(denying)
    ]
    same = config.same_denial_lexical if lexical else config.same_denial
    ties = []
    for side in _denial_sides(denying, candidates, vectors, features, group_of, same):
        ties.extend(_side_ties(side, denying, candidates, vectors, group_of, config, lexical))
    return ties


def _denied_groups(
    denial: ClaimFeatures,
    sims: npt.NDArray[np.float32],
    asserting: Sequence[int],
    features: Sequence[ClaimFeatures],
    group_of: Sequence[int],
    common: frozenset[str],
    config: ConflictConfig,
) -> dict[int, tuple[float, int]]:
    """The asserting groups one denying claim may deny: group -> (similarity, its claim). A plain
    negation ("Rome does not intend to take part") contradicts only a claim it nearly repeats;
    an explicit denial ("denied", "there is no evidence that") may be worded apart."""
    threshold = (
        config.denial_threshold if explicit_denial(denial.claim) else config.negation_threshold
    )
    best: dict[int, tuple[float, int]] = {}
    for col in np.flatnonzero(sims >= threshold):
        a = asserting[int(col)]
        if _can_deny(denial, features[a], common):
            score = float(sims[col])
            if score > best.get(group_of[a], (-1.0, 0))[0]:
                best[group_of[a]] = (score, a)
    return best


def _denial_sides(
    denying: Sequence[int],
    candidates: Sequence[dict[int, tuple[float, int]]],
    vectors: Vectors,
    features: Sequence[ClaimFeatures],
    group_of: Sequence[int],
    same: float,
) -> list[list[int]]:
    """Denying claims (positions in ``denying``) that deny one point. Claims tied to some
    assertion join when of one group, or alike: similarity at least ``same`` and at least the
    lesser of their similarities to what each would deny on its own (two denials of two claims
    by one speaker stay apart). An explicit denial tied to no assertion on its own then joins
    the one side it is most like, never bridging two."""
    tied = [r for r, found in enumerate(candidates) if found]
    if not tied:
        return []
    loose = [
        r
        for r, found in enumerate(candidates)
        if not found and explicit_denial(features[denying[r]].claim)
    ]
    index = np.array([denying[r] for r in tied + loose], dtype=np.intp)
    groups = np.array([group_of[i] for i in index])
    sims = vectors.similarity(index, index[: len(tied)], contained=True)
    # one group counts as alike whatever the similarity
    sims[groups[:, None] == groups[None, : len(tied)]] = np.inf
    own = np.array([max(s for s, _ in candidates[r].values()) for r in tied])
    head = sims[: len(tied)]
    alike = (head >= same) & (head >= np.minimum(own[:, None], own))
    edges = [
        (tied[int(x)], tied[int(y)]) for x, y in zip(*np.nonzero(np.triu(alike, 1)), strict=True)
    ]
    sides = components(edges + [(r, r) for r in tied])
    side_of = {r: n for n, side in enumerate(sides) for r in side}
    for row, r in enumerate(loose, start=len(tied)):
        best = int(np.argmax(sims[row]))
        if sims[row, best] >= same:
            sides[side_of[tied[best]]].append(r)
    return sides


def _side_ties(
    side: Sequence[int],
    denying: Sequence[int],
    candidates: Sequence[dict[int, tuple[float, int]]],
    vectors: Vectors,
    group_of: Sequence[int],
    config: ConflictConfig,
    lexical: bool,
) -> list[Tie]:
    """Ties of one side: each member to the denied group (or, when it is not like that group
    itself, to the member that is), and to the groups that restate the denied claim."""
    best: dict[int, tuple[float, int, int]] = {}  # group -> (similarity, asserting claim, row)
    for r in side:
        for group, (score, a) in candidates[r].items():
            if score > best.get(group, (-1.0, 0, 0))[0]:
                best[group] = (score, a, r)
    target = max(best, key=lambda g: (best[g][0], -g))
    _, claim, lead = best[target]
    restated = config.restated_lexical if lexical else config.restated
    denied = [target] + [
        g
        for g in sorted(best)
        if g != target and vectors.pair(claim, best[g][1], contained=True) >= restated
    ]
    ties = []
    for group in denied:
        for r in side:
            if group in candidates[r]:
                ties.append(
                    Tie(
                        "denial", group, group_of[denying[r]], (candidates[r][group][1], denying[r])
                    )
                )
    for r in side:
        if target not in candidates[r]:
            ties.append(
                Tie(
                    "same_denial",
                    group_of[denying[lead]],
                    group_of[denying[r]],
                    (denying[lead], denying[r]),
                )
            )
    return ties


def _can_deny(denial: ClaimFeatures, claim: ClaimFeatures, common: frozenset[str]) -> bool:
    """A denial of ``claim`` by another party, about something more particular than the story's
    own name: they share a word that is not everywhere in the story."""
    if claim.article_id == denial.article_id and claim.claim.start == denial.claim.start:
        return False
    if not (set(denial.stems) & set(claim.stems)) - common:
        return False
    # one party restating itself is not a denial by another
    return not (
        denial.speaker and claim.speaker and names_compatible(denial.speaker, claim.speaker)
    )

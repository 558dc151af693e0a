"""Conflicts between claim groups of one story.

- ``denial``: one party asserts, another denies ("Ukrainian forces are encircled" / "there is no
  threat of encirclement"): see :mod:`newscheck.crosscheck.denials`.
- ``numeric``: the same quantity with different values ("injured 12 people" / "injuring 15
  people"), in claims that read alike enough to be about the same event and do not name two
  different places or parties. Different quantities
  (two villages today, 24 settlements in total) never conflict: see
  :mod:`newscheck.crosscheck.quantities`.

Groups tied by conflicts of one kind form one conflict (12 vs 15 injured is one conflict even when
"12" is two groups, one citing the hospital and one the fire service; a claim and every denial of
it are one conflict, whichever outlets tell them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from newscheck.crosscheck.compatible import places_differ
from newscheck.crosscheck.denials import denial_ties
from newscheck.crosscheck.features import ClaimFeatures
from newscheck.crosscheck.quantities import Quantity, values_agree
from newscheck.crosscheck.ties import ConflictConfig, Tie, components
from newscheck.crosscheck.vectors import Vectors
from newscheck.model import Conflict

__all__ = ["CONFLICT_SCHEME", "ConflictConfig", "Tie", "conflicts_from_ties", "find_ties"]

CONFLICT_SCHEME = "conflict.denial-sides+numeric.v2"

DETAIL_CHARS = 160
"""Longest quoted claim text in a conflict's detail."""


def find_ties(
    features: Sequence[ClaimFeatures],
    vectors: Vectors,
    group_of: Sequence[int],
    config: ConflictConfig,
) -> list[Tie]:
    return denial_ties(features, vectors, group_of, config) + _numeric(
        features, vectors, group_of, config
    )


def _numeric(
    features: Sequence[ClaimFeatures],
    vectors: Vectors,
    group_of: Sequence[int],
    config: ConflictConfig,
) -> list[Tie]:
    by_key: dict[tuple[str, str | None], list[tuple[int, Quantity]]] = {}
    for index, claim in enumerate(features):
        for quantity in claim.quantities:
            if quantity.unit and not quantity.partial:
                by_key.setdefault(quantity.key, []).append((index, quantity))
    ties = []
    for key, found in sorted(by_key.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if len({q.value for _, q in found}) < 2:
            continue
        threshold = config.numeric_threshold if key[1] else config.eventless_threshold
        label = " ".join(p for p in key if p).replace("_", " ")
        items = np.array([i for i, _ in found], dtype=np.intp)
        values = np.array([q.value for _, q in found])
        groups = np.array([group_of[i] for i, _ in found])
        candidate = (
            (vectors.similarity(items, items) >= threshold)
            & (values[:, None] != values[None, :])
            & (groups[:, None] != groups[None, :])
        )
        for x, y in zip(*np.nonzero(np.triu(candidate, k=1)), strict=True):
            (i, qi), (j, qj) = found[int(x)], found[int(y)]
            if features[i].article_id == features[j].article_id or group_of[i] == group_of[j]:
                continue
            if values_agree(qi, qj) or places_differ(features[i], features[j]):
                continue
            (low, ql), (high, qh) = sorted(((i, qi), (j, qj)), key=lambda t: t[1].value)
            ties.append(
                Tie(
                    "numeric",
                    group_of[low],
                    group_of[high],
                    (low, high),
                    (ql.value, qh.value),
                    label,
                )
            )
    return ties + _same_figures(ties)


def _same_figures(ties: Sequence[Tie]) -> list[Tie]:
    """Ties between groups that give the same disputed value of the same quantity, so that "12
    against 15 injured" is one conflict however many groups say 12."""
    by_value: dict[tuple[str, float], list[int]] = {}
    for tie in ties:
        for group, value in zip((tie.first, tie.second), tie.values, strict=True):
            by_value.setdefault((tie.label, value), []).append(group)
    return [
        Tie("same_figure", groups[0], other, (0, 0))
        for groups in by_value.values()
        for other in sorted(set(groups[1:]) - {groups[0]})
    ]


def conflicts_from_ties(
    ties: Sequence[Tie],
    groups: Sequence[Sequence[int]],
    features: Sequence[ClaimFeatures],
    witnesses: Sequence[Sequence[str]],
    value_support: Callable[[str, float], int],
) -> list[tuple[Conflict, list[int]]]:
    """One conflict per kind and connected set of tied groups, with the member claims of every
    group in it and a short readable detail; each with the indices of its groups. A denial's
    claim ids start with the assertion and the denial its detail quotes.
    ``witnesses[g]`` are group ``g``'s independent witnesses; ``value_support(label, value)`` the
    number of families giving a figure."""
    out = []
    for kind, edges in (
        ("denial", ("denial", "same_denial")),
        ("numeric", ("numeric", "same_figure")),
    ):
        of_kind = [t for t in ties if t.kind in edges]
        for members in components([(t.first, t.second) for t in of_kind]):
            inside = set(members)
            these = [t for t in of_kind if t.kind == kind and t.first in inside]
            if not these:
                continue
            every = [features[c].id for g in members for c in groups[g]]
            if kind == "denial":
                tie = _shown_denial(features, these, witnesses)
                asserting = {t.first for t in these}
                sides = (
                    _side_witnesses(asserting, witnesses),
                    _side_witnesses(set(members) - asserting, witnesses),
                )
                shown = [features[c].id for c in tie.claims]
                claim_ids = tuple(dict.fromkeys(shown + every))
                detail = _denial_detail(features, tie, sides)
                conflict = Conflict("denial", claim_ids, detail)
            else:
                detail = _numeric_detail(these, value_support)
                conflict = Conflict("numeric", tuple(every), detail)
            out.append((conflict, members))
    return out


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > DETAIL_CHARS:
        text = text[: DETAIL_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return f"“{text}”"


def _families(n: int) -> str:
    return f"{n} famil{'y' if n == 1 else 'ies'}"


def _side_witnesses(groups: set[int], witnesses: Sequence[Sequence[str]]) -> int:
    return len({w for g in groups for w in witnesses[g]})


def _shown_denial(
    features: Sequence[ClaimFeatures], ties: Sequence[Tie], witnesses: Sequence[Sequence[str]]
) -> Tie:
    """The tie to show: the best-supported assertion and denial, a speaker named by name
    ("Amos Keeling", not "the company") preferred."""

    def rank(t: Tie) -> tuple[int, int, bool, bool, int]:
        named = [bool(features[c].speaker) for c in t.claims]
        return (len(witnesses[t.first]), len(witnesses[t.second]), named[0], named[1], -t.first)

    return max(ties, key=rank)


def _denial_detail(features: Sequence[ClaimFeatures], tie: Tie, sides: tuple[int, int]) -> str:
    """The shown assertion and denial, quoted, each with the independent families of its side
    (every group asserting, every group denying)."""
    asserted, denied = features[tie.claims[0]], features[tie.claims[1]]
    who_asserts = asserted.claim.speaker or "one report"
    who_denies = denied.claim.speaker or "another"
    return (
        f"{who_asserts} ({_families(sides[0])}): {_quote(asserted.text)}; "
        f"denied by {who_denies} ({_families(sides[1])}): {_quote(denied.text)}"
    )


def _numeric_detail(ties: Sequence[Tie], value_support: Callable[[str, float], int]) -> str:
    """ "people injured: 12 (3 families) vs 15 (1 family)": each value with the independent
    families giving it anywhere in the story."""
    label = Counter(t.label for t in ties).most_common(1)[0][0]
    values = sorted({v for t in ties if t.label == label for v in t.values})
    parts = [f"{_number(v)} ({_families(value_support(label, v))})" for v in values]
    return f"{label}: " + " vs ".join(parts)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"

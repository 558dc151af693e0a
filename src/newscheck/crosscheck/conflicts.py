"""Conflicts between claim groups of one story.

- ``denial``: one party asserts, another denies ("Ukrainian forces are encircled" / "there is no
  threat of encirclement"). A denying claim is tied to an asserting claim of another speaker when
  the two read alike and share a word that is not everywhere in the story.
- ``numeric``: the same quantity with different values ("injured 12 people" / "injuring 15
  people"), in claims that read alike enough to be about the same event and do not name two
  different places or parties. Different quantities
  (two villages today, 24 settlements in total) never conflict: see
  :mod:`newscheck.crosscheck.quantities`.

Groups tied by conflicts of one kind form one conflict (12 vs 15 injured is one conflict even when
"12" is two groups, one citing the hospital and one the fire service).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from newscheck.crosscheck.compatible import places_differ
from newscheck.crosscheck.features import ClaimFeatures
from newscheck.crosscheck.quantities import Quantity, values_agree
from newscheck.crosscheck.terms import names_compatible
from newscheck.crosscheck.vectors import Vectors
from newscheck.model import Conflict

CONFLICT_SCHEME = "conflict.denial+numeric.v1"

DETAIL_CHARS = 160
"""Longest quoted claim text in a conflict's detail."""


@dataclass(frozen=True, slots=True)
class ConflictConfig:
    denial_threshold: float = 0.3
    """Least similarity between a denial and the assertion it denies."""
    denial_margin: float = 0.05
    """A denial is tied to its most similar assertion and to those this close to it."""
    same_denial: float = 0.45
    """Least similarity of two denials for them to deny the same point (one conflict)."""
    numeric_threshold: float = 0.3
    """Least similarity between two claims giving different values of one quantity."""
    eventless_threshold: float = 0.55
    """The same when neither figure names an event (a bare "40 firefighters")."""
    common_share: float = 0.9
    """A stem used by more than this share of the story's families (the story's own name, its
    main places) is too common to tie a denial to an assertion."""


@dataclass(frozen=True, slots=True)
class Tie:
    """Two groups in conflict, through one pair of their claims."""

    kind: str
    first: int
    """The asserting group (denial), or the group with the lower value (numeric)."""
    second: int
    claims: tuple[int, int]
    """The claim of each group that conflicts (indices into the features)."""
    values: tuple[float, float] = (0.0, 0.0)
    label: str = ""
    """What the numbers measure ("people injured")."""


def find_ties(
    features: Sequence[ClaimFeatures],
    vectors: Vectors,
    group_of: Sequence[int],
    config: ConflictConfig,
) -> list[Tie]:
    return _denials(features, vectors, group_of, config) + _numeric(
        features, vectors, group_of, config
    )


def _common_stems(features: Sequence[ClaimFeatures], share: float) -> frozenset[str]:
    families: dict[str, set[str]] = {}
    for claim in features:
        for s in set(claim.stems):
            families.setdefault(s, set()).add(claim.family)
    total = len({c.family for c in features})
    return frozenset(s for s, f in families.items() if total > 1 and len(f) > share * total)


def _denials(
    features: Sequence[ClaimFeatures],
    vectors: Vectors,
    group_of: Sequence[int],
    config: ConflictConfig,
) -> list[Tie]:
    """Each denying claim is tied to the asserting group it is most like (and any group within
    ``config.denial_margin`` of it): a denial denies one thing."""
    denying = [i for i, c in enumerate(features) if c.polarity == "denies" and not c.opinion]
    asserting = [i for i, c in enumerate(features) if c.polarity == "asserts" and not c.opinion]
    if not denying or not asserting:
        return []
    common = _common_stems(features, config.common_share)
    sims = vectors.similarity(
        np.array(denying, dtype=np.intp), np.array(asserting, np.intp), contained=True
    )
    ties = []
    for r, d in enumerate(denying):
        denial = features[d]
        best: dict[int, tuple[float, int]] = {}
        for col in np.flatnonzero(sims[r] >= config.denial_threshold):
            a = asserting[int(col)]
            if _can_deny(denial, features[a], common):
                score = float(sims[r, col])
                if score > best.get(group_of[a], (-1.0, 0))[0]:
                    best[group_of[a]] = (score, a)
        if not best:
            continue
        top = max(score for score, _ in best.values())
        for group, (score, a) in sorted(best.items()):
            if score >= top - config.denial_margin:
                ties.append(Tie("denial", group, group_of[d], (a, d)))
    return ties + _same_denials(ties, denying, vectors, group_of, config)


def _same_denials(
    ties: Sequence[Tie],
    denying: Sequence[int],
    vectors: Vectors,
    group_of: Sequence[int],
    config: ConflictConfig,
) -> list[Tie]:
    """Ties between denying groups that deny alike ("Brightwater has denied that its batteries
    started the fire" / "There is no evidence that the batteries in our bay caused this fire"), so
    that one disputed point is one conflict even when its assertion was told in groups apart."""
    tied = sorted({t.claims[1] for t in ties})
    if len(tied) < 2:
        return []
    index = np.array(tied, dtype=np.intp)
    sims = vectors.similarity(index, index, contained=True)
    out = []
    for x, y in zip(*np.nonzero(np.triu(sims >= config.same_denial, k=1)), strict=True):
        a, b = tied[int(x)], tied[int(y)]
        if group_of[a] != group_of[b]:
            out.append(Tie("same_denial", group_of[a], group_of[b], (a, b)))
    return out


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
    group in it and a short readable detail; each with the indices of its groups.
    ``witnesses[g]`` are group ``g``'s independent witnesses; ``value_support(label, value)`` the
    number of families giving a figure."""
    out = []
    for kind, edges in (
        ("denial", ("denial", "same_denial")),
        ("numeric", ("numeric", "same_figure")),
    ):
        of_kind = [t for t in ties if t.kind in edges]
        for members in _components([(t.first, t.second) for t in of_kind]):
            inside = set(members)
            these = [t for t in of_kind if t.kind == kind and t.first in inside]
            if not these:
                continue
            claim_ids = tuple(features[c].id for g in members for c in groups[g])
            if kind == "denial":
                conflict = Conflict("denial", claim_ids, _denial_detail(features, these, witnesses))
            else:
                conflict = Conflict("numeric", claim_ids, _numeric_detail(these, value_support))
            out.append((conflict, members))
    return out


def _components(edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[int, list[int]] = {}
    for node in sorted(parent):
        members.setdefault(root(node), []).append(node)
    return [members[r] for r in sorted(members)]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > DETAIL_CHARS:
        text = text[: DETAIL_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return f"“{text}”"


def _families(n: int) -> str:
    return f"{n} famil{'y' if n == 1 else 'ies'}"


def _denial_detail(
    features: Sequence[ClaimFeatures], ties: Sequence[Tie], witnesses: Sequence[Sequence[str]]
) -> str:
    """The best-supported assertion and the best-supported denial of it, quoted."""
    tie = max(ties, key=lambda t: (len(witnesses[t.first]), len(witnesses[t.second]), -t.first))
    asserted, denied = features[tie.claims[0]], features[tie.claims[1]]
    who_asserts = asserted.claim.speaker or "one report"
    who_denies = denied.claim.speaker or "another"
    return (
        f"{who_asserts} ({_families(len(witnesses[tie.first]))}): {_quote(asserted.text)}; "
        f"denied by {who_denies} ({_families(len(witnesses[tie.second]))}): "
        f"{_quote(denied.text)}"
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

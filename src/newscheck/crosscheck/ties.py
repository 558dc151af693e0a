"""The links conflicts are made of: two claim groups tied through one pair of their claims, and
the settings that decide when two claims conflict."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ConflictConfig:
    denial_threshold: float = 0.3
    """Least similarity between a denial and the assertion it denies."""
    negation_threshold: float = 0.5
    """The same for a plain negation with no word of denial ("Rome does not intend to ...")."""
    same_denial: float = 0.45
    """Least similarity of two denials for them to deny the same point (one conflict)."""
    same_denial_lexical: float = 0.3
    """The same without sentence embeddings (lexical cosines run lower)."""
    restated: float = 0.45
    """Least similarity of another asserting group's claim to the denied claim for it to be
    denied too (the same claim told in a group apart: "fighters are encircled" / "the Russian
    government claims fighters are encircled")."""
    restated_lexical: float = 0.3
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


def components(edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected sets of the nodes named by ``edges`` (union-find), each sorted, in order of
    their least node."""
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

"""Cross-checking: what independent sources agree on, what is contested, and how a rewrite
changed the tone.

``crosscheck(story, articles, claims, families, links)`` groups the story's claims that state the
same thing (:mod:`~newscheck.crosscheck.grouping`), counts the independent families carrying each
group (:mod:`~newscheck.crosscheck.support`), finds denials and disagreeing figures
(:mod:`~newscheck.crosscheck.conflicts`), gives each group a status, and lists the framing changes
of each link (:mod:`~newscheck.crosscheck.framing`). See docs/crosscheck.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newscheck.crosscheck.conflicts import (
    CONFLICT_SCHEME,
    ConflictConfig,
    conflicts_from_ties,
    find_ties,
)
from newscheck.crosscheck.features import ClaimFeatures, story_features
from newscheck.crosscheck.figures import FIGURES_SCHEME, figure_checks
from newscheck.crosscheck.framing import FRAMING_SCHEME, framing
from newscheck.crosscheck.grouping import GROUPING_SCHEME, GroupingConfig, group_claims
from newscheck.crosscheck.support import Witnesses, status_of, support_of
from newscheck.crosscheck.vectors import LEXICAL_SCHEME, claim_vectors
from newscheck.model import (
    Article,
    Claim,
    ClaimGroup,
    ClaimSupport,
    Conflict,
    Family,
    FigureCheck,
    Framing,
    Link,
    Story,
    group_id,
)

if TYPE_CHECKING:
    from newscheck.embed import Embedder

CROSSCHECK_SCHEME = "crosscheck.v1"
"""Versioned name of the whole recipe; the parts' schemes are in :data:`SCHEMES`."""

SCHEMES = (GROUPING_SCHEME, LEXICAL_SCHEME, CONFLICT_SCHEME, FIGURES_SCHEME, FRAMING_SCHEME)

GROUP_ID_PREFIX = "group-"

__all__ = [
    "CROSSCHECK_SCHEME",
    "CrossCheck",
    "CrossCheckConfig",
    "crosscheck",
    "crosscheck_stories",
]


@dataclass(frozen=True, slots=True)
class CrossCheckConfig:
    grouping: GroupingConfig = field(default_factory=GroupingConfig)
    conflicts: ConflictConfig = field(default_factory=ConflictConfig)


@dataclass(frozen=True, slots=True)
class CrossCheck:
    """The cross-check of one story. ``groups`` and ``support`` are in the same order (best
    supported first); ``conflicts`` name member claim ids of the groups involved."""

    story_id: str
    groups: tuple[ClaimGroup, ...]
    support: tuple[ClaimSupport, ...]
    conflicts: tuple[Conflict, ...]
    framing: tuple[Framing, ...]
    figures: tuple[FigureCheck, ...] = ()
    """Each figure of the story with the families giving it (see :mod:`.figures`)."""
    scheme: str = CROSSCHECK_SCHEME
    semantic: bool = False
    """Whether sentence embeddings were used (else lexical similarity only)."""

    def group_of(self, claim_id: str) -> ClaimGroup | None:
        return next((g for g in self.groups if claim_id in g.claim_ids), None)

    def support_of(self, group: ClaimGroup) -> ClaimSupport:
        return next(s for s in self.support if s.group_id == group.id)


def crosscheck(
    story: Story,
    articles: Mapping[str, Article],
    claims: Sequence[Claim],
    families: Sequence[Family],
    links: Sequence[Link],
    *,
    embedder: Embedder | None = None,
    config: CrossCheckConfig | None = None,
) -> CrossCheck:
    """Cross-check one story. Claims, families and links may cover more than the story: only the
    story's articles are read. Without ``embedder`` similarity is lexical only."""
    config = config or CrossCheckConfig()
    members = [a for a in story.article_ids if a in articles]
    in_story = set(members)
    family_lists = _story_families(members, families)
    family_of = {a: fid for fid, arts in family_lists for a in arts}
    position = {a: i for i, a in enumerate(members)}
    ordered = sorted(
        (c for c in claims if c.article_id in in_story),
        key=lambda c: (position[c.article_id], c.start, c.end, c.id),
    )
    features = story_features(ordered, articles, family_of)
    story_links = [link for link in links if link.derived in in_story]
    check_framing = framing(story_links, articles)
    if not features:
        return CrossCheck(story.id, (), (), (), check_framing, semantic=embedder is not None)
    family_size = {fid: len(arts) for fid, arts in family_lists}
    vectors = claim_vectors(features, family_size, embedder)
    raw_groups = group_claims(
        features, vectors, [arts for _, arts in family_lists], config.grouping
    )
    witnesses = Witnesses(articles, dict(family_lists), story_links)
    supports = [
        support_of(
            group_id(GROUP_ID_PREFIX, [features[i].id for i in g]),
            [features[i] for i in g],
            witnesses,
        )
        for g in raw_groups
    ]
    group_of = [0] * len(features)
    for g, indices in enumerate(raw_groups):
        for i in indices:
            group_of[i] = g
    ties = find_ties(features, vectors, group_of, config.conflicts)
    disputed = [
        (c, v) for t in ties if t.kind == "numeric" for c, v in zip(t.claims, t.values, strict=True)
    ]
    figures = figure_checks(story.id, features, witnesses, disputed)

    def value_support(label: str, value: float) -> int:
        return max(
            (f.families for f in figures if f.label == label and f.value == value), default=0
        )

    found = conflicts_from_ties(
        ties, raw_groups, features, [s.witnesses for s in supports], value_support
    )
    contested = {g for _, groups in found for g in groups}
    disputed_claims = {c for c, _ in disputed}
    order = sorted(
        range(len(raw_groups)),
        key=lambda g: (-len(supports[g].witnesses), _first(raw_groups[g], features, position)),
    )
    groups = tuple(
        ClaimGroup(
            id=supports[g].group_id,
            story_id=story.id,
            claim_ids=_representative_first(raw_groups[g], features, family_lists, disputed_claims),
            families=len(supports[g].witnesses),
            status=status_of(supports[g], g in contested),
        )
        for g in order
    )
    return CrossCheck(
        story_id=story.id,
        groups=groups,
        support=tuple(supports[g] for g in order),
        conflicts=tuple(conflict for conflict, _ in found),
        framing=check_framing,
        figures=figures,
        semantic=vectors.semantic is not None,
    )


def crosscheck_stories(
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    claims: Sequence[Claim],
    families: Sequence[Family],
    links: Sequence[Link],
    *,
    embedder: Embedder | None = None,
    config: CrossCheckConfig | None = None,
) -> tuple[CrossCheck, ...]:
    """``crosscheck`` for every story, reading each claim, family and link once to split them."""
    story_of = {a: s.id for s in stories for a in s.article_ids}
    claims_by: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.article_id in story_of:
            claims_by.setdefault(story_of[claim.article_id], []).append(claim)
    links_by: dict[str, list[Link]] = {}
    for link in links:
        if link.derived in story_of:
            links_by.setdefault(story_of[link.derived], []).append(link)
    return tuple(
        crosscheck(
            story,
            articles,
            claims_by.get(story.id, []),
            families,
            links_by.get(story.id, []),
            embedder=embedder,
            config=config,
        )
        for story in stories
    )


def _story_families(
    members: Sequence[str], families: Sequence[Family]
) -> list[tuple[str, list[str]]]:
    """The story's families as ``(id, articles)``, origin first, restricted to the story; an
    article in no family is a family of its own (named by its article id)."""
    in_story = set(members)
    out: list[tuple[str, list[str]]] = []
    placed: set[str] = set()
    for family in sorted(families, key=lambda f: f.id):
        arts = [a for a in family.article_ids if a in in_story and a not in placed]
        if not arts:
            continue
        if family.origin in arts:
            arts.remove(family.origin)
            arts.insert(0, family.origin)
        placed.update(arts)
        out.append((family.id, arts))
    out.extend((a, [a]) for a in members if a not in placed)
    return out


def _first(
    indices: Sequence[int], features: Sequence[ClaimFeatures], position: Mapping[str, int]
) -> tuple[int, int]:
    return min((position[features[i].article_id], features[i].claim.start) for i in indices)


def _representative_first(
    indices: Sequence[int],
    features: Sequence[ClaimFeatures],
    family_lists: Sequence[tuple[str, Sequence[str]]],
    disputed: Set[int],
) -> tuple[str, ...]:
    """Member claim ids, the best one to show first: a claim of a family's origin before a copy's,
    then one giving a disputed figure (what makes the group contested), then the earliest."""
    origins = {arts[0] for _, arts in family_lists}

    def rank(i: int) -> tuple[int, int, int]:
        return (0 if features[i].article_id in origins else 1, 0 if i in disputed else 1, i)

    return tuple(features[i].id for i in sorted(indices, key=rank))

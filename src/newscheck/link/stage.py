"""The linking stage: copies, rewrites, their direction, what rewrites added, and families."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from newscheck.embed import Embedder
from newscheck.link.align import Alignment, align
from newscheck.link.candidates import Candidates, CandidateSettings, find_candidates
from newscheck.link.corpus import Corpus, build_corpus
from newscheck.link.decide import DecisionRules, LinkRelation, classify, evidence
from newscheck.link.direction import DIRECTION_SCHEME, Direction, decide
from newscheck.link.families import build_families
from newscheck.link.scoring import Scored, SentenceScorer
from newscheck.link.support import SupportIndex, find_support
from newscheck.model import Article, Family, Link, Segmentation, Span

EXPLAINED = 0.8
"""A second origin whose aligned sentences are this much covered by a stronger, related origin,
which matches them clearly better, adds nothing: the article drew on the stronger one (two
rewrites of one origin are siblings, not a link). When both match about equally well (an origin
and its near copy) the article may have used either: both links stay."""
BETTER_BY = 0.03
"""How much closer (mean cosine, or probability without vectors) the stronger origin's matches
must be."""


@dataclass(frozen=True, slots=True)
class LinkResult:
    links: tuple[Link, ...]
    families: tuple[Family, ...]


@dataclass(frozen=True, slots=True)
class LinkSettings:
    candidates: CandidateSettings = field(default_factory=CandidateSettings)
    rules: DecisionRules = field(default_factory=DecisionRules)


@dataclass(frozen=True, slots=True)
class _Found:
    """A derived relation between two articles, before pruning."""

    direction: Direction
    relation: LinkRelation
    alignment: Alignment
    strength: float
    verbatim: float
    """Shingle Jaccard with the origin (0 when the copy path did not pair them)."""


def link_articles(
    articles: Sequence[Article],
    segmentations: Mapping[str, Segmentation],
    *,
    embedder: Embedder | None = None,
    settings: LinkSettings | None = None,
) -> LinkResult:
    """Find copies and rewrites among ``articles`` and group them into independent families.

    With ``embedder`` sentences are compared by meaning as well as words (machine rewrites that
    keep few words are found); without it the comparison is lexical only.
    """
    settings = settings or LinkSettings()
    corpus = build_corpus(articles, segmentations, embedder)
    scorer = SentenceScorer(corpus)
    index = SupportIndex(corpus)
    candidates = find_candidates(corpus, index, settings.candidates)
    found = _derivations(scorer, candidates, settings.rules)
    kept = _prune(scorer, found)
    scheme = "+".join(
        (settings.candidates.copy.name, scorer.scheme, settings.rules.name, DIRECTION_SCHEME)
    )
    links = _records(scorer, index, candidates, kept, scheme)
    return LinkResult(links, build_families(articles, links))


def _derivations(
    scorer: SentenceScorer, candidates: Candidates, rules: DecisionRules
) -> list[_Found]:
    found = []
    for a, b in candidates.pairs:
        forward, backward = align(scorer, a, b), align(scorer, b, a)
        if not forward.matches and not backward.matches and (a, b) not in candidates.overlaps:
            continue
        overlap = candidates.overlaps.get((a, b))
        direction = decide(scorer.corpus, forward, backward)
        derived = forward if direction.derived == a else backward
        relation = classify(derived, overlap, rules)
        if relation is not None:
            strength = evidence(forward, backward, overlap)
            verbatim = overlap.jaccard if overlap is not None else 0.0
            found.append(_Found(direction, relation, derived, strength, verbatim))
    return found


def _prune(scorer: SentenceScorer, found: list[_Found]) -> list[_Found]:
    """Drop links from an article to a second origin its stronger, related origin explains."""
    related = {frozenset((f.direction.derived, f.direction.origin)) for f in found}
    by_derived: dict[int, list[_Found]] = {}
    for f in found:
        by_derived.setdefault(f.direction.derived, []).append(f)
    kept: list[_Found] = []
    for group in by_derived.values():
        group.sort(key=lambda f: (-f.strength, -f.alignment.shared, f.direction.origin))
        chosen: list[_Found] = []
        for f in group:
            if not any(_explained(scorer, f, k, related) for k in chosen):
                chosen.append(f)
        kept.extend(chosen)
    return kept


def _closeness(scorer: SentenceScorer, match: Scored) -> float:
    if scorer.corpus.vectors is not None:
        return scorer.cosine(match.row, match.other)
    return match.probability


def _explained(
    scorer: SentenceScorer, candidate: _Found, stronger: _Found, related: set[frozenset[int]]
) -> bool:
    if frozenset((candidate.direction.origin, stronger.direction.origin)) not in related:
        return False
    mine = {m.row: m for m in candidate.alignment.matches}
    theirs = {m.row: m for m in stronger.alignment.matches}
    if not mine:
        return True
    both = mine.keys() & theirs.keys()
    if len(both) / len(mine) < EXPLAINED:
        return False
    if stronger.verbatim >= 0.5 and stronger.verbatim - candidate.verbatim >= BETTER_BY:
        return True  # the exact text says which copy is closer
    closer = sum(_closeness(scorer, theirs[r]) - _closeness(scorer, mine[r]) for r in both)
    return closer / len(both) >= BETTER_BY


def _added_spans(
    scorer: SentenceScorer, index: SupportIndex, article: int, neighbours: set[int]
) -> tuple[Span, ...]:
    """Claim-like sentences of ``article`` that no sentence of any other article supports."""
    corpus = scorer.corpus
    spans = []
    for row in corpus.claim_rows(article):
        if find_support(scorer, index, row, sorted(neighbours)) is None:
            sentence = corpus.sentences[row]
            spans.append(Span(corpus.articles[article].id, sentence.start, sentence.end))
    return tuple(spans)


def _neighbours(candidates: Candidates, article: int) -> set[int]:
    return {b if a == article else a for a, b in candidates.pairs if article in (a, b)}


def _records(
    scorer: SentenceScorer,
    index: SupportIndex,
    candidates: Candidates,
    kept: list[_Found],
    scheme: str,
) -> tuple[Link, ...]:
    corpus: Corpus = scorer.corpus
    added: dict[int, tuple[Span, ...]] = {}
    links = []
    for f in sorted(kept, key=lambda f: (f.direction.derived, f.direction.origin)):
        derived = f.direction.derived
        if derived not in added:
            added[derived] = _added_spans(scorer, index, derived, _neighbours(candidates, derived))
        links.append(
            Link(
                derived=corpus.articles[derived].id,
                origin=corpus.articles[f.direction.origin].id,
                relation=f.relation,
                shared=round(f.alignment.shared, 4),
                added=added[derived],
                pairs=f.alignment.sentence_pairs(scorer),
                direction_method=f.direction.method,
                direction_confidence=round(f.direction.confidence, 3),
                scheme=scheme,
            )
        )
    links.sort(key=lambda link: (link.derived, link.origin))
    return tuple(links)

"""The linking stage: copies, rewrites, their direction, what rewrites added, and families."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from newscheck.embed import Embedder
from newscheck.link.align import Alignment, align
from newscheck.link.attribution import Explainers, explainers
from newscheck.link.candidates import Candidates, CandidateSettings, Pair, find_candidates
from newscheck.link.corpus import Corpus, build_corpus
from newscheck.link.cross import CROSS_SCHEME, CrossEncoder
from newscheck.link.decide import DecisionRules, LinkRelation, classify, evidence
from newscheck.link.direction import DIRECTION_SCHEME, Direction, decide
from newscheck.link.families import build_families
from newscheck.link.scoring import Scored, SentenceScorer
from newscheck.link.support import SupportIndex, find_support
from newscheck.link.verify import Overlap
from newscheck.model import Article, Family, Link, Segmentation, Span

EXPLAINED = 0.8
"""A second origin whose aligned sentences are this much covered by a stronger, related origin,
which matches them clearly better, adds nothing: the article drew on the stronger one (two
rewrites of one origin are siblings, not a link). When both match about equally well (an origin
and its near copy) the article may have used either: both links stay."""
BETTER_BY = 0.03
"""How much closer (mean cosine, or probability without vectors) the stronger origin's matches
must be."""


NONE_IGNORED: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())


@dataclass(frozen=True, slots=True)
class LinkResult:
    links: tuple[Link, ...]
    families: tuple[Family, ...]


@dataclass(frozen=True, slots=True)
class LinkSettings:
    candidates: CandidateSettings = field(default_factory=CandidateSettings)
    rules: DecisionRules = field(default_factory=DecisionRules)
    cross_encoder: bool = True
    """With sentence embeddings, also read the sentence pairs the logistic model doubts with the
    cross-encoder (:mod:`newscheck.link.cross`; the ``embed`` extra). No effect without them."""


@dataclass(frozen=True, slots=True)
class Found:
    """A derived relation between two articles, before pruning (:func:`derive_links`)."""

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
    copies: Sequence[Overlap] | None = None,
) -> LinkResult:
    """Find copies and rewrites among ``articles`` and group them into independent families.

    With ``embedder`` sentences are compared by meaning as well as words (machine rewrites that
    keep few words are found); without it the comparison is lexical only. ``copies``: the
    verified copy overlaps among ``articles`` (indexes in their order) computed elsewhere, as
    ``find_copies([a.text for a in articles], settings.candidates.copy)`` gives them (a Dask run
    computes them on its workers); None finds them here. The result is the same either way.
    """
    work = prepare_links(
        articles, segmentations, embedder=embedder, settings=settings, copies=copies
    )
    found = _derivations(work.scorer, work.candidates, work.neighbours, work.settings.rules)
    return finish_links(work, found)


def linking_method(embedder: Embedder | None, settings: LinkSettings | None = None) -> str:
    """How :func:`link_articles` compares sentences with these arguments, as a name: lexical, or
    the embedding scheme and the cross-encoder's (part of the key of linked parts kept between
    runs, :func:`newscheck.link.window.part_key`)."""
    if embedder is None:
        return "lexical"
    settings = settings or LinkSettings()
    return f"{embedder.scheme}+{CROSS_SCHEME if settings.cross_encoder else 'no-cross'}"


@dataclass(frozen=True, slots=True)
class LinkWork:
    """What deriving links needs (:func:`prepare_links`): the corpus scored, its candidate pairs
    and each article's candidate partners. The derivation may run elsewhere, in parts
    (:func:`derive_links`); :func:`finish_links` turns what it found into links and families."""

    articles: tuple[Article, ...]
    scorer: SentenceScorer
    index: SupportIndex
    candidates: Candidates
    neighbours: dict[int, set[int]]
    settings: LinkSettings


def prepare_links(
    articles: Sequence[Article],
    segmentations: Mapping[str, Segmentation],
    *,
    embedder: Embedder | None = None,
    settings: LinkSettings | None = None,
    copies: Sequence[Overlap] | None = None,
) -> LinkWork:
    """The first part of :func:`link_articles` (same arguments): sentences, vectors, candidates."""
    settings = settings or LinkSettings()
    corpus = build_corpus(articles, segmentations, embedder)
    cross = CrossEncoder() if embedder is not None and settings.cross_encoder else None
    scorer = SentenceScorer(corpus, cross=cross)
    index = SupportIndex(corpus)
    candidates = find_candidates(corpus, index, settings.candidates, overlaps=copies)
    return LinkWork(tuple(articles), scorer, index, candidates, neighbour_map(candidates), settings)


def finish_links(work: LinkWork, found: Sequence[Found]) -> LinkResult:
    """The last part of :func:`link_articles`: the relations found in both rounds of
    :func:`derive_links` over ``work``'s candidates pruned, made links, grouped into families."""
    scorer, settings = work.scorer, work.settings
    kept = _prune(scorer, list(found))
    scheme = "+".join(
        (settings.candidates.copy.name, scorer.scheme, settings.rules.name, DIRECTION_SCHEME)
    )
    links = _records(scorer, work.index, work.neighbours, kept, scheme)
    return LinkResult(links, build_families(work.articles, links))


def _derivations(
    scorer: SentenceScorer,
    candidates: Candidates,
    neighbours: Mapping[int, set[int]],
    rules: DecisionRules,
) -> list[Found]:
    """Derived relations among the candidate pairs, in two rounds: in the second, the origins
    found in the first of either article no longer count as other explanations of their
    sentences (a synthesis of several reports is explained sentence by sentence by one or another
    of them; bench/link_independence.py: 56 of 156 MMDS sources found instead of 51 in one round,
    for one more BASIL link between reports that share no text, 8 instead of 7)."""
    overlaps = candidates.overlaps
    cache: dict[int, Explainers] = {}
    first = derive_links(scorer, candidates.pairs, rules, overlaps, neighbours, explained=cache)
    pending = unexplained_pairs(candidates.pairs, first)
    known = origins_of(first)
    second = derive_links(scorer, pending, rules, overlaps, neighbours, known, explained=cache)
    return first + second


def derive_links(
    scorer: SentenceScorer,
    pairs: Sequence[Pair],
    rules: DecisionRules,
    overlaps: Mapping[Pair, Overlap],
    neighbours: Mapping[int, set[int]],
    known_origins: Mapping[int, set[int]] | None = None,
    *,
    explained: dict[int, Explainers] | None = None,
) -> list[Found]:
    """The derived relations among ``pairs``, one round of :func:`link_articles`' two.

    Each pair is decided on its own (its alignments, against the sentences of the candidate
    ``neighbours`` of each side), so partitions of the pairs can be derived apart (on workers)
    and their results concatenated. First round: ``known_origins`` None. Second round: the pairs
    the first left (:func:`unexplained_pairs`) with ``known_origins`` the first round's
    (:func:`origins_of`); a pair is re-aligned only where either side has known origins, which
    then no longer compete in explaining its sentences. ``explained``: a cache of each article's
    explainers, to share between calls on one ``scorer`` and ``neighbours`` (both rounds ask for
    many of the same articles').
    """
    cache: dict[int, Explainers] = {} if explained is None else explained

    def explainers_of(article: int) -> Explainers:
        if article not in cache:
            cache[article] = explainers(scorer, article, neighbours.get(article, set()))
        return cache[article]

    found: list[Found] = []
    for a, b in pairs:
        ignore = NONE_IGNORED
        if known_origins is not None:
            # Either side's known origins are represented by that side: they compete with neither.
            known = frozenset(known_origins.get(a, set()) | known_origins.get(b, set())) - {a, b}
            if not known:
                continue
            ignore = (known, known)
        derived = _derive(scorer, (a, b), explainers_of, overlaps, rules, ignore)
        if derived is not None:
            found.append(derived)
    return found


def unexplained_pairs(pairs: Sequence[Pair], found: Sequence[Found]) -> list[Pair]:
    """The pairs of ``pairs`` (in their order) between which ``found`` has no relation."""
    related = {frozenset((f.direction.derived, f.direction.origin)) for f in found}
    return [pair for pair in pairs if frozenset(pair) not in related]


def origins_of(found: Sequence[Found]) -> dict[int, set[int]]:
    """Each derived article's origins in ``found``."""
    origins: dict[int, set[int]] = {}
    for f in found:
        origins.setdefault(f.direction.derived, set()).add(f.direction.origin)
    return origins


def _derive(
    scorer: SentenceScorer,
    pair: tuple[int, int],
    explainers_of: Callable[[int], Explainers],
    overlaps: Mapping[Pair, Overlap],
    rules: DecisionRules,
    ignore: tuple[frozenset[int], frozenset[int]],
) -> Found | None:
    """The derived relation between the two articles of ``pair``, if any; ``ignore``: for each,
    the articles that do not compete in explaining its sentences."""
    a, b = pair
    forward = align(scorer, a, b, explainers_of(a), ignore[0])
    backward = align(scorer, b, a, explainers_of(b), ignore[1])
    overlap = overlaps.get(pair)
    if not forward.matches and not backward.matches and overlap is None:
        return None
    direction = decide(scorer.corpus, forward, backward)
    derived, reverse = (forward, backward) if direction.derived == a else (backward, forward)
    relation = classify(derived, overlap, rules, reverse)
    if relation is None:
        return None
    strength = evidence(forward, backward, overlap)
    verbatim = overlap.jaccard if overlap is not None else 0.0
    return Found(direction, relation, derived, strength, verbatim)


def _prune(scorer: SentenceScorer, found: list[Found]) -> list[Found]:
    """Drop links from an article to a second origin its stronger, related origin explains."""
    related = {frozenset((f.direction.derived, f.direction.origin)) for f in found}
    by_derived: dict[int, list[Found]] = {}
    for f in found:
        by_derived.setdefault(f.direction.derived, []).append(f)
    kept: list[Found] = []
    for group in by_derived.values():
        group.sort(key=lambda f: (-f.strength, -f.alignment.shared, f.direction.origin))
        chosen: list[Found] = []
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
    scorer: SentenceScorer, candidate: Found, stronger: Found, related: set[frozenset[int]]
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


def neighbour_map(candidates: Candidates) -> dict[int, set[int]]:
    """Each article's candidate partners (whose sentences may explain its own)."""
    out: dict[int, set[int]] = {}
    for a, b in candidates.pairs:
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return out


def _records(
    scorer: SentenceScorer,
    index: SupportIndex,
    neighbours: Mapping[int, set[int]],
    kept: list[Found],
    scheme: str,
) -> tuple[Link, ...]:
    corpus: Corpus = scorer.corpus
    added: dict[int, tuple[Span, ...]] = {}
    links = []
    for f in sorted(kept, key=lambda f: (f.direction.derived, f.direction.origin)):
        derived = f.direction.derived
        if derived not in added:
            added[derived] = _added_spans(scorer, index, derived, neighbours.get(derived, set()))
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

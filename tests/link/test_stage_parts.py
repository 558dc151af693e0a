"""Linking from parts computed elsewhere (a Dask run's workers): copy overlaps handed in give the
links that linking finds when it computes them itself, and sentence alignment derived over
partitions of the candidate pairs gives what one pass over them gives."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newscheck.distributed.synthetic import records
from newscheck.link import find_copies, link_articles
from newscheck.link.candidates import find_candidates
from newscheck.link.corpus import build_corpus
from newscheck.link.decide import DecisionRules
from newscheck.link.scoring import SentenceScorer
from newscheck.link.stage import (
    Found,
    _derivations,
    derive_links,
    neighbour_map,
    origins_of,
    unexplained_pairs,
)
from newscheck.link.support import SupportIndex
from newscheck.model import Article, Segmentation

from .fictional import INDEPENDENT_TEXT, ORIGIN_TEXT, REWRITE_TEXT, UNRELATED_TEXT, make_article

Articles = tuple[list[Article], dict[str, Segmentation]]


def _articles(texts: list[tuple[str, str]]) -> Articles:
    pairs = [make_article(title, text, seq=i) for i, (title, text) in enumerate(texts)]
    return [a for a, _ in pairs], {a.id: s for a, s in pairs}


@pytest.fixture(scope="module")
def fictional() -> Articles:
    """The fictional flood reports, with a wire copy of the origin and a copy of the rewrite."""
    wire = ORIGIN_TEXT.replace("Wednesday morning", "Wednesday") + "\n\nReporting by staff."
    return _articles(
        [
            ("Marrowby flood barrier fails", ORIGIN_TEXT),
            ("Marrowby floods after barrier gives way", REWRITE_TEXT),
            ("A night in the school gym", INDEPENDENT_TEXT),
            ("Chess club wins league", UNRELATED_TEXT),
            ("Marrowby barrier fails (wire)", wire),
            ("Barrier gives way in Marrowby", REWRITE_TEXT + "\n\nMore to follow."),
        ]
    )


@pytest.fixture(scope="module")
def generated() -> Articles:
    """80 generated reports (copies, near copies, rewrites, independent reports of events)."""
    made = [r for r in records(80, seed=11) if r.get("text")]
    return _articles([(r["title"], r["text"]) for r in made])


@pytest.mark.parametrize("corpus", ["fictional", "generated"])
def test_links_are_the_same_with_copies_handed_in(
    corpus: str, request: pytest.FixtureRequest
) -> None:
    articles, segmentations = request.getfixturevalue(corpus)
    copies = find_copies([a.text for a in articles])
    assert len(copies) >= 2  # there are copies to hand in
    computed = link_articles(articles, segmentations)
    handed = link_articles(articles, segmentations, copies=copies)
    assert any(link.relation in ("copy", "near_copy") for link in computed.links)
    assert handed == computed


def test_the_handed_in_copies_are_the_ones_used(fictional: Articles) -> None:
    """Handed an empty list, linking knows no verbatim overlap: the wire copy and the copy of the
    rewrite are still linked (their sentences align) but no longer as copies. The argument is
    used, not recomputed."""
    articles, segmentations = fictional
    computed = link_articles(articles, segmentations)
    none = link_articles(articles, segmentations, copies=[])
    copies = {(link.derived, link.origin) for link in computed.links if link.relation == "copy"}
    wire, origin = articles[4].id, articles[0].id
    assert (wire, origin) in copies and len(copies) == 2
    relation = {(link.derived, link.origin): link.relation for link in none.links}
    assert {relation[pair] for pair in copies} == {"rewrite"}


def test_candidates_are_the_same_with_overlaps_handed_in(generated: Articles) -> None:
    articles, segmentations = generated
    corpus = build_corpus(articles, segmentations, None)
    index = SupportIndex(corpus)
    computed = find_candidates(corpus, index)
    overlaps = find_copies([a.text for a in articles])
    handed = find_candidates(corpus, index, overlaps=overlaps)
    assert handed == computed
    assert set(computed.overlaps) == {(o.a, o.b) for o in overlaps}


def test_overlaps_of_other_texts_are_refused(fictional: Articles) -> None:
    articles, segmentations = fictional
    (first, *_) = find_copies([a.text for a in articles])
    outside = replace(first, b=len(articles))
    with pytest.raises(ValueError, match="not a pair of the 6 articles"):
        link_articles(articles, segmentations, copies=[outside])
    reversed_pair = replace(first, a=first.b, b=first.a)
    with pytest.raises(ValueError, match="not a pair"):
        link_articles(articles, segmentations, copies=[reversed_pair])


def _key(found: Found) -> tuple[int, int, str, float]:
    return found.direction.derived, found.direction.origin, found.relation, found.strength


@pytest.mark.parametrize("parts", [3, 7])
def test_derivation_over_partitions_of_pairs_equals_one_pass(
    generated: Articles, parts: int
) -> None:
    """Each round mapped over partitions of the pairs (a fresh explainer cache per partition, as
    on separate workers), the second given the origins gathered from the first."""
    articles, segmentations = generated
    corpus = build_corpus(articles, segmentations, None)
    scorer = SentenceScorer(corpus)
    candidates = find_candidates(corpus, SupportIndex(corpus))
    neighbours = neighbour_map(candidates)
    rules, overlaps = DecisionRules(), candidates.overlaps

    def mapped(pairs: list[tuple[int, int]], known: dict[int, set[int]] | None) -> list[Found]:
        size = -(-len(pairs) // parts)
        chunks = [pairs[start : start + size] for start in range(0, len(pairs), size)]
        return [
            f
            for chunk in chunks
            for f in derive_links(scorer, chunk, rules, overlaps, neighbours, known)
        ]

    first = mapped(list(candidates.pairs), None)
    pending = unexplained_pairs(candidates.pairs, first)
    second = mapped(pending, origins_of(first))
    one_pass = _derivations(scorer, candidates, neighbours, rules)
    assert first and second  # both rounds find links in this corpus
    assert [_key(f) for f in first + second] == [_key(f) for f in one_pass]
    assert first + second == one_pass

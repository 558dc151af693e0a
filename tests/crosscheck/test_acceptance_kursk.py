"""Acceptance on ../shared/corpus/kursk-2025-03 with the real stages (issue "Cross-checking")."""

from __future__ import annotations

from typing import Any

import pytest

from newscheck.crosscheck import CrossCheck, crosscheck
from newscheck.model import ClaimGroup
from newscheck.summarize import summarize

from .stages import KURSK, Staged, run_stages

pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def embedder() -> Any:
    from newscheck.embed import Embedder, embeddings_available

    return Embedder() if embeddings_available() else None


@pytest.fixture(scope="module")
def staged(embedder: Any) -> Staged:
    if not KURSK.is_dir():
        pytest.skip(f"the shared corpus is not at {KURSK}")
    return run_stages(KURSK, embedder)


@pytest.fixture(scope="module", params=["lexical", "semantic"])
def check(request: pytest.FixtureRequest, staged: Staged, embedder: Any) -> CrossCheck:
    if request.param == "semantic" and embedder is None:
        pytest.skip("the 'embed' extra is not installed")
    story = staged.story_of(staged.article("003_"))
    return crosscheck(
        story,
        staged.articles,
        staged.claims,
        staged.families,
        staged.links,
        embedder=embedder if request.param == "semantic" else None,
    )


def group_with(check: CrossCheck, staged: Staged, name: str, words: str) -> ClaimGroup:
    article = staged.article(name)
    claim = next((c for c in staged.claims if c.article_id == article.id and words in c.text), None)
    assert claim is not None, f"extraction gave no claim with {words!r} in {name}"
    group = check.group_of(claim.id)
    assert group is not None
    return group


def carriers(group: ClaimGroup, staged: Staged) -> set[str]:
    by_id = {c.id: c for c in staged.claims}
    return {
        staged.articles[by_id[c].article_id].location.rsplit("/", 1)[-1][:3]
        for c in group.claim_ids
    }


def family_of(staged: Staged, name: str) -> str:
    article = staged.article(name)
    return next(f.id for f in staged.families if article.id in f.article_ids)


def test_the_178_drones_rest_on_one_family(check: CrossCheck, staged: Staged) -> None:
    group = group_with(check, staged, "003_", "178 drones")
    assert (group.status, group.families) == ("single_source", 1)
    assert check.support_of(group).witnesses == (family_of(staged, "003_"),)


def test_14_injured_in_kryvyi_rih_is_corroborated_by_two_families(
    check: CrossCheck, staged: Staged
) -> None:
    group = group_with(check, staged, "003_", "injuring 14 people")
    assert (group.status, group.families) == ("corroborated", 2)
    assert "000" in carriers(group, staged)
    figure = next(f for f in check.figures if f.label == "people injured" and f.value == 14)
    assert set(figure.witnesses) == {family_of(staged, "000_"), family_of(staged, "003_")}


def test_the_two_villages_near_sudzha_are_corroborated(check: CrossCheck, staged: Staged) -> None:
    group = group_with(check, staged, "003_", "two villages")
    assert group.status == "corroborated" and group.families >= 2


def test_gerasimovs_24_settlements_are_single_source(check: CrossCheck, staged: Staged) -> None:
    group = group_with(check, staged, "004_", "24 settlements")
    assert (group.status, group.families) == ("single_source", 1)


def test_the_encirclement_claim_and_its_denial_are_a_denial_conflict(
    check: CrossCheck, staged: Staged
) -> None:
    by_id = {c.id: c for c in staged.claims}
    denials = [c for c in check.conflicts if c.kind == "denial"]
    assert any(
        any("encircled" in by_id[i].text and by_id[i].stance != "denies" for i in c.claim_ids)
        and any("encircle" in by_id[i].text and by_id[i].stance == "denies" for i in c.claim_ids)
        for c in denials
    )
    for conflict in denials:
        assert conflict.detail and "denied by" in conflict.detail
        # and no other denial: Meloni's "Rome does not intend to participate" denies no one
        assert all("encircle" in by_id[i].text for i in conflict.claim_ids[:2])


def test_every_summary_sentence_cites_its_sources(check: CrossCheck, staged: Staged) -> None:
    story = staged.story_of(staged.article("003_"))
    summary = summarize(story, check, staged.articles, staged.claims)
    assert len(summary.sentences) >= 3
    for index, sentence in enumerate(summary.sentences):
        assert sentence.cites and set(sentence.cites) <= set(story.article_ids)
        assert {c.article_id for c in summary.citations_of(index)} == set(sentence.cites)
    assert any("encircle" in s.text and ";" in s.text for s in summary.sentences)


def test_the_rewrites_loaded_headline_is_listed(check: CrossCheck, staged: Staged) -> None:
    rewrite = staged.article("001_")
    title = [f for f in check.framing if f.derived == rewrite.id and f.where == "title"]
    assert title and "rightful" in title[0].words

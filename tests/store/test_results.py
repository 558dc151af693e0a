"""Derived results: every kind reads back equal, in order, and a replace swaps the whole scope."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck.errors import StoreError
from newscheck.model import (
    Claim,
    ClaimGroup,
    Conflict,
    Family,
    Figure,
    Link,
    SentencePair,
    Span,
    Story,
    SummarySentence,
)
from newscheck.store import Store

from . import strategies as records

# One store per test, shared by the examples: each example replaces the whole set it checks.
ROUND_TRIP = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@ROUND_TRIP
@given(st.lists(records.links, max_size=4, unique_by=lambda link: (link.derived, link.origin)))
def test_links_round_trip(store: Store, links: list[Link]) -> None:
    store.replace_links(links)
    assert store.links() == links


@ROUND_TRIP
@given(st.lists(records.families, max_size=4, unique_by=lambda family: family.id))
def test_families_round_trip(store: Store, families: list[Family]) -> None:
    store.replace_families(families)
    assert store.families() == families


@ROUND_TRIP
@given(st.lists(records.stories, max_size=4, unique_by=lambda story: story.id))
def test_stories_round_trip(store: Store, stories: list[Story]) -> None:
    store.replace_stories(stories)
    read = store.stories()
    assert read == stories
    for story in read:
        for moment in (story.first_seen, story.last_seen):
            assert moment is None or moment.utcoffset() is not None


@ROUND_TRIP
@given(st.lists(records.claims, max_size=4, unique_by=lambda claim: claim.id))
def test_claims_round_trip(store: Store, claims: list[Claim]) -> None:
    store.replace_claims(claims)
    assert store.claims() == claims


@ROUND_TRIP
@given(st.lists(records.claim_groups, max_size=4, unique_by=lambda group: group.id))
def test_claim_groups_round_trip(store: Store, groups: list[ClaimGroup]) -> None:
    store.replace_claim_groups(groups)
    assert store.claim_groups() == groups


@ROUND_TRIP
@given(st.lists(records.conflicts, max_size=4), st.lists(records.conflicts, max_size=2))
def test_conflicts_round_trip(store: Store, first: list[Conflict], second: list[Conflict]) -> None:
    store.replace_conflicts("story-a", first)
    store.replace_conflicts("story-b", second)
    assert store.conflicts("story-a") == first
    assert store.conflicts("story-b") == second
    assert store.conflicts() == first + second


@ROUND_TRIP
@given(st.lists(records.summary_sentences, max_size=5))
def test_summary_round_trip(store: Store, sentences: list[SummarySentence]) -> None:
    store.replace_summary("story-a", sentences)
    assert store.summary("story-a") == sentences


def link(derived: str, origin: str, shared: float = 0.5) -> Link:
    return Link(
        derived,
        origin,
        "rewrite",
        shared,
        added=(Span(derived, 10, 42),),
        pairs=(SentencePair(0, 2, 0.93, "paraphrase"), SentencePair(1, 3, 1.0, "same")),
        direction_method="published",
        direction_confidence=0.8,
        scheme="link.test.v1",
    )


def test_replace_links_swaps_the_whole_set(store: Store) -> None:
    store.replace_links([link("a", "b"), link("c", "b")])
    store.replace_links([link("d", "e")])
    assert store.links() == [link("d", "e")]
    store.replace_links([])
    assert store.links() == []


def test_stories_keep_member_order_and_first_seen(store: Store) -> None:
    seen = datetime(2025, 3, 12, 8, 30, 15, 250, tzinfo=UTC)
    story = Story("s1", "Ferries return", ("z9", "a1", "m5"), seen, None, "story.test.v1")
    other = Story("s0", "Storm", ("a1",), scheme="story.test.v1")
    store.replace_stories([story, other])
    assert store.stories() == [story, other]
    store.replace_stories([other])
    assert store.stories() == [other]


def test_families_of_a_story_replace_members_too(store: Store) -> None:
    store.replace_families([Family("f1", "s1", ("a", "b"), "a"), Family("f2", None, ("c",), "c")])
    store.replace_families([Family("f1", "s1", ("b",), "b")])
    assert store.families() == [Family("f1", "s1", ("b",), "b")]


def test_claims_filtered_by_article_keep_stored_order(store: Store) -> None:
    def claim(claim_id: str, article_id: str) -> Claim:
        figure = Figure(article_id, 4, 7, 178.0, "drones", "more than")
        return Claim(
            claim_id,
            article_id,
            0,
            20,
            f"claim {claim_id}",
            "the council",
            "said",
            figures=(figure,),
            entities=("Velmora",),
        )

    claims = [claim("c3", "x"), claim("c1", "y"), claim("c2", "x"), claim("c4", "z")]
    store.replace_claims(claims)
    assert store.claims(["x", "z"]) == [claims[0], claims[2], claims[3]]
    assert store.claims(iter(["y", "y"])) == [claims[1]]
    assert store.claims([]) == []


def test_claim_groups_by_story(store: Store) -> None:
    first = ClaimGroup("g1", "s1", ("c2", "c1"), 2, "corroborated")
    second = ClaimGroup("g2", "s2", ("c3",), 1, "single_source")
    third = ClaimGroup("g3", "s1", ("c4", "c5"), 1, "contested")
    store.replace_claim_groups([first, second, third])
    assert store.claim_groups("s1") == [first, third]
    assert store.claim_groups("s2") == [second]
    assert store.claim_groups("nope") == []


def test_replacing_one_storys_conflicts_and_summary_keeps_the_others(store: Store) -> None:
    denial = Conflict("denial", ("c1", "c2"), "Ostrany denies the count")
    numeric = Conflict("numeric", ("c3", "c4"), "12 vs 14 barges")
    store.replace_conflicts("s1", [denial])
    store.replace_conflicts("s2", [numeric])
    store.replace_conflicts("s1", [])
    assert store.conflicts() == [numeric]
    store.replace_summary("s1", [SummarySentence("One.", ("a",))])
    store.replace_summary("s2", [SummarySentence("Two.", ("b", "c"))])
    store.replace_summary("s1", [SummarySentence("One again.")])
    assert store.summary("s1") == [SummarySentence("One again.")]
    assert store.summary("s2") == [SummarySentence("Two.", ("b", "c"))]
    assert store.summary("missing") == []


def test_a_failed_replace_keeps_the_previous_set(store: Store) -> None:
    store.replace_links([link("a", "b")])
    with pytest.raises(StoreError, match="replace links"):
        store.replace_links([link("c", "d"), link("e", "f"), link("c", "d", shared=0.9)])
    assert store.links() == [link("a", "b")]

    stories = [Story("s1", "One", ("a",))]
    store.replace_stories(stories)
    with pytest.raises(StoreError):
        store.replace_stories([Story("s2", "Two", ("b",)), Story("s2", "Again", ("c",))])
    assert store.stories() == stories


def test_links_of_some_articles_are_those_they_take_part_in_either_way(store: Store) -> None:
    links = [link("b", "a"), link("c", "a"), link("d", "c"), link("f", "e")]
    store.replace_links(links)
    assert store.links(["c"]) == [links[1], links[2]]
    assert store.links(["a", "c"]) == links[:3]  # a link between two wanted articles comes once
    assert store.links(iter(["e", "e"])) == [links[3]]
    assert store.links(["nope"]) == [] and store.links([]) == []


def test_links_between_articles_in_different_chunks_come_once(store: Store) -> None:
    # 1,200 ids make three IN (...) chunks; the link's two ends fall in different ones.
    ids = [f"a{n:04d}" for n in range(1200)]
    links = [link(ids[1100], ids[3]), link(ids[600], ids[5])]
    store.replace_links(links)
    assert store.links(ids) == links


def test_families_of_one_story(store: Store) -> None:
    families = [
        Family("f1", "s1", ("a", "b"), "a"),
        Family("f2", "s2", ("c",), "c"),
        Family("f3", "s1", ("d",), "d"),
        Family("f4", None, ("e",), "e"),
    ]
    store.replace_families(families)
    assert store.families("s1") == [families[0], families[2]]
    assert store.families("s2") == [families[1]]
    assert store.families("nope") == []
    assert store.families() == families


def test_stories_by_id_keep_stored_order_and_members(store: Store) -> None:
    seen = datetime(2025, 3, 12, 8, 30, tzinfo=UTC)
    stories = [
        Story("s1", "Ferries return", ("z9", "a1", "m5"), seen, seen, "story.test.v1"),
        Story("s2", "Storm", ("a1",)),
        Story("s3", "Kiln fire", ("k1", "k2"), scheme="story.test.v1"),
    ]
    store.replace_stories(stories)
    assert store.stories(["s3", "s1", "nope"]) == [stories[0], stories[2]]
    assert store.stories(iter(["s2", "s2"])) == [stories[1]]
    assert store.stories([]) == []
    assert store.stories() == stories

from dataclasses import replace

from newscheck.crosscheck.features import claim_features
from newscheck.crosscheck.support import (
    Witnesses,
    agency_key,
    article_agency_names,
    status_of,
    support_of,
)
from newscheck.model import ClaimSupport

from .fictional import flood


def test_agency_names_match_by_words_or_initials() -> None:
    assert "nw" in agency_key("the Northern Wire")
    assert agency_key("TASS") == {"tass"}
    story = flood()
    assert article_agency_names(story.wire) == {"nw"}
    assert "lakeside gazette" in article_agency_names(story.gazette)


def witnesses_for(story=None):  # type: ignore[no-untyped-def]
    story = story or flood()
    members = {f.id: f.article_ids for f in story.families}
    family_of = {a: f.id for f in story.families for a in f.article_ids}
    return story, family_of, Witnesses(story.articles, members, story.links)


def features(story, family_of, article, words):  # type: ignore[no-untyped-def]
    claim = story.claim_with(article, words)
    return claim_features(claim, story.articles[claim.article_id], family_of[claim.article_id])


def test_a_relay_of_an_agency_counts_for_the_agency_family() -> None:
    story, family_of, witnesses = witnesses_for()
    radio = features(story, family_of, story.radio, "Nine people were injured in the Brennholt")
    wire = features(story, family_of, story.wire, "Nine people were injured in floods")
    assert witnesses.witness(radio) == family_of[story.wire.id] == witnesses.witness(wire)
    support = support_of("g", [radio, wire], witnesses)
    assert support.witnesses == (family_of[story.wire.id],)
    assert support.rests_on == "the fire service" and support.rests_on_kind == "speaker"


def test_a_relay_of_an_agency_outside_the_story_counts_once_for_the_agency() -> None:
    story, family_of, witnesses = witnesses_for()
    radio = features(story, family_of, story.radio, "Nine people were injured in the Brennholt")
    other = replace(radio, claim=replace(radio.claim, via="Orne Press"), family="elsewhere")
    relayed = replace(radio, claim=replace(radio.claim, via="Orne Press"))
    support = support_of("g", [relayed, other], witnesses)
    assert support.witnesses == ("agency:orne press",)
    assert support.rests_on == "Orne Press" and support.rests_on_kind == "agency"


def test_text_a_rewrite_added_counts_for_no_family() -> None:
    story, family_of, witnesses = witnesses_for()
    added = features(story, family_of, story.beacon, "The reckless firm had ignored")
    kept = features(story, family_of, story.beacon, "nine people were hurt")
    assert witnesses.is_added(added) and not witnesses.is_added(kept)
    support = support_of("g", [added], witnesses)
    assert support.witnesses == () and support.added_claim_ids == (added.id,)
    assert status_of(support, contested=False) == "unattested"


def test_copies_in_one_family_count_once() -> None:
    story, family_of, witnesses = witnesses_for()
    origin = features(story, family_of, story.gazette, "Nine people were injured")
    rewrite = features(story, family_of, story.beacon, "nine people were hurt")
    assert support_of("g", [origin, rewrite], witnesses).witnesses == (family_of[story.gazette.id],)


def test_status() -> None:
    one = ClaimSupport("g", ("f1",))
    two = ClaimSupport("g", ("f1", "f2"))
    assert status_of(one, contested=False) == "single_source"
    assert status_of(two, contested=False) == "corroborated"
    assert status_of(two, contested=True) == "contested"
    assert status_of(ClaimSupport("g", ()), contested=True) == "unattested"

"""``cluster_stories(..., keys=)``: keys computed beforehand give the stories computed keys give,
``articles_to_key`` names the articles whose keys a call reads, and ``KeyExtractor.lead_part``
cuts an article to what the extractor reads."""

from dataclasses import replace

import pytest

from newscheck.model import Link, Removed
from newscheck.stories import (
    ClusterConfig,
    KeyExtractor,
    articles_to_key,
    cluster_stories,
)

from .fictional import FLOOD, LATER_FLOOD, at, election, flood, make_article, partition

FLOOD_UPDATE = (
    "Vessa flood: Tarnow east bank still under water",
    "On the east bank of Tarnow the Vessa flood still covers streets, governor Maren Holt said, "
    "and 340 homes remain empty while boats bring supplies.",
)


def keys_of(articles):
    extract = KeyExtractor(lead_chars=ClusterConfig().lead_chars)
    return {a.id: extract(a) for a in articles}


def test_given_keys_give_the_same_stories_as_extracted_ones():
    rewrite = make_article(
        "Shocking scenes in Tarnow", "Nobody listened.", published=at(0.5), seq=5
    )
    articles = [*flood(), rewrite, *election(start=0.2)]
    links = [Link(derived=rewrite.id, origin=flood()[0].id, relation="rewrite", shared=0.6)]
    expected = cluster_stories(articles, links)
    assert len(expected) == 2
    assert cluster_stories(articles, links, keys=keys_of(articles)) == expected
    # Some given, the rest extracted inside.
    assert cluster_stories(articles, links, keys=keys_of(articles[::2])) == expected


def test_given_keys_extend_stored_stories_as_extracted_ones_do():
    first = cluster_stories(flood(), [])
    update = make_article(*FLOOD_UPDATE, published=at(1.0), seq=3)
    everything = [*flood(), update, *election(start=1.0)]
    expected = cluster_stories(everything, [], existing=first)
    assert any(s.id == first[0].id and update.id in s.article_ids for s in expected)
    needed = articles_to_key(everything, [], existing=first)
    given = cluster_stories(everything, [], existing=first, keys=keys_of(needed))
    assert given == expected


def test_the_given_keys_are_the_ones_placed():
    # Election reports given the flood's keys are placed as flood reports: nothing re-extracts.
    articles = [*flood(), *election(start=0.1)]
    keys = keys_of(articles)
    flood_keys = keys[flood()[0].id]
    for article in election(start=0.1):
        keys[article.id] = replace(
            flood_keys, article_id=article.id, published=article.published, seq=article.seq
        )
    assert len(cluster_stories(articles, [])) == 2
    assert partition(cluster_stories(articles, [], keys=keys)) == {frozenset(keys)}


def test_keys_given_for_another_article_are_refused():
    a, b = flood()[:2]
    with pytest.raises(ValueError, match="keys given for"):
        cluster_stories([a, b], [], keys={a.id: keys_of([b])[b.id]})


def test_articles_to_key_are_the_new_ones_and_members_of_stories_they_may_join():
    old_flood = cluster_stories(flood(), [])
    old_election = cluster_stories(election(start=-30.0), [])
    existing = [*old_flood, *old_election]
    stored = [*flood(), *election(start=-30.0)]
    update = make_article(*FLOOD_UPDATE, published=at(1.0), seq=3)
    needed = articles_to_key([*stored, update], [], existing=existing)
    # The month-old election story is out of reach: its members are not read.
    assert [a.id for a in needed] == [update.id, *(a.id for a in flood())]
    # A link reaches a stored story whatever its time.
    anniversary = make_article(*LATER_FLOOD, published=at(365), seq=4)
    link = Link(
        derived=anniversary.id, origin=election(start=-30.0)[0].id, relation="partial", shared=0.3
    )
    needed = articles_to_key([*stored, anniversary], [link], existing=existing)
    assert {a.id for a in needed} == {anniversary.id, *(a.id for a in election(start=-30.0))}
    # Nothing new: nothing to read.
    assert articles_to_key(stored, [], existing=existing) == []


def test_lead_part_gives_the_same_keys():
    extract = KeyExtractor(lead_chars=60)
    body = " ".join(text for _, text in FLOOD)
    for cut in range(55, 66):  # the lead ends inside a word, before a space, after one
        article = make_article("Vessa floods Tarnow", body[:cut] + " Holt 2.4 metres " + body)
        article = replace(article, removed=(Removed("boilerplate", "Subscribe now"),))
        lead = extract.lead_part(article)
        assert len(lead.text) == 61 and not lead.removed
        assert extract(lead) == extract(article)
    short = make_article("Short", "Holt said 340.")
    assert extract.lead_part(short) is short

import random
from dataclasses import replace

from newscheck.model import Link, Story
from newscheck.stories import cluster_stories, story_ids_by_article

from .fictional import LATER_FLOOD, at, election, flood, make_article, partition


def test_same_event_grouped_and_events_kept_apart():
    articles = flood() + election()
    stories = cluster_stories(articles, [])
    assert partition(stories) == {
        frozenset(a.id for a in flood()),
        frozenset(a.id for a in election()),
    }


def test_a_later_story_on_the_same_town_does_not_join_an_old_one():
    later = make_article(*LATER_FLOOD, published=at(365), seq=20)
    stories = cluster_stories([*flood(), later], [])
    assert frozenset({later.id}) in partition(stories)
    # The same text on the next day belongs to the flood story.
    next_day = replace(later, published=at(1))
    joined = cluster_stories([*flood(), next_day], [])
    assert frozenset([*(a.id for a in flood()), next_day.id]) in partition(joined)


def test_ids_and_stories_do_not_depend_on_input_order():
    articles = flood() + election()
    expected = cluster_stories(articles, [])
    for seed in range(5):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        shuffled = [replace(a, seq=i) for i, a in enumerate(shuffled)]
        assert cluster_stories(shuffled, []) == expected


def test_story_record_fields():
    stories = cluster_stories(flood(start=2.0), [])
    (story,) = stories
    assert story.id.startswith("story")
    assert story.first_seen == at(2.0)
    assert story.last_seen == at(2.4)
    assert story.title in {a.title for a in flood()}
    assert story.scheme
    assert set(story.article_ids) == {a.id for a in flood()}


def test_stories_listed_by_size_then_recency():
    lone = make_article(
        "Lighthouse keeper retires", "Oskar Vale kept the Gull Point light.", published=at(9)
    )
    stories = cluster_stories([lone, *election(start=5.0), *flood()], [])
    assert [len(s.article_ids) for s in stories] == [3, 2, 1]
    two_singles = cluster_stories(
        [
            lone,
            make_article(
                "Bakery wins prize", "The Kornfeld bakery in Ostrava won.", published=at(30)
            ),
        ],
        [],
    )
    assert two_singles[0].last_seen == at(30)


def test_a_rewrite_lands_in_its_origin_story_however_different():
    origin = flood()[0]
    rewrite = make_article(
        "Shocking scenes as authorities fail residents",
        "Residents are furious. Nobody listened to warnings, and now families pay the price.",
        published=at(0.5),
        seq=5,
    )
    other = election()
    articles = [*flood(), rewrite, *other]
    assert (
        story_ids_by_article(cluster_stories(articles, []))[rewrite.id]
        != (story_ids_by_article(cluster_stories(articles, []))[origin.id])
    )
    link = Link(derived=rewrite.id, origin=origin.id, relation="rewrite", shared=0.6)
    of = story_ids_by_article(cluster_stories(articles, [link]))
    assert of[rewrite.id] == of[origin.id]


def test_a_rewrite_published_long_after_its_origin_still_joins_it():
    origin = flood()[0]
    copy = make_article(
        "Archive: the flood", "An unrelated looking reprint about rain.", published=at(60), seq=9
    )
    link = Link(derived=copy.id, origin=origin.id, relation="copy", shared=1.0)
    of = story_ids_by_article(cluster_stories([*flood(), copy], [link]))
    assert of[copy.id] == of[origin.id]


def test_incremental_run_extends_stored_stories_and_keeps_their_ids():
    first = cluster_stories(flood(), [])
    (stored,) = first
    more = [
        make_article(
            "Vessa flood: Tarnow east bank still under water",
            "On the east bank of Tarnow the Vessa flood still covers streets, governor Maren Holt "
            "said, and 340 homes remain empty while boats bring supplies.",
            published=at(1.0),
            seq=3,
        ),
        *election(start=1.0),
    ]
    everything = [*flood(), *more]
    second = cluster_stories(everything, [], existing=first)
    by_id = {s.id: s for s in second}
    assert stored.id in by_id
    grown = by_id[stored.id]
    assert set(grown.article_ids) == set(stored.article_ids) | {more[0].id}
    assert grown.article_ids[: len(stored.article_ids)] == stored.article_ids
    assert grown.last_seen == at(1.0)
    # The same partition as one run over everything.
    assert partition(second) == partition(cluster_stories(everything, []))


def test_existing_members_are_not_moved_and_unknown_text_is_tolerated():
    # A stored story whose member texts are not supplied stays as it is.
    ghost = Story(id="storyghost", title="Old", article_ids=("gone1", "gone2"), first_seen=at(-3))
    stories = cluster_stories(flood(), [], existing=[ghost])
    assert ghost in stories
    assert len(stories) == 2


def test_existing_articles_supply_stored_members_text():
    first = cluster_stories(flood(), [])
    new = make_article(
        "Tarnow flood update",
        "Governor Maren Holt said the Vessa flood in Tarnow left 340 homes empty on the east bank.",
        published=at(0.9),
        seq=7,
    )
    stored = {a.id: a for a in flood()}
    second = cluster_stories([new], [], existing=first, existing_articles=stored)
    assert len(second) == 1
    assert second[0].id == first[0].id
    assert new.id in second[0].article_ids


def test_undated_articles_follow_ingest_order_and_cluster():
    undated = [replace(a, published=None) for a in flood() + election()]
    stories = cluster_stories(undated, [])
    assert partition(stories) == partition(cluster_stories(flood() + election(), []))
    assert all(s.first_seen is None and s.last_seen is None for s in stories)


def test_empty_input():
    assert cluster_stories([], []) == ()
    stored = cluster_stories(flood(), [])
    assert cluster_stories(flood(), [], existing=stored) == stored


def test_a_link_between_two_stored_stories_merges_them_keeping_the_earliest_id():
    flood_story, election_story = (
        cluster_stories(flood(), [])[0],
        cluster_stories(election(start=1.0), [])[0],
    )
    link = Link(derived=election()[0].id, origin=flood()[0].id, relation="partial", shared=0.4)
    everything = [*flood(), *election(start=1.0)]
    (merged,) = cluster_stories(everything, [link], existing=[election_story, flood_story])
    assert merged.id == flood_story.id  # the earlier of the two
    assert set(merged.article_ids) == {a.id for a in everything}
    assert merged.article_ids[:3] == flood_story.article_ids

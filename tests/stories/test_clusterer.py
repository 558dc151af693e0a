from dataclasses import replace

import numpy as np

from newscheck.stories import ClusterConfig, StoryClusterer

from .fictional import at, election, flood, make_article


def _event(n: int, day: float) -> list:
    """Three articles of event ``n`` on ``day``, in words (made up) that only this event uses."""
    w = [f"{stem}{n}x" for stem in ("zorvik", "halbrand", "kettamo", "brusel", "ondrav", "vilsk")]
    return [
        make_article(
            f"{w[0].title()} {w[2]} {w[3]} enters day {k} as {w[1].title()} talks stall",
            f"In {w[0].title()} the {w[2]} {w[3]} went on, {w[1].title()} said, and {100 + n} "
            f"{w[4]} were {w[5]}. The {w[3]} of the {w[4]} in {w[0].title()} {w[5]} again.",
            published=at(day + 0.1 * k),
            seq=3 * n + k,
        )
        for k in range(3)
    ]


def test_one_article_at_a_time():
    clusterer = StoryClusterer()
    keys = [clusterer.add(a) for a in flood()]
    assert len(set(keys)) == 1
    other = clusterer.add(election()[0])
    assert other != keys[0]
    assert clusterer.story_key(flood()[1].id) == keys[0]
    assert clusterer.open_stories == 2
    stories = clusterer.finish()
    assert sorted(len(s.article_ids) for s in stories) == [1, 3]
    assert clusterer.open_stories == 0 and clusterer.open_articles == 0


def test_state_is_bounded_by_the_window_not_the_stream():
    config = ClusterConfig(window_days=2.0)
    clusterer = StoryClusterer(config)
    seen_open, closed, placed = [], [], 0
    for n in range(60):  # one event a day for two months
        for article in _event(n, day=float(n)):
            clusterer.add(article)
            placed += 1
        closed.extend(clusterer.closed())
        seen_open.append(clusterer.open_articles)
    closed.extend(clusterer.finish())
    assert max(seen_open) <= 3 * 4  # about window/day events of three articles each
    assert max(seen_open[30:]) <= max(seen_open[:10]) + 3
    assert sum(len(s.article_ids) for s in closed) == placed
    assert sorted(len(s.article_ids) for s in closed) == [3] * 60


def test_an_undated_stream_is_bounded_by_max_open_stories():
    clusterer = StoryClusterer(ClusterConfig(max_open_stories=5))
    for n in range(20):
        for article in _event(n, day=0):
            clusterer.add(replace(article, published=None))
        assert clusterer.open_stories <= 5
    total = clusterer.closed() + clusterer.finish()
    assert len(total) == 20


def test_join_forces_an_article_into_its_origin_story():
    clusterer = StoryClusterer()
    origin = flood()[0]
    key = clusterer.add(origin)
    unrelated = election()[0]
    assert clusterer.add(unrelated, join=origin.id) == key
    assert clusterer.add(flood()[1], join="never-seen") == key  # an unknown origin: by content


def _unit(degrees: float) -> np.ndarray:
    angle = np.radians(degrees)
    return np.array([np.cos(angle), np.sin(angle)], dtype=np.float32)


def _by_embedding_only(angles: list[float]) -> StoryClusterer:
    config = ClusterConfig(term_weight=0, name_weight=0, figure_weight=0, threshold_embedded=0.5)
    clusterer = StoryClusterer(config)
    for i, angle in enumerate(angles):
        article = make_article(f"Report {i}", f"Text number {i}.", published=at(0), seq=i)
        clusterer.add(article, embedding=_unit(angle))
    return clusterer


def test_an_article_bridging_two_stories_merges_them_when_they_match_as_wholes():
    # 0 and 70 degrees are too far apart (cos 0.34); 35 degrees matches both (cos 0.82), and
    # the two stories then match as wholes: mean of 0.34 and 0.82 is over 0.5.
    assert _by_embedding_only([0, 70]).open_stories == 2
    assert _by_embedding_only([0, 70, 35]).open_stories == 1
    # 100 degrees: the bridge at 50 matches each side, but the sides do not match as wholes.
    assert _by_embedding_only([0, 100, 50]).open_stories == 2


def test_embeddings_count_in_the_score():
    # Two reports with no content words in common, but the same (given) embedding.
    a = make_article("Quiet night", "Zelna harbour slept.", published=at(0))
    b = make_article("Calm evening", "Ortovik docks rested.", published=at(0.1))
    same = np.ones(8, dtype=np.float32) / np.sqrt(8)
    lexical = StoryClusterer()
    assert lexical.add(a) != lexical.add(b)
    embedded = StoryClusterer()
    assert embedded.add(a, embedding=same) == embedded.add(b, embedding=same)


def test_reopen_keeps_the_stored_id():
    from newscheck.stories import KeyExtractor, cluster_stories

    (stored,) = cluster_stories(flood(), [])
    clusterer = StoryClusterer()
    extract = KeyExtractor()
    key = clusterer.reopen(stored, [extract(a) for a in flood()])
    newcomer = make_article(
        "Tarnow flood: more rain for the Vessa",
        "Governor Maren Holt warned Tarnow that the Vessa flood could rise again after rain.",
        published=at(0.8),
        seq=9,
    )
    assert clusterer.add(newcomer) == key
    (story,) = clusterer.finish()
    assert story.id == stored.id
    assert story.article_ids[:3] == stored.article_ids


def test_reopen_weighs_a_member_listed_twice_once():
    from newscheck.stories import KeyExtractor, cluster_stories

    (stored,) = cluster_stories(flood(), [])
    clusterer = StoryClusterer()
    keys = [KeyExtractor()(a) for a in flood()]
    clusterer.reopen(stored, [*keys, keys[0]])
    assert clusterer.frequencies.documents == len(keys)
    assert clusterer.open_articles == len(keys)


def test_forgetting_unused_keys_changes_no_story():
    def stories(config: ClusterConfig) -> tuple[list[tuple[str, ...]], StoryClusterer]:
        clusterer = StoryClusterer(config)
        out = []
        for n in range(30):
            for article in _event(n, day=n / 2):
                clusterer.add(article)
            out.extend(clusterer.closed())
        out.extend(clusterer.finish())
        return sorted(s.article_ids for s in out), clusterer

    plain, kept_all = stories(ClusterConfig(window_days=1.0))
    bounded, forgetting = stories(ClusterConfig(window_days=1.0, max_keys=60))
    assert bounded == plain
    assert len(plain) == 30
    # Without forgetting, the frequencies (and the key space) hold every event's words; with
    # it, the keys of the last few events.
    assert len(kept_all.frequencies) > 200
    assert len(forgetting.frequencies) <= 60
    # (max_keys, plus the keys of the article that passed it)
    assert forgetting.frequencies.slot_limit < 100 < 200 < kept_all.frequencies.slot_limit

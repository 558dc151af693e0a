"""Linking in time windows: which articles are linked together, which part a link comes from,
and what the links of a windowed run are against one pass over all articles."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from functools import partial
from itertools import combinations

import pytest

from newscheck.link import link_articles
from newscheck.link.families import build_families
from newscheck.link.window import BLOCK_WINDOWS, link_in_windows, merge, parts, times
from newscheck.model import Article, Link, Span

from .conftest import Articles
from .fictional import make_article

START = datetime(2025, 3, 1, tzinfo=UTC)


def _dated(hours: list[float | None]) -> list[Article]:
    out = []
    for seq, at in enumerate(hours):
        when = None if at is None else START + timedelta(hours=at)
        article, _ = make_article(
            f"Report {seq}", f"Text of report {seq}.", seq=seq, published=when
        )
        out.append(article)
    return out


def test_articles_a_window_apart_are_linked_together_in_exactly_one_part() -> None:
    rng = random.Random(3)
    hours = [rng.uniform(0, 24 * 20) for _ in range(150)]
    articles = _dated(hours)
    days = 1.0
    cut = parts(articles, days)
    assert len(cut) > 3
    owners: dict[tuple[int, int], int] = {}
    for part in cut:
        block_of = dict(zip(part.indexes, part.blocks, strict=True))
        for i, j in combinations(part.indexes, 2):
            if min(block_of[i], block_of[j]) == part.block:
                assert (i, j) not in owners  # one owner only
                owners[(i, j)] = part.block
    for i, j in combinations(range(len(articles)), 2):
        apart = abs(hours[i] - hours[j]) / 24
        if apart <= days:
            assert (i, j) in owners
        if apart > (BLOCK_WINDOWS + 1) * days:
            assert not any(i in p.indexes and j in p.indexes for p in cut)


def test_a_part_holds_its_block_and_one_window_of_the_next() -> None:
    # blocks of three days: 0-3, 3-6; the part of the first holds day 3 but not day 4
    articles = _dated([0.0, 30.0, 71.0, 73.0, 97.0, 140.0])
    first, second = parts(articles, 1.0)
    assert (first.block, first.indexes, first.blocks) == (0, (0, 1, 2, 3), (0, 0, 0, 1))
    assert (second.block, second.indexes, second.blocks) == (1, (3, 4, 5), (1, 1, 1))


def test_undated_articles_take_the_time_of_the_dated_one_before_them() -> None:
    articles = _dated([None, 5.0, None, 50.0, None])
    stamps = times(articles)
    assert stamps is not None
    five, fifty = (START + timedelta(hours=h) for h in (5.0, 50.0))
    assert stamps == [five.timestamp()] * 3 + [fifty.timestamp()] * 2
    assert times(_dated([None, None])) is None
    everything = parts(_dated([None, None, None]), 1.0)
    assert [p.indexes for p in everything] == [(0, 1, 2)]
    assert parts([], 1.0) == []


@pytest.mark.parametrize("days", [0.0, -1.0, float("inf"), float("nan")])
def test_a_window_must_be_a_positive_number_of_days(days: float) -> None:
    with pytest.raises(ValueError, match="positive number of days"):
        parts(_dated([0.0]), days)


def _link(derived: str, origin: str, added: tuple[Span, ...]) -> Link:
    return Link(
        derived=derived,
        origin=origin,
        relation="rewrite",
        shared=0.8,
        added=added,
        pairs=(),
        direction_method="published",
        direction_confidence=0.9,
        scheme="test",
    )


def test_an_article_linked_from_two_parts_adds_what_neither_supports() -> None:
    a, b, c = _dated([0.0, 1.0, 2.0])
    spans = [Span(c.id, start, start + 5) for start in (0, 10, 20)]
    earlier = [_link(c.id, a.id, (spans[0], spans[1]))]
    later = [_link(c.id, b.id, (spans[2], spans[1]))]
    result = merge([a, b, c], [earlier, later])
    assert [link.origin for link in result.links] == sorted([a.id, b.id])
    assert all(link.added == (spans[1],) for link in result.links)
    assert result.families == build_families([a, b, c], result.links)
    assert len(result.families) == 1


def test_a_window_longer_than_the_stream_links_as_one_pass(generated: Articles) -> None:
    articles, segmentations = generated
    assert len(parts(articles, 30.0)) == 1
    one_pass = link_articles(articles, segmentations)
    assert len(one_pass.links) > 20
    assert link_in_windows(articles, segmentations, 30.0, link_articles) == one_pass


def test_short_windows_find_the_links_between_close_articles(generated: Articles) -> None:
    articles, segmentations = generated
    stamps = times(articles)
    assert stamps is not None
    hours = (max(stamps) - min(stamps)) / 3600
    days = hours / 24 / 8  # eight windows over the stream: three parts
    assert len(parts(articles, days)) >= 3
    windowed = link_in_windows(articles, segmentations, days, partial(link_articles))
    one_pass = link_articles(articles, segmentations)
    at = {a.id: s for a, s in zip(articles, stamps, strict=True)}

    def apart(link: Link) -> float:
        return abs(at[link.derived] - at[link.origin]) / 86_400

    reach = (BLOCK_WINDOWS + 1) * days
    assert all(apart(link) <= reach for link in windowed.links)
    close = {(lk.derived, lk.origin) for lk in one_pass.links if apart(lk) <= days}
    found = {(lk.derived, lk.origin) for lk in windowed.links}
    assert len(close) > 10
    assert len(close & found) >= 0.9 * len(close)
    assert {link.relation for link in windowed.links} >= {"copy", "rewrite"}
    members = {aid for family in windowed.families for aid in family.article_ids}
    assert members == {a.id for a in articles}

"""Story keys on workers: the keys the stories module reads, computed in partitions in
publication order, equal to one-process extraction; given to ``cluster_stories`` they give its
stories, also where a later run extends stored stories."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newscheck.distributed.stories import lead_partitions, story_keys_on_workers
from newscheck.model import Article, Link
from newscheck.pipeline import ingest
from newscheck.settings import Settings
from newscheck.stories import ClusterConfig, KeyExtractor, articles_to_key, cluster_stories
from newscheck.stories.features import epoch_seconds


@pytest.fixture(scope="module")
def example_articles(example_dir: Path) -> list[Article]:
    return [item[0] for item in ingest([example_dir], Settings()) if isinstance(item, tuple)]


def extracted(articles: list[Article]) -> dict[str, Any]:
    extract = KeyExtractor(lead_chars=ClusterConfig().lead_chars)
    return {a.id: extract(a) for a in articles}


def test_keys_from_workers_equal_one_process_extraction(
    dask_client: Any, example_articles: list[Article]
) -> None:
    found = story_keys_on_workers(dask_client, example_articles, [], size=3, window=2)
    assert found == extracted(example_articles) and len(found) == 8
    assert cluster_stories(example_articles, [], keys=found) == cluster_stories(
        example_articles, []
    )


def test_a_later_run_keys_its_new_articles_and_the_members_of_stories_they_may_join(
    dask_client: Any, example_articles: list[Article]
) -> None:
    first, later = example_articles[:4], example_articles[4:]
    links = [Link(derived=later[0].id, origin=first[0].id, relation="rewrite", shared=0.5)]
    stored = cluster_stories(first, [])
    found = story_keys_on_workers(
        dask_client, example_articles, links, existing=stored, size=2, window=3
    )
    needed = articles_to_key(example_articles, links, existing=stored)
    assert set(found) == {a.id for a in needed} and set(found) > {a.id for a in later}
    assert found == extracted(needed)
    expected = cluster_stories(example_articles, links, existing=stored)
    assert cluster_stories(example_articles, links, existing=stored, keys=found) == expected
    grown = {s.id: len(s.article_ids) for s in expected}
    assert any(grown.get(s.id, 0) > len(s.article_ids) for s in stored)  # extended, same id


def test_partitions_follow_publication_order_and_carry_leads_only(
    example_articles: list[Article],
) -> None:
    parts = list(lead_partitions(example_articles, 3, lead_chars=200))
    assert [p.index for p in parts] == [0, 1, 2] and [len(p.articles) for p in parts] == [3, 3, 2]
    times = [epoch_seconds(a.published) for p in parts for a in p.articles if a.published]
    assert times == sorted(times)
    assert {a.id for p in parts for a in p.articles} == {a.id for a in example_articles}
    assert all(len(a.text) <= 201 and not a.removed for p in parts for a in p.articles)
    assert any(len(a.text) > 201 for a in example_articles)

"""The link stage's two ways of using workers for time windows: parts one after the other with
alignment on the workers (as with sentence embeddings) and whole parts on workers (lexical) both
give what the local windowed stage gives."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from newscheck.distributed.linking import link_on_workers, windows_on_workers
from newscheck.distributed.synthetic import raw_article, records
from newscheck.link import link_articles
from newscheck.link.window import link_in_windows, parts
from newscheck.model import Article, Segmentation
from newscheck.pipeline import clean_article

DAYS = 0.2


@pytest.fixture(scope="module")
def stream() -> tuple[list[Article], dict[str, Segmentation]]:
    """200 generated articles, cleaned and segmented as the runners do."""
    articles, segmentations = [], {}
    for number, record in enumerate(r for r in records(200, seed=9) if r["text"].strip()):
        article, segmentation = clean_article(raw_article(record, number), number)
        if article.id not in segmentations:
            articles.append(article)
            segmentations[article.id] = segmentation
    return articles, segmentations


def test_both_ways_give_the_local_windowed_links(
    dask_client: Any, stream: tuple[list[Article], dict[str, Segmentation]]
) -> None:
    articles, segmentations = stream
    assert len(parts(articles, DAYS)) >= 3
    local = link_in_windows(articles, segmentations, DAYS, link_articles)
    assert len(local.links) > 20
    aligned_on_workers = partial(
        link_on_workers, dask_client, embedder=None, copy_texts=50, pairs_per_task=30
    )
    assert link_in_windows(articles, segmentations, DAYS, aligned_on_workers) == local
    assert windows_on_workers(dask_client, articles, segmentations, DAYS, in_flight=2) == local

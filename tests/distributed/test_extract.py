from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newscheck.distributed.extract import article_partitions, extract_claims
from newscheck.pipeline import Analysis, ingest
from newscheck.settings import Settings
from newscheck.store import open_store


@pytest.fixture(scope="module")
def example_articles(example_dir: Path) -> Analysis:
    pytest.importorskip("spacy", reason="extraction needs the 'nlp' extra")
    # Four articles of one story: enough for names shared across partitions, quick to parse.
    pairs = [item for item in ingest([example_dir], Settings()) if isinstance(item, tuple)][:4]
    return Analysis(
        articles=tuple(a for a, _ in pairs),
        segmentations={a.id: s for a, s in pairs},
        rejections=(),
    )


def test_claims_from_workers_equal_one_process_extraction(
    dask_client: Any, example_articles: Analysis, tmp_path: Path
) -> None:
    from newscheck.extract import Extractor, default_cue_tagger

    # The workers read doubtful cues with the tagger where it is installed, as one process does.
    expected = [
        claim
        for extraction in Extractor(cue_tagger=default_cue_tagger()).extract(
            example_articles.articles, example_articles.segmentations
        )
        for claim in extraction.claims
    ]
    with open_store(tmp_path / "x.db") as store:
        run = store.begin_run([], {})
        store.add_articles(
            run,
            example_articles.articles,
            [example_articles.segmentations[a.id] for a in example_articles.articles],
        )
        seen: list[tuple[str, int, int | None]] = []
        done = extract_claims(
            dask_client,
            example_articles,
            store,
            lambda stage, n, total: seen.append((stage, n, total)),
            window=2,
            size=1,  # four partitions of one article
        )
        assert list(done.claims) == expected and len(expected) > 20
        assert store.claims() == expected
        assert seen[-1] == ("extract", 4, 4)
        # Articles whose claims are stored are not parsed again.
        again = extract_claims(dask_client, example_articles, store, lambda *_: None, window=3)
        assert again.claims == done.claims


def test_partitions_carry_their_own_segmentations(example_articles: Analysis) -> None:
    parts = list(article_partitions(example_articles.articles, example_articles.segmentations, 3))
    assert [len(p.articles) for p in parts] == [3, 1]
    for part in parts:
        assert set(part.segmentations) == {a.id for a in part.articles}

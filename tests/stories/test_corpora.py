"""The example corpora: the bundled harbour fire (ours) and the shared Kursk reports."""

from pathlib import Path

import pytest

from newscheck.model import Article, Rejection
from newscheck.settings import Settings
from newscheck.stories import cluster_stories


def _read(folder: Path) -> list[Article]:
    from newscheck.pipeline import ingest

    items = list(ingest([folder], Settings()))
    return [item[0] for item in items if not isinstance(item, Rejection)]


def _embedder() -> object:
    from newscheck.embed import Embedder, embeddings_available

    if not embeddings_available():
        pytest.skip("the embed extra is not installed")
    return Embedder()


def test_kursk_reports_are_one_story(kursk_dir: Path) -> None:
    articles = _read(kursk_dir)
    assert len(articles) == 5
    stories = cluster_stories(articles, [])
    assert len(stories) == 1
    assert "Kursk" in stories[0].title


def _harbour_check(example_dir: Path, embedder: object | None) -> None:
    articles = _read(example_dir)
    unrelated = [a for a in articles if "by-election" in a.title]
    assert len(unrelated) == 1
    stories = cluster_stories(articles, [], embedder=embedder)  # type: ignore[arg-type]
    assert [len(s.article_ids) for s in stories] == [len(articles) - 1, 1]
    assert stories[1].article_ids == (unrelated[0].id,)


def test_harbour_fire_is_one_story_and_the_by_election_another(example_dir: Path) -> None:
    _harbour_check(example_dir, None)


@pytest.mark.slow
def test_harbour_fire_with_embeddings(example_dir: Path) -> None:
    _harbour_check(example_dir, _embedder())


@pytest.mark.slow
def test_kursk_with_embeddings(kursk_dir: Path) -> None:
    assert len(cluster_stories(_read(kursk_dir), [], embedder=_embedder())) == 1  # type: ignore[arg-type]

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import newscheck
from newscheck.embed import Embedder, embeddings_available
from newscheck.model import Article
from newscheck.pipeline import Analysis
from newscheck.settings import Settings
from newscheck.store import open_store


@pytest.fixture(scope="module")
def example_analysis(example_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    db = tmp_path_factory.mktemp("store") / "newscheck.db"
    return newscheck.analyze([example_dir], db=db)


def by_file(analysis: Analysis) -> dict[str, Article]:
    return {
        Path(a.location.split("#")[0]).name
        + ("#" + a.location.split("#")[1] if "#" in a.location else ""): a
        for a in analysis.articles
    }


def test_example_is_read_whole(example_analysis: Analysis) -> None:
    assert len(example_analysis.articles) == 8
    assert example_analysis.rejections == ()
    report = example_analysis.report
    assert report["schema"] == "newscheck.report/1"
    assert {a["id"] for a in report["articles"]} == {a.id for a in example_analysis.articles}


def test_junk_is_removed_and_kept(example_analysis: Analysis) -> None:
    articles = by_file(example_analysis)
    times = articles["harbour-times-blaze.txt"]
    assert {r.kind for r in times.removed} >= {"site_tag", "share"}
    assert "Share this:" not in times.text
    assert times.source == "harbourtimes.example"  # taken from the site tag
    courier = articles["courier-north-quay-fire.txt"]
    assert any(r.kind == "tag" for r in courier.removed) and "Tags:" not in courier.text


def test_every_sentence_span_slices_its_text(example_analysis: Analysis) -> None:
    for article in example_analysis.articles:
        seg = example_analysis.segmentations[article.id]
        assert seg.sentences
        for s in seg.sentences:
            piece = article.text[s.start : s.end]
            assert piece and piece == piece.strip()


def test_rerun_on_the_same_store_adds_nothing(example_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    first = newscheck.analyze([example_dir], db=db, skip=("extract", "crosscheck"))
    second = newscheck.analyze([example_dir], db=db, skip=("extract", "crosscheck"))
    assert len(first.new_article_ids) == 8
    assert second.new_article_ids == frozenset()
    assert second.read_article_ids == first.read_article_ids
    assert [a.id for a in second.articles] == [a.id for a in first.articles]


def test_bad_inputs_are_rejected_and_the_rest_goes_on(example_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "noise.txt").write_bytes(bytes(range(256)) * 8)
    analysis = newscheck.analyze(
        [example_dir, tmp_path / "empty.txt", tmp_path / "noise.txt", tmp_path / "missing.txt"],
        skip=("extract", "crosscheck"),
    )
    assert len(analysis.articles) == 8
    reasons = {Path(r.location).name: r.reason for r in analysis.rejections}
    assert reasons == {"empty.txt": "empty", "noise.txt": "binary", "missing.txt": "not_found"}
    assert all(r.detail for r in analysis.rejections)


def test_duplicate_within_a_run_is_recorded(example_dir: Path, tmp_path: Path) -> None:
    source = example_dir / "mpa-wire-port-fire.txt"
    (tmp_path / "again.txt").write_bytes(source.read_bytes())
    analysis = newscheck.analyze([source, tmp_path / "again.txt"], skip=("extract", "crosscheck"))
    assert len(analysis.articles) == 1
    [rejection] = analysis.rejections
    assert rejection.reason == "duplicate" and str(source) in rejection.detail


def test_kursk_cleaning_acceptance(kursk_dir: Path) -> None:
    analysis = newscheck.analyze([kursk_dir], skip=("extract", "crosscheck"))
    assert len(analysis.articles) == 5
    removed = {Path(a.location).name[:3]: a.removed for a in analysis.articles}
    kinds = {key: [r.kind for r in items] for key, items in removed.items()}
    assert "comments" in kinds["003"]
    assert any("Leave a Reply" in r.text for r in removed["003"])
    assert "repeated_headline" in kinds["001"] and kinds["001"].count("repeated") == 2
    assert "tag" in kinds["000"]
    assert "site_tag" in kinds["004"]
    texts = {Path(a.location).name[:3]: a.text for a in analysis.articles}
    assert "novinite.com" not in texts["004"] and "Leave a Reply" not in texts["003"]
    assert not texts["000"].rstrip().endswith("Tags:")


@pytest.mark.slow
@pytest.mark.skipif(not embeddings_available(), reason="the embed extra is absent")
def test_a_rerun_encodes_no_sentence_twice(example_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    skip = ("extract", "crosscheck")
    first_model, later_model = Embedder(), Embedder()
    first = newscheck.analyze([example_dir], db=db, skip=skip, embedder=first_model)
    later = newscheck.analyze([example_dir], db=db, skip=skip, embedder=later_model)
    assert first_model.encoded > 0
    assert later_model.encoded == 0
    assert later.links == first.links
    assert later.stories == first.stories
    with open_store(db) as store:
        assert store.text_vector_count(Embedder.scheme) == first_model.encoded


@pytest.mark.slow
@pytest.mark.skipif(not embeddings_available(), reason="the embed extra is absent")
def test_vectors_are_not_kept_when_told_not_to(example_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    settings = Settings(keep_vectors=False)
    newscheck.analyze([example_dir], db=db, skip=("extract", "crosscheck"), settings=settings)
    with open_store(db) as store:
        assert store.text_vector_count(Embedder.scheme) == 0


WINDOWED = Settings(embeddings=False, link_window_days=0.25)
LINK_ONLY = ("stories", "extract", "crosscheck")


@pytest.fixture(scope="module")
def stream_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 generated articles over some days: several parts with windows of 0.25 days."""
    from newscheck.distributed.synthetic import write_corpus

    folder = tmp_path_factory.mktemp("stream")
    write_corpus(folder, 200, per_file=100, seed=5)
    return folder


class CountingLinker:
    """``link_articles`` counting its calls (one per part); ``fail_at``: the call that raises."""

    def __init__(self, fail_at: int | None = None) -> None:
        from newscheck.link import link_articles

        self.link = link_articles
        self.calls = 0
        self.fail_at = fail_at

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        if self.calls == self.fail_at:
            raise RuntimeError("stopped while linking")
        return self.link(*args, **kwargs)


def test_a_windowed_rerun_links_no_part_again(
    stream_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "news.db"
    first = newscheck.analyze([stream_corpus], db=db, settings=WINDOWED, skip=LINK_ONLY)
    linker = CountingLinker()
    monkeypatch.setattr("newscheck.link.link_articles", linker)
    again = newscheck.analyze([stream_corpus], db=db, settings=WINDOWED, skip=LINK_ONLY)
    assert linker.calls == 0
    assert again.links == first.links and len(first.links) > 20


def test_a_windowed_run_stopped_while_linking_goes_on_from_its_last_part(
    stream_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newscheck.link.window import parts

    db = tmp_path / "news.db"
    monkeypatch.setattr("newscheck.link.link_articles", CountingLinker(fail_at=3))
    with pytest.raises(RuntimeError, match="stopped while linking"):
        newscheck.analyze([stream_corpus], db=db, settings=WINDOWED, skip=LINK_ONLY)
    linker = CountingLinker()
    monkeypatch.setattr("newscheck.link.link_articles", linker)
    resumed = newscheck.analyze([], db=db, settings=WINDOWED, skip=LINK_ONLY)
    monkeypatch.undo()
    fresh = newscheck.analyze(
        [stream_corpus], db=tmp_path / "fresh.db", settings=WINDOWED, skip=LINK_ONLY
    )
    planned = parts(fresh.articles, 0.25)
    assert len(planned) >= 4
    assert linker.calls == len(planned) - 2  # two parts were linked before the stop
    assert resumed.links == fresh.links and resumed.families == fresh.families

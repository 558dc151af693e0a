"""The public entry point: one article in every format reads the same; nothing ever raises."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscheck.ingest import read_inputs
from newscheck.ingest.failures import UNEXPECTED
from newscheck.model import REJECTION_REASONS, RawArticle, Rejection
from newscheck.settings import Limits, Settings

from .conftest import LIGHTHOUSE, FictionalArticle
from .test_feed import rss_feed
from .warcs import write_warc


def _write_every_format(directory: Path, article: FictionalArticle) -> list[Path]:
    (directory / "a.txt").write_text(article.as_txt())
    (directory / "b.html").write_text(article.as_html())
    record = {"title": article.title, "text": article.text, "url": article.url}
    (directory / "c.jsonl").write_text(json.dumps(record) + "\n")
    (directory / "d.rss").write_text(rss_feed(article))
    write_warc(
        directory / "e.warc.gz",
        [(article.url, "text/html", article.as_html().encode())],
        compress=True,
    )
    return sorted(directory.iterdir())


def _first_articles(paths: list[Path], settings: Settings) -> dict[str, RawArticle]:
    firsts: dict[str, RawArticle] = {}
    for item in read_inputs(paths, settings):
        assert isinstance(item, RawArticle | Rejection)
        if isinstance(item, RawArticle):
            firsts.setdefault(item.format, item)
    return firsts


def test_same_article_in_every_format_reads_the_same(
    tmp_path: Path, article: FictionalArticle, settings: Settings
) -> None:
    articles = _first_articles(_write_every_format(tmp_path, article), settings)
    assert sorted(articles) == ["feed", "html", "jsonl", "txt", "warc"]
    for raw in articles.values():
        assert raw.title == article.title, raw.format
        assert " ".join(raw.text.split()) == " ".join(article.text.split()), raw.format


def test_same_article_in_every_format_cleans_the_same(
    tmp_path: Path, article: FictionalArticle, settings: Settings
) -> None:
    clean_module = pytest.importorskip("newscheck.clean")
    clean: Callable[[RawArticle], object] | None = getattr(clean_module, "clean", None)
    if clean is None:
        pytest.skip("newscheck.clean.clean is not written yet")
    articles = _first_articles(_write_every_format(tmp_path, article), settings)
    cleaned = {fmt: clean(raw) for fmt, raw in articles.items()}
    texts = {fmt: (result.title, result.text) for fmt, result in cleaned.items()}  # type: ignore[attr-defined]
    assert len(set(texts.values())) == 1, texts


EXTENSIONS = [
    ".txt",
    ".html",
    ".jsonl",
    ".json",
    ".rss",
    ".xml",
    ".warc",
    ".txt.gz",
    ".warc.gz",
    "",
]
# Starts that lead arbitrary bytes past sniffing into each parser.
PREFIXES = [
    b"",
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff",
    gzip.compress(b"WARC/1.0\r\n")[:-8],
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n",
    b'<?xml version="1.0"?><rss version="2.0"><channel><item><description>',
    b"<!DOCTYPE html><html><body><p>",
    b'{"title": "t", "text": ',
    b'[{"title": "t", "html": "',
    "\ufeff".encode(),
    "\ufeff".encode("utf-16"),
]
SMALL = Settings(
    limits=Limits(
        max_file_bytes=20_000,
        max_decompressed_bytes=50_000,
        max_records_per_file=20,
        max_article_chars=5_000,
        max_html_bytes=20_000,
    )
)


@pytest.mark.parametrize("extension", EXTENSIONS, ids=[ext or "none" for ext in EXTENSIONS])
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=600))
def test_never_raises_on_arbitrary_bytes(
    extension: str, prefix: bytes, body: bytes, tmp_path: Path
) -> None:
    path = tmp_path / f"input{extension}"
    path.write_bytes(prefix + body)
    items = list(read_inputs([path], SMALL))
    assert items, "every input yields at least one record or rejection"
    for item in items:
        assert isinstance(item, RawArticle | Rejection)
        assert item.location.startswith(str(path))
        if isinstance(item, Rejection):
            assert item.reason in REJECTION_REASONS
            assert item.detail
            # Every failure is classified by a reader, not caught as an unexpected exception.
            assert not item.detail.startswith(UNEXPECTED), item.detail


def test_light_fixture_is_consistent() -> None:
    # Guards the shared fixture the format tests above rely on.
    assert LIGHTHOUSE.as_txt().startswith(LIGHTHOUSE.title + "\n\n")


KURSK = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "kursk-2025-03"


@pytest.mark.shared
def test_example_corpus_reads_in_file_order(settings: Settings) -> None:
    if not KURSK.is_dir():
        pytest.skip(f"example corpus not found at {KURSK} (the shared/ folder beside the repo)")
    items = list(read_inputs([KURSK], settings))
    files = sorted(path for path in KURSK.iterdir() if not path.name.startswith("."))
    assert [item.location for item in items] == [str(path) for path in files]
    for item, path in zip(items, files, strict=True):
        assert isinstance(item, RawArticle)
        first_line = next(line for line in path.read_text().splitlines() if line.strip())
        assert item.title == first_line.strip()
        # The body starts after the title line (a repeated headline is clean/'s business).
        assert path.read_text().strip().endswith(item.text[-200:])
        assert len(item.text.split()) > 300

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newscheck.ingest import read_inputs
from newscheck.ingest.failures import UNEXPECTED
from newscheck.model import RawArticle, Rejection
from newscheck.settings import Limits, Settings

from .conftest import FictionalArticle
from .warcs import write_warc

HTML = "text/html; charset=utf-8"


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_html_responses_become_articles(
    compress: bool, tmp_path: Path, article: FictionalArticle, settings: Settings
) -> None:
    name = "crawl.warc.gz" if compress else "crawl.warc"
    path = write_warc(
        tmp_path / name,
        [
            (article.url, HTML, article.as_html().encode()),
            ("https://www.harbourgazette.example/logo.png", "image/png", b"\x89PNG\r\n"),
        ],
        compress=compress,
    )
    (raw,) = read_inputs([path], settings)
    assert isinstance(raw, RawArticle), raw
    # Records: warcinfo, request, response -> the response is record 3.
    assert raw.location == f"{path}#3"
    assert raw.format == "warc"
    assert raw.url == article.url
    assert raw.source == "harbourgazette.example"
    assert raw.title == article.title
    assert " ".join(raw.text.split()) == " ".join(article.text.split())


def test_archive_without_html_response_is_no_text(tmp_path: Path, settings: Settings) -> None:
    path = write_warc(
        tmp_path / "img.warc", [("https://a.example/x.png", "image/png", b"png")], compress=False
    )
    (item,) = read_inputs([path], settings)
    assert isinstance(item, Rejection) and item.reason == "no_text"


def test_error_responses_are_skipped(
    tmp_path: Path, article: FictionalArticle, settings: Settings
) -> None:
    path = write_warc(
        tmp_path / "404.warc",
        [(article.url, HTML, article.as_html().encode())],
        compress=False,
        status="404 Not Found",
    )
    (item,) = read_inputs([path], settings)
    assert isinstance(item, Rejection) and item.reason == "no_text"


def test_decompression_bomb_is_stopped(tmp_path: Path, article: FictionalArticle) -> None:
    padding = b"<!-- " + b" " * (8 * 1024 * 1024) + b" -->"
    path = write_warc(
        tmp_path / "bomb.warc.gz",
        [(article.url, HTML, article.as_html().encode() + padding)],
        compress=True,
    )
    assert path.stat().st_size < 200_000
    small = Settings(limits=Limits(max_decompressed_bytes=1024 * 1024))
    items = list(read_inputs([path], small))
    assert [(item.location, item.reason) for item in items if isinstance(item, Rejection)] == [
        (str(path), "too_large")
    ]


def test_oversized_html_record_is_rejected_alone(tmp_path: Path, article: FictionalArticle) -> None:
    big = article.as_html().encode() + b" " * 5000
    path = write_warc(
        tmp_path / "big.warc",
        [(article.url, HTML, big), (article.url + "?2", HTML, article.as_html().encode())],
        compress=False,
    )
    items = list(read_inputs([path], Settings(limits=Limits(max_html_bytes=4000))))
    assert isinstance(items[0], Rejection) and items[0].reason == "too_large"
    assert items[0].location == f"{path}#3"
    assert isinstance(items[1], RawArticle) and items[1].location == f"{path}#5"


def test_record_limit(tmp_path: Path, article: FictionalArticle) -> None:
    page = article.as_html().encode()
    path = write_warc(
        tmp_path / "many.warc",
        [(f"{article.url}?{n}", HTML, page) for n in range(4)],
        compress=False,
    )
    items = list(read_inputs([path], Settings(limits=Limits(max_records_per_file=2))))
    assert [type(item).__name__ for item in items] == ["RawArticle", "RawArticle", "Rejection"]
    assert isinstance(items[2], Rejection)
    assert (items[2].location, items[2].reason) == (str(path), "too_many_records")


@pytest.mark.parametrize(
    "data",
    [
        b"HELLO/1.0\r\nnot an archive\r\n\r\n",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ntruncated",
        gzip.compress(b"not a warc at all"),
        gzip.compress(b"WARC/1.0\r\n" * 50)[:-30],
    ],
    ids=["not-a-warc", "truncated-record", "gzip-of-junk", "truncated-gzip"],
)
def test_unreadable_archives_are_malformed(data: bytes, tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(data)
    (item,) = read_inputs([path], settings)
    assert isinstance(item, Rejection) and item.reason == "malformed"
    assert not item.detail.startswith(UNEXPECTED)

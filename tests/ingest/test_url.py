from __future__ import annotations

import gzip
import socket
from collections.abc import Callable, Iterator, Sequence

import httpx
import pytest

from newscheck.ingest import read_inputs
from newscheck.model import RawArticle, Rejection
from newscheck.settings import Limits, Settings

from .conftest import FictionalArticle
from .test_feed import rss_feed

PUBLIC = "93.184.216.34"
Handler = Callable[[httpx.Request], httpx.Response]


def public_resolver(host: str, port: int) -> Sequence[str]:
    if host.startswith("internal."):
        return ["10.0.0.5"]
    if host.startswith("missing."):
        raise socket.gaierror("no such host")
    return [PUBLIC]


def fetch(
    urls: list[str], handler: Handler, settings: Settings | None = None
) -> tuple[list[RawArticle | Rejection], list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def recording(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    with httpx.Client(transport=httpx.MockTransport(recording)) as client:
        items = list(
            read_inputs(urls, settings or Settings(), client=client, resolver=public_resolver)
        )
    return items, seen


def html_handler(article: FictionalArticle) -> Handler:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"content-type": "text/html; charset=utf-8"}, text=article.as_html()
        )

    return handle


def test_html_page(article: FictionalArticle) -> None:
    url = "https://www.harbourgazette.example/lighthouse"
    (raw,), seen = fetch([url], html_handler(article))
    assert isinstance(raw, RawArticle)
    assert (raw.location, raw.location_kind, raw.format) == (url, "url", "url")
    assert raw.url == url
    assert raw.source == "harbourgazette.example"
    assert raw.title == article.title
    assert seen[0].headers["user-agent"] == Settings().user_agent


def test_redirects_are_followed_and_the_final_url_kept(article: FictionalArticle) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/short":
            return httpx.Response(301, headers={"location": "/middle"})
        if request.url.path == "/middle":
            return httpx.Response(302, headers={"location": "https://other.example/final"})
        return html_handler(article)(request)

    (raw,), seen = fetch(["https://news.example/short"], handle)
    assert isinstance(raw, RawArticle)
    assert raw.location == "https://news.example/short"
    assert raw.url == "https://other.example/final"
    assert [str(request.url) for request in seen] == [
        "https://news.example/short",
        "https://news.example/middle",
        "https://other.example/final",
    ]


def test_redirect_limit() -> None:
    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": f"/hop{len(request.url.path)}"})

    settings = Settings(limits=Limits(max_redirects=3))
    (item,), seen = fetch(["https://news.example/start"], loop, settings)
    assert isinstance(item, Rejection)
    assert item.reason == "fetch_failed" and "redirects" in item.detail
    assert len(seen) == 4


def test_private_address_refused_without_a_request() -> None:
    (item,), seen = fetch(["http://internal.example/admin"], html_handler_never_called)
    assert isinstance(item, Rejection) and item.reason == "forbidden_address"
    assert "10.0.0.5" in item.detail
    assert seen == []


def test_redirect_to_private_address_refused() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        assert request.url.host != "internal.example"
        return httpx.Response(302, headers={"location": "http://internal.example/metadata"})

    (item,), seen = fetch(["https://news.example/a"], handle)
    assert isinstance(item, Rejection) and item.reason == "forbidden_address"
    assert len(seen) == 1


def test_private_address_allowed_with_the_flag(article: FictionalArticle) -> None:
    settings = Settings(allow_private_addresses=True)
    (raw,), _seen = fetch(["http://internal.example/page"], html_handler(article), settings)
    assert isinstance(raw, RawArticle)


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_size_cap(declared: bool) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if declared:
            return httpx.Response(200, headers={"content-type": "text/plain"}, content=b"x" * 5000)
        return httpx.Response(
            200, headers={"content-type": "text/plain"}, content=iter([b"y" * 1000] * 10)
        )

    settings = Settings(limits=Limits(max_fetch_bytes=4096))
    (item,), _seen = fetch(["https://news.example/big"], handle, settings)
    assert isinstance(item, Rejection) and item.reason == "too_large"


def test_compressed_bomb_from_a_server_is_capped() -> None:
    bomb = gzip.compress(b"z" * 2_000_000)

    def handle(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": "text/plain", "content-encoding": "gzip"}
        return httpx.Response(200, headers=headers, content=bomb)

    settings = Settings(limits=Limits(max_fetch_bytes=100_000))
    (item,), _seen = fetch(["https://news.example/bomb"], handle, settings)
    assert isinstance(item, Rejection) and item.reason == "too_large"


def test_plain_text_and_feed_responses(article: FictionalArticle) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/a.txt":
            return httpx.Response(
                200, headers={"content-type": "text/plain"}, text=article.as_txt()
            )
        return httpx.Response(
            200, headers={"content-type": "application/rss+xml"}, text=rss_feed(article)
        )

    items, _seen = fetch(["https://news.example/a.txt", "https://news.example/feed"], handle)
    text, *entries = items
    assert isinstance(text, RawArticle)
    assert (text.title, text.text, text.source) == (article.title, article.text, "news.example")
    assert [entry.location for entry in entries] == [
        f"https://news.example/feed#{n}" for n in (1, 2, 3)
    ]
    assert isinstance(entries[0], RawArticle) and entries[0].format == "feed"


def test_unlabelled_content_is_sniffed(article: FictionalArticle) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"content-type": "application/octet-stream"}, text=article.as_html()
        )

    (raw,), _seen = fetch(["https://news.example/x"], handle)
    assert isinstance(raw, RawArticle) and raw.title == article.title


@pytest.mark.parametrize(
    ("url", "handler", "reason"),
    [
        ("file:///etc/passwd", None, "unsupported"),
        ("ftp://news.example/a.txt", None, "unsupported"),
        ("https://missing.example/", None, "fetch_failed"),
        ("https://news.example/gone", lambda r: httpx.Response(404), "fetch_failed"),
        (
            "https://news.example/x.png",
            lambda r: httpx.Response(
                200, headers={"content-type": "image/png"}, content=b"\x89PNG\r\n\x1a\n\0\0"
            ),
            "unsupported",
        ),
    ],
)
def test_url_rejections(url: str, handler: Handler | None, reason: str) -> None:
    (item,), _seen = fetch([url], handler or html_handler_never_called)
    assert isinstance(item, Rejection)
    assert (item.location, item.location_kind, item.reason) == (url, "url", reason)


def test_timeout_is_a_fetch_failure() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    (item,), _seen = fetch(["https://news.example/slow"], slow)
    assert isinstance(item, Rejection) and item.reason == "fetch_failed"
    assert "timed out" in item.detail


def html_handler_never_called(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request should have been sent to {request.url}")


def _chunks(data: bytes, size: int) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]

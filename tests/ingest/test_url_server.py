"""The URL reader against a real HTTP server on 127.0.0.1 (no mocks between us and the socket)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newscheck.ingest import read_inputs
from newscheck.model import RawArticle, Rejection
from newscheck.settings import Limits, Settings

from .conftest import LIGHTHOUSE


class _Handler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
        self.requests.append(self.path)
        if self.path == "/page":
            self._send(200, "text/html; charset=utf-8", LIGHTHOUSE.as_html().encode())
        elif self.path.startswith("/hops/"):
            left = int(self.path.rsplit("/", 1)[1])
            target = "/page" if left == 0 else f"/hops/{left - 1}"
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()  # no Content-Length: the size is only known while reading
            for _ in range(64):
                self.wfile.write(b"word " * 2000)
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


ALLOW = Settings(allow_private_addresses=True, limits=Limits(fetch_timeout_s=10))


def test_loopback_is_refused_without_the_flag(server: str) -> None:
    (item,) = read_inputs([f"{server}/page"], Settings())
    assert isinstance(item, Rejection) and item.reason == "forbidden_address"
    assert _Handler.requests == []


def test_page_is_fetched_with_the_flag(server: str) -> None:
    (raw,) = read_inputs([f"{server}/page"], ALLOW)
    assert isinstance(raw, RawArticle)
    assert raw.title == LIGHTHOUSE.title
    assert raw.url == f"{server}/page"


def test_redirects_within_and_over_the_limit(server: str) -> None:
    settings = Settings(allow_private_addresses=True, limits=Limits(max_redirects=3))
    within, over = read_inputs([f"{server}/hops/2", f"{server}/hops/3"], settings)
    assert isinstance(within, RawArticle) and within.url == f"{server}/page"
    assert isinstance(over, Rejection) and over.reason == "fetch_failed"
    assert "/page" not in _Handler.requests[4:]


def test_streamed_body_over_the_cap(server: str) -> None:
    settings = Settings(allow_private_addresses=True, limits=Limits(max_fetch_bytes=50_000))
    (item,) = read_inputs([f"{server}/big"], settings)
    assert isinstance(item, Rejection) and item.reason == "too_large"


def test_http_error_status(server: str) -> None:
    (item,) = read_inputs([f"{server}/nothing"], ALLOW)
    assert isinstance(item, Rejection) and item.reason == "fetch_failed"
    assert "404" in item.detail

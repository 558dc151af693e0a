"""URLs fetched over HTTP(S), with the guards a server-side fetcher needs.

Only http and https; every hop of a redirect chain is checked against private, loopback and
link-local addresses (unless ``settings.allow_private_addresses``); the body is read as a stream
and cut off at ``max_fetch_bytes``; the whole fetch has a deadline.

Known gap: the address is checked by resolving the host before the request, and the HTTP client
resolves it again to connect, so a DNS answer that changes in between (DNS rebinding) is not caught.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from types import TracebackType
from typing import TYPE_CHECKING

from newscheck.errors import InputRejected
from newscheck.ingest.addresses import Resolver, forbidden_kind, resolve_host
from newscheck.ingest.feed import read_feed
from newscheck.ingest.htmldoc import read_html_document
from newscheck.ingest.jsonl import iter_jsonl, read_json
from newscheck.ingest.limits import within_limits
from newscheck.ingest.sniff import SNIFF_BYTES, Format, sniff_format
from newscheck.ingest.source import source_from_url
from newscheck.ingest.txt import read_txt
from newscheck.model import RawArticle, Rejection
from newscheck.settings import Settings

if TYPE_CHECKING:
    import httpx

Item = RawArticle | Rejection
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_FORMAT_BY_CONTENT_TYPE: dict[str, Format] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
}


@dataclass(frozen=True, slots=True)
class FetchedDocument:
    url: str
    """The final URL, after redirects."""
    content_type: str
    body: bytes


class UrlReader:
    """Fetches URLs and reads what they return. Use as a context manager (closes its client)."""

    def __init__(
        self,
        settings: Settings,
        *,
        client: httpx.Client | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self._settings = settings
        self._client = client if client is not None else _default_client(settings)
        self._owns_client = client is None
        self._resolve = resolver if resolver is not None else resolve_host

    def __enter__(self) -> UrlReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def read(self, url: str) -> Iterator[Item]:
        """The articles behind ``url`` (one page, or a feed's entries), or a Rejection."""
        try:
            document = self.fetch(url)
            yield from within_limits(
                document_items(document, url, self._settings), url, "url", self._settings
            )
        except InputRejected as error:
            yield Rejection(url, "url", error.reason, error.detail)

    def fetch(self, url: str) -> FetchedDocument:
        """Raises :class:`InputRejected`: unsupported, forbidden_address, fetch_failed,
        too_large."""
        import httpx

        limits = self._settings.limits
        deadline = time.monotonic() + limits.fetch_timeout_s
        current = url
        try:
            for _hop in range(limits.max_redirects + 1):
                target = self._checked_target(current)
                request = self._client.build_request(
                    "GET", target, headers={"User-Agent": self._settings.user_agent}
                )
                response = self._client.send(request, stream=True, follow_redirects=False)
                try:
                    location = response.headers.get("location")
                    if response.status_code in _REDIRECT_STATUSES and location:
                        current = str(target.join(location))
                        continue
                    if not 200 <= response.status_code < 300:
                        raise InputRejected(
                            "fetch_failed", f"the server answered HTTP {response.status_code}"
                        )
                    body = self._read_body(response, deadline)
                    content_type = response.headers.get("content-type", "")
                    return FetchedDocument(str(response.url), content_type, body)
                finally:
                    response.close()
        except httpx.TimeoutException as error:
            raise InputRejected(
                "fetch_failed", f"timed out after {limits.fetch_timeout_s:g} s"
            ) from error
        except (httpx.HTTPError, httpx.StreamError, httpx.InvalidURL) as error:
            raise InputRejected(
                "fetch_failed", f"{type(error).__name__}: {str(error)[:200]}"
            ) from error
        raise InputRejected("fetch_failed", f"more than {limits.max_redirects} redirects")

    def _checked_target(self, url: str) -> httpx.URL:
        import httpx

        try:
            target = httpx.URL(url)
        except (httpx.InvalidURL, ValueError, TypeError) as error:
            raise InputRejected("unsupported", f"not a valid URL: {url[:200]}") from error
        if target.scheme not in ("http", "https"):
            raise InputRejected("unsupported", f"only http and https URLs are fetched: {url[:200]}")
        if not target.host:
            raise InputRejected("unsupported", f"the URL has no host: {url[:200]}")
        if not self._settings.allow_private_addresses:
            self._check_addresses(target.host, target.port or _default_port(target.scheme))
        return target

    def _check_addresses(self, host: str, port: int) -> None:
        try:
            addresses = list(self._resolve(host, port))
        except (OSError, UnicodeError) as error:
            raise InputRejected("fetch_failed", f"the host {host} cannot be resolved") from error
        if not addresses:
            raise InputRejected("fetch_failed", f"the host {host} cannot be resolved")
        for address in addresses:
            kind = forbidden_kind(address)
            if kind is not None:
                raise InputRejected(
                    "forbidden_address",
                    f"{host} resolves to {address}, a {kind} address "
                    "(allow_private_addresses is off)",
                )

    def _read_body(self, response: httpx.Response, deadline: float) -> bytes:
        limit = self._settings.limits.max_fetch_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise InputRejected(
                "too_large", f"the response declares {int(declared):,} bytes, over {limit:,}"
            )
        chunks: list[bytes] = []
        size = 0
        # iter_bytes() undoes Content-Encoding, so the count is of decoded bytes: a compressed
        # bomb from a server is stopped like a large page.
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise InputRejected("too_large", f"the response is over {limit:,} bytes")
            if time.monotonic() > deadline:
                raise InputRejected(
                    "fetch_failed",
                    f"the response took longer than {self._settings.limits.fetch_timeout_s:g} s",
                )
            chunks.append(chunk)
        return b"".join(chunks)


def document_items(document: FetchedDocument, url: str, settings: Settings) -> Iterator[Item]:
    """Read a fetched body by its content type (sniffed when the type says nothing useful)."""
    media_type = document.content_type.split(";", 1)[0].strip().lower()
    kind = _FORMAT_BY_CONTENT_TYPE.get(media_type) or sniff_format(document.body[:SNIFF_BYTES])
    body = document.body
    if kind == "html":
        yield read_html_document(body, url, "url", settings, url=document.url, format="url")
    elif kind == "txt":
        article = read_txt(body, url, "url", settings, url=document.url, format="url")
        yield replace(article, source=source_from_url(document.url))
    elif kind == "feed":
        yield from read_feed(body, url, "url", settings, url=document.url)
    elif kind == "json":
        yield from read_json(body, url, "url", settings)
    elif kind == "jsonl":
        yield from iter_jsonl(io.BytesIO(body), url, "url", settings)
    else:
        raise InputRejected(
            "unsupported", f"the content type {media_type or 'unknown'!r} is not read"
        )


def _default_client(settings: Settings) -> httpx.Client:
    import httpx

    return httpx.Client(
        timeout=httpx.Timeout(settings.limits.fetch_timeout_s),
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent},
    )


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80

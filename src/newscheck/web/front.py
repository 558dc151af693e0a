"""The front of the app: answers repeated page requests and static files straight from memory.

Plain ASGI in front of the FastAPI routes: a cached page or a static file costs no routing, no
request object and no thread hop. Everything else goes on to the routes, which build pages and
fill the cache.
"""

from __future__ import annotations

from newscheck.web.cache import Rendered
from newscheck.web.security import ASGIApp, Receive, Scope, Send
from newscheck.web.site import Site

STATIC_PREFIX = "/static/"


class Front:
    def __init__(self, app: ASGIApp, site: Site) -> None:
        self.app = app
        self.site = site

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            entry = self._answer(scope["path"], scope.get("query_string", b""))
            if entry is not None:
                await send_rendered(scope, send, entry)
                return
        await self.app(scope, receive, send)

    def _answer(self, path: str, query: bytes) -> Rendered | None:
        if path.startswith(STATIC_PREFIX):
            # Only the names read at start are served; no path is ever built from the URL.
            return self.site.static.get(path[len(STATIC_PREFIX) :]) or _NOT_FOUND
        return self.site.cached(path, query)


_NOT_FOUND = Rendered(404, b"not found\n", "text/plain; charset=utf-8", "")


async def send_rendered(scope: Scope, send: Send, entry: Rendered) -> None:
    """Send a rendered page, or 304 when the client already has this version of it."""
    headers = [(b"content-type", entry.media_type.encode("latin-1"))]
    if entry.etag:
        headers += [(b"etag", entry.etag.encode("latin-1")), (b"cache-control", b"no-cache")]
    status, body = entry.status, entry.body
    if status == 200 and entry.etag and _header(scope, b"if-none-match") == entry.etag.encode():
        status, body = 304, b""
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value)
    return None

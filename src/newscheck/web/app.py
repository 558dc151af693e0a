"""The ``newscheck serve`` web app: FastAPI routes over a store, read-only, every page with a
``.json`` twin.

Addresses::

    /stories[.json]?page=N                        the story list
    /stories/{story_id}[.json]                    one story (.json: a newscheck.report/1 document)
    /articles/{article_id}[.json]                 one article, its marked text and its links
    /articles/{derived}/compare/{origin}[.json]   a rewrite beside its origin
    /search[.json]?q=words                        full-text search over articles and claims
    /static/{name}                                the style sheet and the graph script

URL parameters are only ever store keys or numbers: no path is built from them, and an id that
is not a plain id is a 404 without touching the store. Layers, outside in: the guard (headers,
Host, token, read-only), the front (cached pages, static files), the routes (build pages).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

from fastapi import FastAPI, Request
from starlette.responses import RedirectResponse, Response

from newscheck.errors import NewscheckError
from newscheck.store import Store
from newscheck.web import pages
from newscheck.web.cache import Rendered
from newscheck.web.front import Front, send_rendered
from newscheck.web.security import Guard
from newscheck.web.site import Build, Site

JSON_SUFFIX = ".json"
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")


def split_name(name: str) -> tuple[str, bool] | None:
    """``"abc.json"`` -> ``("abc", True)``; None when what is left is not a plain id."""
    want_json = name.endswith(JSON_SUFFIX)
    if want_json:
        name = name[: -len(JSON_SUFFIX)]
    return (name, want_json) if _ID.fullmatch(name) else None


class _Page(Response):
    """A rendered page sent as it is (ETag and 304 handled by :func:`send_rendered`)."""

    def __init__(self, entry: Rendered) -> None:
        super().__init__(entry.body, entry.status, media_type=entry.media_type)
        self.entry = entry

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await send_rendered(scope, send, self.entry)


class _BadName(Exception):
    """A URL segment that is not a plain id."""


def create_app(
    store: Store,
    *,
    token: str | None = None,
    allowed_hosts: Collection[str] | None = None,
    cache_bytes: int = 64 * 1024 * 1024,
    check_every_s: float = 1.0,
) -> Guard:
    """The web app over ``store`` (opened read-only by the caller), wrapped in its guard.

    ``token``: needed on every request when set (``?token=``, a cookie or a Bearer header).
    ``allowed_hosts``: Host header names accepted (None: any). The store's snapshot is read
    here, so the app answers at once when it starts.
    """
    site = Site(store, cache_bytes=cache_bytes, check_every_s=check_every_s)
    site.snapshots.current()
    # No /docs, /redoc or /openapi.json: they would load scripts from a CDN.
    app = FastAPI(title="newscheck", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.site = site

    def get(path: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        return app.api_route(path, methods=["GET", "HEAD"])

    async def page(request: Request, build: Build, want_json: bool) -> Response:
        query = request.scope.get("query_string", b"")
        return _Page(await site.page(request.scope["path"], query, build, want_json))

    def parse(name: str) -> tuple[str, bool]:
        parsed = split_name(name)
        if parsed is None:
            raise _BadName(name)
        return parsed

    @app.exception_handler(NewscheckError)
    async def store_failed(request: Request, exc: NewscheckError) -> Response:
        return Response("the store cannot be read just now\n", 503, media_type="text/plain")

    @app.exception_handler(_BadName)
    async def bad_name(request: Request, exc: _BadName) -> Response:
        return Response("not found\n", 404, media_type="text/plain")

    @get("/")
    async def home() -> Response:
        return RedirectResponse("/stories", status_code=307)

    @get("/stories")
    async def stories(request: Request) -> Response:
        number = _page_number(request.query_params.get("page"))
        return await page(request, lambda c: pages.stories(c, number, False), False)

    @get("/stories.json")
    async def stories_json(request: Request) -> Response:
        number = _page_number(request.query_params.get("page"))
        return await page(request, lambda c: pages.stories(c, number, True), True)

    @get("/stories/{name}")
    async def story(request: Request, name: str) -> Response:
        story_id, want_json = parse(name)
        return await page(request, lambda c: pages.story(c, story_id, want_json), want_json)

    @get("/articles/{name}")
    async def article(request: Request, name: str) -> Response:
        article_id, want_json = parse(name)
        return await page(request, lambda c: pages.article(c, article_id, want_json), want_json)

    @get("/articles/{derived}/compare/{name}")
    async def compare(request: Request, derived: str, name: str) -> Response:
        derived_id, _ = parse(derived)
        origin_id, want_json = parse(name)
        return await page(
            request, lambda c: pages.compare(c, derived_id, origin_id, want_json), want_json
        )

    @get("/search")
    async def search(request: Request) -> Response:
        query = request.query_params.get("q", "")[: pages.MAX_QUERY_CHARS]
        return await page(request, lambda c: pages.search(c, query, False), False)

    @get("/search.json")
    async def search_json(request: Request) -> Response:
        query = request.query_params.get("q", "")[: pages.MAX_QUERY_CHARS]
        return await page(request, lambda c: pages.search(c, query, True), True)

    return Guard(Front(app, site), token=token, allowed_hosts=allowed_hosts)


def _page_number(text: str | None) -> int:
    try:
        number = int(text) if text is not None else 1
    except ValueError:
        number = 1
    return min(max(number, 1), 1_000_000)

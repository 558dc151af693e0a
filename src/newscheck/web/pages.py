"""Each page of the web app, as HTML or as its ``.json`` twin, built from one snapshot of the store.

The data of a story or article page is the ``newscheck.report/1`` document of that part of the
store (built by :func:`newscheck.report.build.build_report`, like ``report.json``), plus a
``page`` member with what the page computes from it. The HTML shows exactly that data.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newscheck.errors import NewscheckError
from newscheck.report.articlepage import MARK_KINDS, article_page, article_page_json
from newscheck.report.build import build_report
from newscheck.report.compare import compare_json, compare_rows
from newscheck.report.hrefs import WebHrefs
from newscheck.report.load import analysis_around_article, analysis_from_store
from newscheck.report.storypage import page_json, story_page
from newscheck.report.view import ReportView
from newscheck.store import Store
from newscheck.web.cache import Rendered
from newscheck.web.snapshot import Snapshot

STORIES_PER_PAGE = 50
SEARCH_LIMIT = 50
MAX_QUERY_CHARS = 300

HTML = "text/html; charset=utf-8"
JSON = "application/json"


class PageNotFound(NewscheckError):
    """The address names no story, article or link the store holds."""


@dataclass(frozen=True, slots=True)
class PageContext:
    """What every page is built from: the store, its snapshot, and the page's own address."""

    store: Store
    snapshot: Snapshot
    path: str
    """The page's path and query, for its ``.json`` twin link."""


@lru_cache(maxsize=1)
def environment() -> Any:
    import jinja2

    loader = jinja2.ChoiceLoader(
        [
            jinja2.PackageLoader("newscheck.web", "templates"),
            jinja2.PackageLoader("newscheck.report", "templates"),
        ]
    )
    return jinja2.Environment(
        loader=loader,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def rendered(body: bytes, media_type: str, status: int = 200) -> Rendered:
    etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
    return Rendered(status, body, media_type, etag)


def as_json(data: Any, status: int = 200) -> Rendered:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return rendered(text.encode(), JSON, status)


def as_html(context: PageContext, template: str, status: int = 200, **values: Any) -> Rendered:
    hrefs = WebHrefs()
    html = (
        environment()
        .get_template(template)
        .render(hrefs=hrefs, json_href=hrefs.json_twin(context.path), **values)
    )
    return rendered(html.encode(), HTML, status)


# ------------------------------------------------------------------ stories


def stories(context: PageContext, page: int, want_json: bool) -> Rendered:
    rows = context.snapshot.rows
    pages = max(1, math.ceil(len(rows) / STORIES_PER_PAGE))
    page = min(max(1, page), pages)
    shown = rows[(page - 1) * STORIES_PER_PAGE : page * STORIES_PER_PAGE]
    if want_json:
        return as_json(
            {
                "schema": "newscheck.stories/1",
                "total": len(rows),
                "articles": context.snapshot.articles,
                "page": page,
                "pages": pages,
                "stories": [
                    {
                        "id": r.id,
                        "title": r.title,
                        "articles": r.articles,
                        "families": r.families,
                        "first_seen": r.first_seen,
                        "last_seen": r.last_seen,
                        "contested": r.contested,
                    }
                    for r in shown
                ],
            }
        )
    return as_html(
        context,
        "stories.html.j2",
        rows=shown,
        page=page,
        pages=pages,
        total=len(rows),
        articles=context.snapshot.articles,
    )


# ------------------------------------------------------------------ story


def story(context: PageContext, story_id: str, want_json: bool) -> Rendered:
    results = context.snapshot.results
    if story_id not in results.story_by_id:
        raise PageNotFound(f"no story {story_id}")
    analysis = analysis_from_store(context.store, [story_id], results=results)
    report = build_report(analysis)
    view = ReportView(report)
    (story_view,) = [s for s in view.stories() if s.story["id"] == story_id]
    page = story_page(view, story_view)
    if want_json:
        return as_json({**report, "page": page_json(page, view)})
    return as_html(context, "story.html.j2", page=page, view=view, s=story_view)


# ------------------------------------------------------------------ article


def article(context: PageContext, article_id: str, want_json: bool) -> Rendered:
    results = context.snapshot.results
    analysis = analysis_around_article(context.store, article_id, results=results)
    if analysis.article(article_id) is None:
        raise PageNotFound(f"no article {article_id}")
    report = build_report(analysis)
    story_id = results.story_of_article.get(article_id)
    page = article_page(report, article_id, story_id)
    if want_json:
        return as_json({**report, "page": article_page_json(page)})
    story = results.story_by_id.get(story_id) if story_id else None
    return as_html(
        context,
        "article.html.j2",
        page=page,
        view=ReportView(report),
        story=story,
        kinds=MARK_KINDS,
    )


def compare(context: PageContext, derived_id: str, origin_id: str, want_json: bool) -> Rendered:
    results = context.snapshot.results
    link = next(
        (
            k
            for k in results.links_by_article.get(derived_id, ())
            if k.derived == derived_id and k.origin == origin_id
        ),
        None,
    )
    if link is None:
        raise PageNotFound(f"{derived_id} is not linked to {origin_id} as a copy or rewrite")
    analysis = analysis_around_article(context.store, derived_id, results=results)
    report = build_report(analysis)
    by_id = {a["id"]: a for a in report["articles"]}
    entry = next(
        k for k in report["links"] if k["derived"] == derived_id and k["origin"] == origin_id
    )
    if derived_id not in by_id or origin_id not in by_id:
        raise PageNotFound("an article of this link is not in the store")
    rows = compare_rows(entry, by_id[origin_id], by_id[derived_id])
    if want_json:
        return as_json(
            {
                "schema": "newscheck.compare/1",
                "link": entry,
                "origin": by_id[origin_id],
                "derived": by_id[derived_id],
                "rows": compare_json(rows),
            }
        )
    return as_html(
        context,
        "compare.html.j2",
        link=entry,
        origin=by_id[origin_id],
        derived=by_id[derived_id],
        rows=rows,
        view=ReportView(report),
    )


# ------------------------------------------------------------------ search


def search(context: PageContext, query: str, want_json: bool) -> Rendered:
    query = query[:MAX_QUERY_CHARS]
    hits = context.store.search(query, SEARCH_LIMIT) if query.strip() else []
    if want_json:
        return as_json({"schema": "newscheck.search/1", "query": query, "hits": hits})
    return as_html(
        context, "search.html.j2", query=query, hits=[(h, snippet_pieces(h)) for h in hits]
    )


def snippet_pieces(hit: dict[str, Any]) -> list[tuple[str, bool]]:
    """The snippet cut into (text, matched) pieces, for the template to escape and mark."""
    text = str(hit["snippet"])
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in hit["highlights"]:
        if start < at:
            continue
        pieces += [(text[at:start], False), (text[start:end], True)]
        at = end
    pieces.append((text[at:], False))
    return [p for p in pieces if p[0]]


def not_found(context: PageContext, message: str, want_json: bool) -> Rendered:
    if want_json:
        return as_json({"error": "not_found", "detail": message}, 404)
    return as_html(context, "error.html.j2", status=404, title="Not found", message=message)

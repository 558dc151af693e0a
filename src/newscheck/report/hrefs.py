"""Where a page's links point: the web app's URLs, or anchors inside the one-file static report.

Story views are written once (Jinja macros in ``report/templates/_story.html.j2``) and take one of
these objects, so the same markup links to ``/articles/ID#s3`` on the server and to
``#art-ID-s3`` in ``report.html``.
"""

from __future__ import annotations

from typing import Protocol
from urllib.parse import quote, urlencode


def _part(value: str) -> str:
    # Ids come from the store; quoting keeps any odd character from changing the URL's shape.
    return quote(value, safe="")


class Hrefs(Protocol):
    def story(self, story_id: str) -> str: ...

    def article(self, article_id: str, sentence: int | None = None) -> str: ...

    def compare(self, derived: str, origin: str) -> str: ...


class WebHrefs:
    """URLs of the web app's pages."""

    def stories(self, page: int = 1) -> str:
        return "/stories" if page <= 1 else f"/stories?page={page}"

    def story(self, story_id: str) -> str:
        return f"/stories/{_part(story_id)}"

    def article(self, article_id: str, sentence: int | None = None) -> str:
        anchor = "" if sentence is None else f"#s{sentence}"
        return f"/articles/{_part(article_id)}{anchor}"

    def compare(self, derived: str, origin: str) -> str:
        return f"/articles/{_part(derived)}/compare/{_part(origin)}"

    def search(self, query: str) -> str:
        return "/search?" + urlencode({"q": query})

    def json_twin(self, path: str) -> str:
        """The ``.json`` twin of a page path (query string kept)."""
        base, separator, query = path.partition("?")
        base = base.rstrip("/") or "/stories"
        return base + ".json" + (separator + query if separator else "")


class StaticHrefs:
    """Anchors inside the self-contained ``report.html``."""

    def story(self, story_id: str) -> str:
        return f"#story-{_part(story_id)}"

    def article(self, article_id: str, sentence: int | None = None) -> str:
        suffix = "" if sentence is None else f"-s{sentence}"
        return f"#art-{_part(article_id)}{suffix}"

    def compare(self, derived: str, origin: str) -> str:
        return f"#art-{_part(derived)}"

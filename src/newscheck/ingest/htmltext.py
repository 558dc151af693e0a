"""A light HTML-to-text for fragments (feed entries): block elements become paragraph breaks.

Whole pages go through :mod:`newscheck.ingest.html` (main-text extraction); a feed's content is
already the article body, and fragments are too small for an extractor's quality thresholds.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
    | {"tr", "table", "section", "article", "header", "footer", "pre", "hr", "figure"}
    | {"figcaption", "dd", "dt", "dl", "aside", "main", "nav", "address", "center"}
)
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "object"})
_SPACES = re.compile(r"\s+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._break()

    def _break(self) -> None:
        paragraph = _SPACES.sub(" ", "".join(self._current)).strip()
        if paragraph:
            self.paragraphs.append(paragraph)
        self._current = []


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, paragraphs separated by blank lines."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return "\n\n".join(collector.paragraphs)


def looks_like_html(text: str) -> bool:
    """Whether a feed value carries markup (feeds mix escaped HTML and plain text freely)."""
    return bool(re.search(r"<(?:[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>|&[#a-zA-Z0-9]+;", text))

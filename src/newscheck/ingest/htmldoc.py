"""The bridge to the HTML reader, so that every reader calls it the same way."""

from __future__ import annotations

from dataclasses import replace

from newscheck.errors import InputRejected
from newscheck.ingest.source import source_from_url
from newscheck.model import LocationKind, RawArticle
from newscheck.settings import Settings


def read_html_document(
    data: bytes | str,
    location: str,
    location_kind: LocationKind,
    settings: Settings,
    *,
    url: str | None = None,
    format: str = "html",
) -> RawArticle:
    """Main text of an HTML page via :func:`newscheck.ingest.html.read_html`.

    The size limit for HTML is checked here; the source falls back to the URL's domain.
    """
    size = len(data)
    if size > settings.limits.max_html_bytes:
        raise InputRejected(
            "too_large",
            f"the HTML document has {size:,} bytes, over the limit of "
            f"{settings.limits.max_html_bytes:,}",
        )
    try:
        from newscheck.ingest.html import read_html
    except ImportError as error:
        raise InputRejected("unsupported", "the HTML reader is not installed") from error
    article: RawArticle = read_html(data, location, location_kind, settings, url=url)
    return replace(
        article,
        format=format,
        url=article.url or url,
        source=article.source or source_from_url(article.url or url),
    )

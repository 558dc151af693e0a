"""RSS and Atom feeds, one article per entry; entries with only a summary are flagged."""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from newscheck.errors import InputRejected
from newscheck.ingest.dates import parse_date
from newscheck.ingest.decode import normalise_newlines
from newscheck.ingest.htmltext import html_to_text, looks_like_html
from newscheck.ingest.source import source_from_url
from newscheck.ingest.xmlsafety import check_xml_safe
from newscheck.model import LocationKind, RawArticle, Rejection
from newscheck.settings import Settings

Item = RawArticle | Rejection


def read_feed(
    data: bytes,
    location: str,
    location_kind: LocationKind,
    settings: Settings,
    *,
    url: str | None = None,
) -> Iterator[Item]:
    """Articles of a feed document; ``location`` of each entry is ``location#n``.

    Raises :class:`InputRejected` for the whole document: ``unsafe_xml``, ``unsupported`` (XML
    that is no feed), ``no_text`` (a feed without entries).
    """
    check_xml_safe(data)
    import feedparser

    # A stream, never bytes or str: feedparser treats a string as a URL or a local file name.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        raise InputRejected("unsupported", "XML that is not an RSS or Atom feed")
    if not entries:
        raise InputRejected("no_text", "the feed has no entries")
    feed = parsed.get("feed") or {}
    source = _feed_source(feed, url)
    language = _text(feed.get("language"))
    for number, entry in enumerate(entries, start=1):
        entry_location = f"{location}#{number}"
        try:
            yield _entry_article(entry, entry_location, location_kind, source, language)
        except InputRejected as error:
            yield Rejection(entry_location, location_kind, error.reason, error.detail)


def _entry_article(
    entry: Mapping[str, Any],
    location: str,
    location_kind: LocationKind,
    source: str | None,
    language: str | None,
) -> RawArticle:
    full_text = _best_content(entry.get("content") or [])
    text = full_text or _as_text(entry.get("summary"), _detail_type(entry, "summary"))
    if not text:
        raise InputRejected("no_text", "the entry has neither content nor a summary")
    link = _text(entry.get("link"))
    return RawArticle(
        location=location,
        location_kind=location_kind,
        format="feed",
        title=_as_text(entry.get("title"), _detail_type(entry, "title")),
        text=text,
        url=link,
        source=source or source_from_url(link),
        published=_entry_date(entry),
        author=_text(entry.get("author")),
        given_id=_text(entry.get("id")),
        language=language,
        summary_only=not full_text,
    )


def _best_content(contents: list[Mapping[str, Any]]) -> str:
    """The longest content block as text (Atom may carry several, e.g. text and html)."""
    texts = [_as_text(block.get("value"), str(block.get("type") or "")) for block in contents]
    return max(texts, key=len, default="")


def _as_text(value: object, content_type: str) -> str:
    if not isinstance(value, str):
        return ""
    if "html" in content_type or looks_like_html(value):
        return html_to_text(value)
    return normalise_newlines(value).strip()


def _detail_type(entry: Mapping[str, Any], name: str) -> str:
    detail = entry.get(f"{name}_detail") or {}
    return str(detail.get("type") or "")


def _entry_date(entry: Mapping[str, Any]) -> datetime | None:
    for name in ("published", "updated", "created"):
        parsed = parse_date(_text(entry.get(name)))
        if parsed is not None:
            return parsed
    for name in ("published_parsed", "updated_parsed"):
        moment = entry.get(name)
        if moment:
            try:
                year, month, day, hour, minute, second = moment[:6]
                return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
            except (TypeError, ValueError):
                continue
    return None


def _feed_source(feed: Mapping[str, Any], url: str | None) -> str | None:
    title = _text(feed.get("title"))
    if title:
        return html_to_text(title) if looks_like_html(title) else title
    return source_from_url(_text(feed.get("link"))) or source_from_url(url)


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None

"""One JSON object (a JSONL line or an element of a JSON file) to a RawArticle.

Fields: ``title``, ``text`` (or ``html``), and optionally ``id`` (kept as ``given_id``), ``url``,
``source``, ``published``, ``author``, ``language``. A few common aliases are read too.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

from newscheck.errors import InputRejected
from newscheck.ingest.dates import parse_date
from newscheck.ingest.decode import normalise_newlines
from newscheck.ingest.htmldoc import read_html_document
from newscheck.ingest.source import source_from_url
from newscheck.model import LocationKind, RawArticle
from newscheck.settings import Settings

_TEXT_FIELDS = ("text", "body", "content")
_DATE_FIELDS = ("published", "date", "published_at", "pubDate")
_EPOCH_RANGE = (0.0, 4.0e9)


def article_from_record(
    record: object,
    location: str,
    location_kind: LocationKind,
    settings: Settings,
    *,
    format: str,
) -> RawArticle:
    """Raises :class:`InputRejected`: ``malformed`` (not an object, wrong field types) or
    ``no_text``."""
    if not isinstance(record, dict):
        kind = type(record).__name__
        raise InputRejected("malformed", f"a record must be a JSON object, not {kind}")
    url = _optional_text(record, "url")
    title = _optional_text(record, "title") or ""
    text = _record_text(record)
    source = _optional_text(record, "source")
    published = _record_date(record)
    author = _record_author(record)
    given_id = _given_id(record.get("id"))
    language = _optional_text(record, "language")
    if text:
        return RawArticle(
            location,
            location_kind,
            format,
            title,
            text,
            url=url,
            source=source or source_from_url(url),
            published=published,
            author=author,
            given_id=given_id,
            language=language,
        )
    html = _optional_text(record, "html")
    if not html:
        raise InputRejected("no_text", "the record has no text and no html")
    page = read_html_document(html, location, location_kind, settings, url=url, format=format)
    # The record's own fields win over what the page's metadata says.
    return replace(
        page,
        title=title or page.title,
        source=source or page.source or source_from_url(url),
        published=published or page.published,
        author=author or page.author,
        given_id=given_id,
        language=language or page.language,
    )


def _record_text(record: dict[str, object]) -> str:
    for name in _TEXT_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if isinstance(value, str):
            text = value
        elif isinstance(value, list) and all(isinstance(part, str) for part in value):
            # Paragraph lists (as some data sets store bodies) become blank-line separated text.
            text = "\n\n".join(part.strip() for part in value if part.strip())
        else:
            raise InputRejected("malformed", f"field {name!r} must be a string or list of strings")
        text = normalise_newlines(text).strip()
        if text:
            return text
    return ""


def _optional_text(record: dict[str, object], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InputRejected("malformed", f"field {name!r} must be a string")


def _record_date(record: dict[str, object]) -> datetime | None:
    for name in _DATE_FIELDS:
        value = record.get(name)
        if isinstance(value, str):
            parsed = parse_date(value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            low, high = _EPOCH_RANGE
            parsed = datetime.fromtimestamp(value, tz=UTC) if low < value < high else None
        else:
            parsed = None
        if parsed is not None:
            return parsed
    return None


def _record_author(record: dict[str, object]) -> str | None:
    value = record.get("author", record.get("authors"))
    if isinstance(value, list):
        names = [name.strip() for name in value if isinstance(name, str) and name.strip()]
        return ", ".join(names) or None
    return value.strip() or None if isinstance(value, str) else None


def _given_id(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return json.dumps(value, sort_keys=True, ensure_ascii=False)

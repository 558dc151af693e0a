"""Publication dates from the strings found in feeds, JSON and HTML metadata."""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime
from typing import Any

# dateparser is slow to import and to run: it is the fallback, and only for short strings.
_MAX_FALLBACK_CHARS = 64
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": True,
    # Deterministic results only: no "2 days ago" (relative to now), no guessed missing year.
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
}
# Loading every locale dateparser knows takes seconds on the first miss; these cover most news.
_FALLBACK_LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar"]
_FALLBACK_LANGUAGES += ["zh", "ja", "id", "ms"]
_COMPACT_FORMATS = ("%Y-%m-%d %H:%M:%S %Z", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d", "%d.%m.%Y")
_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_RFC2822 = re.compile(
    r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+\S+)?$"
)
_EPOCH = re.compile(r"^\d{9,11}(\.\d+)?$")
_EARLIEST_YEAR = 1800


def parse_date(value: str | None) -> datetime | None:
    """A timezone-aware UTC datetime, or ``None`` when ``value`` is not a date. Never raises.

    ISO-8601 and RFC 2822 (feeds, HTTP) take a fast path; a few compact formats follow; dateparser
    is the last resort. A time with no zone is taken as UTC.
    """
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    for parse in (_parse_iso, _parse_rfc2822, _parse_epoch, _parse_compact, _parse_fallback):
        try:
            parsed = parse(text)
        except (ValueError, TypeError, OverflowError, IndexError):
            parsed = None
        if parsed is not None:
            return parsed if parsed.year >= _EARLIEST_YEAR else None
    return None


def to_utc(moment: datetime) -> datetime:
    """Naive times are taken as UTC; aware ones are converted."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _parse_iso(text: str) -> datetime | None:
    if not _ISO_LIKE.match(text):
        return None
    return to_utc(datetime.fromisoformat(text))


def _parse_rfc2822(text: str) -> datetime | None:
    if not _RFC2822.match(text):
        return None
    return to_utc(email.utils.parsedate_to_datetime(text))


def _parse_epoch(text: str) -> datetime | None:
    if not _EPOCH.match(text):
        return None
    return datetime.fromtimestamp(float(text), tz=UTC)


def _parse_compact(text: str) -> datetime | None:
    for layout in _COMPACT_FORMATS:
        try:
            return to_utc(datetime.strptime(text, layout))
        except ValueError:
            continue
    return None


def _parse_fallback(text: str) -> datetime | None:
    if len(text) > _MAX_FALLBACK_CHARS or not any(ch.isdigit() for ch in text):
        return None
    import dateparser

    try:
        parsed = dateparser.parse(
            text, settings=_DATEPARSER_SETTINGS, languages=_FALLBACK_LANGUAGES
        )
    except Exception:  # dateparser raises assorted errors on odd input; a non-date is just None
        return None
    return to_utc(parsed) if parsed is not None else None

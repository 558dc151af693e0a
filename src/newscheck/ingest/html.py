"""HTML pages: main text and metadata with trafilatura.

The page is decoded (byte-order mark, then UTF-8 when the bytes are valid UTF-8, then the charset
the page declares, then detection), parsed once, and handed to trafilatura's ``bare_extraction``
with :data:`EXTRACTION_OPTIONS`: comments left out, tables kept, trafilatura's default balance
of precision and recall. Our own cleaning (:mod:`newscheck.clean`) removes what trafilatura
lets through (teasers, share lines, credits); ``bench/html_extraction.py`` measures the pair
against trafilatura alone.

The text has one paragraph per block element, paragraphs separated by a blank line.
"""

from __future__ import annotations

import codecs
import re
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from newscheck.errors import InputRejected
from newscheck.ingest.dates import parse_date, to_utc
from newscheck.ingest.decode import bom_encoding, decode_text, looks_binary
from newscheck.ingest.source import source_from_url
from newscheck.model import LocationKind, RawArticle
from newscheck.settings import Settings

if TYPE_CHECKING:
    from lxml.html import HtmlElement

HTML_SCHEME = "html.trafilatura-2.3.v1"
"""Versioned name of the extraction recipe (trafilatura version and options)."""

EXTRACTION_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
    "include_images": False,
    "include_links": False,
    "favor_precision": False,
    "favor_recall": False,
    "with_metadata": True,
}
"""Options for ``trafilatura.bare_extraction`` (chosen with ``bench/html_extraction.py``)."""

_HEAD_BYTES = 4096
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
# Browsers read these labels as Windows-1252 (WHATWG Encoding Standard), and so do we.
_WINDOWS_1252_LABELS = frozenset({"ascii", "iso8859-1"})
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "sailthru.date",
)
_NEWLINES = re.compile(r"\s*\n\s*")
_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9]*[\s>/]")


def read_html(
    data: bytes | str,
    location: str,
    location_kind: LocationKind,
    settings: Settings,
    url: str | None = None,
) -> RawArticle:
    """The main text and metadata of one HTML page.

    Raises :class:`InputRejected` with reason ``too_large`` (over
    ``settings.limits.max_html_bytes``), ``empty``, ``binary``, ``undecodable``, ``malformed``
    (not parseable as HTML) or ``no_text`` (nothing extracted).
    """
    _check_size(data, settings.limits.max_html_bytes)
    text = decode_html(data) if isinstance(data, bytes) else data.lstrip("\ufeff")
    if not text.strip():
        raise InputRejected("empty", "the HTML document is empty")
    tree = _parse(text)
    page_language = _page_language(tree)
    meta_published = _meta_published(tree)

    from trafilatura import bare_extraction

    try:
        document = bare_extraction(tree, url=url, **EXTRACTION_OPTIONS)
    except Exception as error:  # trafilatura raises assorted errors on broken markup
        raise InputRejected("malformed", f"the HTML could not be processed: {error}") from error
    body = getattr(document, "text", None) or ""
    if not body.strip():
        raise InputRejected("no_text", "no main text found in the HTML page")
    canonical = _text_or_none(getattr(document, "url", None))
    page_url = canonical or url
    return RawArticle(
        location=location,
        location_kind=location_kind,
        format="html",
        title=_text_or_none(getattr(document, "title", None)) or "",
        text=_NEWLINES.sub("\n\n", body.strip()),
        url=page_url,
        source=_text_or_none(getattr(document, "sitename", None)) or source_from_url(page_url),
        published=_published(getattr(document, "date", None), meta_published),
        author=_text_or_none(getattr(document, "author", None)),
        language=_text_or_none(getattr(document, "language", None)) or page_language,
    )


def decode_html(data: bytes) -> str:
    """Text of an HTML document's bytes: byte-order mark, valid UTF-8, declared charset, then
    detection (raises :class:`InputRejected` ``binary`` or ``undecodable``)."""
    if not data.strip():
        return ""
    if bom_encoding(data) is None:
        if looks_binary(data):
            raise InputRejected("binary", "contains NUL bytes or control characters: not HTML")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        declared = declared_encoding(data)
        if declared is not None:
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass
    return decode_text(data)


def declared_encoding(data: bytes) -> str | None:
    """The Python codec of the charset a page declares in its first bytes, if known."""
    match = _DECLARED_CHARSET.search(data[:_HEAD_BYTES])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _WINDOWS_1252_LABELS:
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):
        return None  # a declaration without a byte-order mark is wrong by definition
    return name


def _check_size(data: bytes | str, limit: int) -> None:
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise InputRejected(
            "too_large", f"the HTML document has {size:,} bytes, over the limit of {limit:,}"
        )


def _parse(text: str) -> HtmlElement:
    from trafilatura import load_html

    try:
        tree = load_html(text)
    except Exception as error:  # lxml raises assorted errors on broken input
        raise InputRejected("malformed", f"the HTML cannot be parsed: {error}") from error
    if tree is None and _TAG.search(text):
        # trafilatura refuses a fragment ("<p>...</p>") with no <html> near the start; a
        # browser shows it, and so do we.
        tree = load_html(f"<html><body>{text}</body></html>")
    if tree is None:
        raise InputRejected("malformed", "the document cannot be parsed as HTML")
    return tree


def _page_language(tree: HtmlElement) -> str | None:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        return None
    primary = lang.strip().split("-")[0].split("_")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def _meta_published(tree: HtmlElement) -> datetime | None:
    """A full timestamp from the page's publication meta tags, if one has a time of day."""
    for meta in tree.iterfind(".//meta"):
        name = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if name.strip().lower() in _PUBLISHED_META_LOWER:
            moment = parse_date(meta.get("content"))
            if moment is not None:
                return moment
    return None


_PUBLISHED_META_LOWER = frozenset(name.lower() for name in _PUBLISHED_META)


def _published(extracted: str | None, meta: datetime | None) -> datetime | None:
    """trafilatura's date (htmldate: the original date, not the last change), with the time of
    day from the meta tags when they give the same day; midnight UTC otherwise."""
    day = parse_date(extracted) if extracted else None
    if day is None:
        return meta
    if meta is not None and meta.date() == day.date():
        return meta
    return to_utc(datetime.combine(day.date(), time()))


def _text_or_none(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None

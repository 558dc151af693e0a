"""WARC and WARC.gz web archives, streamed record by record with warcio.

HTTP responses with an HTML body become articles (through the HTML reader, with the record's
target URI as URL); other records are skipped. Decompression is done here, through a counter, so
``max_decompressed_bytes`` stops a bomb as it inflates.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from newscheck.errors import InputRejected
from newscheck.ingest.bounded import (
    GZIP_MAGIC,
    StreamTooLarge,
    bounded_stream,
    gunzip_stream,
    read_at_most,
)
from newscheck.ingest.failures import rejection_for
from newscheck.ingest.htmldoc import read_html_document
from newscheck.model import LocationKind, RawArticle, Rejection
from newscheck.settings import Settings

Item = RawArticle | Rejection
_WARC_MAGIC = b"WARC/"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(
    stream: BinaryIO, location: str, location_kind: LocationKind, settings: Settings
) -> Iterator[Item]:
    """Articles from HTML responses; ``location`` of each is ``path#n`` (n: WARC record number).

    Raises :class:`InputRejected`: ``too_large`` (decompressed size), ``malformed`` (not a WARC),
    ``no_text`` (no HTML response in the archive).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = settings.limits.max_decompressed_bytes
    head = stream.peek(2)[:2] if hasattr(stream, "peek") else b""
    if head == GZIP_MAGIC:
        plain = gunzip_stream(stream, limit)
    else:
        plain = bounded_stream(stream, limit, "WARC data")
    if not plain.peek(len(_WARC_MAGIC)).startswith(_WARC_MAGIC):
        raise InputRejected("malformed", "not a WARC file (it does not start with WARC/)")
    html_responses = 0
    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(plain), start=1):
            if not _is_html_response(record):
                continue
            html_responses += 1
            record_location = f"{location}#{number}"
            try:
                article = _record_article(record, record_location, location_kind, settings)
            except (StreamTooLarge, OSError, EOFError, zlib.error):
                raise  # the archive itself is too large or broken: handled below / by the caller
            except Exception as error:
                yield rejection_for(error, record_location, location_kind)
            else:
                yield article
    except InputRejected:
        raise
    except (ArchiveLoadFailed, ValueError, AttributeError, KeyError, IndexError) as error:
        # warcio raises assorted errors on corrupt records.
        raise InputRejected(
            "malformed", f"not a readable WARC after record {number} ({str(error)[:200]})"
        ) from error
    if html_responses == 0:
        raise InputRejected("no_text", "the archive holds no HTTP response with an HTML page")


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = str(record.http_headers.get_statuscode() or "")
    if not status.startswith("2"):
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(kind in content_type for kind in _HTML_TYPES)


def _record_article(
    record: Any, location: str, location_kind: LocationKind, settings: Settings
) -> RawArticle:
    # content_stream() undoes chunking and Content-Encoding: bounded, since a gzip body can be a
    # bomb of its own inside an otherwise small record.
    body = read_at_most(record.content_stream(), settings.limits.max_html_bytes, "the HTML page")
    url = record.rec_headers.get_header("WARC-Target-URI")
    return read_html_document(body, location, location_kind, settings, url=url, format="warc")

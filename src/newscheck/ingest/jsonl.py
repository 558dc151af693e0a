"""JSON Lines (one article object per line, streamed) and JSON files (a list, one object, or
``{"articles": [...]}``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from newscheck.errors import InputRejected
from newscheck.ingest.failures import rejection_for
from newscheck.ingest.records import article_from_record
from newscheck.model import LocationKind, RawArticle, Rejection
from newscheck.settings import Settings

Item = RawArticle | Rejection
_SKIP_CHUNK = 1024 * 1024
# Room on a line beyond the article itself (title, metadata, JSON escapes).
_LINE_SLACK = 1024 * 1024


def iter_jsonl(
    stream: BinaryIO, location: str, location_kind: LocationKind, settings: Settings
) -> Iterator[Item]:
    """One record per non-blank line, read line by line. ``location`` of each is ``path#line``.

    A bad line is rejected on its own (``malformed``, ``too_large``...) and reading goes on.
    """
    max_line = max_line_bytes(settings)
    seen_record = False
    for number, line, complete in _lines(stream, max_line):
        record_location = f"{location}#{number}"
        if not complete:
            yield Rejection(
                record_location,
                location_kind,
                "too_large",
                f"the line is longer than {max_line:,} bytes",
            )
            seen_record = True
            continue
        if not line.strip():
            continue
        seen_record = True
        try:
            record = _parse_line(line, first=number == 1)
            article = article_from_record(
                record, record_location, location_kind, settings, format="jsonl"
            )
        except Exception as error:
            yield rejection_for(error, record_location, location_kind)
        else:
            yield article
    if not seen_record:
        yield Rejection(location, location_kind, "empty", "no records: every line is blank")


def read_json(
    data: bytes, location: str, location_kind: LocationKind, settings: Settings
) -> Iterator[Item]:
    """Records of a whole JSON document (bounded by ``max_file_bytes`` before it gets here)."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise InputRejected("undecodable", "JSON must be UTF-8") from error
    except (ValueError, RecursionError) as error:
        raise InputRejected("malformed", f"not valid JSON ({_short(error)})") from error
    if isinstance(document, dict) and isinstance(document.get("articles"), list):
        document = document["articles"]
    if isinstance(document, dict):
        yield article_from_record(document, location, location_kind, settings, format="json")
        return
    if not isinstance(document, list):
        raise InputRejected("malformed", "JSON must hold an object or a list of objects")
    if not document:
        raise InputRejected("empty", "the JSON list holds no records")
    for number, record in enumerate(document, start=1):
        record_location = f"{location}#{number}"
        try:
            article = article_from_record(
                record, record_location, location_kind, settings, format="json"
            )
        except Exception as error:
            yield rejection_for(error, record_location, location_kind)
        else:
            yield article


def max_line_bytes(settings: Settings) -> int:
    """Longest JSONL line read: enough for the largest article or HTML document allowed."""
    limits = settings.limits
    return max(limits.max_html_bytes, 4 * limits.max_article_chars) + _LINE_SLACK


def _lines(stream: BinaryIO, max_line: int) -> Iterator[tuple[int, bytes, bool]]:
    """``(line number, line, complete)``; an over-long line is skipped, not held in memory."""
    number = 0
    while True:
        line = stream.readline(max_line + 1)
        if not line:
            return
        number += 1
        if len(line) > max_line and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield number, b"", False
        else:
            yield number, line, True


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _parse_line(line: bytes, *, first: bool) -> object:
    try:
        text = line.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as error:
        raise InputRejected("undecodable", "the line is not UTF-8") from error
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise InputRejected("malformed", f"not valid JSON ({_short(error)})") from error


def _short(error: BaseException) -> str:
    return str(error)[:200]

"""One path to records: checks before reading, the choice of reader, and gzip unwrapping."""

from __future__ import annotations

import io
import os
import stat
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from newscheck.errors import InputRejected
from newscheck.ingest.bounded import GZIP_MAGIC, bounded_stream, gunzip_stream, read_at_most
from newscheck.ingest.failures import rejection_for
from newscheck.ingest.feed import read_feed
from newscheck.ingest.htmldoc import read_html_document
from newscheck.ingest.jsonl import iter_jsonl, read_json
from newscheck.ingest.limits import within_limits
from newscheck.ingest.sniff import SNIFF_BYTES, Format, format_from_name, sniff_format, suffix_of
from newscheck.ingest.txt import read_txt
from newscheck.ingest.walk import walk_files
from newscheck.ingest.warc import iter_warc
from newscheck.model import RawArticle, Rejection
from newscheck.settings import Settings

Item = RawArticle | Rejection


def read_path(path: str, settings: Settings) -> Iterator[Item]:
    """Records of a file, or of every file under a directory. Never raises for a bad input."""
    try:
        is_directory = os.path.isdir(path)
    except (OSError, ValueError):
        is_directory = False
    if not is_directory:
        yield from read_file(path, settings)
        return
    for entry in walk_files(path):
        if isinstance(entry, Rejection):
            yield entry
        else:
            yield from read_file(entry, settings)


def read_file(path: str, settings: Settings) -> Iterator[Item]:
    """Records of one file, each overflow or failure recorded as a Rejection."""
    records = within_limits(_guarded(path, settings), path, "path", settings)
    yield from records


def _guarded(path: str, settings: Settings) -> Iterator[Item]:
    try:
        yield from _read_checked_file(path, settings)
    except (OSError, EOFError, zlib.error) as error:
        # Truncated or corrupt compression, or a read error half-way through.
        yield Rejection(path, "path", "malformed", f"the file cannot be read to the end ({error})")
    except Exception as error:
        yield rejection_for(error, path, "path")


def _read_checked_file(path: str, settings: Settings) -> Iterator[Item]:
    handle = _open_regular_file(path, settings.limits.max_file_bytes)
    try:
        stream = bounded_stream(handle, settings.limits.max_file_bytes, "the file")
        kind = _choose_format(path, stream.peek(SNIFF_BYTES)[:SNIFF_BYTES])
        yield from _read_stream(kind, stream, path, settings)
    finally:
        handle.close()


def _open_regular_file(path: str, limit: int) -> BinaryIO:
    """Open, then check what was opened (no gap between a check and the open). Non-blocking,
    so that a FIFO put in place of a file cannot hang the run."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError as error:
        raise InputRejected("not_found", "no such file or directory") from error
    except (OSError, ValueError) as error:
        raise InputRejected("not_found", f"the path cannot be opened ({error})") from error
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise InputRejected("unsupported", "not a regular file (a device, pipe or socket)")
        if info.st_size > limit:
            raise InputRejected(
                "too_large", f"the file has {info.st_size:,} bytes, over the limit of {limit:,}"
            )
        if info.st_size == 0:
            raise InputRejected("empty", "the file is empty")
        return os.fdopen(descriptor, "rb", buffering=0)
    except BaseException:
        os.close(descriptor)
        raise


def _choose_format(name: str, head: bytes) -> Format:
    by_name = format_from_name(name)
    if by_name is not None:
        return by_name
    sniffed = sniff_format(head)
    if sniffed is not None:
        return sniffed
    suffix = suffix_of(name)
    if suffix:
        raise InputRejected("unsupported", f"{suffix} files are not a format newscheck reads")
    # No extension and no recognisable structure: try it as plain text (binary is refused there).
    return "txt"


def _read_stream(
    kind: Format,
    stream: io.BufferedReader,
    path: str,
    settings: Settings,
    *,
    inside_gzip: bool = False,
) -> Iterator[Item]:
    if kind == "jsonl":
        yield from iter_jsonl(stream, path, "path", settings)
    elif kind == "warc":
        yield from iter_warc(stream, path, "path", settings)
    elif kind == "gzip":
        if inside_gzip:
            raise InputRejected("unsupported", "gzip inside gzip is not read")
        yield from _read_gzip(stream, path, settings)
    else:
        data = read_at_most(stream, _document_limit(kind, settings), "the document")
        yield from _read_document(kind, data, path, settings)


def _read_gzip(stream: io.BufferedReader, path: str, settings: Settings) -> Iterator[Item]:
    inner = gunzip_stream(stream, settings.limits.max_decompressed_bytes)
    inner_name = path[:-3] if path.lower().endswith(".gz") else path
    head = inner.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    kind: Format = "gzip" if head.startswith(GZIP_MAGIC) else _choose_format(inner_name, head)
    yield from _read_stream(kind, inner, path, settings, inside_gzip=True)


def _document_limit(kind: Format, settings: Settings) -> int:
    """Bytes worth reading for one whole document: what its reader would accept at most."""
    limits = settings.limits
    if kind == "html":
        return limits.max_html_bytes
    if kind == "txt":  # up to 4 bytes a character in UTF-8, or 4 in UTF-32
        return min(limits.max_decompressed_bytes, 4 * limits.max_article_chars + 4096)
    return limits.max_decompressed_bytes


def _read_document(kind: Format, data: bytes, path: str, settings: Settings) -> Iterator[Item]:
    if kind == "txt":
        yield read_txt(data, path, "path", settings)
    elif kind == "html":
        yield read_html_document(data, path, "path", settings)
    elif kind == "json":
        yield from read_json(data, path, "path", settings)
    elif kind == "feed":
        yield from read_feed(data, path, "path", settings)
    else:  # pragma: no cover - every Format is handled above or in _read_stream
        raise InputRejected("unsupported", f"no reader for {kind}")

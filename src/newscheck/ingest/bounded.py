"""Reading with a ceiling: byte counts are checked as data arrives, so a bomb stops early."""

from __future__ import annotations

import gzip
import io
from typing import BinaryIO

from newscheck.errors import InputRejected

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK_BYTES = 1024 * 1024


class StreamTooLarge(InputRejected):
    """A whole stream went past its limit: the file is rejected, not just the current record."""


class BoundedReader(io.RawIOBase):
    """A read-only stream that raises ``InputRejected("too_large")`` past ``limit`` bytes.

    Wrapped around a decompressor it counts decompressed bytes as they are produced, which is what
    stops a decompression bomb without first inflating it.
    """

    def __init__(self, stream: BinaryIO, limit: int, what: str) -> None:
        super().__init__()
        self._stream = stream
        self._limit = limit
        self._what = what
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        # Ask for one byte past the limit at most: enough to tell "at the limit" from "over it".
        room = self._limit + 1 - self.consumed
        want = min(len(buffer), max(room, 0))
        if want == 0:
            raise _too_large(self._what, self._limit)
        chunk = self._stream.read(want)
        size = len(chunk)
        self.consumed += size
        if self.consumed > self._limit:
            raise _too_large(self._what, self._limit)
        buffer[:size] = chunk
        return size


def bounded_stream(stream: BinaryIO, limit: int, what: str) -> io.BufferedReader:
    """A buffered stream over ``stream`` that refuses to yield more than ``limit`` bytes."""
    return io.BufferedReader(BoundedReader(stream, limit, what), buffer_size=64 * 1024)


def gunzip_stream(stream: BinaryIO, limit: int) -> io.BufferedReader:
    """Decompress gzip (multi-member too) lazily, refusing more than ``limit`` output bytes."""
    inflating = gzip.GzipFile(fileobj=stream, mode="rb")
    return bounded_stream(inflating, limit, "decompressed data")  # type: ignore[arg-type]


def read_at_most(stream: BinaryIO, limit: int, what: str) -> bytes:
    """All of ``stream``, or ``InputRejected("too_large")`` when it holds more than ``limit``."""
    # Over this read's own limit is the record's fault: a plain InputRejected, not StreamTooLarge.
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(_CHUNK_BYTES):
        size += len(chunk)
        if size > limit:
            raise InputRejected("too_large", f"{what} goes past the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(what: str, limit: int) -> StreamTooLarge:
    return StreamTooLarge("too_large", f"{what} goes past the limit of {limit:,} bytes")

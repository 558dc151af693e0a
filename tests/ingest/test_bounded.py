from __future__ import annotations

import gzip
import io

import pytest

from newscheck.errors import InputRejected
from newscheck.ingest.bounded import (
    StreamTooLarge,
    bounded_stream,
    gunzip_stream,
    read_at_most,
)


def test_stream_at_the_limit_reads_whole() -> None:
    stream = bounded_stream(io.BytesIO(b"x" * 100), 100, "data")
    assert stream.read() == b"x" * 100


def test_stream_over_the_limit_raises() -> None:
    stream = bounded_stream(io.BytesIO(b"x" * 101), 100, "data")
    with pytest.raises(StreamTooLarge) as caught:
        stream.read()
    assert caught.value.reason == "too_large"


def test_gunzip_counts_decompressed_bytes() -> None:
    packed = gzip.compress(b"\0" * 1_000_000)
    assert len(packed) < 5_000
    with pytest.raises(StreamTooLarge):
        gunzip_stream(io.BytesIO(packed), 10_000).read()


def test_gunzip_reads_multi_member_files() -> None:
    packed = gzip.compress(b"first ") + gzip.compress(b"second")
    assert gunzip_stream(io.BytesIO(packed), 100).read() == b"first second"


def test_read_at_most_is_a_record_level_limit() -> None:
    assert read_at_most(io.BytesIO(b"abc"), 3, "page") == b"abc"
    with pytest.raises(InputRejected) as caught:
        read_at_most(io.BytesIO(b"abcd"), 3, "page")
    assert caught.value.reason == "too_large"
    assert not isinstance(caught.value, StreamTooLarge)

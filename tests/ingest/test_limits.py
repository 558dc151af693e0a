from __future__ import annotations

from collections.abc import Iterator

from newscheck.ingest.limits import within_limits
from newscheck.model import RawArticle, Rejection
from newscheck.settings import Limits, Settings


def test_reading_stops_at_the_record_limit_and_the_reader_is_closed() -> None:
    produced: list[int] = []
    closed: list[bool] = []

    def reader() -> Iterator[RawArticle | Rejection]:
        try:
            for n in range(1, 1000):
                produced.append(n)
                yield RawArticle(f"f#{n}", "path", "jsonl", "t", "text")
        finally:
            closed.append(True)

    settings = Settings(limits=Limits(max_records_per_file=3))
    items = list(within_limits(reader(), "f", "path", settings))
    assert [item.location for item in items] == ["f#1", "f#2", "f#3", "f"]
    assert isinstance(items[-1], Rejection) and items[-1].reason == "too_many_records"
    assert produced == [1, 2, 3, 4]
    assert closed == [True]


def test_rejections_count_towards_the_limit() -> None:
    records = [Rejection(f"f#{n}", "path", "malformed", "bad") for n in range(1, 5)]
    settings = Settings(limits=Limits(max_records_per_file=2))
    items = list(within_limits(records, "f", "path", settings))
    assert [item.location for item in items] == ["f#1", "f#2", "f"]


def test_long_article_becomes_too_large() -> None:
    settings = Settings(limits=Limits(max_article_chars=10))
    items = [
        RawArticle("a", "path", "txt", "t", "0123456789"),
        RawArticle("b", "path", "txt", "t", "0123456789x"),
    ]
    out = list(within_limits(items, "dir", "path", settings))
    assert isinstance(out[0], RawArticle)
    assert isinstance(out[1], Rejection)
    assert (out[1].location, out[1].reason) == ("b", "too_large")

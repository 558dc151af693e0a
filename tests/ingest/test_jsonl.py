from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscheck.errors import InputRejected
from newscheck.ingest import read_inputs
from newscheck.ingest.jsonl import iter_jsonl, max_line_bytes, read_json
from newscheck.model import RawArticle, Rejection
from newscheck.settings import Limits, Settings

from .conftest import FictionalArticle


def _record(article: FictionalArticle, **extra: object) -> dict[str, object]:
    return {"title": article.title, "text": article.text, **extra}


def _jsonl(*lines: str) -> io.BytesIO:
    return io.BytesIO("\n".join(lines).encode() + b"\n")


def test_jsonl_records_with_metadata(article: FictionalArticle, settings: Settings) -> None:
    line = json.dumps(
        _record(
            article,
            id=17,
            url=article.url,
            published="2031-05-14T09:30:00+02:00",
            author="Ilse Marn",
            language="en",
        )
    )
    (raw,) = iter_jsonl(_jsonl(line), "in.jsonl", "path", settings)
    assert isinstance(raw, RawArticle)
    assert (raw.title, raw.text) == (article.title, article.text)
    assert raw.location == "in.jsonl#1"
    assert raw.format == "jsonl"
    assert raw.given_id == "17"
    assert raw.url == article.url
    assert raw.source == "harbourgazette.example"
    assert raw.published == datetime(2031, 5, 14, 7, 30, tzinfo=UTC)
    assert (raw.author, raw.language) == ("Ilse Marn", "en")


def test_source_field_wins_over_url(article: FictionalArticle, settings: Settings) -> None:
    line = json.dumps(_record(article, url=article.url, source="Harbour Gazette"))
    (raw,) = iter_jsonl(_jsonl(line), "in.jsonl", "path", settings)
    assert isinstance(raw, RawArticle)
    assert raw.source == "Harbour Gazette"


def test_bad_line_in_the_middle_is_rejected_alone(
    article: FictionalArticle, settings: Settings
) -> None:
    good = json.dumps(_record(article))
    other = json.dumps(_record(replace(article, title="Ferry ramp reopens")))
    stream = _jsonl(
        good, '{"title": "broken", "text": ', "", other, "[1, 2]", '{"title": "no body"}'
    )
    items = list(iter_jsonl(stream, "f.jsonl", "path", settings))
    assert [item.location for item in items] == ["f.jsonl#1", "f.jsonl#2", "f.jsonl#4"] + [
        "f.jsonl#5",
        "f.jsonl#6",
    ]
    kinds = [item.reason if isinstance(item, Rejection) else "ok" for item in items]
    assert kinds == ["ok", "malformed", "ok", "malformed", "no_text"]
    assert isinstance(items[2], RawArticle) and items[2].title == "Ferry ramp reopens"


def test_text_as_paragraph_list_and_aliases(settings: Settings) -> None:
    line = json.dumps({"title": "T", "body": ["One.", " ", "Two."], "date": "2031-05-14"})
    (raw,) = iter_jsonl(_jsonl(line), "a.jsonl", "path", settings)
    assert isinstance(raw, RawArticle)
    assert raw.text == "One.\n\nTwo."
    assert raw.published == datetime(2031, 5, 14, tzinfo=UTC)


def test_html_field_goes_through_the_html_reader(
    article: FictionalArticle, settings: Settings
) -> None:
    line = json.dumps({"title": article.title, "html": article.as_html(), "url": article.url})
    (raw,) = iter_jsonl(_jsonl(line), "h.jsonl", "path", settings)
    assert isinstance(raw, RawArticle), raw
    assert raw.format == "jsonl"
    assert raw.title == article.title
    assert " ".join(raw.text.split()) == " ".join(article.text.split())
    assert raw.source == "harbourgazette.example"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"title": 5, "text": ["a", 3]}', "malformed"),
        (b'{"title": {"x": 1}, "text": "body"}', "malformed"),
        (b'{"title": "t", "text": "   "}', "no_text"),
        (b'"just a string"', "malformed"),
        (b'{"title": "t", "text": "caf\xe9"}', "undecodable"),
        (b"[" * 100_000 + b"]" * 100_000, "malformed"),
    ],
)
def test_record_rejections(line: bytes, reason: str, settings: Settings) -> None:
    (item,) = iter_jsonl(io.BytesIO(line + b"\n"), "r.jsonl", "path", settings)
    assert isinstance(item, Rejection)
    assert (item.location, item.reason) == ("r.jsonl#1", reason)


def test_over_long_line_is_skipped_not_buffered(settings: Settings) -> None:
    small = Settings(limits=Limits(max_html_bytes=1000, max_article_chars=100))
    limit = max_line_bytes(small)
    long_line = json.dumps({"title": "t", "text": "x" * (limit + 10)})
    stream = _jsonl(long_line, json.dumps({"title": "after", "text": "kept"}))
    items = list(iter_jsonl(stream, "l.jsonl", "path", small))
    assert isinstance(items[0], Rejection) and items[0].reason == "too_large"
    assert items[0].location == "l.jsonl#1"
    assert isinstance(items[1], RawArticle) and items[1].title == "after"
    assert items[1].location == "l.jsonl#2"


def test_only_blank_lines_is_empty(settings: Settings) -> None:
    (item,) = iter_jsonl(io.BytesIO(b"\n  \n\n"), "e.jsonl", "path", settings)
    assert isinstance(item, Rejection)
    assert (item.location, item.reason) == ("e.jsonl", "empty")


@pytest.mark.parametrize("shape", ["list", "articles"], ids=["list-of-objects", "articles-key"])
def test_json_document_with_many_records(
    shape: str, article: FictionalArticle, settings: Settings
) -> None:
    records = [_record(article, id="a-1"), {"title": "bad"}]
    document = records if shape == "list" else {"articles": records}
    items = list(read_json(json.dumps(document).encode(), "d.json", "path", settings))
    assert [item.location for item in items] == ["d.json#1", "d.json#2"]
    assert isinstance(items[0], RawArticle) and items[0].given_id == "a-1"
    assert items[0].format == "json"
    assert isinstance(items[1], Rejection) and items[1].reason == "no_text"


def test_json_single_object_keeps_the_plain_path(
    article: FictionalArticle, settings: Settings
) -> None:
    (raw,) = read_json(json.dumps(_record(article)).encode(), "one.json", "path", settings)
    assert isinstance(raw, RawArticle) and raw.location == "one.json"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"{not json", "malformed"),
        (b"[]", "empty"),
        (b"42", "malformed"),
        (b"\xff\xfe{", "undecodable"),
    ],
)
def test_json_document_rejections(data: bytes, reason: str, settings: Settings) -> None:
    with pytest.raises(InputRejected) as caught:
        list(read_json(data, "x.json", "path", settings))
    assert caught.value.reason == reason


def test_jsonl_file_through_read_inputs(
    tmp_path: Path, article: FictionalArticle, settings: Settings
) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps(_record(article, id=n)) for n in range(3)]
    path.write_text("\n".join(lines[:2]) + "\nnot json\n" + lines[2] + "\n")
    items = list(read_inputs([path], settings))
    assert [type(item).__name__ for item in items] == ["RawArticle"] * 2 + ["Rejection"] + [
        "RawArticle"
    ]
    assert items[2].location == f"{path}#3"
    assert [item.given_id for item in items if isinstance(item, RawArticle)] == ["0", "1", "2"]

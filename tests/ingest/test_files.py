from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from newscheck.ingest import read_inputs
from newscheck.model import REJECTION_REASONS, RawArticle, Rejection
from newscheck.settings import Limits, Settings

from .conftest import FictionalArticle


def _outcomes(items: list[RawArticle | Rejection]) -> list[tuple[str, str]]:
    return [
        (item.location, item.reason if isinstance(item, Rejection) else item.format)
        for item in items
    ]


def test_missing_path_is_not_found(tmp_path: Path, settings: Settings) -> None:
    missing = tmp_path / "nowhere.txt"
    assert _outcomes(list(read_inputs([missing], settings))) == [(str(missing), "not_found")]


def test_directory_is_walked_sorted_and_hidden_entries_skipped(
    tmp_path: Path, article: FictionalArticle, settings: Settings
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(article.as_txt())
    (tmp_path / "b" / "1.html").write_text(article.as_html())
    (tmp_path / "a.txt").write_text(article.as_txt())
    (tmp_path / "c.txt").write_text(article.as_txt())
    (tmp_path / ".hidden.txt").write_text(article.as_txt())
    (tmp_path / ".git" / "x.txt").write_text(article.as_txt())
    root = str(tmp_path)
    assert _outcomes(list(read_inputs([root], settings))) == [
        (f"{root}/a.txt", "txt"),
        (f"{root}/b/1.html", "html"),
        (f"{root}/b/2.txt", "txt"),
        (f"{root}/c.txt", "txt"),
    ]


def test_symlink_loop_is_walked_once(
    tmp_path: Path, article: FictionalArticle, settings: Settings
) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(article.as_txt())
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    items = list(read_inputs([tmp_path / "d"], settings))
    assert _outcomes(items) == [(f"{tmp_path}/d/a.txt", "txt")]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("article", "Title\n\nSome text.", "txt"),
        ("feed-export", '{"title": "T", "text": "x"}\n{"title": "U", "text": "y"}\n', "jsonl"),
        (
            "page.php",
            "<!DOCTYPE html><html><head><title>T</title></head><body><p>Text.</p>",
            "html",
        ),
        ("notes.csv", "a,b,c\n1,2,3\n", "unsupported"),
        ("data.bin", "\x00\x01\x02", "unsupported"),
    ],
)
def test_dispatch_by_extension_or_content(
    name: str, content: str, expected: str, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / name
    path.write_text(content)
    outcomes = {reason for _location, reason in _outcomes(list(read_inputs([path], settings)))}
    assert outcomes == {expected}


def test_extensionless_binary_is_binary(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "blob"
    path.write_bytes(bytes(range(256)) * 4)
    assert _outcomes(list(read_inputs([path], settings))) == [(str(path), "binary")]


def test_fifo_is_not_read(tmp_path: Path, settings: Settings) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert _outcomes(list(read_inputs([fifo], settings))) == [(str(fifo), "unsupported")]


def test_empty_and_oversized_files(tmp_path: Path, article: FictionalArticle) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "big.txt").write_text(article.as_txt())
    small = Settings(limits=Limits(max_file_bytes=100))
    assert _outcomes(list(read_inputs([tmp_path], small))) == [
        (f"{tmp_path}/big.txt", "too_large"),
        (f"{tmp_path}/empty.txt", "empty"),
    ]


def test_article_char_limit(tmp_path: Path, article: FictionalArticle) -> None:
    path = tmp_path / "long.jsonl"
    records = [{"title": "short", "text": "tiny"}, {"title": "long", "text": article.text}]
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    items = list(read_inputs([path], Settings(limits=Limits(max_article_chars=100))))
    assert _outcomes(items) == [(f"{path}#1", "jsonl"), (f"{path}#2", "too_large")]


def test_record_limit_keeps_the_first_records(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"title": f"{n}", "text": "t"}) + "\n" for n in range(5)))
    items = list(read_inputs([path], Settings(limits=Limits(max_records_per_file=3))))
    assert _outcomes(items) == [(f"{path}#{n}", "jsonl") for n in (1, 2, 3)] + [
        (str(path), "too_many_records")
    ]


@pytest.mark.parametrize("inner", ["txt", "html", "jsonl"])
def test_gzip_is_dispatched_on_the_inner_name(
    inner: str, tmp_path: Path, article: FictionalArticle, settings: Settings
) -> None:
    content = {
        "txt": article.as_txt(),
        "html": article.as_html(),
        "jsonl": json.dumps({"title": article.title, "text": article.text}) + "\n",
    }[inner]
    path = tmp_path / f"a.{inner}.gz"
    path.write_bytes(gzip.compress(content.encode()))
    (raw,) = read_inputs([path], settings)
    assert isinstance(raw, RawArticle)
    assert raw.format == inner
    assert raw.title == article.title
    assert " ".join(raw.text.split()) == " ".join(article.text.split())


def test_gzip_bomb_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    with gzip.open(path, "wb", compresslevel=9) as bomb:
        block = b"A" * (1024 * 1024)
        for _ in range(64):
            bomb.write(block)
    assert path.stat().st_size < 200_000
    small = Settings(limits=Limits(max_decompressed_bytes=4 * 1024 * 1024))
    assert _outcomes(list(read_inputs([path], small))) == [(str(path), "too_large")]


def test_jsonl_gzip_bomb_keeps_records_before_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    line = (json.dumps({"title": "t", "text": "x" * 1000}) + "\n").encode()
    with gzip.open(path, "wb") as bomb:
        for _ in range(5000):
            bomb.write(line)
    small = Settings(limits=Limits(max_decompressed_bytes=100_000))
    items = list(read_inputs([path], small))
    assert all(isinstance(item, RawArticle) for item in items[:-1])
    assert 50 < len(items) < 100
    assert _outcomes(items[-1:]) == [(str(path), "too_large")]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (gzip.compress(gzip.compress(b"Title\n\nText.")), "unsupported"),
        (gzip.compress(b"Title\n\nText. " * 100)[:-40], "malformed"),
        (b"\x1f\x8b\x08\x00garbage", "malformed"),
    ],
    ids=["nested", "truncated", "corrupt"],
)
def test_bad_gzip(data: bytes, reason: str, tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "x.txt.gz"
    path.write_bytes(data)
    assert _outcomes(list(read_inputs([path], settings))) == [(str(path), reason)]


def test_bytes_and_pathlike_inputs(
    tmp_path: Path, article: FictionalArticle, settings: Settings
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(article.as_txt())
    items = list(read_inputs([path, str(path)], settings))
    assert [item.location for item in items] == [str(path), str(path)]


def test_every_rejection_reason_is_a_known_code(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "x.csv").write_text("a,b")
    (tmp_path / "y.txt").write_bytes(b"\0\0\0")
    items = list(read_inputs([tmp_path, tmp_path / "missing", "gopher://x"], settings))
    reasons = [item.reason for item in items if isinstance(item, Rejection)]
    assert reasons == ["unsupported", "binary", "not_found", "unsupported"]
    assert set(reasons) <= set(REJECTION_REASONS)

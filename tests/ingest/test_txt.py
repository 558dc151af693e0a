from __future__ import annotations

import pytest

from newscheck.errors import InputRejected
from newscheck.ingest.txt import read_txt, split_title
from newscheck.settings import Settings

from .conftest import FictionalArticle


def test_first_line_is_title_rest_is_text(article: FictionalArticle, settings: Settings) -> None:
    raw = read_txt(article.as_txt().encode(), "a.txt", "path", settings)
    assert raw.title == article.title
    assert raw.text == article.text
    assert (raw.location, raw.location_kind, raw.format) == ("a.txt", "path", "txt")


def test_leading_blank_lines_and_crlf(settings: Settings) -> None:
    raw = read_txt(
        b"\r\n\r\n  Title here  \r\n\r\nBody one.\r\n\r\nBody two.\r\n", "b", "path", settings
    )
    assert raw.title == "Title here"
    assert raw.text == "Body one.\n\nBody two."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n ", "empty"),
        ("\ufeff   \n".encode(), "empty"),
        (b"Only a title\n\n", "no_text"),
        (b"PK\x03\x04\0\0binary zip-like", "binary"),
    ],
)
def test_rejections(data: bytes, reason: str, settings: Settings) -> None:
    with pytest.raises(InputRejected) as caught:
        read_txt(data, "x.txt", "path", settings)
    assert caught.value.reason == reason
    assert caught.value.detail


def test_split_title() -> None:
    assert split_title("\n\nA\nB\n\nC\n") == ("A", "B\n\nC")

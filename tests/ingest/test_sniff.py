from __future__ import annotations

import gzip

import pytest

from newscheck.ingest.sniff import format_from_name, sniff_format, suffix_of


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "txt"),
        ("dir.v2/A.HTML", "html"),
        ("x.htm", "html"),
        ("x.jsonl", "jsonl"),
        ("x.json", "json"),
        ("x.rss", "feed"),
        ("x.atom", "feed"),
        ("x.xml", "feed"),
        ("x.warc", "warc"),
        ("x.warc.gz", "warc"),
        ("x.jsonl.gz", "gzip"),
        ("x.csv", None),
        ("noextension", None),
        (".hidden", None),
    ],
)
def test_format_from_name(name: str, expected: str | None) -> None:
    assert format_from_name(name) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (gzip.compress(b"hello"), "gzip"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'{"title": "a", "text": "b"}\n{"title": "c"', "jsonl"),
        (b'{\n  "title": "a"\n}', "json"),
        (b'[{"title": "a"}]', "json"),
        (b'  \n<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html><html><head>", "html"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        ("\ufeff<html><body>".encode(), "html"),
        ('<?xml version="1.0"?><rss>'.encode("utf-16"), "feed"),
        (b"Plain words in a file.", None),
        (b"<unknown-root/>", None),
    ],
)
def test_sniff_format(head: bytes, expected: str | None) -> None:
    assert sniff_format(head) == expected


def test_suffix_of() -> None:
    assert suffix_of("a/b.c/d") == ""
    assert suffix_of("a/b.TXT") == ".txt"

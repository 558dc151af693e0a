"""read_html: main text and metadata of fictional pages, decoding, and every rejection."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newscheck.errors import InputRejected
from newscheck.ingest.html import declared_encoding, decode_html, read_html
from newscheck.model import RawArticle
from newscheck.settings import Limits, Settings

PARAGRAPHS = (
    "The harbour board of Port Wendle voted on Monday to close the old ferry slip after "
    "inspectors found cracks in three of its concrete piles.",
    "Board chair Marit Ostvang said the closure would last at least eight months and that "
    "the morning ferry to Skarholm would use the cargo quay until then.",
    "Ferry operator Nordvik Lines said about 1,200 passengers a day use the crossing and "
    "asked the board to extend the cargo quay's opening hours.",
    "Repairs are expected to cost 2.4 million crowns, according to the board's budget "
    "paper, which was published on Friday.",
)


def page(
    *,
    charset: str = "utf-8",
    head_extra: str = "",
    title: str = "Port Wendle closes its old ferry slip",
    paragraphs: tuple[str, ...] = PARAGRAPHS,
) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="{charset}">
<title>{title} | The Wendle Courier</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Wendle Courier">
<link rel="canonical" href="https://courier.example/news/2031/ferry-slip">
<meta name="author" content="Jonna Lindqvist">
{head_extra}
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather in Wendle today</a></li></ul></nav>
<article>
<h1>{title}</h1>
{body}
</article>
<footer><p>Copyright 2031 The Wendle Courier. All rights reserved.</p>
<a href="/privacy">Privacy policy and cookie settings of the courier</a></footer>
</body></html>
"""


def read(data: bytes | str, settings: Settings | None = None, url: str | None = None) -> RawArticle:
    return read_html(data, "ferry.html", "path", settings or Settings(), url=url)


def test_main_text_has_the_paragraphs_separated_by_blank_lines() -> None:
    article = read(page().encode("utf-8"))
    for paragraph in PARAGRAPHS:
        assert f"\n\n{paragraph}" in f"\n\n{article.text}"
    assert "\n\n\n" not in article.text
    assert article.text == article.text.strip()


def test_navigation_and_footer_are_left_out() -> None:
    article = read(page().encode("utf-8"))
    assert "Weather in Wendle today" not in article.text
    assert "Privacy policy" not in article.text
    assert "All rights reserved" not in article.text


def test_metadata() -> None:
    article = read(page().encode("utf-8"))
    assert article.title == "Port Wendle closes its old ferry slip"
    assert article.source == "The Wendle Courier"
    assert article.url == "https://courier.example/news/2031/ferry-slip"
    assert article.author == "Jonna Lindqvist"
    assert article.language == "en"
    assert article.format == "html"
    assert article.location == "ferry.html"
    assert article.location_kind == "path"


def test_published_time_is_utc_aware() -> None:
    meta = '<meta property="article:published_time" content="2031-05-12T09:30:00+02:00">'
    article = read(page(head_extra=meta).encode("utf-8"))
    assert article.published == datetime(2031, 5, 12, 7, 30, tzinfo=UTC)
    assert article.published is not None and article.published.utcoffset() is not None


def test_date_without_time_is_midnight_utc() -> None:
    meta = '<meta name="date" content="2031-05-12">'
    article = read(page(head_extra=meta).encode("utf-8"))
    assert article.published == datetime(2031, 5, 12, tzinfo=UTC)


def test_no_date_gives_none() -> None:
    assert read(page().encode("utf-8")).published is None


def test_source_falls_back_to_the_domain_of_the_url() -> None:
    html = page().replace('<meta property="og:site_name" content="The Wendle Courier">', "")
    html = html.replace(
        '<link rel="canonical" href="https://courier.example/news/2031/ferry-slip">', ""
    )
    article = read(html.encode("utf-8"), url="https://www.wendle-post.example/a/1")
    assert article.source == "wendle-post.example"
    assert article.url == "https://www.wendle-post.example/a/1"


def test_str_input_is_read_as_is() -> None:
    article = read(page())
    assert PARAGRAPHS[0] in article.text


def test_legacy_charset_declared_in_meta_is_used() -> None:
    paragraphs = tuple(p.replace("Ostvang", "Østvang café") for p in PARAGRAPHS)
    data = page(charset="windows-1252", paragraphs=paragraphs).encode("cp1252")
    article = read(data)
    assert "Marit Østvang café said" in article.text


def test_valid_utf8_wins_over_a_wrong_declaration() -> None:
    paragraphs = tuple(p.replace("Ostvang", "Østvang") for p in PARAGRAPHS)
    data = page(charset="iso-8859-1", paragraphs=paragraphs).encode("utf-8")
    assert "Marit Østvang said" in read(data).text


def test_utf16_with_byte_order_mark() -> None:
    data = page().encode("utf-16")
    assert PARAGRAPHS[1] in read(data).text


def test_declared_encoding_labels() -> None:
    assert declared_encoding(b'<meta charset="ISO-8859-1">') == "cp1252"
    http_equiv = b'<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">'
    assert declared_encoding(http_equiv) == "koi8-r"
    assert declared_encoding(b'<meta charset="us-ascii">') == "cp1252"
    assert declared_encoding(b'<?xml version="1.0" encoding="windows-1251"?>') == "cp1251"
    assert declared_encoding(b'<meta charset="utf-16">') is None
    assert declared_encoding(b'<meta charset="UTF-16LE">') is None
    assert declared_encoding(b'<meta charset="no-such-codec">') is None
    assert declared_encoding(b"<p>nothing declared</p>") is None


def test_decode_html_undeclared_legacy_bytes() -> None:
    text = "<html><body><p>Die Fähre fährt über den Fjord, sagte Björn Müller.</p></body></html>"
    assert decode_html(text.encode("cp1252")) == text


def test_fragment_without_html_element_is_read() -> None:
    fragment = "<h2>Ferry slip closed</h2>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    assert PARAGRAPHS[2] in read(fragment.encode("utf-8")).text


def reason(data: bytes | str, settings: Settings | None = None) -> str:
    with pytest.raises(InputRejected) as caught:
        read(data, settings)
    return caught.value.reason


def test_too_large() -> None:
    small = Settings(limits=Limits(max_html_bytes=200))
    assert reason(page().encode("utf-8"), small) == "too_large"
    assert reason(page(), small) == "too_large"


def test_no_text() -> None:
    empty_page = "<html><head><title>Nothing</title></head><body></body></html>"
    assert reason(empty_page.encode("utf-8")) == "no_text"
    script_only = "<html><body><script>var ferries = 3;</script><style>p {}</style></body></html>"
    assert reason(script_only) == "no_text"


def test_malformed_when_nothing_is_html() -> None:
    assert reason(b"just a line of plain words, no markup at all") == "malformed"


def test_empty() -> None:
    assert reason(b"   \n ") == "empty"
    assert reason("") == "empty"


def test_binary() -> None:
    assert reason(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))) == "binary"

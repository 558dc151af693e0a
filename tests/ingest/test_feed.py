from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from pathlib import Path

import pytest

from newscheck.errors import InputRejected
from newscheck.ingest import read_inputs
from newscheck.ingest.feed import read_feed
from newscheck.model import RawArticle, Rejection
from newscheck.settings import Settings

from .conftest import FictionalArticle


def rss_feed(article: FictionalArticle, *, full: bool = True) -> str:
    body = "".join(f"<p>{p}</p>" for p in article.paragraphs)
    content = f"<content:encoded><![CDATA[{body}]]></content:encoded>" if full else ""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://www.harbourgazette.example/</link>
  <language>en</language>
  <item>
    <title>{escape(article.title)}</title>
    <link>{article.url}</link>
    <guid>gazette-2031-0514</guid>
    <pubDate>Wed, 14 May 2031 11:30:00 +0200</pubDate>
    <author>desk@harbourgazette.example (Ilse Marn)</author>
    <description>{escape(article.paragraphs[0])}</description>
    {content}
  </item>
  <item>
    <title>Ferry ramp stays closed</title>
    <link>https://www.harbourgazette.example/ferry</link>
    <description>&lt;p&gt;The ferry ramp stays closed to lorries.&lt;/p&gt;</description>
  </item>
  <item><title>Nothing inside</title></item>
</channel>
</rss>
"""


LANTERN_HTML = "<p>The lantern room will be rebuilt.</p><p>Work starts in spring.</p>"
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Gullstone Courier</title>
  <link href="https://courier.gullstone.example/"/>
  <entry>
    <title>Lantern room to be rebuilt</title>
    <link href="https://courier.gullstone.example/lantern"/>
    <id>tag:courier.gullstone.example,2031:lantern</id>
    <updated>2031-05-15T08:00:00Z</updated>
    <summary>Short teaser.</summary>
    <content type="html">{escape(LANTERN_HTML)}</content>
  </entry>
</feed>
"""


def test_rss_full_content_entry(article: FictionalArticle, settings: Settings) -> None:
    items = list(read_feed(rss_feed(article).encode(), "g.rss", "path", settings))
    first = items[0]
    assert isinstance(first, RawArticle)
    assert (first.title, first.text) == (article.title, article.text)
    assert first.location == "g.rss#1"
    assert first.format == "feed"
    assert not first.summary_only
    assert first.source == "Harbour Gazette"
    assert first.url == article.url
    assert first.given_id == "gazette-2031-0514"
    assert first.published == datetime(2031, 5, 14, 9, 30, tzinfo=UTC)
    assert first.language == "en"


def test_summary_only_entries_are_kept_and_flagged(
    article: FictionalArticle, settings: Settings
) -> None:
    items = list(read_feed(rss_feed(article, full=False).encode(), "g.rss", "path", settings))
    first, second, third = items
    assert isinstance(first, RawArticle) and first.summary_only
    assert first.text == article.paragraphs[0]
    assert isinstance(second, RawArticle) and second.summary_only
    assert second.text == "The ferry ramp stays closed to lorries."
    assert isinstance(third, Rejection)
    assert (third.location, third.reason) == ("g.rss#3", "no_text")


def test_atom_content_keeps_paragraph_breaks(settings: Settings) -> None:
    (entry,) = read_feed(ATOM.encode(), "c.atom", "path", settings)
    assert isinstance(entry, RawArticle)
    assert entry.text == "The lantern room will be rebuilt.\n\nWork starts in spring."
    assert entry.source == "Gullstone Courier"
    assert not entry.summary_only
    assert entry.published == datetime(2031, 5, 15, 8, 0, tzinfo=UTC)


def test_source_falls_back_to_link_domain(settings: Settings) -> None:
    untitled = ATOM.replace("<title>Gullstone Courier</title>", "")
    (entry,) = read_feed(untitled.encode(), "c.atom", "path", settings)
    assert isinstance(entry, RawArticle) and entry.source == "gullstone.example"


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ('<?xml version="1.0"?><catalog><book>x</book></catalog>', "unsupported"),
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
            "no_text",
        ),
    ],
)
def test_feed_document_rejections(document: str, reason: str, settings: Settings) -> None:
    with pytest.raises(InputRejected) as caught:
        list(read_feed(document.encode(), "x.xml", "path", settings))
    assert caught.value.reason == reason


def test_document_that_is_a_local_path_is_not_opened(tmp_path: Path, settings: Settings) -> None:
    # feedparser opens a str or bytes argument as a file name; the reader must only give it data.
    secret = tmp_path / "secret.xml"
    secret.write_text(ATOM.replace("lantern room", "SECRET-MARKER"))
    items = list(read_inputs([_write(tmp_path / "p.xml", str(secret).encode())], settings))
    assert all("SECRET-MARKER" not in getattr(item, "text", "") for item in items)
    assert all(isinstance(item, Rejection) for item in items)


def test_feed_file_through_read_inputs(
    tmp_path: Path, article: FictionalArticle, settings: Settings
) -> None:
    path = _write(tmp_path / "gazette.rss", rss_feed(article).encode())
    items = list(read_inputs([path], settings))
    assert [item.location for item in items] == [f"{path}#{n}" for n in (1, 2, 3)]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path

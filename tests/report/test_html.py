import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

from newscheck.report.html import render_html


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = _Collector()
    collector.feed(html)
    return collector.tags


def test_report_links_every_story_article_and_marks_added_sentence(report: dict[str, Any]) -> None:
    html = render_html(report)
    ids = {attrs.get("id") for _, attrs in parse(html)}
    assert {"story-s1", "art-a1", "art-a2", "art-a2-s1"} <= ids
    assert re.search(r'id="art-a2-s1"><mark class="added">Three\.</mark>', html)
    assert "Leave a Reply" in html  # removed junk is shown, folded


def test_hostile_text_is_escaped_everywhere(
    report_factory: Callable[..., dict[str, Any]], hostile: str
) -> None:
    report = report_factory(title=hostile, text=hostile + " Second sentence.")
    html = render_html(report)
    tags = parse(html)
    assert not [t for t, _ in tags if t in ("script", "img", "iframe")]
    assert not [a for _, a in tags for k in a if k.startswith("on")]
    assert not [a for _, a in tags if str(a.get("href", "")).startswith("javascript:")]
    assert "&lt;script&gt;" in html


def test_static_report_is_self_contained(report: dict[str, Any]) -> None:
    html = render_html(report)
    tags = parse(html)
    assert not [a for t, a in tags if t in ("script", "link")]
    external = [a for _, a in tags for v in a.values() if v and re.match(r"(https?:)?//", v)]
    assert external == []
    csp = [a for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in str(csp[0]["content"])

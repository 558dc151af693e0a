"""Start tags and attributes of an HTML page, as a browser's tokenizer would see them."""

from __future__ import annotations

from html.parser import HTMLParser


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def start_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.tags


def unsafe_markup(html: str) -> list[str]:
    """What in a page could run script: any script but our own file, event handler attributes,
    javascript: or data: URLs, frames, objects, inline styles and foreign stylesheets."""
    found = []
    for tag, attrs in start_tags(html):
        if tag == "script" and attrs.get("src") != "/static/newscheck.js":
            found.append(f"<script {attrs}>")
        if tag in ("iframe", "object", "embed", "img", "base", "frame"):
            found.append(f"<{tag}>")
        if (
            tag == "link"
            and attrs.get("rel") == "stylesheet"
            and attrs.get("href") != ("/static/newscheck.css")
        ):
            found.append(f"foreign stylesheet {attrs}")
        for name, value in attrs.items():
            if name.startswith("on") or name == "style":
                found.append(f"{name}= on <{tag}>")
            if name in ("href", "src", "action", "xlink:href") and value:
                scheme = value.strip().lower()
                if scheme.startswith(("javascript:", "data:", "vbscript:")):
                    found.append(f"{name}={value!r} on <{tag}>")
                if scheme.startswith(("http:", "https:", "//")):
                    found.append(f"external {name}={value!r} on <{tag}>")
    return found

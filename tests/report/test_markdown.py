import re
from collections.abc import Callable
from typing import Any

from newscheck.report.markdown import md_text, render_markdown


def test_markdown_lists_story_link_added_and_rejections(report: dict[str, Any]) -> None:
    md = render_markdown(report)
    assert "## Fire at the port" in md
    assert "is a rewrite of Harbour Times (one.txt)" in md
    assert 'added, found in no other article: "Three."' in md
    assert "## Rejected inputs" in md and "binary" in md


def test_article_text_cannot_inject_markup(
    report_factory: Callable[..., dict[str, Any]], hostile: str
) -> None:
    md = render_markdown(report_factory(title=hostile))
    assert "<script>" not in md and "<img" not in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)


def test_md_text_folds_lines_and_escapes() -> None:
    assert md_text("a\n\n# b *c*") == "a \\# b \\*c\\*"

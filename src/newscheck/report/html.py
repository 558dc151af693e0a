"""Self-contained HTML report (no network, no script): stories, provenance graph, article texts.

Every piece of article-derived text goes through Jinja's autoescaping; nothing from an article is
ever put into an attribute other than as escaped text, and no URL from an article becomes a link.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newscheck.report.fragments import ParagraphView, paragraphs
from newscheck.report.view import ReportView

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


@lru_cache(maxsize=1)
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("newscheck.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def article_paragraphs(
    report: dict[str, Any], article: dict[str, Any]
) -> tuple[ParagraphView, ...]:
    """The article's sentences, marking those a rewrite added that no other article supports."""
    added = {
        (span["start"], span["end"])
        for link in report["links"]
        if link["derived"] == article["id"]
        for span in link["added"]
    }
    sentences = article.get("sentences") or [[0, len(article["text"]), 0]]
    marks = {i: "added" for i, (s, e, _) in enumerate(sentences) if (s, e) in added}
    return paragraphs(article["text"], sentences, (), marks)


def render_html(report: dict[str, Any]) -> str:
    from newscheck.report.hrefs import StaticHrefs
    from newscheck.report.storypage import story_pages

    view = ReportView(report)
    template = _environment().get_template("report.html.j2")
    return str(
        template.render(
            report=report,
            view=view,
            stories=list(view.stories()),
            texts={a["id"]: article_paragraphs(report, a) for a in report["articles"]},
            csp=CSP,
            pages=story_pages(view),
            hrefs=StaticHrefs(),
        )
    )

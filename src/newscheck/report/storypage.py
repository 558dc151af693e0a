"""Everything one story's page shows, computed from the report document (never from the store),
so the HTML page, its ``.json`` twin and the static ``report.html`` show the same things."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newscheck.report.citations import CITE_SCHEME, cited_sentence, sentence_at, sentence_words
from newscheck.report.figures import FigureRow, figure_table, figures_json
from newscheck.report.graph import Graph, layout
from newscheck.report.matrix import Matrix, claim_matrix, matrix_json
from newscheck.report.timeline import Moment, story_timeline, timeline_json
from newscheck.report.view import ReportView, StoryView

PAGE_SCHEMA = "newscheck.story-page/1"


@dataclass(frozen=True, slots=True)
class Cite:
    article_id: str
    sentence: int | None
    """The cited article's sentence the summary sentence rests on (None: the whole article)."""


@dataclass(frozen=True, slots=True)
class SummaryLine:
    text: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True, slots=True)
class StoryPage:
    report: ReportView
    view: StoryView
    summary: tuple[SummaryLine, ...]
    matrix: Matrix | None
    graph: Graph
    timeline: tuple[Moment, ...]
    figures: tuple[FigureRow, ...]

    @property
    def story(self) -> dict[str, Any]:
        return self.view.story

    @property
    def contested(self) -> int:
        return sum(1 for c in self.view.claims if c.get("status") == "contested")

    def sentence_of(self, article_id: str, start: int | None) -> int | None:
        """The sentence of an article holding character ``start``."""
        article = self.report.articles.get(article_id)
        if article is None or start is None:
            return None
        return sentence_at(article.get("sentences") or (), start)

    def claim(self, claim_id: str) -> dict[str, Any] | None:
        """A claim of the story by its id or by the id of one of its members."""
        for claim in self.view.claims:
            if claim["id"] == claim_id or claim_id in claim.get("claim_ids", ()):
                return claim
        return None


def story_page(report: ReportView, story: StoryView) -> StoryPage:
    family_of = {a: f["id"] for f in story.families for a in f["article_ids"]}
    words: dict[str, list[frozenset[str]]] = {}
    return StoryPage(
        report=report,
        view=story,
        summary=tuple(_summary_line(report, s, words) for s in story.summary),
        matrix=claim_matrix(story),
        graph=layout(story.families, story.links, report.label),
        timeline=story_timeline(story),
        figures=figure_table(story, family_of),
    )


def story_pages(report: ReportView) -> dict[str, StoryPage]:
    """A page for every story of the report, by story id (for the static report)."""
    return {s.story["id"]: story_page(report, s) for s in report.stories()}


def _summary_line(
    report: ReportView, sentence: dict[str, Any], words: dict[str, list[frozenset[str]]]
) -> SummaryLine:
    """Each citation with the sentence it lands on: where the summarizer said it read the
    sentence (``citations``: ``{article_id, start, end}``), else the best-matching sentence."""
    placed: dict[str, int] = {}
    for where in sentence.get("citations") or ():
        article = report.articles.get(where.get("article_id", ""))
        if article is not None and isinstance(where.get("start"), int):
            index = sentence_at(article.get("sentences") or (), where["start"])
            if index is not None:
                placed.setdefault(article["id"], index)
    cites = []
    for article_id in sentence["cites"]:
        article = report.articles.get(article_id)
        index = placed.get(article_id)
        if index is None and article is not None:
            if article_id not in words:
                words[article_id] = sentence_words(article)
            index = cited_sentence(sentence["text"], article, words[article_id])
        cites.append(Cite(article_id, index))
    return SummaryLine(sentence["text"], tuple(cites))


def page_json(page: StoryPage, report: ReportView) -> dict[str, Any]:
    """What the page computes beyond the report, for the ``page`` member of the ``.json`` twin."""
    return {
        "schema": PAGE_SCHEMA,
        "story_id": page.story["id"],
        "contested": page.contested,
        "summary": [
            {
                "text": line.text,
                "cites": [{"article_id": c.article_id, "sentence": c.sentence} for c in line.cites],
            }
            for line in page.summary
        ],
        "cite_scheme": CITE_SCHEME,
        "matrix": matrix_json(page.matrix, report.label),
        "timeline": timeline_json(page.timeline),
        "figures": figures_json(page.figures),
    }

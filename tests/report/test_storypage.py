from typing import Any

from newscheck.report.storypage import page_json, story_page
from newscheck.report.view import ReportView

from .views import article, report

TEXT = "The ferry left Ostrany at dawn. Nine lanterns were lit on the pier."
SENTENCES = [[0, 31, 0], [32, 68, 0]]


def page_for(summary: list[dict[str, Any]]) -> dict[str, Any]:
    doc = report(
        articles=[article("a1", TEXT, SENTENCES)],
        stories=[{"id": "s", "title": "t", "article_ids": ["a1"]}],
        summary=summary,
    )
    view = ReportView(doc)
    return page_json(story_page(view, next(view.stories())), view)


def test_citation_lands_on_the_best_matching_sentence() -> None:
    page = page_for([{"story_id": "s", "text": "Lanterns were lit on the pier.", "cites": ["a1"]}])
    assert page["summary"] == [
        {"text": "Lanterns were lit on the pier.", "cites": [{"article_id": "a1", "sentence": 1}]}
    ]


def test_a_citation_span_given_by_the_summarizer_wins() -> None:
    summary = {
        "story_id": "s",
        "text": "Lanterns were lit on the pier.",
        "cites": ["a1", "gone"],
        "citations": [{"article_id": "a1", "start": 4, "end": 9}],
    }
    (line,) = page_for([summary])["summary"]
    assert line["cites"] == [
        {"article_id": "a1", "sentence": 0},
        {"article_id": "gone", "sentence": None},  # not in the report: the citation stays
    ]


def test_page_without_claims_has_no_matrix_or_figures() -> None:
    page = page_for([])
    assert page["matrix"] is None and page["figures"] == [] and page["contested"] == 0
    assert [m["article_id"] for m in page["timeline"]] == ["a1"]

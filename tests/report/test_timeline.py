from newscheck.report.timeline import story_timeline
from newscheck.report.view import ReportView

from .views import article, report


def test_articles_in_time_order_undated_last_with_their_origin() -> None:
    doc = report(
        articles=[
            article("late", "x", [[0, 1, 0]], published="2025-01-02T10:00:00+00:00"),
            article("nodate", "x", [[0, 1, 0]]),
            article("early", "x", [[0, 1, 0]], published="2025-01-01T09:00:00+00:00"),
        ],
        stories=[{"id": "s", "title": "t", "article_ids": ["late", "nodate", "early"]}],
        links=[
            {"derived": "late", "origin": "early", "relation": "copy", "shared": 1.0, "added": []}
        ],
    )
    moments = story_timeline(next(ReportView(doc).stories()))
    assert [m.article_id for m in moments] == ["early", "late", "nodate"]
    assert (moments[1].relation, moments[1].origin) == ("copy", "early")
    assert moments[2].when is None

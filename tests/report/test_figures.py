from typing import Any

from newscheck.report.figures import figure_table, figures_json
from newscheck.report.view import ReportView, StoryView

from .views import article, claim, report

TEXT = "Twelve hurt. Fifteen hurt. Twelve hurt again."
S = [[0, 12, 0], [13, 26, 0], [27, 45, 0]]


def fig(value: float, text: str, unit: str = "people") -> dict[str, Any]:
    return {"value": value, "unit": unit, "approx": None, "text": text}


def view(conflicts: list[Any]) -> StoryView:
    claims = [
        claim("c1", "a1", 0, 12, story_id="s", figures=[fig(12, "Twelve")]),
        claim("c2", "a2", 13, 26, story_id="s", figures=[fig(15, "Fifteen", "People")]),
        claim("c3", "a3", 27, 45, story_id="s", figures=[fig(12, "12")]),
    ]
    doc = report(
        articles=[article(a, TEXT, S) for a in ("a1", "a2", "a3")],
        stories=[{"id": "s", "title": "t", "article_ids": ["a1", "a2", "a3"]}],
        claims=claims,
        conflicts=conflicts,
    )
    return next(ReportView(doc).stories())


def test_values_by_unit_with_their_independent_families() -> None:
    (row,) = figure_table(view([]), {"a1": "f1", "a2": "f2", "a3": "f1"})
    assert row.unit == "people" and row.differ and not row.in_conflict
    twelve, fifteen = row.values
    assert (twelve.value, twelve.texts, twelve.article_ids) == (
        12.0,
        ("Twelve", "12"),
        ("a1", "a3"),
    )
    assert twelve.families == 1  # a1 and a3 are one family
    assert fifteen.families == 1


def test_numeric_conflicts_are_flagged_on_their_values() -> None:
    conflict = {"kind": "numeric", "claim_ids": ["c1", "c2"], "detail": "12 vs 15"}
    (row,) = figure_table(view([conflict]), {})
    assert row.in_conflict
    flags = {v.value: v.in_conflict for v in row.values}
    assert flags == {12.0: True, 15.0: True}
    assert figures_json((row,))[0]["in_conflict"] is True

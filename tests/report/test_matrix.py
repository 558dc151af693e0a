from typing import Any

from newscheck.report.matrix import claim_matrix, columns_of, matrix_json
from newscheck.report.view import ReportView, StoryView

from .views import article, claim, report

TEXT = "One said yes. Two said no."
S = [[0, 13, 0], [14, 26, 0]]


def story_view(
    claims: list[Any], conflicts: list[Any], families: list[Any] | None = None
) -> StoryView:
    doc = report(
        articles=[article(a, TEXT, S) for a in ("a1", "a2", "a3", "a4")],
        stories=[{"id": "s", "title": "t", "article_ids": ["a1", "a2", "a3", "a4"]}],
        families=families
        if families is not None
        else [
            {"id": "f1", "story_id": "s", "article_ids": ["a1", "a2"], "origin": "a1"},
            {"id": "f2", "story_id": "s", "article_ids": ["a3"], "origin": "a3"},
        ],
        claims=claims,
        conflicts=conflicts,
    )
    return next(ReportView(doc).stories())


def test_cells_support_deny_and_silence() -> None:
    yes = claim("yes", "a2", 0, 13, story_id="s")
    no = claim("no", "a3", 14, 26, story_id="s")
    view = story_view([yes, no], [{"kind": "denial", "claim_ids": ["no", "yes"], "detail": ""}])
    matrix = claim_matrix(view)
    assert matrix is not None
    # Columns: family 1, family 2, then a4 alone (in no family).
    assert [c.origin for c in matrix.columns] == ["a1", "a3", "a4"]
    states = [[c.state for c in row.cells] for row in matrix.rows]
    assert states == [["supported", "denied", "silent"], ["denied", "supported", "silent"]]
    # A supported cell points at the article of the family that makes the claim.
    assert matrix.rows[0].cells[0].article_id == "a2"
    assert matrix.rows[0].cells[1].article_id == "a3"


def test_a_family_carrying_both_sides_is_both() -> None:
    yes = claim("yes", "a1", 0, 13, story_id="s")
    no = claim("no", "a2", 14, 26, story_id="s")
    view = story_view([yes, no], [{"kind": "numeric", "claim_ids": ["yes", "no"], "detail": ""}])
    matrix = claim_matrix(view)
    assert matrix is not None
    assert [c.state for c in matrix.rows[0].cells] == ["both", "silent", "silent"]


def test_conflicts_may_name_member_claims_of_groups() -> None:
    group = claim("g1", "a1", 0, 13, story_id="s", claim_ids=["c1", "c2"])
    other = claim("g2", "a3", 14, 26, story_id="s", claim_ids=["c3"])
    view = story_view([group, other], [{"kind": "denial", "claim_ids": ["c2", "c3"], "detail": ""}])
    matrix = claim_matrix(view)
    assert matrix is not None
    assert matrix.rows[0].cells[1].state == "denied"


def test_no_claims_no_matrix_and_articles_alone_without_families() -> None:
    view = story_view([], [], families=[])
    assert claim_matrix(view) is None
    assert [c.family_id for c in columns_of(view)] == [None, None, None, None]
    assert matrix_json(None, str) is None

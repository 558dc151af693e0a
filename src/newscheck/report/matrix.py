"""The claims-by-family matrix: which independent witness carries which claim, or contradicts it.

Rows are the story's claims (claim groups once cross-checking ran), columns its families
(articles outside every family stand alone). A cell is

- ``supported``: an article of the family makes the claim;
- ``denied``: no article of the family makes it, but one makes a claim in conflict with it;
- ``both``: the family carries the claim and a claim in conflict with it;
- ``silent``: the family says nothing on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from newscheck.report.view import StoryView

CellState = Literal["supported", "denied", "both", "silent"]

MATRIX_SCHEME = "matrix.family-support.v1"


@dataclass(frozen=True, slots=True)
class Column:
    family_id: str | None
    origin: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cell:
    state: CellState
    article_id: str | None = None
    """Where to read it: the first article of the family making the claim (or the opposing one)."""
    start: int | None = None


@dataclass(frozen=True, slots=True)
class Row:
    claim: dict[str, Any]
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Matrix:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


def columns_of(story: StoryView) -> tuple[Column, ...]:
    """The story's families, then each article that no family holds, alone."""
    columns = [Column(f["id"], f["origin"], tuple(f["article_ids"])) for f in story.families]
    held = {a for column in columns for a in column.article_ids}
    columns += [Column(None, a["id"], (a["id"],)) for a in story.articles if a["id"] not in held]
    return tuple(columns)


def _row_keys(claim: dict[str, Any]) -> list[str]:
    return [claim["id"], *claim.get("claim_ids", ())]


def opponents(story: StoryView) -> dict[int, set[int]]:
    """For each claim row, the rows it is in conflict with."""
    row_of: dict[str, int] = {}
    for index, claim in enumerate(story.claims):
        for key in _row_keys(claim):
            row_of.setdefault(key, index)
    against: dict[int, set[int]] = {}
    for conflict in story.conflicts:
        rows = {row_of[c] for c in conflict["claim_ids"] if c in row_of}
        for row in rows:
            against.setdefault(row, set()).update(rows - {row})
    return against


def claim_matrix(story: StoryView) -> Matrix | None:
    """The matrix, or None when the story has no claims."""
    if not story.claims:
        return None
    columns = columns_of(story)
    column_of = {a: i for i, column in enumerate(columns) for a in column.article_ids}
    carried = [_carriers(claim, column_of) for claim in story.claims]
    against = opponents(story)
    rows = []
    for index, claim in enumerate(story.claims):
        opposed: dict[int, tuple[str, int]] = {}
        for other in sorted(against.get(index, ())):
            for column, where in carried[other].items():
                opposed.setdefault(column, where)
        cells = tuple(
            _cell(carried[index].get(column), opposed.get(column)) for column in range(len(columns))
        )
        rows.append(Row(claim, cells))
    return Matrix(columns, tuple(rows))


def _carriers(claim: dict[str, Any], column_of: dict[str, int]) -> dict[int, tuple[str, int]]:
    """Column -> (article, start) of the first mention of the claim in that column."""
    found: dict[int, tuple[str, int]] = {}
    for mention in claim["mentions"]:
        column = column_of.get(mention["article_id"])
        if column is not None:
            found.setdefault(column, (mention["article_id"], mention["start"]))
    return found


def _cell(own: tuple[str, int] | None, opposed: tuple[str, int] | None) -> Cell:
    if own and opposed:
        return Cell("both", *own)
    if own:
        return Cell("supported", *own)
    if opposed:
        return Cell("denied", *opposed)
    return Cell("silent")


def matrix_json(matrix: Matrix | None, label: Callable[[str], str]) -> dict[str, Any] | None:
    if matrix is None:
        return None
    return {
        "scheme": MATRIX_SCHEME,
        "columns": [
            {"family_id": c.family_id, "origin": c.origin, "label": label(c.origin)}
            for c in matrix.columns
        ],
        "rows": [
            {
                "claim_id": row.claim["id"],
                "status": row.claim.get("status"),
                "cells": [_cell_json(cell) for cell in row.cells],
            }
            for row in matrix.rows
        ],
    }


def _cell_json(cell: Cell) -> dict[str, Any]:
    entry: dict[str, Any] = {"state": cell.state}
    if cell.article_id is not None:
        entry.update({"article_id": cell.article_id, "start": cell.start})
    return entry

"""The figures table: every number the story's claims give, by what is counted, with the families
that give each value; values that disagree are flagged."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newscheck.report.view import StoryView


@dataclass(frozen=True, slots=True)
class FigureValue:
    value: float
    texts: tuple[str, ...]
    """How the articles wrote it ("178", "about 180")."""
    article_ids: tuple[str, ...]
    families: int
    """Independent families giving this value."""
    in_conflict: bool
    """A claim giving it is part of a numeric conflict."""


@dataclass(frozen=True, slots=True)
class FigureRow:
    unit: str
    values: tuple[FigureValue, ...]

    @property
    def differ(self) -> bool:
        return len(self.values) > 1

    @property
    def in_conflict(self) -> bool:
        return any(v.in_conflict for v in self.values)


def figure_table(story: StoryView, family_of: Mapping[str, str]) -> tuple[FigureRow, ...]:
    """Rows by unit (as written, case-folded), values in first-seen order."""
    numeric = {cid for c in story.conflicts if c["kind"] == "numeric" for cid in c["claim_ids"]}
    by_unit: dict[str, dict[float, dict[str, Any]]] = {}
    for claim in story.claims:
        keys = {claim["id"], *claim.get("claim_ids", ())}
        articles = [m["article_id"] for m in claim["mentions"]]
        for figure in claim["figures"]:
            unit = str(figure["unit"] or "").strip().casefold()
            slot = by_unit.setdefault(unit, {}).setdefault(
                float(figure["value"]),
                {"texts": {}, "articles": {}, "conflict": False},
            )
            slot["texts"][figure["text"]] = None
            slot["articles"].update(dict.fromkeys(articles))
            slot["conflict"] = slot["conflict"] or bool(keys & numeric)
    return tuple(
        FigureRow(
            unit,
            tuple(
                FigureValue(
                    value,
                    tuple(slot["texts"]),
                    tuple(slot["articles"]),
                    len({family_of.get(a, a) for a in slot["articles"]}),
                    slot["conflict"],
                )
                for value, slot in values.items()
            ),
        )
        for unit, values in by_unit.items()
    )


def figures_json(rows: tuple[FigureRow, ...]) -> list[dict[str, Any]]:
    return [
        {
            "unit": row.unit,
            "differ": row.differ,
            "in_conflict": row.in_conflict,
            "values": [
                {
                    "value": v.value,
                    "texts": list(v.texts),
                    "article_ids": list(v.article_ids),
                    "families": v.families,
                    "in_conflict": v.in_conflict,
                }
                for v in row.values
            ],
        }
        for row in rows
    ]

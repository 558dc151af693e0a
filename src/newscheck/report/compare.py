"""A rewrite beside its origin, aligned sentence by sentence.

Rows follow the derived article's sentences; each aligned one sits beside its origin sentence, and
origin sentences the rewrite left out are placed where they fall in the origin's order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

RowKind = Literal["same", "paraphrase", "partial", "added", "unmatched", "dropped"]


@dataclass(frozen=True, slots=True)
class Side:
    index: int
    text: str


@dataclass(frozen=True, slots=True)
class CompareRow:
    origin: Side | None
    derived: Side | None
    kind: RowKind
    score: float | None = None


def _sides(article: dict[str, Any]) -> list[Side]:
    text = article["text"]
    sentences = article.get("sentences") or [[0, len(text), 0]]
    return [Side(i, text[s:e]) for i, (s, e, *_) in enumerate(sentences)]


def compare_rows(
    link: dict[str, Any], origin: dict[str, Any], derived: dict[str, Any]
) -> tuple[CompareRow, ...]:
    origin_sides, derived_sides = _sides(origin), _sides(derived)
    pair_of = {p["derived_sentence"]: p for p in link.get("pairs", ())}
    added = {(a["start"], a["end"]) for a in link["added"]}
    derived_spans = derived.get("sentences") or [[0, len(derived["text"]), 0]]
    used = {p["origin_sentence"] for p in pair_of.values()}
    rows: list[CompareRow] = []
    next_origin = 0
    for side in derived_sides:
        pair = pair_of.get(side.index)
        if pair is None:
            start, end, *_ = derived_spans[side.index]
            kind: RowKind = "added" if (start, end) in added else "unmatched"
            rows.append(CompareRow(None, side, kind))
            continue
        target = pair["origin_sentence"]
        # Origin sentences before this one that no derived sentence took: the rewrite dropped them.
        while next_origin < target and next_origin < len(origin_sides):
            if next_origin not in used:
                rows.append(CompareRow(origin_sides[next_origin], None, "dropped"))
            next_origin += 1
        next_origin = max(next_origin, target + 1)
        origin_side = origin_sides[target] if 0 <= target < len(origin_sides) else None
        rows.append(CompareRow(origin_side, side, pair["relation"], pair["score"]))
    rows += [
        CompareRow(s, None, "dropped") for s in origin_sides[next_origin:] if s.index not in used
    ]
    return tuple(rows)


def compare_json(rows: tuple[CompareRow, ...]) -> list[dict[str, Any]]:
    return [
        {
            "kind": row.kind,
            "origin_sentence": row.origin.index if row.origin else None,
            "derived_sentence": row.derived.index if row.derived else None,
            "score": row.score,
        }
        for row in rows
    ]

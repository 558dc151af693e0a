"""Provenance graph layout: articles as boxes grouped by family, copy/rewrite links as arrows.

Pure geometry; the template draws it as inline SVG (no script, no external library), escaping
every label.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

BOX_W, BOX_H, GAP_X, GAP_Y, PAD = 190, 34, 40, 22, 16


@dataclass(frozen=True, slots=True)
class Node:
    article_id: str
    label: str
    x: int
    y: int
    family: int


@dataclass(frozen=True, slots=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    relation: str


@dataclass(frozen=True, slots=True)
class Group:
    x: int
    y: int
    w: int
    h: int
    label: str


@dataclass(frozen=True, slots=True)
class Graph:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    groups: tuple[Group, ...]


def layout(
    families: Sequence[dict[str, Any]],
    links: Sequence[dict[str, Any]],
    label: Callable[[str], str],
) -> Graph:
    """One column per family, origin on top; arrows go from origin to derived article."""
    nodes: dict[str, Node] = {}
    groups = []
    tallest = 0
    for column, family in enumerate(families):
        members = [family["origin"]] + [a for a in family["article_ids"] if a != family["origin"]]
        x = PAD + column * (BOX_W + GAP_X)
        for row, article_id in enumerate(members):
            y = PAD + 18 + row * (BOX_H + GAP_Y)
            nodes[article_id] = Node(article_id, label(article_id), x, y, column)
        height = 18 + len(members) * (BOX_H + GAP_Y) - GAP_Y + 8
        groups.append(Group(x - 8, PAD - 4, BOX_W + 16, height, f"family {column + 1}"))
        tallest = max(tallest, height)
    edges = []
    for link in links:
        origin, derived = nodes.get(link["origin"]), nodes.get(link["derived"])
        if origin is None or derived is None:
            continue
        edges.append(_edge(origin, derived, link["relation"]))
    width = PAD * 2 + max(1, len(families)) * (BOX_W + GAP_X) - GAP_X
    return Graph(width, tallest + PAD * 2, tuple(nodes.values()), tuple(edges), tuple(groups))


def _edge(origin: Node, derived: Node, relation: str) -> Edge:
    if origin.family == derived.family and derived.y > origin.y:
        # Same column: leave from the bottom of the origin, enter the top of the derived box.
        return Edge(
            origin.x + BOX_W / 2, origin.y + BOX_H, derived.x + BOX_W / 2, derived.y, relation
        )
    left_to_right = derived.x >= origin.x
    x1 = origin.x + (BOX_W if left_to_right else 0)
    x2 = derived.x + (0 if left_to_right else BOX_W)
    return Edge(x1, origin.y + BOX_H / 2, x2, derived.y + BOX_H / 2, relation)

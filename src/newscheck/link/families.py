"""Independent families: articles joined by copy/rewrite links count as one witness.

Every article is in exactly one family (a singleton when nothing links it). The family's origin is
its member with no outgoing derived link, the earliest one when there are several (or none, as in a
cycle of text-decided directions).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newscheck.model import Article, Family, Link, group_id

FAMILY_ID_PREFIX = "family-"


def _find(parent: dict[str, str], item: str) -> str:
    root = item
    while parent[root] != root:
        root = parent[root]
    while parent[item] != root:  # path compression
        parent[item], item = root, parent[item]
    return root


def _order_key(article: Article) -> tuple[int, float, int, str]:
    # Dated articles first (by time), then undated by ingest order; the id breaks ties.
    if article.published is not None:
        return (0, article.published.timestamp(), article.seq, article.id)
    return (1, 0.0, article.seq, article.id)


def build_families(
    articles: Sequence[Article], links: Iterable[Link], extra_edges: Iterable[tuple[str, str]] = ()
) -> tuple[Family, ...]:
    """Connected groups of articles under ``links`` (and ``extra_edges``, e.g. a shared agency).

    Families are ordered by their origin (earliest first); ids derive from member ids only.
    """
    by_id = {a.id: a for a in articles}
    parent = {aid: aid for aid in by_id}
    edges = [(link.derived, link.origin) for link in links]
    derived_ids = {d for d, _ in edges}
    for a, b in [*edges, *extra_edges]:
        if a in parent and b in parent:
            ra, rb = _find(parent, a), _find(parent, b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[Article]] = {}
    for aid, article in by_id.items():
        members.setdefault(_find(parent, aid), []).append(article)
    families = []
    for group in members.values():
        group.sort(key=_order_key)
        roots = [a for a in group if a.id not in derived_ids] or group
        origin = roots[0]
        ids = tuple(a.id for a in group)
        families.append(Family(group_id(FAMILY_ID_PREFIX, ids), None, ids, origin.id))
    families.sort(key=lambda f: _order_key(by_id[f.origin]))
    return tuple(families)

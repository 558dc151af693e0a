from datetime import UTC, datetime

from newscheck.link.families import build_families
from newscheck.model import Link

from .fictional import make_article


def _articles(n: int, dated: bool = False):  # type: ignore[no-untyped-def]
    out = []
    for i in range(n):
        when = datetime(2025, 3, 1, 12 - i, tzinfo=UTC) if dated else None
        out.append(make_article(f"Title {i}", f"Text number {i}.", seq=i, published=when)[0])
    return out


def _link(derived: str, origin: str) -> Link:
    return Link(derived=derived, origin=origin, relation="rewrite", shared=0.8)


def test_every_article_is_in_exactly_one_family() -> None:
    arts = _articles(5)
    families = build_families(arts, [_link(arts[1].id, arts[0].id), _link(arts[2].id, arts[0].id)])
    members = sorted(a for f in families for a in f.article_ids)
    assert members == sorted(a.id for a in arts)
    assert len(families) == 3
    joined = next(f for f in families if len(f.article_ids) == 3)
    assert joined.origin == arts[0].id
    assert all(f.story_id is None for f in families)


def test_family_ids_depend_only_on_members() -> None:
    arts = _articles(3)
    first = build_families(arts, [_link(arts[2].id, arts[1].id)])
    again = build_families(list(reversed(arts)), [_link(arts[2].id, arts[1].id)])
    assert {f.id for f in first} == {f.id for f in again}
    assert all(f.id.startswith("family-") for f in first)


def test_origin_is_the_member_without_an_outgoing_link_earliest_first() -> None:
    arts = _articles(3, dated=True)  # article 2 is the earliest
    families = build_families(arts, [_link(arts[0].id, arts[1].id), _link(arts[0].id, arts[2].id)])
    (family,) = families
    assert family.origin == arts[2].id
    assert family.article_ids[0] == arts[2].id


def test_extra_edges_join_families() -> None:
    arts = _articles(3)
    families = build_families(arts, [], extra_edges=[(arts[0].id, arts[2].id)])
    assert sorted(len(f.article_ids) for f in families) == [1, 2]

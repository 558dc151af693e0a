from dataclasses import replace

from newscheck.stories.ordering import stream_sequence
from newscheck.stories.unionfind import UnionFind

from .fictional import at, make_article


def test_dated_by_time_undated_after_the_dated_article_ingested_before_them():
    early = make_article("early", "x", published=at(0), seq=2)
    late = make_article("late", "y", published=at(5), seq=0)
    after_late = make_article("undated after late", "z", seq=1)
    first = make_article("undated first", "w", seq=-1)
    after_early = make_article("undated after early", "v", seq=3)
    order = stream_sequence([early, late, after_late, first, after_early])
    assert [a.title for a in order] == [
        "undated first",
        "early",
        "undated after early",
        "late",
        "undated after late",
    ]


def test_same_time_ties_do_not_depend_on_input_order():
    a = make_article("a", "1", published=at(1), seq=0)
    b = make_article("b", "2", published=at(1), seq=1)
    swapped = [replace(b, seq=0), replace(a, seq=1)]
    assert [x.id for x in stream_sequence([a, b])] == [x.id for x in stream_sequence(swapped)]


def test_union_find_groups():
    groups = UnionFind()
    groups.union("c", "b")
    groups.union("b", "a")
    groups.add("z")
    assert groups.members("c") == ["a", "b", "c"]
    assert groups.members("never") == ["never"]
    assert list(groups.groups()) == [["a", "b", "c"], ["z"]]
    assert groups.find("c") == "a"

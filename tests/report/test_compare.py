from typing import Any

from newscheck.report.compare import compare_json, compare_rows

from .views import article

ORIGIN = article("o", "A. B. C. D.", [[0, 2, 0], [3, 5, 0], [6, 8, 0], [9, 11, 0]])
DERIVED = article("d", "A. X. C. Y.", [[0, 2, 0], [3, 5, 0], [6, 8, 0], [9, 11, 0]])


def pair(d: int, o: int, relation: str = "same") -> dict[str, Any]:
    return {"derived_sentence": d, "origin_sentence": o, "score": 1.0, "relation": relation}


def test_rows_follow_the_rewrite_with_dropped_origin_sentences_in_place() -> None:
    link = {"pairs": [pair(0, 0), pair(2, 2, "paraphrase")], "added": [{"start": 3, "end": 5}]}
    rows = compare_rows(link, ORIGIN, DERIVED)
    assert [(r.kind, r.origin and r.origin.text, r.derived and r.derived.text) for r in rows] == [
        ("same", "A.", "A."),
        ("added", None, "X."),
        ("dropped", "B.", None),
        ("paraphrase", "C.", "C."),
        ("unmatched", None, "Y."),
        ("dropped", "D.", None),
    ]


def test_every_sentence_of_both_sides_appears_once() -> None:
    link = {"pairs": [pair(0, 3), pair(1, 0), pair(3, 1)], "added": []}
    rows = compare_json(compare_rows(link, ORIGIN, DERIVED))
    origin = [r["origin_sentence"] for r in rows if r["origin_sentence"] is not None]
    derived = [r["derived_sentence"] for r in rows if r["derived_sentence"] is not None]
    assert sorted(origin) == [0, 1, 2, 3] and len(origin) == 4
    assert derived == [0, 1, 2, 3]


def test_no_pairs_lists_the_rewrite_alone() -> None:
    rows = compare_rows({"pairs": [], "added": []}, ORIGIN, DERIVED)
    assert [r.kind for r in rows][:4] == ["unmatched"] * 4
    assert sum(r.kind == "dropped" for r in rows) == 4

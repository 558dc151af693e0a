import numpy as np
import pytest

from newscheck.stories.keyspace import KeySpace, heaviest, row_dots
from newscheck.stories.weighting import dot


def _as_dict(space: KeySpace, vector) -> dict[str, float]:
    keys = space._keys
    return {keys[i]: w for i, w in zip(vector.ids.tolist(), vector.weights.tolist(), strict=True)}


def test_vectors_dots_and_sums_agree_with_dicts():
    space = KeySpace()
    a = {"flood": 0.5, "n:tarnow": 0.25, "f:340": 0.125}
    b = {"flood": 2.0, "rain": 1.0, "f:340": 4.0}
    va, vb = space.vector(a), space.vector(b)
    assert space.dot(va, vb) == dot(a, b) == 1.5
    dots = space.dots(va, [vb, va, space.vector({"other": 1.0})])
    assert dots.tolist() == [1.5, dot(a, a), 0.0]
    total = space.add(va, vb)
    assert _as_dict(space, total) == {"flood": 2.5, "n:tarnow": 0.25, "f:340": 4.125, "rain": 1.0}
    # a's keys first, then b's new ones: the order a dict update gives.
    assert list(_as_dict(space, total)) == ["flood", "n:tarnow", "f:340", "rain"]


def test_the_scratch_row_is_left_clean():
    space = KeySpace()
    va, vb = space.vector({"a": 1.0, "b": 2.0}), space.vector({"b": 3.0, "c": 1.0})
    space.add(va, vb)
    space.dots(va, [vb])
    assert not space._scratch.any()
    assert space.dot(space.vector({"c": 1.0}), vb) == 1.0


def test_zero_weights_are_dropped_and_unknown_keys_weigh_nothing():
    space = KeySpace()
    vector = space.vector({"kept": 1.0, "zero": 0.0})
    assert len(vector) == 1
    assert space.lookup(["kept", "never-seen"]).tolist()[1] == 0
    assert space.weights_of(vector, space.lookup(["never-seen", "kept"])).tolist() == [0.0, 1.0]


def test_compact_forgets_unused_keys_and_keeps_the_rest():
    space = KeySpace()
    kept = space.vector({f"k{i}": float(i + 1) for i in range(10)})
    for i in range(5_000):
        space.vector({f"gone{i}": 1.0})
    (renumbered,) = space.compact([kept])
    assert len(space) == 10
    assert _as_dict(space, renumbered) == {f"k{i}": float(i + 1) for i in range(10)}
    again = space.vector({"k3": 1.0, "new": 1.0})
    assert space.dot(again, renumbered) == 4.0


def test_heaviest_breaks_ties_by_id():
    space = KeySpace()
    vector = space.vector({"a": 1.0, "b": 3.0, "c": 1.0, "d": 2.0})
    assert _as_dict(space, heaviest(vector, 3)) == {"b": 3.0, "d": 2.0, "a": 1.0}


def test_row_dots_sum_in_a_fixed_order():
    rows = np.array([[1.0, 2.0, 3.0], [0.5, 0.0, -1.0]], dtype=np.float32)
    vector = np.array([1.0, 1.0, 2.0], dtype=np.float32)
    assert row_dots(rows, vector).tolist() == pytest.approx([9.0, -1.5])

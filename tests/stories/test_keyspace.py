import numpy as np
import pytest

from newscheck.stories.keyspace import IdVector, KeySpace, heaviest, row_dots
from newscheck.stories.weighting import dot


def _vector(sparse: dict[int, float]) -> IdVector:
    return IdVector(np.array(list(sparse), dtype=np.int64), np.array(list(sparse.values())))


def _as_dict(vector: IdVector) -> dict[int, float]:
    return dict(zip(vector.ids.tolist(), vector.weights.tolist(), strict=True))


def test_vectors_dots_and_sums_agree_with_dicts():
    space = KeySpace()
    a = {4: 0.5, 9: 0.25, 14: 0.125}
    b = {4: 2.0, 8: 1.0, 14: 4.0}
    va, vb = _vector(a), _vector(b)
    assert space.dot(va, vb) == dot(a, b) == 1.5  # type: ignore[arg-type]
    dots = space.dots(va, [vb, va, _vector({100: 1.0})])
    assert dots.tolist() == [1.5, dot(a, a), 0.0]  # type: ignore[arg-type]
    total = space.add(va, vb)
    assert _as_dict(total) == {4: 2.5, 9: 0.25, 14: 4.125, 8: 1.0}
    # a's keys first, then b's new ones: the order a dict update gives.
    assert list(_as_dict(total)) == [4, 9, 14, 8]


def test_the_scratch_row_is_left_clean():
    space = KeySpace()
    va, vb = _vector({1: 1.0, 2: 2.0}), _vector({2: 3.0, 3: 1.0})
    space.add(va, vb)
    space.dots(va, [vb])
    assert not space._scratch.any()
    assert space.dot(_vector({3: 1.0}), vb) == 1.0


def test_fit_makes_room_for_large_ids():
    space = KeySpace()
    big = space.fit(_vector({5_000: 2.0, 7: 1.0}))
    assert space.size > 5_000
    assert space.dot(big, _vector({5_000: 0.5})) == 1.0
    assert space.weights_of(big, np.array([7, 8, 5_000])).tolist() == [1.0, 0.0, 2.0]


def test_heaviest_breaks_ties_by_id():
    vector = _vector({1: 1.0, 2: 3.0, 3: 1.0, 4: 2.0})
    assert _as_dict(heaviest(vector, 3)) == {2: 3.0, 4: 2.0, 1: 1.0}


def test_row_dots_sum_in_a_fixed_order():
    rows = np.array([[1.0, 2.0, 3.0], [0.5, 0.0, -1.0]], dtype=np.float32)
    vector = np.array([1.0, 1.0, 2.0], dtype=np.float32)
    assert row_dots(rows, vector).tolist() == pytest.approx([9.0, -1.5])

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from newscheck.link.verify import Overlap, Thresholds, intersection_size, verify_pairs


@given(st.sets(st.integers(0, 2**64 - 1)), st.sets(st.integers(0, 2**64 - 1)))
def test_intersection_size_matches_python_sets(a: set[int], b: set[int]) -> None:
    arr_a = np.array(sorted(a), dtype=np.uint64)
    arr_b = np.array(sorted(b), dtype=np.uint64)
    assert intersection_size(arr_a, arr_b) == len(a & b)


def test_overlap_measures() -> None:
    o = Overlap(a=0, b=1, shared=30, size_a=40, size_b=100)
    assert o.jaccard == 30 / 110
    assert o.containment_a == 0.75
    assert o.containment == 0.75


def test_only_pairs_clearing_a_threshold_are_kept() -> None:
    sets = [
        np.arange(0, 100, dtype=np.uint64),
        np.arange(0, 100, dtype=np.uint64),  # identical to 0
        np.arange(50, 400, dtype=np.uint64),  # half of 0, Jaccard low, containment 0.5 of 0
        np.arange(1000, 1100, dtype=np.uint64),  # unrelated
    ]
    pairs = np.array([[0, 1], [0, 2], [0, 3]], dtype=np.int64)
    kept = verify_pairs(pairs, sets, Thresholds(jaccard=0.3, containment=0.5))
    assert [(o.a, o.b) for o in kept] == [(0, 1), (0, 2)]
    assert (
        verify_pairs(pairs, sets.__getitem__, Thresholds(jaccard=0.3, containment=0.6))[-1].b == 1
    )

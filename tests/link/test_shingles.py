import numpy as np
import pytest

from newscheck.link.shingles import shingles


def test_one_shingle_per_run_of_words() -> None:
    batch = shingles(["a b c d e f g"], words=5)
    assert len(batch.of(0)) == 3


def test_shingles_never_cross_texts() -> None:
    texts = ["alpha beta gamma delta epsilon zeta", "eta theta iota kappa lambda mu nu"]
    together = shingles(texts)
    for i, text in enumerate(texts):
        assert np.array_equal(together.of(i), shingles([text]).of(0))


def test_short_texts_get_one_shingle_and_empty_texts_none() -> None:
    batch = shingles(["only three words", "", "two words", "a b c d e f"])
    assert [len(batch.of(i)) for i in range(4)] == [1, 0, 1, 2]
    assert batch.of(0)[0] != batch.of(2)[0]
    assert batch.owners().tolist() == [0, 2, 3, 3]


def test_word_order_matters_within_a_shingle() -> None:
    a = shingles(["one two three four five"]).of(0)
    b = shingles(["five four three two one"]).of(0)
    assert a[0] != b[0]


def test_sets_are_sorted_and_distinct() -> None:
    text = "the cat sat on the mat the cat sat on the mat"
    (found,) = shingles([text], words=3).sets()
    assert np.all(np.diff(found.astype(np.float64)) > 0) or len(found) <= 1
    assert len(found) == len(np.unique(shingles([text], words=3).of(0)))


def test_word_count_is_checked() -> None:
    with pytest.raises(ValueError):
        shingles(["x"], words=0)

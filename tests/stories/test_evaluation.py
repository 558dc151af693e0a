import pytest

from newscheck.stories.evaluation import adjusted_rand_index, bcubed, score_clusters


def test_perfect_clustering():
    gold = ["a", "a", "b", "c"]
    assert bcubed([1, 1, 2, 3], gold) == (1.0, 1.0, 1.0)
    assert adjusted_rand_index([7, 7, 5, 6], gold) == 1.0


def test_bcubed_by_hand():
    # One predicted cluster of three: two of gold a, one of gold b.
    precision, recall, f1 = bcubed([1, 1, 1], ["a", "a", "b"])
    assert precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert recall == 1.0
    assert f1 == pytest.approx(2 * precision / (precision + 1))


def test_all_singletons_against_pairs():
    precision, recall, _ = bcubed([1, 2, 3, 4], ["a", "a", "b", "b"])
    assert precision == 1.0 and recall == 0.5


def test_ari_by_hand():
    # Hubert and Arabie: index 1, expected 0.5 * 1 ... worked example on four items.
    predicted = [1, 1, 2, 2]
    gold = ["a", "a", "a", "b"]
    # pairs together in both: 1; rows: 2; cols: 3; n pairs: 6; expected 1.0; max 2.5
    assert adjusted_rand_index(predicted, gold) == pytest.approx((1 - 1.0) / (2.5 - 1.0))


def test_scores_and_mismatched_lengths():
    scores = score_clusters([1, 1, 2], ["x", "x", "y"])
    assert scores.f1 == 1.0 and scores.clusters == 2 and scores.gold_clusters == 2
    assert "F1 1.000" in scores.line()
    with pytest.raises(ValueError):
        bcubed([1], ["a", "b"])

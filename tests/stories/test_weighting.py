import math

import pytest

from newscheck.stories.weighting import DocumentFrequencies, dot, heaviest, normalized


def test_rare_keys_weigh_more_than_common_ones():
    df = DocumentFrequencies()
    for i in range(50):
        df.add({"common", f"rare{i}"})
    vector = df.weigh({"common": 1, "rare3": 1})
    assert vector["rare3"] > vector["common"]
    assert math.isclose(sum(w * w for w in vector.values()), 1.0)


def test_with_no_documents_every_key_weighs_the_same():
    vector = DocumentFrequencies().weigh({"a": 1, "b": 1})
    assert math.isclose(vector["a"], vector["b"])


def test_weigh_keeps_the_heaviest_first():
    df = DocumentFrequencies()
    vector = df.weigh({"a": 1, "b": 5, "c": 2}, limit=2)
    assert list(vector) == ["b", "c"]


def test_memory_is_bounded_by_forgetting_keys_seen_once():
    df = DocumentFrequencies(max_keys=100)
    for i in range(1_000):
        df.add({f"once{i}", "always"})
    assert len(df) <= 100
    assert df.idf("always") < df.idf("once5")


def test_dot_normalized_heaviest():
    assert dot({"a": 1.0, "b": 2.0}, {"b": 3.0, "c": 1.0}) == 6.0
    assert dot({}, {"a": 1.0}) == 0.0
    assert normalized({"a": 3.0, "b": 4.0}) == pytest.approx({"a": 0.6, "b": 0.8})
    assert normalized({"a": 0.0}) == {}
    assert heaviest({"a": 1.0, "b": 3.0, "c": 2.0}, 2) == {"b": 3.0, "c": 2.0}


def test_counting_many_at_once_counts_each_key_once_per_article():
    import numpy as np

    one, many = DocumentFrequencies(), DocumentFrequencies()
    articles = [["a", "b", "a"], ["b", "c"], ["a"]]  # "a" twice in the first: one document
    expected = []
    for keys in articles:
        slots = one.slots(keys)
        one.count(np.unique(slots))
        expected += one.counts_of(slots).tolist()
    slots = many.slots([k for keys in articles for k in keys])
    frequency, documents = many.count_many(slots, [0, 3, 5, 6])
    assert frequency.tolist() == expected == [1, 1, 1, 2, 1, 2]
    assert documents.tolist() == [1, 2, 3]
    assert many.idf("a") == one.idf("a") and many.documents == 3


def test_forgetting_keeps_the_keys_seen_lately():
    df = DocumentFrequencies(max_keys=10)
    for i in range(10):
        df.add({f"old{i}"})
    df.add({"new0"})  # the 11th key: the rarest least recent go, down to half
    assert len(df) == 5
    assert df.idf("new0") < df.idf("old0")  # old0 forgotten: unseen
    assert df.idf("old9") == df.idf("new0")  # seen as often and kept

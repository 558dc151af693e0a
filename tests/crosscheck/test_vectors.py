import math

import numpy as np

from newscheck.crosscheck.vectors import Vectors, lexical_vectors, nearest


def test_a_word_every_family_uses_weighs_less_than_a_rare_one() -> None:
    tokens = [["kell", "flood"], ["kell", "flood"], ["kell", "bridg"], ["kell", "bridg"]]
    rows, _ = lexical_vectors(tokens, [1.0] * 4)
    # items 0 and 1 share the common "kell" and the rarer "flood"; 0 and 2 only "kell"
    assert rows[0] @ rows[1] > 0.99
    assert rows[0] @ rows[2] < 0.5


def test_copies_weigh_as_one_report_in_word_frequencies() -> None:
    # "dam" is in five copies of one report, "sluice" in two independent reports
    tokens = [["dam", "q"]] * 5 + [["sluic", "a"], ["sluic", "b"], ["dam", "sluic"]]
    by_family, _ = lexical_vectors(tokens, [1 / 5] * 5 + [1.0] * 3)  # five copies weigh one report
    by_item, _ = lexical_vectors(tokens, [1.0] * 8)
    target, copy, other = 7, 0, 5
    assert by_family[target] @ by_family[copy] > by_family[target] @ by_family[other]
    assert by_item[target] @ by_item[copy] < by_item[target] @ by_item[other]


def test_words_of_one_item_only_count_in_its_norm() -> None:
    rows, _ = lexical_vectors([["a", "b", "c", "d"], ["a"]], [1.0, 1.0])
    assert rows.shape == (2, 1)
    rare = math.log(3 / 2) + 1.0  # idf of b, c and d (in one item of two); "a" has idf 1
    assert abs(float(rows[0] @ rows[1]) - 1.0 / math.sqrt(1.0 + 3 * rare**2)) < 1e-6


def test_pooling_keeps_unshared_words_apart() -> None:
    rows, _ = lexical_vectors([["close", "bridg"], ["close", "roads"], ["x"]], [1.0] * 3)
    vectors = Vectors(rows, None)
    pooled = vectors.pooled([[0], [1], [2]])
    assert abs(float(pooled.lexical[0] @ pooled.lexical[1]) - float(rows[0] @ rows[1])) < 1e-5


def test_nearest_returns_pairs_above_the_floor_best_first() -> None:
    semantic = np.eye(4, dtype=np.float32)
    semantic[1] = semantic[0] * 0.8 + semantic[1] * 0.6
    vectors = Vectors(np.zeros((4, 0), dtype=np.float32), None)
    vectors = Vectors(semantic, None)
    pairs = nearest(vectors, 0.5, k=2, block=2)
    assert pairs[0][1:] == (0, 1)
    assert all(score >= 0.5 for score, _, _ in pairs)
    assert len(pairs) == 1


def test_containment_credits_a_short_claim_inside_a_long_one() -> None:
    tokens = [["ukrai", "encir"], ["ukrai", "encir", "regio", "trump", "truth", "socia"], ["x"]]
    rows, norms = lexical_vectors(tokens, [1.0] * 3)
    vectors = Vectors(rows, None, norms)
    i, j = np.array([0], dtype=np.intp), np.array([1], dtype=np.intp)
    plain = float(vectors.similarity(i, j)[0, 0])
    contained = float(vectors.similarity(i, j, contained=True)[0, 0])
    assert plain < 0.6 and contained >= 0.79

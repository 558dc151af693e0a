import numpy as np
import pytest

from newscheck.link.lsh import Banding, band_keys, candidate_pairs
from newscheck.link.minhash import signatures
from newscheck.link.shingles import shingles


def _texts(rng: np.random.Generator, n: int) -> list[str]:
    return [" ".join(f"w{k}" for k in rng.integers(0, 100_000, 300)) for _ in range(n)]


def test_copies_become_candidates_and_unrelated_texts_do_not() -> None:
    rng = np.random.default_rng(5)
    texts = _texts(rng, 40)
    texts[7] = texts[3]
    texts[20] = texts[11] + " and a short tail"
    keys = band_keys(signatures(shingles(texts)), Banding())
    pairs = {tuple(p) for p in candidate_pairs(keys, Banding()).tolist()}
    assert pairs == {(3, 7), (11, 20)}


def test_big_buckets_stay_connected_without_all_pairs() -> None:
    texts = ["the same words in every one of these texts"] * 30
    banding = Banding(max_bucket=3)
    pairs = candidate_pairs(band_keys(signatures(shingles(texts)), banding), banding)
    assert len(pairs) < 30 * 29 // 2
    reached = {0}
    for _ in range(30):
        reached |= {b for a, b in pairs.tolist() if a in reached}
    assert reached == set(range(30))


def test_empty_texts_are_never_candidates() -> None:
    keys = band_keys(signatures(shingles(["", "", "a b c d e f"])), Banding())
    assert candidate_pairs(keys, Banding()).shape == (0, 2)


def test_probability_rises_with_similarity() -> None:
    banding = Banding(bands=32, rows=3)
    values = [banding.probability(j) for j in (0.1, 0.3, 0.5, 0.8)]
    assert values == sorted(values)
    assert values[-1] > 0.99 and values[0] < 0.05


def test_bad_banding_is_refused() -> None:
    with pytest.raises(ValueError):
        band_keys(np.zeros((2, 8), dtype=np.uint32), Banding(bands=4, rows=3))

import numpy as np

from newscheck.stories.buckets import EmbeddingBuckets


def test_near_vectors_share_buckets_and_far_ones_rarely_do():
    rng = np.random.default_rng(0)
    buckets = EmbeddingBuckets(64)
    near = far = 0
    for _ in range(50):
        v = rng.standard_normal(64)
        v /= np.linalg.norm(v)
        w = v + 0.2 * rng.standard_normal(64) / 8
        w /= np.linalg.norm(w)
        u = rng.standard_normal(64)
        u /= np.linalg.norm(u)
        near += bool(set(buckets.codes(v).tolist()) & set(buckets.codes(w).tolist()))
        far += bool(set(buckets.codes(v).tolist()) & set(buckets.codes(u).tolist()))
    assert near >= 45
    assert far <= 20


def test_keys_are_the_same_in_every_instance():
    v = np.linspace(-1, 1, 16)
    codes = EmbeddingBuckets(16).codes(v).tolist()
    assert codes == EmbeddingBuckets(16).codes(v).tolist()
    assert len(set(codes)) == 8
    assert [c >> 6 for c in codes] == list(range(8))  # one bucket per table

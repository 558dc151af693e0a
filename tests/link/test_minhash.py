import numpy as np

from newscheck.link.minhash import EMPTY, MinHashScheme, signatures
from newscheck.link.shingles import shingles


def _words(rng: np.random.Generator, n: int) -> list[str]:
    return [f"w{k}" for k in rng.integers(0, 50_000, n)]


def test_identical_texts_have_identical_signatures() -> None:
    sig = signatures(shingles(["a b c d e f g h", "a b c d e f g h"]))
    assert np.array_equal(sig[0], sig[1])


def test_signature_of_a_text_does_not_depend_on_its_batch() -> None:
    texts = ["one two three four five six", "seven eight nine ten eleven twelve thirteen"]
    together = signatures(shingles(texts))
    assert np.array_equal(together[1], signatures(shingles(texts[1:]))[0])


def test_share_of_equal_bins_estimates_jaccard() -> None:
    rng = np.random.default_rng(3)
    scheme = MinHashScheme(bins=256)
    for kept in (0.3, 0.6, 0.9):
        base = _words(rng, 2000)
        other = [w if rng.random() < kept else f"x{i}" for i, w in enumerate(base)]
        batch = shingles([" ".join(base), " ".join(other)], words=1)
        a, b = set(batch.of(0).tolist()), set(batch.of(1).tolist())
        truth = len(a & b) / len(a | b)
        sig = signatures(batch, scheme)
        estimate = float(np.mean(sig[0] == sig[1]))
        assert abs(estimate - truth) < 0.08, (kept, truth, estimate)


def test_short_texts_fill_every_bin_and_empty_texts_stay_empty() -> None:
    sig = signatures(shingles(["just a few words here today", ""]))
    assert not np.any(sig[0] == EMPTY)
    assert np.all(sig[1] == EMPTY)


def test_scheme_name_is_versioned() -> None:
    assert MinHashScheme(bins=64).name == "minhash.oph64.rotdense.u32.v1"

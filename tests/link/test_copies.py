import numpy as np

from newscheck.link.copies import CopyIndex, CopyParams, find_copies


def _article(rng: np.random.Generator, words: int = 400) -> list[str]:
    return [f"w{k}" for k in rng.integers(0, 60_000, words)]


def test_copies_and_near_copies_are_found_and_verified() -> None:
    rng = np.random.default_rng(11)
    originals = [_article(rng) for _ in range(30)]
    texts = [" ".join(w) for w in originals]
    near = list(originals[4])
    for i in rng.choice(len(near), 8, replace=False):
        near[i] = "changed"
    texts.append(" ".join(near))  # 30: near copy of 4
    texts.append(" ".join(originals[9][:200]))  # 31: an excerpt of 9
    found = {(o.a, o.b): o for o in find_copies(texts)}
    assert set(found) == {(4, 30), (9, 31)}
    assert found[(4, 30)].jaccard > 0.8
    assert found[(9, 31)].containment_b > 0.95


def test_adding_in_batches_finds_the_same_pairs() -> None:
    rng = np.random.default_rng(2)
    texts = [" ".join(_article(rng, 200)) for _ in range(20)]
    texts[15] = texts[2]
    texts[18] = texts[6]
    index = CopyIndex()
    sets = []
    for start in range(0, 20, 7):
        sets.extend(index.add(texts[start : start + 7]).sets())
    assert len(index) == 20
    batched = {(o.a, o.b) for o in index.verify(index.candidates(), sets)}
    assert batched == {(o.a, o.b) for o in find_copies(texts)} == {(2, 15), (6, 18)}


def test_params_name_every_scheme() -> None:
    name = CopyParams().name
    assert name.startswith("shingle.words5.") and "minhash.oph" in name and "lsh.b" in name

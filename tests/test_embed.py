import sys

import numpy as np
import pytest

from newscheck.embed import DIMENSIONS, Embedder, embeddings_available
from newscheck.errors import MissingExtra

needs_model = pytest.mark.skipif(not embeddings_available(), reason="the embed extra is absent")


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder(threads=1)


@needs_model
@pytest.mark.slow
def test_rows_are_unit_float32_vectors(embedder: Embedder) -> None:
    vectors = embedder.encode(["The barrier failed on Tuesday.", "A chess club won the league."])
    assert vectors.shape == (2, DIMENSIONS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@needs_model
@pytest.mark.slow
def test_meaning_is_closer_than_topic_words(embedder: Embedder) -> None:
    a, b, c = embedder.encode(
        [
            "The mayor ordered residents of the quay to leave their homes.",
            "Residents of the quay were told by the mayor to evacuate.",
            "The mayor opened a new library on the quay.",
        ]
    )
    assert float(a @ b) > float(a @ c)


@needs_model
@pytest.mark.slow
def test_each_text_is_encoded_once(embedder: Embedder) -> None:
    first = embedder.encode(["once", "twice", "twice"])
    cached = embedder.cached
    again = embedder.encode(["twice", "once"])
    assert embedder.cached == cached
    assert np.array_equal(first[1], first[2])
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[1], first[0])


def test_no_texts_need_no_model() -> None:
    embedder = Embedder()
    assert embedder.encode([]).shape == (0, DIMENSIONS)
    assert not embedder.loaded


def test_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(MissingExtra, match="embed"):
        Embedder().encode(["a sentence"])

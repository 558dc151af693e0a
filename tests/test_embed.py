import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newscheck.embed import DIMENSIONS, Embedder, embeddings_available, text_hash
from newscheck.errors import MissingExtra
from newscheck.store import open_store

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


class CountingEmbedder(Embedder):
    """The caching of a real :class:`Embedder`, with a deterministic stand-in for the model
    (these tests are about what is kept and looked up, not about the model's vectors)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.batches: list[list[str]] = []

    def _encode_uncached(self, texts: list[str]) -> np.ndarray:
        self.batches.append(list(texts))
        rows = [np.random.default_rng(sum(map(ord, t))).standard_normal(DIMENSIONS) for t in texts]
        matrix = np.asarray(rows, dtype=np.float32)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_kept_vectors_are_read_back_bit_for_bit_by_a_later_embedder(tmp_path: Path) -> None:
    texts = ["The quay flooded.", "Ferries stopped.", "The quay flooded."]
    with open_store(tmp_path / "s.db") as store:
        first = CountingEmbedder()
        with first.kept_in(store):
            encoded = first.encode(texts)
        assert first.encoded == 2
        assert store.text_vector_count(Embedder.scheme) == 2
        later = CountingEmbedder()
        with later.kept_in(store):
            again = later.encode([*texts, "A new sentence."])
        assert later.batches == [["A new sentence."]]
        assert np.array_equal(again[:3], encoded)
        assert store.text_vector_count(Embedder.scheme) == 3


def test_nothing_is_kept_outside_the_block(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        embedder = CountingEmbedder()
        with embedder.kept_in(store):
            embedder.encode(["inside"])
        embedder.encode(["outside"])
        assert store.text_vectors(Embedder.scheme, [text_hash("inside"), text_hash("outside")])
        assert list(store.text_vectors(Embedder.scheme, [text_hash("outside")])) == []


def test_a_damaged_kept_vector_is_encoded_again(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.add_text_vectors(Embedder.scheme, {text_hash("short"): b"\x00\x01"})
        embedder = CountingEmbedder()
        with embedder.kept_in(store):
            vector = embedder.encode(["short"])[0]
        assert embedder.batches == [["short"]]
        assert np.isclose(np.linalg.norm(vector), 1.0)


def test_a_stopped_run_keeps_the_chunks_it_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newscheck.embed.KEEP_CHUNK", 2)

    class Failing(CountingEmbedder):
        def _encode_uncached(self, texts: list[str]) -> np.ndarray:
            if len(self.batches) == 1:
                raise KeyboardInterrupt
            return super()._encode_uncached(texts)

    with open_store(tmp_path / "s.db") as store:
        with pytest.raises(KeyboardInterrupt), Failing().kept_in(store) as failing:
            failing.encode(["a", "b", "c", "d"])
        assert store.text_vector_count(Embedder.scheme) == 2
        resumed = CountingEmbedder()
        with resumed.kept_in(store):
            resumed.encode(["a", "b", "c", "d"])
        assert resumed.batches == [["c", "d"]]

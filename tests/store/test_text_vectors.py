"""The text-vector cache: raw bytes in, the same bytes out, per scheme, first write kept."""

from __future__ import annotations

import numpy as np
import pytest

from newscheck.errors import StoreError
from newscheck.store import Store, open_store


def vector_bytes(seed: int) -> bytes:
    return np.random.default_rng(seed).standard_normal(384).astype("<f4").tobytes()


def test_vectors_read_back_byte_for_byte(store: Store) -> None:
    written = {f"hash-{i}": vector_bytes(i) for i in range(3)}
    store.add_text_vectors("scheme-a", written)
    assert store.text_vectors("scheme-a", ["hash-2", "hash-0", "unknown"]) == {
        "hash-2": written["hash-2"],
        "hash-0": written["hash-0"],
    }
    assert store.text_vector_count("scheme-a") == 3


def test_schemes_are_apart_and_the_first_vector_stays(store: Store) -> None:
    store.add_text_vectors("scheme-a", {"h": vector_bytes(1)})
    store.add_text_vectors("scheme-a", {"h": vector_bytes(2), "i": vector_bytes(3)})
    store.add_text_vectors("scheme-b", {"h": vector_bytes(4)})
    assert store.text_vectors("scheme-a", ["h"]) == {"h": vector_bytes(1)}
    assert store.text_vectors("scheme-b", ["h", "i"]) == {"h": vector_bytes(4)}
    assert store.text_vector_count("scheme-a") == 2
    assert store.text_vector_count("scheme-c") == 0


def test_many_hashes_are_read_in_chunks(store: Store) -> None:
    written = {f"{i:05d}": vector_bytes(i)[:16] for i in range(1_203)}
    store.add_text_vectors("s", written)
    assert store.text_vectors("s", list(written)) == written
    assert store.text_vectors("s", []) == {}


def test_a_read_only_store_refuses_to_write(store_target: str) -> None:
    with open_store(store_target):
        pass  # create it
    with open_store(store_target, read_only=True) as store:
        assert store.text_vectors("s", ["h"]) == {}
        with pytest.raises(StoreError, match="read-only"):
            store.add_text_vectors("s", {"h": b"\x00"})


def test_only_an_in_memory_store_is_not_persistent(store: Store) -> None:
    assert store.persistent
    with open_store(":memory:") as memory:
        assert not memory.persistent

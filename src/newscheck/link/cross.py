"""Is sentence ``b`` a re-wording of sentence ``a``? Both read together by a small cross-encoder.

The logistic model of :mod:`newscheck.link.paraphrase` compares two sentences from the outside
(shared words, numbers, names, the cosine of two separate embeddings) and stops near 0.76 accuracy
on news paraphrase data: a pair that re-words a claim and a pair that says something else about the
same people share the same words. A cross-encoder reads the two sentences as one input, so each
word attends to the other sentence's words, and tells "the same claim" from "the same topic" much
better. It is the bundled all-MiniLM-L6-v2 encoder (the ``embed`` extra) with low-rank updates of
its linear layers (LoRA) and a linear head over the mean-pooled pair encoding, fitted on MSRP's
training pairs by ``bench/link_msrp_cross.py``. Only the adapter ships (a few hundred thousand
numbers in ``data/paraphrase_cross.npz``), never the data; at load time its updates are merged into
the encoder's weights, so reading a pair costs one pass of the plain encoder.

Each pair is read alone, without padding, so its logit is the same whatever else is read with it:
a pair scores the same in any batch, on any worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newscheck.adapters import AdaptedEncoder, adapter_available

CROSS_SCHEME = "paraphrase.minilm-lora16-cross.v1"
"""Versioned name of the adapter and the way a pair is read (encoder, adapter, pooling, head)."""

ADAPTER = Path(__file__).with_name("data") / "paraphrase_cross.npz"

MAX_TOKENS = 128
"""Longest pair read (word pieces of both sentences); longer pairs are cut from the longer side."""

FloatArray = npt.NDArray[np.float64]


def cross_available(adapter: Path = ADAPTER) -> bool:
    """True when the ``embed`` extra (torch, transformers, the bundled model) and the adapter are
    installed."""
    return adapter_available(adapter)


class CrossEncoder:
    """Reads sentence pairs; :meth:`logits` says how strongly each is one claim re-worded.

    The model loads on first use and is not pickled (a copy sent to a worker loads its own)."""

    scheme = CROSS_SCHEME

    def __init__(self, adapter: Path = ADAPTER) -> None:
        self.adapter = adapter
        self._model: Any = None
        self.read = 0
        """Pairs read by the model so far."""

    def __getstate__(self) -> dict[str, Any]:
        return {"adapter": self.adapter, "_model": None, "read": 0}

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def logits(self, pairs: Sequence[tuple[str, str]]) -> FloatArray:
        """One logit per pair (log-odds of "the same claim, re-worded"; 0 is even odds)."""
        if not pairs:
            return np.zeros(0, dtype=np.float64)
        model = self._ensure_model()
        out = np.array([_pair_logit(model, a, b) for a, b in pairs], dtype=np.float64)
        self.read += len(pairs)
        return out

    def _ensure_model(self) -> AdaptedEncoder:
        if self._model is None:
            self._model = AdaptedEncoder.load(self.adapter)
        return self._model  # type: ignore[no-any-return]


def _pair_logit(model: AdaptedEncoder, a: str, b: str) -> float:
    """The logit of one pair, read alone (no padding: every piece counts in the mean)."""
    encoded = model.tokenizer(
        a, b, truncation="longest_first", max_length=MAX_TOKENS, return_tensors="pt"
    )
    pooled = model.hidden(encoded).mean(dim=0).numpy().astype(np.float64)
    return float(pooled @ model.head + model.bias)

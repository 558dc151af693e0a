"""A second reader for doubtful cue candidates: a small tagger that reads the whole sentence.

The cue model (:mod:`newscheck.extract.cues`) scores a candidate from its lemma and its place in
the parse. It cannot know a verb it has rarely seen ("unleashed", "grilled", "is seizing on"), so
most of the cues it misses score just under its threshold. The tagger reads the sentence around
the candidate with the bundled all-MiniLM-L6-v2 encoder, fine-tuned by a rank-16 adapter
(:mod:`newscheck.adapters`) and a linear head to say, word piece by word piece, whether a piece is
part of a cue. It was fitted on sentences of the PolNeAR training split by
``bench/extract_fit_cue_tagger.py``; only the adapter ships (``data/cue_tagger.npz``).

:class:`CueDecision` says which candidates the tagger is asked about (those the cue model scores
in a band around its threshold) and how its logit and the cue model's log-odds are combined.
Each sentence is read alone, without padding, so a word's logit does not depend on what else was
read with it: the same text gives the same cues in any batch, on any worker.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newscheck.adapters import AdaptedEncoder, adapter_available

CUE_TAGGER_SCHEME = "cue-tagger.minilm-lora16.polnear-train.v1"
"""Versioned name of the adapter and the way a sentence is read (encoder, adapter, head)."""

ADAPTER = Path(__file__).with_name("data") / "cue_tagger.npz"

MAX_TOKENS = 128
"""Longest sentence read, in word pieces; words past it are not read (they keep the cue model's
own decision)."""


def tagger_available(adapter: Path = ADAPTER) -> bool:
    """True when the ``embed`` extra and the tagger's adapter are installed."""
    return adapter_available(adapter)


@dataclass(frozen=True, slots=True)
class CueDecision:
    """Which candidates the tagger reads, and how its answer is combined with the cue model's.

    A candidate whose cue-model probability ``p`` lies in ``[low, high)`` is a cue when
    ``sigmoid(model_weight * logit(p) + tagger_weight * tagger_logit + bias) >= 0.5``; outside
    the band the cue model decides alone."""

    low: float = 0.05
    high: float = 0.9
    model_weight: float = 1.0
    tagger_weight: float = 1.0
    bias: float = 0.0

    def doubts(self, probability: float) -> bool:
        return self.low <= probability < self.high

    def probability(self, model_probability: float, tagger_logit: float) -> float:
        p = min(max(model_probability, 1e-6), 1 - 1e-6)
        z = (
            self.model_weight * math.log(p / (1 - p))
            + self.tagger_weight * tagger_logit
            + self.bias
        )
        return 1.0 / (1.0 + math.exp(-z)) if z > -35 else 0.0

    def takes(self, combined: float) -> bool:
        """Whether a :meth:`probability` makes the doubtful candidate a cue."""
        return combined >= 0.5


CUE_DECISION = CueDecision(
    low=0.1, high=0.8, model_weight=0.5334, tagger_weight=0.6161, bias=0.5855
)
"""Fitted by ``bench/extract_fit_cue_tagger.py`` on the held-out fifth of the training split."""


class CueTagger:
    """Reads sentences; :meth:`word_logits` says how strongly each given word is part of a cue.

    The model loads on first use and is not pickled (a copy sent to a worker loads its own)."""

    scheme = CUE_TAGGER_SCHEME

    def __init__(self, adapter: Path = ADAPTER, decision: CueDecision = CUE_DECISION) -> None:
        self.adapter = adapter
        self.decision = decision
        self._model: Any = None
        self.read = 0
        """Sentences read by the model so far."""

    def __getstate__(self) -> dict[str, Any]:
        return {"adapter": self.adapter, "decision": self.decision, "_model": None, "read": 0}

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def word_logits(self, sentence: str, words: Sequence[tuple[int, int]]) -> list[float | None]:
        """For each word, given as a ``(start, end)`` character range in ``sentence``, the
        highest logit among its word pieces (log-odds of "part of a cue"); ``None`` for a word
        the tagger did not read (past :data:`MAX_TOKENS`)."""
        if not words:
            return []
        if self._model is None:
            self._model = AdaptedEncoder.load(self.adapter)
        offsets, logits = _read(self._model, sentence)
        self.read += 1
        out: list[float | None] = []
        starts, ends = offsets[:, 0], offsets[:, 1]
        for start, end in words:
            inside = (starts < end) & (ends > start) & (ends > starts)  # special pieces are empty
            out.append(float(logits[inside].max()) if inside.any() else None)
        return out


def _read(model: AdaptedEncoder, sentence: str) -> tuple[np.ndarray, np.ndarray]:
    """The character range of each word piece of one sentence, read alone, and its logit."""
    encoded = model.tokenizer(
        sentence,
        truncation=True,
        max_length=MAX_TOKENS,
        return_offsets_mapping=True,
        return_tensors="pt",
    )
    offsets = encoded.pop("offset_mapping")[0].numpy()
    hidden = model.hidden(encoded).numpy().astype(np.float64)
    return offsets, hidden @ model.head + model.bias

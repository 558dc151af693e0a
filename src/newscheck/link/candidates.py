"""Article pairs worth aligning: never all pairs.

Three cheap sources, each sub-quadratic in the corpus: verified shingle overlap (copies, near
copies, verbatim excerpts), sentences sharing several rare keys (rewrites keep names, numbers and
key nouns), and, with embeddings, each article's nearest neighbours by mean sentence vector (heavy
rewrites that keep few words).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from newscheck.link.copies import CopyParams, find_copies
from newscheck.link.corpus import Corpus
from newscheck.link.support import SupportIndex
from newscheck.link.verify import Overlap

Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class CandidateSettings:
    copy: CopyParams = field(default_factory=CopyParams)
    min_key_sentences: int = 2
    """Sentence pairs sharing 3+ keys that make an article pair a candidate."""
    centroid_cosine: float = 0.6
    neighbours: int = 10
    block: int = 2048
    """Articles per block when comparing mean vectors (bounds memory to ``block * n`` floats)."""


@dataclass(frozen=True, slots=True)
class Candidates:
    pairs: tuple[Pair, ...]
    """Article index pairs, first smaller, sorted."""
    overlaps: dict[Pair, Overlap]
    """Verified shingle overlap of the pairs the copy path found."""


def centroid_pairs(corpus: Corpus, settings: CandidateSettings) -> set[Pair]:
    """Each article's nearest neighbours by mean sentence vector, above a cosine floor."""
    if corpus.vectors is None:
        return set()
    present: list[int] = []
    rows = []
    for article in range(len(corpus.articles)):
        centroid = corpus.centroid(article)
        if centroid is not None:
            present.append(article)
            rows.append(centroid)
    if len(present) < 2:
        return set()
    matrix = np.stack(rows).astype(np.float32)
    found: set[Pair] = set()
    take = min(settings.neighbours + 1, len(present))
    for start in range(0, len(present), settings.block):
        sims = matrix[start : start + settings.block] @ matrix.T
        top = np.argpartition(-sims, take - 1, axis=1)[:, :take]
        for offset, row in enumerate(top):
            i = start + offset
            for j in row.tolist():
                if j != i and sims[offset, j] >= settings.centroid_cosine:
                    a, b = present[i], present[j]
                    found.add((min(a, b), max(a, b)))
    return found


def find_candidates(
    corpus: Corpus,
    index: SupportIndex,
    settings: CandidateSettings | None = None,
    *,
    overlaps: Sequence[Overlap] | None = None,
) -> Candidates:
    """The candidate pairs of ``corpus`` and the verified copy overlaps among them.

    ``overlaps``: the copies found elsewhere (``newscheck.distributed.banding.distributed_copies``
    on a cluster), with ``settings.copy``, on the texts of ``corpus.articles`` in that order; what
    ``find_copies`` would return, so the candidates are the same. None: find them here.
    """
    settings = settings or CandidateSettings()
    if overlaps is None:
        texts: Sequence[str] = [a.text for a in corpus.articles]
        overlaps = find_copies(texts, settings.copy)
    else:
        _check_overlaps(overlaps, len(corpus.articles))
    verified = {(o.a, o.b): o for o in overlaps}
    pairs = set(verified)
    pairs.update(index.article_pairs(settings.min_key_sentences))
    pairs.update(centroid_pairs(corpus, settings))
    return Candidates(tuple(sorted(pairs)), verified)


def _check_overlaps(overlaps: Sequence[Overlap], articles: int) -> None:
    """Overlaps handed in must name pairs of this corpus's articles, first smaller (as
    ``find_copies`` gives them): anything else was computed on other texts."""
    for o in overlaps:
        if not 0 <= o.a < o.b < articles:
            raise ValueError(
                f"copy overlap ({o.a}, {o.b}) is not a pair of the {articles} articles linked"
            )

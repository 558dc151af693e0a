"""Which sentences of the corpus say something another article also says.

An inverted index maps each sentence key (content-word stem, number, name) to the sentences that
carry it. A sentence's candidate supports are the sentences of other articles that share the most
keys, plus (with embeddings) its nearest neighbours in the articles it was compared with; the
paraphrase model then verifies them. No step compares all sentence pairs of the corpus.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import numpy as np

from newscheck.link.corpus import Corpus
from newscheck.link.scoring import Scored, SentenceScorer

MAX_POSTINGS = 1000
MIN_POSTINGS_LIMIT = 50
POSTINGS_SHARE = 0.02
"""A key carried by more sentences than ``max(MIN_POSTINGS_LIMIT, POSTINGS_SHARE * sentences)``
(at most ``MAX_POSTINGS``) is too common to point at support ("president", "year")."""
QUERY_KEYS = 12
"""Only a sentence's rarest keys are looked up, so the work per sentence is bounded."""
LEXICAL_CANDIDATES = 8
NEAREST_CANDIDATES = 4
MIN_SHARED_KEYS = 2
PAIR_SHARED_KEYS = 3
"""Rare keys two sentences must share to make their articles a candidate pair."""


class SupportIndex:
    """Sentence keys -> sentence rows, for the whole corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        postings: dict[str, list[int]] = defaultdict(list)
        for row, prof in enumerate(corpus.profiles):
            if corpus.claim_like[row]:
                for key in prof.keys:
                    postings[key].append(row)
        limit = max(MIN_POSTINGS_LIMIT, int(POSTINGS_SHARE * len(corpus.texts)))
        limit = min(limit, MAX_POSTINGS)
        self.postings = {k: v for k, v in postings.items() if len(v) <= limit}
        self.owner = np.searchsorted(corpus.offsets, np.arange(len(corpus.texts)), side="right") - 1

    def _counts(self, row: int) -> Counter[int]:
        """Rows sharing the sentence's rarest usable keys, with how many they share."""
        keys = [k for k in self.corpus.profiles[row].keys if k in self.postings]
        keys.sort(key=lambda k: (len(self.postings[k]), k))  # rarest first; the key breaks ties
        counts: Counter[int] = Counter()
        for key in keys[:QUERY_KEYS]:
            counts.update(self.postings[key])
        return counts

    def lexical_candidates(self, row: int, limit: int = LEXICAL_CANDIDATES) -> list[int]:
        """Rows of other articles sharing the most keys with ``row`` (at least two)."""
        own = self.owner[row]
        counts = self._counts(row)
        ranked = sorted(
            (r for r, n in counts.items() if n >= MIN_SHARED_KEYS and self.owner[r] != own),
            key=lambda r: (-counts[r], r),
        )
        return ranked[:limit]

    def article_pairs(self, min_sentences: int = 2) -> Counter[tuple[int, int]]:
        """Article pairs with at least ``min_sentences`` sentence pairs sharing enough rare keys."""
        pairs: Counter[tuple[int, int]] = Counter()
        for row in np.flatnonzero(self.corpus.claim_like).tolist():
            own = int(self.owner[row])
            partners = {
                int(self.owner[r])
                for r, n in self._counts(row).items()
                if n >= PAIR_SHARED_KEYS and r > row
            }
            for other in partners - {own}:
                pairs[(min(own, other), max(own, other))] += 1
        return Counter({p: n for p, n in pairs.items() if n >= min_sentences})


def find_support(
    scorer: SentenceScorer, index: SupportIndex, row: int, neighbours: Iterable[int]
) -> Scored | None:
    """The best sentence of another article that supports sentence ``row``, if any."""
    corpus = scorer.corpus
    candidates = set(index.lexical_candidates(row))
    vectors = corpus.vectors
    if vectors is not None:
        rows = [r for a in neighbours for r in corpus.rows(a)]
        if rows:
            sims = vectors[rows] @ vectors[row]
            take = min(NEAREST_CANDIDATES, len(rows))
            for i in np.argpartition(-sims, take - 1)[:take]:
                candidates.add(rows[int(i)])
    best: Scored | None = None
    for other in sorted(candidates):
        scored = scorer.score(row, other)
        if scored.relation is not None and (best is None or scored.probability > best.probability):
            best = scored
    return best

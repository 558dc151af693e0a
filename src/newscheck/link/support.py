"""Which sentences of the corpus say something another article also says.

An inverted index maps each sentence key (content-word stem, number, name) to the sentences that
carry it. A sentence's candidate supports are the sentences of other articles that share the most
keys, plus (with embeddings) its nearest neighbours in the articles it was compared with; the
paraphrase model then verifies them. No step compares all sentence pairs of the corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

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
QUERY_ROWS = 1 << 14
"""Sentences whose keys :meth:`SupportIndex.article_pairs` looks up at once."""
PAIR_BLOCK = 1 << 20
"""Sentence pairs counted at once by :meth:`SupportIndex.article_pairs` (bounds its memory)."""

IntArray = npt.NDArray[np.int64]


def postings_limit(sentences: int) -> int:
    """Most sentences a usable key may be carried by, in a corpus of ``sentences``."""
    return min(MAX_POSTINGS, max(MIN_POSTINGS_LIMIT, int(POSTINGS_SHARE * sentences)))


class SupportIndex:
    """Sentence keys -> sentence rows, for the whole corpus.

    The postings of all usable keys lie in one array, each key's rows ascending in one slice of it
    (``span[key]``: its start and end), so a look-up costs a few array operations whatever the
    corpus size."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        ids: dict[str, int] = {}
        key_of: list[int] = []
        row_of: list[int] = []
        for row in np.flatnonzero(corpus.claim_like).tolist():
            for key in corpus.profiles[row].keys:
                key_of.append(ids.setdefault(key, len(ids)))
                row_of.append(row)
        self.limit = postings_limit(len(corpus.texts))
        limit = self.limit
        keys = np.asarray(key_of, dtype=np.int64)
        sizes = np.bincount(keys, minlength=len(ids))
        usable = sizes[keys] <= limit
        order = np.argsort(keys[usable], kind="stable")  # by key; rows stay ascending
        self.rows: IntArray = np.asarray(row_of, dtype=np.int64)[usable][order]
        ends = np.cumsum(np.where(sizes <= limit, sizes, 0)).tolist()
        counts = sizes.tolist()
        self.span: dict[str, tuple[int, int]] = {
            key: (ends[i] - counts[i], ends[i]) for key, i in ids.items() if counts[i] <= limit
        }
        """Usable key -> its postings, ``rows[start:end]``."""
        self.owner: IntArray = (
            np.searchsorted(corpus.offsets, np.arange(len(corpus.texts)), side="right") - 1
        ).astype(np.int64)
        """Sentence row -> its article."""

    def _query(self, row: int) -> list[tuple[int, int]]:
        """The postings of the sentence's rarest usable keys (at most :data:`QUERY_KEYS`)."""
        span = self.span
        found = [
            (at[1] - at[0], key, at)
            for key in self.corpus.profiles[row].keys
            if (at := span.get(key)) is not None
        ]
        found.sort()  # rarest first; the key breaks ties
        return [at for _, _, at in found[:QUERY_KEYS]]

    def _counts(self, row: int) -> tuple[IntArray, IntArray]:
        """Rows sharing the sentence's rarest usable keys, with how many they share."""
        query = self._query(row)
        if not query:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        rows = np.concatenate([self.rows[start:end] for start, end in query])
        shared, counts = np.unique(rows, return_counts=True)
        return shared, counts.astype(np.int64)

    def lexical_candidates(self, row: int, limit: int = LEXICAL_CANDIDATES) -> list[int]:
        """Rows of other articles sharing the most keys with ``row`` (at least two), most keys
        first, then by row."""
        rows, counts = self._counts(row)
        keep = (counts >= MIN_SHARED_KEYS) & (self.owner[rows] != self.owner[row])
        rows, counts = rows[keep], counts[keep]
        ranked = np.lexsort((rows, -counts))[:limit]
        return [int(r) for r in rows[ranked]]

    def article_pairs(
        self, min_sentences: int = 2, block: int = PAIR_BLOCK
    ) -> Counter[tuple[int, int]]:
        """Article pairs with at least ``min_sentences`` sentence pairs sharing enough rare keys.

        Each sentence pair is counted once, from its first sentence's rarest keys; an article
        pair counts the sentences of either that have such a partner in the other. ``block``:
        postings gathered at once (whole sentences, so a sentence with more goes alone)."""
        claim_rows = np.flatnonzero(self.corpus.claim_like).tolist()
        articles = len(self.corpus.articles)
        firsts, ordered = self._slices()
        n = len(self.corpus.texts)
        incidences = [np.zeros(0, dtype=np.int64)]
        for begin in range(0, len(claim_rows), QUERY_ROWS):
            table = np.asarray(
                [
                    (row, start, end)
                    for row in claim_rows[begin : begin + QUERY_ROWS]
                    for start, end in self._query(row)
                ],
                dtype=np.int64,
            ).reshape(-1, 3)
            # Each sentence pair counted once, from its first sentence: rows after this one.
            slice_of = np.searchsorted(firsts, table[:, 1])
            table[:, 1] = np.searchsorted(ordered, slice_of * n + table[:, 0], side="right")
            incidences += [
                self._incidences(table[part], articles) for part in _blocks(table, block)
            ]
        codes, counts = np.unique(np.concatenate(incidences), return_counts=True)
        keep = counts >= min_sentences
        pairs = zip(
            (codes[keep] // articles).tolist(), (codes[keep] % articles).tolist(), strict=True
        )
        return Counter(dict(zip(pairs, counts[keep].tolist(), strict=True)))

    def _slices(self) -> tuple[IntArray, IntArray]:
        """Where each postings slice starts, ascending, and the postings with each slice's rows
        raised by its number times the corpus size: ascending throughout, so one search finds
        a place within any slice."""
        n = len(self.corpus.texts)
        firsts = np.sort(np.fromiter((start for start, _ in self.span.values()), np.int64))
        sizes = np.diff(firsts, append=len(self.rows))
        return firsts, self.rows + np.repeat(np.arange(len(firsts), dtype=np.int64) * n, sizes)

    def _incidences(self, table: IntArray, articles: int) -> IntArray:
        """Article pair codes (``first * articles + second``, first smaller), one for each
        sentence of ``table`` and each other article holding a sentence that shares
        :data:`PAIR_SHARED_KEYS` of its rarest keys."""
        n = len(self.corpus.texts)
        lengths = table[:, 2] - table[:, 1]
        ends = np.cumsum(lengths)
        total = int(ends[-1]) if len(ends) else 0
        if total == 0:
            return np.zeros(0, dtype=np.int64)
        step = np.repeat(table[:, 1] - (ends - lengths), lengths)
        partner = self.rows[step + np.arange(total, dtype=np.int64)]
        codes = np.repeat(table[:, 0], lengths) * n + partner
        codes.sort()
        first = np.flatnonzero(np.diff(codes, prepend=-1) != 0)
        counts = np.diff(first, append=len(codes))
        shared = codes[first[counts >= PAIR_SHARED_KEYS]]
        own, other = self.owner[shared // n], self.owner[shared % n]
        apart = own != other
        # One count per sentence and other article, however many of its sentences match.
        per_row = np.unique((shared // n)[apart] * articles + other[apart])
        own, other = self.owner[per_row // articles], per_row % articles
        pair_codes: IntArray = np.minimum(own, other) * articles + np.maximum(own, other)
        return pair_codes


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
    for scored in scorer.score_many([(row, other) for other in sorted(candidates)]):
        if scored.relation is not None and (best is None or scored.probability > best.probability):
            best = scored
    return best


def _blocks(table: IntArray, budget: int) -> list[slice]:
    """Consecutive slices of ``table`` (rows ``(row, start, end)`` grouped by row) holding whole
    rows and, where a row allows, at most ``budget`` postings in all."""
    cumulative = np.cumsum(table[:, 2] - table[:, 1])
    row_ends = (np.flatnonzero(np.diff(table[:, 0], append=-1) != 0) + 1).tolist()
    at_end = cumulative[np.asarray(row_ends, dtype=np.int64) - 1]
    blocks = []
    begin, done, i = 0, 0, 0
    while i < len(row_ends):
        j = max(int(np.searchsorted(at_end, done + budget, side="right")), i + 1)
        blocks.append(slice(begin, row_ends[j - 1]))
        begin, done, i = row_ends[j - 1], int(at_end[j - 1]), j
    return blocks

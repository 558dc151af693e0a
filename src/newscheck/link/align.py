"""Sentence alignment between two articles: which sentence of one says what a sentence of the other
says, and how (the same words, re-worded, or in part).

Each claim-like sentence of the first article is aligned to its best related sentence of the
second, if any; several sentences may align to one (a rewrite that repeats or splits a sentence).
"""

from __future__ import annotations

from dataclasses import dataclass

from newscheck.link.scoring import Scored, SentenceScorer
from newscheck.model import SentencePair


@dataclass(frozen=True, slots=True)
class Alignment:
    """Sentences of article ``source`` (corpus index) aligned into article ``target``."""

    source: int
    target: int
    matches: tuple[Scored, ...]
    """One per aligned sentence: ``row`` in ``source``, ``other`` in ``target`` (corpus rows)."""
    considered: int
    """Claim-like sentences of ``source`` (the denominator of :attr:`shared`)."""

    @property
    def shared(self) -> float:
        """Share of ``source``'s claim-like sentences aligned to ``target``."""
        return len(self.matches) / self.considered if self.considered else 0.0

    @property
    def rows(self) -> frozenset[int]:
        return frozenset(m.row for m in self.matches)

    def count(self, *relations: str) -> int:
        return sum(1 for m in self.matches if m.relation in relations)

    def sentence_pairs(self, scorer: SentenceScorer) -> tuple[SentencePair, ...]:
        """As records: sentence indexes within each article (``Sentence.index``)."""
        sentences = scorer.corpus.sentences
        return tuple(
            SentencePair(
                derived_sentence=sentences[m.row].index,
                origin_sentence=sentences[m.other].index,
                score=round(m.probability, 4),
                relation=m.relation or "partial",
            )
            for m in self.matches
        )


def align(scorer: SentenceScorer, source: int, target: int) -> Alignment:
    """Align the claim-like sentences of article ``source`` into article ``target``."""
    corpus = scorer.corpus
    rows = corpus.claim_rows(source)
    best = scorer.best(rows, list(corpus.rows(target)))
    matches = tuple(b for b in best if b is not None)
    return Alignment(source, target, matches, len(rows))

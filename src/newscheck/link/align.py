"""Sentence alignment between two articles: which sentence of one says what a sentence of the other
says, and how (the same words, re-worded, or in part).

Each claim-like sentence of the first article is aligned to its best related sentence of the
second, if any; several sentences may align to one (a rewrite that repeats or splits a sentence).
A rewrite follows its origin in order, so with the article's :class:`Explainers` a looser pair
also counts when it sits in that order between aligned sentences and no other article comes as
close (:func:`context_matches`). ``own`` counts the aligned sentences the second article explains
as well as any article does: the share of those is what tells a rewrite from an independent
report of the same facts (see :mod:`newscheck.link.attribution`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np

from newscheck.link.attribution import Explainers
from newscheck.link.scoring import Scored, SentenceScorer
from newscheck.model import SentencePair

CONTEXT_COSINE = 0.45
"""Smallest cosine of a pair that counts only through its place in the order."""
CONTEXT_PROBABILITY = 0.15
"""The same floor on the paraphrase probability, without embeddings."""
CONTEXT_DISTINCT = 0.05
"""How much closer than any other article the target must come for such a pair."""
CONTEXT_REACH = 2
"""A pair past the first or last aligned sentence (aligned on one side only) must continue that
run: at most this many sentences from it in both articles, and closer than the floor by
:data:`CONTEXT_END_FACTOR`. Independent reports that tell an event in the same order gain loose
matches at their ends (bench/link_independence.py, BASIL, links without shared text: 8 with these
limits, 11 with the reach alone, 8 with no pair past the ends; the harbour rewrite then keeps
only 10 of its 21 sentences, too close to the threshold)."""
CONTEXT_END_FACTOR = 1.5


@dataclass(frozen=True, slots=True)
class Alignment:
    """Sentences of article ``source`` (corpus index) aligned into article ``target``."""

    source: int
    target: int
    matches: tuple[Scored, ...]
    """One per aligned sentence: ``row`` in ``source``, ``other`` in ``target`` (corpus rows)."""
    considered: int
    """Claim-like sentences of ``source`` (the denominator of :attr:`shared`)."""
    own: int = -1
    """Aligned sentences that ``target`` explains as well as any other article does (-1: not
    known, taken as all of them)."""

    @property
    def shared(self) -> float:
        """Share of ``source``'s claim-like sentences aligned to ``target``."""
        return len(self.matches) / self.considered if self.considered else 0.0

    @property
    def own_share(self) -> float:
        """Share of ``source``'s claim-like sentences aligned to ``target`` and explained best
        by it."""
        own = len(self.matches) if self.own < 0 else self.own
        return own / self.considered if self.considered else 0.0

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


def align(
    scorer: SentenceScorer,
    source: int,
    target: int,
    explainers: Explainers | None = None,
    ignore: AbstractSet[int] = frozenset(),
) -> Alignment:
    """Align the claim-like sentences of article ``source`` into article ``target``.

    ``ignore``: articles that do not count as other explanations (known copies or rewrites of
    either article, which explain the same sentences because they took them)."""
    corpus = scorer.corpus
    rows = corpus.claim_rows(source)
    matches = sentence_matches(scorer, source, target)
    if explainers is None:
        return Alignment(source, target, tuple(matches), len(rows))
    matches.extend(context_matches(scorer, rows, target, matches, explainers, ignore))
    matches.sort(key=lambda m: m.row)
    own = sum(1 for m in matches if explainers.explains(m.row, target, ignore))
    return Alignment(source, target, tuple(matches), len(rows), own)


def sentence_matches(scorer: SentenceScorer, source: int, target: int) -> list[Scored]:
    """Each claim-like sentence of ``source`` with its best related sentence of ``target``, if
    any, judged on the two sentences alone (remembered: the second round asks again)."""
    key = (source, target)
    found = scorer.memo.get(key)
    if found is None:
        corpus = scorer.corpus
        best = scorer.best(corpus.claim_rows(source), list(corpus.rows(target)))
        found = scorer.memo[key] = [b for b in best if b is not None]
    return list(found)


def _nearest(
    scorer: SentenceScorer, explainers: Explainers, row: int, target: int, targets: list[int]
) -> tuple[int, float]:
    """The sentence of ``target`` (its rows ``targets``) closest to ``row`` and its closeness
    (cosine, else probability): the explainers' when ``target`` is one of theirs (it is for
    the candidate pairs of :func:`newscheck.link.stage.derive_links`), else computed here."""
    if target in explainers.column and row in explainers.position:
        return explainers.nearest_to(row, target)
    vectors = scorer.corpus.vectors
    if vectors is not None and scorer.model.uses_cosine:
        sims = vectors[targets] @ vectors[row]
        k = int(np.argmax(sims))
        return targets[k], float(sims[k])
    candidates = scorer.candidates([row], targets)[0]
    if not candidates:
        return -1, 0.0
    scored = max(scorer.score_many([(row, o) for o in candidates]), key=lambda s: s.probability)
    return scored.other, scored.probability


def context_matches(
    scorer: SentenceScorer,
    rows: list[int],
    target: int,
    matches: list[Scored],
    explainers: Explainers,
    ignore: AbstractSet[int] = frozenset(),
) -> list[Scored]:
    """Unaligned sentences whose nearest target sentence lies in order between the aligned ones
    (after the target sentence of the aligned sentence before, before that of the one after) and
    comes clearly closer than any other article: a re-wording too loose to judge alone."""
    if not matches:
        return []
    corpus = scorer.corpus
    targets = corpus.claim_rows(target) or list(corpus.rows(target))
    aligned = sorted((m.row, m.other) for m in matches)
    aligned_rows = [r for r, _ in aligned]
    floor = CONTEXT_COSINE if scorer.model.uses_cosine else CONTEXT_PROBABILITY
    found = []
    for row in rows:
        at = bisect_left(aligned_rows, row)
        if at < len(aligned_rows) and aligned_rows[at] == row:
            continue
        other, closeness = _nearest(scorer, explainers, row, target, targets)
        if other < 0 or closeness < floor:
            continue
        if closeness - explainers.runner_up(row, target, ignore) < CONTEXT_DISTINCT:
            continue
        previous = aligned[at - 1] if at > 0 else None
        following = aligned[at] if at < len(aligned) else None
        if previous is not None and other < previous[1]:
            continue
        if following is not None and other > following[1]:
            continue
        only = following if previous is None else previous if following is None else None
        if only is None or (
            abs(only[0] - row) <= CONTEXT_REACH
            and abs(only[1] - other) <= CONTEXT_REACH
            and closeness >= CONTEXT_END_FACTOR * floor
        ):
            scored = scorer.score(row, other)
            found.append(Scored(row, other, scored.probability, "partial"))
    return found

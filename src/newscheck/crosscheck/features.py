"""What cross-checking reads off each claim, computed once per claim."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newscheck.crosscheck.context import sentence_bounds
from newscheck.crosscheck.quantities import Quantity, quantity_of
from newscheck.crosscheck.stance import Polarity, polarity
from newscheck.crosscheck.terms import (
    content_stems,
    name_stems,
    number_spans,
    numbers_in,
    stem,
    words,
)
from newscheck.model import Article, Claim, Figure


@dataclass(frozen=True, slots=True)
class ClaimFeatures:
    claim: Claim
    family: str
    """Id of the independent family whose article carries the claim."""
    text: str
    """The claim's words (its span in the article)."""
    sentence: tuple[int, int]
    """The sentence around the claim, as offsets into the article's text."""
    stems: tuple[str, ...]
    numbers: frozenset[float]
    quantities: tuple[Quantity, ...]
    speaker: frozenset[str]
    """Stems of the speaker's name; empty when unknown or generic ("officials", "she")."""
    context: frozenset[str]
    """Stems of every word of the sentence: where another speaker's name may appear."""
    entities: frozenset[str]
    """Stems of the words of the entities the claim names ("Brightwater" and "Brightwater
    Freight Terminals" share one)."""
    polarity: Polarity
    opinion: bool

    @property
    def article_id(self) -> str:
        return self.claim.article_id

    @property
    def id(self) -> str:
        return self.claim.id


def claim_features(claim: Claim, article: Article, family: str) -> ClaimFeatures:
    start, end = claim_extent(claim, article)
    text = article.text[start:end] if end > start else claim.text.strip()
    bounds = sentence_bounds(article.text, start, max(start + 1, end))
    figures = [
        f
        for f in claim.figures
        if f.article_id == claim.article_id and not _is_age(f, article.text)
    ]
    quantities = tuple(quantity_of(f, article.text, bounds) for f in figures) + _bare_counts(
        claim, start, text, article.text, bounds, {f.value for f in figures}
    )
    return ClaimFeatures(
        claim=claim,
        family=family,
        text=text,
        sentence=bounds,
        stems=tuple(content_stems(text)),
        numbers=numbers_in(text) | frozenset(q.value for q in quantities),
        quantities=quantities,
        speaker=name_stems(claim.speaker),
        context=_sentence_stems(article.text[bounds[0] : bounds[1]]),
        entities=frozenset(stem(w) for e in claim.entities for w in words(e) if len(w) > 1),
        polarity=polarity(claim),
        opinion=claim.kind == "opinion",
    )


def _bare_counts(
    claim: Claim, start: int, text: str, full: str, bounds: tuple[int, int], given: set[float]
) -> tuple[Quantity, ...]:
    """Numbers of the claim that extraction gave no figure for ("the number of wounded ... has
    risen to 14") as unit-less counts of the event named near them; they can agree with a figure
    ("14 people injured"), never conflict with one."""
    out = []
    for lo, hi, value in number_spans(text):
        if value in given:
            continue
        bare = Figure(claim.article_id, start + lo, start + hi, value, "")
        quantity = quantity_of(bare, full, bounds)
        if quantity.event is not None:
            out.append(quantity)
    return tuple(out)


def claim_extent(claim: Claim, article: Article) -> tuple[int, int]:
    """The claim's span without surrounding space, and within one paragraph: when a claim runs
    over a paragraph break (it never should), its longest piece."""
    text = article.text
    start, end = claim.start, min(claim.end, len(text))
    pieces = []
    for piece in re.finditer(r"[^\n]+", text[start:end]):
        lo, hi = start + piece.start(), start + piece.end()
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        pieces.append((hi - lo, -lo, lo, hi))
    if not pieces:
        return start, start
    _, _, lo, hi = max(pieces)
    return lo, hi


_AGE = re.compile(r"\b(?:years?|months?|weeks?|days?)?\s?-?\s?old\b", re.IGNORECASE)


def _is_age(figure: Figure, text: str) -> bool:
    """ "a two-year-old child": an age describes someone, it is not a count."""
    return bool(_AGE.search(text[figure.start : figure.end + 12]))


@lru_cache(maxsize=16384)
def _sentence_stems(sentence: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(sentence))


def story_features(
    claims: Sequence[Claim], articles: Mapping[str, Article], family_of: Mapping[str, str]
) -> list[ClaimFeatures]:
    """Features of the claims whose article is in ``family_of`` (the story's articles), in the
    order given; claims whose article is unknown are left out."""
    out = []
    for claim in claims:
        article = articles.get(claim.article_id)
        if article is None or claim.article_id not in family_of:
            continue
        out.append(claim_features(claim, article, family_of[claim.article_id]))
    return out

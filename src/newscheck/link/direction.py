"""Which of two linked articles is the origin: by publication time, else by the text itself.

An origin keeps exact quotes, full names ("Dmitri S. Peskov", "Mr. Putin") and specific figures; a
rewrite generalises them away, repeats itself, adds commentary ("a significant town", "the
volatile region") and is mostly made of the origin's sentences while the origin says more. Quotes,
figures and names are counted on the sentences the two articles share, so a long origin does not
win merely by being long; commentary, repeats and coverage are read on the whole articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from newscheck.link.align import Alignment
from newscheck.link.corpus import Corpus

DIRECTION_SCHEME = "direction.published-then-text.v1"

Method = Literal["published", "text", "unknown"]

SAME_TIME = timedelta(minutes=1)
"""Publication times closer than this do not decide the direction."""

_QUOTE = re.compile(r"[\"\u201c\u201d]")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_INITIAL = re.compile(r"\b[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+")
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov)\.\s[A-Z]")
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")

COMMENTARY = frozenset(
    [
        "alarming", "amid", "bracing", "broader", "complex", "comprehensive", "crucial", "daunting",
        "delve", "dire", "dramatic", "dramatically", "escalating", "escalation", "firmly", "grim",
        "highlight", "highlighting", "highlights", "intensifying", "landscape", "narrative",
        "notable", "notably", "pivotal", "poignant", "remarkable", "remarkably", "resolute",
        "robust", "shaping", "signaling", "signalling", "signals", "significant", "significantly",
        "stark", "tapestry", "testament", "trajectory", "underscore", "underscored", "underscores",
        "underscoring", "unprecedented", "unwavering", "vital", "volatile",
    ]
)  # fmt: skip

# How much each cue counts (each cue is in -1..1; positive: the first article looks derived).
WEIGHTS = {
    "quotes": 1.0,
    "figures": 0.8,
    "full_names": 1.0,
    "names": 0.5,
    "commentary": 1.0,
    "repeats": 1.0,
    "coverage": 1.0,
}
DECIDES = 0.35
"""Smallest absolute text score that decides the direction."""


@dataclass(frozen=True, slots=True)
class Direction:
    """``derived`` draws on ``origin``; how that was decided and how sure it is (0.5..1)."""

    derived: int
    origin: int
    method: Method
    confidence: float
    score: float = 0.0


def _balance(origin_like: float, derived_like: float) -> float:
    """In -1..1: positive when the first count (the other article's) is larger."""
    total = origin_like + derived_like
    return (origin_like - derived_like) / (total + 1.0) if total else 0.0


def _count(pattern: re.Pattern[str], texts: list[str]) -> int:
    return sum(len(pattern.findall(t)) for t in texts)


def _commentary_rate(corpus: Corpus, article: int) -> float:
    rows = corpus.claim_rows(article)
    if not rows:
        return 0.0
    hits = sum(len(COMMENTARY.intersection(corpus.profiles[r].words)) for r in rows)
    return hits / len(rows)


def _repeats(corpus: Corpus, article: int) -> bool:
    return any(
        r.kind in ("repeated", "repeated_headline") for r in corpus.articles[article].removed
    )


def text_cues(
    corpus: Corpus, forward: Alignment, backward: Alignment | None = None
) -> dict[str, float]:
    """Cues that ``forward.source`` is derived from ``forward.target`` (positive) or the reverse.

    ``coverage`` (with ``backward``, the reverse alignment): a derived text is mostly made of the
    origin's sentences, while the origin also says much the derived one left out."""
    if forward.matches or backward is None:
        mine = [corpus.texts[m.row] for m in forward.matches]
        theirs = [corpus.texts[m.other] for m in forward.matches]
    else:  # compare the same sentence pairs, found from the other side
        mine = [corpus.texts[m.other] for m in backward.matches]
        theirs = [corpus.texts[m.row] for m in backward.matches]
    source, target = forward.source, forward.target
    return {
        "quotes": _balance(_count(_QUOTE, theirs), _count(_QUOTE, mine)),
        "figures": _balance(_count(_NUMBER, theirs), _count(_NUMBER, mine)),
        "full_names": _balance(
            _count(_INITIAL, theirs) + _count(_HONORIFIC, theirs),
            _count(_INITIAL, mine) + _count(_HONORIFIC, mine),
        ),
        "names": _balance(_count(_CAPITALISED, theirs), _count(_CAPITALISED, mine)),
        "commentary": max(
            -1.0, min(1.0, _commentary_rate(corpus, source) - _commentary_rate(corpus, target))
        ),
        "repeats": float(_repeats(corpus, source)) - float(_repeats(corpus, target)),
        "coverage": forward.shared - backward.shared if backward is not None else 0.0,
    }


def decide(corpus: Corpus, forward: Alignment, backward: Alignment | None = None) -> Direction:
    """Direction of a link between ``forward.source`` and ``forward.target`` (``backward`` is the
    alignment the other way, when known)."""
    a, b = forward.source, forward.target
    first, second = corpus.articles[a], corpus.articles[b]
    if first.published is not None and second.published is not None:
        gap = first.published - second.published
        if abs(gap) >= SAME_TIME:
            confidence = 0.95 if abs(gap) >= timedelta(hours=1) else 0.8
            return (
                Direction(a, b, "published", confidence)
                if gap > timedelta(0)
                else Direction(b, a, "published", confidence)
            )
    cues = text_cues(corpus, forward, backward)
    score = sum(WEIGHTS[name] * value for name, value in cues.items())
    if abs(score) >= DECIDES:
        confidence = min(0.95, 0.5 + abs(score) / 4)
        return (
            Direction(a, b, "text", confidence, score)
            if score > 0
            else Direction(b, a, "text", confidence, score)
        )
    # Undecided: the later one in ingest order is taken as derived.
    if first.seq >= second.seq:
        return Direction(a, b, "unknown", 0.5, score)
    return Direction(b, a, "unknown", 0.5, score)

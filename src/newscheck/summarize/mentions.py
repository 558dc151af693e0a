"""The sentences that carry a claim group, and the one best suited to be quoted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newscheck.crosscheck.context import sentence_bounds
from newscheck.crosscheck.features import claim_extent
from newscheck.crosscheck.lexicon import EVALUATIVE_MARKERS, LOADED_WORDS
from newscheck.crosscheck.terms import words
from newscheck.model import Article, Claim, ClaimGroup, ClaimSupport

QUOTABLE_WORDS = (6, 45)
"""Sentence lengths (in words) that read well on their own in a summary."""

CONTEXT_WORDS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "his",
        "her",
        "its",
        "their",
        "this",
        "these",
        "those",
        "that",
        "such",
        "him",
        "them",
        "also",
    ]
)
"""First words that make a sentence lean on the one before it."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One claim of a group, with the sentence it sits in."""

    claim: Claim
    start: int
    end: int
    text: str
    added: bool
    """In text a rewrite added: never quoted, still cited."""
    depth: float
    """Where the sentence starts in its article, from 0 (the top) to 1 (the end)."""

    @property
    def article_id(self) -> str:
        return self.claim.article_id


def mentions_of(
    group: ClaimGroup,
    support: ClaimSupport | None,
    claims: Mapping[str, Claim],
    articles: Mapping[str, Article],
) -> list[Mention]:
    """The group's claims (in the group's order, best first) as sentences, one per sentence."""
    added = set(support.added_claim_ids) if support is not None else set()
    out: list[Mention] = []
    seen: set[tuple[str, int, int]] = set()
    for claim_id in group.claim_ids:
        claim = claims.get(claim_id)
        article = articles.get(claim.article_id) if claim is not None else None
        if claim is None or article is None:
            continue
        lo, hi = claim_extent(claim, article)
        start, end = sentence_bounds(article.text, lo, max(lo + 1, hi))
        if (claim.article_id, start, end) in seen:
            continue
        seen.add((claim.article_id, start, end))
        text = " ".join(article.text[start:end].split())
        depth = start / max(1, len(article.text))
        out.append(Mention(claim, start, end, text, claim_id in added, depth))
    return out


def best_mention(mentions: Sequence[Mention]) -> Mention | None:
    """The mention to quote: not added by a rewrite, in neutral words, of a readable length, not
    opening with a pronoun, earliest in the group's order (which puts a family's origin before
    its copies)."""
    usable = [m for m in mentions if not m.added]
    if not usable:
        return None

    def rank(index: int) -> tuple[bool, bool, bool, int]:
        text = usable[index].text
        return (judges(text), not quotable_length(text), leans_on_context(text), index)

    return usable[min(range(len(usable)), key=rank)]


def judges(sentence: str) -> bool:
    """The sentence uses a loaded word or passes a verdict ("shocking", "deserve"): a summary
    quotes a neutral telling when there is one."""
    lowered = sentence.lower()
    return any(w in LOADED_WORDS for w in words(lowered)) or any(
        marker in lowered for marker in EVALUATIVE_MARKERS
    )


def quotable_length(sentence: str) -> bool:
    low, high = QUOTABLE_WORDS
    return low <= len(sentence.split()) <= high


def reads_alone(sentence: str) -> bool:
    """Of a readable length and not leaning on the sentence before it."""
    return quotable_length(sentence) and not leans_on_context(sentence)


def leans_on_context(sentence: str) -> bool:
    """The sentence begins with a word that points back ("He said", "These attacks"): it reads
    badly out of its article."""
    first = sentence.split(" ", 1)[0].strip("“\"'‘,").lower()
    return first in CONTEXT_WORDS


def cited_articles(mentions: Sequence[Mention], order: Mapping[str, int]) -> tuple[str, ...]:
    """Every article carrying the group, in the story's order."""
    ids = {m.article_id for m in mentions}
    return tuple(sorted(ids, key=lambda a: (order.get(a, len(order)), a)))

"""Lexical profiles of sentences: the words, content words, numbers and names a claim rests on.

A rewrite keeps the facts (names, figures, key nouns) while changing the words around them; these
profiles are what sentence alignment compares and what the support index is keyed by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newscheck.number_words import SCALES, TENS, UNITS

LEXICAL_SCHEME = "lexical.words-stem-s.v1"

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*(?:[.,][0-9]+)*")

STOPWORDS = frozenset(
    [
        "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "and", "or",
        "but", "nor", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
        "having", "do", "does", "did", "doing", "it", "its", "it's", "this", "that", "these",
        "those", "as", "he", "she", "they", "we", "i", "you", "his", "her", "hers", "their",
        "theirs", "our", "ours", "my", "your", "yours", "him", "them", "us", "me", "who", "whom",
        "whose", "which", "what", "when", "where", "why", "how", "will", "would", "can", "could",
        "should", "may", "might", "must", "shall", "not", "no", "yes", "than", "then", "so", "if",
        "into", "over", "under", "about", "after", "before", "during", "up", "down", "out", "off",
        "also", "there", "here", "very", "too", "just", "only", "own", "same", "such", "both",
        "each", "few", "more", "most", "other", "some", "any", "all", "again", "further", "once",
        "while", "because", "until", "said", "says", "say", "saying", "told", "tells", "according",
        "mr", "mrs", "ms", "s", "t",
    ]
)  # fmt: skip

NUMBER_WORDS = {word: str(value) for word, value in {**UNITS, **TENS}.items()} | {
    word: str(SCALES[word]) for word in ("hundred", "thousand", "million", "billion")
}
"""Number words as the digits they stand for, so "twelve" and "12" match."""


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """A light, deterministic stem: lower case, no possessive, no plural ``s`` (memoised: words
    repeat, and this runs for every word of every article)."""
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _number(token: str) -> str | None:
    if token[0].isdigit():
        return token.replace(",", "").rstrip(".")
    return NUMBER_WORDS.get(token.lower())


@dataclass(frozen=True, slots=True)
class Profile:
    """What a sentence says, lexically."""

    words: tuple[str, ...]
    """Lower-cased words in order."""
    content: frozenset[str]
    """Stems of the words that are not stopwords or numbers."""
    numbers: frozenset[str]
    names: frozenset[str]
    """Lower-cased capitalised words (not the first word unless the next is capitalised too)."""
    keys: frozenset[str] = field(init=False, repr=False, compare=False)
    """Index keys: content stems and numbers (``#`` prefix). Made once: every comparison of
    sentences and every index look-up reads them."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", self.content | {"#" + n for n in self.numbers})


_NOT_CONTENT = STOPWORDS | NUMBER_WORDS.keys()


def profile(text: str) -> Profile:
    tokens = _WORD.findall(text)
    words = tuple(t.lower() for t in tokens)
    numbers = {
        n
        for t, w in zip(tokens, words, strict=True)
        if (t[0].isdigit() or w in NUMBER_WORDS) and (n := _number(t)) is not None
    }
    content = {
        stem(w) for w in words if w not in _NOT_CONTENT and len(w) > 1 and not w[0].isdigit()
    }
    names: set[str] = set()
    for i, token in enumerate(tokens):
        if not token[0].isupper() or token.lower() in STOPWORDS:
            continue
        if i > 0 or (len(tokens) > 1 and tokens[1][0].isupper()):
            names.add(stem(token))
    return Profile(words, frozenset(content), frozenset(numbers), frozenset(names))

"""Words of a claim as comparable keys: content-word stems, numbers, and speaker names.

Stems are the first five letters of a lower-cased word after a few spelling folds ("defence" and
"defense", "encircled" and "encirclement", "Russia" and "Russian" share one), which is crude but
language-model free, deterministic and enough to compare two sentences about one event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newscheck.number_words import TENS, UNITS

STEM_LENGTH = 5

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "either",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "yet",
        "still",
        "however",
        "meanwhile",
        "although",
        "though",
        "despite",
        "amid",
        "among",
        "since",
        "per",
        "via",
        "upon",
        "onto",
        "whether",
        "may",
        "might",
        "must",
        "shall",
        "many",
        "much",
        "several",
        "another",
        "one",
        "ones",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "tell",
        "according",
        "reported",
        "reports",
        "report",
        "stated",
        "states",
        "claimed",
        "claims",
        "announced",
        "added",
        "noted",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)
"""Function words and reporting verbs: they say nothing about what a claim states."""

GENERIC_SPEAKERS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "one",
        "someone",
        "somebody",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "authorities",
        "authority",
        "company",
        "firm",
        "source",
        "sources",
        "witness",
        "witnesses",
        "people",
        "government",
        "statement",
        "report",
        "reports",
        "media",
        "outlet",
        "agency",
    ]
)
"""Speakers that name nobody in particular: as speakers they are taken as unknown."""

SPELLING = {
    "defence": "defense",
    "offence": "offense",
    "centre": "center",
    "metre": "meter",
    "metres": "meters",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    "neighbouring": "neighboring",
    "neighbour": "neighbor",
    "favour": "favor",
    "labour": "labor",
    "harbour": "harbor",
    "ceasefire": "cease-fire",
}
"""British spellings folded to one form before stemming."""

NUMBER_WORDS = {
    **{word: value for word, value in UNITS.items() if value >= 2},
    **TENS,
    "hundred": 100,
    "dozen": 12,
}
"""Number words read as values, enough to see that "Twelve people" and "12 people" agree ("one"
and "zero" are left out: "one of the", "zero tolerance")."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?")
_AGE_OR_ORDINAL = re.compile(r"^(?:-years?-old|\s+years?\s+old|st\b|nd\b|rd\b|th\b)")
_TIME_OF_DAY = re.compile(r"^\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|^[.:]\d\d", re.IGNORECASE)


def words(text: str) -> list[str]:
    """Lower-cased words, apostrophes folded and possessive endings dropped."""
    found = _WORD.findall(text.lower().replace("’", "'"))
    return [SPELLING.get(w, w) for w in (w[:-2] if w.endswith("'s") else w for w in found)]


def stem(word: str) -> str:
    return word[:STEM_LENGTH]


def content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text``, in order, repeats kept (numbers excluded)."""
    return [
        stem(w)
        for w in words(text)
        if w not in STOP_WORDS and w not in NUMBER_WORDS and not w.isdigit() and len(w) > 1
    ]


def numbers_in(text: str) -> frozenset[float]:
    """Values written in ``text`` as digits or number words, leaving out years, times of day,
    ages ("15-year-old") and ordinals: the figures two claims can agree or disagree on."""
    return frozenset(value for _, _, value in number_spans(text))


def number_spans(text: str) -> list[tuple[int, int, float]]:
    """``(start, end, value)`` of each number :func:`numbers_in` reads, in text order."""
    found: list[tuple[int, int, float]] = []
    for match in _NUMBER.finditer(text):
        after = text[match.end() : match.end() + 12]
        if _AGE_OR_ORDINAL.match(after) or _TIME_OF_DAY.match(after):
            continue
        value = float(match.group().replace(",", ""))
        if "." not in match.group() and len(match.group()) == 4 and 1800 <= value <= 2100:
            continue
        found.append((match.start(), match.end(), value))
    lowered = text.lower()
    for match in _WORD.finditer(lowered):
        word = match.group()
        after = lowered[match.end() : match.end() + 12]
        if word in NUMBER_WORDS and not _AGE_OR_ORDINAL.match(after):
            found.append((match.start(), match.end(), float(NUMBER_WORDS[word])))
    return sorted(found)


def name_stems(name: str | None) -> frozenset[str]:
    """Stems of the distinctive words of a speaker's or entity's name (titles and generic words
    left out); empty when the name says nobody in particular ("officials", "he")."""
    if not name:
        return frozenset()
    kept = [w for w in words(name) if w not in STOP_WORDS and w not in GENERIC_SPEAKERS]
    return frozenset(stem(w) for w in kept if len(w) > 1)


def names_compatible(
    first: frozenset[str],
    second: frozenset[str],
    first_context: frozenset[str] = frozenset(),
    second_context: frozenset[str] = frozenset(),
) -> bool:
    """Two speakers may be the same: either is unknown, their names share a stem, or one's name
    appears in the other's sentence ("Ingrid Halvorsen-Pike, director of the Velmouth Port
    Authority, said" is compatible with "the Velmouth Port Authority said")."""
    if not first or not second or first & second:
        return True
    # a one-word name ("Russia") is in too many sentences to tell anything by its presence
    return (len(first) > 1 and first <= second_context) or (
        len(second) > 1 and second <= first_context
    )


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Items in first-seen order without repeats."""
    return tuple(dict.fromkeys(items))

"""Reading numbers written in digits or words: "178", "1,200", "2.5 million", "forty-three"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newscheck.number_words import SCALES, TENS, UNITS

OTHER_WORDS = {"dozen": 12, "a dozen": 12, "half": 0.5, "a half": 0.5, "couple": 2, "a couple": 2}

_DIGITS = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|bn|mn)$", re.IGNORECASE)
_SUFFIX_SCALE = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}


def is_number_word(word: str) -> bool:
    """True for a word that is (part of) a number: digits, "two", "forty-three", "million"."""
    low = word.lower()
    if low in UNITS or low in TENS or low in SCALES or low in ("dozen", "dozens"):
        return True
    if _DIGITS.match(low) or _SUFFIXED.match(low):
        return True
    parts = low.split("-")
    return len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS


def parse_number(words: Sequence[str]) -> float | None:
    """The value of a number written as one or more words, or None if they are not a number.

    >>> parse_number(["2.5", "million"])
    2500000.0
    >>> parse_number(["forty-three"])
    43.0
    """
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        word = raw.lower().strip()
        if not word or word == "and":
            continue
        value = _word_value(word)
        if value is None:
            return None
        if word in SCALES:
            scale = float(SCALES[word])
            if scale >= 1000:
                total += (current or 1.0) * scale
                current = 0.0
            else:
                current = (current or 1.0) * scale
        else:
            current += value
        seen = True
    return total + current if seen else None


def _word_value(word: str) -> float | None:
    if word in SCALES:
        return float(SCALES[word])
    if word in UNITS:
        return float(UNITS[word])
    if word in TENS:
        return float(TENS[word])
    if word in ("dozen", "dozens"):
        return 12.0
    parts = word.split("-")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS:
        return float(TENS[parts[0]] + UNITS[parts[1]])
    if _DIGITS.match(word):
        return float(word.replace(",", ""))
    suffixed = _SUFFIXED.match(word)
    if suffixed:
        return float(suffixed.group(1)) * _SUFFIX_SCALE[suffixed.group(2).lower()]
    return None

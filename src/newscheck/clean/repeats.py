"""Repeated headlines and paragraphs inside one article.

- A paragraph that repeats the article's title (or the title without a " | Site" suffix) is the
  headline printed again inside the body: removed as ``repeated_headline``.
- A paragraph that repeats an earlier paragraph of the same article, exactly or nearly
  (:data:`NEAR_RATIO`, and the same numbers in the same order: "14 injured" then "15 injured" is
  an update, not a repeat), is removed and the first one kept. When the repeat is a headline-like
  line at the top (:data:`HEAD_PARAGRAPHS`) it is ``repeated_headline``, else ``repeated``.

So for a plain-text file whose first line is a slanted standfirst (the title, by the txt reader's
first-line rule) followed twice by the real headline, the real headline is kept once in the text
and its second copy is the repeated headline; the title stays what the reader chose.

Paragraphs are compared by their words only (case, punctuation and spacing ignored). Very short
paragraphs (:data:`MIN_WORDS`) are never treated as repeats: "Yes" may well be said twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from newscheck.clean.paragraphs import looks_like_headline
from newscheck.model import Removed

MIN_WORDS = 3
"""Shorter paragraphs are never removed as repeats."""

NEAR_RATIO = 92.0
"""Similarity (rapidfuzz ratio, 0-100) from which two paragraphs are the same text."""

NEAR_MIN_CHARS = 80
"""Shorter paragraphs must repeat exactly: in "autotuninglevel=normal" versus
"autotuninglevel=disabled" one word is the whole message."""

NEAR_WINDOW = 256
"""Near repeats are looked for among this many earlier paragraphs (bounds the cost)."""

HEAD_PARAGRAPHS = 3
"""A repeated headline-like line among this many first paragraphs is a repeated headline."""

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+")
_TITLE_SEPARATOR = re.compile(r"\s+[|–—·:]\s+|\s+-\s+|\s*::\s*")


def paragraph_key(text: str) -> str:
    """What a paragraph says, for comparison: its lower-cased words."""
    return " ".join(_WORD.findall(text.casefold()))


def title_keys(title: str) -> set[str]:
    """Keys of a title and of its parts around site separators ("Headline | Site")."""
    keys = {paragraph_key(title)}
    keys.update(
        paragraph_key(part)
        for part in _TITLE_SEPARATOR.split(title)
        if len(_WORD.findall(part)) >= MIN_WORDS
    )
    keys.discard("")
    return keys


def remove_repeats(title: str, paragraphs: Sequence[str]) -> tuple[list[str], list[Removed]]:
    """Paragraphs without repeated headlines and repeated paragraphs, and what was removed."""
    headline_keys = title_keys(title)
    seen: set[str] = set()
    recent: list[str] = []
    kept: list[str] = []
    removed: list[Removed] = []
    for paragraph in paragraphs:
        key = paragraph_key(paragraph)
        if key in headline_keys:
            removed.append(Removed("repeated_headline", paragraph))
            continue
        if key.count(" ") + 1 < MIN_WORDS:
            kept.append(paragraph)
            continue
        if key in seen or _near_repeat(key, recent):
            near_top = len(kept) < HEAD_PARAGRAPHS
            headline = near_top and looks_like_headline(paragraph)
            removed.append(Removed("repeated_headline" if headline else "repeated", paragraph))
            continue
        seen.add(key)
        if len(key) >= NEAR_MIN_CHARS:
            recent.append(key)
            del recent[:-NEAR_WINDOW]
        kept.append(paragraph)
    return kept, removed


def _near_repeat(key: str, earlier: list[str]) -> bool:
    if len(key) < NEAR_MIN_CHARS or not earlier:
        return False
    numbers = _NUMBER.findall(key)
    for _, _, index in process.extract_iter(
        key, earlier, scorer=fuzz.ratio, score_cutoff=NEAR_RATIO
    ):
        if _NUMBER.findall(earlier[index]) == numbers:
            return True
    return False

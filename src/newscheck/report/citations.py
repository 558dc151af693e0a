"""Which sentence of a cited article a summary sentence rests on, so a citation can land on it.

A summary sentence cites articles, not sentences. The cited sentence is the one sharing the most
content words with the summary sentence (scheme ``cite.word-overlap.v1``); ties go to the earlier
sentence, and a citation whose article shares no content word with it points at the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

CITE_SCHEME = "cite.word-overlap.v1"

_WORD = re.compile(r"\w+")
_STOP_WORDS = (  # noqa: SIM905 (a word list reads best as words)
    "a an and are as at be been but by for from had has have he her his in is it its of on or "
    "said says she that the their they this to was were which who will with"
)
_STOP = frozenset(_STOP_WORDS.split())


def content_words(text: str) -> frozenset[str]:
    return frozenset(
        w for w in (m.group().casefold() for m in _WORD.finditer(text)) if w not in _STOP
    )


def sentence_words(article: dict[str, Any]) -> list[frozenset[str]]:
    """The content words of each sentence of an article (compute once, cite many times)."""
    text: str = article["text"]
    return [content_words(text[start:end]) for start, end, *_ in article.get("sentences") or ()]


def cited_sentence(
    summary_text: str,
    article: dict[str, Any],
    words: Sequence[frozenset[str]] | None = None,
) -> int | None:
    """Index of the article's sentence that best matches ``summary_text``, or None.

    ``words``: the article's :func:`sentence_words`, when already computed."""
    wanted = content_words(summary_text)
    best, best_score = None, 0.0
    for index, sentence in enumerate(words if words is not None else sentence_words(article)):
        shared = len(wanted & sentence)
        if not shared:
            continue
        # Overlap relative to both sizes: a long sentence does not win by being long.
        score = shared / (len(wanted) + len(sentence)) ** 0.5
        if score > best_score:
            best, best_score = index, score
    return best


def sentence_at(sentences: Sequence[Sequence[int]], offset: int) -> int | None:
    """Index of the sentence holding character ``offset``, or None (sentences in text order)."""
    index = bisect_right(sentences, offset, key=lambda s: s[0]) - 1
    if index >= 0 and sentences[index][0] <= offset < sentences[index][1]:
        return index
    return None

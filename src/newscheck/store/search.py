"""Turning what a user typed into a safe full-text query, and search hits into plain results.

A query is never handed to the database's query language as typed: it is cut into words, and each
word becomes a quoted phrase (FTS5) or plain text (PostgreSQL ``plainto_tsquery``), so quotes,
``OR``, ``NEAR(``, ``*``, ``^`` and column filters are only ever words to look for. All words must
occur (AND).

Snippets come back as plain text plus highlight offsets, never as markup, so a web page or a
terminal can show them without escaping trouble.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

MAX_QUERY_WORDS = 32
MAX_LIMIT = 1000

HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"
"""Private-use characters the database wraps matches in; removed before results leave the store."""

ELLIPSIS = "…"

_WORD = re.compile(r"\w+")


def query_words(query: str) -> list[str]:
    """The words of a query, in order, without repeats; punctuation and operators dropped."""
    words: list[str] = []
    seen: set[str] = set()
    for match in _WORD.finditer(query):
        word = match.group()
        if word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
            if len(words) == MAX_QUERY_WORDS:
                break
    return words


def fts5_query(words: Sequence[str]) -> str:
    """An FTS5 MATCH expression in which every word is a quoted phrase (implicit AND)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def plain_query(words: Sequence[str]) -> str:
    """Text for PostgreSQL's ``plainto_tsquery``, which parses no operators at all."""
    return " ".join(words)


def clamp_limit(limit: int) -> int:
    return max(0, min(int(limit), MAX_LIMIT))


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str
    highlights: tuple[tuple[int, int], ...]
    """(start, end) offsets of the matched words within ``text``."""


def parse_snippet(marked: str) -> Snippet:
    """Take the highlight marks out of a database snippet and keep where they were."""
    text: list[str] = []
    highlights: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for piece in re.split(f"([{HIGHLIGHT_START}{HIGHLIGHT_END}])", marked):
        if piece == HIGHLIGHT_START:
            start = length
        elif piece == HIGHLIGHT_END:
            if start is not None and length > start:
                highlights.append((start, length))
            start = None
        else:
            text.append(piece)
            length += len(piece)
    return Snippet("".join(text), tuple(highlights))


def search_hit(
    kind: str, hit_id: str, article_id: str, title: str | None, marked: str, score: float
) -> dict[str, object]:
    """One search result as the web app and the CLI show it."""
    snippet = parse_snippet(marked)
    return {
        "kind": kind,
        "id": hit_id,
        "article_id": article_id,
        "title": title,
        "snippet": snippet.text,
        "highlights": [list(span) for span in snippet.highlights],
        "score": float(score),
    }

"""Quoted stretches of a text: which characters lie between an opening and a closing quote mark.

Curly quotes pair by direction; straight double quotes pair in order within a paragraph. A quote
that never closes ends at its paragraph's end, so a stray mark cannot swallow the whole article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
QUOTE_MARKS = frozenset(OPENING + CLOSING + STRAIGHT + "‘’'")

MAX_QUOTE_CHARS = 3000
"""A longer "quote" is a stray mark, not a quotation."""


@dataclass(frozen=True, slots=True)
class QuoteIndex:
    """The quoted regions ``[start, end)`` of one text (marks included), sorted and disjoint."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> QuoteIndex:
        regions = _regions(text)
        return cls(tuple(s for s, _ in regions), tuple(e for _, e in regions))

    def region_at(self, offset: int) -> tuple[int, int] | None:
        """The quoted region containing the character at ``offset``, if any."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.ends[i]:
            return self.starts[i], self.ends[i]
        return None

    def inside(self, offset: int) -> bool:
        return self.region_at(offset) is not None

    def __len__(self) -> int:
        return len(self.starts)


_MARKS_AND_BREAKS = re.compile(r'[“”«»„"]|\n[ \t]*\n')


def _regions(text: str) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    open_mark = ""
    for match in _MARKS_AND_BREAKS.finditer(text):
        mark, i = match.group(), match.start()
        if mark[0] == "\n":
            # a paragraph break closes an unclosed quote (multi-paragraph quotes reopen anyway)
            if open_at is not None:
                _add(regions, open_at, i)
                open_at = None
        elif open_at is None:
            if mark in OPENING or mark == STRAIGHT:
                open_at, open_mark = i, mark
        elif (mark == STRAIGHT) == (open_mark == STRAIGHT) and mark not in OPENING:
            _add(regions, open_at, i + 1)
            open_at = None
    if open_at is not None:
        _add(regions, open_at, len(text))
    return regions


def _add(regions: list[tuple[int, int]], start: int, end: int) -> None:
    if 1 < end - start <= MAX_QUOTE_CHARS:
        regions.append((start, end))

"""Token runs to character spans: trimming separators and measuring offsets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

EDGE = frozenset(" \t\n\r\xa0,;:–—-")
"""Characters a span does not start or end with."""


def trim(tokens: Iterable[Token]) -> list[Token]:
    """Sorted tokens without leading or trailing spaces and separators."""
    ordered = sorted(tokens, key=lambda t: t.i)
    while ordered and (ordered[0].is_space or ordered[0].text in EDGE):
        ordered.pop(0)
    while ordered and (ordered[-1].is_space or ordered[-1].text in EDGE or ordered[-1].text == "."):
        ordered.pop()
    return ordered


def char_range(doc: Doc, tokens: Sequence[Token]) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)

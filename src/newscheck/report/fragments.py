"""Article text cut into paragraphs and sentences with highlight marks, ready for a template.

Renderers never build HTML from article text by hand: they get plain pieces of text plus the
names of the marks on them, and the template escapes every piece.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    marks: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SentenceView:
    index: int
    pieces: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class ParagraphView:
    sentences: tuple[SentenceView, ...]


def cut(
    text: str, start: int, end: int, marks: Sequence[tuple[int, int, str]]
) -> tuple[Piece, ...]:
    """Split ``text[start:end]`` at mark boundaries; each piece carries the marks covering it."""
    bounds = {start, end}
    for m_start, m_end, _ in marks:
        if m_end > start and m_start < end:
            bounds.add(max(m_start, start))
            bounds.add(min(m_end, end))
    edges = sorted(bounds)
    pieces = []
    for left, right in zip(edges, edges[1:], strict=False):
        names = tuple(sorted({name for s, e, name in marks if s <= left and e >= right}))
        pieces.append(Piece(text[left:right], names))
    return tuple(pieces)


def paragraphs(
    text: str,
    sentences: Sequence[Sequence[int]],
    marks: Sequence[tuple[int, int, str]] = (),
    sentence_marks: Mapping[int, str] | None = None,
) -> tuple[ParagraphView, ...]:
    """Group sentence spans ``[start, end, paragraph]`` into paragraphs of marked pieces.

    ``sentence_marks`` marks whole sentences by index (e.g. "added", "copied")."""
    sentence_marks = sentence_marks or {}
    by_paragraph: dict[int, list[SentenceView]] = {}
    for index, (start, end, paragraph) in enumerate(sentences):
        extra = [(start, end, sentence_marks[index])] if index in sentence_marks else []
        pieces = cut(text, start, end, [*marks, *extra])
        by_paragraph.setdefault(paragraph, []).append(SentenceView(index, pieces))
    return tuple(ParagraphView(tuple(s)) for _, s in sorted(by_paragraph.items()))

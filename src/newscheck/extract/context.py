"""What claims are made from, for one article: its text, parsed chunks, entities, figures and
attributions."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newscheck.model import Article, Attribution, Entity, Figure, Segmentation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from newscheck.extract.lemmas import Lemmas


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """Everything claims are made from, for one article."""

    article: Article
    segmentation: Segmentation | None
    docs: tuple[tuple[int, int, Doc], ...]
    """(start, end, parsed chunk) of each chunk of the article text, in order."""
    entities: tuple[Entity, ...]
    figures: tuple[Figure, ...]
    attributions: tuple[Attribution, ...]
    lemmas: Lemmas

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> Span | None:
        """The parsed tokens covering ``[start, end)`` (within one chunk)."""
        index = bisect.bisect_right(self._starts, start) - 1
        if index < 0:
            return None
        offset, chunk_end, doc = self.docs[index]
        if start >= chunk_end:
            return None
        return doc.char_span(start - offset, min(end, chunk_end) - offset, alignment_mode="expand")

    @property
    def _starts(self) -> list[int]:
        return [start for start, _, _ in self.docs]

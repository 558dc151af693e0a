"""Cross-checking results: who carries each claim group, the story's figures and who gives them,
framing changes made by rewrites, each story's timeline and where its summary is read.

Stored like the other derived results (see :mod:`~newscheck.store.results`): claim support and
framing are replaced as whole sets, like the claim groups and links they belong to; figure checks,
timelines and citations one story at a time, like conflicts and summaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newscheck.model import ClaimSupport, FigureCheck, Framing, SummaryCitation, TimelineEntry
from newscheck.store.results import DerivedResults
from newscheck.store.tables import CITATIONS, CLAIM_SUPPORT, FIGURE_CHECKS, FRAMING, TIMELINE


class CrossCheckResults(DerivedResults):
    """The replace / read pairs of the store interface for cross-checking results."""

    def replace_claim_support(self, supports: Sequence[ClaimSupport]) -> None:
        self._replace("claim support", CLAIM_SUPPORT, supports)

    def claim_support(self, group_ids: Iterable[str] | None = None) -> list[ClaimSupport]:
        if group_ids is None:
            return self._read("claim support", CLAIM_SUPPORT)
        return self._read_in("claim support", CLAIM_SUPPORT, ("group_id",), group_ids)

    def replace_figure_checks(self, story_id: str, checks: Sequence[FigureCheck]) -> None:
        self._replace("figure checks", FIGURE_CHECKS, checks, story_id=story_id)

    def figure_checks(self, story_id: str | None = None) -> list[FigureCheck]:
        return self._read_story("figure checks", FIGURE_CHECKS, story_id)

    def replace_framing(self, framing: Sequence[Framing]) -> None:
        self._replace("framing", FRAMING, framing)

    def framing(self, derived: Iterable[str] | None = None) -> list[Framing]:
        if derived is None:
            return self._read("framing", FRAMING)
        return self._read_in("framing", FRAMING, ("derived",), derived)

    def replace_timeline(self, story_id: str, entries: Sequence[TimelineEntry]) -> None:
        self._replace("timeline", TIMELINE, entries, story_id=story_id)

    def timeline(self, story_id: str | None = None) -> list[TimelineEntry]:
        return self._read_story("timeline", TIMELINE, story_id)

    def replace_citations(self, story_id: str, citations: Sequence[SummaryCitation]) -> None:
        self._replace("citations", CITATIONS, citations, story_id=story_id)

    def citations(self, story_id: str | None = None) -> list[SummaryCitation]:
        return self._read_story("citations", CITATIONS, story_id)

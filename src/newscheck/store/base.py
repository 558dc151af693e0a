"""The store interface the pipeline, the CLI and the web app use, whatever the backend.

Writes are batches: each call that writes is one transaction, so a crash loses nothing already
committed and never leaves half a batch. Articles are added, never changed (ids are content
hashes, so adding the same article again adds nothing). Derived results (links, families, stories,
claims, claim support, figure checks, ...) are replaced as a whole set for their scope, atomically,
so a reader sees the old set or the new one and never a mix.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Self

from newscheck.model import (
    Article,
    Claim,
    ClaimGroup,
    ClaimSupport,
    Conflict,
    Family,
    FigureCheck,
    Framing,
    Link,
    Rejection,
    Segmentation,
    Story,
    SummaryCitation,
    SummarySentence,
    TimelineEntry,
)


class Store(ABC):
    """A newscheck database. Use as a context manager, or call :meth:`close`."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection. Closing twice is harmless; any other use afterwards raises."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ runs

    @abstractmethod
    def begin_run(self, inputs: Sequence[str], options: Mapping[str, object]) -> str:
        """Record the start of a run (status ``running``) and return its id."""

    @abstractmethod
    def finish_run(self, run_id: str, status: str, counts: Mapping[str, int]) -> None:
        """Record how a run ended (``done``, ``failed``, ...) and what it counted."""

    @abstractmethod
    def runs(self) -> list[dict[str, object]]:
        """Every run, oldest first: id, started_at, finished_at (ISO-8601 UTC text or None),
        status, inputs (list), options (dict), counts (dict)."""

    # ------------------------------------------------------------------ articles

    @abstractmethod
    def add_articles(
        self, run_id: str, articles: Sequence[Article], segmentations: Sequence[Segmentation]
    ) -> list[str]:
        """Add a batch in one transaction; return the ids that were not stored before, in order.

        An article already stored (same id) is left as it is, and so is its segmentation. A
        segmentation must belong to an article of the batch or of the store.
        """

    @abstractmethod
    def add_rejections(self, run_id: str, rejections: Sequence[Rejection]) -> None:
        """Record a run's rejections; the same rejection twice in one run is stored once."""

    @abstractmethod
    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Articles in ingest order (all, or those of ``ids`` that exist), read a page at a time."""

    @abstractmethod
    def article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def article_count(self) -> int: ...

    @abstractmethod
    def segmentations(self, ids: Iterable[str] | None = None) -> dict[str, Segmentation]:
        """Segmentations by article id (all, or those of ``ids`` that exist)."""

    @abstractmethod
    def rejections(self, run_id: str | None = None) -> list[Rejection]:
        """Rejections of one run, or of every run (oldest run first), in the order recorded."""

    # ------------------------------------------------------------------ derived results

    @abstractmethod
    def replace_links(self, links: Sequence[Link]) -> None: ...

    @abstractmethod
    def links(self, article_ids: Iterable[str] | None = None) -> list[Link]:
        """Links in the order stored: all, or those whose derived article or origin is one of
        ``article_ids`` (each link once)."""

    @abstractmethod
    def replace_families(self, families: Sequence[Family]) -> None: ...

    @abstractmethod
    def families(self, story_id: str | None = None) -> list[Family]:
        """Families in the order stored: all, or those of one story."""

    @abstractmethod
    def replace_stories(self, stories: Sequence[Story]) -> None: ...

    @abstractmethod
    def stories(self, ids: Iterable[str] | None = None) -> list[Story]:
        """Stories in the order stored: all, or those of ``ids`` that exist."""

    @abstractmethod
    def replace_claims(self, claims: Sequence[Claim]) -> None: ...

    @abstractmethod
    def claims(self, article_ids: Iterable[str] | None = None) -> list[Claim]:
        """Claims in the order stored (all, or those made in ``article_ids``)."""

    @abstractmethod
    def replace_claim_groups(self, groups: Sequence[ClaimGroup]) -> None: ...

    @abstractmethod
    def claim_groups(self, story_id: str | None = None) -> list[ClaimGroup]: ...

    @abstractmethod
    def replace_conflicts(self, story_id: str, conflicts: Sequence[Conflict]) -> None:
        """Replace one story's conflicts; other stories' are kept."""

    @abstractmethod
    def conflicts(self, story_id: str | None = None) -> list[Conflict]:
        """One story's conflicts, or every story's (grouped by story id)."""

    @abstractmethod
    def replace_summary(self, story_id: str, sentences: Sequence[SummarySentence]) -> None:
        """Replace one story's summary; other stories' are kept."""

    @abstractmethod
    def summary(self, story_id: str) -> list[SummarySentence]: ...

    # ------------------------------------------------------------------ cross-checking results

    @abstractmethod
    def replace_claim_support(self, supports: Sequence[ClaimSupport]) -> None:
        """Replace the whole set (one per claim group, like :meth:`replace_claim_groups`)."""

    @abstractmethod
    def claim_support(self, group_ids: Iterable[str] | None = None) -> list[ClaimSupport]:
        """Claim support in the order stored: all, or that of the claim groups ``group_ids``."""

    @abstractmethod
    def replace_figure_checks(self, story_id: str, checks: Sequence[FigureCheck]) -> None:
        """Replace one story's figure checks (each must be of that story); others are kept."""

    @abstractmethod
    def figure_checks(self, story_id: str | None = None) -> list[FigureCheck]:
        """One story's figure checks, or every story's (grouped by story id)."""

    @abstractmethod
    def replace_framing(self, framing: Sequence[Framing]) -> None:
        """Replace the whole set (framing belongs to links, which are replaced as a whole)."""

    @abstractmethod
    def framing(self, derived: Iterable[str] | None = None) -> list[Framing]:
        """Framing in the order stored: all, or that of the derived articles ``derived``."""

    @abstractmethod
    def replace_timeline(self, story_id: str, entries: Sequence[TimelineEntry]) -> None:
        """Replace one story's timeline (each entry must be of that story); others are kept."""

    @abstractmethod
    def timeline(self, story_id: str | None = None) -> list[TimelineEntry]:
        """One story's timeline, or every story's (grouped by story id)."""

    @abstractmethod
    def replace_citations(self, story_id: str, citations: Sequence[SummaryCitation]) -> None:
        """Replace one story's summary citations (each must be of that story); others are kept."""

    @abstractmethod
    def citations(self, story_id: str | None = None) -> list[SummaryCitation]:
        """One story's summary citations, or every story's (grouped by story id)."""

    # ------------------------------------------------------------------ text vectors

    @property
    def persistent(self) -> bool:
        """Whether what is written outlives this store object (not an in-memory database)."""
        return True

    @abstractmethod
    def text_vectors(self, scheme: str, text_hashes: Iterable[str]) -> dict[str, bytes]:
        """The stored vectors (raw bytes) of those of ``text_hashes`` that have one under
        ``scheme``: a cache of embeddings, so that a later run does not compute them again."""

    @abstractmethod
    def add_text_vectors(self, scheme: str, vectors: Mapping[str, bytes]) -> None:
        """Keep ``vectors`` (text hash -> raw bytes) under ``scheme``; a hash already stored
        keeps its first vector."""

    @abstractmethod
    def text_vector_count(self, scheme: str) -> int: ...

    # ------------------------------------------------------------------ linked parts

    @abstractmethod
    def linked_part(self, key: str) -> tuple[Link, ...] | None:
        """The links kept for a part of a windowed link stage under ``key``
        (:func:`newscheck.link.window.part_key`), or None: a cache, so that a later run does
        not link that part again."""

    @abstractmethod
    def keep_linked_part(self, key: str, links: Sequence[Link]) -> None:
        """Keep a part's ``links`` under ``key``; a key stored already keeps its first links."""

    @abstractmethod
    def keep_only_linked_parts(self, keys: Iterable[str]) -> None:
        """Forget the links of every part whose key is not in ``keys``."""

    # ------------------------------------------------------------------ search

    @abstractmethod
    def search(self, query: str, limit: int = 20) -> list[dict[str, object]]:
        """Full-text search over article titles and texts and over claims, best first.

        The query is plain words (all must occur); operators and quotes in it are only words.
        Each hit: kind ("article" or "claim"), id, article_id, title, snippet (plain text),
        highlights ([start, end] offsets of matches in the snippet), score (higher is better;
        comparable within one backend only).
        """

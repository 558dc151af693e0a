"""How records map to table rows, the same for every backend.

Each stored record kind has one table with one column per dataclass field, in field order, named
after the field (``index``, ``start``, ``end``, ``when`` and ``where`` are SQL keywords and become
``idx``, ``start_char``, ``end_char``, ``when_at`` and ``where_in``). Values are encoded as plain
scalars any SQL database holds (see :mod:`newscheck.store.codec`): timestamps as ISO-8601 UTC
text, booleans as 0/1, nested records and tuples as JSON text. A tuple of member ids that the web
app queries by member (``Story.article_ids``) is stored as rows of a :class:`MemberTable` instead
(see ``elsewhere``); a long tuple of small records (``Link.pairs``) as a :class:`Compact` array of
arrays.

Columns are derived from the dataclass fields, so a field added to a top-level record in
``model.py`` needs a column, added by a new migration (see ``store/README.md``); the store checks
this when it opens and names the missing column.
"""

from __future__ import annotations

import operator
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast

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
    Paragraph,
    Rejection,
    Segmentation,
    Sentence,
    Story,
    SummaryCitation,
    SummarySentence,
    TimelineEntry,
)
from newscheck.store.codec import (
    Compact,
    Convert,
    column_decoder,
    column_encoder,
    field_hints,
    without_none,
)

R = TypeVar("R")

RENAMED_COLUMNS = {
    "index": "idx",
    "start": "start_char",
    "end": "end_char",
    "when": "when_at",
    "where": "where_in",
}
"""Field names that are SQL keywords, and the column each is stored in."""


def column_name(field_name: str) -> str:
    return RENAMED_COLUMNS.get(field_name, field_name)


@dataclass(frozen=True, slots=True)
class RecordTable(Generic[R]):
    """One record kind stored as rows of one table: a column per field, in field order."""

    record: type[R]
    table: str
    elsewhere: tuple[str, ...] = ()
    """Fields stored in member tables; the store passes their values to :meth:`decode`."""
    compact: tuple[Compact, ...] = ()
    """Tuple fields stored as arrays of arrays rather than arrays of objects."""
    fields: tuple[str, ...] = field(init=False)
    """The fields stored in this table's columns, in field order."""
    columns: tuple[str, ...] = field(init=False)
    _values: Callable[[Any], tuple[Any, ...]] = field(init=False, repr=False, compare=False)
    _encoders: tuple[Convert | None, ...] = field(init=False, repr=False, compare=False)
    _decoders: tuple[Convert | None, ...] = field(init=False, repr=False, compare=False)
    _plain: bool = field(init=False, repr=False, compare=False)
    """Every column takes its field's value as it is (paragraphs, sentences): no conversion."""

    def __post_init__(self) -> None:
        # Worked out once per table: encoding runs for every sentence of every article, decoding
        # for every row a reader reads.
        hints = field_hints(cast(type, self.record))
        fields = tuple(name for name in hints if name not in self.elsewhere)
        getter = operator.attrgetter(*fields)
        values = getter if len(fields) > 1 else lambda record: (getter(record),)
        compact = {c.field: c for c in self.compact}
        encoders = tuple(
            compact[n].encoder(hints[n]) if n in compact else column_encoder(hints[n])
            for n in fields
        )
        decoders = tuple(
            compact[n].decoder(hints[n]) if n in compact else column_decoder(hints[n])
            for n in fields
        )
        object.__setattr__(self, "fields", fields)
        object.__setattr__(self, "columns", tuple(column_name(name) for name in fields))
        object.__setattr__(self, "_values", values)
        object.__setattr__(self, "_encoders", encoders)
        object.__setattr__(self, "_decoders", decoders)
        object.__setattr__(self, "_plain", not any(encoders))

    def encode(self, record: R) -> tuple[object, ...]:
        if self._plain:
            return self._values(record)
        return tuple(
            value if encode is None else encode(value)
            for value, encode in zip(self._values(record), self._encoders, strict=True)
        )

    def decode(self, values: Sequence[object], **elsewhere: object) -> R:
        decoded = [
            value if decode is None else decode(value)
            for value, decode in zip(values, self._decoders, strict=True)
        ]
        if not self.elsewhere:
            return self.record(*decoded)  # the columns are every field, in field order
        known: dict[str, Any] = dict(zip(self.fields, decoded, strict=True))
        known.update(elsewhere)
        return self.record(**known)

    def missing_in_layouts(self) -> list[str]:
        """``Record.field (in table.column)`` for each nested field no compact layout holds."""
        hints = field_hints(cast(type, self.record))
        return [
            f"{_item_name(hints[c.field])}.{name} (in {self.table}.{column_name(c.field)})"
            for c in self.compact
            for name in c.missing(_item_type(hints[c.field]))
        ]


def _item_type(hint: object) -> type:
    (item, *_) = typing.get_args(without_none(hint))
    return cast(type, item)


def _item_name(hint: object) -> str:
    return _item_type(hint).__name__


@dataclass(frozen=True, slots=True)
class MemberTable:
    """An ordered tuple of ids stored one row each, so it can be queried by member."""

    table: str
    owner: str
    """Column holding the owning record's id."""
    member: str
    """Column holding one member id."""


ARTICLES = RecordTable(Article, "articles")
SEGMENTATIONS = RecordTable(Segmentation, "segmentations", elsewhere=("paragraphs", "sentences"))
PARAGRAPHS = RecordTable(Paragraph, "paragraphs")
SENTENCES = RecordTable(Sentence, "sentences")
REJECTIONS = RecordTable(Rejection, "rejections")
PAIRS = Compact("pairs", ("derived_sentence", "origin_sentence", "score", "relation"))
"""Link.pairs: a link of two long articles has many pairs, and the web app reads every link."""

LINKS = RecordTable(Link, "links", compact=(PAIRS,))
FAMILIES = RecordTable(Family, "families", elsewhere=("article_ids",))
STORIES = RecordTable(Story, "stories", elsewhere=("article_ids",))
CLAIMS = RecordTable(Claim, "claims")
CLAIM_GROUPS = RecordTable(ClaimGroup, "claim_groups", elsewhere=("claim_ids",))
CONFLICTS = RecordTable(Conflict, "conflicts")
SUMMARY_SENTENCES = RecordTable(SummarySentence, "summary_sentences")
CLAIM_SUPPORT = RecordTable(ClaimSupport, "claim_support")
FIGURE_CHECKS = RecordTable(FigureCheck, "figure_checks")
FRAMING = RecordTable(Framing, "framing")
TIMELINE = RecordTable(TimelineEntry, "timeline_entries")
CITATIONS = RecordTable(SummaryCitation, "summary_citations")

FAMILY_ARTICLES = MemberTable("family_articles", owner="family_id", member="article_id")
STORY_ARTICLES = MemberTable("story_articles", owner="story_id", member="article_id")
CLAIM_GROUP_CLAIMS = MemberTable("claim_group_claims", owner="group_id", member="claim_id")

RECORD_TABLES: tuple[RecordTable[Any], ...] = (
    ARTICLES,
    SEGMENTATIONS,
    PARAGRAPHS,
    SENTENCES,
    REJECTIONS,
    LINKS,
    FAMILIES,
    STORIES,
    CLAIMS,
    CLAIM_GROUPS,
    CONFLICTS,
    SUMMARY_SENTENCES,
    CLAIM_SUPPORT,
    FIGURE_CHECKS,
    FRAMING,
    TIMELINE,
    CITATIONS,
)
"""Every record table; the store checks at open that each has a column for every field."""

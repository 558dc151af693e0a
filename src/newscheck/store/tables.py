"""How records map to table rows, the same for every backend.

Each stored record kind has one table with one column per dataclass field, in field order, named
after the field (``index``, ``start`` and ``end`` are SQL keywords and become ``idx``,
``start_char`` and ``end_char``). Values are encoded so that any SQL database holds them as plain
scalars:

- ``datetime`` -> ISO-8601 text in UTC with microseconds (``2025-03-12T10:00:00.000000Z``), which
  sorts as time does; a naive datetime is taken to be UTC. Read back UTC-aware.
- ``bool`` -> 0/1 (an INTEGER column in both SQLite and PostgreSQL).
- nested records and tuples (``Article.removed``, ``Link.pairs``, ``Claim.figures``) -> JSON text.
  Nested records are decoded by their field names, so a new field with a default on a nested record
  needs no migration: old rows read back with the default.
- a tuple of member ids that the web app queries by member (``Story.article_ids``) is stored as
  rows of a :class:`MemberTable` instead (see ``elsewhere``).

Columns are derived from the dataclass fields, so a field added to a top-level record in
``model.py`` needs a column, added by a new migration (see ``store/README.md``); the store checks
this when it opens and names the missing column.
"""

from __future__ import annotations

import dataclasses
import json
import operator
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache, partial
from typing import Any, Generic, TypeVar, cast

from newscheck.model import (
    Article,
    Claim,
    ClaimGroup,
    Conflict,
    Family,
    Link,
    Paragraph,
    Rejection,
    Segmentation,
    Sentence,
    Story,
    SummarySentence,
)

R = TypeVar("R")

RENAMED_COLUMNS = {"index": "idx", "start": "start_char", "end": "end_char"}
"""Field names that are SQL keywords, and the column each is stored in."""


def column_name(field_name: str) -> str:
    return RENAMED_COLUMNS.get(field_name, field_name)


def format_timestamp(moment: datetime) -> str:
    """ISO-8601 in UTC, fixed width, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    utc = moment.astimezone(UTC).replace(tzinfo=None)
    return utc.isoformat(timespec="microseconds") + "Z"


def parse_timestamp(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def to_json(value: object) -> object:
    """A record, tuple or scalar as JSON-ready values (records become objects by field name)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, datetime):
        return format_timestamp(value)
    return value


def from_json(value: object, hint: object) -> object:
    """Inverse of :func:`to_json`, guided by the field's type hint."""
    if value is None:
        return None
    target = _without_none(hint)
    if typing.get_origin(target) is tuple:
        (item_hint, *_) = typing.get_args(target)
        return tuple(from_json(item, item_hint) for item in _as_list(value))
    if isinstance(target, type) and dataclasses.is_dataclass(target):
        if not isinstance(value, dict):
            raise ValueError(f"expected an object for {target.__name__}, got {value!r}")
        hints = _field_hints(target)
        known = {name: from_json(value[name], hints[name]) for name in hints if name in value}
        return target(**known)
    return _scalar(value, target)


def to_column(value: object) -> object:
    """A field value as a scalar any SQL database stores."""
    if value is None or isinstance(value, str | float) or type(value) is int:
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return format_timestamp(value)
    return json.dumps(
        to_json(value), ensure_ascii=False, separators=(",", ":"), default=_json_scalar
    )


def _json_scalar(value: object) -> object:
    # numpy scalars (a float32 score, an int64 index) have .item(); json refuses them otherwise.
    item = getattr(value, "item", None)
    if callable(item):
        return item()
    raise TypeError(f"cannot store a {type(value).__name__} value")


def from_column(value: object, hint: object) -> object:
    if value is None:
        return None
    target = _without_none(hint)
    if typing.get_origin(target) is tuple or (
        isinstance(target, type) and dataclasses.is_dataclass(target)
    ):
        if not isinstance(value, str):
            raise ValueError(f"expected JSON text, got {type(value).__name__}")
        return from_json(json.loads(value), target)
    return _scalar(value, target)


def _scalar(value: object, target: object) -> object:
    if target is datetime and isinstance(value, str):
        return parse_timestamp(value)
    if target is bool:
        return bool(value)
    if target is float and isinstance(value, int | float):
        return float(value)
    return value


def _as_list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list, got {value!r}")
    return value


def _without_none(hint: object) -> object:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        rest = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return hint


@cache
def _field_hints(record: type) -> dict[str, object]:
    """Resolved type hints of a dataclass's fields, in field order."""
    resolved = typing.get_type_hints(record)
    return {f.name: resolved[f.name] for f in dataclasses.fields(record)}


Convert = Callable[[Any], Any] | None
"""How one field's value is converted on its way to or from a column; None: stored as it is."""


def _optional(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


def column_encoder(hint: object) -> Convert:
    target = _without_none(hint)
    if target in (str, int, float) or typing.get_origin(target) is typing.Literal:
        return None
    if target is bool:
        return _optional(int)  # PostgreSQL will not put a boolean into an INTEGER column
    return to_column


def column_decoder(hint: object) -> Convert:
    target = _without_none(hint)
    if target in (str, int, float) or typing.get_origin(target) is typing.Literal:
        return None  # REAL / DOUBLE PRECISION columns already read back as float
    return partial(from_column, hint=hint)


@dataclass(frozen=True, slots=True)
class RecordTable(Generic[R]):
    """One record kind stored as rows of one table: a column per field, in field order."""

    record: type[R]
    table: str
    elsewhere: tuple[str, ...] = ()
    """Fields stored in member tables; the store passes their values to :meth:`decode`."""
    fields: tuple[str, ...] = field(init=False)
    """The fields stored in this table's columns, in field order."""
    columns: tuple[str, ...] = field(init=False)
    _values: Callable[[Any], tuple[Any, ...]] = field(init=False, repr=False, compare=False)
    _encoders: tuple[Convert, ...] = field(init=False, repr=False, compare=False)
    _decoders: tuple[Convert, ...] = field(init=False, repr=False, compare=False)
    _plain: bool = field(init=False, repr=False, compare=False)
    """Every column takes its field's value as it is (paragraphs, sentences): no conversion."""

    def __post_init__(self) -> None:
        # Worked out once per table: encoding runs for every sentence of every article.
        hints = _field_hints(cast(type, self.record))
        fields = tuple(name for name in hints if name not in self.elsewhere)
        getter = operator.attrgetter(*fields)
        values = getter if len(fields) > 1 else lambda record: (getter(record),)
        object.__setattr__(self, "fields", fields)
        object.__setattr__(self, "columns", tuple(column_name(name) for name in fields))
        object.__setattr__(self, "_values", values)
        object.__setattr__(self, "_encoders", tuple(column_encoder(hints[n]) for n in fields))
        object.__setattr__(self, "_decoders", tuple(column_decoder(hints[n]) for n in fields))
        object.__setattr__(self, "_plain", not any(self._encoders))

    def encode(self, record: R) -> tuple[object, ...]:
        if self._plain:
            return self._values(record)
        return tuple(
            value if encode is None else encode(value)
            for value, encode in zip(self._values(record), self._encoders, strict=True)
        )

    def decode(self, values: Sequence[object], **elsewhere: object) -> R:
        known: dict[str, Any] = {
            name: value if decode is None else decode(value)
            for name, value, decode in zip(self.fields, values, self._decoders, strict=True)
        }
        known.update(elsewhere)
        return self.record(**known)


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
LINKS = RecordTable(Link, "links")
FAMILIES = RecordTable(Family, "families", elsewhere=("article_ids",))
STORIES = RecordTable(Story, "stories", elsewhere=("article_ids",))
CLAIMS = RecordTable(Claim, "claims")
CLAIM_GROUPS = RecordTable(ClaimGroup, "claim_groups", elsewhere=("claim_ids",))
CONFLICTS = RecordTable(Conflict, "conflicts")
SUMMARY_SENTENCES = RecordTable(SummarySentence, "summary_sentences")

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
)
"""Every record table; the store checks at open that each has a column for every field."""

"""Records as flat columns: the column of each dataclass field and its value, for every format.

Columns follow the dataclass fields of :mod:`newscheck.model` in order, so an export follows the
records as they grow. Nested records and tuples (``Article.removed``, ``Link.added``,
``Story.article_ids``, ``Claim.figures``) stay nested where the format can hold it (Parquet lists
and structs, JSON arrays and objects) and become JSON text in CSV. Datetimes are UTC.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import UTC, datetime
from functools import cache
from typing import Any, Literal


def field_hints(record_type: type) -> dict[str, Any]:
    """Resolved type hints of a record's fields, in field order."""
    hints = _hints(record_type)
    return {f.name: hints[f.name] for f in dataclasses.fields(record_type)}


@cache
def _hints(record_type: type) -> dict[str, Any]:
    return typing.get_type_hints(record_type)


def without_none(hint: Any) -> tuple[Any, bool]:
    """``X | None`` -> (X, True); anything else -> (itself, False)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        return (args[0] if len(args) == 1 else str), optional
    return hint, False


def is_literal(hint: Any) -> bool:
    return typing.get_origin(hint) is Literal


def utc(moment: datetime) -> datetime:
    """An aware UTC datetime (a naive one is taken to be UTC, as the store does)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def nested(value: object) -> object:
    """A field value with records as dicts and tuples as lists (datetimes kept)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: nested(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [nested(item) for item in value]
    if isinstance(value, datetime):
        return utc(value)
    return value


def json_ready(value: object) -> object:
    """A field value as JSON values: records as objects, datetimes as ISO-8601 text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: json_ready(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [json_ready(item) for item in value]
    if isinstance(value, datetime):
        return utc(value).isoformat()
    return value


def csv_cell(value: object) -> str:
    """A field value as one CSV cell: nested values as JSON, None as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return utc(value).isoformat()
    if isinstance(value, str | int | float):
        return str(value)
    return json.dumps(json_ready(value), ensure_ascii=False, separators=(",", ":"))

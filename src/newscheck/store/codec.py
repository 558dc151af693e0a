"""Field values <-> column values, with the conversions worked out once per type hint.

- ``datetime`` -> ISO-8601 text in UTC with microseconds (``2025-03-12T10:00:00.000000Z``), which
  sorts as time does; a naive datetime is taken to be UTC. Read back UTC-aware.
- ``bool`` -> 0/1 (an INTEGER column in both SQLite and PostgreSQL).
- nested records and tuples -> JSON text; nested records as objects by field name, so a new field
  with a default needs no migration (old rows read back with the default), or, for a tuple named
  in a :class:`Compact` layout, as arrays of values.

Decoding runs for every stored row the web app reads, so each type hint is turned once into a
plain function (:func:`json_decoder`) instead of being inspected again for every value.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import operator
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

Convert = Callable[[Any], Any]


def format_timestamp(moment: datetime) -> str:
    """ISO-8601 in UTC, fixed width, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    utc = moment.astimezone(UTC).replace(tzinfo=None)
    return utc.isoformat(timespec="microseconds") + "Z"


def parse_timestamp(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


# --------------------------------------------------------------------------- encoding


def to_json(value: object) -> object:
    """A record, tuple or scalar as JSON-ready values (records become objects by field name)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, datetime):
        return format_timestamp(value)
    return value


def dump_json(value: object) -> str:
    """Compact JSON text of JSON-ready values."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_scalar)


def _json_scalar(value: object) -> object:
    # numpy scalars (a float32 score, an int64 index) have .item(); json refuses them otherwise.
    item = getattr(value, "item", None)
    if callable(item):
        return item()
    raise TypeError(f"cannot store a {type(value).__name__} value")


def to_column(value: object) -> object:
    """A field value as a scalar any SQL database stores."""
    if value is None or isinstance(value, str | float) or type(value) is int:
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return format_timestamp(value)
    return dump_json(to_json(value))


# --------------------------------------------------------------------------- decoding


def from_json(value: object, hint: object) -> object:
    """Inverse of :func:`to_json`, guided by the field's type hint."""
    decode = json_decoder(hint)
    return value if decode is None else decode(value)


def from_column(value: object, hint: object) -> object:
    """A column's value as a value of ``hint`` (an integer as a float where one is due)."""
    decode = column_decoder(hint) or _scalar_decoder(without_none(hint))
    return value if decode is None else decode(value)


@cache
def json_decoder(hint: object) -> Convert | None:
    """How a decoded JSON value becomes a value of ``hint``; None: it already is one."""
    target = without_none(hint)
    if typing.get_origin(target) is tuple:
        return _optional(_tuple_decoder(typing.get_args(target)[0]))
    if isinstance(target, type) and dataclasses.is_dataclass(target):
        return _optional(_record_decoder(target))
    return _scalar_decoder(target)


def _tuple_decoder(item_hint: object) -> Convert:
    item = json_decoder(item_hint)

    def decode(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise ValueError(f"expected a list, got {value!r}")
        return tuple(value) if item is None else tuple(map(item, value))

    return decode


def _record_decoder(record: type) -> Convert:
    """An object by field name as a record; missing fields take their defaults."""
    fields = tuple((name, json_decoder(hint)) for name, hint in field_hints(record).items())

    def decode(value: Any) -> Any:
        if not isinstance(value, dict):
            raise ValueError(f"expected an object for {record.__name__}, got {value!r}")
        known = {}
        for name, convert in fields:
            if name in value:
                known[name] = value[name] if convert is None else convert(value[name])
        return record(**known)

    return decode


def _scalar_decoder(target: object) -> Convert | None:
    if target is datetime:
        return _optional(parse_timestamp)
    if target is bool:
        return _optional(bool)
    if target is float:
        return _optional(float)  # JSON writes 14.0 as written, but an old row may hold 14
    return None


def _optional(convert: Convert) -> Convert:
    def decode(value: Any) -> Any:
        return None if value is None else convert(value)

    return decode


@cache
def column_decoder(hint: object) -> Convert | None:
    """How a column's value becomes a value of ``hint``; None: it already is one."""
    target = without_none(hint)
    if target in (str, int, float) or typing.get_origin(target) is typing.Literal:
        return None  # REAL / DOUBLE PRECISION columns already read back as float
    if typing.get_origin(target) is tuple or (
        isinstance(target, type) and dataclasses.is_dataclass(target)
    ):
        return _optional(_json_text_decoder(json_decoder(target)))
    return _scalar_decoder(target)


def _json_text_decoder(decode: Convert | None) -> Convert:
    def load(value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError(f"expected JSON text, got {type(value).__name__}")
        loaded = json.loads(value)
        return loaded if decode is None else decode(loaded)

    return load


def column_encoder(hint: object) -> Convert | None:
    """How a field's value becomes a column value; None: stored as it is."""
    target = without_none(hint)
    if target in (str, int, float) or typing.get_origin(target) is typing.Literal:
        return None
    if target is bool:
        return _optional(int)  # PostgreSQL will not put a boolean into an INTEGER column
    return to_column


# --------------------------------------------------------------------------- compact tuples


@dataclass(frozen=True, slots=True)
class Compact:
    """A tuple of nested records stored as a JSON array of arrays, each holding one record's values
    in ``layout`` order: about a quarter of the text of objects by field name, and decoded without
    looking at names. ``layout`` is the stored order: fields are only ever appended to it (with a
    default in the record), so rows written before read back with the default."""

    field: str
    """The tuple field of the top-level record (``Link.pairs``)."""
    layout: tuple[str, ...]
    """Field names of the nested record, in stored order."""

    def missing(self, item_record: type) -> list[str]:
        """Fields of the nested record that have no place in the layout (they would be lost)."""
        return [name for name in field_hints(item_record) if name not in self.layout]

    def encoder(self, hint: object) -> Convert:
        hints = field_hints(_item_record(hint))
        values = _values_getter(self.layout)
        # A float field is written as a float even when given an int, so that reading needs no
        # conversion for plain values (see decoder).
        converts = tuple(_compact_value_encoder(hints[name]) for name in self.layout)
        plain = not any(converts)

        def encode(records: tuple[Any, ...] | None) -> str | None:
            if records is None:
                return None
            if plain:
                return dump_json([values(r) for r in records])
            return dump_json(
                [
                    [v if c is None else c(v) for v, c in zip(values(r), converts, strict=True)]
                    for r in records
                ]
            )

        return encode

    def decoder(self, hint: object) -> Convert:
        record = _item_record(hint)
        hints = field_hints(record)
        converts = tuple(
            None if _is_plain(hints[name]) else json_decoder(hints[name]) for name in self.layout
        )
        positional = self.layout == tuple(hints)[: len(self.layout)]
        by_name = json_decoder(hint)
        assert by_name is not None

        def build(values: list[Any]) -> Any:
            values = [v if c is None else c(v) for v, c in zip(values, converts, strict=False)]
            if positional:
                return record(*values)
            return record(**dict(zip(self.layout, values, strict=False)))

        # The common case (plain values, layout in field order): the records are built by
        # starmap, in C, straight from the parsed arrays.
        fast = positional and not any(converts)

        def decode(value: Any) -> Any:
            if value is None:
                return None
            loaded = json.loads(value)
            if loaded and type(loaded[0]) is dict:  # written before the compact form
                return by_name(loaded)
            return tuple(itertools.starmap(record, loaded) if fast else map(build, loaded))

        return decode


def _values_getter(names: tuple[str, ...]) -> Callable[[Any], list[Any]]:
    getter = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda record: [getter(record)]
    return lambda record: list(getter(record))


def _compact_value_encoder(hint: object) -> Convert | None:
    target = without_none(hint)
    if target is float:
        return _optional(float)
    if _is_plain(target):
        return None
    return to_json


def _is_plain(hint: object) -> bool:
    target = without_none(hint)
    return target in (str, int, float, bool) or typing.get_origin(target) is typing.Literal


def _item_record(hint: object) -> type:
    target = without_none(hint)
    (item, *_) = typing.get_args(target) or (None,)
    if typing.get_origin(target) is not tuple or not (
        isinstance(item, type) and dataclasses.is_dataclass(item)
    ):
        raise TypeError(f"a compact field must be a tuple of records, not {hint!r}")
    return item


# --------------------------------------------------------------------------- type hints


def without_none(hint: object) -> object:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        rest = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return hint


@cache
def field_hints(record: type) -> dict[str, object]:
    """Resolved type hints of a dataclass's fields, in field order."""
    resolved = typing.get_type_hints(record)
    return {f.name: resolved[f.name] for f in dataclasses.fields(record)}

"""Arrow types of records, for Parquet: lists and structs where the record nests, so that pandas,
DuckDB and Spark read ``Link.added`` or ``Claim.figures`` as real nested columns."""

from __future__ import annotations

import dataclasses
import typing
from datetime import datetime
from typing import Any

from newscheck.errors import MissingExtra
from newscheck.export.columns import field_hints, is_literal, without_none


def pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as exc:
        raise MissingExtra("dask", "pyarrow") from exc
    return pyarrow


def arrow_type(hint: Any) -> Any:
    """The Arrow type of a field type hint (``X | None`` is a nullable ``X``)."""
    pa = pyarrow()
    hint, _ = without_none(hint)
    if is_literal(hint) or hint is str:
        return pa.string()
    if hint is bool:
        return pa.bool_()
    if hint is int:
        return pa.int64()
    if hint is float:
        return pa.float64()
    if hint is datetime:
        return pa.timestamp("us", tz="UTC")
    if typing.get_origin(hint) in (tuple, frozenset):
        (item, *_) = typing.get_args(hint)
        return pa.list_(arrow_type(item))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return pa.struct([_field(name, h) for name, h in field_hints(hint).items()])
    raise TypeError(f"no Arrow type for {hint!r}")


def _field(name: str, hint: Any) -> Any:
    _, optional = without_none(hint)
    return pyarrow().field(name, arrow_type(hint), nullable=optional)


def arrow_schema(record_type: type) -> Any:
    """One column per field of ``record_type``, in field order."""
    pa = pyarrow()
    return pa.schema([_field(name, hint) for name, hint in field_hints(record_type).items()])

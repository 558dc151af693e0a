"""Export a store's records to Parquet, JSON Lines or CSV, one file per table, for work that goes
on in pandas, DuckDB or Spark (``newscheck export``).

Tables: articles, rejections, links, families, stories, claims, claim_groups. Each has one
column per field of its record in :mod:`newscheck.model` (see :mod:`.columns` for how nested
values are written); rejections carry the id of the run that recorded them first. Articles are
streamed from the store, so memory stays flat whatever its size. docs/export.md lists the
columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscheck.errors import UsageError
from newscheck.export.writers import FORMATS, SUFFIXES, Format, write_table
from newscheck.model import Article, Claim, ClaimGroup, Family, Link, LocationKind, Story

if TYPE_CHECKING:
    from newscheck.store import Store

__all__ = ["FORMATS", "TABLES", "ExportedTable", "Format", "RunRejection", "export_store"]


@dataclass(frozen=True, slots=True)
class RunRejection:
    """A :class:`~newscheck.model.Rejection` with the run that recorded it: every run records
    its own, so the same input rejected by two runs is two rows."""

    run_id: str
    location: str
    location_kind: LocationKind
    reason: str
    detail: str


def run_rejections(store: Store) -> Iterator[RunRejection]:
    """Every run's rejections, oldest run first, each run's in the order recorded."""
    for run in store.runs():
        run_id = str(run["id"])
        for r in store.rejections(run_id):
            yield RunRejection(run_id, r.location, r.location_kind, r.reason, r.detail)


@dataclass(frozen=True, slots=True)
class TableSource:
    record_type: type
    read: Callable[[Store], Iterable[Any]]


TABLE_SOURCES: dict[str, TableSource] = {
    "articles": TableSource(Article, lambda store: store.articles()),
    "rejections": TableSource(RunRejection, run_rejections),
    "links": TableSource(Link, lambda store: store.links()),
    "families": TableSource(Family, lambda store: store.families()),
    "stories": TableSource(Story, lambda store: store.stories()),
    "claims": TableSource(Claim, lambda store: store.claims()),
    "claim_groups": TableSource(ClaimGroup, lambda store: store.claim_groups()),
}
TABLES: tuple[str, ...] = tuple(TABLE_SOURCES)


@dataclass(frozen=True, slots=True)
class ExportedTable:
    table: str
    path: Path
    rows: int


def export_store(
    store: Store,
    out: str | Path,
    *,
    format: Format = "parquet",
    tables: Sequence[str] = TABLES,
) -> list[ExportedTable]:
    """Write ``tables`` of ``store`` into the folder ``out`` as ``<table>.<format>``.

    Each file is written under a temporary name and renamed when complete, so a file under its
    final name is always whole.
    """
    if format not in FORMATS:
        raise UsageError(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}")
    unknown = [t for t in tables if t not in TABLE_SOURCES]
    if unknown:
        raise UsageError(f"unknown table(s) {', '.join(unknown)}: use {', '.join(TABLES)}")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[ExportedTable] = []
    for table in dict.fromkeys(tables):
        source = TABLE_SOURCES[table]
        path = folder / (table + SUFFIXES[format])
        rows = write_table(path, source.record_type, format, source.read(store))
        written.append(ExportedTable(table, path, rows))
    return written

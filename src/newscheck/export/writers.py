"""One file per table in Parquet, JSON Lines or CSV, written a batch of records at a time (so an
export of millions of articles holds one batch in memory) and renamed into place when complete
(a killed export leaves no half file under the final name)."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self

from newscheck.export.columns import csv_cell, field_hints, json_ready, nested

Format = Literal["parquet", "jsonl", "csv"]
FORMATS: tuple[Format, ...] = ("parquet", "jsonl", "csv")
SUFFIXES: dict[Format, str] = {"parquet": ".parquet", "jsonl": ".jsonl", "csv": ".csv"}


class TableWriter:
    """Writes records of one type to ``path``; use as a context manager."""

    def __init__(self, path: Path, record_type: type, format: Format) -> None:
        self.path = path
        self.format = format
        self.columns = list(field_hints(record_type))
        self.rows = 0
        self._partial = path.with_name(path.name + ".partial")
        self._record_type = record_type
        self._handle: Any = None
        self._csv: Any = None
        self._parquet: Any = None
        self._schema: Any = None

    def __enter__(self) -> Self:
        if self.format == "parquet":
            from newscheck.export.arrow import arrow_schema, pyarrow

            pyarrow()  # MissingExtra, naming the extra, where pyarrow is not installed
            import pyarrow.parquet as pq

            self._schema = arrow_schema(self._record_type)
            self._parquet = pq.ParquetWriter(self._partial, self._schema, compression="zstd")
        else:
            self._handle = self._partial.open("w", encoding="utf-8", newline="")
            if self.format == "csv":
                self._csv = csv.writer(self._handle)
                self._csv.writerow(self.columns)
        return self

    def write(self, records: Sequence[Any]) -> None:
        if not records:
            return
        if self._parquet is not None:
            import pyarrow as pa

            rows = [{c: nested(getattr(r, c)) for c in self.columns} for r in records]
            self._parquet.write_batch(pa.RecordBatch.from_pylist(rows, schema=self._schema))
        elif self._csv is not None:
            self._csv.writerows([csv_cell(getattr(r, c)) for c in self.columns] for r in records)
        else:
            for record in records:
                row = {c: json_ready(getattr(record, c)) for c in self.columns}
                self._handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.rows += len(records)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._parquet is not None:
            self._parquet.close()
        if self._handle is not None:
            self._handle.close()
        if exc_type is None:
            os.replace(self._partial, self.path)
        else:
            self._partial.unlink(missing_ok=True)


def write_table(
    path: Path, record_type: type, format: Format, records: Iterable[Any], batch: int = 5_000
) -> int:
    """Write ``records`` to ``path``; return how many rows were written."""
    with TableWriter(path, record_type, format) as writer:
        pending: list[Any] = []
        for record in records:
            pending.append(record)
            if len(pending) >= batch:
                writer.write(pending)
                pending = []
        writer.write(pending)
    return writer.rows

"""What a SQL backend supplies, and the transaction every store operation runs in.

A backend (:mod:`~newscheck.store.sqlite`, :mod:`~newscheck.store.postgres`) implements the
primitives declared here: run a statement, begin / commit / roll back, list tables and columns, and
its full-text search statements. The store itself (:mod:`~newscheck.store.relational`) is written
once over them, so the backends cannot drift apart.
"""

from __future__ import annotations

import threading
from abc import abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any, ClassVar

from newscheck.errors import StoreError
from newscheck.store.base import Store
from newscheck.store.schema import Dialect
from newscheck.store.sql import Insert

Row = tuple[Any, ...]

CHUNK = 500
"""Most ids in one ``IN (...)`` list (well under SQLite's and PostgreSQL's parameter limits)."""


def group_columns(rows: Sequence[Row]) -> dict[str, set[str]]:
    """(table, column) rows as column names by table."""
    tables: dict[str, set[str]] = {}
    for table, column in rows:
        tables.setdefault(table, set()).add(column)
    return tables


FETCH_BATCH = 10_000
"""Default rows per list of :meth:`SQLBackend._fetch_batches`."""


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class SQLBackend(Store):
    """A connection to one SQL database, used by one thread at a time (a lock sees to it)."""

    dialect: ClassVar[Dialect]
    driver_errors: tuple[type[BaseException], ...]
    """The driver's exception classes (set by the backend, which may import its driver lazily)."""
    fetch_batch: int = FETCH_BATCH
    """Rows per list of :meth:`_fetch_batches` (a reader streaming a whole table)."""

    def __init__(self, description: str, *, read_only: bool = False) -> None:
        self.description = description
        """Where the store is, for messages (a path, or a URL without its password)."""
        self.read_only = read_only
        self._lock = threading.RLock()
        self._closed = False

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._close_connection()

    @contextmanager
    def transaction(self, action: str, *, write: bool) -> Iterator[None]:
        """One transaction; a driver error becomes a :class:`StoreError` naming ``action``.

        A write transaction takes the store's write lock first, so writers queue up (up to the
        busy timeout) instead of failing halfway.
        """
        with self._lock:
            if self._closed:
                raise StoreError(f"{self.description}: the store is closed")
            if write and self.read_only:
                raise StoreError(f"{self.description}: cannot {action}: opened read-only")
            try:
                if write:
                    self._begin_write()
                else:
                    self._begin_read()
                yield
                self._commit()
            except BaseException as exc:
                self._rollback_quietly()
                if isinstance(exc, self.driver_errors):
                    raise StoreError(f"{self.description}: cannot {action}: {exc}") from exc
                raise

    def _rollback_quietly(self) -> None:
        # Not in a transaction any more, or the connection is gone: nothing left to undo.
        with suppress(*self.driver_errors):
            self._rollback()

    def _select_in(
        self, statement: Callable[[int], str], ids: Sequence[str], *extra: object
    ) -> list[Row]:
        """Run ``statement(count)`` once per chunk of ``ids``; call inside a transaction."""
        rows: list[Row] = []
        for chunk in chunks(ids):
            rows.extend(self._fetchall(statement(len(chunk)), (*chunk, *extra)))
        return rows

    # ------------------------------------------------------------------ primitives

    @abstractmethod
    def _execute(self, statement: str, params: Sequence[object] = ()) -> None: ...

    @abstractmethod
    def _insert_many(self, insert: Insert, rows: Sequence[Row]) -> None:
        """Insert rows, as fast as the driver allows (inside a transaction)."""

    @abstractmethod
    def _fetchall(self, statement: str, params: Sequence[object] = ()) -> list[Row]: ...

    @abstractmethod
    def _fetch_batches(self, statement: str, params: Sequence[object] = ()) -> Iterator[list[Row]]:
        """The rows of ``statement`` in lists of up to :attr:`fetch_batch`, read as they are
        taken (inside a transaction, which must stay open until the last list is taken)."""

    @abstractmethod
    def _begin_write(self) -> None:
        """Begin a transaction holding the database's single write lock."""

    @abstractmethod
    def _begin_read(self) -> None:
        """Begin a transaction that sees one consistent snapshot."""

    @abstractmethod
    def _commit(self) -> None: ...

    @abstractmethod
    def _rollback(self) -> None: ...

    @abstractmethod
    def _close_connection(self) -> None: ...

    @abstractmethod
    def _columns_by_table(self) -> dict[str, set[str]]:
        """Column names of every table in the database or schema (call inside a transaction)."""

    @abstractmethod
    def _search_statements(self, words: Sequence[str], limit: int) -> list[tuple[str, str, Row]]:
        """(kind, statement, params) per searched table; each statement selects hit id,
        article id, title, snippet marked with the highlight characters, and score."""

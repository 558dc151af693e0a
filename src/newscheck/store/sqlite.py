"""The default store: one SQLite file, embedded, in WAL mode.

WAL lets readers (the web app) read while the one writer writes; a second writer waits for the
write lock up to the busy timeout. ``synchronous=FULL`` makes every committed batch durable even
against power loss (a batch is large, so the extra sync costs little). Foreign keys are enforced.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from newscheck.errors import StoreError
from newscheck.store import sql
from newscheck.store.backend import Row, group_columns
from newscheck.store.relational import SQLStore
from newscheck.store.search import ELLIPSIS, HIGHLIGHT_END, HIGHLIGHT_START, fts5_query
from newscheck.store.sql import Insert

MEMORY = ":memory:"


class SQLiteStore(SQLStore):
    """A store in one SQLite file (or ``":memory:"``, for tests and throwaway runs)."""

    dialect = "sqlite"
    driver_errors = (sqlite3.Error,)

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        busy_timeout_s: float = 30.0,
    ) -> None:
        self.path = os.fspath(path)
        super().__init__(self.path, read_only=read_only)
        try:
            self._connection = _connect(self.path, read_only, busy_timeout_s)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open it as a newscheck store: {exc}") from exc
        self._open_schema()

    @property
    def persistent(self) -> bool:
        return self.path != MEMORY

    def _execute(self, statement: str, params: Sequence[object] = ()) -> None:
        self._connection.execute(statement, params)

    def _fetch_batches(self, statement: str, params: Sequence[object] = ()) -> Iterator[list[Row]]:
        cursor = self._connection.execute(statement, params)
        try:
            while rows := cursor.fetchmany(self.fetch_batch):
                yield rows
        finally:
            cursor.close()

    def _insert_many(self, insert: Insert, rows: Sequence[Row]) -> None:
        self._connection.executemany(insert.statement(), rows)

    def _fetchall(self, statement: str, params: Sequence[object] = ()) -> list[Row]:
        return self._connection.execute(statement, params).fetchall()

    def _begin_write(self) -> None:
        # IMMEDIATE takes the write lock now (waiting up to busy_timeout) rather than at the
        # first write, where a busy database would fail the batch halfway.
        self._connection.execute("BEGIN IMMEDIATE")

    def _begin_read(self) -> None:
        self._connection.execute("BEGIN")

    def _commit(self) -> None:
        self._connection.execute("COMMIT")

    def _rollback(self) -> None:
        if self._connection.in_transaction:
            self._connection.execute("ROLLBACK")

    def _close_connection(self) -> None:
        self._connection.close()

    def _columns_by_table(self) -> dict[str, set[str]]:
        return group_columns(self._fetchall(sql.SQLITE_COLUMNS))

    def _search_statements(self, words: Sequence[str], limit: int) -> list[tuple[str, str, Row]]:
        marks = (HIGHLIGHT_START, HIGHLIGHT_END, ELLIPSIS)
        match = fts5_query(words)
        return [
            ("article", sql.SQLITE_SEARCH_ARTICLES, (*marks, match, limit)),
            ("claim", sql.SQLITE_SEARCH_CLAIMS, (*marks, match, limit)),
        ]


def _connect(path: str, read_only: bool, busy_timeout_s: float) -> sqlite3.Connection:
    if read_only and path != MEMORY:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        # isolation_level=None: the store issues BEGIN / COMMIT itself; the lock in SQLBackend
        # keeps one thread at a time on the connection.
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
        if not read_only:
            connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error:
        connection.close()
        raise
    return connection

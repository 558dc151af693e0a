"""Bringing a database's schema up to date, once per migration, and refusing foreign databases.

Opening a store: an empty database gets the bookkeeping tables and every migration; a newscheck
store gets the migrations it lacks; anything else (another application's tables, a file that is not
a database, a store written by a newer newscheck) is refused with a :class:`StoreError` that says
so. Migrations that are already applied cost one read, never a write, so readers can open a store
while a writer holds the write lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from newscheck.errors import StoreError
from newscheck.store import sql
from newscheck.store.backend import SQLBackend
from newscheck.store.codec import format_timestamp
from newscheck.store.schema import APPLICATION, BOOTSTRAP, MIGRATIONS, Migration
from newscheck.store.tables import RECORD_TABLES, RecordTable

README = "newscheck/store/README.md"


def ensure_schema(backend: SQLBackend, migrations: Sequence[Migration] = MIGRATIONS) -> None:
    """Check the database is a newscheck store (or empty) and apply the migrations it lacks."""
    with backend.transaction("open it as a newscheck store", write=False):
        tables = set(backend._columns_by_table())
    if "schema_migrations" not in tables:
        if tables:
            shown = ", ".join(sorted(tables)[:5])
            raise StoreError(
                f"{backend.description} is not a newscheck store: it has tables ({shown}) "
                "but no schema_migrations table"
            )
        if backend.read_only:
            raise StoreError(
                f"{backend.description} is empty, not a newscheck store "
                "(open it once read-write to create one)"
            )
        with backend.transaction("create the schema", write=True):
            for statement in BOOTSTRAP:
                backend._execute(statement)
    _check_application(backend)
    if not backend.read_only:
        for migration in pending(backend, migrations):
            _apply(backend, migration)
    _check_version(backend, migrations)
    check_columns(backend)


def applied_versions(backend: SQLBackend) -> list[int]:
    with backend.transaction("read schema_migrations", write=False):
        return [int(row[0]) for row in backend._fetchall(sql.SELECT_APPLIED_MIGRATIONS)]


def pending(backend: SQLBackend, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    applied = set(applied_versions(backend))
    return [migration for migration in migrations if migration.version not in applied]


def _apply(backend: SQLBackend, migration: Migration) -> None:
    with backend.transaction(f"apply migration {migration.version}", write=True):
        # Another process may have applied it while this one waited for the write lock.
        applied = {int(row[0]) for row in backend._fetchall(sql.SELECT_APPLIED_MIGRATIONS)}
        if migration.version in applied:
            return
        for statement in migration.statements(backend.dialect):
            backend._execute(statement)
        applied_at = format_timestamp(datetime.now(UTC))
        backend._execute(sql.INSERT_MIGRATION, (migration.version, migration.name, applied_at))


def _check_application(backend: SQLBackend) -> None:
    with backend.transaction("read newscheck_meta", write=False):
        tables = backend._columns_by_table()
        rows = backend._fetchall(sql.SELECT_APPLICATION) if "newscheck_meta" in tables else []
    if [row[0] for row in rows] != [APPLICATION]:
        raise StoreError(
            f"{backend.description} is not a newscheck store: its schema_migrations table belongs "
            "to another application (no newscheck_meta marker)"
        )


def _check_version(backend: SQLBackend, migrations: Sequence[Migration]) -> None:
    applied = set(applied_versions(backend))
    known = {migration.version for migration in migrations}
    newest, latest = max(applied, default=0), max(known)
    if applied - known:
        raise StoreError(
            f"{backend.description} was written by a newer newscheck (schema version {newest}, "
            f"this one knows up to {latest}): upgrade newscheck"
        )
    if known - applied:
        raise StoreError(
            f"{backend.description} has schema version {newest} but needs {latest}: "
            "open it once read-write to migrate it"
        )


def check_columns(backend: SQLBackend, tables: Sequence[RecordTable[Any]] = RECORD_TABLES) -> None:
    """Every field of every stored record has its column (or its place in a compact layout), or
    records would lose data."""
    with backend.transaction("read the schema", write=False):
        present = backend._columns_by_table()
    missing = [
        f"{table.record.__name__}.{field} (column {table.table}.{column})"
        for table in tables
        for field, column in zip(table.fields, table.columns, strict=True)
        if column not in present.get(table.table, set())
    ]
    if missing:
        raise StoreError(
            f"{backend.description}: no column for {', '.join(missing)}: a field was added to "
            f"a record without a migration; add one (see {README})"
        )
    unplaced = [name for table in tables for name in table.missing_in_layouts()]
    if unplaced:
        raise StoreError(
            f"{backend.description}: no place for {', '.join(unplaced)} in its compact layout: "
            f"append the field to the layout in newscheck/store/tables.py (see {README})"
        )

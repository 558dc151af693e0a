"""Migrations: applied once, recorded, all-or-nothing; foreign and newer databases refused."""

from __future__ import annotations

from datetime import datetime

import pytest

from newscheck.errors import StoreError
from newscheck.store import Store, open_store
from newscheck.store.backend import SQLBackend
from newscheck.store.codec import Compact
from newscheck.store.migrate import applied_versions, check_columns, ensure_schema, pending
from newscheck.store.schema import MIGRATIONS, Migration
from newscheck.store.tables import RECORD_TABLES, RecordTable

from .test_tables import Holder


def backend_of(store: Store) -> SQLBackend:
    assert isinstance(store, SQLBackend)
    return store


def recorded(store: Store) -> list[tuple[object, ...]]:
    backend = backend_of(store)
    with backend.transaction("read", write=False):
        return backend._fetchall("SELECT version, name, applied_at FROM schema_migrations")


def execute(store: Store, *statements: str) -> None:
    backend = backend_of(store)
    with backend.transaction("alter the test store", write=True):
        for statement in statements:
            backend._execute(statement)


def test_a_new_store_records_every_migration_once(store_target: str) -> None:
    with open_store(store_target) as store:
        first = recorded(store)
    assert [(version, name) for version, name, _ in first] == [
        (m.version, m.name) for m in MIGRATIONS
    ]
    for _, _, applied_at in first:
        assert isinstance(applied_at, str)
        assert datetime.fromisoformat(applied_at).utcoffset() is not None
    with open_store(store_target) as store:
        assert recorded(store) == first
        assert pending(backend_of(store)) == []


def test_a_later_migration_is_applied_once_on_open(store: Store) -> None:
    note = Migration(
        len(MIGRATIONS) + 1, "add a note to runs", ("ALTER TABLE runs ADD COLUMN note TEXT",)
    )
    migrations = [*MIGRATIONS, note]
    backend = backend_of(store)
    assert pending(backend, migrations) == [note]
    ensure_schema(backend, migrations)
    ensure_schema(backend, migrations)  # a second ALTER TABLE would fail: it is not run again
    assert applied_versions(backend) == [m.version for m in migrations]
    assert recorded(store)[-1][:2] == (note.version, note.name)


def test_a_failing_migration_leaves_no_trace(store: Store) -> None:
    broken = Migration(
        len(MIGRATIONS) + 1,
        "broken",
        ("CREATE TABLE half_done (x INTEGER)", "CREATE TABLE half_done (x INTEGER)"),
    )
    backend = backend_of(store)
    with pytest.raises(StoreError, match="apply migration"):
        ensure_schema(backend, [*MIGRATIONS, broken])
    assert applied_versions(backend) == [m.version for m in MIGRATIONS]
    with backend.transaction("read", write=False):
        assert "half_done" not in backend._columns_by_table()


def test_a_store_from_a_newer_newscheck_is_refused(store_target: str) -> None:
    with open_store(store_target) as store:
        execute(
            store,
            "INSERT INTO schema_migrations (version, name, applied_at) "
            "VALUES (999, 'from the future', '2030-01-01T00:00:00.000000Z')",
        )
    with pytest.raises(StoreError, match="newer newscheck"):
        open_store(store_target)


def test_a_field_without_a_column_is_named(store_target: str) -> None:
    with open_store(store_target) as store:
        execute(store, "ALTER TABLE links DROP COLUMN scheme")
    with pytest.raises(StoreError, match=r"Link\.scheme \(column links\.scheme\).*migration"):
        open_store(store_target)


def test_a_database_of_another_application_is_refused(store_target: str) -> None:
    with open_store(store_target) as store:
        execute(store, "DROP TABLE newscheck_meta")
    with pytest.raises(StoreError, match="not a newscheck store"):
        open_store(store_target)


def test_read_only_needs_a_migrated_store(store_target: str) -> None:
    with open_store(store_target) as store:
        execute(store, "DELETE FROM schema_migrations WHERE version = 2")
    with pytest.raises(StoreError, match="open it once read-write"):
        open_store(store_target, read_only=True)


def test_a_nested_field_outside_its_compact_layout_is_refused(store: Store) -> None:
    layout = Compact("pairs", ("derived_sentence",))
    tables = [*RECORD_TABLES, RecordTable(Holder, "links", compact=(layout,))]
    with pytest.raises(StoreError, match=r"NotedPair\.note \(in links\.pairs\).*layout"):
        check_columns(backend_of(store), tables)
    check_columns(backend_of(store))

"""The migrations list and the shared statements stay portable between dialects."""

from __future__ import annotations

import re

from newscheck.store import sql
from newscheck.store.schema import LATEST_VERSION, MIGRATIONS
from newscheck.store.tables import RECORD_TABLES


def test_versions_run_1_to_n_with_names() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert len(MIGRATIONS) == LATEST_VERSION
    assert len({m.name for m in MIGRATIONS}) == len(MIGRATIONS)


def test_dialect_tokens_are_substituted() -> None:
    for dialect in ("sqlite", "postgresql"):
        for migration in MIGRATIONS:
            for statement in migration.statements(dialect):
                assert "{" not in statement, statement
    initial = MIGRATIONS[0]
    assert "ingest_order INTEGER PRIMARY KEY" in " ".join(initial.statements("sqlite"))
    assert "ingest_order BIGINT PRIMARY KEY" in " ".join(initial.statements("postgresql"))


def test_every_record_table_is_created() -> None:
    created = {
        match.group(1)
        for migration in MIGRATIONS
        for statement in migration.statements("sqlite")
        for match in [re.match(r"CREATE TABLE (\w+)", statement)]
        if match
    }
    assert {table.table for table in RECORD_TABLES} <= created


def test_shared_statements_hold_no_driver_placeholder_characters() -> None:
    # The PostgreSQL store turns "?" into "%s": a literal "%" or "?" would break that.
    shared = [
        value
        for name, value in vars(sql).items()
        if name.isupper()
        and isinstance(value, str)
        and not name.startswith(("SQLITE_", "POSTGRESQL_"))
    ]
    shared += [s for m in MIGRATIONS for s in m.common]
    assert shared
    for statement in shared:
        assert "%" not in statement, statement
    for migration in MIGRATIONS:
        for statement in migration.common:
            assert "?" not in statement, statement

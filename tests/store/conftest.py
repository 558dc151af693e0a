"""Fixtures: every store test that takes ``store`` (or ``new_target``) runs once per backend.

SQLite always runs. PostgreSQL runs against a real server started from this machine's binaries
(see pg_server.py), and is skipped, saying why, only where the binaries or psycopg are absent.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newscheck.store import Store, open_store

from .pg_server import PostgresServer, find_binaries

BACKENDS = ("sqlite", "postgresql")
_schema_numbers = itertools.count()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL tests need psycopg: pip install 'newscheck[postgres]'")
    binaries = find_binaries()
    if binaries is None:
        pytest.skip(
            "PostgreSQL tests need the server binaries (initdb, pg_ctl) on PATH or in "
            "/usr/lib/postgresql/*/bin; none found"
        )
    server = PostgresServer(binaries)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def new_target(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[[], str]]:
    """Makes fresh, empty store targets (an SQLite path, or a new PostgreSQL schema)."""
    if backend == "sqlite":
        numbers = itertools.count()
        yield lambda: str(tmp_path / f"store-{next(numbers)}.db")
        return
    import psycopg

    # A schema per store: far quicker than a database per test, and the store works in whatever
    # schema its connection's search_path names.
    server: PostgresServer = request.getfixturevalue("postgres_server")
    created: list[str] = []

    def make() -> str:
        name = f"newscheck_test_{next(_schema_numbers)}"
        with psycopg.connect(server.url(), autocommit=True) as admin:
            admin.execute(f"CREATE SCHEMA {name}")
        created.append(name)
        return server.url() + f"?options=-csearch_path%3D{name}"

    yield make
    with psycopg.connect(server.url(), autocommit=True) as admin:
        for name in created:
            admin.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


@pytest.fixture
def store_target(new_target: Callable[[], str]) -> str:
    return new_target()


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    with open_store(store_target) as opened:
        yield opened

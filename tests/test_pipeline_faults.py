"""A run killed midway (SIGKILL) and started again ends as an uninterrupted run ends: the same
report and the same rows in every table, none twice, on SQLite and on PostgreSQL. And both stores
give the same report for the bundled example.

The run is ``newscheck analyze`` as a child process that announces where it is and waits there,
so the test kills it at a known point every time: inside an ingest transaction (rows written, not
committed), after the links are replaced but before the stories, and with everything stored but
the run not yet marked done. PostgreSQL runs on a throwaway server (tests/store/pg_server.py),
skipped, saying why, where the server binaries or psycopg are absent.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import newscheck
from newscheck.errors import StoreError
from newscheck.settings import Settings
from newscheck.store import open_store

SKIP = ("extract", "crosscheck")
"""Claims are left out of the kill tests: they add a minute and no new kind of write (each stage
replaces its whole set, as links and stories do)."""
ARTICLES = 200
BATCH = 70
"""Articles per ingest transaction in the child (the runner's INGEST_BATCH, made smaller so that
200 articles give three transactions)."""
_schemas = itertools.count()

LAUNCH = """
import sys, time
import newscheck.pipeline as pipeline
from newscheck.settings import Settings
from newscheck.store.relational import SQLStore

corpus, db, out, stop_at = sys.argv[1:]
assert hasattr(pipeline, "INGEST_BATCH")
pipeline.INGEST_BATCH = @BATCH@


def wait_here(point):
    print("at", point, flush=True)
    time.sleep(600)


class Announcing(list):
    # The store walks a batch's segmentations inside its transaction, after the batch's
    # articles are written: the child waits there, its transaction open.
    def __iter__(self):
        wait_here(f"add_articles 2, {calls[0]} articles stored before")
        return super().__iter__()


def wrap(name, announce):
    original = getattr(SQLStore, name)

    def wrapped(self, *args):
        args = announce(*args) or args
        return original(self, *args)

    setattr(SQLStore, name, wrapped)


calls = []
if stop_at == "add_articles 2":

    def second_batch(run_id, articles, segmentations):
        calls.append(len(articles))
        if len(calls) == 2:
            return run_id, articles, Announcing(segmentations)

    wrap("add_articles", second_batch)
elif stop_at != "end":
    wrap(stop_at, lambda *args: wait_here(stop_at))

analysis = pipeline.analyze(
    [corpus], db=db, settings=Settings(embeddings=False), skip=@SKIP@
)
pipeline.write_outputs(analysis, out)
""".replace("@SKIP@", repr(SKIP)).replace("@BATCH@", str(BATCH))
"""What ``newscheck analyze CORPUS --db DB -o OUT`` does (without the sentence-embedding model,
which the property does not depend on), waiting at ``stop_at``: "add_articles 2" (inside the
second ingest transaction), the name of a store method (on entering it), or "end" (no wait)."""


def _pg_server_module() -> Any:
    path = Path(__file__).with_name("store") / "pg_server.py"
    spec = importlib.util.spec_from_file_location("newscheck_tests_pg_server", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[Any]:
    pytest.importorskip("psycopg", reason="PostgreSQL tests need psycopg (the postgres extra)")
    pg_server = _pg_server_module()
    binaries = pg_server.find_binaries()
    if binaries is None:
        pytest.skip("PostgreSQL tests need initdb and pg_ctl; none found")
    server = pg_server.PostgresServer(binaries)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    yield server
    server.stop()


class Targets:
    """Makes empty store targets of one backend (SQLite files or PostgreSQL schemas), removed at
    the end of the module."""

    def __init__(self, backend: str, folder: Path, server: Any = None) -> None:
        self.backend = backend
        self.folder = folder
        self.server = server
        self.schemas: list[str] = []
        self.numbers = itertools.count()

    def new(self) -> str:
        if self.backend == "sqlite":
            return str(self.folder / f"store-{next(self.numbers)}.db")
        import psycopg

        name = f"newscheck_faults_{next(_schemas)}"
        with psycopg.connect(self.server.url(), autocommit=True) as admin:
            admin.execute(f"CREATE SCHEMA {name}")
        self.schemas.append(name)
        return f"{self.server.url()}?options=-csearch_path%3D{name}"

    def drop(self) -> None:
        if not self.schemas:
            return
        import psycopg

        with psycopg.connect(self.server.url(), autocommit=True) as admin:
            for name in self.schemas:
                admin.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def targets(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Targets]:
    server = request.getfixturevalue("postgres_server") if request.param == "postgresql" else None
    made = Targets(str(request.param), tmp_path_factory.mktemp("stores"), server)
    yield made
    made.drop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newscheck.distributed.synthetic import CorpusShape, write_corpus

    folder = tmp_path_factory.mktemp("faults-corpus")
    write_corpus(folder, ARTICLES, per_file=100, seed=9, shape=CorpusShape(junk_share=0.02))
    return folder


@dataclass(frozen=True)
class Reference:
    """An uninterrupted run: its store and its report."""

    db: str
    report: dict[str, Any]


@pytest.fixture(scope="module")
def reference(
    targets: Targets, corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Reference:
    db, out = targets.new(), tmp_path_factory.mktemp("reference")
    run_to_end(analyze_command(corpus, db, out))
    return Reference(db, json.loads((out / "report.json").read_text()))


def analyze_command(corpus: Path, db: str, out: Path, stop_at: str = "end") -> list[str]:
    return [sys.executable, "-c", LAUNCH, str(corpus), db, str(out), stop_at]


def run_to_end(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def kill_at(command: list[str]) -> str:
    """Start ``command``, wait until it says it is at its stop, SIGKILL it there, and return
    what it said."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None
    try:
        line = process.stdout.readline()  # blocks until the child is at its stop (or ends)
        if not line.startswith("at "):
            _, stderr = process.communicate(timeout=60)
            pytest.fail(f"the run never reached its stop ({line!r}):\n{stderr}")
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    return line.strip()


# --------------------------------------------------------------------------- reading the stores


def _sqlite_tables(db: str) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    import sqlite3

    with sqlite3.connect(db) as connection:
        # FTS5 tables and their shadow tables hold the index of articles and claims, compared
        # through searches in assert_same_end.
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
        )]  # fmt: skip
        tables = {}
        for name in names:
            cursor = connection.execute(f"SELECT * FROM {name}{_order(name)}")
            tables[name] = ([c[0] for c in cursor.description], cursor.fetchall())
    return tables


def _postgres_tables(db: str) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    import psycopg

    schema = db.rsplit("%3D", 1)[1]
    with psycopg.connect(db.split("?")[0]) as connection:
        names = [row[0] for row in connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            (schema,),
        )]  # fmt: skip
        tables = {}
        for name in names:
            cursor = connection.execute(f"SELECT * FROM {schema}.{name}{_order(name)}")
            assert cursor.description is not None
            tables[name] = ([c.name for c in cursor.description], cursor.fetchall())
    return tables


def _order(table: str) -> str:
    # Articles in ingest order; other tables are sorted after reading (rows compare as multisets,
    # so a row stored twice shows up).
    return " ORDER BY ingest_order" if table == "articles" else ""


RUN_BOUND = {
    "articles": {"ingest_order", "first_run_id"},
    "rejections": {"run_id"},
    "schema_migrations": {"applied_at"},
}
"""Columns that name or number a run: the first run of a killed chain wrote the first articles,
and a PostgreSQL sequence skips the numbers a killed transaction took."""


def all_rows(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (but runs), without the run-bound columns; the rejections of the
    last run only (each run records its own)."""
    tables = _postgres_tables(db) if db.startswith("postgresql://") else _sqlite_tables(db)
    runs = tables.pop("runs")[1]
    last_run = max(runs, key=lambda run: (run[1], run[0]))[0]  # (id, started_at, ...)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for name, (columns, table_rows) in tables.items():
        if name == "rejections":
            table_rows = [r for r in table_rows if r[columns.index("run_id")] == last_run]
        keep = [i for i, c in enumerate(columns) if c not in RUN_BOUND.get(name, set())]
        kept = [tuple(row[i] for i in keep) for row in table_rows]
        rows[name] = kept if name == "articles" else sorted(kept, key=repr)
    return rows


def stored(db: str) -> dict[str, int]:
    """Articles, links and stories stored, and runs left unfinished."""
    try:
        with open_store(db, read_only=True) as store:
            return {
                "articles": store.article_count(),
                "links": len(store.links()),
                "stories": len(store.stories()),
                "unfinished": sum(run["status"] == "running" for run in store.runs()),
            }
    except StoreError:  # the schema is not in place yet
        return {"articles": 0, "links": 0, "stories": 0, "unfinished": 0}


def assert_same_end(db: str, report: dict[str, Any], reference: Reference) -> None:
    """The store and report a re-run ended with are the uninterrupted run's; no row twice."""
    assert report == reference.report
    rows, clean_rows = all_rows(db), all_rows(reference.db)
    assert set(rows) == set(clean_rows)
    for table in clean_rows:
        assert rows[table] == clean_rows[table], f"table {table} differs"
    with open_store(db, read_only=True) as store, open_store(reference.db) as clean:
        for article in itertools.islice(clean.articles(), 0, None, 50):
            word = max(article.title.split(), key=len)
            assert store.search(word) == clean.search(word)


# --------------------------------------------------------------------------- tests


@pytest.mark.slow
def test_a_run_killed_at_each_write_and_started_again_ends_as_an_uninterrupted_run(
    targets: Targets, reference: Reference, corpus: Path, tmp_path: Path
) -> None:
    reference_counts = stored(reference.db)
    assert reference_counts["articles"] > 0.95 * ARTICLES and reference_counts["stories"] > 10
    assert reference_counts["links"] > 10 and reference_counts["unfinished"] == 0
    db = targets.new()

    said = kill_at(analyze_command(corpus, db, tmp_path, "add_articles 2"))
    # Batch 1 committed; batch 2 was written but not committed, and is gone.
    first_batch = int(said.split(", ")[1].split()[0])
    assert 0.9 * BATCH < first_batch <= BATCH
    assert stored(db) == {"articles": first_batch, "links": 0, "stories": 0, "unfinished": 1}

    kill_at(analyze_command(corpus, db, tmp_path, "replace_stories"))
    # Every article and the new links stored; no story yet.
    assert stored(db) == {**reference_counts, "stories": 0, "unfinished": 2}

    kill_at(analyze_command(corpus, db, tmp_path, "finish_run"))
    # Everything stored, but the run never marked done: the next run starts from stored stories.
    assert stored(db) == {**reference_counts, "unfinished": 3}
    assert not (tmp_path / "report.json").exists()

    run_to_end(analyze_command(corpus, db, tmp_path))
    assert_same_end(db, json.loads((tmp_path / "report.json").read_text()), reference)
    with open_store(db, read_only=True) as store:
        assert [run["status"] for run in store.runs()] == ["running"] * 3 + ["done"]


@pytest.mark.slow
def test_postgresql_and_sqlite_give_the_same_report_for_the_example(
    postgres_server: Any, example_dir: Path, tmp_path: Path
) -> None:
    import psycopg

    settings = Settings(embeddings=False)  # every stage runs; the model changes no store write
    name = f"newscheck_faults_{next(_schemas)}"
    with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    try:
        url = f"{postgres_server.url()}?options=-csearch_path%3D{name}"
        on_postgres = newscheck.analyze([example_dir], db=url, settings=settings)
        on_sqlite = newscheck.analyze([example_dir], db=tmp_path / "example.db", settings=settings)
    finally:
        with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
    report = on_sqlite.report
    assert len(report["articles"]) == 8 and report["stories"] and report["links"]
    assert report["claims"] and report["summary"]
    assert on_postgres.report == report

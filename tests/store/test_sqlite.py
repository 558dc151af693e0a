"""What only the SQLite backend does: WAL, busy timeout, files that are not stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newscheck.errors import StoreError
from newscheck.store.sqlite import SQLiteStore

from .fictional import fictional_batch


def test_a_new_file_is_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with SQLiteStore(path) as store:
        assert store._fetchall("PRAGMA foreign_keys") == [(1,)]
        assert store._fetchall("PRAGMA synchronous") == [(2,)]  # FULL
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchall() == [("wal",)]
    connection.close()


def test_reading_beside_another_process_holding_the_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with SQLiteStore(path) as store:
        run_id = store.begin_run([], {})
        store.add_articles(run_id, *fictional_batch(0, 2))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("DELETE FROM runs WHERE id = 'nothing'")
    try:
        with SQLiteStore(path, busy_timeout_s=0.2) as store:
            assert store.article_count() == 2  # readers do not wait for the writer
            with pytest.raises(StoreError, match="locked"):
                store.add_articles(run_id, *fictional_batch(2, 3))
            assert store.article_count() == 2
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Shopping list: lanterns, rope, tar.\n" * 50)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="notes.txt: cannot open it as a newscheck store"):
        SQLiteStore(path)
    assert path.read_bytes() == before


def test_another_applications_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match=r"not a newscheck store: it has tables \(users\)"):
        SQLiteStore(path)


def test_a_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        SQLiteStore(tmp_path / "no" / "such" / "folder" / "news.db")


def test_read_only(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with pytest.raises(StoreError):
        SQLiteStore(path, read_only=True)
    with SQLiteStore(path) as store:
        run_id = store.begin_run([], {})
        store.add_articles(run_id, *fictional_batch(0, 2))
    with SQLiteStore(path, read_only=True) as store:
        assert store.article_count() == 2
        with pytest.raises(StoreError, match="read-only"):
            store.begin_run([], {})


def test_an_in_memory_store(tmp_path: Path) -> None:
    with SQLiteStore(":memory:") as store:
        run_id = store.begin_run([], {})
        store.add_articles(run_id, *fictional_batch(0, 3))
        assert store.article_count() == 3
        assert len(store.search("storm")) == 3


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "news.db")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.article_count()

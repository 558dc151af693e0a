"""open_store: which backend a target names."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscheck.errors import StoreError
from newscheck.store import Store, open_store
from newscheck.store.sqlite import SQLiteStore

from .fictional import fictional_batch


def test_paths_and_sqlite_urls_open_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for target, file in (
        (tmp_path / "a.db", tmp_path / "a.db"),
        (str(tmp_path / "b.db"), tmp_path / "b.db"),
        ("sqlite:///c.db", tmp_path / "c.db"),
        (f"sqlite:///{tmp_path}/d.db", tmp_path / "d.db"),
    ):
        with open_store(target) as store:
            assert isinstance(store, SQLiteStore)
        assert file.exists(), target


def test_unknown_schemes_are_refused() -> None:
    with pytest.raises(StoreError, match="mysql://"):
        open_store("mysql://localhost/news")
    with pytest.raises(StoreError, match="no path"):
        open_store("sqlite:///")


def test_read_only_stores_read_but_do_not_write(store_target: str) -> None:
    with open_store(store_target) as store:
        store.add_articles(store.begin_run([], {}), *fictional_batch(0, 2))
    with open_store(store_target, read_only=True) as reader:
        assert isinstance(reader, Store)
        assert reader.article_count() == 2
        with pytest.raises(StoreError, match="read-only"):
            reader.replace_links([])


def test_the_postgresql_driver_is_imported_only_when_used() -> None:
    import subprocess
    import sys

    code = (
        "import sys, newscheck.store, newscheck.store.postgres\n"
        "from newscheck.store import open_store\n"
        "open_store(':memory:').close()\n"
        "print('psycopg' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"

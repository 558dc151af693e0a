"""What only the PostgreSQL backend does: a missing driver, connection errors, redaction."""

from __future__ import annotations

import sys

import pytest

from newscheck.errors import MissingExtra, StoreError
from newscheck.store import open_store
from newscheck.store.postgres import redacted

from .pg_server import free_port


def test_passwords_are_kept_out_of_messages() -> None:
    assert redacted("postgresql://ann:s3cret@db.example:5433/news") == (
        "postgresql://ann:***@db.example:5433/news"
    )
    assert redacted("postgresql://db.example/news") == "postgresql://db.example/news"


def test_a_missing_driver_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    with pytest.raises(MissingExtra, match=r"newscheck\[postgres\]"):
        open_store("postgresql://localhost/news")


def test_an_unreachable_server_is_a_store_error_without_the_password() -> None:
    pytest.importorskip("psycopg")
    url = f"postgresql://ann:s3cret@127.0.0.1:{free_port()}/news"
    with pytest.raises(StoreError, match="cannot connect") as raised:
        open_store(url)
    assert "s3cret" not in str(raised.value)

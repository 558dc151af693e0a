"""Where newscheck keeps articles and results: SQLite by default, PostgreSQL for scale.

``open_store(target)`` takes a path (or ``sqlite:///path``) for an SQLite file, or a
``postgresql://`` URL (needs the ``postgres`` extra). Both backends share one schema, created by
numbered migrations (:mod:`newscheck.store.schema`), and one implementation of the
:class:`~newscheck.store.base.Store` interface (:mod:`newscheck.store.relational`).
"""

from __future__ import annotations

import os

from newscheck.errors import StoreError
from newscheck.store.base import Store

__all__ = ["Store", "open_store"]

SQLITE_PREFIX = "sqlite:///"
POSTGRESQL_SCHEMES = ("postgresql", "postgres")


def open_store(target: str | os.PathLike[str], *, read_only: bool = False) -> Store:
    """Open (creating and migrating where needed) the store at ``target``.

    ``target``: a file path, ``":memory:"``, ``sqlite:///relative/path``,
    ``sqlite:////absolute/path`` or ``postgresql://user@host:port/database``. ``read_only``
    opens without the right to write (and without migrating), for readers such as the web app.
    Raises :class:`~newscheck.errors.StoreError` when the target is not a newscheck store or
    cannot be opened, :class:`~newscheck.errors.MissingExtra` when its driver is not installed.
    """
    text = os.fspath(target)
    scheme, separator, _ = text.partition("://")
    if not separator or not isinstance(target, str):
        return _sqlite(text, read_only)
    if text.startswith(SQLITE_PREFIX):
        return _sqlite(text[len(SQLITE_PREFIX) :], read_only)
    if scheme.lower() in POSTGRESQL_SCHEMES:
        from newscheck.store.postgres import PostgresStore

        return PostgresStore(text, read_only=read_only)
    raise StoreError(
        f"cannot open a store at {text!r}: give a file path, sqlite:///path or postgresql://..."
    )


def _sqlite(path: str, read_only: bool) -> Store:
    from newscheck.store.sqlite import SQLiteStore

    if not path:
        raise StoreError("no path given for the SQLite store")
    return SQLiteStore(path, read_only=read_only)

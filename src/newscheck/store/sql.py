"""Every data statement the stores run, in SQL that SQLite and PostgreSQL both accept.

Placeholders are ``?``; the PostgreSQL store turns them into ``%s``, so no statement here may hold a
literal ``?`` or ``%``. Table and column names come from :mod:`newscheck.store.tables`, never from
input. Statements that only one dialect understands (catalog queries, full-text search) are at the
end, each run only by its own backend.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newscheck.store.tables import MemberTable, RecordTable

# --------------------------------------------------------------------------- builders


def placeholders(count: int) -> str:
    return ", ".join("?" * count)


@dataclass(frozen=True, slots=True)
class Insert:
    """An INSERT into some columns, for one row or many rows in one statement."""

    table: str
    columns: tuple[str, ...]
    on_conflict: tuple[str, ...] = ()
    """Key columns: a row whose key is already stored is skipped (DO NOTHING)."""

    def statement(self, rows: int = 1) -> str:
        row = f"({placeholders(len(self.columns))})"
        sql = f"INSERT INTO {self.table} ({', '.join(self.columns)}) VALUES " + ", ".join(
            [row] * rows
        )
        if self.on_conflict:
            sql += f" ON CONFLICT ({', '.join(self.on_conflict)}) DO NOTHING"
        return sql


def insert_record(
    table: RecordTable[Any], leading: tuple[str, ...] = (), on_conflict: tuple[str, ...] = ()
) -> Insert:
    """INSERT of one record's columns, after ``leading`` columns the store fills in itself."""
    return Insert(table.table, leading + table.columns, on_conflict)


def select_record(
    table: RecordTable[Any], where: str = "", order_by: str = "", leading: tuple[str, ...] = ()
) -> str:
    """SELECT of one record's columns, after ``leading`` columns of the store's own."""
    sql = f"SELECT {', '.join(leading + table.columns)} FROM {table.table}"
    if where:
        sql += f" WHERE {where}"
    if order_by:
        sql += f" ORDER BY {order_by}"
    return sql


def insert_members(members: MemberTable) -> Insert:
    return Insert(members.table, (members.owner, "position", members.member))


def select_members(members: MemberTable, where: str = "") -> str:
    sql = f"SELECT {members.owner}, {members.member} FROM {members.table}"
    if where:
        sql += f" WHERE {where}"
    return sql + f" ORDER BY {members.owner}, position"


def delete_all(table: str, where: str = "") -> str:
    return f"DELETE FROM {table}" + (f" WHERE {where}" if where else "")


def id_in(column: str, count: int) -> str:
    return f"{column} IN ({placeholders(count)})"


# --------------------------------------------------------------------------- text vectors

INSERT_TEXT_VECTOR = Insert(
    "text_vectors", ("scheme", "text_hash", "vector"), ("scheme", "text_hash")
)
SELECT_TEXT_VECTOR_COUNT = "SELECT COUNT(*) FROM text_vectors WHERE scheme = ?"


def select_text_vectors(count: int) -> str:
    """Vectors of ``count`` text hashes under one scheme (the scheme is the last parameter)."""
    return (
        f"SELECT text_hash, vector FROM text_vectors WHERE {id_in('text_hash', count)} "
        "AND scheme = ?"
    )


# --------------------------------------------------------------------------- linked parts

INSERT_LINKED_PART = Insert("linked_parts", ("part_key", "links"), ("part_key",))
SELECT_LINKED_PART = "SELECT links FROM linked_parts WHERE part_key = ?"
SELECT_LINKED_PART_KEYS = "SELECT part_key FROM linked_parts"


def delete_linked_parts(count: int) -> str:
    return f"DELETE FROM linked_parts WHERE {id_in('part_key', count)}"


# --------------------------------------------------------------------------- bookkeeping

SELECT_APPLIED_MIGRATIONS = "SELECT version FROM schema_migrations ORDER BY version"
INSERT_MIGRATION = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"
SELECT_APPLICATION = "SELECT value FROM newscheck_meta WHERE name = 'application'"

# --------------------------------------------------------------------------- runs

INSERT_RUN = (
    "INSERT INTO runs (id, started_at, finished_at, status, inputs, options, counts) "
    "VALUES (?, ?, NULL, ?, ?, ?, ?)"
)
FINISH_RUN = "UPDATE runs SET finished_at = ?, status = ?, counts = ? WHERE id = ?"
SELECT_RUN_EXISTS = "SELECT 1 FROM runs WHERE id = ?"
SELECT_RUNS = (
    "SELECT id, started_at, finished_at, status, inputs, options, counts FROM runs "
    "ORDER BY started_at, id"
)

# --------------------------------------------------------------------------- articles

ARTICLE_LEADING_COLUMNS = ("ingest_order", "id_scheme", "first_run_id")
SELECT_LAST_INGEST_ORDER = "SELECT COALESCE(MAX(ingest_order), 0) FROM articles"
SELECT_ARTICLE_COUNT = "SELECT COUNT(*) FROM articles"


def select_articles_after(articles: RecordTable[Any]) -> str:
    """One page of articles after an ingest position (keyset paging)."""
    where = "ingest_order > ?"
    return select_record(articles, where, "ingest_order", ("ingest_order",)) + " LIMIT ?"


def select_articles_at(articles: RecordTable[Any], count: int) -> str:
    return select_record(articles, id_in("ingest_order", count), "ingest_order")


def select_ingest_orders(count: int) -> str:
    return f"SELECT ingest_order FROM articles WHERE {id_in('id', count)}"


def select_stored(table: str, column: str, count: int) -> str:
    """Which of some keys are already stored."""
    return f"SELECT {column} FROM {table} WHERE {id_in(column, count)}"


# --------------------------------------------------------------------------- rejections

SELECT_LAST_REJECTION_POSITION = (
    "SELECT COALESCE(MAX(position), -1) FROM rejections WHERE run_id = ?"
)


def select_rejections(rejections: RecordTable[Any], where: str = "") -> str:
    """Rejections in the order recorded, oldest run first."""
    columns = ", ".join(f"r.{column}" for column in rejections.columns)
    return (
        f"SELECT {columns} FROM rejections r JOIN runs ON runs.id = r.run_id"
        + (f" WHERE {where}" if where else "")
        + " ORDER BY runs.started_at, r.run_id, r.position"
    )


# --------------------------------------------------------------------------- one dialect only

SQLITE_COLUMNS = (
    "SELECT t.name, c.name FROM sqlite_master t, pragma_table_info(t.name) c "
    "WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite%'"
)
POSTGRESQL_COLUMNS = (
    "SELECT t.relname, c.attname FROM pg_class t JOIN pg_attribute c ON c.attrelid = t.oid "
    "WHERE t.relnamespace = current_schema()::regnamespace AND t.relkind IN ('r', 'p') "
    "AND c.attnum > 0 AND NOT c.attisdropped"
)
POSTGRESQL_WRITE_LOCK = "SELECT pg_advisory_xact_lock(?)"


def postgresql_copy(table: str, columns: tuple[str, ...]) -> str:
    return f"COPY {table} ({', '.join(columns)}) FROM STDIN"


def staging_table(table: str) -> str:
    return f"newscheck_staging_{table}"


def postgresql_create_staging(table: str) -> str:
    """A session's temporary copy of a table's columns, emptied at each commit."""
    return (
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {staging_table(table)} (LIKE {table}) "
        "ON COMMIT DELETE ROWS"
    )


def postgresql_insert_from_staging(insert: Insert) -> str:
    columns = ", ".join(insert.columns)
    return (
        f"INSERT INTO {insert.table} ({columns}) SELECT {columns} FROM "
        f"{staging_table(insert.table)} ON CONFLICT ({', '.join(insert.on_conflict)}) DO NOTHING"
    )


def postgresql_empty_staging(table: str) -> str:
    return f"TRUNCATE {staging_table(table)}"


POSTGRESQL_BEGIN_READ = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

SQLITE_SEARCH_ARTICLES = (
    "SELECT a.id, a.id, a.title, "
    "snippet(articles_fts, -1, ?, ?, ?, 24), -bm25(articles_fts, 5.0, 1.0) "
    "FROM articles_fts JOIN articles a ON a.ingest_order = articles_fts.rowid "
    "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ?"
)
SQLITE_SEARCH_CLAIMS = (
    "SELECT c.id, c.article_id, a.title, "
    "snippet(claims_fts, -1, ?, ?, ?, 24), -bm25(claims_fts, 2.0, 1.0) "
    "FROM claims_fts JOIN claims c ON c.position = claims_fts.rowid "
    "LEFT JOIN articles a ON a.id = c.article_id "
    "WHERE claims_fts MATCH ? ORDER BY bm25(claims_fts, 2.0, 1.0) LIMIT ?"
)
POSTGRESQL_SEARCH_ARTICLES = (
    "SELECT a.id, a.id, a.title, ts_headline('simple', a.text, q, ?), "
    "ts_rank(a.search_vector, q) AS score "
    "FROM articles a, plainto_tsquery('simple', ?) q WHERE a.search_vector @@ q "
    "ORDER BY score DESC, a.ingest_order LIMIT ?"
)
POSTGRESQL_SEARCH_CLAIMS = (
    "SELECT c.id, c.article_id, a.title, ts_headline('simple', c.text, q, ?), "
    "ts_rank(c.search_vector, q) AS score "
    "FROM claims c LEFT JOIN articles a ON a.id = c.article_id, "
    "plainto_tsquery('simple', ?) q WHERE c.search_vector @@ q "
    "ORDER BY score DESC, c.position LIMIT ?"
)

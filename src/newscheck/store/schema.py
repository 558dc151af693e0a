"""The schema as numbered migrations, shared by every backend.

A migration is a list of statements in SQL that SQLite and PostgreSQL both accept, plus, where they
must differ (full-text search), statements for one dialect. ``{rowid_pk}`` in a statement becomes
the dialect's 64-bit integer primary key (SQLite's rowid alias, so that FTS5 can point at it);
``{without_rowid}`` after a table keyed by its primary key stores it as SQLite's clustered
``WITHOUT ROWID`` table (no second b-tree per row; PostgreSQL has no such option).
Types are kept to TEXT, INTEGER, BIGINT and DOUBLE PRECISION, and ``{bytes}`` (SQLite's BLOB,
PostgreSQL's BYTEA) for raw arrays; JSON is TEXT; timestamps are ISO-8601 TEXT in UTC (see
:mod:`newscheck.store.tables`).

Migrations are applied in order, each in its own transaction together with its row in
``schema_migrations`` (version, name, applied_at), so a migration is applied once or not at all.
Never edit a released migration: append a new one (see ``store/README.md``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Dialect = Literal["sqlite", "postgresql"]

APPLICATION = "newscheck"
"""Value of ``newscheck_meta.application``: marks a database as a newscheck store."""

DIALECT_SUBSTITUTIONS: dict[Dialect, dict[str, str]] = {
    "sqlite": {
        "{rowid_pk}": "INTEGER PRIMARY KEY",
        "{without_rowid}": " WITHOUT ROWID",
        "{bytes}": "BLOB",
    },
    "postgresql": {"{rowid_pk}": "BIGINT PRIMARY KEY", "{without_rowid}": "", "{bytes}": "BYTEA"},
}

BOOTSTRAP = (
    """CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS newscheck_meta (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    "INSERT INTO newscheck_meta (name, value) VALUES ('application', 'newscheck') "
    "ON CONFLICT (name) DO NOTHING",
)
"""Run before the first migration: the bookkeeping tables themselves."""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    common: tuple[str, ...]
    sqlite: tuple[str, ...] = ()
    postgresql: tuple[str, ...] = ()

    def statements(self, dialect: Dialect) -> tuple[str, ...]:
        specific = self.sqlite if dialect == "sqlite" else self.postgresql
        return tuple(_for_dialect(sql, dialect) for sql in self.common + specific)


def _for_dialect(sql: str, dialect: Dialect) -> str:
    for token, replacement in DIALECT_SUBSTITUTIONS[dialect].items():
        sql = sql.replace(token, replacement)
    return sql


INITIAL_SCHEMA = Migration(
    1,
    "initial schema",
    common=(
        """CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            inputs TEXT NOT NULL,
            options TEXT NOT NULL,
            counts TEXT NOT NULL
        )""",
        """CREATE TABLE articles (
            ingest_order {rowid_pk},
            id_scheme TEXT NOT NULL,
            first_run_id TEXT NOT NULL REFERENCES runs (id),
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            location TEXT NOT NULL,
            location_kind TEXT NOT NULL,
            format TEXT NOT NULL,
            removed TEXT NOT NULL,
            url TEXT,
            source TEXT,
            published TEXT,
            author TEXT,
            given_id TEXT,
            language TEXT,
            summary_only INTEGER NOT NULL,
            seq INTEGER NOT NULL
        )""",
        "CREATE INDEX articles_by_published ON articles (published)",
        "CREATE INDEX articles_by_source ON articles (source)",
        """CREATE TABLE segmentations (
            article_id TEXT PRIMARY KEY REFERENCES articles (id),
            scheme TEXT NOT NULL
        )""",
        """CREATE TABLE paragraphs (
            article_id TEXT NOT NULL REFERENCES segmentations (article_id),
            idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        ){without_rowid}""",
        """CREATE TABLE sentences (
            article_id TEXT NOT NULL REFERENCES segmentations (article_id),
            idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            paragraph INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        ){without_rowid}""",
        """CREATE TABLE rejections (
            run_id TEXT NOT NULL REFERENCES runs (id),
            position INTEGER NOT NULL,
            location TEXT NOT NULL,
            location_kind TEXT NOT NULL,
            reason TEXT NOT NULL,
            detail TEXT NOT NULL,
            PRIMARY KEY (run_id, position),
            UNIQUE (run_id, location, reason, detail)
        )""",
        """CREATE TABLE links (
            position INTEGER NOT NULL,
            derived TEXT NOT NULL,
            origin TEXT NOT NULL,
            relation TEXT NOT NULL,
            shared DOUBLE PRECISION NOT NULL,
            added TEXT NOT NULL,
            pairs TEXT NOT NULL,
            direction_method TEXT NOT NULL,
            direction_confidence DOUBLE PRECISION NOT NULL,
            scheme TEXT NOT NULL,
            PRIMARY KEY (derived, origin)
        )""",
        "CREATE INDEX links_by_origin ON links (origin)",
        """CREATE TABLE families (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            story_id TEXT,
            origin TEXT NOT NULL
        )""",
        "CREATE INDEX families_by_story ON families (story_id)",
        """CREATE TABLE family_articles (
            family_id TEXT NOT NULL REFERENCES families (id),
            position INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            PRIMARY KEY (family_id, position)
        )""",
        "CREATE INDEX family_articles_by_article ON family_articles (article_id)",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            scheme TEXT NOT NULL
        )""",
        """CREATE TABLE story_articles (
            story_id TEXT NOT NULL REFERENCES stories (id),
            position INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            PRIMARY KEY (story_id, position)
        )""",
        "CREATE INDEX story_articles_by_article ON story_articles (article_id)",
        """CREATE TABLE claims (
            position {rowid_pk},
            id TEXT NOT NULL UNIQUE,
            article_id TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            cue TEXT,
            stance TEXT NOT NULL,
            kind TEXT NOT NULL,
            figures TEXT NOT NULL,
            entities TEXT NOT NULL,
            via TEXT
        )""",
        "CREATE INDEX claims_by_article ON claims (article_id)",
        """CREATE TABLE claim_groups (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            story_id TEXT NOT NULL,
            families INTEGER NOT NULL,
            status TEXT NOT NULL
        )""",
        "CREATE INDEX claim_groups_by_story ON claim_groups (story_id)",
        """CREATE TABLE claim_group_claims (
            group_id TEXT NOT NULL REFERENCES claim_groups (id),
            position INTEGER NOT NULL,
            claim_id TEXT NOT NULL,
            PRIMARY KEY (group_id, position)
        )""",
        "CREATE INDEX claim_group_claims_by_claim ON claim_group_claims (claim_id)",
        """CREATE TABLE conflicts (
            story_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            claim_ids TEXT NOT NULL,
            detail TEXT NOT NULL,
            PRIMARY KEY (story_id, position)
        )""",
        """CREATE TABLE summary_sentences (
            story_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            cites TEXT NOT NULL,
            PRIMARY KEY (story_id, position)
        )""",
    ),
)

FULL_TEXT_SEARCH = Migration(
    2,
    "full-text search over articles and claims",
    common=(),
    sqlite=(
        # External-content FTS5 tables: the text is stored once, in articles / claims.
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='ingest_order',
            tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text)
            VALUES (new.ingest_order, new.title, new.text);
        END""",
        """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.ingest_order, old.title, old.text);
        END""",
        """CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.ingest_order, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text)
            VALUES (new.ingest_order, new.title, new.text);
        END""",
        "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
        """CREATE VIRTUAL TABLE claims_fts USING fts5(
            text, speaker, content='claims', content_rowid='position',
            tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts (rowid, text, speaker)
            VALUES (new.position, new.text, new.speaker);
        END""",
        """CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts (claims_fts, rowid, text, speaker)
            VALUES ('delete', old.position, old.text, old.speaker);
        END""",
        """CREATE TRIGGER claims_fts_update AFTER UPDATE ON claims BEGIN
            INSERT INTO claims_fts (claims_fts, rowid, text, speaker)
            VALUES ('delete', old.position, old.text, old.speaker);
            INSERT INTO claims_fts (rowid, text, speaker)
            VALUES (new.position, new.text, new.speaker);
        END""",
        "INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')",
    ),
    postgresql=(
        # 'simple' (no stemming, no stop words) matches SQLite's unicode61 tokenizer best. A
        # tsvector is limited to 1 MiB, so only the first 200,000 characters of a text are indexed.
        """ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, left(title, 10000)), 'A')
            || setweight(to_tsvector('simple'::regconfig, left(text, 200000)), 'B')
        ) STORED""",
        "CREATE INDEX articles_search ON articles USING GIN (search_vector)",
        """ALTER TABLE claims ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, left(text, 200000)), 'A')
            || setweight(to_tsvector('simple'::regconfig, coalesce(speaker, '')), 'B')
        ) STORED""",
        "CREATE INDEX claims_search ON claims USING GIN (search_vector)",
    ),
)

CLAIM_CHECKWORTHINESS = Migration(
    3,
    "claims.checkworthy and claims.scheme",
    common=(
        "ALTER TABLE claims ADD COLUMN checkworthy DOUBLE PRECISION NOT NULL DEFAULT 0.0",
        "ALTER TABLE claims ADD COLUMN scheme TEXT NOT NULL DEFAULT ''",
    ),
)

CROSS_CHECKING = Migration(
    4,
    "claim support, figure checks, framing, timeline and summary citations",
    common=(
        """CREATE TABLE claim_support (
            group_id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            witnesses TEXT NOT NULL,
            rests_on TEXT,
            rests_on_kind TEXT,
            added_claim_ids TEXT NOT NULL
        )""",
        """CREATE TABLE figure_checks (
            story_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            unit TEXT NOT NULL,
            event TEXT,
            value DOUBLE PRECISION NOT NULL,
            approx INTEGER NOT NULL,
            claim_ids TEXT NOT NULL,
            witnesses TEXT NOT NULL,
            status TEXT NOT NULL,
            PRIMARY KEY (story_id, position)
        )""",
        """CREATE TABLE framing (
            position INTEGER PRIMARY KEY,
            derived TEXT NOT NULL,
            origin TEXT NOT NULL,
            kind TEXT NOT NULL,
            where_in TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            words TEXT NOT NULL
        )""",
        "CREATE INDEX framing_by_derived ON framing (derived)",
        """CREATE TABLE timeline_entries (
            story_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            when_at TEXT,
            when_text TEXT NOT NULL,
            precision TEXT NOT NULL,
            text TEXT NOT NULL,
            cites TEXT NOT NULL,
            mentions TEXT NOT NULL,
            group_id TEXT,
            PRIMARY KEY (story_id, position)
        )""",
        """CREATE TABLE summary_citations (
            story_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            sentence INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            group_id TEXT,
            PRIMARY KEY (story_id, position)
        )""",
    ),
)

TEXT_VECTORS = Migration(
    5,
    "text_vectors: sentence embeddings kept between runs",
    common=(
        # A cache, not a record: the vector of a text under an embedding scheme, keyed by a hash
        # of the text, so a later run over the same store encodes only the texts it has not seen.
        # Not WITHOUT ROWID in SQLite: a 1.5 KiB row overflows an index b-tree's cell and takes a
        # page of its own (4.6 KiB a vector, measured; 2 KiB in a rowid table).
        """CREATE TABLE text_vectors (
            scheme TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            vector {bytes} NOT NULL,
            PRIMARY KEY (scheme, text_hash)
        )""",
    ),
)

LINKED_PARTS = Migration(
    6,
    "linked_parts: links of each part of a windowed link stage, kept between runs",
    common=(
        # A cache, not a record: the links a part of the stream gave, keyed by a hash of what
        # they depend on (newscheck.link.window.part_key), as compressed rows of the links table.
        """CREATE TABLE linked_parts (
            part_key TEXT PRIMARY KEY,
            links {bytes} NOT NULL
        )""",
    ),
)

MIGRATIONS: tuple[Migration, ...] = (
    INITIAL_SCHEMA,
    FULL_TEXT_SEARCH,
    CLAIM_CHECKWORTHINESS,
    CROSS_CHECKING,
    TEXT_VECTORS,
    LINKED_PARTS,
)
"""Every migration, in order. Versions are 1, 2, 3, ... without gaps."""

LATEST_VERSION = MIGRATIONS[-1].version

"""A store written by the previous newscheck (schema version 3) opens, migrates and keeps its data.

The old store is made the way that version made it: the bookkeeping tables and migrations 1-3 run
by the driver itself, and rows in the form that version wrote (link pairs as JSON objects by field
name), so nothing of today's store code shapes it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from newscheck.model import (
    ARTICLE_ID_SCHEME,
    Claim,
    ClaimGroup,
    Figure,
    FigureCheck,
    Link,
    SentencePair,
    Span,
    Story,
)
from newscheck.store import open_store, sql
from newscheck.store.codec import format_timestamp, to_column
from newscheck.store.schema import BOOTSTRAP, LATEST_VERSION, MIGRATIONS
from newscheck.store.tables import ARTICLES, CLAIMS, LINKS

from .fictional import fictional_article
from .test_migrate import recorded

PREVIOUS_VERSION = 3


Execute = Callable[[str, Sequence[Any]], object]


@contextmanager
def driver(backend: str, target: str) -> Iterator[Execute]:
    """Run statements on the target with its driver alone, committed at the end."""
    if backend == "sqlite":
        connection = sqlite3.connect(target)
        with connection:
            yield connection.execute
        connection.close()
        return
    import psycopg

    with psycopg.connect(target) as pg, pg.cursor() as cursor:

        def execute(statement: str, params: Sequence[Any]) -> object:
            return cursor.execute(statement.replace("?", "%s"), params)

        yield execute


def insert(execute: Execute, table: str, columns: Sequence[str], row: Sequence[Any]) -> None:
    execute(sql.Insert(table, tuple(columns)).statement(), row)


PAIRS = (SentencePair(0, 0, 0.82, "paraphrase"), SentencePair(1, 2, 1.0, "same"))


def write_previous_store(backend: str, target: str) -> tuple[Any, ...]:
    article, _ = fictional_article(3)
    derived, _ = fictional_article(4)
    link = Link(derived.id, article.id, "rewrite", 0.66, (Span(derived.id, 5, 40),), PAIRS)
    claim = Claim(
        "c1",
        article.id,
        0,
        40,
        "Velmora counted 6 ferries.",
        "the harbour council",
        "said",
        figures=(Figure(article.id, 16, 17, 6.0, "ferries"),),
        checkworthy=0.75,
        scheme="extract.test.v1",
    )
    story = Story("s1", article.title, (article.id, derived.id), scheme="stories.test.v1")
    group = ClaimGroup("g1", "s1", ("c1",), 1, "single_source")
    with driver(backend, target) as execute:
        for statement in BOOTSTRAP:
            execute(statement, ())
        for migration in MIGRATIONS[:PREVIOUS_VERSION]:
            for statement in migration.statements(
                "sqlite" if backend == "sqlite" else "postgresql"
            ):
                execute(statement, ())
            execute(
                sql.INSERT_MIGRATION,
                (migration.version, migration.name, "2025-03-01T00:00:00.000000Z"),
            )
        now = format_timestamp(article.published) if article.published else ""
        execute(sql.INSERT_RUN, ("run-1", now, "done", "[]", "{}", "{}"))
        for order, a in enumerate((article, derived), 1):
            leading = sql.ARTICLE_LEADING_COLUMNS
            insert(
                execute,
                "articles",
                leading + ARTICLES.columns,
                (order, ARTICLE_ID_SCHEME, "run-1", *ARTICLES.encode(a)),
            )
        row = list(LINKS.encode(link))
        row[LINKS.columns.index("pairs")] = to_column(PAIRS)  # as objects by field name
        insert(execute, "links", ("position", *LINKS.columns), (0, *row))
        insert(execute, "claims", ("position", *CLAIMS.columns), (1, *CLAIMS.encode(claim)))
        insert(
            execute,
            "stories",
            ("id", "position", "title", "first_seen", "last_seen", "scheme"),
            ("s1", 0, story.title, None, None, story.scheme),
        )
        for position, member in enumerate(story.article_ids):
            insert(
                execute,
                "story_articles",
                ("story_id", "position", "article_id"),
                ("s1", position, member),
            )
        insert(
            execute,
            "claim_groups",
            ("id", "position", "story_id", "families", "status"),
            ("g1", 0, "s1", 1, "single_source"),
        )
        insert(execute, "claim_group_claims", ("group_id", "position", "claim_id"), ("g1", 0, "c1"))
    return article, derived, link, claim, story, group


def test_a_previous_version_store_is_migrated_with_its_data_kept(
    backend: str, store_target: str
) -> None:
    article, derived, link, claim, story, group = write_previous_store(backend, store_target)
    with open_store(store_target) as store:
        versions = [version for version, _, _ in recorded(store)]
        assert versions == list(range(1, LATEST_VERSION + 1))
        assert list(store.articles()) == [article, derived]
        assert store.links() == [link]
        assert store.claims() == [claim]
        assert store.stories() == [story]
        assert store.claim_groups() == [group]
        assert not any(
            (
                store.claim_support(),
                store.framing(),
                store.figure_checks(),
                store.timeline(),
                store.citations(),
            )
        )
        check = FigureCheck("s1", "ferries", None, 6.0, False, ("c1",), ("f1",), "single_source")
        store.replace_figure_checks("s1", [check])
        store.replace_links(store.links())  # rewritten in the compact form
    with open_store(store_target, read_only=True) as store:
        assert store.figure_checks("s1") == [check]
        assert store.links([article.id]) == [link]

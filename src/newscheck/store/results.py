"""Derived results (links, families, stories, claims, claim groups, conflicts, summaries).

A stage's results are replaced as a whole set for their scope (everything, or one story) in one
transaction: a reader sees the old set or the new one, never a mix, and re-running a stage leaves
exactly its new results. Each row keeps its position in the list given, so the list reads back in
the same order and equal, record for record; a reader scoped to some ids reads the matching
records in that same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from newscheck.errors import StoreError
from newscheck.model import Claim, ClaimGroup, Conflict, Family, Link, Story, SummarySentence
from newscheck.store import sql
from newscheck.store.backend import Row, SQLBackend, chunks
from newscheck.store.tables import (
    CLAIM_GROUP_CLAIMS,
    CLAIM_GROUPS,
    CLAIMS,
    CONFLICTS,
    FAMILIES,
    FAMILY_ARTICLES,
    LINKS,
    STORIES,
    STORY_ARTICLES,
    SUMMARY_SENTENCES,
    MemberTable,
    RecordTable,
)

R = TypeVar("R")


class DerivedResults(SQLBackend):
    """The replace / read pairs of the store interface for derived results."""

    def replace_links(self, links: Sequence[Link]) -> None:
        self._replace("links", LINKS, links)

    def links(self, article_ids: Iterable[str] | None = None) -> list[Link]:
        if article_ids is None:
            return self._read("links", LINKS)
        return self._read_in("links", LINKS, ("derived", "origin"), article_ids)

    def replace_families(self, families: Sequence[Family]) -> None:
        self._replace("families", FAMILIES, families, FAMILY_ARTICLES)

    def families(self, story_id: str | None = None) -> list[Family]:
        if story_id is None:
            return self._read("families", FAMILIES, FAMILY_ARTICLES)
        return self._read("families", FAMILIES, FAMILY_ARTICLES, "story_id = ?", (story_id,))

    def replace_stories(self, stories: Sequence[Story]) -> None:
        self._replace("stories", STORIES, stories, STORY_ARTICLES)

    def stories(self, ids: Iterable[str] | None = None) -> list[Story]:
        if ids is None:
            return self._read("stories", STORIES, STORY_ARTICLES)
        return self._read_in("stories", STORIES, ("id",), ids, STORY_ARTICLES)

    def replace_claims(self, claims: Sequence[Claim]) -> None:
        self._replace("claims", CLAIMS, claims)

    def claims(self, article_ids: Iterable[str] | None = None) -> list[Claim]:
        if article_ids is None:
            return self._read("claims", CLAIMS)
        return self._read_in("claims", CLAIMS, ("article_id",), article_ids)

    def replace_claim_groups(self, groups: Sequence[ClaimGroup]) -> None:
        self._replace("claim groups", CLAIM_GROUPS, groups, CLAIM_GROUP_CLAIMS)

    def claim_groups(self, story_id: str | None = None) -> list[ClaimGroup]:
        if story_id is None:
            return self._read("claim groups", CLAIM_GROUPS, CLAIM_GROUP_CLAIMS)
        return self._read(
            "claim groups", CLAIM_GROUPS, CLAIM_GROUP_CLAIMS, "story_id = ?", (story_id,)
        )

    def replace_conflicts(self, story_id: str, conflicts: Sequence[Conflict]) -> None:
        self._replace("conflicts", CONFLICTS, conflicts, story_id=story_id)

    def conflicts(self, story_id: str | None = None) -> list[Conflict]:
        return self._read_story("conflicts", CONFLICTS, story_id)

    def replace_summary(self, story_id: str, sentences: Sequence[SummarySentence]) -> None:
        self._replace("summary", SUMMARY_SENTENCES, sentences, story_id=story_id)

    def summary(self, story_id: str) -> list[SummarySentence]:
        return self._read("summary", SUMMARY_SENTENCES, None, "story_id = ?", (story_id,))

    # ------------------------------------------------------------------ shared mechanics

    def _replace(
        self,
        what: str,
        table: RecordTable[R],
        records: Sequence[R],
        members: MemberTable | None = None,
        story_id: str | None = None,
    ) -> None:
        """Delete the scope's rows and insert ``records`` in their place, in one transaction.

        The scope is the whole table, or with ``story_id`` the rows of that story. Records that
        carry their story (:class:`FigureCheck`) must all be of that story; for those that do not
        (:class:`Conflict`) the store keeps the story id beside them.
        """
        own_story = "story_id" in table.columns
        if story_id is not None and own_story:
            _require_story(what, story_id, records)
        scope: Row = () if story_id is None else (story_id,)
        leading = ("position",) if story_id is None or own_story else ("story_id", "position")
        prefix = () if own_story else scope
        rows = [(*prefix, position, *table.encode(r)) for position, r in enumerate(records)]
        member_rows = _member_rows(table, records) if members else []
        where = "" if story_id is None else "story_id = ?"
        with self.transaction(f"replace {what}", write=True):
            if members:
                self._execute(sql.delete_all(members.table))
            self._execute(sql.delete_all(table.table, where), scope)
            self._insert_many(sql.insert_record(table, leading), rows)
            if members:
                self._insert_many(sql.insert_members(members), member_rows)

    def _read(
        self,
        what: str,
        table: RecordTable[R],
        members: MemberTable | None = None,
        where: str = "",
        params: Row = (),
        order_by: str = "position",
    ) -> list[R]:
        with self.transaction(f"read {what}", write=False):
            rows = self._fetchall(sql.select_record(table, where, order_by), params)
            owned = self._members(members, table, where, params) if members else {}
        return _decoded(table, rows, members, owned)

    def _read_story(self, what: str, table: RecordTable[R], story_id: str | None) -> list[R]:
        """One story's records, or every story's (grouped by story id, each in its order)."""
        if story_id is None:
            return self._read(what, table, order_by="story_id, position")
        return self._read(what, table, None, "story_id = ?", (story_id,))

    def _read_in(
        self,
        what: str,
        table: RecordTable[R],
        columns: tuple[str, ...],
        ids: Iterable[str],
        members: MemberTable | None = None,
    ) -> list[R]:
        """Records whose value in any of ``columns`` is one of ``ids``, each once, in the order
        stored (the table's ``position``)."""
        wanted = list(dict.fromkeys(ids))
        found: dict[int, Row] = {}
        with self.transaction(f"read {what}", write=False):
            for chunk in chunks(wanted):
                where = " OR ".join(sql.id_in(column, len(chunk)) for column in columns)
                statement = sql.select_record(table, where, leading=("position",))
                for row in self._fetchall(statement, tuple(chunk) * len(columns)):
                    found[int(row[0])] = row[1:]
            rows = [found[position] for position in sorted(found)]
            owned: dict[str, tuple[str, ...]] = {}
            if members:
                id_at = table.columns.index("id")
                owned = self._members_of(members, [row[id_at] for row in rows])
        return _decoded(table, rows, members, owned)

    def _members(
        self, members: MemberTable, owner_table: RecordTable[Any], where: str, params: Row
    ) -> dict[str, tuple[str, ...]]:
        """Member ids by owner id, in their stored order (call inside the reading transaction)."""
        if where:
            where = f"{members.owner} IN (SELECT id FROM {owner_table.table} WHERE {where})"
        return _grouped(self._fetchall(sql.select_members(members, where), params))

    def _members_of(
        self, members: MemberTable, owner_ids: Sequence[str]
    ) -> dict[str, tuple[str, ...]]:
        """Member ids of the given owners, in their stored order (inside a transaction)."""
        rows: list[Row] = []
        for chunk in chunks(owner_ids):
            statement = sql.select_members(members, sql.id_in(members.owner, len(chunk)))
            rows += self._fetchall(statement, tuple(chunk))
        return _grouped(rows)


def _decoded(
    table: RecordTable[R],
    rows: Sequence[Row],
    members: MemberTable | None,
    owned: dict[str, tuple[str, ...]],
) -> list[R]:
    if not members:
        return [table.decode(row) for row in rows]
    (field,) = table.elsewhere
    id_at = table.columns.index("id")
    return [table.decode(row, **{field: owned.get(row[id_at], ())}) for row in rows]


def _grouped(rows: Sequence[Row]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for owner, member in rows:
        grouped.setdefault(owner, []).append(member)
    return {owner: tuple(ids) for owner, ids in grouped.items()}


def _member_rows(table: RecordTable[Any], records: Sequence[Any]) -> list[Row]:
    (field,) = table.elsewhere
    return [
        (record.id, position, member)
        for record in records
        for position, member in enumerate(getattr(record, field))
    ]


def _require_story(what: str, story_id: str, records: Sequence[Any]) -> None:
    others = sorted({r.story_id for r in records if r.story_id != story_id})
    if others:
        raise StoreError(
            f"cannot replace {what} of story {story_id!r}: given records of {', '.join(others)}"
        )

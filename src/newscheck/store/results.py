"""Derived results (links, families, stories, claims, claim groups, conflicts, summaries).

A stage's results are replaced as a whole set for their scope (everything, or one story) in one
transaction: a reader sees the old set or the new one, never a mix, and re-running a stage leaves
exactly its new results. Each row keeps its position in the list given, so the list reads back in
the same order and equal, record for record.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from newscheck.model import Claim, ClaimGroup, Conflict, Family, Link, Story, SummarySentence
from newscheck.store import sql
from newscheck.store.backend import Row, SQLBackend
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

    def links(self) -> list[Link]:
        return self._read("links", LINKS)

    def replace_families(self, families: Sequence[Family]) -> None:
        self._replace("families", FAMILIES, families, FAMILY_ARTICLES)

    def families(self) -> list[Family]:
        return self._read("families", FAMILIES, FAMILY_ARTICLES)

    def replace_stories(self, stories: Sequence[Story]) -> None:
        self._replace("stories", STORIES, stories, STORY_ARTICLES)

    def stories(self) -> list[Story]:
        return self._read("stories", STORIES, STORY_ARTICLES)

    def replace_claims(self, claims: Sequence[Claim]) -> None:
        self._replace("claims", CLAIMS, claims)

    def claims(self, article_ids: Iterable[str] | None = None) -> list[Claim]:
        if article_ids is None:
            return self._read("claims", CLAIMS)
        ids = list(dict.fromkeys(article_ids))

        def statement(count: int) -> str:
            where = sql.id_in("article_id", count)
            return sql.select_record(CLAIMS, where, leading=("position",))

        with self.transaction("read claims", write=False):
            rows = sorted(self._select_in(statement, ids), key=lambda row: int(row[0]))
        return [CLAIMS.decode(row[1:]) for row in rows]

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
        if story_id is None:
            return self._read("conflicts", CONFLICTS, order_by="story_id, position")
        return self._read("conflicts", CONFLICTS, None, "story_id = ?", (story_id,))

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

        The scope is the whole table, or with ``story_id`` the rows of that story (for records
        such as :class:`Conflict` that do not carry their story themselves).
        """
        scope: Row = () if story_id is None else (story_id,)
        leading = ("position",) if story_id is None else ("story_id", "position")
        rows = [(*scope, position, *table.encode(r)) for position, r in enumerate(records)]
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
        if not members:
            return [table.decode(row) for row in rows]
        (field,) = table.elsewhere
        id_at = table.columns.index("id")
        return [table.decode(row, **{field: owned.get(row[id_at], ())}) for row in rows]

    def _members(
        self, members: MemberTable, owner_table: RecordTable[Any], where: str, params: Row
    ) -> dict[str, tuple[str, ...]]:
        """Member ids by owner id, in their stored order (call inside the reading transaction)."""
        if where:
            where = f"{members.owner} IN (SELECT id FROM {owner_table.table} WHERE {where})"
        grouped: dict[str, list[str]] = {}
        for owner, member in self._fetchall(sql.select_members(members, where), params):
            grouped.setdefault(owner, []).append(member)
        return {owner: tuple(ids) for owner, ids in grouped.items()}


def _member_rows(table: RecordTable[Any], records: Sequence[Any]) -> list[Row]:
    (field,) = table.elsewhere
    return [
        (record.id, position, member)
        for record in records
        for position, member in enumerate(getattr(record, field))
    ]

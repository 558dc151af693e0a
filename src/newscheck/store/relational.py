"""The store over SQL, written once for every backend: runs, articles, rejections, search.

Derived results live in :mod:`~newscheck.store.results` and :mod:`~newscheck.store.checks`; the
connection primitives and the transaction in :mod:`~newscheck.store.backend`; the schema in
:mod:`~newscheck.store.schema`.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import Any, TypeVar

from newscheck.errors import StoreError
from newscheck.model import ARTICLE_ID_SCHEME, Article, Rejection, Segmentation
from newscheck.store import sql
from newscheck.store.backend import Row, chunks
from newscheck.store.checks import CrossCheckResults
from newscheck.store.codec import format_timestamp
from newscheck.store.migrate import ensure_schema
from newscheck.store.parts import LinkedParts
from newscheck.store.search import clamp_limit, query_words, search_hit
from newscheck.store.tables import (
    ARTICLES,
    PARAGRAPHS,
    REJECTIONS,
    SEGMENTATIONS,
    SENTENCES,
    RecordTable,
)

R = TypeVar("R")

ARTICLE_PAGE = 100
"""Articles read per query while streaming: bounds memory whatever the store's size."""

RUN_COLUMNS = ("id", "started_at", "finished_at", "status", "inputs", "options", "counts")


def new_run_id() -> str:
    """Sortable by start time, unique without coordination."""
    return f"run-{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(4)}"


def _now() -> str:
    return format_timestamp(datetime.now(UTC))


def _json(value: object) -> str:
    # default=str: options may hold paths or enums; the run record is for people to read.
    return json.dumps(value, ensure_ascii=False, default=str)


class SQLStore(CrossCheckResults, LinkedParts):
    """Everything of the store interface; a backend adds only its connection (see backend.py)."""

    def _open_schema(self) -> None:
        """Called by a backend's constructor once connected; closes the connection on failure."""
        try:
            ensure_schema(self)
        except BaseException:
            self.close()
            raise

    def _require_run(self, run_id: str) -> None:
        if not self._fetchall(sql.SELECT_RUN_EXISTS, (run_id,)):
            raise StoreError(f"{self.description}: no run with id {run_id!r}")

    # ------------------------------------------------------------------ runs

    def begin_run(self, inputs: Sequence[str], options: Mapping[str, object]) -> str:
        run_id = new_run_id()
        row = (run_id, _now(), "running", _json(list(inputs)), _json(dict(options)), "{}")
        with self.transaction("begin a run", write=True):
            self._execute(sql.INSERT_RUN, row)
        return run_id

    def finish_run(self, run_id: str, status: str, counts: Mapping[str, int]) -> None:
        with self.transaction("finish a run", write=True):
            self._require_run(run_id)
            self._execute(sql.FINISH_RUN, (_now(), status, _json(dict(counts)), run_id))

    def runs(self) -> list[dict[str, object]]:
        with self.transaction("read runs", write=False):
            rows = self._fetchall(sql.SELECT_RUNS)
        runs: list[dict[str, object]] = []
        for row in rows:
            run = dict(zip(RUN_COLUMNS, row, strict=True))
            for name in ("inputs", "options", "counts"):
                run[name] = json.loads(run[name])
            runs.append(run)
        return runs

    # ------------------------------------------------------------------ articles

    def add_articles(
        self, run_id: str, articles: Sequence[Article], segmentations: Sequence[Segmentation]
    ) -> list[str]:
        stored_ids = partial(sql.select_stored, "articles", "id")
        insert = sql.insert_record(ARTICLES, sql.ARTICLE_LEADING_COLUMNS, on_conflict=("id",))
        with self.transaction("add articles", write=True):
            self._require_run(run_id)
            seen = {row[0] for row in self._select_in(stored_ids, [a.id for a in articles])}
            (last,) = self._fetchall(sql.SELECT_LAST_INGEST_ORDER)[0]
            added: list[str] = []
            rows: list[Row] = []
            for article in articles:
                if article.id not in seen:
                    seen.add(article.id)
                    added.append(article.id)
                    order = int(last) + len(added)
                    rows.append((order, ARTICLE_ID_SCHEME, run_id, *ARTICLES.encode(article)))
            self._insert_many(insert, rows)
            self._add_segmentations(segmentations)
        return added

    def _add_segmentations(self, segmentations: Sequence[Segmentation]) -> None:
        """Store the segmentations of articles that have none yet (inside the batch)."""
        stored_ids = partial(sql.select_stored, "segmentations", "article_id")
        ids = [s.article_id for s in segmentations]
        seen = {row[0] for row in self._select_in(stored_ids, ids)}
        fresh: list[Segmentation] = []
        for segmentation in segmentations:
            if segmentation.article_id not in seen:
                seen.add(segmentation.article_id)
                fresh.append(segmentation)
        heads = [SEGMENTATIONS.encode(s) for s in fresh]
        paragraphs = [PARAGRAPHS.encode(p) for s in fresh for p in s.paragraphs]
        sentences = [SENTENCES.encode(t) for s in fresh for t in s.sentences]
        self._insert_many(sql.insert_record(SEGMENTATIONS), heads)
        self._insert_many(sql.insert_record(PARAGRAPHS), paragraphs)
        self._insert_many(sql.insert_record(SENTENCES), sentences)

    def add_rejections(self, run_id: str, rejections: Sequence[Rejection]) -> None:
        same = ("run_id", "location", "reason", "detail")
        insert = sql.insert_record(REJECTIONS, ("run_id", "position"), on_conflict=same)
        with self.transaction("add rejections", write=True):
            self._require_run(run_id)
            (last,) = self._fetchall(sql.SELECT_LAST_REJECTION_POSITION, (run_id,))[0]
            rows = [
                (run_id, int(last) + 1 + offset, *REJECTIONS.encode(rejection))
                for offset, rejection in enumerate(rejections)
            ]
            self._insert_many(insert, rows)

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        # Pages by ingest order instead of one long-open cursor: no read transaction stays open
        # while the caller works, so it may write to the store while iterating, and the same code
        # streams on every backend.
        if ids is not None:
            yield from self._articles_by_id(list(dict.fromkeys(ids)))
            return
        after = 0
        while True:
            with self.transaction("read articles", write=False):
                rows = self._fetchall(sql.select_articles_after(ARTICLES), (after, ARTICLE_PAGE))
            yield from (ARTICLES.decode(row[1:]) for row in rows)
            if len(rows) < ARTICLE_PAGE:
                return
            after = rows[-1][0]

    def _articles_by_id(self, ids: list[str]) -> Iterator[Article]:
        with self.transaction("read articles", write=False):
            orders = sorted(int(row[0]) for row in self._select_in(sql.select_ingest_orders, ids))
        for page in chunks(orders, ARTICLE_PAGE):
            with self.transaction("read articles", write=False):
                rows = self._fetchall(sql.select_articles_at(ARTICLES, len(page)), page)
            yield from (ARTICLES.decode(row) for row in rows)

    def article(self, article_id: str) -> Article | None:
        return next(self.articles([article_id]), None)

    def article_count(self) -> int:
        with self.transaction("count articles", write=False):
            (count,) = self._fetchall(sql.SELECT_ARTICLE_COUNT)[0]
        return int(count)

    def text_vectors(self, scheme: str, text_hashes: Iterable[str]) -> dict[str, bytes]:
        wanted = list(dict.fromkeys(text_hashes))
        if not wanted:
            return {}
        with self.transaction("read text vectors", write=False):
            rows = self._select_in(sql.select_text_vectors, wanted, scheme)
        return {str(text_hash): bytes(vector) for text_hash, vector in rows}

    def add_text_vectors(self, scheme: str, vectors: Mapping[str, bytes]) -> None:
        if not vectors:
            return
        rows = [(scheme, text_hash, vector) for text_hash, vector in vectors.items()]
        with self.transaction("store text vectors", write=True):
            self._insert_many(sql.INSERT_TEXT_VECTOR, rows)

    def text_vector_count(self, scheme: str) -> int:
        with self.transaction("count text vectors", write=False):
            (count,) = self._fetchall(sql.SELECT_TEXT_VECTOR_COUNT, (scheme,))[0]
        return int(count)

    def segmentations(self, ids: Iterable[str] | None = None) -> dict[str, Segmentation]:
        wanted = None if ids is None else list(dict.fromkeys(ids))
        same_id: dict[str, str] = {}  # one id string per article, not one per row: a run holds all
        with self.transaction("read segmentations", write=False):
            heads = [row for batch in self._per_article(SEGMENTATIONS, wanted) for row in batch]
            paragraphs = _grouped(PARAGRAPHS, self._per_article(PARAGRAPHS, wanted), same_id)
            sentences = _grouped(SENTENCES, self._per_article(SENTENCES, wanted), same_id)
        return {
            row[0]: SEGMENTATIONS.decode(
                row, paragraphs=paragraphs.get(row[0], ()), sentences=sentences.get(row[0], ())
            )
            for row in heads
        }

    def _per_article(self, table: RecordTable[Any], ids: list[str] | None) -> Iterator[list[Row]]:
        """Rows of a table keyed by article (and index), in lists as they are read; each article's
        rows come together, in key order. Inside a transaction."""
        order = "article_id, idx" if "idx" in table.columns else "article_id"
        if ids is None:
            yield from self._fetch_batches(sql.select_record(table, order_by=order))
            return
        for chunk in chunks(ids):
            statement = sql.select_record(table, sql.id_in("article_id", len(chunk)), order)
            yield self._fetchall(statement, chunk)

    def rejections(self, run_id: str | None = None) -> list[Rejection]:
        where, params = ("r.run_id = ?", (run_id,)) if run_id is not None else ("", ())
        with self.transaction("read rejections", write=False):
            rows = self._fetchall(sql.select_rejections(REJECTIONS, where), params)
        return [REJECTIONS.decode(row) for row in rows]

    # ------------------------------------------------------------------ search

    def search(self, query: str, limit: int = 20) -> list[dict[str, object]]:
        words, limit = query_words(query), clamp_limit(limit)
        if not words or not limit:
            return []
        rows: list[tuple[str, Row]] = []
        with self.transaction("search", write=False):
            for kind, statement, params in self._search_statements(words, limit):
                rows += [(kind, row) for row in self._fetchall(statement, params)]
        rows.sort(key=lambda hit: -float(hit[1][-1]))  # best score first, articles and claims
        return [search_hit(kind, *row) for kind, row in rows[:limit]]


def _grouped(
    table: RecordTable[R], batches: Iterable[list[Row]], same_id: dict[str, str]
) -> dict[str, tuple[R, ...]]:
    """The records of ``table`` (article id first) per article, decoded as the rows are read, so
    that the rows of the whole store are never held at once."""
    out: dict[str, tuple[R, ...]] = {}
    current: list[R] = []
    owner = None
    for batch in batches:
        for row in batch:
            values = list(row)
            if values[0] != owner:
                if owner is not None:
                    out[owner] = tuple(current)
                owner = same_id.setdefault(values[0], values[0])
                current = []
            values[0] = owner
            current.append(table.decode(values))
    if owner is not None:
        out[owner] = tuple(current)
    return out

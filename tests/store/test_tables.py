"""Record <-> row mapping: columns follow fields, renamed keywords, compact layouts."""

from __future__ import annotations

import json
from dataclasses import dataclass

from newscheck.model import Claim, Figure, Link, Sentence, SentencePair, Span
from newscheck.store.codec import Compact, to_column
from newscheck.store.tables import (
    ARTICLES,
    CLAIMS,
    FRAMING,
    LINKS,
    RECORD_TABLES,
    SENTENCES,
    STORIES,
    TIMELINE,
    RecordTable,
)


def test_columns_follow_fields_with_keywords_renamed() -> None:
    assert SENTENCES.columns == ("article_id", "idx", "start_char", "end_char", "paragraph")
    assert "article_ids" not in STORIES.columns
    assert ARTICLES.columns[0] == "id" and "seq" in ARTICLES.columns
    assert all(len(set(table.columns)) == len(table.columns) for table in RECORD_TABLES)
    assert TIMELINE.columns[:2] == ("story_id", "when_at")
    assert "where_in" in FRAMING.columns and "where" not in FRAMING.columns


def test_record_table_round_trip() -> None:
    link = Link("d", "o", "partial", 0.25, (Span("d", 0, 9),), (), "text", 0.5, "link.v1")
    assert LINKS.decode(LINKS.encode(link)) == link
    claim = Claim(
        "c",
        "a",
        0,
        4,
        "text",
        None,
        "denied",
        "denies",
        "fact",
        (Figure("a", 0, 2, 24.0, "settlements"),),
        ("Sudzha",),
        None,
    )
    assert CLAIMS.decode(CLAIMS.encode(claim)) == claim
    sentence = Sentence("a", 2, 10, 20, 1)
    assert SENTENCES.decode(SENTENCES.encode(sentence)) == sentence


def test_link_pairs_are_stored_compact_and_older_rows_still_read() -> None:
    pairs = (SentencePair(0, 2, 0.93, "paraphrase"), SentencePair(1, 3, 1.0, "same"))
    link = Link("d", "o", "rewrite", 0.5, (Span("d", 10, 42),), pairs, "published", 0.8, "v1")
    row = LINKS.encode(link)
    pairs_at = LINKS.columns.index("pairs")
    assert json.loads(str(row[pairs_at])) == [[0, 2, 0.93, "paraphrase"], [1, 3, 1.0, "same"]]
    older = list(row)
    older[pairs_at] = to_column(pairs)  # objects by field name, as written before
    assert LINKS.decode(older) == LINKS.decode(row) == link


@dataclass(frozen=True, slots=True)
class NotedPair:
    derived_sentence: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class Holder:
    derived: str
    pairs: tuple[NotedPair, ...]


def test_a_nested_field_outside_its_compact_layout_is_named() -> None:
    table = RecordTable(Holder, "links", compact=(Compact("pairs", ("derived_sentence",)),))
    assert table.missing_in_layouts() == ["NotedPair.note (in links.pairs)"]
    assert LINKS.missing_in_layouts() == []

"""Record <-> row encoding: timestamps, nested records, renamed columns."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from newscheck.model import Claim, Figure, Link, Sentence, SentencePair, Span
from newscheck.store.tables import (
    ARTICLES,
    CLAIMS,
    LINKS,
    RECORD_TABLES,
    SENTENCES,
    STORIES,
    format_timestamp,
    from_column,
    from_json,
    parse_timestamp,
    to_column,
)

from .strategies import moments


@given(moments, moments)
def test_timestamps_sort_as_time_does(first: datetime, second: datetime) -> None:
    a, b = format_timestamp(first), format_timestamp(second)
    assert len(a) == len(b) == len("2025-03-12T10:00:00.000000Z")
    assert (a < b) == (first < second)
    assert parse_timestamp(a) == first
    assert parse_timestamp(a).tzinfo == UTC


def test_a_naive_timestamp_is_taken_as_utc() -> None:
    naive = datetime(2025, 3, 12, 10, 30)
    assert format_timestamp(naive) == "2025-03-12T10:30:00.000000Z"
    kyiv = datetime(2025, 3, 12, 12, 30, tzinfo=timezone(timedelta(hours=2)))
    assert format_timestamp(kyiv) == "2025-03-12T10:30:00.000000Z"


def test_nested_records_are_json_by_field_name() -> None:
    pairs = (SentencePair(0, 3, 0.75, "paraphrase"),)
    encoded = to_column(pairs)
    assert json.loads(str(encoded)) == [
        {"derived_sentence": 0, "origin_sentence": 3, "score": 0.75, "relation": "paraphrase"}
    ]
    assert from_column(encoded, tuple[SentencePair, ...]) == pairs


def test_nested_records_read_old_json_with_defaults_and_ignore_unknown_keys() -> None:
    # A Figure written before "approx" existed, and after a field that this version lacks.
    stored = [{"article_id": "a", "start": 1, "end": 4, "value": 14, "unit": "people", "new": 1}]
    figures = from_json(stored, tuple[Figure, ...])
    assert isinstance(figures, tuple)
    (figure,) = figures
    assert figure == Figure("a", 1, 4, 14.0, "people", None)
    assert isinstance(figure.value, float)


def test_scalars_and_optional_values() -> None:
    assert to_column(True) == 1 and from_column(1, bool) is True
    assert to_column(None) is None and from_column(None, datetime | None) is None
    assert from_column(3, float) == 3.0 and isinstance(from_column(3, float), float)
    assert to_column(("a", "b")) == '["a","b"]'
    assert to_column("Ünïcode ✓") == "Ünïcode ✓"


def test_columns_follow_fields_with_keywords_renamed() -> None:
    assert SENTENCES.columns == ("article_id", "idx", "start_char", "end_char", "paragraph")
    assert "article_ids" not in STORIES.columns
    assert ARTICLES.columns[0] == "id" and "seq" in ARTICLES.columns
    assert all(len(set(table.columns)) == len(table.columns) for table in RECORD_TABLES)


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


@dataclass(frozen=True, slots=True)
class Later:
    """A record as it may look after someone adds a field with a default."""

    name: str
    weight: float = 1.0


@given(st.text(), st.floats(allow_nan=False))
def test_json_round_trip_of_any_nested_record(name: str, weight: float) -> None:
    record = (Later(name, weight),)
    assert from_column(to_column(record), tuple[Later, ...]) == record

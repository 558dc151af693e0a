"""Field value <-> column value: timestamps, scalars, nested records, compact tuples."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscheck.model import Figure, SentencePair
from newscheck.store.codec import (
    Compact,
    format_timestamp,
    from_column,
    from_json,
    parse_timestamp,
    to_column,
)

from .strategies import floats, moments, texts


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


def test_malformed_json_is_an_error_not_a_wrong_record() -> None:
    with pytest.raises(ValueError, match="expected a list"):
        from_column('{"derived_sentence": 1}', tuple[SentencePair, ...])
    with pytest.raises(ValueError, match="expected an object for SentencePair"):
        from_column("[[1, 2]]", tuple[SentencePair, ...])


@dataclass(frozen=True, slots=True)
class Later:
    """A record as it may look after someone adds a field with a default."""

    name: str
    weight: float = 1.0


@given(st.text(), st.floats(allow_nan=False))
def test_json_round_trip_of_any_nested_record(name: str, weight: float) -> None:
    record = (Later(name, weight),)
    assert from_column(to_column(record), tuple[Later, ...]) == record


# --------------------------------------------------------------------------- compact tuples

PAIRS = Compact("pairs", ("derived_sentence", "origin_sentence", "score", "relation"))
PAIRS_HINT = tuple[SentencePair, ...]


def test_a_compact_tuple_is_an_array_of_arrays_in_layout_order() -> None:
    pairs = (SentencePair(0, 3, 0.75, "paraphrase"), SentencePair(1, 4, 1.0, "same"))
    encoded = PAIRS.encoder(PAIRS_HINT)(pairs)
    assert json.loads(encoded) == [[0, 3, 0.75, "paraphrase"], [1, 4, 1.0, "same"]]
    assert PAIRS.decoder(PAIRS_HINT)(encoded) == pairs
    assert PAIRS.decoder(PAIRS_HINT)(PAIRS.encoder(PAIRS_HINT)(())) == ()


@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6), floats), max_size=8))
def test_compact_round_trip(values: list[tuple[int, int, float]]) -> None:
    pairs = tuple(SentencePair(d, o, s, "partial") for d, o, s in values)
    decoded = PAIRS.decoder(PAIRS_HINT)(PAIRS.encoder(PAIRS_HINT)(pairs))
    assert decoded == pairs
    assert all(type(p.score) is float for p in decoded)


def test_compact_reads_rows_written_as_objects_by_field_name() -> None:
    pairs = (SentencePair(2, 5, 0.5, "same"),)
    older = to_column(pairs)  # the form every store held before the compact one
    assert PAIRS.decoder(PAIRS_HINT)(older) == pairs


def test_compact_writes_ints_and_numpy_scalars_as_plain_json() -> None:
    given_ = (SentencePair(np.int64(1), np.int64(2), np.float32(0.25), "same"),)  # type: ignore[arg-type]
    encoded = PAIRS.encoder(PAIRS_HINT)(given_)
    assert encoded == '[[1,2,0.25,"same"]]'
    (read,) = PAIRS.decoder(PAIRS_HINT)(PAIRS.encoder(PAIRS_HINT)((SentencePair(1, 2, 1, "same"),)))
    assert read == SentencePair(1, 2, 1.0, "same") and type(read.score) is float


@dataclass(frozen=True, slots=True)
class Weighed:
    name: str
    weight: float = 1.0
    when: datetime | None = None


WEIGHED_HINT = tuple[Weighed, ...]


def test_a_layout_out_of_field_order_and_rows_older_than_the_layout() -> None:
    # The layout is the stored order: "when" was appended after rows were written without it.
    layout = Compact("items", ("weight", "name", "when"))
    moment = datetime(2025, 3, 12, 10, 0, tzinfo=UTC)
    items = (Weighed("a", 2.5, moment), Weighed("b"))
    encoded = layout.encoder(WEIGHED_HINT)(items)
    assert json.loads(encoded)[0] == [2.5, "a", "2025-03-12T10:00:00.000000Z"]
    assert layout.decoder(WEIGHED_HINT)(encoded) == items
    assert layout.decoder(WEIGHED_HINT)('[[0.5, "c"]]') == (Weighed("c", 0.5),)


def test_a_field_missing_from_a_layout_is_named() -> None:
    assert Compact("items", ("name", "weight")).missing(Weighed) == ["when"]
    assert PAIRS.missing(SentencePair) == []


@given(texts)
def test_compact_text_survives_any_characters(name: str) -> None:
    layout = Compact("items", ("name", "weight", "when"))
    items = (Weighed(name, 0.5),)
    assert layout.decoder(WEIGHED_HINT)(layout.encoder(WEIGHED_HINT)(items)) == items

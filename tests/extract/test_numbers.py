from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscheck.extract.numbers import is_number_word, parse_number


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["178"], 178.0),
        (["1,200"], 1200.0),
        (["2.5", "million"], 2_500_000.0),
        (["two"], 2.0),
        (["forty-three"], 43.0),
        (["twenty", "one"], 21.0),
        (["three", "hundred", "and", "five"], 305.0),
        (["1.5", "billion"], 1_500_000_000.0),
        (["a"], None),
        (["drones"], None),
    ],
)
def test_parse_number(words: list[str], value: float | None) -> None:
    assert parse_number(words) == value


def test_number_words_are_recognised_and_others_not() -> None:
    assert all(is_number_word(w) for w in ["two", "Forty-three", "1,000", "3.5", "million"])
    assert not any(is_number_word(w) for w in ["villages", "one-sided", "2024-03-15", ""])


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_round_trip(n: int) -> None:
    assert parse_number([str(n)]) == float(n)
    assert parse_number([f"{n:,}"]) == float(n)

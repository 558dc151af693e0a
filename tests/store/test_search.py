"""Query words, FTS5 quoting and snippet highlights (the database side is in test_relational)."""

from __future__ import annotations

from newscheck.store.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    MAX_LIMIT,
    MAX_QUERY_WORDS,
    clamp_limit,
    fts5_query,
    parse_snippet,
    plain_query,
    query_words,
)


def test_query_words_drop_operators_and_repeats() -> None:
    assert query_words('foo" OR bar*') == ["foo", "OR", "bar"]
    assert query_words("NEAR(a b)") == ["NEAR", "a", "b"]
    assert query_words("* ^ : ( ) \" '") == []
    assert query_words("Storm storm STORM Kursk") == ["Storm", "Kursk"]
    assert query_words("Суджа Sudža") == ["Суджа", "Sudža"]


def test_query_words_are_capped() -> None:
    assert len(query_words(" ".join(f"w{n}" for n in range(10_000)))) == MAX_QUERY_WORDS


def test_every_word_becomes_a_quoted_phrase() -> None:
    assert fts5_query(["foo", "OR"]) == '"foo" "OR"'
    assert fts5_query(['say"hi']) == '"say""hi"'
    assert plain_query(["a", "b"]) == "a b"


def test_snippets_lose_their_marks_and_keep_where_they_were() -> None:
    marked = f"…the {HIGHLIGHT_START}storm{HIGHLIGHT_END} hit {HIGHLIGHT_START}Pell{HIGHLIGHT_END}"
    snippet = parse_snippet(marked)
    assert snippet.text == "…the storm hit Pell"
    assert [snippet.text[start:end] for start, end in snippet.highlights] == ["storm", "Pell"]
    assert parse_snippet("<b>no marks</b>").highlights == ()
    assert parse_snippet(f"{HIGHLIGHT_END}x{HIGHLIGHT_START}").text == "x"


def test_limits_are_clamped() -> None:
    assert clamp_limit(-5) == 0
    assert clamp_limit(10**9) == MAX_LIMIT
    assert clamp_limit(7) == 7

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscheck.errors import NewscheckError
from newscheck.extract.nlp import chunk_text


def test_each_non_blank_line_is_a_chunk() -> None:
    text = "Title\n\nOne sentence. Another.\nA second line\n   \n"
    assert [text[s:e] for s, e in chunk_text(text)] == [
        "Title",
        "One sentence. Another.",
        "A second line",
    ]


def test_a_long_line_is_cut_at_sentence_ends() -> None:
    text = "A short sentence here. " * 20
    pieces = [text[s:e] for s, e in chunk_text(text, limit=100)]
    assert all(len(p) <= 100 for p in pieces)
    assert all(p.endswith(". ") for p in pieces[:-1])
    assert "".join(pieces) == text


def test_limit_must_be_positive() -> None:
    with pytest.raises(NewscheckError):
        list(chunk_text("text", limit=0))


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(min_value=1, max_value=60))
def test_chunks_cover_every_non_blank_line_in_order(text: str, limit: int) -> None:
    chunks = list(chunk_text(text, limit))
    position = 0
    for start, end in chunks:
        assert position <= start < end <= len(text)
        assert end - start <= limit
        assert "\n" not in text[start:end]
        position = end
    covered = "".join(text[s:e] for s, e in chunks)
    assert covered.replace(" ", "") == text.replace("\n", "").replace(" ", "")

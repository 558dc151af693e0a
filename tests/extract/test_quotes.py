from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newscheck.extract.quotes import QuoteIndex


def regions(text: str) -> list[str]:
    index = QuoteIndex.of(text)
    return [text[s:e] for s, e in zip(index.starts, index.ends, strict=True)]


def test_curly_and_straight_quotes_pair() -> None:
    text = 'He said “it is fine. Really,” and "ok" then.'
    assert regions(text) == ["“it is fine. Really,”", '"ok"']
    assert QuoteIndex.of(text).inside(text.index("fine"))
    assert not QuoteIndex.of(text).inside(text.index("then"))


def test_an_unclosed_quote_ends_at_its_paragraph() -> None:
    text = "“Unclosed here\n\nThe next paragraph is not quoted."
    assert regions(text) == ["“Unclosed here"]
    assert QuoteIndex.of(text).region_at(text.index("next")) is None


@given(st.text(alphabet='ab “”"\n.', max_size=200))
def test_regions_are_ordered_disjoint_and_inside_the_text(text: str) -> None:
    index = QuoteIndex.of(text)
    previous_end = 0
    for start, end in zip(index.starts, index.ends, strict=True):
        assert previous_end <= start < end <= len(text)
        previous_end = end

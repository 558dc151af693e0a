"""Property tests: cleaning never raises and always returns well-formed text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from newscheck.clean import clean_text
from newscheck.clean.repeats import NEAR_RATIO, paragraph_key
from newscheck.segment import segment

LINES = st.sampled_from(
    [
        "The harbour board voted on Monday to close the old ferry slip.",
        "Board chair Marit Ostvang said the closure would last eight months.",
        "Ferry Slip Closed For Eight Months",
        "Leave a Reply",
        "Your email address will not be published.",
        "Tags: ferry, harbour",
        "Share this:",
        "· wendle.exampleThe board voted.",
        "Read more: Skarholm timetable",
        "Advertisement",
        "3 Comments",
        "Related articles",
        "© 2031 The Wendle Courier",
        "“It’s the only safe choice,” she said.",
        "- a list item",
        "wrapped line that goes on for a while without any final stop and",
        "",
        " ",
        "\t",
    ]
)
TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=30).map("\n".join),
    st.lists(LINES, max_size=30).map("\n\n".join),
)


@settings(max_examples=300, deadline=None)
@given(title=st.one_of(LINES, st.text(max_size=60)), text=TEXTS)
def test_clean_is_well_formed(title: str, text: str) -> None:
    cleaned = clean_text(title, text)
    assert "\n" not in cleaned.title
    assert cleaned.title == cleaned.title.strip()
    if cleaned.text:
        paragraphs = cleaned.text.split("\n\n")
        for paragraph in paragraphs:
            assert paragraph
            assert paragraph == paragraph.strip()
            assert "\n" not in paragraph
        assert len(segment("a", cleaned.text).paragraphs) == len(paragraphs)
    assert not any(ch in cleaned.text for ch in "\r\t\x00\x0b\x0c\u200b\ufeff")
    for removed in cleaned.removed:
        assert removed.text
        assert removed.kind in {
            "boilerplate", "comments", "tag", "share", "site_tag", "repeated_headline", "repeated"
        }  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(text=TEXTS)
def test_a_removed_repeat_keeps_its_first_copy(text: str) -> None:
    cleaned = clean_text("", text)
    kept = [paragraph_key(p) for p in cleaned.text.split("\n\n")] if cleaned.text else []
    for removed in cleaned.removed:
        if removed.kind in ("repeated", "repeated_headline"):
            key = paragraph_key(removed.text)
            assert any(k == key or fuzz.ratio(k, key) >= NEAR_RATIO for k in kept)

"""Repeated headlines and paragraphs: keep the first, remove later copies."""

from __future__ import annotations

from newscheck.clean.repeats import paragraph_key, remove_repeats, title_keys
from newscheck.model import Removed

TITLE = "Port Wendle Closes Its Old Ferry Slip"
FIRST = (
    "The harbour board of Port Wendle voted on Monday to close the old ferry slip after "
    "inspectors found cracks in three of its concrete piles."
)
SECOND = (
    "Ferry operator Nordvik Lines said about 1,200 passengers a day use the crossing and "
    "asked the board to extend the cargo quay's opening hours."
)


def test_title_repeated_in_the_body_is_a_repeated_headline() -> None:
    kept, removed = remove_repeats(TITLE, [TITLE, FIRST, SECOND])
    assert kept == [FIRST, SECOND]
    assert removed == [Removed("repeated_headline", TITLE)]


def test_title_with_site_suffix_still_matches_the_headline() -> None:
    kept, removed = remove_repeats(f"{TITLE} | The Wendle Courier", [f"{TITLE}.", FIRST])
    assert kept == [FIRST]
    assert removed[0].kind == "repeated_headline"


def test_headline_printed_twice_at_the_top_keeps_one() -> None:
    standfirst = "Residents fear the closure will cut the island off for most of the year."
    kept, removed = remove_repeats(standfirst, [TITLE, TITLE, FIRST, SECOND])
    assert kept == [TITLE, FIRST, SECOND]
    assert removed == [Removed("repeated_headline", TITLE)]


def test_repeated_paragraphs_keep_the_first() -> None:
    kept, removed = remove_repeats(TITLE, [FIRST, SECOND, FIRST, SECOND])
    assert kept == [FIRST, SECOND]
    assert removed == [Removed("repeated", FIRST), Removed("repeated", SECOND)]


def test_near_identical_repeat_is_removed() -> None:
    variant = FIRST.replace("voted on Monday", "voted Monday").replace("piles.", "piles")
    kept, removed = remove_repeats(TITLE, [FIRST, SECOND, variant])
    assert kept == [FIRST, SECOND]
    assert removed == [Removed("repeated", variant)]


def test_changed_figure_is_not_a_repeat() -> None:
    update = FIRST.replace("three", "3").replace("cracks in 3", "cracks in 4")
    original = FIRST.replace("three", "3")
    kept, removed = remove_repeats(TITLE, [original, SECOND, update])
    assert kept == [original, SECOND, update]
    assert removed == []


def test_short_lines_that_differ_by_a_word_are_kept() -> None:
    lines = ["netsh set autotuninglevel=normal", "netsh set autotuninglevel=disabled"]
    kept, removed = remove_repeats(TITLE, lines)
    assert kept == lines and removed == []


def test_very_short_paragraphs_may_repeat() -> None:
    kept, removed = remove_repeats(TITLE, ["Yes.", FIRST, "Yes.", SECOND])
    assert kept == ["Yes.", FIRST, "Yes.", SECOND]
    assert removed == []


def test_keys() -> None:
    assert paragraph_key("  The Board, it SAID: “yes”! ") == "the board it said yes"
    assert title_keys("Ferry slip closed | Wendle Courier") == {
        "ferry slip closed wendle courier",
        "ferry slip closed",
    }
    assert title_keys("") == set()

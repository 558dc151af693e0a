"""split_paragraphs: blank-line blocks, one paragraph a line, and hard-wrapped prose."""

from __future__ import annotations

from newscheck.clean.paragraphs import is_hard_wrapped, looks_like_headline, split_paragraphs

WRAPPED = """The harbour board of Port Wendle voted on Monday to close the old
ferry slip after inspectors found cracks in three of its concrete
piles, the board's chair said in a statement.

Repairs are expected to take eight months and to cost about 2.4
million crowns."""


def test_blank_lines_separate_paragraphs() -> None:
    assert split_paragraphs("One.\n\nTwo.\n\n\nThree.") == ["One.", "Two.", "Three."]


def test_one_paragraph_a_line_when_lines_are_long() -> None:
    long_a = "The board voted on Monday to close the ferry slip after inspectors found cracks. " * 2
    long_b = "Ferry operator Nordvik Lines said about 1,200 passengers a day use the crossing. " * 2
    text = f"Port Wendle Closes Its Old Ferry Slip\n{long_a.strip()}\n{long_b.strip()}"
    assert split_paragraphs(text) == [
        "Port Wendle Closes Its Old Ferry Slip",
        long_a.strip(),
        long_b.strip(),
    ]


def test_hard_wrapped_prose_is_joined() -> None:
    assert split_paragraphs(WRAPPED) == [
        "The harbour board of Port Wendle voted on Monday to close the old ferry slip after "
        "inspectors found cracks in three of its concrete piles, the board's chair said in a "
        "statement.",
        "Repairs are expected to take eight months and to cost about 2.4 million crowns.",
    ]


def test_wrapped_block_keeps_a_headline_and_list_items_apart() -> None:
    text = (
        "Ferry Slip Closed For Eight Months\n"
        "The board voted on Monday to close the old ferry slip after cracks\n"
        "were found in three piles. The operator listed its options:\n"
        "- use the cargo quay in the morning\n"
        "- add a second evening crossing"
    )
    assert split_paragraphs(text) == [
        "Ferry Slip Closed For Eight Months",
        "The board voted on Monday to close the old ferry slip after cracks were found in "
        "three piles. The operator listed its options:",
        "- use the cargo quay in the morning",
        "- add a second evening crossing",
    ]


def test_hyphenated_line_end_is_joined_without_space() -> None:
    text = (
        "The board said the repairs were long over-\ndue and the slip was no longer safe for\nuse."
    )
    assert split_paragraphs(text) == [
        "The board said the repairs were long over-due and the slip was no longer safe for use."
    ]


def test_is_hard_wrapped() -> None:
    assert is_hard_wrapped(WRAPPED.split("\n\n")[0].split("\n"))
    assert not is_hard_wrapped(["Short title", "x" * 150])


def test_looks_like_headline() -> None:
    assert looks_like_headline("Russia Presses Offensive in Kursk Amid Cease-Fire Talks")
    assert not looks_like_headline("The board voted on Monday to close the old ferry slip.")
    assert not looks_like_headline("Ferry")

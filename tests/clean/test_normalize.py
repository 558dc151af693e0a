"""normalize_text / normalize_line: one spelling for the same characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newscheck.clean.normalize import normalize_line, normalize_text


def test_curly_quotes_become_straight() -> None:
    assert (
        normalize_text("“It’s still valid,” Mr. Peskov said")
        == '"It\'s still valid," Mr. Peskov said'
    )
    assert normalize_text("„Wir sind bereit“, sagte sie") == '"Wir sind bereit", sagte sie'


def test_guillemets_and_dashes_are_kept() -> None:
    assert normalize_text("«Nous restons» – dit-il…") == "«Nous restons» – dit-il…"


def test_nfc_composition() -> None:
    decomposed = "Cafe\u0301 in Malmo\u0308"
    assert normalize_text(decomposed) == "Café in Malmö"


def test_invisible_and_control_characters_are_dropped() -> None:
    text = "Port\u200b Wendle\u00ad\ufeff board\x00 voted\x07 on\u200e Monday"
    assert normalize_text(text) == "Port Wendle board voted on Monday"


def test_joiners_are_kept() -> None:
    assert normalize_text("👩\u200d🚒 می\u200cخواهم") == "👩\u200d🚒 می\u200cخواهم"


def test_spaces_collapse_and_lines_are_stripped() -> None:
    text = "  First\u00a0\u00a0line \t here  \r\n\r\n\tSecond\u2003line\u3000\r"
    assert normalize_text(text) == "First line here\n\nSecond line"


def test_line_breaks_become_newlines() -> None:
    assert normalize_text("a\rb\x0bc\x0cd\u2028e\x85f") == "a\nb\nc\nd\ne\nf"
    assert normalize_text("one\u2029two") == "one\n\ntwo"


def test_lone_surrogates_are_dropped() -> None:
    assert normalize_text("broken \ud800decoder") == "broken decoder"


def test_normalize_line_joins_lines() -> None:
    assert normalize_line("  Ferry slip\n\n closed  \n") == "Ferry slip closed"


@given(st.text())
def test_normalize_is_idempotent_and_clean(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once == once.strip(" \n")
    assert "\r" not in once and "\t" not in once and "\x00" not in once
    assert "  " not in once
    for line in once.split("\n"):
        assert line == line.strip(" ")


@given(st.text())
def test_normalize_line_has_one_line(text: str) -> None:
    line = normalize_line(text)
    assert "\n" not in line
    assert line == line.strip()

import re

from hypothesis import given
from hypothesis import strategies as st

from newscheck.stories.names import figures, is_title_case


def test_title_case_headlines_are_recognised():
    assert is_title_case("Russia Presses Offensive in Kursk Amid Cease-Fire Talks")
    assert not is_title_case("Russia presses offensive in Kursk amid talks")
    assert not is_title_case("Short Title")


def test_figures_drop_separators_and_lone_digits():
    assert figures("It cost 1,300 euros, 5.125% more, in 2 days and 24 hours") == [
        "1300",
        "5.125",
        "24",
    ]


_LOOK_BEHIND = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")


def _figures_by_look_behind(text: str) -> list[str]:
    """The definition ``figures`` implements faster: a look-behind tried at every position."""
    values = (m.group().replace(",", "") for m in _LOOK_BEHIND.finditer(text))
    return [v for v in values if len(v.replace(".", "")) >= 2]


@given(st.text(alphabet="0123456789.,, a_é٣x-", max_size=24))
def test_figures_match_their_look_behind_definition(text):
    assert figures(text) == _figures_by_look_behind(text)


def test_figures_after_letters_dots_or_commas_are_not_figures():
    assert figures("A4 paper, v2.50, x,75 and .25 but (42) and 1,000.5") == ["42", "1000.5"]

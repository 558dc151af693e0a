from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newscheck.extract.figures import figures_in

if TYPE_CHECKING:
    from spacy.language import Language


def figures(nlp: Language, text: str) -> list[tuple[str, float, str, str | None]]:
    return [(text[f.start : f.end], f.value, f.unit, f.approx) for f in figures_in(nlp(text), "a")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The navy launched 178 drones overnight.", ("178 drones", 178.0, "drones", None)),
        ("It captured about 430 soldiers.", ("about 430 soldiers", 430.0, "soldiers", "about")),
        ("They took two villages near the river.", ("two villages", 2.0, "villages", None)),
        (
            "More than 50 firefighters came.",
            ("More than 50 firefighters", 50.0, "firefighters", "more than"),
        ),
        ("The fire burned 2.5 million acres.", ("2.5 million acres", 2_500_000.0, "acres", None)),
    ],
)
def test_counted_figures(
    nlp: Language, text: str, expected: tuple[str, float, str, str | None]
) -> None:
    assert expected in figures(nlp, text)


def test_a_unit_of_measure_keeps_what_it_measures(nlp: Language) -> None:
    doc = nlp("The army regained 259 square kilometers of territory last week.")
    [figure] = figures_in(doc, "a")
    assert figure.value == 259.0
    assert figure.unit == "square kilometers"
    assert figure.counted == "territory"


def test_a_hyphenated_duration(nlp: Language) -> None:
    doc = nlp("Both sides discussed a 30-day truce on Monday.")
    [figure] = figures_in(doc, "a")
    assert (figure.value, figure.unit, figure.counted) == (30.0, "days", "truce")


def test_offsets_point_into_the_text_with_an_offset(nlp: Language) -> None:
    prefix = "x" * 17
    text = "Rescuers saved 14 people, including two children."
    found = figures_in(nlp(text), "a", offset=len(prefix))
    full = prefix + text
    assert [full[f.start : f.end] for f in found] == ["14 people", "two children"]


def test_years_ages_and_prepositions_are_not_figures_or_approximations(nlp: Language) -> None:
    assert figures(nlp, "The war began in 2014 and a 15-year-old boy was hurt.") == []
    [(_, value, unit, approx)] = figures(nlp, "The army regained control over two villages.")
    assert (value, unit, approx) == (2.0, "villages", None)


def test_the_number_of_something_that_rose(nlp: Language) -> None:
    [figure] = figures_in(nlp("The number of wounded civilians has risen to 14."), "a")
    assert (figure.value, figure.unit) == (14.0, "civilians")

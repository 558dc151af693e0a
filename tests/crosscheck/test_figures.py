from newscheck.crosscheck import crosscheck
from newscheck.crosscheck.features import story_features
from newscheck.crosscheck.figures import figure_checks
from newscheck.crosscheck.support import Witnesses
from newscheck.model import FigureCheck

from .fictional import Flood, claim, flood, make_article


def checks_of(story: Flood) -> tuple[FigureCheck, ...]:
    return crosscheck(
        story.story, story.articles, story.claims, story.families, story.links
    ).figures


def find(checks: tuple[FigureCheck, ...], label: str, value: float) -> FigureCheck:
    return next(c for c in checks if c.label == label and c.value == value)


def test_each_figure_counts_the_families_giving_it() -> None:
    checks = checks_of(flood())
    evacuated = find(checks, "people evacuated", 300)
    assert (evacuated.families, evacuated.status) == (3, "corroborated")
    nine = find(checks, "people injured", 9)
    assert (nine.families, nine.status) == (2, "contested")  # the wire, relayed by the radio
    eleven = find(checks, "people injured", 11)
    assert (eleven.families, eleven.status) == (1, "contested")
    assert find(checks, "warnings", 25).status == "unattested"
    assert find(checks, "bridges", 4).status == "single_source"


def test_a_running_total_is_its_own_uncontested_check() -> None:
    roads = [c for c in checks_of(flood()) if c.unit == "roads"]
    assert [(c.value, c.status) for c in roads] == [(30, "single_source")]


def test_figures_without_an_event_or_a_unit_join_the_matching_check() -> None:
    story = flood()
    first = make_article("Kell", "Floodwater injured nine people in Kell on Sunday.", 7)
    second = make_article("Kell 2", "The number of injured has risen to nine, officials said.", 8)
    third = make_article("Kell 3", "Nine people were counted in Kell.", 9)
    claims = (
        claim(
            first,
            "Floodwater injured nine people in Kell on Sunday",
            figures=(("nine people", 9, "people"),),
        ),
        claim(second, "The number of injured has risen to nine"),
        claim(third, "Nine people were counted in Kell", figures=(("Nine people", 9, "people"),)),
    )
    articles = {a.id: a for a in (first, second, third)}
    family = {a: a for a in articles}
    features = story_features(claims, articles, family)
    witnesses = Witnesses(articles, {a: [a] for a in articles}, ())
    checks = figure_checks("s", features, witnesses)
    assert [(c.label, c.value, c.families) for c in checks] == [("people injured", 9, 3)]
    assert story.claims  # the flood fixture is untouched

from newscheck.crosscheck.quantities import Quantity, comparable, quantity_of, values_agree
from newscheck.model import Figure


def quantity(text: str, words: str, value: float, unit: str, approx: str | None = None) -> Quantity:
    start = text.index(words)
    figure = Figure("a", start, start + len(words), value, unit, approx)
    return quantity_of(figure, text, (0, len(text)))


def test_people_words_and_event_words_fold_to_one_quantity() -> None:
    hurt = quantity("Twelve residents and workers were hurt.", "Twelve residents", 12, "residents")
    injured = quantity("A blast injured 12 people on Tuesday.", "12 people", 12, "people")
    assert hurt.key == injured.key == ("people", "injured")
    assert comparable(hurt, injured) and values_agree(hurt, injured)


def test_serious_injuries_are_not_injuries() -> None:
    serious = quantity("Two workers remain in a serious condition.", "Two workers", 2, "workers")
    assert serious.event == "seriously_injured"


def test_different_units_are_different_quantities() -> None:
    villages = quantity("Troops retook two villages near Orlin.", "two villages", 2, "villages")
    settlements = quantity("Troops retook 24 settlements.", "24 settlements", 24, "settlements")
    assert not comparable(villages, settlements)


def test_a_count_without_event_is_not_compared_with_an_injury_count() -> None:
    city = quantity(
        "Kell, a city of about 180,000 people, is a port.",
        "about 180,000 people",
        180000,
        "people",
        "about",
    )
    injured = quantity("The fire injured 12 people.", "12 people", 12, "people")
    assert not comparable(city, injured)


def test_totals_and_increments_are_partial() -> None:
    more = quantity("Troops took two more villages.", "two more villages", 2, "villages")
    total = quantity("Troops have taken 24 villages in total.", "24 villages", 24, "villages")
    assert more.partial and total.partial
    assert not comparable(more, total)


def test_approximate_values_agree_within_a_margin() -> None:
    some = quantity(
        "Some 40 firefighters were sent.", "Some 40 firefighters", 40, "firefighters", "about"
    )
    exact = quantity("The service sent 42 firefighters.", "42 firefighters", 42, "firefighters")
    far = quantity("The service sent 60 firefighters.", "60 firefighters", 60, "firefighters")
    assert values_agree(some, exact)
    assert not values_agree(some, far)
    assert not values_agree(exact, far)

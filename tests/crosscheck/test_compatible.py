from newscheck.crosscheck.compatible import Traits, numbers_clash, places_differ
from newscheck.crosscheck.features import claim_features

from .fictional import claim, make_article

TEXT = (
    "Police said nine people were injured in Kell. Medics said eleven people were injured. "
    "Mayor Ilse Varn denied that nine people were injured."
)
ARTICLE = make_article("Kell", TEXT, 0)


def traits(words: str, speaker: str | None, **kwargs) -> Traits:  # type: ignore[no-untyped-def]
    made = claim(ARTICLE, words, speaker, **kwargs)
    return Traits.of(claim_features(made, ARTICLE, "f"))


def test_two_values_of_one_quantity_are_incompatible() -> None:
    nine = traits(
        "nine people were injured in Kell", "Police", figures=(("nine people", 9, "people"),)
    )
    eleven = traits("eleven people were injured", None, figures=(("eleven people", 11, "people"),))
    assert not nine.compatible(eleven)


def test_an_assertion_and_its_denial_are_incompatible() -> None:
    nine = traits("nine people were injured in Kell", None)
    denied = traits("nine people were injured.", "Mayor Ilse Varn", stance="denies")
    assert not nine.compatible(denied)


def test_speakers_named_apart_are_incompatible_unless_one_is_unknown() -> None:
    police = traits("nine people were injured in Kell", "Police")
    medics = traits("eleven people were injured", "Medics")
    unknown = traits("eleven people were injured", "officials")
    assert not police.compatible(medics)
    assert police.compatible(unknown) and medics.compatible(unknown)


def test_absorbing_keeps_the_distinct_values() -> None:
    first = traits(
        "nine people were injured in Kell", "Police", figures=(("nine people", 9, "people"),)
    )
    first.absorb(
        traits(
            "nine people were injured in Kell", "Police", figures=(("nine people", 9, "people"),)
        )
    )
    assert len(first.quantities) == 1 and len(first.speakers) == 1


def test_numbers_and_places_that_share_nothing() -> None:
    one = claim_features(claim(ARTICLE, "nine people were injured in Kell", None), ARTICLE, "f")
    two = claim_features(claim(ARTICLE, "eleven people were injured", None), ARTICLE, "f")
    assert numbers_clash(one, two)
    assert not places_differ(one, two)  # neither names an entity

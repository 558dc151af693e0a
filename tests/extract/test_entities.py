from __future__ import annotations

from typing import TYPE_CHECKING

from newscheck.extract.entities import entities_in

if TYPE_CHECKING:
    from spacy.language import Language

    from newscheck.extract.gazetteer import Gazetteer


def labelled(nlp: Language, gazetteer: Gazetteer, text: str) -> dict[str, str]:
    return {text[e.start : e.end]: e.label for e in entities_in(nlp(text), "a", gazetteer)}


def test_towns_the_model_takes_for_people_are_places(nlp: Language, gazetteer: Gazetteer) -> None:
    found = labelled(
        nlp,
        gazetteer,
        "A missile hit a school in Kryvyi Rih, and shelling went on in the Sumy region.",
    )
    assert found.get("Kryvyi Rih") == "PLACE"
    assert found.get("Sumy") == "PLACE"


def test_a_small_town_after_near_is_found(nlp: Language, gazetteer: Gazetteer) -> None:
    found = labelled(nlp, gazetteer, "Troops dug in near Sudzha on Tuesday.")
    assert found.get("Sudzha") == "PLACE"


def test_surnames_that_are_also_towns_stay_people(nlp: Language, gazetteer: Gazetteer) -> None:
    found = labelled(nlp, gazetteer, "Senator Maria Clinton said Bush was wrong, and Obama agreed.")
    assert found.get("Maria Clinton") == "PERSON"
    assert all(label != "PLACE" for name, label in found.items() if name in ("Bush", "Obama"))


def test_offsets_and_no_determiner(nlp: Language, gazetteer: Gazetteer) -> None:
    prefix = "Intro. "
    text = "The European Commission met in Brussels."
    found = entities_in(nlp(text), "a", gazetteer, offset=len(prefix))
    names = {(prefix + text)[e.start : e.end] for e in found}
    assert "European Commission" in names
    assert "Brussels" in names

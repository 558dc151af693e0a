from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newscheck.extract.stance import kind_of, stance_of

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.parametrize(
    ("cue", "content", "stance"),
    [
        ("deny", "that its troops were surrounded", "denies"),
        ("say", "there is no threat of encirclement", "denies"),
        ("say", "the report was fabricated by its rivals", "denies"),
        ("suggest", "the talks could resume soon", "hedges"),
        ("say", "the convoy may have been hit", "hedges"),
        ("say", "the convoy reached the city", "asserts"),
    ],
)
def test_stance_from_cue_and_content(nlp: Language, cue: str, content: str, stance: str) -> None:
    doc = nlp(content)
    assert stance_of(cue, doc[:], doc[:]) == stance


def test_a_negated_claim_after_but_is_a_denial(nlp: Language) -> None:
    sentence = nlp("But the army said its units were not surrounded.")
    content = sentence[4:]
    assert stance_of("say", content, sentence[:]) == "denies"
    plain = nlp("The army said its units were not surrounded.")
    assert stance_of("say", plain[3:], plain[:]) == "asserts"


def test_opinion_by_cue_or_words(nlp: Language) -> None:
    assert kind_of("criticize", nlp("the plan")[:]) == "opinion"
    assert kind_of(None, nlp("The challenges remain daunting.")[:]) == "opinion"
    assert kind_of(None, nlp("We should act now.")[:]) == "opinion"
    assert kind_of(None, nlp("The bridge reopened with 4 lanes.")[:]) == "fact"

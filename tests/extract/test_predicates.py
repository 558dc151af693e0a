from __future__ import annotations

from typing import TYPE_CHECKING

from newscheck.extract.predicates import attitude_of, predicate_content, predicate_extent

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token


def _copula(nlp: Language, text: str) -> Token:
    doc = nlp(text)
    return next(t for t in doc if t.pos_ == "AUX" and t.dep_ == "ROOT")


def test_an_attitude_adjective_with_its_preposition(nlp: Language) -> None:
    copula = _copula(nlp, "The union has been critical of the port plan for years.")
    attitude = attitude_of(copula)
    assert attitude is not None and attitude.text == "critical"
    found = predicate_content(copula, attitude)
    assert found is not None
    content, preposition = found
    assert preposition is not None and preposition.text == "of"
    assert content[0].text == "the" and content[-1].text in ("plan", "years")
    assert " ".join(t.text for t in predicate_extent(copula, attitude, preposition)) == (
        "has been critical of"
    )


def test_a_plain_copula_is_no_attitude(nlp: Language) -> None:
    copula = _copula(nlp, "The harbour is deep and the water is cold.")
    assert attitude_of(copula) is None

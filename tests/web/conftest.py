"""Fixtures: a store holding the fictional story, and an in-process client of the web app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newscheck.store import Store, open_store

from .fictional import FictionalStory, write_fictional_story

pytest.importorskip("fastapi", reason="the web tests need the 'web' extra (fastapi)")


@pytest.fixture(scope="session")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, FictionalStory]:
    path = tmp_path_factory.mktemp("web") / "newscheck.db"
    with open_store(path) as store:
        story = write_fictional_story(store)
    return path, story


@pytest.fixture(scope="session")
def fictional(story_db: tuple[Path, FictionalStory]) -> FictionalStory:
    return story_db[1]


@pytest.fixture
def read_store(story_db: tuple[Path, FictionalStory]) -> Iterator[Store]:
    with open_store(story_db[0], read_only=True) as store:
        yield store


@pytest.fixture
def client(read_store: Store) -> Iterator[object]:
    from starlette.testclient import TestClient

    from newscheck.web.app import create_app

    with TestClient(create_app(read_store, allowed_hosts={"testserver"})) as test_client:
        yield test_client

from collections.abc import Callable
from typing import Any

import pytest

HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)"> [link](javascript:alert(1))'


def make_report(title: str = "Fire at the port", text: str = "One. Two.") -> dict[str, Any]:
    """A minimal valid report document with two articles, one link and one story."""
    return {
        "schema": "newscheck.report/1",
        "articles": [
            {
                "id": "a1",
                "path": "x/one.txt",
                "source": "Harbour Times",
                "title": title,
                "published": None,
                "words": len(text.split()),
                "text": text,
                "removed": [{"kind": "comments", "text": "Leave a Reply"}],
                "sentences": [[0, 4, 0], [5, len(text), 0]],
            },
            {
                "id": "a2",
                "path": "x/two.txt",
                "source": None,
                "title": "Copy",
                "published": None,
                "words": 2,
                "text": "One. Three.",
                "removed": [],
                "sentences": [[0, 4, 0], [5, 11, 0]],
            },
        ],
        "stories": [{"id": "s1", "title": title, "article_ids": ["a1", "a2"]}],
        "links": [
            {
                "derived": "a2",
                "origin": "a1",
                "relation": "rewrite",
                "shared": 0.5,
                "added": [{"start": 5, "end": 11, "text": "Three."}],
                "direction": {"method": "text", "confidence": 0.7},
            }
        ],
        "families": [{"id": "f1", "story_id": "s1", "article_ids": ["a1", "a2"], "origin": "a1"}],
        "claims": [],
        "conflicts": [],
        "summary": [],
        "rejections": [{"path": "x/bad.bin", "reason": "binary", "detail": HOSTILE}],
    }


@pytest.fixture
def report() -> dict[str, Any]:
    return make_report()


@pytest.fixture
def report_factory() -> Callable[..., dict[str, Any]]:
    return make_report


@pytest.fixture
def hostile() -> str:
    return HOSTILE

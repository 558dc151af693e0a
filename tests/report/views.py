"""Small report documents for the view tests (fictional)."""

from __future__ import annotations

from typing import Any


def article(aid: str, text: str, sentences: list[list[int]], **extra: Any) -> dict[str, Any]:
    return {
        "id": aid,
        "path": f"x/{aid}.txt",
        "source": None,
        "title": aid,
        "published": None,
        "words": len(text.split()),
        "text": text,
        "removed": [],
        "sentences": sentences,
        **extra,
    }


def claim(cid: str, aid: str, start: int, end: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": cid,
        "text": cid,
        "speaker": None,
        "cue": None,
        "stance": "asserts",
        "figures": [],
        "mentions": [{"article_id": aid, "start": start, "end": end}],
        **extra,
    }


def report(**parts: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "schema": "newscheck.report/1",
        "articles": [],
        "stories": [],
        "links": [],
        "families": [],
        "claims": [],
        "conflicts": [],
        "summary": [],
        "rejections": [],
    }
    base.update(parts)
    return base

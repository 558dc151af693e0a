"""The story's timeline: its articles by publication time, each with what it derives from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newscheck.report.view import StoryView


@dataclass(frozen=True, slots=True)
class Moment:
    when: str | None
    """ISO 8601, or None when the article gives no date (listed last, in reading order)."""
    article_id: str
    title: str
    relation: str | None = None
    """"rewrite", "copy", ... when the article derives from another one."""
    origin: str | None = None


def story_timeline(story: StoryView) -> tuple[Moment, ...]:
    derived_from = {link["derived"]: link for link in story.links}
    order = {a["id"]: i for i, a in enumerate(story.articles)}

    def key(article: dict[str, Any]) -> tuple[int, str, int]:
        published = article.get("published")
        return (published is None, published or "", order[article["id"]])

    moments = []
    for article in sorted(story.articles, key=key):
        link = derived_from.get(article["id"])
        moments.append(
            Moment(
                article.get("published"),
                article["id"],
                article["title"],
                link["relation"] if link else None,
                link["origin"] if link else None,
            )
        )
    return tuple(moments)


def timeline_json(moments: tuple[Moment, ...]) -> list[dict[str, Any]]:
    return [
        {
            "when": m.when,
            "article_id": m.article_id,
            "relation": m.relation,
            "origin": m.origin,
        }
        for m in moments
    ]

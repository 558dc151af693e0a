"""A view of the report document that renderers share: lookups and story-by-story grouping."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class StoryView:
    story: dict[str, Any]
    articles: list[dict[str, Any]]
    families: list[dict[str, Any]]
    links: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    summary: list[dict[str, Any]]


class ReportView:
    """Read-only helpers over a ``newscheck.report/1`` document."""

    def __init__(self, report: dict[str, Any]) -> None:
        self.report = report
        self.articles = {a["id"]: a for a in report["articles"]}

    def label(self, article_id: str) -> str:
        """A short human name for an article: its source, else its file or URL."""
        article = self.articles.get(article_id)
        if article is None:
            return article_id
        name = article.get("path") or article.get("url") or article_id
        short = str(name).rstrip("/").rsplit("/", 1)[-1]
        return f"{article['source']} ({short})" if article.get("source") else short

    def stories(self) -> Iterator[StoryView]:
        report = self.report
        for story in report["stories"]:
            members = set(story["article_ids"])
            claims = [
                c
                for c in report["claims"]
                if c.get("story_id") == story["id"]
                or (c.get("story_id") is None and c["mentions"][0]["article_id"] in members)
            ]
            claim_ids = {cid for c in claims for cid in c.get("claim_ids", [c["id"]])}
            yield StoryView(
                story=story,
                articles=[self.articles[a] for a in story["article_ids"] if a in self.articles],
                families=[f for f in report["families"] if f["story_id"] == story["id"]],
                links=[link for link in report["links"] if link["derived"] in members],
                claims=claims,
                conflicts=[
                    c for c in report["conflicts"] if claim_ids.intersection(c["claim_ids"])
                ],
                summary=[s for s in report["summary"] if s.get("story_id") == story["id"]],
            )

    def unassigned_articles(self) -> list[dict[str, Any]]:
        """Articles in no story (when the stories stage was skipped)."""
        placed = {a for s in self.report["stories"] for a in s["article_ids"]}
        return [a for a in self.report["articles"] if a["id"] not in placed]

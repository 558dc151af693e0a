"""Stories: group a stream of articles into the events they report.

``cluster_stories`` places one run's articles onto the stored stories; ``StoryClusterer`` is the
online clusterer it is built on, usable one article at a time with state bounded by the open time
window; ``articles_to_key`` names the articles whose keys it reads, so that they can be extracted
elsewhere and handed in. See docs/stories.md.
"""

from __future__ import annotations

from newscheck.stories.batch import articles_to_key, cluster_stories, story_ids_by_article
from newscheck.stories.clusterer import CLUSTER_SCHEME, StoryClusterer
from newscheck.stories.config import ClusterConfig
from newscheck.stories.embedding import Embedder
from newscheck.stories.features import ArticleKeys, KeyExtractor, extract_keys
from newscheck.stories.open_story import Member
from newscheck.stories.weigher import Weigher

__all__ = [
    "CLUSTER_SCHEME",
    "ArticleKeys",
    "ClusterConfig",
    "KeyExtractor",
    "Member",
    "Embedder",
    "StoryClusterer",
    "Weigher",
    "articles_to_key",
    "cluster_stories",
    "extract_keys",
    "story_ids_by_article",
]

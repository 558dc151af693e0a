"""Linking: which articles copy or re-word which, what a rewrite added, and independent families.

``link_articles(articles, segmentations, embedder=...)`` runs the whole stage. The copy-detection
path (shingles, MinHash, LSH, exact verification) is usable on its own through
:class:`~newscheck.link.copies.CopyIndex` for large collections.
"""

from __future__ import annotations

from newscheck.link.copies import CopyIndex, CopyParams, find_copies
from newscheck.link.stage import LinkResult, LinkSettings, link_articles

__all__ = ["CopyIndex", "CopyParams", "LinkResult", "LinkSettings", "find_copies", "link_articles"]

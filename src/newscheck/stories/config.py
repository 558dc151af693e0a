"""The knobs of story clustering, in one frozen object passed down explicitly."""

from __future__ import annotations

from dataclasses import dataclass

DAY = 86_400.0


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """How articles are matched to open stories. The defaults are what ``analyze`` uses."""

    window_days: float = 4.0
    """A story stays open this long after its latest article; an article further than this from
    a story's time span cannot join it."""
    time_penalty: float = 0.1
    """Score taken off per ``window_days`` of distance between an article and a story's span,
    beyond ``grace_days`` (a next-day follow-up is normal)."""
    grace_days: float = 1.0
    threshold: float = 0.31
    """Lowest score at which an article joins a story (lexical channels only)."""
    threshold_embedded: float = 0.85
    """Lowest score when both sides have an embedding (the score then includes it)."""
    term_weight: float = 1.0
    name_weight: float = 0.4
    figure_weight: float = 0.25
    embedding_weight: float = 1.0
    embedding_languages: tuple[str, ...] = ("en", "und")
    """Languages whose articles ``cluster_stories`` embeds: the bundled model is English-first,
    and its vectors of other languages mislead more than they help (docs/stories.md)."""
    merge_margin: float = 0.2
    """When an article joins a story, the other candidate stories it scored within this much
    of the threshold are checked for merging with that story."""
    lead_chars: int = 1000
    """Characters of each article's text read (after its title)."""
    vector_terms: int = 100
    """Heaviest terms kept of each article (the rest barely moves a cosine, and costs time)."""
    vector_names: int = 24
    vector_figures: int = 8
    retrieval_keys: int = 12
    """Keys of an article (its heaviest names and terms) used to find candidate stories."""
    max_candidates: int = 8
    """Candidate stories scored per article (those sharing the most retrieval keys)."""
    max_open_stories: int = 20_000
    """Open stories kept at most; beyond it the least recently extended close (undated streams
    have no clock to close them by)."""
    centroid_keys: int = 500
    """Keys kept per story (the heaviest of its summed vector), so a long story stays cheap."""
    max_keys: int = 2_000_000
    """Keys the document frequencies remember at most (the rarest, least recent are forgotten
    beyond it); it bounds the clusterer's key space too."""

"""The cited summary and timeline of a story, built from its cross-check.

``summarize(story, check, articles, claims)`` picks the best supported claim groups first and
quotes each in the words of one source, citing every article that carries it
(:mod:`~newscheck.summarize.compose`), states contested points as contested, and lists the dated
events in time order (:mod:`~newscheck.summarize.timeline`). See docs/crosscheck.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newscheck.crosscheck import CrossCheck
from newscheck.model import Article, Claim, Story, SummaryCitation, SummarySentence, TimelineEntry
from newscheck.summarize.compose import SummaryConfig, compose
from newscheck.summarize.dates import DATES_SCHEME
from newscheck.summarize.mentions import mentions_of
from newscheck.summarize.timeline import TIMELINE_SCHEME, timeline

SUMMARY_SCHEME = "summary.extractive-by-support.v2"
SCHEMES = (SUMMARY_SCHEME, TIMELINE_SCHEME, DATES_SCHEME)

__all__ = ["SUMMARY_SCHEME", "Summary", "SummaryConfig", "summarize"]


@dataclass(frozen=True, slots=True)
class Summary:
    """A story's summary: sentences with the articles they cite, where each sentence is read in
    each cited article (``citations``), and the timeline."""

    story_id: str
    sentences: tuple[SummarySentence, ...]
    citations: tuple[SummaryCitation, ...]
    timeline: tuple[TimelineEntry, ...]
    scheme: str = SUMMARY_SCHEME

    def citations_of(self, sentence: int) -> tuple[SummaryCitation, ...]:
        return tuple(c for c in self.citations if c.sentence == sentence)


def summarize(
    story: Story,
    check: CrossCheck,
    articles: Mapping[str, Article],
    claims: Sequence[Claim],
    *,
    config: SummaryConfig | None = None,
) -> Summary:
    config = config or SummaryConfig()
    by_id = {c.id: c for c in claims}
    order = {a: i for i, a in enumerate(story.article_ids)}
    sentences, citations = compose(story.id, check, articles, by_id, order, config)
    supports = {s.group_id: s for s in check.support}
    mentions = {g.id: mentions_of(g, supports.get(g.id), by_id, articles) for g in check.groups}
    events = timeline(story, check.groups, mentions, articles, order, config.max_timeline)
    return Summary(story.id, sentences, citations, events)

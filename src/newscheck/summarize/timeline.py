"""The story's timeline: its dated claim groups in time order, in the words of a source.

Each claim group that a source dates ("on Saturday", "at 9.40pm", "in August 2024") gives one
entry, dated from the first of its sentences (best first) that names a time, resolved against that
article's publication time, or the story's first sighting when the article has none. Entries
that cannot be placed on the calendar (a weekday in an undated story) follow the placed ones, in
weekday order within the week.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from newscheck.crosscheck.context import sentences
from newscheck.model import Article, ClaimGroup, Span, Story, TimelineEntry
from newscheck.summarize.dates import DateMention, find_date, moment, with_day
from newscheck.summarize.mentions import Mention, cited_articles

TIMELINE_SCHEME = "timeline.first-dated-mention.v1"

_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},[^\n]{0,30}?\s[-–—]\s")
"""A wire dateline ("VELMOUTH, Oct 15 (MPA) - "): the date of the report, not of an event."""


class _DayContext:
    """For a time written alone ("at 9.40pm"), the day the article named last before it."""

    def __init__(self) -> None:
        self._days: dict[str, list[tuple[int, date]]] = {}

    def day_before(self, article: Article, offset: int, reference: datetime | None) -> date | None:
        days = self._days.get(article.id)
        if days is None:
            days = []
            for start, end in sentences(article.text):
                found = find_date(article.text[start:end], reference)
                if found is not None and found.day is not None:
                    days.append((start, found.day))
            self._days[article.id] = days
        earlier = [day for start, day in days if start < offset]
        return earlier[-1] if earlier else None


def timeline(
    story: Story,
    groups: Sequence[ClaimGroup],
    mentions: Mapping[str, Sequence[Mention]],
    articles: Mapping[str, Article],
    order: Mapping[str, int],
    limit: int,
) -> tuple[TimelineEntry, ...]:
    context = _DayContext()
    entries: list[tuple[tuple[int, float, int, int, int], TimelineEntry]] = []
    seen: set[str] = set()
    for rank, group in enumerate(groups):
        if group.status == "unattested":
            continue
        dated = _first_dated(mentions.get(group.id, ()), articles, story, context)
        if dated is None:
            continue
        mention, found, reference = dated
        if mention.text in seen:
            continue
        seen.add(mention.text)
        when = moment(found, reference)
        entry = TimelineEntry(
            story_id=story.id,
            when=when,
            when_text=found.text,
            precision=found.precision if when is not None else "unknown",
            text=mention.text,
            cites=cited_articles(mentions[group.id], order),
            mentions=tuple(Span(m.article_id, m.start, m.end) for m in mentions[group.id]),
            group_id=group.id,
        )
        entries.append((_sort_key(entry, found, rank), entry))
    entries.sort(key=lambda pair: pair[0])
    return tuple(entry for _, entry in entries[:limit])


def _first_dated(
    mentions: Sequence[Mention], articles: Mapping[str, Article], story: Story, context: _DayContext
) -> tuple[Mention, DateMention, datetime | None] | None:
    for mention in mentions:
        if mention.added:
            continue
        article = articles[mention.article_id]
        reference = article.published or story.first_seen
        dateline = _DATELINE.match(mention.text)
        found = find_date(mention.text[dateline.end() if dateline else 0 :], reference)
        if found is None:
            continue
        if found.day is None and found.at is not None:
            found = with_day(found, context.day_before(article, mention.start, reference))
        return mention, found, reference
    return None


def _sort_key(
    entry: TimelineEntry, found: DateMention, rank: int
) -> tuple[int, float, int, int, int]:
    minutes = found.at.hour * 60 + found.at.minute if found.at is not None else 0
    if entry.when is not None:
        return (0, entry.when.timestamp(), 0, minutes, rank)
    weekday = found.weekday if found.weekday is not None else 7
    return (1, 0.0, weekday, minutes, rank)

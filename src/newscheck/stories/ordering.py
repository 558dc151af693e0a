"""The order in which a batch of articles enters the stream: by publication time; an undated
article takes the time of the dated article ingested just before it and follows it."""

from __future__ import annotations

from collections.abc import Sequence

from newscheck.model import Article
from newscheck.stories.features import epoch_seconds


def stream_sequence(articles: Sequence[Article]) -> list[Article]:
    """``articles`` in stream order. Dated articles go by time, ties by id (so the input's order
    does not matter); undated ones by ingest order (``seq``), each after the latest-ingested
    dated article before it, or at the very start when there is none."""
    by_ingest = sorted(articles, key=lambda a: (a.seq, a.id))
    anchor = float("-inf")
    keyed: list[tuple[tuple[float, int, int, str], Article]] = []
    for article in by_ingest:
        if article.published is not None:
            anchor = epoch_seconds(article.published)
            keyed.append(((anchor, 0, 0, article.id), article))
        else:
            keyed.append(((anchor, 1, article.seq, article.id), article))
    keyed.sort(key=lambda item: item[0])
    return [article for _, article in keyed]

"""Limits that apply to every reader's output: records per file and characters per article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newscheck.model import LocationKind, RawArticle, Rejection
from newscheck.settings import Settings

Item = RawArticle | Rejection


def within_limits(
    items: Iterable[Item], location: str, location_kind: LocationKind, settings: Settings
) -> Iterator[Item]:
    """Pass records through, rejecting over-long articles; stop after ``max_records_per_file``.

    Every record counts towards the limit, rejected ones too, so a file of a million bad lines is
    cut off like one of a million good ones. The overflow is recorded once, for the whole file.
    """
    limits = settings.limits
    iterator = iter(items)
    try:
        for count, item in enumerate(iterator, start=1):
            if count > limits.max_records_per_file:
                yield Rejection(
                    location,
                    location_kind,
                    "too_many_records",
                    f"more than {limits.max_records_per_file:,} records; "
                    f"records after number {limits.max_records_per_file:,} were not read",
                )
                return
            yield check_article_size(item, settings)
    finally:
        # Close the reader now, not at garbage collection, so its file handle is released.
        close = getattr(iterator, "close", None)
        if close is not None:
            close()


def check_article_size(item: Item, settings: Settings) -> Item:
    """A RawArticle longer than ``max_article_chars`` becomes a ``too_large`` Rejection."""
    limit = settings.limits.max_article_chars
    if isinstance(item, RawArticle) and len(item.text) > limit:
        return Rejection(
            item.location,
            item.location_kind,
            "too_large",
            f"the article text has {len(item.text):,} characters, over the limit of {limit:,}",
        )
    return item

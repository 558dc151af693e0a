"""Linked parts kept between runs: a part already linked is not linked again, a stopped run goes
on from its last linked part, and the key of a part changes with whatever its links depend on."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta

import pytest

from newscheck.link import link_articles
from newscheck.link.stage import LinkResult
from newscheck.link.window import LINKING_VERSION, link_in_windows, part_key, parts, times
from newscheck.model import Article, Link, Segmentation

from .conftest import Articles
from .fictional import make_article


class DictCache:
    """A part cache in a dict (the store is tested in tests/store/test_linked_parts.py)."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[Link, ...]] = {}

    def linked_part(self, key: str) -> tuple[Link, ...] | None:
        return self.kept.get(key)

    def keep_linked_part(self, key: str, links: Sequence[Link]) -> None:
        self.kept.setdefault(key, tuple(links))

    def keep_only_linked_parts(self, keys: Iterable[str]) -> None:
        wanted = set(keys)
        self.kept = {k: v for k, v in self.kept.items() if k in wanted}


class CountingLinker:
    """``link_articles``, counting its calls; ``fail_at``: the call that raises instead."""

    def __init__(self, fail_at: int | None = None) -> None:
        self.calls = 0
        self.fail_at = fail_at

    def __call__(
        self, articles: Sequence[Article], segmentations: Mapping[str, Segmentation]
    ) -> LinkResult:
        self.calls += 1
        if self.calls == self.fail_at:
            raise RuntimeError("stopped")
        return link_articles(articles, segmentations)


def _days(articles: list[Article]) -> float:
    """Eight windows over the stream: three parts."""
    stamps = times(articles)
    assert stamps is not None
    return (max(stamps) - min(stamps)) / 86_400 / 8


def test_a_second_run_links_no_part_again_and_gives_the_same_links(generated: Articles) -> None:
    articles, segmentations = generated
    days = _days(articles)
    planned = parts(articles, days)
    assert len(planned) >= 3
    fresh = link_in_windows(articles, segmentations, days, link_articles)
    cache = DictCache()
    first, second = CountingLinker(), CountingLinker()
    seen: list[tuple[int, int]] = []
    kept = link_in_windows(
        articles, segmentations, days, first, cache=cache, progress=lambda d, t: seen.append((d, t))
    )
    assert first.calls == len(planned) and len(cache.kept) == len(planned)
    assert seen == [(n, len(planned)) for n in range(len(planned) + 1)]
    assert link_in_windows(articles, segmentations, days, second, cache=cache) == kept == fresh
    assert second.calls == 0


def test_a_stopped_run_goes_on_from_its_last_linked_part(generated: Articles) -> None:
    articles, segmentations = generated
    days = _days(articles)
    planned = parts(articles, days)
    cache = DictCache()
    with pytest.raises(RuntimeError, match="stopped"):
        link_in_windows(articles, segmentations, days, CountingLinker(fail_at=2), cache=cache)
    assert len(cache.kept) == 1
    again = CountingLinker()
    resumed = link_in_windows(articles, segmentations, days, again, cache=cache)
    assert again.calls == len(planned) - 1
    assert resumed == link_in_windows(articles, segmentations, days, link_articles)


def test_a_grown_stream_links_only_its_changed_parts(generated: Articles) -> None:
    articles, segmentations = generated
    days = _days(articles)
    cache = DictCache()
    link_in_windows(articles, segmentations, days, link_articles, cache=cache)
    before = set(cache.kept)
    last = max(a.published for a in articles if a.published)
    later, segmentation = make_article(
        "A later report", "A report of something else, read after the others.",
        seq=len(articles), published=last + timedelta(minutes=5),
    )  # fmt: skip
    grown = [*articles, later]
    grown_segmentations = {**segmentations, later.id: segmentation}
    linker = CountingLinker()
    result = link_in_windows(grown, grown_segmentations, days, linker, cache=cache)
    assert linker.calls == 1  # the last part only
    assert len(before - set(cache.kept)) == 1  # its old links forgotten
    assert len(cache.kept) == len(parts(grown, days))
    assert result == link_in_windows(grown, grown_segmentations, days, link_articles)


def test_a_part_key_changes_with_what_its_links_depend_on(generated: Articles) -> None:
    articles, _ = generated
    part = parts(articles, _days(articles))[0]
    chosen = [articles[i] for i in part.indexes]
    key = part_key(part, chosen, "lexical")
    assert key == part_key(part, list(chosen), "lexical")
    moved = dataclasses.replace(chosen[0], published=chosen[0].published + timedelta(hours=1))
    other_source = dataclasses.replace(chosen[1], source="another outlet")
    renumbered = dataclasses.replace(chosen[2], seq=10_000)
    changed = {
        part_key(part, chosen, "embed.some-model"),
        part_key(part, [moved, *chosen[1:]], "lexical"),
        part_key(part, [chosen[0], other_source, *chosen[2:]], "lexical"),
        part_key(part, [*chosen[:2], renumbered, *chosen[3:]], "lexical"),
        part_key(part, chosen[::-1], "lexical"),
        part_key(dataclasses.replace(part, block=part.block + 1), chosen, "lexical"),
    }
    assert key not in changed and len(changed) == 6
    assert LINKING_VERSION >= 1

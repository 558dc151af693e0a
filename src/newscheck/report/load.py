"""An :class:`~newscheck.pipeline.Analysis` rebuilt from what a store holds.

The web app and its ``.json`` twins go through here and then through the same report builder as
``report.json`` (:func:`newscheck.report.build.build_report`), so a page and the file can never
disagree about what the analysis found.

:class:`StoreResults` holds the store's whole sets of stories, families and links with the lookups
a page needs, so a long-lived reader (the web app) reads them once per store version instead of
once per page; without one, a page reads only its own stories, families and links.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newscheck.model import Family, Link, Story, SummarySentence

if TYPE_CHECKING:
    from newscheck.pipeline import Analysis
    from newscheck.store import Store


@dataclass(frozen=True, slots=True)
class StoreResults:
    """The store's stories, families and links, with lookups by story and by article."""

    stories: tuple[Story, ...]
    families: tuple[Family, ...]
    links: tuple[Link, ...]
    story_by_id: Mapping[str, Story]
    story_of_article: Mapping[str, str]
    families_by_story: Mapping[str | None, tuple[Family, ...]]
    families_by_article: Mapping[str, tuple[Family, ...]]
    links_by_article: Mapping[str, tuple[Link, ...]]
    """Every link an article takes part in, as the derived article or as the origin."""


def index_results(
    stories: Iterable[Story], families: Iterable[Family], links: Iterable[Link]
) -> StoreResults:
    """Index whole sets of stories, families and links."""
    stories, families, links = tuple(stories), tuple(families), tuple(links)
    story_of: dict[str, str] = {}
    for story in stories:
        for aid in story.article_ids:
            story_of.setdefault(aid, story.id)
    by_story: dict[str | None, list[Family]] = {}
    holding: dict[str, list[Family]] = {}
    for family in families:
        by_story.setdefault(family.story_id, []).append(family)
        for aid in family.article_ids:
            holding.setdefault(aid, []).append(family)
    by_article: dict[str, list[Link]] = {}
    for link in links:
        by_article.setdefault(link.derived, []).append(link)
        if link.origin != link.derived:
            by_article.setdefault(link.origin, []).append(link)
    return StoreResults(
        stories=stories,
        families=families,
        links=links,
        story_by_id={s.id: s for s in stories},
        story_of_article=story_of,
        families_by_story={k: tuple(v) for k, v in by_story.items()},
        families_by_article={k: tuple(v) for k, v in holding.items()},
        links_by_article={k: tuple(v) for k, v in by_article.items()},
    )


def read_results(store: Store) -> StoreResults:
    """Read and index the store's stories, families and links."""
    return index_results(store.stories(), store.families(), store.links())


def analysis_from_store(
    store: Store,
    story_ids: Iterable[str] | None = None,
    *,
    results: StoreResults | None = None,
) -> Analysis:
    """The analysis the store holds: everything, or only the stories in ``story_ids``.

    For a subset of stories the analysis has those stories' articles and segmentations, the
    links between them, their families, claims, claim groups and the groups' support, conflicts,
    figure checks, framing, timelines, summaries and summary citations, and no rejections
    (rejections belong to runs, not stories). Unknown story ids are left out.
    ``results`` reuses stories, families and links already read (see :func:`read_results`);
    without it a subset reads only its own.
    """
    from newscheck.pipeline import Analysis

    if story_ids is None:
        return _whole_store(store, results if results is not None else read_results(store))
    ids = list(dict.fromkeys(story_ids))
    if results is None:
        results = _results_of_stories(store, ids)
    wanted = [results.story_by_id[s] for s in ids if s in results.story_by_id]
    article_ids = list(dict.fromkeys(a for story in wanted for a in story.article_ids))
    members = set(article_ids)
    links = tuple(
        link
        for aid in article_ids
        for link in results.links_by_article.get(aid, ())
        if link.derived == aid and link.origin in members
    )
    groups = tuple(g for story in wanted for g in store.claim_groups(story.id))
    framing = store.framing(article_ids) if article_ids else []
    return Analysis(
        articles=tuple(store.articles(article_ids)),
        segmentations=store.segmentations(article_ids),
        rejections=(),
        links=links,
        families=tuple(f for s in wanted for f in results.families_by_story.get(s.id, ())),
        stories=tuple(wanted),
        claims=tuple(store.claims(article_ids)) if article_ids else (),
        claim_groups=groups,
        conflicts=tuple(c for story in wanted for c in store.conflicts(story.id)),
        summaries=_summaries(store, [s.id for s in wanted]),
        claim_support=tuple(store.claim_support([g.id for g in groups])) if groups else (),
        figure_checks=tuple(f for story in wanted for f in store.figure_checks(story.id)),
        framing=tuple(f for f in framing if f.origin in members),
        timeline=tuple(t for story in wanted for t in store.timeline(story.id)),
        citations=tuple(c for story in wanted for c in store.citations(story.id)),
    )


def _results_of_stories(store: Store, story_ids: list[str]) -> StoreResults:
    """Only the given stories, their families and their articles' links (scoped reads)."""
    stories = store.stories(story_ids)
    article_ids = list(dict.fromkeys(a for story in stories for a in story.article_ids))
    families = [f for story in stories for f in store.families(story.id)]
    return index_results(stories, families, store.links(article_ids) if article_ids else [])


def analysis_around_article(
    store: Store, article_id: str, *, results: StoreResults | None = None
) -> Analysis:
    """One article with the articles it is linked with (either way), those links and their
    framing, the families that hold it and the claims made in it (no stories: theirs are other
    pages)."""
    from newscheck.pipeline import Analysis

    if results is not None:
        links = results.links_by_article.get(article_id, ())
        families = results.families_by_article.get(article_id, ())
    else:
        links = tuple(store.links([article_id]))
        families = tuple(f for f in store.families() if article_id in f.article_ids)
    ids = list(dict.fromkeys([article_id, *(a for k in links for a in (k.origin, k.derived))]))
    pairs = {(k.derived, k.origin) for k in links}
    derived = list(dict.fromkeys(k.derived for k in links))
    framing = store.framing(derived) if derived else []
    return Analysis(
        articles=tuple(store.articles(ids)),
        segmentations=store.segmentations(ids),
        rejections=(),
        links=links,
        families=families,
        claims=tuple(store.claims([article_id])),
        framing=tuple(f for f in framing if (f.derived, f.origin) in pairs),
    )


def _whole_store(store: Store, results: StoreResults) -> Analysis:
    from newscheck.pipeline import Analysis

    return Analysis(
        articles=tuple(store.articles()),
        segmentations=store.segmentations(),
        rejections=tuple(store.rejections()),
        links=results.links,
        families=results.families,
        stories=results.stories,
        claims=tuple(store.claims()),
        claim_groups=tuple(store.claim_groups()),
        conflicts=tuple(store.conflicts()),
        summaries=_summaries(store, [s.id for s in results.stories]),
        claim_support=tuple(store.claim_support()),
        figure_checks=tuple(store.figure_checks()),
        framing=tuple(store.framing()),
        timeline=tuple(store.timeline()),
        citations=tuple(store.citations()),
    )


def _summaries(store: Store, story_ids: Iterable[str]) -> dict[str, tuple[SummarySentence, ...]]:
    found = {sid: tuple(store.summary(sid)) for sid in story_ids}
    return {sid: sentences for sid, sentences in found.items() if sentences}

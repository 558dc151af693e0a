"""The runner: ingest -> clean -> segment -> store -> link -> stories -> extract -> crosscheck.

Each stage is a function over typed records; this module only wires them together, keeps the store
up to date after each stage, and collects rejections. ``analyze`` is the Python API behind
``newscheck analyze``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscheck.model import (
    Article,
    Claim,
    ClaimGroup,
    ClaimSupport,
    Conflict,
    Family,
    FigureCheck,
    Framing,
    Link,
    RawArticle,
    Rejection,
    Removed,
    Segmentation,
    Story,
    SummaryCitation,
    SummarySentence,
    TimelineEntry,
    article_id,
)
from newscheck.settings import Settings

if TYPE_CHECKING:
    from newscheck.embed import Embedder
    from newscheck.link.stage import LinkSettings
    from newscheck.link.verify import Overlap
    from newscheck.store import Store
    from newscheck.stories import ArticleKeys

STAGES = ("link", "stories", "extract", "crosscheck")
"""Stages after ingest that a run may skip (``--skip``)."""

INGEST_BATCH = 500
"""Articles written to the store per transaction while ingesting."""

Progress = Callable[[str, int, int | None], None]
"""``progress(stage, done, total)``: called as a stage advances (total None when unknown)."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything one run knows, as records. ``report`` is the ``newscheck.report/1`` document."""

    articles: tuple[Article, ...]
    segmentations: Mapping[str, Segmentation]
    rejections: tuple[Rejection, ...]
    links: tuple[Link, ...] = ()
    families: tuple[Family, ...] = ()
    stories: tuple[Story, ...] = ()
    claims: tuple[Claim, ...] = ()
    claim_groups: tuple[ClaimGroup, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    summaries: Mapping[str, tuple[SummarySentence, ...]] = field(default_factory=dict)
    claim_support: tuple[ClaimSupport, ...] = ()
    framing: tuple[Framing, ...] = ()
    figure_checks: tuple[FigureCheck, ...] = ()
    citations: tuple[SummaryCitation, ...] = ()
    """Where each summary sentence is read in each cited article."""
    timeline: tuple[TimelineEntry, ...] = ()
    run_id: str | None = None
    read_article_ids: frozenset[str] = frozenset()
    """Articles this run read (new or already in the store)."""
    new_article_ids: frozenset[str] = frozenset()
    """Articles this run added to the store."""

    @property
    def report(self) -> dict[str, Any]:
        from newscheck.report.build import build_report

        return build_report(self)

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)


def source_from_site_tag(removed: Sequence[Removed]) -> str | None:
    """The outlet named by a site tag that cleaning took off the text ("· novinite.com")."""
    for item in removed:
        if item.kind == "site_tag":
            name = item.text.strip().lstrip("·|•-–— ").strip()
            if name:
                return name
    return None


def clean_article(raw: RawArticle, seq: int) -> tuple[Article, Segmentation]:
    """Clean and segment one raw article into the stored record and its spans."""
    from newscheck.clean import clean
    from newscheck.segment import segment

    cleaned = clean(raw)
    aid = article_id(cleaned.title, cleaned.text)
    article = Article(
        id=aid,
        title=cleaned.title,
        text=cleaned.text,
        location=raw.location,
        location_kind=raw.location_kind,
        format=raw.format,
        removed=cleaned.removed,
        url=raw.url,
        source=raw.source or source_from_site_tag(cleaned.removed),
        published=raw.published,
        author=raw.author,
        given_id=raw.given_id,
        language=raw.language,
        summary_only=raw.summary_only,
        seq=seq,
    )
    return article, segment(aid, cleaned.text)


def ingest(
    inputs: Iterable[str | os.PathLike[str]], settings: Settings
) -> Iterator[tuple[Article, Segmentation] | Rejection]:
    """Read, clean and segment every input, streaming. Duplicates within the run are rejected."""
    from newscheck.ingest import read_inputs

    seen: dict[str, str] = {}
    seq = 0
    for item in read_inputs(inputs, settings):
        if isinstance(item, Rejection):
            yield item
            continue
        if not item.text.strip():
            yield Rejection(item.location, item.location_kind, "no_text", "the article has no text")
            continue
        article, seg = clean_article(item, seq)
        if not article.text.strip():
            yield Rejection(
                item.location, item.location_kind, "no_text", "nothing was left after cleaning"
            )
            continue
        if article.id in seen:
            yield Rejection(
                item.location,
                item.location_kind,
                "duplicate",
                f"same title and text as {seen[article.id]}",
            )
            continue
        seen[article.id] = article.location
        seq += 1
        yield article, seg


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last may be shorter)."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def analyze(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    db: str | os.PathLike[str] | None = None,
    settings: Settings | None = None,
    skip: Sequence[str] = (),
    progress: Progress | None = None,
    embedder: Embedder | None = None,
) -> Analysis:
    """Run every stage over ``inputs`` (files, folders, URLs) and return the analysis.

    With ``db`` the articles and results are kept in that store (a SQLite path or a
    ``postgresql://`` URL) and the derived stages run over every article the store holds, so a
    later run on new files adds to what is there. Without it the run uses a store in memory.
    ``embedder`` is a sentence model to use instead of loading one (a watcher keeps one across
    polls); it is ignored when ``settings.embeddings`` is off.
    """
    from newscheck.store import open_store

    settings = settings or Settings()
    unknown = set(skip) - set(STAGES)
    if unknown:
        from newscheck.errors import UsageError

        raise UsageError(f"unknown stage(s) to skip: {', '.join(sorted(unknown))}")
    report_progress = progress or (lambda stage, done, total: None)
    names = [os.fspath(i) for i in inputs]

    with open_store(db if db is not None else ":memory:") as store:
        run_id = store.begin_run(names, {"skip": list(skip)})
        rejections: list[Rejection] = []
        new_ids: set[str] = set()
        read_ids: set[str] = set()
        done = 0
        records = ingest(names, settings)
        for batch in batched(records, INGEST_BATCH):
            pairs = [r for r in batch if not isinstance(r, Rejection)]
            rejected = [r for r in batch if isinstance(r, Rejection)]
            if pairs:
                read_ids.update(a.id for a, _ in pairs)
                added = store.add_articles(run_id, [a for a, _ in pairs], [s for _, s in pairs])
                new_ids.update(added)
            if rejected:
                store.add_rejections(run_id, rejected)
                rejections.extend(rejected)
            done += len(batch)
            report_progress("ingest", done, None)

        articles = tuple(store.articles())
        segmentations = store.segmentations()
        analysis = Analysis(
            articles=articles,
            segmentations=segmentations,
            rejections=tuple(rejections),
            run_id=run_id,
            read_article_ids=frozenset(read_ids),
            new_article_ids=frozenset(new_ids),
        )
        analysis = derive_stages(analysis, store, skip, report_progress, settings, embedder)
        store.finish_run(
            run_id,
            "done",
            {
                "articles": len(analysis.articles),
                "new_articles": len(new_ids),
                "rejections": len(rejections),
            },
        )
    return analysis


def derive_stages(
    analysis: Analysis,
    store: Store,
    skip: Sequence[str],
    progress: Progress,
    settings: Settings,
    embedder: Embedder | None = None,
    *,
    copies: Sequence[Overlap] | None = None,
    story_keys: Mapping[str, ArticleKeys] | None = None,
) -> Analysis:
    """Run the derived stages that are not skipped; each writes its records to the store.

    ``copies``: the verified copy overlaps among ``analysis.articles`` computed elsewhere (the
    Dask runner's workers), handed to :func:`newscheck.link.link_articles`; None finds them there.
    ``story_keys``: story keys of articles computed elsewhere (the Dask runner's workers), handed
    to :func:`newscheck.stories.cluster_stories`, which extracts those missing.
    """
    if not analysis.articles:
        return analysis
    if not settings.embeddings:
        embedder = None
    elif embedder is None:
        embedder = default_embedder(settings)
    keep = settings.keep_vectors and store.persistent
    kept = embedder.kept_in(store) if embedder is not None and keep else nullcontext()
    with kept:
        return _derive(
            analysis, store, skip, progress, embedder, copies, story_keys, settings=settings
        )


def _derive(
    analysis: Analysis,
    store: Store,
    skip: Sequence[str],
    progress: Progress,
    embedder: Embedder | None,
    copies: Sequence[Overlap] | None,
    story_keys: Mapping[str, ArticleKeys] | None,
    *,
    settings: Settings,
) -> Analysis:
    """The stages of :func:`derive_stages`, in order."""
    if "link" not in skip:
        progress("link", 0, None)
        analysis = _link(analysis, store, embedder, copies, settings=settings, progress=progress)
    if "stories" not in skip:
        progress("stories", 0, None)
        analysis = _stories(analysis, store, embedder, story_keys)
    store.replace_families(analysis.families)
    if "extract" not in skip:
        progress("extract", 0, len(analysis.articles))
        analysis = _extract(analysis, store, progress, tagged=embedder is not None)
    if "crosscheck" not in skip and analysis.stories and analysis.claims:
        progress("crosscheck", 0, len(analysis.stories))
        analysis = _crosscheck(analysis, store, embedder)
    return analysis


def default_embedder(settings: Settings) -> Embedder | None:
    """One sentence embedder for every stage, when wanted and installed (the model loads lazily)."""
    from newscheck.embed import Embedder, embeddings_available

    return Embedder() if settings.embeddings and embeddings_available() else None


def _link(
    analysis: Analysis,
    store: Store,
    embedder: Embedder | None,
    copies: Sequence[Overlap] | None = None,
    *,
    settings: Settings,
    progress: Progress | None = None,
) -> Analysis:
    """Links and families. With ``settings.link_window_days``, in time windows (``copies``, which
    index the whole article list, are then found again in each part), the links of each part
    kept in a persistent store so that a later run links only parts it has not seen."""
    from newscheck.link import link_articles
    from newscheck.link.window import link_in_windows

    link = link_settings(settings)
    window = settings.link_window_days
    if window is None:
        result = link_articles(
            analysis.articles,
            analysis.segmentations,
            embedder=embedder,
            settings=link,
            copies=copies,
        )
    else:
        from newscheck.link.stage import linking_method

        report = progress or (lambda stage, done, total: None)
        result = link_in_windows(
            analysis.articles,
            analysis.segmentations,
            window,
            partial(link_articles, embedder=embedder, settings=link),
            cache=store if store.persistent else None,
            method=linking_method(embedder, link),
            progress=lambda done, total: report("link", done, total),
        )
    store.replace_links(result.links)
    return dataclasses.replace(analysis, links=result.links, families=result.families)


def link_settings(settings: Settings) -> LinkSettings:
    """How the link stage of a run with ``settings`` links."""
    from newscheck.link.stage import LinkSettings

    return LinkSettings(cross_encoder=settings.cross_encoder)


def _stories(
    analysis: Analysis,
    store: Store,
    embedder: Embedder | None,
    keys: Mapping[str, ArticleKeys] | None = None,
) -> Analysis:
    from newscheck.stories import cluster_stories

    stories = cluster_stories(
        analysis.articles, analysis.links, existing=store.stories(), embedder=embedder, keys=keys
    )
    store.replace_stories(stories)
    families = _families_in_stories(analysis.families, stories)
    return dataclasses.replace(analysis, stories=stories, families=families)


def _extract(analysis: Analysis, store: Store, progress: Progress, *, tagged: bool) -> Analysis:
    """Claims of every article; articles whose claims the store already holds are not re-read.
    ``tagged``: the cue tagger reads doubtful cues (embeddings are on and installed)."""
    from newscheck.extract import Extractor, default_cue_tagger

    stored = store.claims()
    have = {c.article_id for c in stored}
    todo = [a for a in analysis.articles if a.id not in have]
    claims = list(stored)
    if todo:
        extractor = Extractor(cue_tagger=default_cue_tagger(tagged))
        for done, extraction in enumerate(extractor.extract(todo, analysis.segmentations), 1):
            claims.extend(extraction.claims)
            progress("extract", done, len(todo))
        store.replace_claims(claims)
    return dataclasses.replace(analysis, claims=tuple(claims))


def _crosscheck(analysis: Analysis, store: Store, embedder: Embedder | None) -> Analysis:
    from newscheck.crosscheck import crosscheck_stories
    from newscheck.summarize import summarize

    articles = {a.id: a for a in analysis.articles}
    checks = crosscheck_stories(
        analysis.stories,
        articles,
        analysis.claims,
        analysis.families,
        analysis.links,
        embedder=embedder,
    )
    summaries = {}
    for story, check in zip(analysis.stories, checks, strict=True):
        summary = summarize(story, check, articles, analysis.claims)
        summaries[story.id] = summary
        store.replace_conflicts(story.id, check.conflicts)
        store.replace_summary(story.id, summary.sentences)
        store.replace_figure_checks(story.id, check.figures)
        store.replace_timeline(story.id, summary.timeline)
        store.replace_citations(story.id, summary.citations)
    groups = tuple(g for check in checks for g in check.groups)
    support = tuple(s for check in checks for s in check.support)
    framing = tuple(f for check in checks for f in check.framing)
    store.replace_claim_groups(groups)
    store.replace_claim_support(support)
    store.replace_framing(framing)
    return dataclasses.replace(
        analysis,
        claim_groups=groups,
        claim_support=support,
        conflicts=tuple(c for check in checks for c in check.conflicts),
        framing=framing,
        figure_checks=tuple(f for check in checks for f in check.figures),
        summaries={sid: s.sentences for sid, s in summaries.items()},
        citations=tuple(c for s in summaries.values() for c in s.citations),
        timeline=tuple(t for s in summaries.values() for t in s.timeline),
    )


def _families_in_stories(
    families: Sequence[Family], stories: Sequence[Story]
) -> tuple[Family, ...]:
    """Give each family the story of its origin article."""
    story_of = {aid: story.id for story in stories for aid in story.article_ids}
    return tuple(dataclasses.replace(f, story_id=story_of.get(f.origin)) for f in families)


def write_outputs(analysis: Analysis, out: str | os.PathLike[str]) -> dict[str, Path]:
    """Write report.json, report.md and report.html into ``out``; return their paths."""
    from newscheck.report import write_reports

    return write_reports(analysis.report, Path(out))

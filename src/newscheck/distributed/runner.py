"""``analyze_dask``: the local runner's contract, with the stage functions mapped over partitions
on a Dask cluster. Only orchestration lives here; every algorithm is the local one.

- ingest, clean, segment: partitions of the input on workers (:mod:`.ingest`), results written
  through the store on the driver, in read order, a bounded number of partitions in flight;
- extract: partitions of the articles parsed on workers (:mod:`.extract`), claims stored before
  the local runner's derived stages run, which then find them stored and parse nothing again;
- link: copy detection (LSH banding as a shuffle on band keys) and sentence alignment of the
  candidate pairs on workers, the rest of the stage here (:mod:`.linking`);
- stories: the keys of each article on workers, in partitions in publication order
  (:mod:`.stories`), placed into stories in one ordered pass here by the local runner's stage;
- crosscheck: the local runner's own stage over the store's articles, on this process.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

from newscheck.distributed.cluster import open_client, worker_count
from newscheck.distributed.extract import extract_claims
from newscheck.distributed.ingest import PreparedPartition, RunOrder, prepare_partition
from newscheck.distributed.linking import link_on_workers, windows_on_workers
from newscheck.distributed.plan import PartitionPlan, plan_partitions
from newscheck.distributed.stories import story_keys_on_workers
from newscheck.distributed.stream import ordered_map
from newscheck.embed import Embedder
from newscheck.link.stage import linking_method
from newscheck.link.window import link_in_windows
from newscheck.model import Article, Rejection, Segmentation
from newscheck.pipeline import INGEST_BATCH, STAGES, Analysis, Progress, link_settings
from newscheck.settings import Settings

ENGINE = "dask"


def analyze_dask(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    db: str | os.PathLike[str] | None = None,
    settings: Settings | None = None,
    skip: Sequence[str] = (),
    progress: Progress | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    plan: PartitionPlan | None = None,
) -> Analysis:
    """Same contract and same results as :func:`newscheck.pipeline.analyze`, run on Dask.

    ``scheduler``: address of a running scheduler (``tcp://host:8786``); without it a
    LocalCluster of ``workers`` processes (default 2) is started for the run and closed after.
    Workers need newscheck installed and must see the input paths; the store is written by this
    process only. ``plan`` sets partition sizes.
    """
    settings = settings or Settings()
    _check_skip(skip)
    with open_client(scheduler, workers) as client:
        return analyze_on(
            client, inputs, db=db, settings=settings, skip=skip, progress=progress, plan=plan
        )


def analyze_on(
    client: Any,
    inputs: Iterable[str | os.PathLike[str]],
    *,
    db: str | os.PathLike[str] | None = None,
    settings: Settings | None = None,
    skip: Sequence[str] = (),
    progress: Progress | None = None,
    plan: PartitionPlan | None = None,
) -> Analysis:
    """:func:`analyze_dask` on a client the caller owns (several runs on one cluster)."""
    from newscheck.pipeline import default_embedder, derive_stages  # the local runner's own
    from newscheck.store import open_store

    settings = settings or Settings()
    _check_skip(skip)
    report = progress or (lambda stage, done, total: None)
    given = [os.fspath(i) for i in inputs]
    window = 2 * worker_count(client) + 2
    with open_store(db if db is not None else ":memory:") as store:
        run_id = store.begin_run(given, {"skip": list(skip), "engine": ENGINE})
        writer = _IngestWriter(store, run_id)
        parts = plan_partitions(given, settings, plan)
        for prepared in ordered_map(client, prepare_partition, parts, settings, window=window):
            writer.write(prepared)
            report("ingest", writer.done, None)
        analysis = Analysis(
            articles=tuple(store.articles()),
            segmentations=store.segmentations(),
            rejections=tuple(writer.rejections),
            run_id=run_id,
            read_article_ids=frozenset(writer.read_ids),
            new_article_ids=frozenset(writer.new_ids),
        )
        if analysis.articles and "extract" not in skip:
            # Claims need nothing of link or stories: parsed first, on the workers.
            analysis = extract_claims(
                client, analysis, store, report, window=window, tagged=settings.embeddings
            )
        embedder = default_embedder(settings)
        plan = plan or PartitionPlan()
        if analysis.articles and "link" not in skip:
            analysis = _link(client, analysis, store, embedder, plan, report, settings)
            skip = (*skip, "link")  # done: the local runner's other derived stages follow
        story_keys = None
        if analysis.articles and "stories" not in skip:
            report("stories", 0, None)
            story_keys = story_keys_on_workers(
                client,
                analysis.articles,
                analysis.links,
                existing=store.stories(),  # what the stage places the articles onto
                size=plan.story_articles,
                window=window,
            )
        analysis = derive_stages(
            analysis, store, skip, report, settings, embedder, story_keys=story_keys
        )
        store.finish_run(
            run_id,
            "done",
            {
                "articles": len(analysis.articles),
                "new_articles": len(writer.new_ids),
                "rejections": len(writer.rejections),
            },
        )
    return analysis


class _IngestWriter:
    """Writes prepared partitions through the store in read order, as the local runner does:
    articles in batches of ``INGEST_BATCH`` per transaction, rejections recorded beside them."""

    def __init__(self, store: Any, run_id: str) -> None:
        self.store = store
        self.run_id = run_id
        self.order = RunOrder()
        self.rejections: list[Rejection] = []
        self.read_ids: set[str] = set()
        self.new_ids: set[str] = set()
        self.done = 0

    def write(self, prepared: PreparedPartition) -> None:
        items = list(self.order.place_all(prepared.items))
        for start in range(0, len(items), INGEST_BATCH):
            self._write_batch(items[start : start + INGEST_BATCH])

    def _write_batch(self, batch: list[tuple[Article, Segmentation] | Rejection]) -> None:
        pairs = [item for item in batch if not isinstance(item, Rejection)]
        rejected = [item for item in batch if isinstance(item, Rejection)]
        if pairs:
            self.read_ids.update(article.id for article, _ in pairs)
            added = self.store.add_articles(
                self.run_id, [a for a, _ in pairs], [s for _, s in pairs]
            )
            self.new_ids.update(added)
        if rejected:
            self.store.add_rejections(self.run_id, rejected)
            self.rejections.extend(rejected)
        self.done += len(batch)


def _link(
    client: Any,
    analysis: Analysis,
    store: Any,
    embedder: Embedder | None,
    plan: PartitionPlan,
    report: Progress,
    settings: Settings,
) -> Analysis:
    """The link stage as the local runner's, its copy detection and alignment on the workers
    (in time windows with ``settings.link_window_days``: :mod:`.linking` says how)."""
    report("link", 0, None)
    days = settings.link_window_days
    how = link_settings(settings)
    link = partial(
        link_on_workers,
        client,
        embedder=embedder,
        copy_texts=plan.copy_texts,
        pairs_per_task=plan.link_pairs,
        settings=how,
    )
    # Each part's links kept in the store: a later run links only the parts it has not seen.
    cache = store if store.persistent else None

    def parts_done(done: int, total: int) -> None:
        report("link", done, total)

    if days is None:
        result = link(analysis.articles, analysis.segmentations)
    elif embedder is None:
        result = windows_on_workers(
            client,
            analysis.articles,
            analysis.segmentations,
            days,
            in_flight=2 * worker_count(client) + 2,
            cache=cache,
            progress=parts_done,
        )
    else:
        result = link_in_windows(
            analysis.articles,
            analysis.segmentations,
            days,
            link,
            cache=cache,
            method=linking_method(embedder, how),
            progress=parts_done,
        )
    store.replace_links(result.links)
    return dataclasses.replace(analysis, links=result.links, families=result.families)


def _check_skip(skip: Sequence[str]) -> None:
    unknown = set(skip) - set(STAGES)
    if unknown:
        from newscheck.errors import UsageError

        raise UsageError(f"unknown stage(s) to skip: {', '.join(sorted(unknown))}")

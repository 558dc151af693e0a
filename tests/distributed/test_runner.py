"""The Dask run gives what the local run gives: articles, spans, rejections, links, families,
stories and the whole report, on the bundled example and on generated corpora, and the stages
that run on workers ran there (Dask's task stream says)."""

from __future__ import annotations

import dataclasses
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import newscheck
from newscheck.distributed import PartitionPlan, analyze_on, open_client
from newscheck.distributed.linking import copies_on_workers
from newscheck.errors import UsageError
from newscheck.link import find_copies
from newscheck.pipeline import Analysis
from newscheck.settings import Settings
from newscheck.store import open_store

# Linking and stories are compared; claims (spaCy) are left to the tests of their stages, and
# the sentence-embedding model to the slow test of every stage (both runners call the same link
# and story functions, so the equivalence does not depend on the embeddings: the order and
# content of what they are given does).
DERIVED_ONLY = ("extract", "crosscheck")
LEXICAL = Settings(embeddings=False)


def assert_same_analysis(local: Analysis, dask: Analysis) -> None:
    assert dask.articles == local.articles
    assert dict(dask.segmentations) == dict(local.segmentations)
    assert dask.rejections == local.rejections
    assert dask.links == local.links
    assert dask.families == local.families
    assert dask.stories == local.stories
    assert dask.new_article_ids == local.new_article_ids
    assert dask.read_article_ids == local.read_article_ids


def report_text(analysis: Analysis) -> str:
    return json.dumps(analysis.report, sort_keys=True, default=str)


def test_bundled_example_gives_the_same_report(
    dask_client: Any, example_dir: Path, tmp_path: Path
) -> None:
    local = newscheck.analyze(
        [example_dir], db=tmp_path / "local.db", settings=LEXICAL, skip=DERIVED_ONLY
    )
    dask = analyze_on(
        dask_client, [example_dir], db=tmp_path / "dask.db", settings=LEXICAL, skip=DERIVED_ONLY
    )
    assert len(local.articles) == 8 and local.links and local.stories
    assert_same_analysis(local, dask)
    assert report_text(dask) == report_text(local)


@dataclass(frozen=True)
class Runs:
    folder: Path
    local: Analysis
    dask: Analysis
    dask_tasks: Counter[str]
    """Names of the functions the Dask run ran as tasks, with how often each ran."""


@pytest.fixture(scope="module")
def small_runs(
    dask_client: Any, small_corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Runs:
    """The small generated corpus through both runners once (lexical, no claims), each into a
    store of its own; the Dask run cuts every file into slices of an odd number of records, and
    copy detection into partitions of 64 articles (five, shuffled over five buckets), the
    alignment of candidate pairs into tasks of 40 pairs and story keys into tasks of 50
    articles."""
    from dask.utils import key_split

    from distributed import get_task_stream

    folder = tmp_path_factory.mktemp("runs")
    local = newscheck.analyze(
        [small_corpus], db=folder / "local.db", settings=LEXICAL, skip=DERIVED_ONLY
    )
    # every file streamed, in slices
    plan = PartitionPlan(
        stream_bytes=20_000, records=45, copy_texts=64, link_pairs=40, story_articles=50
    )
    with get_task_stream(dask_client) as stream:
        dask = analyze_on(
            dask_client,
            [small_corpus],
            db=folder / "dask.db",
            settings=LEXICAL,
            skip=DERIVED_ONLY,
            plan=plan,
        )
    tasks = Counter(key_split(task["key"]) for task in stream.data)
    return Runs(folder, local, dask, tasks)


def test_generated_corpus_cut_small_gives_the_same_results(small_runs: Runs) -> None:
    local = small_runs.local
    assert len(local.articles) > 270 and local.rejections
    assert len(local.links) > 30 and len(local.stories) > 25
    assert_same_analysis(local, small_runs.dask)


def test_linking_in_time_windows_gives_the_same_results(
    dask_client: Any, small_corpus: Path, tmp_path: Path
) -> None:
    """Each part of the stream linked whole on a worker gives what the local run's parts give,
    and is kept: a second run over the store links no part again."""
    from dask.utils import key_split

    from distributed import get_task_stream
    from newscheck.link.window import parts

    settings = dataclasses.replace(LEXICAL, link_window_days=0.25)
    local = newscheck.analyze(
        [small_corpus], db=tmp_path / "local.db", settings=settings, skip=DERIVED_ONLY
    )
    with get_task_stream(dask_client) as stream:
        dask = analyze_on(
            dask_client,
            [small_corpus],
            db=tmp_path / "dask.db",
            settings=settings,
            skip=DERIVED_ONLY,
        )
    cut = parts(local.articles, 0.25)
    assert len(cut) >= 3 and len(local.links) > 30
    assert_same_analysis(local, dask)
    tasks = Counter(key_split(task["key"]) for task in stream.data)
    assert tasks["link_part"] == len(cut)  # key_split drops the "_"
    assert tasks["derive_part"] == 0  # no alignment over the whole store
    # Every part's links are kept in the store: a second run links none again.
    with get_task_stream(dask_client) as again_stream:
        again = analyze_on(
            dask_client, [], db=tmp_path / "dask.db", settings=settings, skip=DERIVED_ONLY
        )
    assert not any(key_split(task["key"]) == "link_part" for task in again_stream.data)
    assert (again.links, again.families, again.stories) == (dask.links, dask.families, dask.stories)


def test_copies_and_alignment_ran_on_the_workers(small_runs: Runs) -> None:
    expected = {"prepare_partition", "sign_partition", "split_for_shuffle", "verify_block"}
    assert expected | {"derive_part"} <= set(small_runs.dask_tasks)  # key_split drops the "_"
    assert any(link.relation == "copy" for link in small_runs.dask.links)


def test_story_keys_ran_on_the_workers(small_runs: Runs) -> None:
    # Every article is new to the store: each one's keys, 50 to a task.
    tasks = math.ceil(len(small_runs.dask.articles) / 50)
    assert small_runs.dask_tasks["story_keys_partition"] == tasks and tasks >= 5


def test_copies_on_workers_equal_what_linking_finds_itself(
    dask_client: Any, small_runs: Runs
) -> None:
    articles = small_runs.local.articles
    found = copies_on_workers(dask_client, articles, partition_size=50)
    assert found == find_copies([a.text for a in articles]) and len(found) > 20


def test_the_stores_hold_the_same_rows(small_runs: Runs) -> None:
    with (
        open_store(small_runs.folder / "local.db") as local,
        open_store(small_runs.folder / "dask.db") as dask,
    ):
        assert list(dask.articles()) == list(local.articles())
        assert dask.rejections() == local.rejections()
        assert dask.stories() == local.stories()
        assert dask.links() == local.links()
        assert dask.families() == local.families()


def test_a_second_run_on_the_same_store_adds_nothing(
    dask_client: Any, example_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "n.db"
    first = analyze_on(dask_client, [example_dir], db=db, settings=LEXICAL, skip=DERIVED_ONLY)
    second = analyze_on(dask_client, [example_dir], db=db, settings=LEXICAL, skip=DERIVED_ONLY)
    assert len(first.new_article_ids) == 8 and second.new_article_ids == frozenset()
    assert second.stories == first.stories
    with open_store(db) as store:
        assert [r["status"] for r in store.runs()] == ["done", "done"]
        options = store.runs()[0]["options"]
        assert isinstance(options, dict) and options["engine"] == "dask"


def test_a_later_run_extends_stored_stories_as_the_local_run_does(
    dask_client: Any, example_dir: Path, tmp_path: Path
) -> None:
    from dask.utils import key_split

    from distributed import get_task_stream

    first = sorted(example_dir.glob("*.txt"))[:3]

    def two_runs(run: Any, db: Path) -> tuple[Analysis, Analysis]:
        before = run(first, db=db, settings=LEXICAL, skip=DERIVED_ONLY)
        return before, run([example_dir], db=db, settings=LEXICAL, skip=DERIVED_ONLY)

    local = two_runs(newscheck.analyze, tmp_path / "local.db")
    with get_task_stream(dask_client) as stream:
        dask = two_runs(lambda *a, **k: analyze_on(dask_client, *a, **k), tmp_path / "dask.db")
    assert dask[0].stories == local[0].stories and dask[1].stories == local[1].stories
    assert dask[1].links == local[1].links and dask[1].families == local[1].families
    grown = {s.id: len(s.article_ids) for s in local[1].stories}
    assert any(grown.get(s.id, 0) > len(s.article_ids) for s in local[0].stories)
    assert Counter(key_split(t["key"]) for t in stream.data)["story_keys_partition"] == 2


def test_progress_is_reported_per_partition(dask_client: Any, small_corpus: Path) -> None:
    seen: list[tuple[str, int]] = []
    analyze_on(
        dask_client,
        [small_corpus],
        skip=("link", "stories", *DERIVED_ONLY),
        progress=lambda stage, done, total: seen.append((stage, done)),
        plan=PartitionPlan(stream_bytes=1, records=100),
    )
    ingest = [done for stage, done in seen if stage == "ingest"]
    assert ingest == sorted(ingest) and len(ingest) == 3 and ingest[-1] == 300


def test_unknown_stage_is_a_usage_error(dask_client: Any, example_dir: Path) -> None:
    with pytest.raises(UsageError, match="unknown stage"):
        analyze_on(dask_client, [example_dir], skip=("nonsense",))


def test_unreachable_scheduler_is_a_usage_error() -> None:
    pytest.importorskip("distributed")
    with (
        pytest.raises(UsageError, match="cannot reach the Dask scheduler"),
        open_client("tcp://127.0.0.1:9", timeout_s=2),
    ):
        pass


def test_workers_must_be_positive() -> None:
    with pytest.raises(UsageError, match="at least 1"), open_client(workers=0):
        pass


@pytest.mark.slow
def test_every_stage_of_the_example_gives_the_same_report(
    dask_client: Any, example_dir: Path, tmp_path: Path
) -> None:
    pytest.importorskip("spacy", reason="extraction needs the 'nlp' extra")
    local = newscheck.analyze([example_dir], db=tmp_path / "local.db")
    dask = analyze_on(dask_client, [example_dir], db=tmp_path / "dask.db")
    assert local.claims and local.claim_groups
    assert_same_analysis(local, dask)
    assert dask.claims == local.claims and dask.claim_groups == local.claim_groups
    assert report_text(dask) == report_text(local)


@pytest.mark.slow
def test_twenty_thousand_generated_articles_give_identical_articles_copies_stories(
    dask_client: Any, tmp_path: Path
) -> None:
    """At 20,000 articles the runs are compared where they differ in how they work: ingest
    (articles, spans, ``seq``, rejections) cut into partitions and put back in order, and copy
    detection as a shuffle on band keys against the one-process index; then stories. Sentence
    alignment is left out (``link`` skipped): it costs minutes at this size, and it is the same
    function on the same articles in both runs (links and families are compared on the small
    corpus above)."""
    from newscheck.distributed.banding import distributed_copies
    from newscheck.distributed.synthetic import write_corpus
    from newscheck.link import find_copies

    corpus = write_corpus(tmp_path / "corpus", 20_000, per_file=2_500, seed=20)
    skip = ("link", *DERIVED_ONLY)
    local = newscheck.analyze([corpus.folder], settings=LEXICAL, skip=skip)
    dask = analyze_on(dask_client, [corpus.folder], settings=LEXICAL, skip=skip)
    assert len(local.articles) > 19_000 and len(local.stories) > 1_000
    assert_same_analysis(local, dask)
    texts = [a.text for a in local.articles]
    expected = find_copies(texts)
    shuffled = distributed_copies(dask_client, texts, partition_size=5_000)
    assert shuffled.overlaps == expected and len(expected) > 2_000

"""Transactions on every backend: whole batches or nothing, readers beside a writer, one writer at
a time, and a writer killed with SIGKILL mid-run."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar, overload

import pytest

from newscheck.errors import StoreError
from newscheck.model import Paragraph, Segmentation, Sentence
from newscheck.store import Store, open_store

from .fictional import fictional_article, fictional_batch

T = TypeVar("T")
WRITER = Path(__file__).with_name("writer.py")
WAIT_S = 20.0


class PausingSequence(Sequence[T]):
    """A batch that pauses the writer while the store walks it, i.e. inside the write
    transaction, until the test lets it go on."""

    def __init__(self, items: list[T]) -> None:
        self.items = items
        self.inside = threading.Event()
        self.go_on = threading.Event()

    def __iter__(self) -> Iterator[T]:
        self.inside.set()
        if not self.go_on.wait(WAIT_S):
            raise TimeoutError("the test never let the writer go on")
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: Any) -> Any:
        return self.items[index]


def in_thread(work: Callable[[], object]) -> tuple[threading.Thread, list[BaseException]]:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, errors


# ---------------------------------------------------------------------------- atomic batches


def test_a_batch_that_fails_midway_leaves_nothing(store: Store) -> None:
    run_id = store.begin_run([], {})
    articles, segmentations = fictional_batch(0, 5)
    stray = Segmentation("not-an-article", (), (), "test.v1")  # fails after the articles went in
    with pytest.raises(StoreError, match="add articles"):
        store.add_articles(run_id, articles, [*segmentations, stray])
    assert store.article_count() == 0
    assert store.segmentations() == {}
    assert store.search("storm") == []
    assert store.add_articles(run_id, articles, segmentations) == [a.id for a in articles]
    assert store.article_count() == 5


def test_a_bad_segmentation_fails_its_whole_batch(store: Store) -> None:
    run_id = store.begin_run([], {})
    kept, kept_segmentation = fictional_article(0)
    store.add_articles(run_id, [kept], [kept_segmentation])
    article, _ = fictional_article(1)
    twice = Sentence(article.id, 0, 0, 4, 0)
    broken = Segmentation(article.id, (Paragraph(article.id, 0, 0, 9),), (twice, twice), "test.v1")
    with pytest.raises(StoreError):
        store.add_articles(run_id, [article], [broken])
    assert [a.id for a in store.articles()] == [kept.id]
    assert set(store.segmentations()) == {kept.id}


# ---------------------------------------------------------------------------- concurrency


def test_a_reader_reads_while_a_writer_is_inside_its_transaction(store_target: str) -> None:
    with open_store(store_target) as writer, open_store(store_target) as reader:
        run_id = writer.begin_run([], {})
        writer.add_articles(run_id, *fictional_batch(0, 3))
        articles, segmentations = fictional_batch(3, 4)
        paused = PausingSequence(segmentations)
        thread, errors = in_thread(lambda: writer.add_articles(run_id, articles, paused))
        try:
            assert paused.inside.wait(WAIT_S), "the writer never started its batch"
            # The batch's articles are written but not committed: the reader neither waits
            # nor sees them.
            assert reader.article_count() == 3
            assert [a.id for a in reader.articles()] == [a.id for a in fictional_batch(0, 3)[0]]
            assert reader.search("zq4marker") == []
        finally:
            paused.go_on.set()
            thread.join(WAIT_S)
        assert not errors
        assert reader.article_count() == 7
        assert len(reader.segmentations()) == 7


def test_a_second_writer_waits_for_the_first(store_target: str) -> None:
    with open_store(store_target) as first, open_store(store_target) as second:
        run_id = first.begin_run([], {})
        articles, segmentations = fictional_batch(0, 3)
        paused = PausingSequence(segmentations)
        first_thread, first_errors = in_thread(lambda: first.add_articles(run_id, articles, paused))
        assert paused.inside.wait(WAIT_S)
        second_done = threading.Event()

        def write_second_batch() -> None:
            second.add_articles(run_id, *fictional_batch(3, 2))
            second_done.set()

        second_thread, second_errors = in_thread(write_second_batch)
        try:
            assert not second_done.wait(0.5), "the second writer did not wait for the first"
        finally:
            paused.go_on.set()
            first_thread.join(WAIT_S)
            second_thread.join(WAIT_S)
        assert not first_errors and not second_errors
        assert [a.seq for a in second.articles()] == [0, 1, 2, 3, 4]


def test_readers_only_ever_see_whole_batches(store_target: str) -> None:
    batch_size, batches = 20, 15
    with open_store(store_target) as writer, open_store(store_target) as reader:
        run_id = writer.begin_run([], {})

        def write_all() -> None:
            for batch in range(batches):
                writer.add_articles(run_id, *fictional_batch(batch * batch_size, batch_size))

        thread, errors = in_thread(write_all)
        observed: list[int] = []
        while thread.is_alive() or not observed:
            count = reader.article_count()
            segmented = len(reader.segmentations())
            assert count % batch_size == 0
            assert segmented >= count  # every visible article has its segmentation
            observed.append(count)
        thread.join()
        assert not errors
        assert observed == sorted(observed)
        assert reader.article_count() == batch_size * batches


# ---------------------------------------------------------------------------- crash


def run_writer(target: str, batches: int, batch_size: int) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        str(WRITER),
        target,
        "--batches",
        str(batches),
        "--batch-size",
        str(batch_size),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)


def snapshot(store: Store) -> tuple[list[Any], dict[str, Segmentation]]:
    return list(store.articles()), store.segmentations()


def test_a_writer_killed_mid_run_loses_only_its_open_batch(
    new_target: Callable[[], str], backend: str
) -> None:
    batches, batch_size, killed_in = 8, 60, 3
    reference_target, target = new_target(), new_target()
    run_writer(reference_target, batches, batch_size)

    command = [
        sys.executable,
        str(WRITER),
        target,
        "--batches",
        str(batches),
        "--batch-size",
        str(batch_size),
        "--linger-in",
        str(killed_in),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == f"inside {killed_in}":
            # Batch 3's articles are written, its transaction open: SIGKILL, no cleanup.
            process.kill()
            break
    process.wait(WAIT_S)
    assert process.returncode == -9, "the writer was not killed inside its batch"

    if backend == "sqlite":
        assert_sqlite_intact(target)
    with open_store(target) as store:
        assert store.article_count() == killed_in * batch_size
        articles, segmentations = snapshot(store)
        assert set(segmentations) == {a.id for a in articles}
        assert [run["status"] for run in store.runs()] == ["running"]
        last = articles[-1]
        assert [hit["id"] for hit in store.search(f"zq{last.seq}marker")] == [last.id]
        assert store.search(f"zq{killed_in * batch_size}marker") == []

    rerun = run_writer(target, batches, batch_size)
    assert rerun.stdout.rstrip().endswith("finished")
    with open_store(target) as store, open_store(reference_target) as reference:
        assert snapshot(store) == snapshot(reference)
        assert [run["status"] for run in store.runs()] == ["running", "done"]
        assert store.runs()[1]["counts"] == {"added": (batches - killed_in) * batch_size}


def assert_sqlite_intact(path: str) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        for index in ("articles_fts", "claims_fts"):
            connection.execute(f"INSERT INTO {index} ({index}) VALUES ('integrity-check')")
    finally:
        connection.close()

"""``newscheck analyze --engine dask`` killed midway (SIGKILL to the run and its LocalCluster)
and started again ends as an uninterrupted run ends: the same report and the same rows in every
table, none twice, on SQLite and on PostgreSQL; and no worker outlives a killed run.

The kill tests of the local runner (tests/test_pipeline_faults.py) supply everything but the
command: the generated corpus, the stores, the uninterrupted (local) run to compare with, the
child that announces where it is and waits there, and the comparison of stores. The Dask run is
killed inside an ingest transaction (its partitions on the worker), on entering the write of the
links (copies and alignment done on the worker, nothing of them stored) and on entering the
write of the stories (story keys done on the worker).
"""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest
from tests import test_pipeline_faults as local_faults

from newscheck.store import open_store

pytestmark = pytest.mark.slow

# The local kill tests' fixtures, used as they are (pytest finds them by these names here).
postgres_server = local_faults.postgres_server
targets = local_faults.targets
corpus = local_faults.corpus
reference = local_faults.reference

_PRELUDE, _RUN_LINE, _ = local_faults.LAUNCH.partition("analysis = pipeline.analyze(")
assert _RUN_LINE, "tests/test_pipeline_faults.py's LAUNCH changed: adapt DASK_LAUNCH here"

DASK_LAUNCH = (
    _PRELUDE
    + """
import newscheck.distributed.runner as runner
from newscheck.cli import main

runner.INGEST_BATCH = pipeline.INGEST_BATCH  # the Dask runner's ingest transactions, as small
skip = [option for stage in @SKIP@ for option in ("--skip", stage)]
main(["analyze", corpus, "--db", db, "-o", out, "--engine", "dask", "--workers", "1",
      "--no-embeddings", "--quiet", *skip])
""".replace("@SKIP@", repr(local_faults.SKIP))
)
"""``newscheck analyze CORPUS --db DB -o OUT --engine dask --workers 1`` with the local kill
tests' stops (see ``LAUNCH`` there): the stop hooks sit in the driver, which does every write."""

MARK = "NEWSCHECK_KILLED_RUN"
"""An environment variable every process of a killed run inherits (workers included)."""


def dask_command(corpus: Path, db: str, out: Path, stop_at: str = "end") -> list[str]:
    command = local_faults.analyze_command(corpus, db, out, stop_at)
    command[2] = DASK_LAUNCH
    return command


def processes_marked(mark: str) -> list[int]:
    """Living processes whose environment holds ``MARK=mark`` (a zombie's environment reads
    empty)."""
    found = []
    needle = f"{MARK}={mark}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environment = (entry / "environ").read_bytes()
        except OSError:
            continue  # gone, or not ours
        if needle in environment.split(b"\0"):
            found.append(int(entry.name))
    return found


def kill_dask_run_at(
    corpus: Path, db: str, out: Path, stop_at: str, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Kill a Dask run at ``stop_at`` (see ``local_faults.kill_at``); check that none of its
    processes is left running."""
    mark = uuid.uuid4().hex
    with monkeypatch.context() as patch:
        patch.setenv(MARK, mark)
        said = local_faults.kill_at(dask_command(corpus, db, out, stop_at))
    if Path("/proc/self/environ").exists():
        deadline = time.monotonic() + 30
        while processes_marked(mark) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert processes_marked(mark) == [], "a process of the killed run is still running"
    return said


def test_a_dask_run_killed_at_each_write_and_started_again_ends_as_an_uninterrupted_run(
    targets: local_faults.Targets,
    reference: local_faults.Reference,
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("distributed", reason="the Dask engine needs the 'dask' extra")
    expected = local_faults.stored(reference.db)
    assert expected["articles"] > 0.95 * local_faults.ARTICLES and expected["links"] > 10
    db = targets.new()

    said = kill_dask_run_at(corpus, db, tmp_path, "add_articles 2", monkeypatch)
    # Batch 1 committed; batch 2 was written but not committed, and is gone.
    first_batch = int(said.split(", ")[1].split()[0])
    assert 0.9 * local_faults.BATCH < first_batch <= local_faults.BATCH
    assert local_faults.stored(db) == {
        "articles": first_batch,
        "links": 0,
        "stories": 0,
        "unfinished": 1,
    }

    kill_dask_run_at(corpus, db, tmp_path, "replace_links", monkeypatch)
    # Every article stored; the links were found on the worker but not stored.
    assert local_faults.stored(db) == {**expected, "links": 0, "stories": 0, "unfinished": 2}

    kill_dask_run_at(corpus, db, tmp_path, "replace_stories", monkeypatch)
    # Links stored; story keys were computed on the worker, no story stored.
    assert local_faults.stored(db) == {**expected, "stories": 0, "unfinished": 3}
    assert not (tmp_path / "report.json").exists()

    local_faults.run_to_end(dask_command(corpus, db, tmp_path))
    report = json.loads((tmp_path / "report.json").read_text())
    local_faults.assert_same_end(db, report, reference)
    with open_store(db, read_only=True) as store:
        runs = store.runs()
    assert [run["status"] for run in runs] == ["running"] * 3 + ["done"]
    assert all(isinstance(r["options"], dict) and r["options"]["engine"] == "dask" for r in runs)

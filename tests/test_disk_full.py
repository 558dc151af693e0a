"""A full disk during `newscheck analyze`: a clear error, a consistent store, and a re-run that
completes with the same result as a run that never failed.

The disk is "filled" with `ulimit -f` (RLIMIT_FSIZE) in the child's shell: writes past the limit
fail with EFBIG (Python ignores SIGXFSZ), which SQLite reports as a disk I/O error. No special
mount is needed; the shell sets the limit because preexec_fn can deadlock in a threaded parent.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

LIMIT_KIB = 700
RECORDS = 600
# The store's transactions are under test, not the derived stages: ingest alone fills the disk.
STAGES_SKIPPED = [f"--skip={s}" for s in ("link", "stories", "extract", "crosscheck")]


def _analyze(inputs: list[Path], out: Path, *, full_disk: bool) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "newscheck.cli", "analyze", *map(str, inputs)]
    command += ["-o", str(out), *STAGES_SKIPPED, "-q"]
    limit = f"ulimit -f {LIMIT_KIB}; " if full_disk else ""
    return subprocess.run(
        ["bash", "-c", limit + 'exec "$@"', "analyze", *command],
        capture_output=True,
        text=True,
        timeout=300,
    )


def _rows(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE behaviour is Linux's")
def test_full_disk_fails_cleanly_and_a_rerun_completes(example_dir: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    paragraph = " ".join(f"Harbour report line {i} about the quay and the tide." for i in range(60))
    with big.open("w") as f:
        for i in range(RECORDS):
            record = {"id": f"r{i}", "title": f"Report {i}", "text": f"{paragraph} {i}"}
            f.write(json.dumps(record) + "\n")
    inputs = [example_dir, big]

    failed = _analyze(inputs, tmp_path / "out", full_disk=True)
    assert failed.returncode != 0
    assert "Traceback" not in failed.stderr
    assert "disk" in failed.stderr.lower(), failed.stderr
    before = _rows(tmp_path / "out" / "newscheck.db")  # consistent: integrity check passes
    assert before["articles"] < RECORDS + 8

    rerun = _analyze(inputs, tmp_path / "out", full_disk=False)
    assert rerun.returncode == 0, rerun.stderr
    clean = _analyze(inputs, tmp_path / "clean", full_disk=False)
    assert clean.returncode == 0, clean.stderr
    got = json.loads((tmp_path / "out" / "report.json").read_text())
    want = json.loads((tmp_path / "clean" / "report.json").read_text())
    assert got["articles"] == want["articles"] and got["rejections"] == want["rejections"]
    rows = _rows(tmp_path / "out" / "newscheck.db")
    assert rows["articles"] == _rows(tmp_path / "clean" / "newscheck.db")["articles"] == RECORDS + 8

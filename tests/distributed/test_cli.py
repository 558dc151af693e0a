"""``newscheck analyze --engine dask``: the options, their errors, and a run that agrees with the
local engine."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscheck.cli import main
from newscheck.store import open_store

# Ingest and stories only: the stages the Dask engine runs differently (see test_runner.py for
# links and families); nothing here loads a language model.
SKIP = ["--skip", "link", "--skip", "extract", "--skip", "crosscheck"]


def analyze(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["analyze", *args])
    return result.exit_code, result.output


def test_help_describes_the_engine_options() -> None:
    code, output = analyze("--help")
    assert code == 0
    for option in ("--engine [local|dask]", "--scheduler ADDRESS", "--workers INTEGER RANGE"):
        assert option in output
    assert "LocalCluster" in output


@pytest.mark.parametrize("options", [["--scheduler", "tcp://127.0.0.1:8786"], ["--workers", "2"]])
def test_cluster_options_without_the_dask_engine_are_a_usage_error(
    options: list[str], example_dir: Path, tmp_path: Path
) -> None:
    code, output = analyze(str(example_dir), "-o", str(tmp_path / "o"), *options)
    assert code == 2
    assert "--scheduler and --workers go with --engine dask" in output
    assert not (tmp_path / "o").exists()  # refused before any work


def test_unknown_engine_and_zero_workers_are_usage_errors(example_dir: Path) -> None:
    assert analyze(str(example_dir), "--engine", "spark")[0] == 2
    assert analyze(str(example_dir), "--engine", "dask", "--workers", "0")[0] == 2


def test_missing_dask_extra_is_a_clear_error(
    example_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # what an install without the extra has
    code, output = analyze(str(example_dir), "-o", str(tmp_path / "o"), "--engine", "dask")
    assert code == 1
    assert "'dask' extra" in output and "pip install 'newscheck[dask]'" in output


def test_unreachable_scheduler_is_reported(example_dir: Path, tmp_path: Path) -> None:
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        code, output = analyze(
            str(example_dir / "mpa-wire-port-fire.txt"),
            "-o",
            str(tmp_path / "o"),
            "--engine",
            "dask",
            "--scheduler",
            "tcp://127.0.0.1:9",
        )
    assert code == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in output


def test_dask_engine_writes_the_report_the_local_engine_writes(
    example_dir: Path, tmp_path: Path
) -> None:
    # The one test with worker processes: partitions and prepared articles are pickled across.
    pytest.importorskip("distributed")
    local = tmp_path / "local"
    dask = tmp_path / "dask"
    assert analyze(str(example_dir), "-o", str(local), *SKIP)[0] == 0
    code, output = analyze(
        str(example_dir), "-o", str(dask), "--engine", "dask", "--workers", "1", *SKIP
    )
    assert code == 0, output
    assert "8 articles" in output
    expected = json.loads((local / "report.json").read_text(encoding="utf-8"))
    found = json.loads((dask / "report.json").read_text(encoding="utf-8"))
    assert found == expected and len(found["stories"]) >= 1
    with (
        open_store(local / "newscheck.db") as one,
        open_store(dask / "newscheck.db") as other,
    ):
        assert list(other.articles()) == list(one.articles())
        assert other.segmentations() == one.segmentations()
        options = other.runs()[0]["options"]
        assert isinstance(options, dict) and options["engine"] == "dask"

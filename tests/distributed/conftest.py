"""One small LocalCluster for the distributed tests, and generated corpora written once per session.

The cluster's two single-threaded workers are threads of the test process: it starts in a second
and runs functions defined in test modules (which worker processes could not import). What
crosses a process boundary is tested where a run starts its own cluster
(``test_cli.py::test_dask_engine_writes_the_report_the_local_engine_writes``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def dask_client() -> Iterator[Any]:
    pytest.importorskip("distributed", reason="the distributed tests need the 'dask' extra")
    from newscheck.distributed import open_client

    with open_client(workers=2, processes=False) as client:
        yield client


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 generated articles in three JSONL files (copies, rewrites, empty and repeated records
    among them)."""
    from newscheck.distributed.synthetic import CorpusShape, write_corpus

    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 300, per_file=100, seed=5, shape=CorpusShape(junk_share=0.03))
    return folder

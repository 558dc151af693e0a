"""A Dask client: connected to a running scheduler, or to a LocalCluster started for one run.

Dask is imported here, lazily (``import newscheck`` never imports it); without the ``dask`` extra
:func:`open_client` raises :class:`~newscheck.errors.MissingExtra`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from newscheck.errors import MissingExtra, UsageError

DEFAULT_WORKERS = 2
"""Workers of a LocalCluster when none are asked for: one process per core of a small machine."""


def require_dask() -> Any:
    """The ``distributed`` module, or :class:`MissingExtra` when the ``dask`` extra is missing."""
    try:
        import distributed
    except ImportError as exc:
        raise MissingExtra("dask", "dask.distributed") from exc
    return distributed


@contextmanager
def open_client(
    scheduler: str | None = None,
    workers: int | None = None,
    *,
    timeout_s: float | None = None,
    processes: bool = True,
) -> Iterator[Any]:
    """A ``distributed.Client``, closed (with its LocalCluster, if one was started) on exit.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``); ``timeout_s`` bounds
    the connection (default: Dask's ``distributed.comm.timeouts.connect``, 30 s), and
    ``workers``, if given, are waited for (up to a minute). Without a scheduler, a LocalCluster
    of ``workers`` processes with one thread each is started (processes, not threads: the
    stages are pure Python and hold the GIL). ``processes=False`` runs the workers as threads of
    this process (quick to start; for tests and small inputs).
    """
    distributed = require_dask()
    if workers is not None and workers < 1:
        raise UsageError(f"workers must be at least 1, not {workers}")
    if scheduler is not None:
        try:
            timeout = {} if timeout_s is None else {"timeout": timeout_s}
            client = distributed.Client(scheduler, **timeout)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        try:
            if workers is not None:
                client.wait_for_workers(workers, timeout=60)
            yield client
        finally:
            client.close()
        return
    cluster = distributed.LocalCluster(
        n_workers=workers or DEFAULT_WORKERS,
        threads_per_worker=1,
        processes=processes,
        dashboard_address=":0",  # a free port: never clash with a cluster already running
        silence_logs=40,  # logging.ERROR: a run's output is its report, not cluster chatter
    )
    try:
        with distributed.Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def worker_count(client: Any) -> int:
    """Workers the scheduler knows now (at least 1, so that partition counts stay positive)."""
    return max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))

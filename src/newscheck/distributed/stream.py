"""Ordered, bounded mapping of a function over a lazy stream of partitions on a Dask cluster.

At most ``window`` partitions are submitted or finished-but-unwritten at any time, so the driver
never holds more than ``window`` partitions' results however large the input, and results come
back in partition order whatever order the workers finish in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

T = TypeVar("T", bound="Indexed")
P = TypeVar("P", bound="Indexed")


class Indexed(Protocol):
    @property
    def index(self) -> int: ...


def ordered_map(
    client: Any,
    function: Callable[..., T],
    partitions: Iterable[P],
    *args: object,
    window: int,
) -> Iterator[T]:
    """``function(partition, *args)`` for each partition, run on the cluster, yielded in the
    partitions' order. Partitions must be numbered 0, 1, 2, ... in the order given."""
    from distributed import as_completed

    if window < 1:
        raise ValueError("window must be at least 1")
    parts = iter(partitions)
    running: dict[int, Any] = {}
    finished: dict[int, T] = {}
    completed = as_completed()  # type: ignore[no-untyped-call]
    next_index = 0
    exhausted = False

    def top_up() -> None:
        nonlocal exhausted
        while not exhausted and len(running) + len(finished) < window:
            part = next(parts, None)
            if part is None:
                exhausted = True
                return
            future = client.submit(function, part, *args, pure=False)
            running[part.index] = future
            completed.add(future)  # type: ignore[no-untyped-call]

    top_up()
    while running or finished:
        if next_index in finished:
            yield finished.pop(next_index)
            next_index += 1
            top_up()
            continue
        future = next(completed)
        result: T = future.result()  # a task's exception is raised here, as a local run would
        running.pop(result.index)
        future.release()
        finished[result.index] = result
        top_up()

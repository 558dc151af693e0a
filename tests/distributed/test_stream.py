from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import pytest

from newscheck.distributed.stream import ordered_map


@dataclass(frozen=True)
class Numbered:
    index: int
    delay: float = 0.0


@dataclass(frozen=True)
class Result:
    index: int
    value: int


def square(part: Numbered, offset: int) -> Result:
    time.sleep(part.delay)
    return Result(part.index, part.index * part.index + offset)


def test_results_come_back_in_partition_order(dask_client: Any) -> None:
    # Early partitions are the slow ones: they finish last but are yielded first.
    parts = [Numbered(n, 0.3 if n < 2 else 0.0) for n in range(8)]
    results = list(ordered_map(dask_client, square, parts, 1, window=4))
    assert [r.index for r in results] == list(range(8))
    assert [r.value for r in results] == [n * n + 1 for n in range(8)]


def test_partitions_are_taken_lazily_within_the_window(dask_client: Any) -> None:
    taken: list[int] = []

    def parts() -> Any:
        for n in range(6):
            taken.append(n)
            yield Numbered(n)

    stream = ordered_map(dask_client, square, parts(), 0, window=2)
    first = next(stream)
    assert first.index == 0 and len(taken) <= 3
    assert [r.index for r in stream] == [1, 2, 3, 4, 5]


def failing(part: Numbered) -> Result:
    raise ValueError(f"partition {part.index} is broken")


def test_a_failing_task_raises_its_error(dask_client: Any) -> None:
    with pytest.raises(ValueError, match="partition 0 is broken"):
        list(ordered_map(dask_client, failing, [Numbered(0)], window=1))


def test_window_must_be_positive(dask_client: Any) -> None:
    with pytest.raises(ValueError):
        list(ordered_map(dask_client, square, [Numbered(0)], 0, window=0))

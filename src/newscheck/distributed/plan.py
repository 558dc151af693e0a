"""Cutting a run's inputs into partitions that workers ingest independently, in read order.

Small files (the usual case: folders of pages, feeds, JSONL files) are grouped into partitions of
about :attr:`PartitionPlan.partition_bytes`; a worker reads, cleans and segments them itself. A file
over :attr:`PartitionPlan.stream_bytes` (one large JSONL or WARC archive) is read here, as a stream,
by the same reader the local run uses, and its records are shipped to workers in slices of
:attr:`PartitionPlan.records` for cleaning and segmentation, so that neither this process nor a
worker ever holds the whole file. URLs are fetched by workers, a few per partition.

Partitions are numbered in the order the local runner would read their items; writing their
results in that order gives the local run's article order, ``seq`` and rejection order exactly.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newscheck.model import RawArticle, Rejection
from newscheck.settings import Settings

MiB = 1024 * 1024

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
"""What ``newscheck.ingest.read_inputs`` takes for a URL rather than a path."""


@dataclass(frozen=True, slots=True)
class PartitionPlan:
    """How inputs are cut. The defaults suit articles of a few KiB on workers of a few GiB."""

    partition_bytes: int = 1 * MiB
    """Bytes of small files grouped into one partition (about a thousand articles: a task of a
    few seconds, so that even a modest input spreads over every worker)."""
    partition_files: int = 500
    """Most files in one partition (many tiny files still make several tasks)."""
    stream_bytes: int = 4 * MiB
    """A file larger than this is streamed by the driver and sliced by records."""
    records: int = 1_000
    """Records per slice of a streamed file."""
    urls: int = 8
    """URLs per partition (a fetch waits on the network, not the CPU)."""
    copy_texts: int = 20_000
    """Articles per partition of copy detection (signatures, banding shuffle, verification):
    their shingle sets stay on one worker, some 30 MiB per thousand articles of a few KiB."""
    link_pairs: int = 2_000
    """Candidate pairs aligned per task of the link stage (a few seconds of work)."""
    story_articles: int = 2_000
    """Articles whose story keys are computed per task (consecutive in publication order; a
    second or so of work, on leads of at most a kilobyte)."""

    def __post_init__(self) -> None:
        sizes = (self.partition_bytes, self.partition_files, self.records, self.urls)
        if min(*sizes, self.copy_texts, self.link_pairs, self.story_articles) < 1:
            raise ValueError("partition sizes must be positive")


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of ingest work: inputs a worker reads, or records the driver already read."""

    index: int
    inputs: tuple[str, ...] = ()
    records: tuple[RawArticle | Rejection, ...] = ()

    @property
    def size(self) -> int:
        return len(self.inputs) + len(self.records)


def is_url(location: str) -> bool:
    return bool(_URL.match(location))


class _Builder:
    """Accumulates inputs into partitions; each flush emits what is pending, in order."""

    def __init__(self, plan: PartitionPlan) -> None:
        self.plan = plan
        self.index = 0
        self.files: list[str] = []
        self.bytes = 0
        self.urls: list[str] = []

    def _emit(
        self, inputs: tuple[str, ...] = (), records: tuple[RawArticle | Rejection, ...] = ()
    ) -> Partition:
        part = Partition(self.index, inputs, records)
        self.index += 1
        return part

    def flush(self) -> Iterator[Partition]:
        if self.files:
            yield self._emit(tuple(self.files))
            self.files, self.bytes = [], 0
        if self.urls:
            yield self._emit(tuple(self.urls))
            self.urls = []

    def add_url(self, url: str) -> Iterator[Partition]:
        if self.files:
            yield from self.flush()
        self.urls.append(url)
        if len(self.urls) >= self.plan.urls:
            yield from self.flush()

    def add_file(self, path: str, size: int) -> Iterator[Partition]:
        if self.urls:
            yield from self.flush()
        self.files.append(path)
        self.bytes += size
        if self.bytes >= self.plan.partition_bytes or len(self.files) >= self.plan.partition_files:
            yield from self.flush()

    def add_records(self, records: Iterable[RawArticle | Rejection]) -> Iterator[Partition]:
        yield from self.flush()
        batch: list[RawArticle | Rejection] = []
        for record in records:
            batch.append(record)
            if len(batch) >= self.plan.records:
                yield self._emit(records=tuple(batch))
                batch = []
        if batch:
            yield self._emit(records=tuple(batch))


def plan_partitions(
    inputs: Iterable[str | os.PathLike[str]], settings: Settings, plan: PartitionPlan | None = None
) -> Iterator[Partition]:
    """Partitions of ``inputs`` (files, folders, URLs) in read order, lazily: a large file is read
    only as its partitions are taken."""
    from newscheck.ingest.files import read_file
    from newscheck.ingest.walk import walk_files

    builder = _Builder(plan or PartitionPlan())
    for given in inputs:
        location = os.fsdecode(given)
        if is_url(location):
            yield from builder.add_url(location)
            continue
        entries: Iterable[str | Rejection] = (
            walk_files(location) if _is_directory(location) else (location,)
        )
        for entry in entries:
            if isinstance(entry, Rejection):
                yield from builder.add_records((entry,))
                continue
            size = _size(entry)
            if size > builder.plan.stream_bytes:
                yield from builder.add_records(read_file(entry, settings))
            else:
                yield from builder.add_file(entry, size)
    yield from builder.flush()


def _is_directory(path: str) -> bool:
    try:
        return os.path.isdir(path)
    except (OSError, ValueError):
        return False


def _size(path: str) -> int:
    # A path that cannot be examined goes to a worker, whose reader records why it is unusable.
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0

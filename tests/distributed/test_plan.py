from __future__ import annotations

import os
from pathlib import Path

import pytest

from newscheck.distributed.plan import Partition, PartitionPlan, is_url, plan_partitions
from newscheck.ingest import read_inputs
from newscheck.model import RawArticle, Rejection
from newscheck.settings import Settings

SETTINGS = Settings()


def items_of(partitions: list[Partition]) -> list[RawArticle | Rejection]:
    """What the partitions hold, read the way a worker reads them, in partition order."""
    out: list[RawArticle | Rejection] = []
    for part in partitions:
        out.extend(read_inputs(part.inputs, SETTINGS) if part.inputs else part.records)
    return out


def write_texts(folder: Path, count: int, size: int = 200) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"note-{n:03d}.txt"
        body = f"Ferry timetable notice number {n}. " + "The quay opens at dawn. " * (size // 24)
        path.write_text(f"Notice {n}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_partitions_are_numbered_in_read_order_and_hold_every_item(
    small_corpus: Path, tmp_path: Path
) -> None:
    write_texts(tmp_path / "notes", 7)
    inputs = [str(tmp_path / "notes"), str(small_corpus), str(tmp_path / "missing.txt")]
    plan = PartitionPlan(partition_files=3, stream_bytes=50_000, records=64)
    parts = list(plan_partitions(inputs, SETTINGS, plan))
    assert [p.index for p in parts] == list(range(len(parts)))
    assert items_of(parts) == list(read_inputs(inputs, SETTINGS))


def test_small_files_are_grouped_and_large_files_sliced_by_records(small_corpus: Path) -> None:
    files = sorted(small_corpus.glob("*.jsonl"))
    big = os.path.getsize(files[0]) - 1
    plan = PartitionPlan(stream_bytes=big, records=50, partition_files=10)
    parts = list(plan_partitions([small_corpus], SETTINGS, plan))
    streamed = [p for p in parts if p.records]
    assert streamed and all(len(p.records) <= 50 for p in streamed)
    assert all(not p.inputs for p in streamed)
    whole = PartitionPlan(stream_bytes=10 * big, partition_files=2)
    grouped = list(plan_partitions([small_corpus], SETTINGS, whole))
    assert [len(p.inputs) for p in grouped] == [2, 1]


def test_byte_budget_closes_a_partition(tmp_path: Path) -> None:
    paths = write_texts(tmp_path, 6, size=1_000)
    budget = 2 * os.path.getsize(paths[0])
    parts = list(plan_partitions([tmp_path], SETTINGS, PartitionPlan(partition_bytes=budget)))
    assert [len(p.inputs) for p in parts] == [2, 2, 2]


def test_urls_go_to_workers_in_small_groups_between_files(tmp_path: Path) -> None:
    paths = write_texts(tmp_path, 2)
    urls = [f"https://news.example/{n}" for n in range(5)]
    inputs = [str(paths[0]), *urls, str(paths[1])]
    parts = list(plan_partitions(inputs, SETTINGS, PartitionPlan(urls=2)))
    assert [p.inputs for p in parts] == [
        (str(paths[0]),),
        tuple(urls[:2]),
        tuple(urls[2:4]),
        (urls[4],),
        (str(paths[1]),),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any directory")
def test_a_folder_that_cannot_be_listed_is_a_rejection_in_place(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        parts = list(plan_partitions([locked], SETTINGS))
    finally:
        locked.chmod(0o755)
    [part] = parts
    [rejection] = part.records
    assert isinstance(rejection, Rejection) and rejection.reason == "not_found"


def test_url_detection_matches_the_readers() -> None:
    assert is_url("https://a.example/x") and is_url("s3://bucket/key")
    assert not is_url("/data/news.jsonl") and not is_url("C:\\news") and not is_url("news.txt")


@pytest.mark.parametrize("size", ["records", "copy_texts", "link_pairs", "story_articles"])
def test_plan_rejects_empty_sizes(size: str) -> None:
    with pytest.raises(ValueError, match="must be positive"):
        PartitionPlan(**{size: 0})


def test_a_large_file_is_read_slice_by_slice_in_bounded_memory(tmp_path: Path) -> None:
    import json
    import tracemalloc

    path = tmp_path / "big.jsonl"
    paragraph = "The ferry to Holm island runs twice a day in winter. " * 40
    with path.open("w", encoding="utf-8") as handle:
        for n in range(6_000):
            record = {"id": n, "title": f"Ferry notice {n}", "text": f"{n}. {paragraph}"}
            handle.write(json.dumps(record) + "\n")
    size = path.stat().st_size
    assert size > 12_000_000
    plan = PartitionPlan(stream_bytes=1_000_000, records=200)
    tracemalloc.start()
    try:
        records = 0
        for part in plan_partitions([path], SETTINGS, plan):
            records += len(part.records)
            del part
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert records == 6_000
    assert peak < size / 5, f"peak {peak:,} bytes for a {size:,}-byte file"

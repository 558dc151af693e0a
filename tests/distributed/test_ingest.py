from __future__ import annotations

import json
from pathlib import Path

from newscheck.distributed.ingest import Prepared, RunOrder, prepare, prepare_partition
from newscheck.distributed.plan import PartitionPlan, plan_partitions
from newscheck.model import Rejection
from newscheck.pipeline import ingest
from newscheck.settings import Settings

SETTINGS = Settings()


def awkward_inputs(folder: Path) -> list[str]:
    """Records that take every path of ingest: good, empty, junk only, repeats across files."""
    good = {
        "title": "Lock gates repaired at Orrin canal",
        "text": "Engineers at Orrin finished the lock gate repairs on Monday.\n\n"
        "Barges may pass again from Wednesday, the canal board said.",
    }
    records = [
        good,
        {"title": "Nothing here", "text": "   "},
        {"title": "Only furniture", "text": "Share this:"},
        {"title": "Second note", "text": "The towpath stays closed to cyclists until May."},
    ]
    first = folder / "a.jsonl"
    first.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    second = folder / "b.jsonl"
    second.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    (folder / "c.txt").write_text("", encoding="utf-8")
    return [str(first), str(second), str(folder / "c.txt")]


def test_workers_plus_run_order_give_what_the_local_ingest_gives(tmp_path: Path) -> None:
    inputs = awkward_inputs(tmp_path)
    local = list(ingest(inputs, SETTINGS))
    order = RunOrder()
    spread: list[Prepared] = []
    for part in plan_partitions(inputs, SETTINGS, PartitionPlan(partition_files=1)):
        spread.extend(order.place_all(prepare_partition(part, SETTINGS).items))
    assert spread == local
    reasons = [r.reason for r in local if isinstance(r, Rejection)]
    assert reasons.count("duplicate") == 2 and reasons.count("no_text") == 2
    assert "empty" in reasons


def test_generated_corpus_split_into_record_slices_matches_too(small_corpus: Path) -> None:
    local = list(ingest([small_corpus], SETTINGS))
    plan = PartitionPlan(stream_bytes=1, records=37)
    order = RunOrder()
    spread = [
        order.place(item)
        for part in plan_partitions([small_corpus], SETTINGS, plan)
        for item in prepare_partition(part, SETTINGS).items
    ]
    assert spread == local
    assert [a.seq for a, _ in (i for i in spread if not isinstance(i, Rejection))] == list(
        range(sum(not isinstance(i, Rejection) for i in spread))
    )


def test_prepare_passes_rejections_through() -> None:
    rejection = Rejection("x.txt", "path", "empty", "the file is empty")
    assert prepare(rejection) is rejection

"""Copy detection at scale: MinHash signatures, LSH banding and verification over N generated
articles in one process (``CopyIndex``) against the same on a Dask LocalCluster of 1 and 2 workers
(signatures per partition, banding as a shuffle on band keys, verification per partition block).

    python bench/scale_copies.py [--quick] [--articles N] [--workers 1,2] [--partition 20000]

Texts are generated once (not timed) into a file; each engine runs in a process of its own and
reads them, so each peak-memory figure is that engine's. Printed: texts/s, candidate pairs,
verified copies, shuffle volume (bytes moved between workers by the banding), the driver's and
each worker's peak resident memory, the ratio Dask/local and the speedup from 1 to 2 workers, and
a 16-worker projection from the per-worker rate and the shuffle volume. Both engines must find
the same copies; the script checks it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
NETWORK_BYTES_PER_S = 1e9
"""Assumed for the projection: 10 GbE, about 1 GB/s between workers."""


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_texts(path: str) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def run_local(texts: list[str], batch: int) -> dict[str, Any]:
    from newscheck.link.copies import CopyIndex

    index = CopyIndex()
    sets = []
    began = time.perf_counter()
    for start in range(0, len(texts), batch):
        sets.extend(index.add(texts[start : start + batch]).sets())
    signed = time.perf_counter()
    pairs = index.candidates()
    banded = time.perf_counter()
    overlaps = index.verify(pairs, sets)
    done = time.perf_counter()
    return {
        "seconds": done - began,
        "phases": {"sign": signed - began, "band": banded - signed, "verify": done - banded},
        "candidates": len(pairs),
        "overlaps": overlaps,
        "shuffle_bytes": 0,
    }


def run_dask(texts: list[str], workers: int, partition: int) -> dict[str, Any]:
    from distributed import get_task_stream
    from newscheck.distributed import open_client
    from newscheck.distributed.banding import distributed_copies

    with open_client(workers=workers) as client:
        client.run(lambda: None)  # workers up before the clock starts
        began = time.perf_counter()
        with get_task_stream(client) as stream:
            run = distributed_copies(client, texts, partition_size=partition)
        seconds = time.perf_counter() - began
        busy: dict[str, float] = {}
        for task in stream.data:
            name = str(task.get("key", "")).split("-")[0]
            for part in task.get("startstops", ()):
                if part.get("action") == "compute":
                    busy[name] = busy.get(name, 0.0) + part["stop"] - part["start"]
        worker_peaks = sorted(client.run(peak_mib).values())
    return {
        "seconds": seconds,
        "phases": {k: round(v, 2) for k, v in sorted(busy.items())},
        "candidates": run.candidates,
        "overlaps": run.overlaps,
        "shuffle_bytes": run.shuffle_bytes,
        "worker_peak_mib": worker_peaks,
    }


def run_engine(engine: str, path: str, workers: int, partition: int) -> dict[str, Any]:
    from newscheck.model import digest

    texts = read_texts(path)
    result = (
        run_local(texts, partition) if engine == "local" else run_dask(texts, workers, partition)
    )
    overlaps = result.pop("overlaps")
    result.update(
        engine=engine,
        workers=workers,
        texts=len(texts),
        copies=len(overlaps),
        digest=digest(json.dumps([(o.a, o.b, o.shared) for o in overlaps])),
        driver_peak_mib=peak_mib(),
    )
    return result


def in_subprocess(engine: str, path: Path, workers: int, partition: int) -> dict[str, Any]:
    command = [sys.executable, str(HERE), "--engine", engine, "--texts", str(path),
               "--workers", str(workers), "--partition", str(partition)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} run failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def report(runs: list[dict[str, Any]]) -> None:
    print(f"\n{'engine':<10}{'texts/s':>9}{'seconds':>9}{'candidates':>12}{'copies':>9}"
          f"{'shuffle MiB':>12}{'driver MiB':>11}  worker MiB")  # fmt: skip
    for r in runs:
        name = "local" if r["engine"] == "local" else f"dask x{r['workers']}"
        workers = ", ".join(f"{m:.0f}" for m in r.get("worker_peak_mib", [])) or "-"
        print(f"{name:<10}{r['texts'] / r['seconds']:>9.0f}{r['seconds']:>9.1f}"
              f"{r['candidates']:>12,}{r['copies']:>9,}{r['shuffle_bytes'] / 2**20:>12.1f}"
              f"{r['driver_peak_mib']:>11.0f}  {workers}")  # fmt: skip
        print(f"{'':<10}phases (s{'' if r['engine'] == 'local' else ', worker busy'}): "
              f"{json.dumps({k: round(v, 1) for k, v in r['phases'].items()})}")  # fmt: skip
    local, by_workers = runs[0], {r["workers"]: r for r in runs[1:]}
    for r in runs[1:]:
        print(f"dask x{r['workers']} vs local: x{local['seconds'] / r['seconds']:.2f}")
    if 1 in by_workers and 2 in by_workers:
        print(f"1 -> 2 workers: x{by_workers[1]['seconds'] / by_workers[2]['seconds']:.2f}")
    print(f"same copies in every run: {len({r['digest'] for r in runs}) == 1}")
    if 1 in by_workers:
        one = by_workers[1]
        busy = sum(one["phases"].values())
        per_worker = one["texts"] / busy
        shuffle_per_text = one["shuffle_bytes"] / one["texts"]
        # 16 workers: the work divides; the shuffle crosses the network (15/16 of it leaves its
        # worker) at NETWORK_BYTES_PER_S shared by all; the driver's gather of pairs is small.
        per_million = (
            1e6 / (16 * per_worker) + 1e6 * shuffle_per_text * 15 / 16 / NETWORK_BYTES_PER_S
        )
        print(f"projection, 16 workers: {per_worker:.0f} texts/s per worker, "
              f"{shuffle_per_text:.0f} shuffle bytes per text -> {1e6 / per_million:,.0f} texts/s "
              f"({per_million:.0f} s per million)")  # fmt: skip
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="5,000 texts, 2 workers only")
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--partition", type=int, default=20_000, help="texts per partition")
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--texts", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        result = run_engine(args.engine, args.texts, int(args.workers), args.partition)
        print(json.dumps(result))
        return
    from newscheck.distributed.synthetic import records

    count = 5_000 if args.quick else args.articles
    partition = min(args.partition, max(1_000, count // 8))
    counts = [2] if args.quick else [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="newscheck-copies-") as folder:
        path = Path(folder) / "texts.jsonl"
        began = time.perf_counter()
        with path.open("w", encoding="utf-8") as handle:
            for record in records(count, seed=17):
                handle.write(json.dumps(record["text"]) + "\n")
        print(f"{count:,} texts generated in {time.perf_counter() - began:.1f} s; "
              f"{partition:,} per partition")  # fmt: skip
        runs = [in_subprocess("local", path, 0, partition)]
        runs += [in_subprocess("dask", path, w, partition) for w in counts]
    report(runs)


if __name__ == "__main__":
    main()

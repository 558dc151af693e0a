"""Ingest + linking + stories over a generated corpus: the local runner against the Dask runner on
a LocalCluster of 1 and of 2 workers, and a projection for 16 workers.

    python bench/scale_pipeline.py [--quick] [--articles N] [--workers 1,2] [--keep DIR]
                                   [--link-window DAYS]

The corpus (``newscheck.distributed.synthetic``: events reported by several outlets with copies
and rewrites, JSONL files of 1,000 records, about 1 MiB each) is written first and not timed.
Each engine then runs ``analyze`` into a fresh SQLite store in a process of its own (so that each
peak-memory figure is that engine's), with the embedding model off and claims left out
(``--skip extract crosscheck``): what is timed is read + clean + segment + store, link, stories.
Printed per engine: articles/s for the whole run and per stage, the driver's peak resident memory
and each worker's; for Dask, the workers' busy time per stage (from the task stream: ingest; copy
detection and sentence alignment; story keys); then the ratio Dask/local, the speedup from 1 to 2
workers, and the 16-worker projection (see ``project``). Every engine must give the same links,
families and stories; the script checks it, and exits 1 when they differ.

``--link-window DAYS`` links in time windows as ``newscheck analyze --link-window`` does: the
link stage then holds one part of the stream at a time, and the Dask runner links whole parts on
its workers (task ``link_part``), so the driver's share of linking is merging their links.
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

SKIP = ("extract", "crosscheck")
PER_FILE = 1_000
TASK_STAGES = {"prepare_partition": "ingest", "story_keys_partition": "stories"}
"""The stage of each kind of task (by ``dask.utils.key_split`` of its key); every other task of
these runs (signatures, shuffle, verification, alignment) belongs to the link stage."""
HERE = Path(__file__).resolve()


def peak_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class StageClock:
    """Records when each stage first reports progress."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.marks: dict[str, float] = {"ingest": 0.0}  # the first report comes after work

    def restart(self) -> None:
        self.start = time.perf_counter()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        self.marks.setdefault(stage, time.perf_counter() - self.start)

    def stages(self, end: float) -> dict[str, float]:
        names = list(self.marks)
        bounds = [self.marks[n] for n in names] + [end]
        return {n: bounds[i + 1] - bounds[i] for i, n in enumerate(names)}


def run_engine(
    engine: str, corpus: str, db: str, workers: int, link_window: float | None
) -> dict[str, Any]:
    """One run, in this (fresh) process; returns its figures and a digest of its results."""
    from newscheck.model import digest
    from newscheck.pipeline import analyze
    from newscheck.settings import Settings

    settings = Settings(embeddings=False, link_window_days=link_window)
    clock = StageClock()
    extra: dict[str, Any] = {}
    elapsed = 0.0
    if engine == "local":
        analysis = analyze([corpus], db=db, settings=settings, skip=SKIP, progress=clock)
    else:
        from newscheck.distributed import analyze_on, open_client

        started = time.perf_counter()
        with open_client(workers=workers) as client:
            from distributed import get_task_stream

            extra["cluster_start_s"] = time.perf_counter() - started
            clock.restart()  # the cluster's start is reported apart from the run
            with get_task_stream(client) as stream:
                analysis = analyze_on(
                    client, [corpus], db=db, settings=settings, skip=SKIP, progress=clock
                )
            elapsed = time.perf_counter() - clock.start
            extra["worker_peak_mib"] = sorted(client.run(_worker_peak).values())
            extra["worker_busy_s"] = busy_by_stage(stream.data)
    if engine == "local":
        elapsed = time.perf_counter() - clock.start
    results = json.dumps(
        [
            [(lk.derived, lk.origin, lk.relation, lk.shared) for lk in analysis.links],
            [(f.id, f.story_id, f.article_ids) for f in analysis.families],
            [(s.id, s.article_ids) for s in analysis.stories],
        ],
        default=str,
    )
    return {
        "engine": engine,
        "workers": workers,
        "articles": len(analysis.articles),
        "links": len(analysis.links),
        "stories": len(analysis.stories),
        "seconds": elapsed,
        "stages": clock.stages(elapsed),
        "driver_peak_mib": peak_mib(),
        "results_digest": digest(results),
        "store_write_per_s": store_write_rate(db),
        **extra,
    }


def busy_by_stage(tasks: list[dict[str, Any]]) -> dict[str, float]:
    """Seconds the workers spent computing tasks of each stage (summed over workers)."""
    from dask.utils import key_split

    busy = {"ingest": 0.0, "link": 0.0, "stories": 0.0}
    for task in tasks:
        stage = TASK_STAGES.get(key_split(task.get("key", "")), "link")
        busy[stage] += sum(
            part["stop"] - part["start"]
            for part in task.get("startstops", ())
            if part.get("action") == "compute"
        )
    return busy


def store_write_rate(db: str, limit: int = 5_000) -> float:
    """Articles/s the store takes (what the driver must keep up with): a re-write of the first
    ``limit`` articles and their spans into a fresh store."""
    from newscheck.store import open_store

    with open_store(db) as source:
        articles = []
        for article in source.articles():
            articles.append(article)
            if len(articles) >= limit:
                break
        spans = source.segmentations([a.id for a in articles])
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "w.db") as target:
        run = target.begin_run([], {})
        began = time.perf_counter()
        for start in range(0, len(articles), 500):
            batch = articles[start : start + 500]
            target.add_articles(run, batch, [spans[a.id] for a in batch])
        return len(articles) / (time.perf_counter() - began)


def in_subprocess(
    engine: str, corpus: Path, folder: Path, workers: int, link_window: float | None
) -> dict[str, Any]:
    db = folder / f"{engine}-{workers}.db"
    command = [sys.executable, str(HERE), "--engine", engine, "--corpus", str(corpus),
               "--db", str(db), "--workers", str(workers)]  # fmt: skip
    if link_window is not None:
        command += ["--link-window", str(link_window)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} run failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def project(one: dict[str, Any], shuffle_bytes_per_article: float) -> dict[str, float]:
    """16-worker throughput from the parts of the 1-worker run (Amdahl). Per stage, the workers'
    busy time divides by 16 and the driver's share (the stage's wall time less the worker's busy
    time: with one worker the two barely overlap) stays as measured; ingest goes no faster than
    the one store writer; the LSH shuffle moves ``shuffle_bytes_per_article`` per article over a
    1 GB/s network."""
    n = one["articles"]
    busy, stages = one["worker_busy_s"], one["stages"]
    driver = {s: max(stages.get(s, 0.0) - busy[s], 0.0) for s in ("link", "stories")}
    ingest_16 = max(busy["ingest"] / 16, n / one["store_write_per_s"])
    shuffle_s = n * shuffle_bytes_per_article / 1e9
    link_16 = driver["link"] + busy["link"] / 16 + shuffle_s
    stories_16 = driver["stories"] + busy["stories"] / 16
    total = ingest_16 + link_16 + stories_16
    return {
        "ingest_per_worker_per_s": n / busy["ingest"] if busy["ingest"] else 0.0,
        "store_writer_per_s": one["store_write_per_s"],
        "ingest_16_workers_per_s": n / ingest_16 if ingest_16 else 0.0,
        "link_worker_s": busy["link"],
        "link_driver_s": driver["link"],
        "link_16_workers_per_s": n / link_16 if link_16 else 0.0,
        "stories_worker_s": busy["stories"],
        "stories_driver_s": driver["stories"],
        "stories_16_workers_per_s": n / stories_16 if stories_16 else 0.0,
        "whole_run_16_workers_per_s": n / total if total else 0.0,
        "shuffle_s_per_million": 1e6 * shuffle_bytes_per_article / 1e9,
    }


def report(runs: list[dict[str, Any]], shuffle_per_article: float) -> bool:
    """Print the figures; True when every engine gave the same results."""
    print(f"\n{'engine':<14}{'articles/s':>11}{'ingest/s':>10}{'link/s':>9}{'stories/s':>10}"
          f"{'driver MiB':>11}  worker MiB")  # fmt: skip
    for r in runs:
        n, st = r["articles"], r["stages"]
        name = "local" if r["engine"] == "local" else f"dask x{r['workers']}"
        rate = {
            s: (n / st[s] if st.get(s) else float("nan")) for s in ("ingest", "link", "stories")
        }
        workers = ", ".join(f"{m:.0f}" for m in r.get("worker_peak_mib", [])) or "-"
        print(f"{name:<14}{n / r['seconds']:>11.0f}{rate['ingest']:>10.0f}{rate['link']:>9.0f}"
              f"{rate['stories']:>10.0f}{r['driver_peak_mib']:>11.0f}  {workers}")  # fmt: skip
    for r in runs[1:]:
        busy = ", ".join(f"{s} {v:.1f} s" for s, v in r["worker_busy_s"].items())
        print(f"dask x{r['workers']} worker busy time: {busy}")
    local = runs[0]
    by_workers = {r["workers"]: r for r in runs[1:]}
    for r in runs[1:]:
        ratio = local["seconds"] / r["seconds"]
        ingest = local["stages"]["ingest"] / r["stages"]["ingest"]
        print(f"dask x{r['workers']} vs local: whole run x{ratio:.2f}, ingest x{ingest:.2f}")
    if 1 in by_workers and 2 in by_workers:
        one, two = by_workers[1], by_workers[2]
        print(f"1 -> 2 workers: whole run x{one['seconds'] / two['seconds']:.2f}, "
              f"ingest x{one['stages']['ingest'] / two['stages']['ingest']:.2f}")  # fmt: skip
    same = len({r["results_digest"] for r in runs}) == 1
    print(f"same links, families, stories in every run: {same}")
    if 1 in by_workers:
        projected = project(by_workers[1], shuffle_per_article)
        print(
            "projection, 16 workers: " + json.dumps({k: round(v, 1) for k, v in projected.items()})
        )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 articles (a smoke run)")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", default="1,2", help="worker counts to run, e.g. 1,2")
    parser.add_argument("--keep", type=Path, default=None, help="keep corpus and stores here")
    parser.add_argument("--link-window", type=float, default=None, help="link in windows of DAYS")
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:  # one run, in a process of its own
        figures = run_engine(args.engine, args.corpus, args.db, int(args.workers), args.link_window)
        print(json.dumps(figures))
        return
    from newscheck.distributed.banding import ENTRY_BYTES
    from newscheck.distributed.synthetic import write_corpus
    from newscheck.link.copies import CopyParams

    articles = 200 if args.quick else args.articles
    counts = [int(w) for w in args.workers.split(",")]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="newscheck-scale-"))
    began = time.perf_counter()
    corpus = write_corpus(folder / "corpus", articles, per_file=PER_FILE)
    print(f"{articles:,} articles generated in {time.perf_counter() - began:.1f} s "
          f"({corpus.bytes / 2**20:.1f} MiB, {len(corpus.files)} files)")  # fmt: skip
    window = args.link_window
    if window is not None:
        print(f"linking in time windows of {window:g} days")
    runs = [in_subprocess("local", corpus.folder, folder, 0, window)]
    runs += [in_subprocess("dask", corpus.folder, folder, w, window) for w in counts]
    # Windowed, copies are found inside each part on its worker: no banding shuffle.
    shuffled = 0 if window is not None else ENTRY_BYTES * CopyParams().banding.bands
    same = report(runs, shuffled)
    if args.keep is None:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()

"""Ingest + linking + stories over a generated corpus: the local runner against the Dask runner on
a LocalCluster of 1 and of 2 workers, and a projection for 16 workers.

    python bench/scale_pipeline.py [--quick] [--articles N] [--workers 1,2] [--keep DIR]
                                   [--link-window DAYS] [--resume]

The corpus (``newscheck.distributed.synthetic``: events reported by several outlets with copies
and rewrites, JSONL files of 1,000 records, about 1 MiB each) is written first and not timed.
Each engine then runs into a fresh SQLite store in processes of its own (so that each
peak-memory figure is that engine's), with the embedding model off and claims left out, in two
steps: ``ingest`` (``analyze`` of the corpus skipping every derived stage: read + clean + segment +
store) and ``derive`` (``analyze`` of no input over that store: load its articles, link, stories;
what one ``analyze`` of the corpus does after ingesting, as it also reads the store back).
Printed per engine: articles/s for the whole run and per stage, the driver's peak resident memory
and each worker's; for Dask, the workers' busy time per stage (from the task stream: ingest; copy
detection and sentence alignment; story keys); then the ratio Dask/local, the speedup from 1 to 2
workers, and the 16-worker projection (see ``project``). Every engine must give the same links,
families and stories; the script checks it, and exits 1 when they differ.

A run longer than the machine is lent for goes on where it stopped: ``--keep DIR --resume`` reuses
the corpus and each finished step found in DIR, and runs a stopped step again over its store.
Each step's process writes its figures so far to ``DIR/ENGINE.STEP.json`` every 30 s (one
*sitting*); the figures printed add up the sittings of a step (the time a stop threw away is
counted, as it was spent) and take the highest peak. Linked in time windows, a stopped link stage
loses one part at most (each part's links are kept in the store as it is linked).

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
    """Records when each stage first reports progress, and writes the sitting so far to its
    :class:`Sitting` every ``every`` seconds (what a stopped run leaves for ``--resume``)."""

    def __init__(self, first: str, sitting: Sitting | None = None, every: float = 30.0) -> None:
        self.start = time.perf_counter()
        self.marks: dict[str, float] = {first: 0.0}  # the first report comes after work
        self.sitting = sitting
        self.every = every
        self.written = self.start
        self.last = 0.0
        """When progress was last reported (seconds from the start)."""

    def restart(self) -> None:
        self.start = self.written = time.perf_counter()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now = time.perf_counter()
        self.marks.setdefault(stage, now - self.start)
        self.last = now - self.start
        if self.sitting is not None and now - self.written >= self.every:
            self.written = now
            self.sitting.save({"stages": self.stages(now - self.start), "finished": False})

    def stages(self, end: float) -> dict[str, float]:
        names = list(self.marks)
        bounds = [self.marks[n] for n in names] + [end]
        return {n: bounds[i + 1] - bounds[i] for i, n in enumerate(names)}


class Sitting:
    """One process's share of a step, kept in the step's JSON file of sittings. A step that was
    stopped (the machine taken away, ``kill -9``) runs again under ``--resume``, and the figures
    of all its sittings are added up: work that a stop threw away is counted, as it was spent."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.before = sittings(path)

    def save(self, figures: dict[str, Any]) -> None:
        figures = {**figures, "driver_peak_mib": peak_mib(), "saved": time.time()}
        partial = self.path.with_suffix(".tmp")
        partial.write_text(json.dumps({"sittings": [*self.before, figures]}))
        partial.replace(self.path)


def sittings(path: Path) -> list[dict[str, Any]]:
    """The sittings recorded in ``path`` so far (none when it does not exist)."""
    if not path.exists():
        return []
    found: list[dict[str, Any]] = json.loads(path.read_text())["sittings"]
    return found


def run_step(
    engine: str,
    step: str,
    corpus: str,
    db: str,
    workers: int,
    link_window: float | None,
    marks: Path,
) -> None:
    """One sitting of one step, in this (fresh) process: ``ingest`` (read + clean + segment +
    store) or ``derive`` (load the store, link, stories); its figures go to ``marks``."""
    from newscheck.pipeline import STAGES, analyze
    from newscheck.settings import Settings

    settings = Settings(embeddings=False, link_window_days=link_window)
    sitting = Sitting(marks)
    clock = StageClock("ingest" if step == "ingest" else "load", sitting)
    inputs = [corpus] if step == "ingest" else []
    skip = STAGES if step == "ingest" else SKIP
    extra: dict[str, Any] = {}
    if engine == "local":
        analysis = analyze(inputs, db=db, settings=settings, skip=skip, progress=clock)
        elapsed = time.perf_counter() - clock.start
    else:
        from newscheck.distributed import analyze_on, open_client

        started = time.perf_counter()
        with open_client(workers=workers) as client:
            from distributed import get_task_stream

            extra["cluster_start_s"] = time.perf_counter() - started
            clock.restart()  # the cluster's start is reported apart from the run
            with get_task_stream(client) as stream:
                analysis = analyze_on(
                    client, inputs, db=db, settings=settings, skip=skip, progress=clock
                )
            elapsed = time.perf_counter() - clock.start
            extra["worker_peak_mib"] = sorted(client.run(_worker_peak).values())
            extra["worker_busy_s"] = busy_by_stage(stream.data)
    extra["articles"] = len(analysis.articles)
    if step == "derive":
        extra |= {
            "links": len(analysis.links),
            "stories": len(analysis.stories),
            "results_digest": results_digest(analysis),
            "store_write_per_s": store_write_rate(db),
        }
    stages = clock.stages(elapsed)
    if step == "ingest":  # analyze reads the store back after ingesting: reported apart
        stages = {"ingest": clock.last, "read back": elapsed - clock.last}
    sitting.save({"stages": stages, "finished": True, **extra})


def results_digest(analysis: Any) -> str:
    """One digest of the links, families and stories (equal runs give equal digests)."""
    from newscheck.model import digest

    results = json.dumps(
        [
            [(lk.derived, lk.origin, lk.relation, lk.shared) for lk in analysis.links],
            [(f.id, f.story_id, f.article_ids) for f in analysis.families],
            [(s.id, s.article_ids) for s in analysis.stories],
        ],
        default=str,
    )
    return str(digest(results))


def combine(engine: str, workers: int, steps: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """One engine's figures from the sittings of its steps: stage seconds and worker busy time
    added up (busy time only from sittings that finished), peaks the highest, results from the
    sitting that finished the derive step."""
    every = [s for found in steps.values() for s in found]
    final = steps["derive"][-1]
    stages: dict[str, float] = {}
    busy: dict[str, float] = {}
    for sitting in every:
        for name, seconds in sitting["stages"].items():
            stages[name] = stages.get(name, 0.0) + seconds
        for name, seconds in sitting.get("worker_busy_s", {}).items():
            busy[name] = busy.get(name, 0.0) + seconds
    figures: dict[str, Any] = {
        "engine": engine,
        "workers": workers,
        "seconds": sum(stages.values()),
        "stages": stages,
        "driver_peak_mib": max(s["driver_peak_mib"] for s in every),
        "sittings": {step: len(found) for step, found in steps.items()},
        **{k: final[k] for k in ("articles", "links", "stories", "results_digest")},
        "store_write_per_s": final["store_write_per_s"],
    }
    if engine != "local":
        peaks = [s["worker_peak_mib"] for s in every if "worker_peak_mib" in s]
        figures["worker_peak_mib"] = [max(p) for p in zip(*peaks, strict=True)] if peaks else []
        figures["worker_busy_s"] = busy
    return figures


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


def engine_run(
    engine: str,
    corpus: Path,
    folder: Path,
    workers: int,
    link_window: float | None,
    *,
    resume: bool,
) -> dict[str, Any]:
    """Both steps of one engine, each in processes of its own (so that each peak-memory figure
    is that engine's); with ``resume`` a step whose last sitting finished is not run again and
    one that was stopped goes on from its store."""
    name = f"{engine}-{workers}"
    db = folder / f"{name}.db"
    steps: dict[str, list[dict[str, Any]]] = {}
    for step in ("ingest", "derive"):
        marks = folder / f"{name}.{step}.json"
        if not resume:
            marks.unlink(missing_ok=True)
            if step == "ingest":
                for stale in folder.glob(f"{name}.db*"):
                    stale.unlink()
        found = sittings(marks)
        if not (found and found[-1]["finished"]):
            command = [sys.executable, str(HERE), "--engine", engine, "--step", step,
                       "--corpus", str(corpus), "--db", str(db), "--workers", str(workers),
                       "--marks", str(marks)]  # fmt: skip
            if link_window is not None:
                command += ["--link-window", str(link_window)]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise SystemExit(f"{name} {step} failed:\n{done.stderr[-4000:]}")
            found = sittings(marks)
        steps[step] = found
    return combine(engine, workers, steps)


def project(one: dict[str, Any], shuffle_bytes_per_article: float) -> dict[str, float]:
    """16-worker throughput from the parts of the 1-worker run (Amdahl). Per stage, the workers'
    busy time divides by 16 and the driver's share (the stage's wall time less the worker's busy
    time: with one worker the two barely overlap) stays as measured, as does reading the store
    back (load); ingest goes no faster than the one store writer; the LSH shuffle moves
    ``shuffle_bytes_per_article`` per article over a 1 GB/s network."""
    n = one["articles"]
    busy, stages = one["worker_busy_s"], one["stages"]
    driver = {s: max(stages.get(s, 0.0) - busy[s], 0.0) for s in ("link", "stories")}
    ingest_16 = max(busy["ingest"] / 16, n / one["store_write_per_s"])
    shuffle_s = n * shuffle_bytes_per_article / 1e9
    link_16 = driver["link"] + busy["link"] / 16 + shuffle_s
    stories_16 = driver["stories"] + busy["stories"] / 16
    load = stages.get("load", 0.0)
    total = ingest_16 + load + link_16 + stories_16
    return {
        "ingest_per_worker_per_s": n / busy["ingest"] if busy["ingest"] else 0.0,
        "store_writer_per_s": one["store_write_per_s"],
        "ingest_16_workers_per_s": n / ingest_16 if ingest_16 else 0.0,
        "load_s": load,
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
    print(f"\n{'engine':<14}{'articles/s':>11}{'ingest/s':>10}{'load s':>8}{'link/s':>9}"
          f"{'stories/s':>10}{'driver MiB':>11}  worker MiB")  # fmt: skip
    for r in runs:
        n, st = r["articles"], r["stages"]
        name = "local" if r["engine"] == "local" else f"dask x{r['workers']}"
        rate = {
            s: (n / st[s] if st.get(s) else float("nan")) for s in ("ingest", "link", "stories")
        }
        workers = ", ".join(f"{m:.0f}" for m in r.get("worker_peak_mib", [])) or "-"
        print(f"{name:<14}{n / r['seconds']:>11.0f}{rate['ingest']:>10.0f}"
              f"{st.get('load', 0.0):>8.1f}{rate['link']:>9.0f}{rate['stories']:>10.0f}"
              f"{r['driver_peak_mib']:>11.0f}  {workers}")  # fmt: skip
        if "read back" in st:
            print(f"{'':<14}the ingest step's read-back of the store: {st['read back']:.1f} s")
        if max(r["sittings"].values()) > 1:
            print(f"{'':<14}sittings (resumed after stops): {r['sittings']}")
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
    parser.add_argument(
        "--resume",
        action="store_true",
        help="with --keep: go on from what a stopped run left there (corpus, stores, sittings)",
    )
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--marks", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:  # one sitting of one step, in a process of its own
        run_step(args.engine, args.step, args.corpus, args.db, int(args.workers),
                 args.link_window, args.marks)  # fmt: skip
        return
    if args.resume and args.keep is None:
        parser.error("--resume needs --keep DIR")
    from newscheck.distributed.banding import ENTRY_BYTES
    from newscheck.distributed.synthetic import write_corpus
    from newscheck.link.copies import CopyParams

    articles = 200 if args.quick else args.articles
    counts = [int(w) for w in args.workers.split(",")]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="newscheck-scale-"))
    corpus = folder / "corpus"
    manifest = folder / "corpus.json"
    if (
        args.resume
        and manifest.exists()
        and json.loads(manifest.read_text())["articles"] == articles
    ):
        print(f"{articles:,} articles generated before, in {corpus}")
    else:
        began = time.perf_counter()
        written = write_corpus(corpus, articles, per_file=PER_FILE)
        manifest.write_text(json.dumps({"articles": articles}))
        print(f"{articles:,} articles generated in {time.perf_counter() - began:.1f} s "
              f"({written.bytes / 2**20:.1f} MiB, {len(written.files)} files)")  # fmt: skip
    window = args.link_window
    if window is not None:
        print(f"linking in time windows of {window:g} days")
    runs = [engine_run("local", corpus, folder, 0, window, resume=args.resume)]
    runs += [engine_run("dask", corpus, folder, w, window, resume=args.resume) for w in counts]
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

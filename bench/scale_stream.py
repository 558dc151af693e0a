"""Peak memory of ingest + clean + segment + store over one large JSONL file, at two sizes: does
the runner stream, or does it hold every article?

    python bench/scale_stream.py [--quick] [--sizes 50000,200000] [--keep DIR]

One JSONL file of generated records (``newscheck.distributed.synthetic``: made-up words, about
1 KiB of text a record) is written per size, not timed. Each mode then runs in a process of its
own, into a fresh SQLite store, with every stage after ingest skipped:

- ``stream``: the reference. ``pipeline.ingest`` read in batches into ``store.add_articles``,
  nothing kept: what bounded memory looks like for this work.
- ``analyze``: ``newscheck.pipeline.analyze(..., skip=all four stages)``, the Python API.
- ``analyze+report``: the same, then ``write_outputs`` (report.json/.md/.html), what
  ``newscheck analyze FILE --skip link --skip stories --skip extract --skip crosscheck`` does.
- ``export``: ``newscheck export --format parquet`` of the store ``stream`` wrote (every table;
  its seconds and articles/s are the export's, not the ingest's).

Printed per size and mode: seconds, articles/s, peak resident memory (MiB); then per mode the
growth of peak memory per 1,000 articles between the two sizes, and the ratio to the reference.
Memory that streams grows by ~0 MiB per 1,000 articles; memory that holds the articles grows by
about their size in Python objects. Every mode must store the same number of articles (checked).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
MODES = ("stream", "analyze", "analyze+report", "export")
STAGES = ("link", "stories", "extract", "crosscheck")
FULL_SIZES = (50_000, 200_000)
QUICK_SIZES = (1_000, 3_000)
BATCH = 500


def peak_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _settings() -> Any:
    from newscheck.settings import Limits, Settings

    # One large file: lift the per-file size limit (64 MiB by default), keep everything else.
    return Settings(embeddings=False, limits=Limits(max_file_bytes=1 << 40))


def write_input(path: Path, articles: int) -> int:
    """Write ``articles`` generated records to ``path``; return its size in bytes."""
    from newscheck.distributed.synthetic import records

    with path.open("w", encoding="utf-8") as handle:
        for record in records(articles, seed=5):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


def child(mode: str, source: str, db: str, out: str) -> dict[str, Any]:
    """Run one mode in this process; return its figures."""
    import newscheck.pipeline as pipeline
    from newscheck.store import open_store

    settings = _settings()
    started = time.perf_counter()
    if mode == "export":
        from newscheck.export import export_store

        db = str(Path(db).with_name("stream.db"))
        with open_store(db, read_only=True) as store:
            written = export_store(store, out, format="parquet")
        seconds = time.perf_counter() - started
        rows = next(t.rows for t in written if t.table == "articles")
        return {"mode": mode, "seconds": seconds, "stored": rows, "peak_mib": peak_mib()}
    if mode == "stream":
        with open_store(db) as store:
            run_id = store.begin_run([source], {})
            batch: list[Any] = []
            for item in pipeline.ingest([source], settings):
                if isinstance(item, tuple):
                    batch.append(item)
                if len(batch) >= BATCH:
                    store.add_articles(run_id, [a for a, _ in batch], [s for _, s in batch])
                    batch = []
            if batch:
                store.add_articles(run_id, [a for a, _ in batch], [s for _, s in batch])
            store.finish_run(run_id, "done", {})
    else:
        analysis = pipeline.analyze([source], db=db, settings=settings, skip=STAGES)
        if mode == "analyze+report":
            pipeline.write_outputs(analysis, out)
        del analysis
    seconds = time.perf_counter() - started
    with open_store(db, read_only=True) as store:
        stored = store.article_count()
    return {"mode": mode, "seconds": seconds, "stored": stored, "peak_mib": peak_mib()}


def measure(mode: str, source: Path, folder: Path) -> dict[str, Any]:
    db, out = folder / f"{mode}.db", folder / f"{mode}-out"
    command = [sys.executable, str(HERE), "--child", mode, str(source), str(db), str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES}")
    parser.add_argument("--sizes", help="two article counts, e.g. 50000,200000")
    parser.add_argument("--keep", type=Path, help="write inputs and stores here (kept)")
    parser.add_argument("--child", nargs=4, metavar=("MODE", "SOURCE", "DB", "OUT"))
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    sizes = (
        tuple(int(n) for n in args.sizes.split(","))
        if args.sizes
        else (QUICK_SIZES if args.quick else FULL_SIZES)
    )
    if len(sizes) != 2 or sizes[0] >= sizes[1]:
        raise SystemExit("--sizes takes two counts, smaller first")
    root = args.keep or Path(tempfile.mkdtemp(prefix="newscheck-scale-stream-"))
    print(f"{'articles':>9} {'input MiB':>9} {'mode':<15} {'s':>8} {'art/s':>8} {'peak MiB':>9}")
    peaks: dict[str, list[float]] = {mode: [] for mode in MODES}
    for size in sizes:
        folder = root / f"n{size}"
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / "input.jsonl"
        input_bytes = write_input(source, size)
        stored = set()
        for mode in MODES:
            figures = measure(mode, source, folder)
            stored.add(figures["stored"])
            peaks[mode].append(figures["peak_mib"])
            print(
                f"{size:>9,} {input_bytes / 2**20:>9.1f} {mode:<15} {figures['seconds']:>8.1f} "
                f"{size / figures['seconds']:>8,.0f} {figures['peak_mib']:>9.0f}",
                flush=True,
            )
        if len(stored) != 1:
            raise SystemExit(f"the modes stored different numbers of articles: {stored}")
    small, large = sizes
    print(f"\npeak memory growth from {small:,} to {large:,} articles:")
    reference = (peaks["stream"][1] - peaks["stream"][0]) / (large - small) * 1000
    for mode in MODES:
        growth = (peaks[mode][1] - peaks[mode][0]) / (large - small) * 1000
        ratio = peaks[mode][1] / peaks["stream"][1]
        print(
            f"  {mode:<15} {growth:>7.2f} MiB per 1,000 articles "
            f"(reference stream: {reference:.2f}); peak at {large:,}: {ratio:.2f}x the stream's"
        )
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

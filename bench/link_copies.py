"""Speed, memory and recall of the copy-detection path, against the plain datasketch way.

    python bench/link_copies.py [--quick] [--sizes 10000,100000,1000000] [--workers 2]

For each size a corpus of ~600-word articles with planted copies (see ``link_synthetic.py``) is
written to a temporary folder first (not timed), one file per 10,000 articles. The timed work reads
those files back and does what the copy-detection path does: shingles (5 words), MinHash
signatures, LSH band keys (in ``--workers`` processes), candidate pairs (this process), then exact
verification of every candidate on its shingle sets (the candidates' texts are read again, as a
store would be, in the worker processes). Nothing is kept per article but its band keys.

Throughput is given twice: by the wall clock (honest, but on a shared machine it also measures the
other tenants) and by CPU time (the work itself: articles per CPU-second of all processes, and the
rate on ``--workers`` cores when each has a core to itself).

In the same run, on the first ``--reference`` articles, the same work is done the plain datasketch
way (``MinHash`` per article, one ``update`` per shingle, ``MinHashLSH`` insert and query, exact
Jaccard on Python sets), datasketch's bulk mode with xxhash, and our path in one process on the
same texts: the ratios compare like with like. Peak memory is the resident size of each process.
"""

from __future__ import annotations

import argparse
import mmap
import multiprocessing as mp
import os
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from link_reference import datasketch_way
from link_synthetic import SyntheticCorpus
from newscheck.link.copies import CopyIndex, CopyParams, batch_band_keys
from newscheck.link.shingles import shingles
from newscheck.link.verify import Overlap, verify_pairs

CHUNK = 10_000
"""Articles per file."""
SLICE = 2_500
"""Articles per worker task."""
BATCH = 1_000
"""Articles hashed together in one vectorised call."""
PARAMS = CopyParams()


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --------------------------------------------------------------------------- corpus files


def _write_chunk(task: tuple[int, int, str]) -> None:
    n, chunk, folder = task
    corpus = SyntheticCorpus(n)
    start, stop = chunk * CHUNK, min(n, (chunk + 1) * CHUNK)
    lines = [corpus.encoded(i) for i in range(start, stop)]
    sizes = np.fromiter((len(x) + 1 for x in lines), dtype=np.int64, count=len(lines))
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    Path(folder, f"{chunk:05d}.txt").write_bytes(b"\n".join(lines) + b"\n")
    np.save(Path(folder, f"{chunk:05d}.npy"), offsets)


def write_corpus(n: int, folder: Path, pool: mp.pool.Pool) -> int:
    chunks = (n + CHUNK - 1) // CHUNK
    pool.map(_write_chunk, [(n, c, str(folder)) for c in range(chunks)])
    return chunks


def read_slice(folder: str, start: int, stop: int) -> list[str]:
    """Texts of articles ``start..stop`` (within one file)."""
    chunk = start // CHUNK
    offsets = np.load(Path(folder, f"{chunk:05d}.npy"))
    first, last = start - chunk * CHUNK, stop - chunk * CHUNK
    with open(Path(folder, f"{chunk:05d}.txt"), "rb") as f:
        f.seek(int(offsets[first]))
        data = f.read(int(offsets[last] - offsets[first]))
    return data.decode("ascii").split("\n")[:-1]


def slices(n: int) -> list[tuple[int, int]]:
    return [(s, min(n, s + SLICE, (s // CHUNK + 1) * CHUNK)) for s in range(0, n, SLICE)]


def read_articles(folder: str, ids: np.ndarray) -> list[str]:
    """Texts of the given (sorted) article ids, read from the chunk files."""
    texts: list[str] = []
    for chunk in np.unique(ids // CHUNK).tolist():
        wanted = ids[ids // CHUNK == chunk] - chunk * CHUNK
        offsets = np.load(Path(folder, f"{chunk:05d}.npy"))
        with (
            open(Path(folder, f"{chunk:05d}.txt"), "rb") as f,
            mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data,
        ):
            for k in wanted.tolist():
                texts.append(data[offsets[k] : offsets[k + 1] - 1].decode("ascii"))
    return texts


# --------------------------------------------------------------------------- our path


def _keys_task(task: tuple[str, int, int]) -> tuple[int, np.ndarray, float, float]:
    folder, start, stop = task
    cpu = time.process_time()
    texts = read_slice(folder, start, stop)
    keys = [batch_band_keys(texts[i : i + BATCH], PARAMS)[0] for i in range(0, len(texts), BATCH)]
    return start, np.concatenate(keys), peak_rss_mib(), time.process_time() - cpu


def _verify_task(task: tuple[str, np.ndarray]) -> tuple[np.ndarray, float, float]:
    folder, pairs = task
    cpu = time.process_time()
    ids = np.unique(pairs)
    texts = read_articles(folder, ids)
    position = {int(a): k for k, a in enumerate(ids.tolist())}
    sets: list[np.ndarray] = []
    for i in range(0, len(texts), BATCH):
        sets.extend(shingles(texts[i : i + BATCH], PARAMS.words).sets())
    accepted = verify_pairs(pairs, lambda a: sets[position[a]], PARAMS.thresholds)
    found = np.array([[o.a, o.b] for o in accepted], dtype=np.int64).reshape(-1, 2)
    return found, peak_rss_mib(), time.process_time() - cpu


@dataclass
class Run:
    seconds: dict[str, float]
    cpu: dict[str, float]
    found: np.ndarray
    candidates: int
    peak_parent: float
    peak_worker: float


def run_ours(folder: Path, n: int, pool: mp.pool.Pool, workers: int) -> Run:
    seconds: dict[str, float] = {}
    cpu: dict[str, float] = {}
    start = time.perf_counter()
    index = CopyIndex(PARAMS)
    tasks = [(str(folder), start, stop) for start, stop in slices(n)]
    results = sorted(pool.imap_unordered(_keys_task, tasks), key=lambda r: r[0])
    for _, keys, _, _ in results:
        index.add_keys(keys)
    peak_worker = max(r[2] for r in results)
    cpu["signatures"] = sum(r[3] for r in results)
    seconds["signatures"] = time.perf_counter() - start
    mark, mark_cpu = time.perf_counter(), time.process_time()
    pairs = index.candidates()
    seconds["lsh"] = time.perf_counter() - mark
    cpu["lsh"] = time.process_time() - mark_cpu
    mark = time.perf_counter()
    parts = np.array_split(pairs, max(1, workers * 4)) if len(pairs) else []
    verified = pool.map(_verify_task, [(str(folder), p) for p in parts if len(p)])
    found = np.concatenate([v[0] for v in verified]) if verified else np.empty((0, 2), np.int64)
    peak_worker = max([peak_worker, *(v[1] for v in verified)])
    cpu["verify"] = sum(v[2] for v in verified)
    seconds["verify"] = time.perf_counter() - mark
    seconds["total"] = time.perf_counter() - start
    return Run(seconds, cpu, found, len(pairs), peak_rss_mib(), peak_worker)


# --------------------------------------------------------------------------- references


def ours_in_process(texts: Sequence[str]) -> tuple[float, int, float]:
    start = time.process_time()
    index = CopyIndex(PARAMS)
    sets: list[np.ndarray] = []
    for i in range(0, len(texts), BATCH):
        sets.extend(index.add(texts[i : i + BATCH]).sets())
    found: list[Overlap] = index.verify(index.candidates(), sets)
    return time.process_time() - start, len(found), peak_rss_mib()


def _reference_task(task: tuple[str, str, int]) -> tuple[str, float, int, float]:
    name, folder, count = task
    texts = read_slice(folder, 0, count)
    if name == "ours, 1 process":
        seconds, verified, peak = ours_in_process(texts)
    else:
        bulk = name.startswith("datasketch bulk")
        seconds, verified, peak = datasketch_way(texts, PARAMS, bulk=bulk)
    return name, seconds, verified, peak


# --------------------------------------------------------------------------- quality


def quality(corpus: SyntheticCorpus, found: np.ndarray) -> tuple[dict[str, tuple[int, int]], float]:
    """Recall per planted kind, and precision (a found pair is right when both share a root)."""
    found_set = {(int(a), int(b)) for a, b in found.tolist()}
    totals: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for derived, origin in corpus.planted().items():
        kind = corpus.kind(derived)
        totals[kind] += 1
        hits[kind] += (min(derived, origin), max(derived, origin)) in found_set
    right = sum(corpus.root(a) == corpus.root(b) for a, b in found_set)
    precision = right / len(found_set) if found_set else 1.0
    return {k: (hits[k], totals[k]) for k in totals}, precision


def report(n: int, workers: int, reference: int, keep: bool) -> None:
    folder = Path(tempfile.mkdtemp(prefix="newscheck-link-bench-"))
    ctx = mp.get_context("fork")
    try:
        with ctx.Pool(workers) as pool:
            mark = time.perf_counter()
            chunks = write_corpus(n, folder, pool)
            took = time.perf_counter() - mark
            load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
            print(
                f"\n== {n:,} articles ({chunks} files written in {took:.1f}s; load average {load})"
            )
        sample = min(reference, n, CHUNK)
        with ctx.Pool(1, maxtasksperchild=1) as pool:  # a fresh process (and peak) per reference
            names = ["datasketch plain", "datasketch bulk+xxhash", "ours, 1 process"]
            refs = pool.map(_reference_task, [(name, str(folder), sample) for name in names])
        with ctx.Pool(workers) as pool:
            run = run_ours(folder, n, pool, workers)
        corpus = SyntheticCorpus(n)
        recall, precision = quality(corpus, run.found)
        rate = n / run.seconds["total"]
        parts = ", ".join(f"{k} {v:.2f}s" for k, v in run.seconds.items())
        print(f"ours, {workers} processes, wall clock: {rate:,.0f} articles/s ({parts})")
        cpu_rate = n / ((run.cpu["signatures"] + run.cpu["verify"]) / workers + run.cpu["lsh"])
        cpu_parts = ", ".join(f"{k} {v:.2f}s" for k, v in run.cpu.items())
        print(
            f"ours, CPU time: {n / sum(run.cpu.values()):,.0f} articles per CPU-second, "
            f"{cpu_rate:,.0f} articles/s on {workers} cores ({cpu_parts} of CPU)"
        )
        print(
            f"  peak memory: this process {run.peak_parent:,.0f} MiB, each worker "
            f"<= {run.peak_worker:,.0f} MiB; {run.candidates:,} candidates, "
            f"{len(run.found):,} verified"
        )
        print(f"  {1e6 * sum(run.cpu.values()) / n:.1f} CPU-us/article")
        print(
            "  recall of planted pairs: "
            + ", ".join(f"{k} {h}/{t} ({h / t:.3f})" for k, (h, t) in sorted(recall.items()) if t)
            + f"; precision {precision:.4f}"
        )
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"  same work on the first {sample:,} articles, 1 process each (load {load}):")
        per_cpu_s = {}
        for name, seconds, verified, peak in refs:
            per_cpu_s[name] = sample / seconds
            print(
                f"    {name:24s} {per_cpu_s[name]:9,.0f} articles per CPU-second  "
                f"{verified:5d} verified  peak {peak:7,.0f} MiB"
            )
        plain = per_cpu_s["datasketch plain"]
        alone = per_cpu_s["ours, 1 process"]
        print(
            f"  ratios to datasketch plain: ours 1 process {alone / plain:.1f}x,"
            f" ours on {workers} cores {cpu_rate / plain:.1f}x,"
            f" datasketch bulk+xxhash {per_cpu_s['datasketch bulk+xxhash'] / plain:.1f}x"
        )
    finally:
        if keep:
            print(f"corpus kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 articles only")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reference", type=int, default=2_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args()
    sizes = [10_000] if args.quick else [int(s) for s in args.sizes.split(",")]
    reference = 500 if args.quick else args.reference
    print(f"copy path: {PARAMS.name}; thresholds {PARAMS.thresholds}")
    for n in sizes:
        report(n, args.workers, reference, args.keep)
    sys.stdout.flush()


if __name__ == "__main__":
    main()

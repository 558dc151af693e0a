"""Ingest throughput and memory: JSONL articles streamed through ``read_inputs``.

Generates N fictional articles (~600 words each) as JSONL shards in a temporary folder, reads them
with ``read_inputs`` and prints articles/s and peak memory for two sizes. Memory should stay flat as
the input grows tenfold: records are streamed, never held.

The reference beside each figure is a bare loop over the same files in the same process
(``json.loads`` per line, nothing else), so the ratio shows what the reader adds.

    python bench/ingest_throughput.py            # 10k and 100k articles
    python bench/ingest_throughput.py --quick    # 2k and 10k
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from newscheck.ingest import read_inputs
from newscheck.model import RawArticle
from newscheck.settings import Settings

WORDS_PER_ARTICLE = 600
ARTICLES_PER_SHARD = 5_000
_SYLLABLES = ["ka", "lo", "mi", "ren", "sta", "vor", "ul", "bek", "tan", "ise", "dro", "mar"]


def _vocabulary(size: int, rng: random.Random) -> list[str]:
    return ["".join(rng.choices(_SYLLABLES, k=rng.randint(1, 3))) for _ in range(size)]


def generate(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` made-up articles as JSONL shards; returns the shard paths."""
    rng = random.Random(seed)
    words = _vocabulary(5_000, rng)
    shards: list[Path] = []
    for start in range(0, count, ARTICLES_PER_SHARD):
        path = folder / f"shard-{start // ARTICLES_PER_SHARD:04d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for number in range(start, min(count, start + ARTICLES_PER_SHARD)):
                body = rng.choices(words, k=WORDS_PER_ARTICLE)
                paragraphs = [" ".join(body[i : i + 60]) + "." for i in range(0, len(body), 60)]
                record = {
                    "id": number,
                    "title": " ".join(rng.choices(words, k=8)).capitalize(),
                    "text": "\n\n".join(paragraphs),
                    "url": f"https://www.outlet{number % 40}.example/news/{number}",
                    "published": f"2031-05-{1 + number % 28:02d}T{number % 24:02d}:00:00Z",
                }
                out.write(json.dumps(record) + "\n")
        shards.append(path)
    return shards


def read_with_newscheck(shards: list[Path]) -> int:
    return sum(isinstance(item, RawArticle) for item in read_inputs(shards, Settings()))


def read_with_json_only(shards: list[Path]) -> int:
    count = 0
    for shard in shards:
        with shard.open("rb") as lines:
            for line in lines:
                json.loads(line)
                count += 1
    return count


def timed(read: Callable[[list[Path]], int], shards: list[Path]) -> tuple[int, float]:
    gc.collect()
    start = time.perf_counter()
    count = read(shards)
    return count, time.perf_counter() - start


def traced_peak(read: Callable[[list[Path]], int], shards: list[Path]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        read(shards)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run(sizes: tuple[int, ...]) -> None:
    print(
        f"{'articles':>9} {'MiB in':>7} {'newscheck/s':>12} {'json-only/s':>12} {'ratio':>6} "
        f"{'tracemalloc peak':>17} {'ru_maxrss':>10}"
    )
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="newscheck-bench-") as folder:
            shards = generate(Path(folder), size)
            megabytes = sum(path.stat().st_size for path in shards) / 2**20
            reference_count, reference_s = timed(read_with_json_only, shards)
            count, seconds = timed(read_with_newscheck, shards)
            assert count == reference_count == size, (count, reference_count, size)
            peak = traced_peak(read_with_newscheck, shards)
            ours, reference = count / seconds, reference_count / reference_s
            print(
                f"{size:>9,} {megabytes:>7.0f} {ours:>12,.0f} {reference:>12,.0f} "
                f"{ours / reference:>6.2f} {peak / 2**20:>13.1f} MiB {max_rss_mib():>6.0f} MiB"
            )
    print("ratio: newscheck throughput / json-only throughput on the same files, same process.")
    print("Memory is flat when the tracemalloc peak does not grow with the article count.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2k and 10k articles (CI smoke run)")
    args = parser.parse_args()
    run((2_000, 10_000) if args.quick else (10_000, 100_000))


if __name__ == "__main__":
    main()

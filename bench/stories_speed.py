"""Speed and memory of online story clustering over a generated news stream.

    python bench/stories_speed.py [--quick] [--articles N]

The stream is generated first (not timed) into a JSON Lines file, then read back and clustered
twice: on one core (read, extract keys, weigh, cluster, all in this process) and on two cores (a
second process reads, extracts keys and weighs them, this one clusters). What the articles/s
figures include: parsing each JSON line into an Article, extracting its keys (terms, names,
figures of the title and first 1,000 characters), weighing them (TF-IDF over the stream), and
placing the article (candidate retrieval, scoring, merging, closing stories that leave the
window). Not included: sentence embeddings (a CPU encodes ~270 leads/s; embed in
batches beforehand, or on an accelerator). Memory: the clusterer's state and the resident size
are sampled along the stream: once the window is full they level off instead of growing.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from newscheck.model import Article, Story
from newscheck.stories import (
    ArticleKeys,
    ClusterConfig,
    KeyExtractor,
    Member,
    StoryClusterer,
    Weigher,
)
from stories_synthetic import stream

_WORDS = re.compile(r"\w+")
_BATCH = 256


def rss_mib() -> float:
    """Resident set size of this process now (Linux), in MiB."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return float("nan")


def write_stream(path: Path, articles: int) -> Counter[int]:
    """Generate the stream into ``path``; return the size of each gold event."""
    sizes: Counter[int] = Counter()
    with path.open("w", encoding="utf-8") as out:
        for article, event in stream(articles):
            sizes[event] += 1
            assert article.published is not None
            record = {
                "id": article.id,
                "title": article.title,
                "text": article.text,
                "published": article.published.isoformat(),
                "seq": article.seq,
            }
            out.write(json.dumps(record) + "\n")
    return sizes


def read_stream(path: Path) -> Iterator[Article]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            r = json.loads(line)
            yield Article(
                id=r["id"],
                title=r["title"],
                text=r["text"],
                location=str(path),
                location_kind="path",
                format="jsonl",
                published=datetime.fromisoformat(r["published"]),
                seq=r["seq"],
            )


class StreamingBCubed:
    """BCubed over stories as they close, from per-story counts of gold events (read from the
    generated ids, ``"<seq>-<event>"``)."""

    def __init__(self, event_sizes: Counter[int]) -> None:
        self.event_sizes = event_sizes
        self.cells: list[tuple[int, int, int]] = []  # (event, count, story size)

    def add(self, story: Story) -> None:
        events = Counter(int(aid.rsplit("-", 1)[1]) for aid in story.article_ids)
        size = len(story.article_ids)
        self.cells.extend((event, n, size) for event, n in events.items())

    def scores(self) -> tuple[float, float, float]:
        total = sum(self.event_sizes.values())
        precision = sum(n * n / size for _, n, size in self.cells) / total
        recall = sum(n * n / self.event_sizes[e] for e, n, _ in self.cells) / total
        return precision, recall, 2 * precision * recall / (precision + recall)


def _weigh_worker(path: Path, config: ClusterConfig, queue: mp.Queue[list[Member] | None]) -> None:
    extract = KeyExtractor(lead_chars=config.lead_chars)
    weigh = Weigher(config)
    batch: list[Member] = []
    for article in read_stream(path):
        batch.append(weigh(extract(article)))
        if len(batch) == _BATCH:
            queue.put(batch)
            batch = []
    queue.put(batch)
    queue.put(None)


def members_from_other_process(path: Path, config: ClusterConfig) -> Iterator[Member]:
    queue: mp.Queue[list[Member] | None] = mp.Queue(maxsize=8)  # bounded: memory too
    worker = mp.Process(target=_weigh_worker, args=(path, config, queue), daemon=True)
    worker.start()
    while (batch := queue.get()) is not None:
        yield from batch
    worker.join()


def run(path: Path, sizes: Counter[int], *, cores: int, samples: int = 5) -> None:
    config = ClusterConfig()
    clusterer = StoryClusterer(config)
    score = StreamingBCubed(sizes)
    total = sum(sizes.values())
    every = max(1, total // samples)
    print(f"\n{total:,} articles on {cores} core(s)")
    print(
        f"{'articles':>9} {'open stories':>13} {'open articles':>14} {'df keys':>10} {'RSS MiB':>8}"
    )
    done = 0
    start, cpu = time.perf_counter(), time.process_time()
    if cores == 2:
        place = clusterer.add_member
        items: Iterator[Member] | Iterator[ArticleKeys] = members_from_other_process(path, config)
    else:
        place = clusterer.add_keys  # type: ignore[assignment]
        items = map(clusterer.extract, read_stream(path))
    for item in items:
        place(item)  # type: ignore[arg-type]
        for story in clusterer.closed():
            score.add(story)
        done += 1
        if done % every == 0:
            print(
                f"{done:>9,} {clusterer.open_stories:>13,} {clusterer.open_articles:>14,} "
                f"{df_keys(clusterer, cores):>10} {rss_mib():>8.0f}"
            )
    for story in clusterer.finish():
        score.add(story)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    precision, recall, f1 = score.scores()
    print(
        f"throughput: {done / wall:,.0f} articles/s wall ({wall:.1f} s); "
        f"this process used {cpu / done * 1e6:,.0f} us CPU per article"
    )
    print(f"BCubed on the generated events: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")


def cpu_check() -> float:
    """CPU seconds of a fixed pure-Python loop: a scale for comparing runs on loaded machines."""
    start = time.process_time()
    sum(range(10**7))
    return time.process_time() - start


def df_keys(clusterer: StoryClusterer, cores: int) -> str:
    # With two cores the document frequencies live in the worker process.
    return "(worker)" if cores == 2 else f"{len(clusterer.frequencies):,}"


def reference(path: Path) -> float:
    """Articles/s of a plain pass in this process: parse each line and split its text into
    words. Compare runs by the ratio to it: machines and their load differ."""
    start = time.perf_counter()
    n = 0
    for article in read_stream(path):
        _WORDS.findall(article.text)
        n += 1
    return n / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="4,000 articles (CI smoke run)")
    parser.add_argument("--articles", type=int, default=None)
    args = parser.parse_args(argv)
    articles = args.articles or (4_000 if args.quick else 100_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stream.jsonl"
        sizes = write_stream(path, articles)
        load = os.getloadavg()[0]
        print(f"load average {load:.1f} on {os.cpu_count()} CPUs before the runs")
        print(f"CPU check: sum(range(10**7)) takes {cpu_check():.3f} s of CPU in this process")
        ref = reference(path)
        print(f"reference (parse + one regex pass over each text): {ref:,.0f} articles/s")
        run(path, sizes, cores=1)
        run(path, sizes, cores=2)
        print(f"load average {os.getloadavg()[0]:.1f} after the runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Speed and memory of online story clustering over a generated news stream.

    python bench/stories_speed.py [--quick] [--articles N] [--short N] [--no-embeddings]

The stream (fictional words, ~2,000 articles a day, events of a few articles over a few days) is
generated first, not timed, into a JSON Lines file. Each run below is a fresh process reading it,
so that its peak memory is its own. What is timed, per article, stage by stage:

- parse: one JSON line into an ``Article``;
- features: ``KeyExtractor`` (terms, names, figures of the title and first 1,000 characters);
- weigh: ``Weigher.many`` (TF-IDF over the stream so far, index keys), 512 articles at a time
  into one packed ``MemberBatch``;
- cluster: ``StoryClusterer.add_member`` (candidate stories from the index, vectorised scoring,
  joining or starting a story, merging, closing stories that leave the window).

"clustering given the features" is the last stage alone; "one core" is all four in one process;
"two cores" runs parse, features and weigh in a second process that hands the packed batches over,
while this one clusters. None of these include sentence embeddings: the embedding mode is timed
apart, with generated unit vectors (event direction plus noise) standing in for the model's, and
the model's own encoding rate on this CPU is printed beside it (it, not the clusterer, bounds
that mode: encode beforehand in batches, or on an accelerator).

Memory: the peak resident size of the one-core run at two stream lengths (``--short`` and
``--articles``); with a window of ~8,000 articles, both should be about the same.
Figures depend on the machine and its load: compare runs by the ratio to the reference printed
in the same run (parse plus one regex pass over each text), and by the CPU check.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from newscheck.model import Article, Story
from newscheck.stories import ClusterConfig, KeyExtractor, StoryClusterer, Weigher
from newscheck.stories.member_batch import MemberBatch
from stories_synthetic import stream

_WORDS = re.compile(r"\w+")
_BATCH = 512
EMBEDDING_DIMENSIONS = 384


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


def parse(line: str, location: str) -> Article:
    r = json.loads(line)
    return Article(
        id=r["id"],
        title=r["title"],
        text=r["text"],
        location=location,
        location_kind="path",
        format="jsonl",
        published=datetime.fromisoformat(r["published"]),
        seq=r["seq"],
    )


def event_of(article_id: str) -> int:
    return int(article_id.rsplit("-", 1)[1])


def event_embedding(article: Article, noise: float = 0.9) -> np.ndarray:
    """A unit vector near its event's direction (both drawn from seeds, so every run agrees):
    mean cosine ~0.55 within an event, ~0 across, about what MiniLM gives news leads."""
    direction = np.random.default_rng(event_of(article.id)).standard_normal(EMBEDDING_DIMENSIONS)
    jitter = np.random.default_rng(10**9 + article.seq).standard_normal(EMBEDDING_DIMENSIONS)
    vector = direction / np.linalg.norm(direction) + noise * jitter / np.linalg.norm(jitter)
    unit: np.ndarray = (vector / np.linalg.norm(vector)).astype(np.float32)
    return unit


class StreamingBCubed:
    """BCubed over stories as they close, from running sums (constant memory)."""

    def __init__(self, event_sizes: Counter[int]) -> None:
        self.event_sizes = event_sizes
        self.precision = 0.0
        self.recall = 0.0

    def add(self, story: Story) -> None:
        size = len(story.article_ids)
        for event, n in Counter(map(event_of, story.article_ids)).items():
            self.precision += n * n / size
            self.recall += n * n / self.event_sizes[event]

    def f1(self) -> float:
        total = sum(self.event_sizes.values())
        p, r = self.precision / total, self.recall / total
        return 2 * p * r / (p + r)


def peak_mib() -> float:
    """Peak resident size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------------ runs (each in its own process)


def one_core(path: str, sizes: Counter[int], embeddings: bool) -> dict[str, Any]:
    """Every stage in this process, each timed apart (in batches, as the two-core run)."""
    config = ClusterConfig()
    extract, weigh = KeyExtractor(lead_chars=config.lead_chars), Weigher(config)
    clusterer = StoryClusterer(config)
    score = StreamingBCubed(sizes)
    # CPU time, not wall: on a shared machine it is the less distorted of the two.
    clock = time.process_time
    spent = dict.fromkeys(("parse", "features", "weigh", "cluster"), 0.0)
    n = 0
    start = time.perf_counter()
    with open(path, encoding="utf-8") as lines:
        for batch in _batches(lines):
            # The stand-in embeddings are made before the clock starts (a model's is not timed).
            vectors = [event_embedding(parse(line, path)) if embeddings else None for line in batch]
            t0 = clock()
            articles = [parse(line, path) for line in batch]
            t1 = clock()
            keys = [extract(a, v) for a, v in zip(articles, vectors, strict=True)]
            t2 = clock()
            members = weigh.many(keys)
            t3 = clock()
            for member in members.members():
                clusterer.add_member(member)
                for story in clusterer.closed():
                    score.add(story)
            t4 = clock()
            spent["parse"] += t1 - t0
            spent["features"] += t2 - t1
            spent["weigh"] += t3 - t2
            spent["cluster"] += t4 - t3
            n += len(batch)
    for story in clusterer.finish():
        score.add(story)
    return {
        "articles": n,
        "spent": spent,
        "wall": time.perf_counter() - start,
        "f1": score.f1(),
        "peak_mib": peak_mib(),
        "key_space": clusterer.space.size,
        "df_keys": len(weigh.frequencies),
    }


def _batches(lines: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _weigh_worker(path: str, queue: mp.Queue[MemberBatch | float]) -> None:
    """Parse, extract and weigh; hand over packed batches, then this process's CPU seconds."""
    cpu = time.process_time()
    config = ClusterConfig()
    extract, weigh = KeyExtractor(lead_chars=config.lead_chars), Weigher(config)
    with open(path, encoding="utf-8") as lines:
        for batch in _batches(lines):
            queue.put(weigh.many([extract(parse(line, path)) for line in batch]))
    queue.put(time.process_time() - cpu)


def two_cores(path: str, sizes: Counter[int], embeddings: bool) -> dict[str, Any]:
    """Parse, features and weigh in a second process; cluster here."""
    del embeddings
    context = mp.get_context("spawn")
    queue: mp.Queue[MemberBatch | float] = context.Queue(maxsize=8)  # bounded: memory too
    worker = context.Process(target=_weigh_worker, args=(path, queue), daemon=True)
    clusterer = StoryClusterer(ClusterConfig())
    score = StreamingBCubed(sizes)
    start, cpu = time.perf_counter(), time.process_time()
    worker.start()
    n = 0
    while isinstance(batch := queue.get(), MemberBatch):
        for member in batch.members():
            clusterer.add_member(member)
            for story in clusterer.closed():
                score.add(story)
        n += len(batch)
    for story in clusterer.finish():
        score.add(story)
    wall = time.perf_counter() - start
    worker.join()
    return {
        "articles": n,
        "wall": wall,
        "cpu": time.process_time() - cpu,
        "worker_cpu": batch,
        "f1": score.f1(),
    }


def _child(run: str, path: str, sizes: Counter[int], embeddings: bool, out: Any) -> None:
    out.send(globals()[run](path, sizes, embeddings))


def in_fresh_process(run: str, path: Path, sizes: Counter[int], embeddings: bool = False) -> Any:
    context = mp.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(run, str(path), sizes, embeddings, send))
    child.start()
    send.close()  # the child holds its own end: recv() below fails if it dies without sending
    try:
        result = receive.recv()
    except EOFError:
        child.join()
        raise SystemExit(f"the {run} run failed (exit code {child.exitcode})") from None
    child.join()
    return result


# ------------------------------------------------------------------ printing


def print_one_core(label: str, r: dict[str, Any]) -> None:
    n, spent = r["articles"], r["spent"]
    total = sum(spent.values())
    print(f"\n{label}: {n:,} articles, one core, BCubed F1 {r['f1']:.3f}")
    print(f"  {'stage (CPU time)':<34} {'us/article':>10} {'articles/s':>11}")
    for stage, seconds in spent.items():
        print(f"  {stage:<34} {seconds / n * 1e6:>10,.0f} {n / seconds:>11,.0f}")
    print(f"  {'all four (one core)':<34} {total / n * 1e6:>10,.0f} {n / total:>11,.0f}")
    print(f"  wall clock: {n / r['wall']:,.0f} articles/s ({r['wall']:.1f} s)")
    print(
        f"  peak resident {r['peak_mib']:,.0f} MiB; key space {r['key_space']:,} cells, "
        f"document frequencies {r['df_keys']:,} keys at the end"
    )


def cpu_check() -> float:
    """CPU seconds of a fixed pure-Python loop: a scale for comparing runs on loaded machines."""
    start = time.process_time()
    sum(range(10**7))
    return time.process_time() - start


def reference(path: Path) -> float:
    """Articles/s of a plain pass in this process: parse each line and split its text into
    words. Compare runs by the ratio to it: machines and their load differ."""
    start = time.perf_counter()
    n = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            _WORDS.findall(parse(line, str(path)).text)
            n += 1
    return n / (time.perf_counter() - start)


def model_rate(leads: int = 128) -> str:
    """Leads/s of the bundled sentence model on this CPU, or why it was not measured."""
    from newscheck.embed import Embedder, embeddings_available

    if not embeddings_available():
        return "not measured (the embed extra is not installed)"
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    texts = [f"{a.title}\n{a.text[:300]}" for a, _ in stream(leads, seed=11)]
    embedder = Embedder()
    embedder.encode(texts[:8])  # load the model, untimed
    start = time.perf_counter()
    embedder.encode(texts[8:])
    return f"{(leads - 8) / (time.perf_counter() - start):,.0f} leads/s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="6,000 and 3,000 articles (smoke)")
    parser.add_argument("--articles", type=int, default=None, help="the long stream (100,000)")
    parser.add_argument("--short", type=int, default=None, help="the short stream (20,000)")
    parser.add_argument("--no-embeddings", action="store_true", help="skip the embedding mode")
    args = parser.parse_args(argv)
    long = args.articles or (6_000 if args.quick else 100_000)
    short = args.short or (3_000 if args.quick else 20_000)
    with tempfile.TemporaryDirectory() as tmp:
        long_path, short_path = Path(tmp) / "long.jsonl", Path(tmp) / "short.jsonl"
        long_sizes = write_stream(long_path, long)
        short_sizes = write_stream(short_path, short)
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs before the runs")
        print(f"CPU check: sum(range(10**7)) takes {cpu_check():.3f} s of CPU in this process")
        ref = reference(long_path)
        print(f"reference (parse + one regex pass over each text): {ref:,.0f} articles/s")

        long_run = in_fresh_process("one_core", long_path, long_sizes)
        print_one_core("lexical", long_run)
        cluster_rate = long_run["articles"] / long_run["spent"]["cluster"]
        print(f"  => clustering given the features: {cluster_rate:,.0f} articles/s")

        two = in_fresh_process("two_cores", long_path, long_sizes)
        n = two["articles"]
        worker, main_cpu = two["worker_cpu"] / n * 1e6, two["cpu"] / n * 1e6
        print(
            f"\ntwo cores (parse, features, weigh in a second process; cluster here): "
            f"{n / two['wall']:,.0f} articles/s wall ({two['wall']:.1f} s), BCubed F1 "
            f"{two['f1']:.3f}\n  CPU per article: {worker:,.0f} us in the worker, "
            f"{main_cpu:,.0f} us clustering (with unpickling); on two idle cores the slower "
            f"one allows {1e6 / max(worker, main_cpu):,.0f} articles/s"
        )

        short_run = in_fresh_process("one_core", short_path, short_sizes)
        print(
            f"\nmemory, one core: peak resident {short_run['peak_mib']:,.0f} MiB after "
            f"{short:,} articles, {long_run['peak_mib']:,.0f} MiB after {long:,} "
            f"(key space {short_run['key_space']:,} and {long_run['key_space']:,} cells)"
        )

        if not args.no_embeddings:
            embedded = in_fresh_process("one_core", short_path, short_sizes, embeddings=True)
            print_one_core("with embeddings (generated vectors, not timed)", embedded)
            rate = embedded["articles"] / embedded["spent"]["cluster"]
            print(f"  => clustering given the features and embeddings: {rate:,.0f} articles/s")
            print(f"  the bundled model on this CPU: {model_rate()} (it bounds this mode)")
        print(f"\nload average {os.getloadavg()[0]:.1f} after the runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())

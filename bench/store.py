"""Store benchmark: write, re-write, stream and search throughput, streaming memory.

    python bench/store.py [--quick] [--articles N] [--batch B] [--target URL-or-path]

Writes N generated articles (invented words, ~3 KB each, with segmentations) in batches of B into
a fresh store, and prints figures beside a reference measured in the same process: the same rows
(articles, paragraphs, sentences) written with plain ``sqlite3.executemany`` into tables without
keys, constraints or full-text index (the floor any SQLite store pays). Streaming memory is the
tracemalloc peak while iterating every article, beside the total size of the texts (it should be a
small fraction).
With ``--target postgresql://...`` the store side runs on PostgreSQL (the reference stays SQLite).
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import tempfile
import time
import tracemalloc
from pathlib import Path

from newscheck.model import Article, Paragraph, Segmentation, Sentence, article_id
from newscheck.store import open_store

VOCABULARY = (  # noqa: SIM905 (a word list reads best as words)
    "harbour council ferry lantern storm barge pilot bridge kiln shore morning noon repairs "
    "mayor guild count report spring weather balloon grain tide quay rope tar signal beacon "
    "north south east west village river valley market road rail station mill tower bell"
).split()


def generated(n: int, rng: random.Random) -> tuple[Article, Segmentation]:
    paragraphs = []
    for _ in range(6):
        sentences = []
        for _ in range(4):
            words = rng.choices(VOCABULARY, k=rng.randint(12, 24))
            sentences.append(" ".join(words).capitalize() + f" {n}.")
        paragraphs.append(" ".join(sentences))
    text = "\n\n".join(paragraphs)
    title = f"Report {n}: " + " ".join(rng.choices(VOCABULARY, k=6))
    identifier = article_id(title, text)
    article = Article(identifier, title, text, f"gen/{n}.txt", "path", "txt", seq=n)
    return article, segment(identifier, text)


def segment(identifier: str, text: str) -> Segmentation:
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for match in re.finditer(r"[^\n]+", text):
        paragraphs.append(Paragraph(identifier, len(paragraphs), match.start(), match.end()))
        for found in re.finditer(r"[^.]+\.", match.group()):
            start = match.start() + found.start()
            end = match.start() + found.end()
            sentences.append(Sentence(identifier, len(sentences), start, end, len(paragraphs) - 1))
    return Segmentation(identifier, tuple(paragraphs), tuple(sentences), "bench.regex.v1")


def reference_write(path: Path, batches: list[list[tuple[Article, Segmentation]]]) -> float:
    """The same articles, paragraphs and sentences as plain rows: no keys, checks or index."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("CREATE TABLE articles (id, title, text, location, format, seq)")
    connection.execute("CREATE TABLE paragraphs (article_id, idx, start_char, end_char)")
    connection.execute("CREATE TABLE sentences (article_id, idx, start_char, end_char, paragraph)")
    started = time.perf_counter()
    for batch in batches:
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)",
            [(a.id, a.title, a.text, a.location, a.format, a.seq) for a, _ in batch],
        )
        connection.executemany(
            "INSERT INTO paragraphs VALUES (?, ?, ?, ?)",
            [(p.article_id, p.index, p.start, p.end) for _, s in batch for p in s.paragraphs],
        )
        connection.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
            [
                (t.article_id, t.index, t.start, t.end, t.paragraph)
                for _, s in batch
                for t in s.sentences
            ],
        )
        connection.execute("COMMIT")
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small run for CI (seconds)")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--target", help="store path or postgresql:// URL (default: temp file)")
    args = parser.parse_args()
    count = 1_000 if args.quick else args.articles

    rng = random.Random(7)
    pairs = [generated(n, rng) for n in range(count)]
    articles = [a for a, _ in pairs]
    segmentations = [s for _, s in pairs]
    batches = [list(range(i, min(i + args.batch, count))) for i in range(0, count, args.batch)]
    megabytes = sum(len(a.text.encode()) for a in articles) / 1e6
    sentences = sum(len(s.sentences) for s in segmentations)
    print(
        f"{count} articles, {megabytes:.1f} MB of text, {sentences} sentences, "
        f"batches of {args.batch}"
    )

    with tempfile.TemporaryDirectory() as folder:
        reference_s = reference_write(
            Path(folder) / "reference.db", [[pairs[i] for i in b] for b in batches]
        )
        target = args.target or str(Path(folder) / "store.db")
        with open_store(target) as store:
            run_id = store.begin_run(["bench"], {"articles": count})
            started = time.perf_counter()
            for batch in batches:
                store.add_articles(
                    run_id, [articles[i] for i in batch], [segmentations[i] for i in batch]
                )
            write_s = time.perf_counter() - started

            started = time.perf_counter()
            for batch in batches:
                added = store.add_articles(
                    run_id, [articles[i] for i in batch], [segmentations[i] for i in batch]
                )
                assert not added
            rewrite_s = time.perf_counter() - started

            started = time.perf_counter()
            streamed = sum(1 for _ in store.articles())
            stream_s = time.perf_counter() - started
            assert streamed == count

            tracemalloc.start()
            for _ in store.articles():
                pass
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()

            # Broad: two common words every article holds (the worst case: rank all of them).
            # Narrow: a common word and an article's own number (a handful of matches).
            broad = [" ".join(rng.choices(VOCABULARY, k=2)) for _ in range(20)]
            narrow = [f"{rng.choice(VOCABULARY)} {rng.randrange(count)}" for _ in range(50)]
            search_ms = {}
            for name, queries in (("broad", broad), ("narrow", narrow)):
                started = time.perf_counter()
                for query in queries:
                    assert store.search(query)
                search_ms[name] = 1000 * (time.perf_counter() - started) / len(queries)
            store.finish_run(run_id, "done", {"articles": count})

    print(
        f"write        {count / write_s:9.0f} articles/s  {megabytes / write_s:6.1f} MB/s  "
        f"({write_s:.2f} s; reference plain executemany {count / reference_s:.0f} articles/s, "
        f"store/reference time {write_s / reference_s:.1f}x)"
    )
    print(f"re-add       {count / rewrite_s:9.0f} articles/s  (nothing added twice)")
    print(f"stream read  {count / stream_s:9.0f} articles/s  ({stream_s:.2f} s)")
    print(
        f"stream peak  {peak / 1e6:9.2f} MB traced  (texts total {megabytes:.1f} MB, "
        f"{100 * peak / 1e6 / megabytes:.1f}%)"
    )
    print(
        f"search       {search_ms['narrow']:9.2f} ms/query narrow (a word and a number), "
        f"{search_ms['broad']:.2f} ms/query broad (two words in every article)"
    )


if __name__ == "__main__":
    main()

"""Link read benchmark: how fast ``store.links()`` decodes links with their sentence pairs.

    python bench/store_links.py [--quick] [--links N] [--pairs P] [--target URL-or-path]

Writes N generated links (P sentence pairs and one added span each, like a rewrite in
bench/web_data.py) into a fresh store and times reading them all back, beside a reference measured
in the same process: the same rows fetched with plain ``sqlite3`` and only ``json.loads`` run on
their JSON columns (the floor of any decoder that keeps JSON text). It then rewrites the stored
pairs into the older by-field-name JSON (as stores written before the compact form hold them) and
times reading those too.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from newscheck.model import Link, SentencePair, Span
from newscheck.store import Store, open_store


def generated_links(count: int, pairs: int, rng: random.Random) -> list[Link]:
    links = []
    for n in range(count):
        derived, origin = f"{n:016x}", f"{n + count:016x}"
        links.append(
            Link(
                derived,
                origin,
                "rewrite",
                pairs / (pairs + 1),
                (Span(derived, 600 + n % 50, 650 + n % 50),),
                tuple(
                    SentencePair(i, i + rng.randint(0, 2), round(rng.random(), 6), "same")
                    for i in range(pairs)
                ),
                "published",
                0.9,
                "bench.links.v1",
            )
        )
    return links


def timed_read(store: Store, expected: list[Link]) -> float:
    started = time.perf_counter()
    read = store.links()
    elapsed = time.perf_counter() - started
    if read != expected:
        raise SystemExit("links read back differ from the links written")
    return elapsed


def reference_read(path: Path) -> float:
    """Fetch the same rows and only parse their JSON columns: no records built."""
    connection = sqlite3.connect(path)
    started = time.perf_counter()
    rows = connection.execute("SELECT derived, origin, added, pairs FROM links").fetchall()
    for _, _, added, pairs in rows:
        json.loads(added)
        json.loads(pairs)
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def rewrite_as_objects(path: Path, links: list[Link]) -> None:
    """Store every link's pairs as a JSON array of objects by field name (the older form)."""
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "UPDATE links SET pairs = ? WHERE derived = ? AND origin = ?",
            [
                (
                    json.dumps(
                        [
                            {
                                "derived_sentence": p.derived_sentence,
                                "origin_sentence": p.origin_sentence,
                                "score": p.score,
                                "relation": p.relation,
                            }
                            for p in link.pairs
                        ],
                        separators=(",", ":"),
                    ),
                    link.derived,
                    link.origin,
                )
                for link in links
            ],
        )
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5,000 links (CI smoke run)")
    parser.add_argument("--links", type=int, default=60_000)
    parser.add_argument("--pairs", type=int, default=6)
    parser.add_argument("--target", help="a postgresql:// URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    count = 5_000 if args.quick else args.links
    links = generated_links(count, args.pairs, random.Random(7))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "links.db"
        target = args.target or str(path)
        with open_store(target) as store:
            started = time.perf_counter()
            store.replace_links(links)
            written = time.perf_counter() - started
            read = timed_read(store, links)
        print(f"links: {count:,} with {args.pairs} pairs each; backend: {type(store).__name__}")
        print(f"write            {written:7.2f} s  {count / written:10,.0f} links/s")
        print(f"read             {read:7.2f} s  {count / read:10,.0f} links/s")
        if args.target:
            return
        reference = reference_read(path)
        print(f"reference        {reference:7.2f} s  {count / reference:10,.0f} links/s")
        print(f"read / reference {read / reference:7.2f} x")
        rewrite_as_objects(path, links)
        with open_store(path) as store:
            older = timed_read(store, links)
        print(f"read, pairs as objects (older rows) {older:7.2f} s  {count / older:10,.0f} links/s")


if __name__ == "__main__":
    main()

"""The link stage alone on generated corpora of growing size: articles/s, peak memory, per part.

    python bench/link_scale.py [--quick] [--sizes 2000,10000,50000] [--profile OUT.prof]
    python bench/link_scale.py --sizes 20000 --window 0.5     # in time windows, whole stage

The corpus (``newscheck.distributed.synthetic``: events reported by several outlets with copies,
rewrites and independent reports) is generated, cleaned and segmented as the runners do, and not
timed. Each size then runs in a process of its own (so its peak memory is its own) through the
parts of :func:`newscheck.link.link_articles`, lexical (no embedder), timed one by one: corpus
(``build_corpus``, ``SentenceScorer``), index (``SupportIndex``), copies (``find_copies``), key
pairs (``SupportIndex.article_pairs``), round 1 and round 2 of ``derive_links``, finish
(``finish_links``: pruning, added spans, families). Printed per size: articles/s of the whole
stage, microseconds per article of each part (flat when the stage scales linearly), candidate
pairs per article, links, peak resident memory and what linking added to it, and a digest of the
links and families (the same before and after a change that must not alter results).

With ``--window DAYS`` the stage runs as ``newscheck analyze --link-window DAYS`` runs it
(:func:`newscheck.link.window.link_in_windows`), timed as a whole: articles/s, the parts and
their mean size, links, links between articles further apart than the window, peak memory, and
the digest (the generated stream has 4,000 articles a day, so memory should stay flat as the
size grows past a few windows).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
PARTS = ("corpus", "index", "copies", "key_pairs", "round1", "round2", "finish")


def rss_mib() -> float:
    """Resident memory of this process now."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generated(count: int, seed: int = 11) -> tuple[list[Any], dict[str, Any], dict[str, str]]:
    """``count`` generated records cleaned and segmented as ``pipeline.ingest`` does (empty and
    repeated records left out), and the event of each article."""
    from newscheck.distributed.synthetic import raw_article, records
    from newscheck.pipeline import clean_article

    articles, segmentations, events = [], {}, {}
    for number, record in enumerate(records(count, seed=seed)):
        if not record["text"].strip():
            continue
        article, segmentation = clean_article(raw_article(record, number), len(articles))
        if article.id in segmentations or not article.text.strip():
            continue
        articles.append(article)
        segmentations[article.id] = segmentation
        events[article.id] = record["event"]
    return articles, segmentations, events


def link_in_parts(
    articles: list[Any],
    segmentations: dict[str, Any],
    events: dict[str, str],
    dump: Path | None = None,
) -> dict[str, Any]:
    """What ``link_articles(articles, segmentations)`` does, part by part, timed."""
    from newscheck.link.candidates import Candidates, CandidateSettings, centroid_pairs
    from newscheck.link.copies import find_copies
    from newscheck.link.corpus import build_corpus
    from newscheck.link.scoring import SentenceScorer
    from newscheck.link.stage import (
        LinkSettings,
        LinkWork,
        derive_links,
        finish_links,
        neighbour_map,
        origins_of,
        unexplained_pairs,
    )
    from newscheck.link.support import SupportIndex
    from newscheck.model import digest

    settings = LinkSettings()
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(part: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[part] = now - clock
        clock = now

    corpus = build_corpus(articles, segmentations, None)
    scorer = SentenceScorer(corpus)
    lap("corpus")
    index = SupportIndex(corpus)
    lap("index")
    overlaps = find_copies([a.text for a in corpus.articles], settings.candidates.copy)
    lap("copies")
    verified = {(o.a, o.b): o for o in overlaps}
    pairs = set(verified) | set(index.article_pairs(CandidateSettings().min_key_sentences))
    pairs |= centroid_pairs(corpus, settings.candidates)
    candidates = Candidates(tuple(sorted(pairs)), verified)
    neighbours = neighbour_map(candidates)
    lap("key_pairs")
    cache: dict[int, Any] = {}
    rules = settings.rules
    first = derive_links(scorer, candidates.pairs, rules, verified, neighbours, explained=cache)
    lap("round1")
    pending = unexplained_pairs(candidates.pairs, first)
    second = derive_links(
        scorer, pending, rules, verified, neighbours, origins_of(first), explained=cache
    )
    lap("round2")
    work = LinkWork(tuple(articles), scorer, index, candidates, neighbours, settings)
    result = finish_links(work, first + second)
    lap("finish")
    results = json.dumps(
        [
            [
                (lk.derived, lk.origin, lk.relation, lk.shared, lk.added, lk.pairs, lk.scheme)
                for lk in result.links
            ],
            [(f.id, f.article_ids) for f in result.families],
        ],
        default=str,
    )
    if dump is not None:  # the links themselves, to compare two versions' results one by one
        rows = [(lk.derived, lk.origin, lk.relation, lk.shared) for lk in result.links]
        dump.write_text(json.dumps(rows), encoding="utf-8")
    return {
        "seconds": seconds,
        "sentences": len(corpus.texts),
        "candidate_pairs": len(candidates.pairs),
        "links": len(result.links),
        "cross_event_links": sum(events[lk.derived] != events[lk.origin] for lk in result.links),
        "families": len(result.families),
        "digest": digest(results),
    }


def link_windowed(
    articles: list[Any], segmentations: dict[str, Any], days: float
) -> dict[str, Any]:
    """What ``newscheck analyze --link-window DAYS`` does in its link stage, timed."""
    from newscheck.link import link_articles
    from newscheck.link.window import link_in_windows, parts, times
    from newscheck.model import digest

    clock = time.perf_counter()
    result = link_in_windows(articles, segmentations, days, link_articles)
    seconds = time.perf_counter() - clock
    cut = parts(articles, days)
    at = dict(zip((a.id for a in articles), times(articles) or [], strict=True))
    results = json.dumps(
        [
            [(lk.derived, lk.origin, lk.relation, lk.shared, lk.added) for lk in result.links],
            [(f.id, f.article_ids) for f in result.families],
        ],
        default=str,
    )
    return {
        "seconds": seconds,
        "parts": len(cut),
        "part_size": sum(len(p.indexes) for p in cut) / max(len(cut), 1),
        "links": len(result.links),
        "far_links": sum(
            abs(at[lk.derived] - at[lk.origin]) > days * 86_400 for lk in result.links
        ),
        "digest": digest(results),
    }


def run_size(
    count: int, profile: str | None, dump: Path | None, window: float | None = None
) -> dict[str, Any]:
    """One size, in this (fresh) process."""
    articles, segmentations, events = generated(count)
    links = dump / f"links-{count}.json" if dump is not None else None
    before = rss_mib()
    if window is not None:
        figures = link_windowed(articles, segmentations, window)
    elif profile:
        import cProfile

        profiler = cProfile.Profile()
        figures = profiler.runcall(link_in_parts, articles, segmentations, events, links)
        profiler.dump_stats(profile)
    else:
        figures = link_in_parts(articles, segmentations, events, links)
    return {
        "articles": len(articles),
        **figures,
        "rss_before_mib": before,
        "peak_mib": peak_mib(),
    }


def report(runs: list[dict[str, Any]]) -> None:
    head = "".join(f"{p:>10}" for p in PARTS)
    print(f"{'articles':>9}{'link/s':>9}{head}{'cand/art':>9}{'links':>7}{'x-event':>8}"
          f"{'peak MiB':>9}{'+link':>7}  digest")  # fmt: skip
    print(f"{'':>18}" + "".join(f"{'us/art':>10}" for _ in PARTS))
    for r in runs:
        n, seconds = r["articles"], r["seconds"]
        total = sum(seconds.values())
        parts = "".join(f"{1e6 * seconds[p] / n:>10.0f}" for p in PARTS)
        grown = r["peak_mib"] - r["rss_before_mib"]
        print(f"{n:>9}{n / total:>9.0f}{parts}{r['candidate_pairs'] / n:>9.2f}{r['links']:>7}"
              f"{r['cross_event_links']:>8}{r['peak_mib']:>9.0f}{grown:>7.0f}"
              f"  {r['digest'][:12]}")  # fmt: skip
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def report_windowed(runs: list[dict[str, Any]], days: float) -> None:
    print(f"link windows of {days:g} days")
    print(f"{'articles':>9}{'link/s':>9}{'parts':>7}{'per part':>9}{'links':>7}"
          f"{'far':>6}{'peak MiB':>9}{'+link':>7}  digest")  # fmt: skip
    for r in runs:
        n = r["articles"]
        grown = r["peak_mib"] - r["rss_before_mib"]
        print(f"{n:>9}{n / r['seconds']:>9.0f}{r['parts']:>7}{r['part_size']:>9.0f}"
              f"{r['links']:>7}{r['far_links']:>6}{r['peak_mib']:>9.0f}{grown:>7.0f}"
              f"  {r['digest'][:12]}")  # fmt: skip
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="500 and 2,000 articles")
    parser.add_argument("--sizes", default="2000,10000,50000", help="corpus sizes, e.g. 2000,10000")
    parser.add_argument("--profile", help="write a cProfile of the link stage (last size) here")
    parser.add_argument("--dump", type=Path, help="write each size's links to DIR/links-N.json")
    parser.add_argument("--window", type=float, help="link in time windows of this many days")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:  # one size, in a process of its own
        print(json.dumps(run_size(args.one, args.profile, args.dump, args.window)))
        return
    sizes = [500, 2000] if args.quick else [int(s) for s in args.sizes.split(",")]
    runs = []
    for i, size in enumerate(sizes):
        command = [sys.executable, str(HERE), "--one", str(size)]
        if args.dump is not None:
            args.dump.mkdir(parents=True, exist_ok=True)
            command += ["--dump", str(args.dump)]
        if args.profile and i == len(sizes) - 1:
            command += ["--profile", args.profile]
        if args.window is not None:
            command += ["--window", str(args.window)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"{size} articles failed:\n{done.stderr[-4000:]}")
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    if args.window is not None:
        report_windowed(runs, args.window)
    else:
        report(runs)


if __name__ == "__main__":
    main()

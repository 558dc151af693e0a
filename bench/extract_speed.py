"""Speed of the extraction stage: articles per second, and how much of it is spaCy's own time.

    python bench/extract_speed.py [--quick] [--articles N] [--processes 1 2]

Articles are the PolNeAR dev texts (``../shared/eval/polnear/data/dev/text``, real news of a few
hundred to a few thousand words) read at run time, else the bundled example corpus. The reference
run, in the same process, is spaCy alone over the same chunks with the same components; our own
code (entities, figures, attributions, claims, names) should add at most half again on top of it.
The cue tagger (a second model, the ``embed`` extra) reads the cue candidates the cue model doubts;
its time is timed apart and counted with the models' (``--no-cue-tagger``: the cue model alone).
Times are wall-clock and process CPU (the CPU figure is steadier on a shared machine).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
POLNEAR_DEV = REPO.parent / "shared" / "eval" / "polnear" / "data" / "dev" / "text"
EXAMPLE = REPO / "examples" / "harbour-fire"
TARGET_OVERHEAD = 0.5


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10 articles, one process")
    parser.add_argument("--articles", type=int, default=84)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-cue-tagger", action="store_true", help="the cue model alone")
    args = parser.parse_args(argv)

    from newscheck.extract import Extractor
    from newscheck.extract.cue_tagger import tagger_available
    from newscheck.model import Article, article_id
    from newscheck.segment import segment

    texts = load_texts(10 if args.quick else args.articles)
    if not texts:
        print("skipped: no articles found (PolNeAR dev texts or examples/)")
        return 0
    articles = [
        Article(article_id(str(i), t), str(i), t, f"{i}.txt", "path", "txt", seq=i)
        for i, t in enumerate(texts)
    ]
    segmentations = {a.id: segment(a.id, a.text) for a in articles}
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} articles, {words} words ({words // len(articles)} per article)")
    processes = [1] if args.quick else args.processes
    for n_process in processes:
        tagged = not args.no_cue_tagger and tagger_available()
        extractor = Extractor(n_process=n_process, cue_tagger=timed_tagger() if tagged else None)
        loading = time.perf_counter()
        extractor.nlp  # noqa: B018 - load everything before timing
        extractor.gazetteer  # noqa: B018
        extractor.cues  # noqa: B018
        if extractor.cue_tagger is not None:
            extractor.cue_tagger.word_logits("Loaded.", [(0, 6)])
        loaded = time.perf_counter() - loading
        list(extractor.extract(articles[:2], segmentations))  # warm caches
        total_wall, total_cpu = timed(
            lambda e=extractor: consume(e.extract(articles, segmentations))
        )
        line = (
            f"n_process={n_process}: load {loaded:.1f} s | whole stage "
            f"{len(articles) / total_wall:.1f} articles/s ({words / total_wall:.0f} words/s), "
            f"{total_wall:.1f} s wall, {total_cpu:.1f} s CPU in this process"
        )
        if n_process == 1:
            line += " | " + split_times(extractor, articles, segmentations, texts)
        print(line)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MiB")
    return 0


def split_times(
    extractor: Any, articles: list[Any], segmentations: dict[str, Any], texts: list[str]
) -> str:
    """spaCy's time and ours measured apart, in the same process: parse every chunk first, then
    run our per-article code and the naming over the parsed chunks."""
    from newscheck.extract import canonicalize

    parsed: list[Any] = []
    spacy_wall, spacy_cpu = timed(lambda: parsed.extend(extractor._parse(texts, with_ner=True)))
    by_article: dict[int, list[Any]] = {}
    for part in parsed:
        by_article.setdefault(part.text_index, []).append(part)

    def ours() -> None:
        done = [
            extractor._one(a, segmentations.get(a.id), by_article.get(i, []))
            for i, a in enumerate(articles)
        ]
        canonicalize(done)

    tagger = extractor.cue_tagger
    if tagger is not None:
        tagger.wall = tagger.cpu = 0.0
        tagger.read = 0
    own_wall, own_cpu = timed(ours)
    tagger_wall, tagger_cpu = (tagger.wall, tagger.cpu) if tagger is not None else (0.0, 0.0)
    own_wall, own_cpu = own_wall - tagger_wall, own_cpu - tagger_cpu
    models_wall, models_cpu = spacy_wall + tagger_wall, spacy_cpu + tagger_cpu
    share = models_cpu / (models_cpu + own_cpu)
    tagger_line = (
        f"cue tagger {tagger_wall:.1f} s / {tagger_cpu:.1f} s ({tagger.read} sentences), "
        if tagger is not None
        else "no cue tagger, "
    )
    return (
        f"spaCy (reference) {spacy_wall:.1f} s wall / {spacy_cpu:.1f} s CPU, {tagger_line}our "
        f"code {own_wall:.1f} s / {own_cpu:.1f} s: the models' share {share:.0%}, ours adds "
        f"{own_cpu / models_cpu:+.0%} CPU ({own_wall / models_wall:+.0%} wall) to the models, "
        f"{own_cpu / spacy_cpu:+.0%} CPU to spaCy alone, target at most +{TARGET_OVERHEAD:.0%}"
    )


def timed_tagger() -> Any:
    """A cue tagger that adds up the time it spends reading (wall and process CPU)."""
    from newscheck.extract.cue_tagger import CueTagger

    class TimedTagger(CueTagger):
        wall = 0.0
        cpu = 0.0

        def word_logits(self, sentence: str, words: Any) -> Any:
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return super().word_logits(sentence, words)
            finally:
                self.wall += time.perf_counter() - wall
                self.cpu += time.process_time() - cpu

    return TimedTagger()


def load_texts(limit: int) -> list[str]:
    paths = sorted(POLNEAR_DEV.glob("*.txt")) if POLNEAR_DEV.is_dir() else []
    if not paths:
        paths = sorted(p for p in EXAMPLE.rglob("*") if p.suffix in (".txt", ".md"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    texts = [t for t in texts if t.strip()]
    while texts and len(texts) < limit:
        texts = texts + texts
    return texts[:limit]


def consume(items: object) -> None:
    for _ in items:  # type: ignore[attr-defined]
        pass


def timed(run: object) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    run()  # type: ignore[operator]
    return time.perf_counter() - wall, time.process_time() - cpu


if __name__ == "__main__":
    sys.exit(main())

"""Cross-checking speed: a story of 200 articles, and how the cost grows.

Prints, for generated stories (see bench/crosscheck_data.py):

- CPU seconds to cross-check and summarise a 200-article story (40 families of an origin and 4
  copies), lexical similarity, and with sentence embeddings when the ``embed`` extra is installed
  (model load excluded, encoding included);
- the reference in the same run: the same story with the family pass switched off (every
  article its own family, so every claim is compared with every claim), and the ratio;
- growth: time per (claims x families) as the number of families doubles, and as the number of
  copies per family doubles (flat means the cost grows no worse than claims x families);
- grouping quality against the planted answers: pairwise precision and recall, conflicts found.

    python bench/crosscheck_speed.py [--quick] [--no-embed]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from crosscheck_data import GeneratedStory, generate, pairwise_scores  # noqa: E402
from newscheck.crosscheck import CrossCheck, crosscheck  # noqa: E402
from newscheck.summarize import summarize  # noqa: E402


def run(
    story: GeneratedStory, *, families: bool = True, embedder: object = None
) -> tuple[float, float, CrossCheck]:
    """CPU seconds (all threads of this process; steadier than wall time on a shared machine)
    and wall seconds to cross-check and summarise the story."""
    cpu, wall = time.process_time(), time.perf_counter()
    check = crosscheck(
        story.story,
        story.articles,
        story.claims,
        story.families if families else (),
        story.links if families else (),
        embedder=embedder,  # type: ignore[arg-type]
    )
    summarize(story.story, check, story.articles, story.claims)
    return time.process_time() - cpu, time.perf_counter() - wall, check


def best_of(
    story: GeneratedStory, repeats: int, *, families: bool = True
) -> tuple[float, float, CrossCheck]:
    runs = [run(story, families=families) for _ in range(repeats)]
    return min(runs, key=lambda r: r[0])


def quality(story: GeneratedStory, check: CrossCheck) -> str:
    precision, recall = pairwise_scores([g.claim_ids for g in check.groups], story.truth)
    kinds = [c.kind for c in check.conflicts]
    return (
        f"pairwise precision {precision:.3f} recall {recall:.3f}; "
        f"conflicts found/planted: denial {kinds.count('denial')}/{story.planted['denial']}, "
        f"numeric {kinds.count('numeric')}/{story.planted['numeric']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller series, one repeat")
    parser.add_argument("--no-embed", action="store_true", help="skip the embeddings run")
    args = parser.parse_args()
    repeats = 1 if args.quick else 3
    print(f"cores available: {os.cpu_count()}; repeats: {repeats} (least CPU time kept)")

    story = generate(families=40, copies=4)
    claims, families = len(story.claims), len(story.families)
    print(f"\nstory: {len(story.articles)} articles, {families} families, {claims} claims")
    seconds, wall, check = best_of(story, repeats)
    memory = ""
    if not args.quick:
        tracemalloc.start()  # a separate run: tracing slows Python down several times
        run(story)
        memory = f", peak {tracemalloc.get_traced_memory()[1] / 2**20:.0f} MiB"
        tracemalloc.stop()
    print(
        f"  lexical:   {seconds:6.2f} s CPU ({wall:.2f} s wall), {claims / seconds:,.0f} "
        f"claims/s{memory}"
    )
    print(f"             {quality(story, check)}")
    reference, _, flat = best_of(story, repeats, families=False)
    print(
        f"  reference (no family pass, all claims against all): {reference:6.2f} s CPU; "
        f"ratio {reference / seconds:.1f}x"
    )
    print(f"             {quality(story, flat)}")

    if not args.no_embed and not args.quick:
        from newscheck.embed import Embedder, embeddings_available

        if embeddings_available():
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            embedder = Embedder(threads=os.cpu_count())
            embedder.encode(["warm up the model"])
            cold, cold_wall, check_e = run(story, embedder=embedder)
            warm, warm_wall, _ = run(story, embedder=embedder)
            print(
                f"  embeddings: {cold:6.2f} s CPU ({cold_wall:.2f} s wall) encoding every claim, "
                f"{warm:.2f} s CPU ({warm_wall:.2f} s wall) with the encodings cached"
            )
            print(f"             {quality(story, check_e)}")
        else:
            print("  embeddings: the 'embed' extra is not installed; skipped")

    print("\ngrowth (CPU s / (claims x families) x 1e6; flat or falling = no worse than C x F)")
    print("  more families (4 copies each):")
    for n in (10, 20) if args.quick else (10, 20, 40, 80, 160):
        s = generate(families=n, copies=4)
        t, _, _ = best_of(s, repeats)
        c, f = len(s.claims), len(s.families)
        print(f"    {f:4d} families {c:6d} claims  {t:7.3f} s  {t / (c * f) * 1e6:7.2f}")
    print("  more copies per family (10 families):")
    for copies in (1, 4) if args.quick else (1, 2, 4, 8, 16):
        s = generate(families=10, copies=copies)
        t, _, _ = best_of(s, repeats)
        c, f = len(s.claims), len(s.families)
        print(f"    {copies:4d} copies   {c:6d} claims  {t:7.3f} s  {t / (c * f) * 1e6:7.2f}")


if __name__ == "__main__":
    main()

"""Attribution quality on PolNeAR: precision, recall and F1 per role (source, cue, content),
exact and overlap, against the brat annotations.

    python bench/extract_polnear.py [--quick] [--split dev|train] [--limit N] [--json]

Reads ``../shared/eval/polnear/data/<split>`` at run time (skips with a message when absent).
The dev split is held out: the cue model and the cue tagger were fitted on train only.
``--no-cue-tagger``: the cue model alone. Reference: a strong published quote attributor scores
about 82 F1 on sources and cues and 83 overlap F1 on contents (59 exact) on similar data.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "eval" / "polnear" / "data"
REFERENCE = {"source": 0.82, "cue": 0.82, "content": 0.83}
"""Overlap F1 of the published attributor we compare with (content: 0.59 exact)."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="first 10 texts only")
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=0, help="score only the first N texts")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--no-cue-tagger",
        action="store_true",
        help="the cue model alone (by default the cue tagger reads its doubtful candidates)",
    )
    args = parser.parse_args(argv)
    split_dir = POLNEAR / args.split
    if not split_dir.is_dir():
        print(f"skipped: PolNeAR not found at {split_dir}")
        return 0

    from newscheck.extract import Extractor, default_cue_tagger
    from newscheck.extract.scoring import AttributionScore, read_polnear

    texts = read_polnear(split_dir)
    limit = 10 if args.quick else args.limit
    if limit:
        texts = texts[:limit]
    extractor = Extractor(cue_tagger=default_cue_tagger(not args.no_cue_tagger))
    started = time.perf_counter()
    extractor.nlp  # noqa: B018 - load the model outside the timed part
    loaded = time.perf_counter()
    predicted = extractor.attributions_in_text([t.text for t in texts])
    done = time.perf_counter()
    score = AttributionScore()
    for text, found in zip(texts, predicted, strict=True):
        score.add_document(text.text, text.gold, found)
    figures = score.figures()
    words = sum(len(t.text.split()) for t in texts)
    if args.json:
        print(json.dumps({"split": args.split, "texts": len(texts), "figures": figures}, indent=2))
        return 0
    print(
        f"PolNeAR {args.split}: {len(texts)} texts, {sum(len(t.gold) for t in texts)} gold and "
        f"{sum(len(p) for p in predicted)} predicted attributions; model load "
        f"{loaded - started:.1f} s, {len(texts) / (done - loaded):.1f} texts/s "
        f"({words / (done - loaded):.0f} words/s)"
    )
    tagger = extractor.cue_tagger
    print(
        "cue tagger: "
        + (f"{tagger.read} sentences read" if tagger is not None else "off (the cue model alone)")
    )
    print(f"{'role':<8} {'match':<8} {'P':>6} {'R':>6} {'F1':>6}   reference F1")
    for role, by_match in figures.items():
        for match, prf in by_match.items():
            reference = ""
            if match == "overlap":
                reference = f"{REFERENCE[role]:.2f}"
            elif match == "exact" and role == "content":
                reference = "0.59"
            print(
                f"{role:<8} {match:<8} {prf['precision']:6.3f} {prf['recall']:6.3f} "
                f"{prf['f1']:6.3f}   {reference}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

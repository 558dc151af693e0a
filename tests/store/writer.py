"""A writer process for the crash tests: writes fictional batches, one line after each commit.

    python tests/store/writer.py TARGET --batches N --batch-size M [--linger-in K]

Each batch is one ``add_articles`` call (one transaction). With ``--linger-in K``, the writer
prints ``inside K`` from within batch K's transaction (once its articles are written, when the
store reads the segmentations) and lingers there, so a test can kill it exactly there.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fictional import fictional_batch  # noqa: E402

from newscheck.model import Segmentation  # noqa: E402
from newscheck.store import open_store  # noqa: E402

LINGER_S = 60.0


class Lingering(Sequence[Segmentation]):
    """Segmentations that announce when the store walks them, then keep it waiting."""

    def __init__(self, items: list[Segmentation], batch: int, seconds: float) -> None:
        self.items, self.batch, self.seconds = items, batch, seconds

    def __iter__(self) -> Iterator[Segmentation]:
        print(f"inside {self.batch}", flush=True)
        time.sleep(self.seconds)
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: Any) -> Any:
        return self.items[index]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("target")
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--linger-in", type=int, default=-1)
    args = parser.parse_args()
    with open_store(args.target) as store:
        run_id = store.begin_run(["fictional"], {"batch_size": args.batch_size})
        added = 0
        for batch in range(args.batches):
            articles, segmentations = fictional_batch(batch * args.batch_size, args.batch_size)
            if batch == args.linger_in:
                segmentations = Lingering(segmentations, batch, LINGER_S)
            added += len(store.add_articles(run_id, articles, segmentations))
            print(f"committed {batch}", flush=True)
        store.finish_run(run_id, "done", {"added": added})
    print("finished", flush=True)


if __name__ == "__main__":
    main()

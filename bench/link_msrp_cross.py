"""Fits the cross-encoder adapter of the paraphrase decision on MSRP, and measures it.

    python bench/link_msrp_cross.py --folds 0,1,2,3,4   # out-of-fold logits for link_msrp.py
    python bench/link_msrp_cross.py --write             # fit on every pair, write the adapter

Reads ``../shared/eval/msrp/msr_paraphrase_train.txt`` (skips when absent). The encoder is the
bundled all-MiniLM-L6-v2 (``newscheck.link.cross``); its own weights stay frozen. Trained: rank-16
low-rank updates (LoRA, scale 2) of the six linear layers of each of its six layers
(``ADAPTED_LAYERS``) and a linear head over the mean-pooled encoding of the pair, each pair
read either way round at random, for 3 epochs (AdamW, learning rate 5e-4, weight decay 0.01,
batches of 16, warm-up over the first 10% of steps then linear decay; seeds fixed). About 15
minutes a fit on 2 cores.

``--folds``: for each fold k of 5 (pairs ``permutation[k::5]`` of a fixed permutation), fit on the
other four fifths and write the held-out pairs' logits to ``CACHE/msrp_cross_fold{k}.npy``
(``--cache``, default ``~/.cache/newscheck-bench``); prints each fold's accuracy per epoch.
``bench/link_msrp.py`` reads those logits to score the aligner's decision cross-validated.
``--write``: fit on all pairs and write ``src/newscheck/link/data/paraphrase_cross.npz``.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

import numpy as np

from adapter_training import adapted_encoder, adapter_factors, optimiser
from link_msrp import CROSS_CACHE, CROSS_FOLDS, MSRP, cross_fold_path, load
from newscheck.link.cross import ADAPTER, MAX_TOKENS

EPOCHS = 3
BATCH = 16
LEARNING_RATE = 5e-4
WARMUP = 0.1


def fold_pairs(n: int, fold: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.random.default_rng(1).permutation(n)
    held = order[fold::CROSS_FOLDS]
    return np.setdiff1d(order, held), held


class Trainer:
    """The encoder with its adapter and head, trained on pairs ``a[i]``, ``b[i]`` (label
    ``y[i]``)."""

    def __init__(self, a: list[str], b: list[str], y: np.ndarray) -> None:
        self.torch, self.tokenizer, self.encoder, self.head = adapted_encoder(outputs=2)
        self.torch.set_num_threads(os.cpu_count() or 1)
        self.a, self.b, self.y = a, b, y

    def _batch(self, idx: np.ndarray, swap: np.ndarray | None = None) -> Any:
        """The pairs ``idx`` encoded; ``swap``: which of them to read the other way round."""
        flip = np.zeros(len(idx), dtype=bool) if swap is None else swap
        return self.tokenizer(
            [self.b[i] if f else self.a[i] for i, f in zip(idx, flip, strict=True)],
            [self.a[i] if f else self.b[i] for i, f in zip(idx, flip, strict=True)],
            padding=True,
            truncation=True,
            max_length=MAX_TOKENS,
            return_tensors="pt",
        )

    def _logits(self, encoded: Any) -> Any:
        hidden = self.encoder(**encoded).last_hidden_state
        mask = encoded["attention_mask"].unsqueeze(-1).float()
        return self.head((hidden * mask).sum(1) / mask.sum(1))

    def fit(self, train: np.ndarray, held: np.ndarray | None) -> np.ndarray | None:
        """Train on ``train``; after each epoch print accuracy on ``held`` (if any) and return
        the last epoch's logits of ``held``."""
        torch = self.torch
        steps = EPOCHS * ((len(train) + BATCH - 1) // BATCH)
        optimizer, schedule = optimiser(
            torch, (self.encoder, self.head), LEARNING_RATE, steps, WARMUP
        )
        rng = np.random.default_rng(2)
        start = time.perf_counter()
        logits = None
        for epoch in range(EPOCHS):
            self.encoder.train()
            self.head.train()
            order = rng.permutation(train)
            for s in range(0, len(order), BATCH):
                idx = order[s : s + BATCH]
                # Either way round: a re-wording is one whichever sentence comes first.
                out = self._logits(self._batch(idx, rng.random(len(idx)) < 0.5))
                loss = torch.nn.functional.cross_entropy(out, torch.tensor(self.y[idx]))
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                schedule.step()
            if held is not None:
                logits = self.predict(held)
                accuracy = float(np.mean((logits > 0) == self.y[held]))
                elapsed = time.perf_counter() - start
                print(f"  epoch {epoch + 1}: held-out accuracy {accuracy:.4f} ({elapsed:.0f}s)")
        return logits

    def predict(self, idx: np.ndarray) -> np.ndarray:
        """Logits of the pairs ``idx``."""
        torch = self.torch
        self.encoder.eval()
        self.head.eval()
        out = []
        with torch.no_grad():
            for s in range(0, len(idx), 64):
                part = idx[s : s + 64]
                raw = self._logits(self._batch(part)).numpy()
                out.append(raw[:, 1] - raw[:, 0])
        return np.concatenate(out).astype(np.float64)

    def adapter(self) -> dict[str, np.ndarray]:
        """The trained factors and head, as :mod:`newscheck.link.cross` reads them."""
        stored = adapter_factors(self.encoder)
        linear = self.head[1]
        weight = linear.weight.detach().numpy().astype(np.float64)
        bias = linear.bias.detach().numpy().astype(np.float64)
        stored["head.weight"] = (weight[1] - weight[0]).astype(np.float32)
        stored["head.bias"] = np.array(bias[1] - bias[0], dtype=np.float32)
        return stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", default="", help="comma-separated folds (0-4) to fit")
    parser.add_argument("--write", action="store_true", help="fit on all pairs, write adapter")
    parser.add_argument("--cache", type=Path, default=CROSS_CACHE)
    parser.add_argument("--out", type=Path, default=ADAPTER)
    args = parser.parse_args()
    if not MSRP.exists():
        print(f"skipped: MSRP not found at {MSRP} (the shared folder lives beside the checkout)")
        return
    a, b, y = load(None)
    for fold in [int(f) for f in args.folds.split(",") if f]:
        print(f"fold {fold} of {CROSS_FOLDS}")
        train, held = fold_pairs(len(y), fold)
        logits = Trainer(a, b, y).fit(train, held)
        args.cache.mkdir(parents=True, exist_ok=True)
        np.save(cross_fold_path(args.cache, fold), np.stack([held, logits]))
    if args.write:
        trainer = Trainer(a, b, y)
        trainer.fit(np.arange(len(y)), None)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        np.savez(args.out, **trainer.adapter())
        print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()

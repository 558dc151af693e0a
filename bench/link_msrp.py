"""Accuracy and F1 of the sentence aligner's "same claim, re-worded" decision on MSRP.

    python bench/link_msrp.py [--quick] [--fit] [--lexical]

Reads ``../shared/eval/msrp/msr_paraphrase_train.txt`` (skips when absent). The corpus is
tokenised ("Amrozi 's brother ... <QUOTE>"); it is turned back into plain text first, since that is
what newscheck reads. A pair counts as "re-worded" when :func:`newscheck.link.paraphrase.relation`
says ``same`` or ``paraphrase``.

Printed: the shipped model's accuracy and F1 on all pairs (it was fitted on them, so this is an
upper bound), the same procedure's 10-fold cross-validated accuracy (fit on nine folds, score the
held-out fold), and simple baselines (each with its best threshold, also cross-validated).
``--fit`` prints the coefficients to paste into ``paraphrase.py``; ``--quick`` scores the shipped
model on 300 pairs only. When ``msr_paraphrase_test.txt`` lies beside the train file, the shipped
model and the baselines (thresholds chosen on train) are scored on it as well.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from newscheck.link.lexical import profile
from newscheck.link.paraphrase import (
    CROSS_DECISION,
    EMBEDDING_MODEL,
    FEATURES,
    LEXICAL_MODEL,
    CrossDecision,
    ParaphraseModel,
    pair_features,
    relation,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MSRP = SHARED / "eval" / "msrp" / "msr_paraphrase_train.txt"
MSRP_TEST = MSRP.with_name("msr_paraphrase_test.txt")
"""Scored when present (it is kept back from the shared folder): the shipped model as it is, and
each baseline with the threshold that is best on the train split."""
FOLDS = 10


def detokenise(text: str) -> str:
    text = text.replace("<QUOTE>", '"')
    text = re.sub(r" (['’](?:s|re|ve|ll|d|m|t)\b|n't\b)", r"\1", text)
    text = re.sub(r" ([.,;:!?%)\]])", r"\1", text)
    text = re.sub(r"([($\[]) ", r"\1", text)
    text = re.sub(r'" (.*?) "', r'"\1"', text)
    return re.sub(r"\s+", " ", text).strip()


def load(limit: int | None, path: Path = MSRP) -> tuple[list[str], list[str], np.ndarray]:
    rows = []
    with path.open(encoding="utf-8-sig") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            rows.append((int(row[0]), detokenise(row[3]), detokenise(row[4])))
    if limit is not None:
        rows = [rows[i] for i in np.random.default_rng(0).permutation(len(rows))[:limit]]
    return [r[1] for r in rows], [r[2] for r in rows], np.array([r[0] for r in rows])


def cosines(a: list[str], b: list[str]) -> np.ndarray:
    from newscheck.embed import Embedder

    embedder = Embedder()
    va, vb = embedder.encode(a), embedder.encode(b)
    return np.asarray(np.einsum("ij,ij->i", va, vb), dtype=np.float64)


# --------------------------------------------------------------------------- logistic regression


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton steps on standardised features; returns raw
    weights and bias (so the shipped model needs no scaler)."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.c_[np.ones(len(x)), (x - mean) / scale]
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-z @ w))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = w[1:] / scale
    return weights, float(w[0] - (w[1:] * mean / scale).sum())


def folds(n: int) -> list[np.ndarray]:
    return np.array_split(np.random.default_rng(1).permutation(n), FOLDS)


def scores(predicted: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    accuracy = float(np.mean(predicted == y))
    tp = float(np.sum(predicted & (y == 1)))
    precision = tp / max(1, int(predicted.sum()))
    recall = tp / max(1, int((y == 1).sum()))
    return accuracy, 2 * precision * recall / (precision + recall) if tp else 0.0


def decisions(x: np.ndarray, a: list[str], b: list[str], model: ParaphraseModel) -> np.ndarray:
    """The aligner's verdict per pair without the cross-encoder: "same" or "paraphrase"."""
    return verdicts(x, a, b, model)[0]


def verdicts(
    x: np.ndarray,
    a: list[str],
    b: list[str],
    model: ParaphraseModel,
    logits: np.ndarray | None = None,
    decision: CrossDecision = CROSS_DECISION,
) -> tuple[np.ndarray, np.ndarray]:
    """The aligner's verdict per pair ("same" or "paraphrase"), and which pairs the cross-encoder
    read: with ``logits`` (its logits, one per pair) the doubtful pairs are re-decided as the link
    stage does."""
    probability = model.probability(x)
    out = np.zeros(len(x), dtype=bool)
    read = np.zeros(len(x), dtype=bool)
    for i in range(len(x)):
        pa, pb, p = profile(a[i]), profile(b[i]), float(probability[i])
        if logits is not None and decision.reads(pa, pb, x[i], p):
            read[i] = True
            p = decision.probability(p, float(logits[i]))
        out[i] = relation(pa, pb, x[i], p, model) in ("same", "paraphrase")
    return out, read


def cross_validated(
    x: np.ndarray, y: np.ndarray, a: list[str], b: list[str], columns: list[int], uses_cosine: bool
) -> tuple[float, float]:
    """Fit on nine folds (features ``columns`` only), score the tenth, for each fold."""
    predicted = np.zeros(len(y), dtype=bool)
    for held in folds(len(y)):
        train = np.setdiff1d(np.arange(len(y)), held)
        weights, bias = fit_logistic(x[train][:, columns], y[train])
        full = np.zeros(len(FEATURES))
        full[columns] = weights
        model = ParaphraseModel("cv", tuple(full), bias, uses_cosine)
        predicted[held] = decisions(x[held], [a[i] for i in held], [b[i] for i in held], model)
    return scores(predicted, y)


CROSS_CACHE = Path.home() / ".cache" / "newscheck-bench"
CROSS_FOLDS = 5


def cross_fold_path(cache: Path, fold: int) -> Path:
    """Where ``bench/link_msrp_cross.py --folds`` keeps one fold's held-out pairs and logits."""
    return cache / f"msrp_cross_fold{fold}.npy"


def cross_logits(n: int) -> tuple[np.ndarray, list[np.ndarray]] | None:
    """The cross-encoder's out-of-fold logits of every pair (NaN where its fold has not been
    fitted) and the held-out pairs of each fold found, as ``bench/link_msrp_cross.py --folds``
    left them; None when no fold is there."""
    logits = np.full(n, np.nan)
    held = []
    for fold in range(CROSS_FOLDS):
        path = cross_fold_path(CROSS_CACHE, fold)
        if not path.exists():
            continue
        stored = np.load(path)
        idx = stored[0].astype(np.int64)
        logits[idx] = stored[1]
        held.append(idx)
    return (logits, held) if held else None


def fit_decision(
    x: np.ndarray,
    a: list[str],
    b: list[str],
    y: np.ndarray,
    logits: np.ndarray,
    model: ParaphraseModel,
    band: tuple[float, float],
) -> CrossDecision:
    """The combination of cross-encoder logit and the logistic model's log-odds, fitted on the
    pairs of ``band`` that are not simply the same sentence."""
    band_only = CrossDecision(CROSS_DECISION.name, band[0], band[1], 0.0, 0.0, 0.0)
    read = verdicts(x, a, b, model, logits, band_only)[1]
    p = np.clip(model.probability(x[read]), 1e-9, 1 - 1e-9)
    weights, bias = fit_logistic(np.c_[logits[read], np.log(p / (1 - p))], y[read])
    return CrossDecision(
        CROSS_DECISION.name, band[0], band[1], float(weights[0]), float(weights[1]), bias
    )


def cross_report(
    x: np.ndarray,
    a: list[str],
    b: list[str],
    y: np.ndarray,
    band: tuple[float, float],
    fit: bool,
) -> None:
    """The aligner's decision with the cross-encoder: out-of-fold logits, the logistic model and
    the combination refitted on the training folds of the cross-encoder's own folds."""
    found = cross_logits(len(y))
    if found is None:
        print(f"  no cross-encoder logits in {CROSS_CACHE}: run bench/link_msrp_cross.py --folds")
        return
    logits, held_folds = found
    covered = np.sort(np.concatenate(held_folds))
    if len(held_folds) < CROSS_FOLDS:
        print(f"  only {len(held_folds)} of {CROSS_FOLDS} folds fitted: scored on their pairs")
        x, y, logits = x[covered], y[covered], logits[covered]
        a, b = [a[i] for i in covered], [b[i] for i in covered]
        position = {pair: k for k, pair in enumerate(covered)}
        held_folds = [np.array([position[i] for i in held]) for held in held_folds]
    accuracy, f1 = scores(logits > 0, y)
    print(
        f"  cross-encoder alone ({len(y)} pairs out-of-fold): accuracy {accuracy:.4f}, F1 {f1:.4f}"
    )
    predicted = np.zeros(len(y), dtype=bool)
    read = np.zeros(len(y), dtype=bool)
    for held in held_folds:
        train = np.setdiff1d(np.arange(len(y)), held)
        weights, bias = fit_logistic(x[train], y[train])
        model = ParaphraseModel("cv", tuple(weights), bias, True)
        ta, tb = [a[i] for i in train], [b[i] for i in train]
        decision = fit_decision(x[train], ta, tb, y[train], logits[train], model, band)
        ha, hb = [a[i] for i in held], [b[i] for i in held]
        predicted[held], read[held] = verdicts(x[held], ha, hb, model, logits[held], decision)
    accuracy, f1 = scores(predicted, y)
    print(
        f"aligner with the cross-encoder (band {band[0]}-{band[1]}, {read.mean():.0%} of pairs "
        f"read), cross-validated on the encoder's folds: accuracy {accuracy:.4f}, F1 {f1:.4f}"
    )
    shipped = verdicts(x, a, b, EMBEDDING_MODEL, logits, CROSS_DECISION)[0]
    accuracy, f1 = scores(shipped, y)
    print(
        f"  shipped {CROSS_DECISION.name} on the out-of-fold logits (the logistic model and the "
        f"decision were fitted on these pairs): accuracy {accuracy:.4f}, F1 {f1:.4f}"
    )
    if fit:
        print(fit_decision(x, a, b, y, logits, EMBEDDING_MODEL, band))


def threshold_baseline(values: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """One score with its best threshold, chosen on the training folds."""
    predicted = np.zeros(len(y), dtype=bool)
    grid = np.quantile(values, np.linspace(0.01, 0.99, 99))
    for held in folds(len(y)):
        train = np.setdiff1d(np.arange(len(y)), held)
        best = max(grid, key=lambda t: np.mean((values[train] >= t) == y[train]))
        predicted[held] = values[held] >= best
    return scores(predicted, y)


def features(a: list[str], b: list[str], lexical: bool) -> tuple[np.ndarray, np.ndarray]:
    cos = np.zeros(len(a)) if lexical else cosines(a, b)
    x = np.array(
        [pair_features(profile(p), profile(q), c) for p, q, c in zip(a, b, cos, strict=True)]
    )
    return x, cos


def held_out(
    model: ParaphraseModel,
    train_baselines: dict[str, Callable[[], np.ndarray]],
    train_y: np.ndarray,
    lexical: bool,
) -> None:
    """The shipped model and the baselines (thresholds from the train split) on the test split."""
    a, b, y = load(None, MSRP_TEST)
    x, cos = features(a, b, lexical)
    accuracy, f1 = scores(decisions(x, a, b, model), y)
    print(f"MSRP test: {len(y)} pairs; shipped {model.name}: accuracy {accuracy:.4f}, F1 {f1:.4f}")
    test_values = {
        "always re-worded": np.ones(len(y)),
        "word overlap (Jaccard)": x[:, FEATURES.index("word_jaccard")],
        "fuzzy token ratio": x[:, FEATURES.index("token_sort")],
        "MiniLM cosine": cos,
    }
    for name, values in train_baselines.items():
        train = values()
        grid = np.quantile(train, np.linspace(0.01, 0.99, 99))
        best = max(grid, key=lambda t: np.mean((train >= t) == train_y))
        accuracy, f1 = scores(test_values[name] >= best, y)
        print(f"  baseline {name:24s} accuracy {accuracy:.4f}, F1 {f1:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 pairs, shipped model only")
    parser.add_argument("--fit", action="store_true", help="print coefficients fitted on all pairs")
    parser.add_argument("--lexical", action="store_true", help="no embeddings")
    parser.add_argument(
        "--band",
        default=f"{CROSS_DECISION.low},{CROSS_DECISION.high}",
        help="logistic probabilities whose pairs the cross-encoder reads (low,high)",
    )
    parser.add_argument("--fit-cross", action="store_true", help="print the fitted decision")
    args = parser.parse_args()
    if not MSRP.exists():
        print(f"skipped: MSRP not found at {MSRP} (the shared folder lives beside the checkout)")
        return
    a, b, y = load(300 if args.quick else None)
    start = time.perf_counter()
    x, cos = features(a, b, args.lexical)
    embed_s = time.perf_counter() - start
    model = LEXICAL_MODEL if args.lexical else EMBEDDING_MODEL
    print(f"MSRP train: {len(y)} pairs, {y.mean():.3f} re-worded; embeddings {embed_s:.0f}s")
    accuracy, f1 = scores(decisions(x, a, b, model), y)
    print(f"shipped {model.name}: accuracy {accuracy:.4f}, F1 {f1:.4f} (fitted on these pairs)")
    if args.quick:
        return
    columns = [i for i, f in enumerate(FEATURES) if f != "cosine" or not args.lexical]
    accuracy, f1 = cross_validated(x, y, a, b, columns, not args.lexical)
    print(f"same procedure, {FOLDS}-fold cross-validated: accuracy {accuracy:.4f}, F1 {f1:.4f}")
    baselines: dict[str, Callable[[], np.ndarray]] = {
        "always re-worded": lambda: np.ones(len(y)),
        "word overlap (Jaccard)": lambda: x[:, FEATURES.index("word_jaccard")],
        "fuzzy token ratio": lambda: x[:, FEATURES.index("token_sort")],
    }
    if not args.lexical:
        baselines["MiniLM cosine"] = lambda: cos
    for name, values in baselines.items():
        accuracy, f1 = threshold_baseline(values(), y)
        print(f"  baseline {name:24s} accuracy {accuracy:.4f}, F1 {f1:.4f}")
    if not args.lexical:
        low, high = (float(v) for v in args.band.split(","))
        cross_report(x, a, b, y, (low, high), args.fit_cross)
    if MSRP_TEST.exists():
        held_out(model, baselines, y, args.lexical)
    else:
        print(f"  no test split at {MSRP_TEST}: the cross-validated figures are the estimate")
    if args.fit:
        weights, bias = fit_logistic(x[:, columns], y)
        full = np.zeros(len(FEATURES))
        full[columns] = weights
        print("weights=(" + ", ".join(f"{w:.4f}" for w in full) + f"), bias={bias:.4f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
